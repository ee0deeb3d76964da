import type { Aggregation, ColumnRole, ColumnType, DataModel, TableKind } from '../contracts/data-model.js';
import type { ResultSet } from '../contracts/result.js';
import { planQuery, shortestPaths } from '../query/plan.js';
import type { EncodingAggregate, FieldType } from '../widgets/spec.js';

/**
 * What the composer offers to put on a channel: the tables of a data model and, for a chosen base
 * table, every attribute a semantic query over it can name (its own columns and measures, plus the
 * columns of the tables its lookups reach); in SQL mode, the columns of the last result.
 */

/** One lookup of a table, as the table picker shows it. */
export interface ComposerLookup {
  name: string;
  column: string;
  table: string;
  tableTitle: string;
  targetColumn: string;
}

export interface ComposerTable {
  name: string;
  title: string;
  kind: TableKind;
  description?: string;
  /** Records when the model was described; null when unknown. */
  rowCount: number | null;
  lookups: ComposerLookup[];
  /** Attributes a widget over this table can use (see tableAttributes). */
  attributeCount: number;
}

/**
 * Where an attribute goes in a semantic query: measures (aggregated by the model's definition),
 * time (a date or timestamp column, bucketed by a granularity), or dimensions (every other column,
 * numbers included: they are grouped by, row by row).
 */
export type AttributeKind = 'dimension' | 'time' | 'measure';

export interface ComposerAttribute {
  /** The member key ("customers.loyalty_tier", "transactions.revenue") or, in SQL mode, the column name. */
  key: string;
  label: string;
  kind: AttributeKind;
  type: ColumnType;
  role: ColumnRole;
  /** The table the value comes from ("" for an SQL result column). */
  table: string;
  tableTitle: string;
  /** Names of the lookups followed from the base table; empty for the base table's own attributes. */
  path: string[];
  /** The encoding type the attribute gets when put on a channel. */
  fieldType: FieldType;
  /** A measure's own aggregation (what the query computes). */
  aggregation?: Aggregation;
  format?: string;
  description?: string;
}

const NUMERIC: ReadonlySet<ColumnType> = new Set(['number', 'integer']);
const TEMPORAL: ReadonlySet<ColumnType> = new Set(['date', 'timestamp']);

/**
 * The encoding type of a model attribute:
 * - dates and timestamps (columns, or measures such as min(ts)) are temporal;
 * - other measures are quantitative;
 * - integer columns with the dimension role are ordinal: the model marks them as codes to group by
 *   (deciles, months, weekdays), not amounts; integer identities are nominal;
 * - other numbers (the measure role, such as amount or CLV) are quantitative;
 * - strings and booleans are nominal.
 */
export function inferFieldType(a: { kind: AttributeKind; type: ColumnType; role: ColumnRole }): FieldType {
  if (TEMPORAL.has(a.type)) return 'temporal';
  if (a.kind === 'measure') return 'quantitative';
  if (a.role === 'identity') return 'nominal';
  if (a.type === 'integer' && a.role === 'dimension') return 'ordinal';
  if (NUMERIC.has(a.type)) return 'quantitative';
  return 'nominal';
}

const cache = new WeakMap<DataModel, Map<string, ComposerAttribute[]>>();

/**
 * Attributes a widget over `table` can use: its own columns, its measures, then the columns of
 * every table its lookups reach (nearest first, along the path planQuery would join). Measures of
 * other tables are left out, as a query's measures all come from its base table.
 */
