import { z } from 'zod';
import { SemanticQuerySchema, type SemanticQuery } from '../contracts/query.js';
import { ScalarValue } from '../contracts/result.js';
import { findSqlParameters } from '../query/sql-params.js';

/**
 * The widget spec (version 2): what one dashboard tile shows, where its data comes from and how a
 * click on it behaves. Plain JSON, so it round-trips through storage, REST and "spec + data" files.
 * Older versions are accepted by parseWidgetSpec (migrate.ts), which upgrades them to this one.
 */

export const WIDGET_SPEC_VERSION = 2 as const;

export const WidgetMark = z.enum(['bar', 'stacked-bar', 'line', 'area', 'point', 'tick', 'donut', 'big-number', 'table']);
export type WidgetMark = z.infer<typeof WidgetMark>;

export const FieldType = z.enum(['quantitative', 'temporal', 'ordinal', 'nominal']);
export type FieldType = z.infer<typeof FieldType>;

/** Vega-Lite's aggregate operations that make sense over an already aggregated result. */
export const EncodingAggregate = z.enum(['count', 'distinct', 'sum', 'mean', 'median', 'min', 'max']);
export type EncodingAggregate = z.infer<typeof EncodingAggregate>;

/** Ascending/descending by the field itself, by another channel ("-y": by y descending), or an explicit order of values. */
export const EncodingSort = z.union([
  z.enum(['ascending', 'descending', 'x', '-x', 'y', '-y', 'color', '-color', 'size', '-size']),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);
export type EncodingSort = z.infer<typeof EncodingSort>;

export const EncodingSchema = z.object({
  /** A result column: the member key ("transactions.revenue", "transactions.ts.month") or the SQL column name. */
  field: z.string().min(1),
  aggregate: EncodingAggregate.optional(),
  /** Bin a quantitative field (histograms); `true` or a maximum number of bins. */
  bin: z.union([z.boolean(), z.object({ maxbins: z.number().int().min(2).max(200) })]).optional(),
  type: FieldType,
  sort: EncodingSort.optional(),
  /** d3-format for numbers, d3-time-format for dates; default: the result column's format. */
  format: z.string().optional(),
  title: z.string().optional(),
});
export type Encoding = z.infer<typeof EncodingSchema>;

export const EncodingsSchema = z
  .object({
    x: EncodingSchema.optional(),
    y: EncodingSchema.optional(),
    color: EncodingSchema.optional(),
    size: EncodingSchema.optional(),
    /** The angle of donut slices. */
    theta: EncodingSchema.optional(),
  })
  .default({});
export type Encodings = z.infer<typeof EncodingsSchema>;
export const ENCODING_CHANNELS = ['x', 'y', 'color', 'size', 'theta'] as const;
export type EncodingChannel = (typeof ENCODING_CHANNELS)[number];

export const SemanticDataSchema = z.object({ kind: z.literal('semantic'), query: SemanticQuerySchema });
export const SqlDataSchema = z.object({
  kind: z.literal('sql'),
  /** SQL with named parameters written '$NAME' (bound, never spliced), for adapters with the sql capability. */
  sql: z.string().min(1),
  /** A sample value for every parameter, used when no dashboard filter supplies one. */
  params: z.record(z.string(), ScalarValue).default({}),
});
export const WidgetDataSchema = z.discriminatedUnion('kind', [SemanticDataSchema, SqlDataSchema]);
export type WidgetData = z.infer<typeof WidgetDataSchema>;

export const ComparisonSchema = z.discriminatedUnion('kind', [
  /** Another query whose value (same field as the big number) is the reference. */
  z.object({ kind: z.literal('query'), query: SemanticQuerySchema, label: z.string().optional() }),
  /** The same query over the period of equal length right before its date range. */
  z.object({ kind: z.literal('previous-period'), label: z.string().optional() }),
]);
export type Comparison = z.infer<typeof ComparisonSchema>;

export const BigNumberSchema = z.object({
  comparison: ComparisonSchema.optional(),
  /** d3-format of the delta: "+.1%" (relative) or e.g. "+$,.0f" with deltaKind absolute. */
  deltaFormat: z.string().default('+.1%'),
  deltaKind: z.enum(['relative', 'absolute']).default('relative'),
  /** Whether an increase is good news (colours the delta). */
  higherIsBetter: z.boolean().default(true),
});

export const AxisSchema = z.object({
  title: z.string().optional(),
  /** Hide the tick labels (sparklines, crowded axes). */
  labels: z.boolean().default(true),
  labelAngle: z.number().min(-90).max(90).optional(),
});

export const TableColumnSchema = z.object({
  field: z.string().min(1),
  title: z.string().optional(),
  sortable: z.boolean().default(true),
  format: z.string().optional(),
});

export const PropertiesSchema = z
  .object({
    legend: z
      .object({ placement: z.enum(['top', 'bottom', 'left', 'right', 'none']).default('top'), title: z.string().optional() })
      .optional(),
    axis: z.object({ x: AxisSchema.optional(), y: AxisSchema.optional() }).optional(),
    /** d3-format applied to quantitative fields without a format of their own. */
    numberFormat: z.string().optional(),
    /** The currency "$" in a d3-format stands for (ISO 4217 code; symbol defaults from the code). */
    currency: z.object({ code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'), symbol: z.string().optional() }).optional(),
    table: z
      .object({
        /** Shown columns in order; default: every result column. */
        columns: z.array(TableColumnSchema).min(1).optional(),
        defaultSort: z.object({ field: z.string().min(1), direction: z.enum(['asc', 'desc']).default('asc') }).optional(),
        pageSize: z.number().int().min(1).max(500).default(25),
      })
      .optional(),
    bigNumber: BigNumberSchema.optional(),
  })
  .default({});

export const ClickSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** Filter the other widgets of the dashboard by the clicked datum (default fields: x, then color). */
  z.object({ kind: z.literal('filter'), fields: z.array(z.string().min(1)).min(1).optional() }),
  /** Open another dashboard; parameters maps its filter names to fields of the clicked datum. */
  z.object({ kind: z.literal('drill'), dashboardId: z.string().min(1), parameters: z.record(z.string(), z.string().min(1)).optional() }),
]);

export const InteractionsSchema = z
  .object({
    tooltip: z.boolean().default(true),
    click: ClickSchema.default({ kind: 'none' }),
  })
  .default({ tooltip: true, click: { kind: 'none' } });

/** Marks drawn by Vega-Lite with position channels x and y. */
export const XY_MARKS: ReadonlySet<WidgetMark> = new Set(['bar', 'stacked-bar', 'line', 'area', 'point', 'tick']);

/** The channels a mark needs and the ones it may also use, each with what it means for that mark. */
export interface MarkChannelRule {
  required: readonly EncodingChannel[];
  optional: readonly EncodingChannel[];
  purpose: Readonly<Partial<Record<EncodingChannel, string>>>;
}

const XY_PURPOSE = { x: 'the horizontal position', y: 'the vertical position', color: 'a series per value', size: 'the size of each mark' } as const;

/**
 * Which encoding channels each mark needs and allows: the one rule behind checkSpec and the
 * composer. A channel in neither list is refused, as Vega-Lite would ignore it (size on arcs and
 * areas) or the widget never draws it (tables show result columns, not channels).
 */
export const MARK_CHANNELS: Readonly<Record<WidgetMark, MarkChannelRule>> = {
  bar: { required: ['x', 'y'], optional: ['color', 'size'], purpose: XY_PURPOSE },
  'stacked-bar': {
    required: ['x', 'y', 'color'],
    optional: ['size'],
    purpose: { ...XY_PURPOSE, color: 'what the segments of a stack are' },
  },
  line: { required: ['x', 'y'], optional: ['color', 'size'], purpose: XY_PURPOSE },
  area: { required: ['x', 'y'], optional: ['color'], purpose: XY_PURPOSE },
  point: { required: ['x', 'y'], optional: ['color', 'size'], purpose: XY_PURPOSE },
  tick: { required: ['x', 'y'], optional: ['color', 'size'], purpose: XY_PURPOSE },
  donut: { required: ['theta', 'color'], optional: [], purpose: { theta: 'the size of each slice', color: 'what each slice is' } },
  'big-number': { required: ['y'], optional: [], purpose: { y: 'the field whose value is shown' } },
  table: { required: [], optional: [], purpose: {} },
};

/** The channels a mark can use, required first, in MARK_CHANNELS order. */
export function markChannels(mark: WidgetMark): EncodingChannel[] {
  const rule = MARK_CHANNELS[mark];
  return [...rule.required, ...rule.optional];
}

/** The result columns a semantic query returns, in output order (as planQuery names them). */
export function queryResultColumns(query: SemanticQuery): string[] {
  return [
    ...query.dimensions,
    ...query.timeDimensions.filter((t) => t.granularity).map((t) => `${t.dimension}.${t.granularity}`),
    ...query.measures,
  ];
}

const WidgetSpecObject = z.object({
  version: z.literal(WIDGET_SPEC_VERSION),
  title: z.string().min(1),
  description: z.string().optional(),
  data: WidgetDataSchema,
  mark: WidgetMark,
  encodings: EncodingsSchema,
  properties: PropertiesSchema,
  interactions: InteractionsSchema,
});
type SpecShape = z.infer<typeof WidgetSpecObject>;

/** The rules between fields that JSON Schema cannot state; each issue names its field. */
function checkSpec(spec: SpecShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const enc = spec.encodings;
  const rule = MARK_CHANNELS[spec.mark];
  for (const channel of rule.required) {
    if (!enc[channel]) issue(['encodings', channel], `${spec.mark} needs encodings.${channel} (${rule.purpose[channel]})`);
  }
  for (const channel of ENCODING_CHANNELS) {
    if (enc[channel] && !rule.required.includes(channel) && !rule.optional.includes(channel))
      issue(['encodings', channel], `${spec.mark} does not use encodings.${channel}`);
  }
  if (spec.mark !== 'big-number' && spec.properties.bigNumber) issue(['properties', 'bigNumber'], 'only big-number widgets take bigNumber properties');
  if (spec.mark !== 'table' && spec.properties.table) issue(['properties', 'table'], 'only table widgets take table properties');
  for (const c of ENCODING_CHANNELS) {
    const e = enc[c];
    if (e?.bin && e.type !== 'quantitative') issue(['encodings', c, 'bin'], `only a quantitative field can be binned (encodings.${c} is ${e.type})`);
  }

  // SQL parameters: every '$NAME' needs a sample value so the widget renders on its own.
  if (spec.data.kind === 'sql') {
    for (const name of findSqlParameters(spec.data.sql)) {
      if (!(name in spec.data.params)) issue(['data', 'params', name], `the SQL uses '$${name}' but params has no sample value for it`);
    }
  }

  const comparison = spec.properties.bigNumber?.comparison;
  if (comparison?.kind === 'previous-period') {
    const ranged = spec.data.kind === 'semantic' && spec.data.query.timeDimensions.some((t) => t.dateRange !== undefined);
    if (!ranged)
      issue(['properties', 'bigNumber', 'comparison'], 'a previous-period comparison needs a semantic query with a time dimension that has a dateRange');
  }

  // With a semantic query the result columns are known, so every field reference must be one of them.
  if (spec.data.kind !== 'semantic') return;
  const columns = new Set(queryResultColumns(spec.data.query));
  const known = (field: string) => columns.has(field);
  const list = [...columns].join(', ');
  for (const c of ENCODING_CHANNELS) {
    const e = enc[c];
    if (e && !known(e.field)) issue(['encodings', c, 'field'], `"${e.field}" is not a result column of the query (${list})`);
  }
  const table = spec.properties.table;
  table?.columns?.forEach((col, i) => {
    if (!known(col.field)) issue(['properties', 'table', 'columns', i, 'field'], `"${col.field}" is not a result column of the query (${list})`);
  });
  if (table?.defaultSort) {
    const f = table.defaultSort.field;
    const shown = table.columns?.find((c) => c.field === f);
    if (!known(f)) issue(['properties', 'table', 'defaultSort', 'field'], `"${f}" is not a result column of the query (${list})`);
    else if (table.columns && !shown) issue(['properties', 'table', 'defaultSort', 'field'], `"${f}" is not one of properties.table.columns`);
    else if (shown && !shown.sortable) issue(['properties', 'table', 'defaultSort', 'field'], `"${f}" is not sortable`);
  }
  const click = spec.interactions.click;
  if (click.kind === 'filter') {
    click.fields?.forEach((f, i) => {
      if (!known(f)) issue(['interactions', 'click', 'fields', i], `"${f}" is not a result column of the query (${list})`);
    });
  } else if (click.kind === 'drill') {
    for (const [name, f] of Object.entries(click.parameters ?? {})) {
      if (!known(f)) issue(['interactions', 'click', 'parameters', name], `"${f}" is not a result column of the query (${list})`);
    }
  }
  if (comparison?.kind === 'query' && enc.y && !queryResultColumns(comparison.query).includes(enc.y.field)) {
    issue(['properties', 'bigNumber', 'comparison', 'query'], `the comparison query must return "${enc.y.field}" (encodings.y.field)`);
  }
}

export const WidgetSpecSchema = WidgetSpecObject.superRefine(checkSpec);
export type WidgetSpec = z.infer<typeof WidgetSpecSchema>;
/** What an author writes: encodings, properties and interactions may be left out. */
export type WidgetSpecInput = z.input<typeof WidgetSpecSchema>;

/** The semantic queries a widget runs: its data and, for a big number, the comparison query. */
export function widgetQueries(spec: WidgetSpec): SemanticQuery[] {
  const out: SemanticQuery[] = [];
  if (spec.data.kind === 'semantic') out.push(spec.data.query);
  const c = spec.properties.bigNumber?.comparison;
  if (c?.kind === 'query') out.push(c.query);
  return out;
}
