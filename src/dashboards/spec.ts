import { z } from 'zod';
import { MemberName, RelativeDateRange, DateString, SemanticQuerySchema } from '../contracts/query.js';
import { parseInstant } from '../query/dates.js';
import { WidgetSpecSchema, queryResultColumns } from '../widgets/spec.js';

/**
 * The dashboard spec (version 1): its widgets, where each sits on the grid, and the filters the
 * viewer sets. Plain JSON, so it round-trips through browser storage and the REST store.
 */

export const DASHBOARD_SPEC_VERSION = 1 as const;

/** Grid columns of every dashboard; a widget's x + w never exceeds it. */
export const GRID_COLUMNS = 12;

/** Rows a widget may span at most. */
export const MAX_WIDGET_HEIGHT = 24;

/** Where a widget sits, in grid cells: x from the left (0–11), y from the top, w wide, h tall. */
export const LayoutSchema = z
  .object({
    x: z.number().int().min(0).max(GRID_COLUMNS - 1),
    y: z.number().int().min(0),
    w: z.number().int().min(1).max(GRID_COLUMNS),
    h: z.number().int().min(1).max(MAX_WIDGET_HEIGHT),
  })
  .refine((l) => l.x + l.w <= GRID_COLUMNS, { message: `x + w must not exceed ${GRID_COLUMNS} columns`, path: ['w'] });
export type Layout = z.infer<typeof LayoutSchema>;

/** Which dashboard filters a widget takes. */
export const WidgetFilterOptInSchema = z
  .object({
    /** The dashboard date range narrows this widget. */
    dateRange: z.boolean().default(true),
    /** Ids of the global filters that narrow this widget (none by default: a filter's field may not reach every table). */
    global: z.array(z.string().min(1)).default([]),
    /** A click on another widget's mark filters this one. */
    crossFilter: z.boolean().default(false),
  })
  .default({ dateRange: true, global: [], crossFilter: false });

export const DashboardWidgetSchema = z.object({
  /** Unique within the dashboard; stable across saves (cross-filter sources and layout refer to it). */
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only'),
  spec: WidgetSpecSchema,
  layout: LayoutSchema,
  filters: WidgetFilterOptInSchema,
});
export type DashboardWidget = z.infer<typeof DashboardWidgetSchema>;
export type DashboardWidgetInput = z.input<typeof DashboardWidgetSchema>;

/** A date range value: a preset ("last 90 days"), or a custom [from, to] (both inclusive). */
export const DateRangeValueSchema = z.union([
  z.object({ kind: z.literal('preset'), preset: RelativeDateRange }),
  z
    .object({ kind: z.literal('custom'), from: DateString, to: DateString })
    .refine((r) => !(parseInstant(r.from) > parseInstant(r.to)), { message: 'the range ends before it starts', path: ['to'] }),
]);
export type DateRangeValue = z.infer<typeof DateRangeValueSchema>;

export const DateRangeFilterSchema = z.object({
  label: z.string().default('Date range'),
  /**
   * The time dimension a semantic widget is narrowed on when its query has none of its own
   * (a widget with time dimensions is narrowed on its first one).
   */
  dimension: MemberName,
  /** Presets offered besides a custom range. */
  presets: z.array(RelativeDateRange).min(1).default(['last 7 days', 'last 30 days', 'last 90 days', 'last 12 months', 'this year', 'last year']),
  /** The range when the dashboard opens; none shows all dates. */
  default: DateRangeValueSchema.optional(),
});
export type DateRangeFilter = z.infer<typeof DateRangeFilterSchema>;

/**
 * Where a global filter's choices come from: a query that returns an id and a label per choice.
 * A SQL source may use '$SEARCH', bound to what the viewer typed ('' when nothing).
 */