export function tableAttributes(model: DataModel, table: string): ComposerAttribute[] {
  let byTable = cache.get(model);
  if (!byTable) cache.set(model, (byTable = new Map()));
  const hit = byTable.get(table);
  if (hit) return hit;
  const base = model.tables.find((t) => t.name === table);
  if (!base) return [];
  const out: ComposerAttribute[] = [];
  // Own columns, own measures, then lookups: shortestPaths lists the base table first.
  for (const [name, path] of shortestPaths(model, table)) {
    const t = model.tables.find((x) => x.name === name);
    if (!t) continue;
    for (const c of t.columns) {
      const kind: AttributeKind = TEMPORAL.has(c.type) ? 'time' : 'dimension';
      out.push({
        key: `${t.name}.${c.name}`,
        label: c.label,
        kind,
        type: c.type,
        role: c.role,
        table: t.name,
        tableTitle: t.label,
        path: path.map((r) => r.name),
        fieldType: inferFieldType({ kind, type: c.type, role: c.role }),
        ...(c.format !== undefined ? { format: c.format } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
      });
    }
    if (name !== table) continue;
    for (const m of model.measures.filter((x) => x.table === table)) {
      const key = `${m.table}.${m.name}`;
      // The planner knows a measure's output type (min of a timestamp is a timestamp).
      const type = planQuery(model, { measures: [key] }).columns[0]!.type;
      out.push({
        key,
        label: m.label,
        kind: 'measure',
        type,
        role: 'measure',
        table: t.name,
        tableTitle: t.label,
        path: [],
        fieldType: inferFieldType({ kind: 'measure', type, role: 'measure' }),
        aggregation: m.aggregation,
        ...(m.format !== undefined ? { format: m.format } : {}),
        ...(m.description !== undefined ? { description: m.description } : {}),
      });
    }
  }
  byTable.set(table, out);
  return out;
}

/** Every table of the model, as the table picker lists them. */
export function composerTables(model: DataModel): ComposerTable[] {
  return model.tables.map((t) => ({
    name: t.name,
    title: t.label,
    kind: t.kind,
    ...(t.description !== undefined ? { description: t.description } : {}),
    rowCount: t.rowCount,
    lookups: model.relations
      .filter((r) => r.from.table === t.name)
      .map((r) => ({
        name: r.name,
        column: r.from.column,
        table: r.to.table,
        tableTitle: model.tables.find((x) => x.name === r.to.table)?.label ?? r.to.table,
        targetColumn: r.to.column,
      })),
    attributeCount: tableAttributes(model, t.name).length,
  }));
}

const DENSE_CODES = { maxDistinct: 20, min: 0, max: 100 } as const;

/**
 * Whether an integer result column holds small codes (deciles 1–10, buckets 0–7) rather than
 * amounts: at most 20 distinct values, all within 0–100, filling at least half of their span.
 * SQL results carry no roles, so the values decide; counts of a few groups are usually sparse.
 */
function isCodeColumn(name: string, rows: ResultSet['rows']): boolean {
  const values = new Set<number>();
  for (const row of rows) {
    const v = row[name];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < DENSE_CODES.min || v > DENSE_CODES.max) return false;
    values.add(v);
    if (values.size > DENSE_CODES.maxDistinct) return false;
  }
  if (values.size === 0) return false;
  const span = Math.max(...values) - Math.min(...values) + 1;
  return values.size * 2 >= span;
}

/** The attributes of an SQL result: one per column, typed from the column and, for integers, its values. */
export function sqlAttributes(result: Pick<ResultSet, 'columns' | 'rows'>): ComposerAttribute[] {
  return result.columns.map((c) => {
    const kind: AttributeKind = TEMPORAL.has(c.type) ? 'time' : 'dimension';
    let fieldType: FieldType;
    if (kind === 'time') fieldType = 'temporal';
    else if (c.type === 'integer') fieldType = isCodeColumn(c.name, result.rows) ? 'ordinal' : 'quantitative';
    else fieldType = c.type === 'number' ? 'quantitative' : 'nominal';
    return {
      key: c.name,
      label: c.label || c.name,
      kind,
      type: c.type,
      role: c.role,
      table: '',
      tableTitle: '',
      path: [],
      fieldType,
      ...(c.format !== undefined ? { format: c.format } : {}),
    };
  });
}

/**
 * Aggregates a chart can apply to an attribute's rows. None for a measure: the query already
 * aggregates it by its own definition (ComposerAttribute.aggregation). Sums and means only for
 * amounts: identities and codes (integer dimensions such as deciles) are counted, not added.
 */
export function aggregateOptions(a: Pick<ComposerAttribute, 'kind' | 'type' | 'role'>): EncodingAggregate[] {
  if (a.kind === 'measure') return [];
  if (TEMPORAL.has(a.type)) return ['count', 'min', 'max'];
  const amount = a.type === 'number' || (a.type === 'integer' && a.role === 'measure');
  return amount ? ['count', 'sum', 'mean', 'min', 'max'] : ['count', 'distinct'];
}

/**
 * Attributes whose label, key or table matches every word of `text` (case-insensitive), in their
 * original order; an empty text matches all.
 */
export function searchAttributes(attributes: readonly ComposerAttribute[], text: string): ComposerAttribute[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...attributes];
  return attributes.filter((a) => {
    const hay = `${a.label} ${a.key} ${a.table} ${a.tableTitle}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
