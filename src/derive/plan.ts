import type { Column, ColumnType, DataModel, Table } from '../contracts/data-model.js';
import { AdapterError, parseOrThrow } from '../contracts/errors.js';
import { type DecileDefinition, type DecileDefinitionInput, DecileDefinitionSchema } from './definition.js';
import { type WindowBounds, exactWindow, platformWindow } from './windows.js';

/**
 * The decile derivation resolved against a data model: every identifier checked to exist, every
 * window bound computed. This plan is the single statement of the semantics; decileSql() compiles
 * it to DuckDB SQL and runDecilePlan() executes it over columnar arrays.
 */

export interface PlanColumn {
  table: string;
  name: string;
  type: ColumnType;
  label: string;
}

export interface DecileLookup {
  /** The looked-up table, joined as source.from = table.to (LEFT JOIN: no match, no category). */
  table: string;
  from: PlanColumn;
  to: PlanColumn;
}

export interface DecileMetricPlan {
  aggregation: DecileDefinition['source']['metric']['aggregation'];
  /** Null for a count of rows. */
  column: PlanColumn | null;
  /** Values are round(value × scale) before aggregating (scale = 10^decimals); null when the value is not used (count). */
  scale: number | null;
  decimals: number;
  outputType: 'integer' | 'number';
  label: string;
}

/** Names of the output columns other than the identity (which keeps the source column's name). */
export const DECILE_COLUMNS = { lookback: 'lookback', category: 'category', decile: 'decile', metric: 'metric', deciles: 'deciles' } as const;

export interface DecilePlan {
  definition: DecileDefinition;
  tables: { map: string; flat: string };
  source: string;
  identity: PlanColumn;
  time: PlanColumn;
  category: PlanColumn;
  /** How the category is reached when it is not a source column. */
  lookup: DecileLookup | null;
  /** Where the full identity list comes from; the source identity itself when the definition names none. */
  identities: PlanColumn;
  metric: DecileMetricPlan;
  /** In definition order; the output's lookback order. */
  windows: WindowBounds[];
  buckets: 10;
}

export const FLAT_SUFFIX = '_flat';

function invalid(message: string, field: string): never {
  throw new AdapterError('invalid_request', message, field);
}

function findTable(model: DataModel, name: string, field: string): Table {
  return model.tables.find((t) => t.name === name) ?? invalid(`there is no table "${name}" in the model "${model.name}"`, field);
}

function findColumn(table: Table, name: string, field: string): PlanColumn {
  const c: Column | undefined = table.columns.find((x) => x.name === name);
  if (!c) invalid(`"${name}" is not a column of "${table.name}"`, field);
  return { table: table.name, name: c.name, type: c.type, label: c.label };
}

function resolveCategory(model: DataModel, source: Table, spec: string): { category: PlanColumn; lookup: DecileLookup | null } {
  const field = 'source.category';
  const dot = spec.indexOf('.');
  if (dot < 0 || spec.slice(0, dot) === source.name) {
    return { category: findColumn(source, dot < 0 ? spec : spec.slice(dot + 1), field), lookup: null };
  }
  const target = findTable(model, spec.slice(0, dot), field);
  const category = findColumn(target, spec.slice(dot + 1), field);
  const paths = model.relations.filter((r) => r.from.table === source.name && r.to.table === target.name);
  if (paths.length === 0) invalid(`"${source.name}" has no relation to "${target.name}", so "${spec}" cannot be looked up`, field);
  if (paths.length > 1)
    invalid(`"${source.name}" reaches "${target.name}" through ${paths.length} relations (${paths.map((r) => r.name).join(', ')}); the lookup is ambiguous`, field);
  const r = paths[0]!;
  const from = findColumn(source, r.from.column, field);
  const to = findColumn(target, r.to.column, field);
  if (from.type !== to.type) invalid(`relation "${r.name}" joins a ${from.type} to a ${to.type}; a lookup needs one type`, field);
  return { category, lookup: { table: target.name, from, to } };
}

const AGG_LABEL = { sum: 'Sum', count: 'Count', avg: 'Average', max: 'Largest' } as const;