export const FilterOptionsSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('semantic'), query: SemanticQuerySchema, valueField: z.string().min(1), labelField: z.string().min(1) })
    .superRefine((s, ctx) => {
      // Both fields must be result columns, or the filter would offer no choices.
      const columns = queryResultColumns(s.query);
      for (const key of ['valueField', 'labelField'] as const) {
        if (!columns.includes(s[key])) ctx.addIssue({ code: 'custom', path: [key], message: `"${s[key]}" is not a result column of the query (${columns.join(', ')})` });
      }
    }),
  z.object({ kind: z.literal('sql'), sql: z.string().min(1), valueField: z.string().min(1), labelField: z.string().min(1) }),
]);

export const GlobalFilterSchema = z.object({
  /** Unique within the dashboard; widgets opt in by it. */
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only'),
  label: z.string().min(1),
  /** For semantic widgets: the member the chosen values filter (operator equals, or in for several values). */
  member: MemberName,
  /**
   * For SQL widgets: the parameter bound to the chosen values, written '$NAME' in the SQL.
   * Bound as one text of the values joined by a comma (empty when none is chosen), e.g.
   * `WHERE $TIER = '' OR list_contains(string_split($TIER, ','), tier)`.
   */
  param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a parameter name such as LOYALTY_TIER').optional(),
  options: FilterOptionsSourceSchema,
  /** Values chosen when the dashboard opens. */
  default: z.array(z.union([z.string(), z.number(), z.boolean()])).default([]),
});
export type GlobalFilter = z.infer<typeof GlobalFilterSchema>;
export type GlobalFilterInput = z.input<typeof GlobalFilterSchema>;

export const DashboardFiltersSchema = z
  .object({
    dateRange: DateRangeFilterSchema.optional(),
    global: z.array(GlobalFilterSchema).default([]),
  })
  .default({ global: [] });

const DashboardSpecObject = z.object({
  version: z.literal(DASHBOARD_SPEC_VERSION),
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only'),
  name: z.string().trim().min(1, 'a dashboard needs a name').max(120),
  description: z.string().optional(),
  widgets: z.array(DashboardWidgetSchema).default([]),
  filters: DashboardFiltersSchema,
  /** Height of one grid row in pixels. */
  rowHeight: z.number().int().min(40).max(400).default(90),
});

/** Whether two grid rectangles share a cell. */
export function overlaps(a: Layout, b: Layout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export const DashboardSpecSchema = DashboardSpecObject.superRefine((d, ctx) => {
  const seen = new Set<string>();
  d.widgets.forEach((w, i) => {
    if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'id'], message: `widget id "${w.id}" is used twice` });
    seen.add(w.id);
  });
  const filterIds = new Set<string>();
  d.filters.global.forEach((f, i) => {
    if (filterIds.has(f.id)) ctx.addIssue({ code: 'custom', path: ['filters', 'global', i, 'id'], message: `filter id "${f.id}" is used twice` });
    filterIds.add(f.id);
  });
  // The grid invariant the layout operations keep: no two widgets share a cell.
  d.widgets.forEach((w, i) => {
    const other = d.widgets.findIndex((o, j) => j < i && overlaps(o.layout, w.layout));
    if (other >= 0) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'layout'], message: `overlaps widget "${d.widgets[other]!.id}" (widgets.${other})` });
  });
  d.widgets.forEach((w, i) =>
    w.filters.global.forEach((id, j) => {
      if (!filterIds.has(id)) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'filters', 'global', j], message: `no global filter has the id "${id}"` });
    }),
  );
});
export type DashboardSpec = z.infer<typeof DashboardSpecSchema>;
export type DashboardSpecInput = z.input<typeof DashboardSpecSchema>;

/** What the viewer has chosen: the date range, the values per global filter, and a cross filter. */
export interface DashboardFilterState {
  dateRange?: DateRangeValue;
  /** Chosen values per global filter id; an empty or missing list means "all". */
  global: Record<string, Array<string | number | boolean>>;
  /** Set by a click on a widget whose click interaction is "filter". */
  cross?: CrossFilter;
}

export interface CrossFilter {
  /** The widget clicked. */
  sourceWidgetId: string;
  /** Result column (a member key such as "customers.loyalty_tier") → the clicked value. */
  values: Record<string, string | number | boolean | null>;
}
