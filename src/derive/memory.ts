import type { ColumnType } from '../contracts/data-model.js';
import { AdapterError } from '../contracts/errors.js';
import type { ColumnarData, LoadColumn } from '../contracts/loader.js';
import type { ScalarValue } from '../contracts/result.js';
import { toStored } from '../engines/memory/table-store.js';
import { parseInstant } from '../query/dates.js';
import { compareCodePoints, compareIdentity, decileMapJson, ntile, roundHalfAway } from './order.js';
import { DECILE_COLUMNS as C, type DecilePlan, type PlanColumn } from './plan.js';
import type { WindowBounds } from './windows.js';

/**
 * Executes a decile plan over columnar arrays, pure and synchronous: the same rows, order and
 * values as the SQL of decileSql(plan) run by DuckDB (a differential test holds them equal).
 * Values are read as the loaders store them (toStored), so data loaded into DuckDB from the same
 * arrays gives the same answer.
 */

/** One output table: what a TableLoader's loadColumns takes. */
export interface DerivedTableData {
  table: string;
  columns: LoadColumn[];
  data: ColumnarData;
  rows: number;
}

export interface DerivedDeciles {
  /** identity, lookback, deciles (JSON text or null): every identity × window. */
  map: DerivedTableData;
  /** identity, lookback, category, decile, metric: one row per identity × window × category with data. */
  flat: DerivedTableData;
}

type Identity = string | number;

interface SourceRow {
  identity: Identity;
  category: string;
  /** Epoch ms, or null when the row has no time. */
  time: number | null;
  /** The scaled metric value (0 when only rows are counted). */
  value: number;
}

function column(data: Record<string, ColumnarData>, c: PlanColumn): ArrayLike<ScalarValue> {
  const table = data[c.table];
  if (!table) throw new AdapterError('invalid_request', `no data for table "${c.table}"`, c.table);
  const values = table[c.name];
  if (!values) throw new AdapterError('invalid_request', `no column "${c.name}" in the data of "${c.table}"`, `${c.table}.${c.name}`);
  return values;
}

const stored = (value: ScalarValue | undefined, type: ColumnType, c: PlanColumn, i: number) =>
  toStored(value ?? null, type, `${c.table}.${i}.${c.name}`);

/** Category text as CAST(... AS VARCHAR) writes it for the allowed types (string, integer, boolean). */
const categoryText = (v: string | number | boolean): string => (typeof v === 'string' ? v : String(v));

/** The category of each lookup key; a list, as a LEFT JOIN repeats a row for every matching key. */
function lookupIndex(plan: DecilePlan, data: Record<string, ColumnarData>): Map<string | number | boolean, Array<string | null>> | null {
  const lookup = plan.lookup;
  if (!lookup) return null;
  const keys = column(data, lookup.to);
  const categories = column(data, plan.category);
  const index = new Map<string | number | boolean, Array<string | null>>();
  for (let i = 0; i < keys.length; i++) {
    const key = stored(keys[i], lookup.to.type, lookup.to, i);
    if (key === null) continue;
    const cat = stored(categories[i], plan.category.type, plan.category, i);
    const list = index.get(key);
    const text = cat === null ? null : categoryText(cat);
    if (list) list.push(text);
    else index.set(key, [text]);
  }
  return index;
}

function sourceRows(plan: DecilePlan, data: Record<string, ColumnarData>): SourceRow[] {
  const ids = column(data, plan.identity);
  const times = column(data, plan.time);
  const metricColumn = plan.metric.column;
  const metrics = metricColumn ? column(data, metricColumn) : null;
  const index = lookupIndex(plan, data);
  const own = index ? null : column(data, plan.category);
  const keys = plan.lookup ? column(data, plan.lookup.from) : null;
  const scale = plan.metric.scale;
  const exactInteger = metricColumn?.type === 'integer' && scale === 1;
  const rows: SourceRow[] = [];
  for (let i = 0; i < ids.length; i++) {
    const identity = stored(ids[i], plan.identity.type, plan.identity, i);
    if (identity === null) continue;
    let value = 0;
    if (metricColumn) {
      const raw = stored(metrics![i], metricColumn.type, metricColumn, i);
      if (raw === null) continue;
      if (scale !== null) value = exactInteger ? (raw as number) : roundHalfAway((raw as number) * scale);
    }
    const time = stored(times[i], plan.time.type, plan.time, i) as number | null;
    let categories: Array<string | null>;
    if (index) {
      const key = stored(keys![i], plan.lookup!.from.type, plan.lookup!.from, i);
      categories = (key === null ? undefined : index.get(key)) ?? [];
    } else {
      const cat = stored(own![i], plan.category.type, plan.category, i);
      categories = [cat === null ? null : categoryText(cat)];
    }
    for (const category of categories) {
      if (category !== null) rows.push({ identity: identity as Identity, category, time, value });
    }
  }
  return rows;
}

function inWindow(time: number | null, w: WindowBounds, start: number, end: number): boolean {
  if (w.unfiltered) return true;
  if (time === null) return false;
  return time >= start && time < end;
}

interface Accumulator {
  identity: Identity;
  sum: number;
  count: number;
  max: number;
}