function resolveMetric(source: Table, metric: DecileDefinition['source']['metric']): DecileMetricPlan {
  const field = 'source.metric.column';
  const column = metric.column === undefined ? null : findColumn(source, metric.column, field);
  const numeric = column !== null && (column.type === 'number' || column.type === 'integer');
  if (metric.aggregation !== 'count' && !numeric) invalid(`${metric.aggregation} needs a number or integer column; "${column?.name}" is ${column?.type}`, field);
  if (metric.aggregation === 'count') {
    const label = column ? `Count of ${column.label}` : 'Count';
    return { aggregation: 'count', column, scale: null, decimals: 0, outputType: 'integer', label };
  }
  const decimals = metric.decimals ?? (column!.type === 'number' ? 2 : 0);
  const unit = decimals === 0 ? '' : decimals === 2 ? ' (×100, cents for money)' : ` (×10^${decimals})`;
  return {
    aggregation: metric.aggregation,
    column,
    scale: 10 ** decimals,
    decimals,
    outputType: metric.aggregation === 'avg' ? 'number' : 'integer',
    label: `${AGG_LABEL[metric.aggregation]} of ${column!.label}${unit}`,
  };
}

const IDENTITY_TYPES: ReadonlySet<ColumnType> = new Set(['string', 'integer']);
const CATEGORY_TYPES: ReadonlySet<ColumnType> = new Set(['string', 'integer', 'boolean']);

/** Checks the definition against the model and computes the windows; throws invalid_request naming the field. */
export function planDeciles(model: DataModel, input: DecileDefinitionInput): DecilePlan {
  const definition = parseOrThrow(DecileDefinitionSchema, input, 'decile definition');
  const source = findTable(model, definition.source.table, 'source.table');
  const identity = findColumn(source, definition.source.identity, 'source.identity');
  if (!IDENTITY_TYPES.has(identity.type)) invalid(`the identity must be a string or integer column; "${identity.name}" is ${identity.type}`, 'source.identity');
  if ((Object.values(DECILE_COLUMNS) as string[]).includes(identity.name))
    invalid(`an identity column named "${identity.name}" would clash with an output column; rename it in the model`, 'source.identity');
  const time = findColumn(source, definition.source.time, 'source.time');
  if (time.type !== 'date' && time.type !== 'timestamp') invalid(`"${time.name}" is ${time.type}, not a date or timestamp`, 'source.time');
  const { category, lookup } = resolveCategory(model, source, definition.source.category);
  // Map keys are text: only types whose text is the same in DuckDB and JS (a DOUBLE 1.0 reads "1.0" in SQL, "1" in JS).
  if (!CATEGORY_TYPES.has(category.type)) invalid(`the category must be a string, integer or boolean column; "${category.name}" is ${category.type}`, 'source.category');
  let identities = identity;
  if (definition.identities) {
    identities = findColumn(findTable(model, definition.identities.table, 'identities.table'), definition.identities.column, 'identities.column');
    if (identities.type !== identity.type) invalid(`identities.column is ${identities.type} but the source identity is ${identity.type}`, 'identities.column');
  }
  const flat = `${definition.name}${FLAT_SUFFIX}`;
  // The outputs are created or replaced: never over a table the derivation reads or one that is not derived.
  // DuckDB matches table names case-insensitively, so the checks do too.
  const lower = (s: string) => s.toLowerCase();
  const inputs = new Set([source.name, lookup?.table ?? source.name, identities.table].map(lower));
  for (const name of [definition.name, flat]) {
    const existing = model.tables.find((t) => lower(t.name) === lower(name));
    if (inputs.has(lower(name)) || (existing && existing.kind !== 'derived'))
      invalid(`the output table "${name}" would replace the ${existing?.kind ?? 'input'} table "${name}"; choose another name`, 'name');
  }
  const cut = definition.mode === 'platform' ? platformWindow : exactWindow;
  return {
    definition,
    tables: { map: definition.name, flat },
    source: source.name,
    identity,
    time,
    category,
    lookup,
    identities,
    metric: resolveMetric(source, definition.source.metric),
    windows: definition.windows.map((w) => cut(w, definition.asOf)),
    buckets: 10,
  };
}