/** Sums stay exact below 2^53 units; beyond that JS numbers would round where DuckDB's HUGEINT does not. */
function exactSum(a: Accumulator): number {
  if (!Number.isSafeInteger(a.sum))
    throw new AdapterError('invalid_request', `the metric sum of identity "${a.identity}" exceeds 2^53 units; run the derivation in SQL`, 'source.metric');
  return a.sum;
}

function metricOf(plan: DecilePlan, a: Accumulator): number {
  switch (plan.metric.aggregation) {
    case 'count':
      return a.count;
    case 'sum':
      return exactSum(a);
    case 'max':
      return a.max;
    case 'avg':
      return exactSum(a) / a.count;
  }
}

interface FlatRow {
  identity: Identity;
  category: string;
  metric: number;
  decile: number;
}

/** The ranked rows of one window, ordered by identity then category (the SQL's ORDER BY). */
function rankWindow(plan: DecilePlan, rows: readonly SourceRow[], w: WindowBounds): FlatRow[] {
  const start = w.start === null ? -Infinity : parseInstant(w.start);
  const end = w.end === null ? Infinity : parseInstant(w.end);
  const byCategory = new Map<string, Map<Identity, Accumulator>>();
  for (const r of rows) {
    if (!inWindow(r.time, w, start, end)) continue;
    let group = byCategory.get(r.category);
    if (!group) byCategory.set(r.category, (group = new Map()));
    const a = group.get(r.identity);
    if (a) {
      a.sum += r.value;
      a.count += 1;
      if (r.value > a.max) a.max = r.value;
    } else group.set(r.identity, { identity: r.identity, sum: r.value, count: 1, max: r.value });
  }
  const out: FlatRow[] = [];
  for (const [category, group] of byCategory) {
    const ranked = [...group.values()].map((a) => ({ identity: a.identity, category, metric: metricOf(plan, a), decile: 0 }));
    // Metric descending, identity ascending: the NTILE order, a total order within the category.
    ranked.sort((x, y) => (x.metric !== y.metric ? y.metric - x.metric : compareIdentity(x.identity, y.identity)));
    ranked.forEach((r, i) => (r.decile = ntile(i, ranked.length, plan.buckets)));
    for (const r of ranked) out.push(r); // not a spread: a category can hold more rows than the stack has arguments
  }
  return out.sort((x, y) => compareIdentity(x.identity, y.identity) || compareCodePoints(x.category, y.category));
}

/** Distinct non-null identities in ascending order: of the identities table, or of the whole source. */
function allIdentities(plan: DecilePlan, data: Record<string, ColumnarData>): Identity[] {
  const values = column(data, plan.identities);
  const seen = new Set<Identity>();
  for (let i = 0; i < values.length; i++) {
    const v = stored(values[i], plan.identities.type, plan.identities, i);
    if (v !== null) seen.add(v as Identity);
  }
  return [...seen].sort(compareIdentity);
}

export function loadColumnsOfDeciles(plan: DecilePlan): { map: LoadColumn[]; flat: LoadColumn[] } {
  const identity: LoadColumn = { name: plan.identity.name, type: plan.identity.type };
  return {
    map: [identity, { name: C.lookback, type: 'string' }, { name: C.deciles, type: 'string' }],
    flat: [
      identity,
      { name: C.lookback, type: 'string' },
      { name: C.category, type: 'string' },
      { name: C.decile, type: 'integer' },
      { name: C.metric, type: plan.metric.outputType },
    ],
  };
}

/** Runs the plan over `data` (columnar arrays keyed by table name: the source, the looked-up table, the identities table). */
export function runDecilePlan(plan: DecilePlan, data: Record<string, ColumnarData>): DerivedDeciles {
  const rows = sourceRows(plan, data);
  const identities = allIdentities(plan, data);
  const flat = { id: [] as Identity[], lookback: [] as string[], category: [] as string[], decile: [] as number[], metric: [] as number[] };
  const map = { id: [] as Identity[], lookback: [] as string[], deciles: [] as Array<string | null> };
  for (const w of plan.windows) {
    const ranked = rankWindow(plan, rows, w);
    const entries = new Map<Identity, Array<[string, number]>>();
    for (const r of ranked) {
      flat.id.push(r.identity);
      flat.lookback.push(w.key);
      flat.category.push(r.category);
      flat.decile.push(r.decile);
      flat.metric.push(r.metric);
      const list = entries.get(r.identity);
      if (list) list.push([r.category, r.decile]);
      else entries.set(r.identity, [[r.category, r.decile]]);
    }
    for (const id of identities) {
      const list = entries.get(id);
      map.id.push(id);
      map.lookback.push(w.key);
      map.deciles.push(list ? decileMapJson(list) : null);
    }
  }
  const columns = loadColumnsOfDeciles(plan);
  const id = plan.identity.name;
  return {
    flat: {
      table: plan.tables.flat,
      columns: columns.flat,
      data: { [id]: flat.id, [C.lookback]: flat.lookback, [C.category]: flat.category, [C.decile]: flat.decile, [C.metric]: flat.metric },
      rows: flat.id.length,
    },
    map: {
      table: plan.tables.map,
      columns: columns.map,
      data: { [id]: map.id, [C.lookback]: map.lookback, [C.deciles]: map.deciles },
      rows: map.id.length,
    },
  };
}
