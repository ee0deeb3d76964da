import type { ResultSet, ScalarValue } from '../../contracts/result.js';
import { formatDate, formatTimestamp, truncate } from '../../query/dates.js';
import { leafTest } from '../../query/operators.js';
import type { DimensionRef, MeasureRef, PlannedFilter, QueryPlan } from '../../query/plan.js';
import type { StoredRow, StoredValue, TableStore } from './table-store.js';

/**
 * Runs a query plan over rows in memory: the reference semantics that the SQL engines are tested
 * against. It follows the plan literally: join, WHERE, group, aggregate, HAVING, order, page.
 */

type Aliased = Record<string, StoredRow | null>;

function resolveJoins(plan: QueryPlan, store: TableStore, row: StoredRow): Aliased {
  const aliased: Aliased = { t0: row };
  for (const j of plan.joins) {
    const from = aliased[j.fromAlias];
    const key = from ? from[j.relation.from.column] : null;
    aliased[j.alias] = key === null || key === undefined ? null : (store.index(j.table.name, j.relation.to.column).get(key) ?? null);
  }
  return aliased;
}

const dimensionValue = (d: DimensionRef, a: Aliased): StoredValue => {
  const v = a[d.alias]?.[d.column.name] ?? null;
  return v !== null && d.granularity ? truncate(v as number, d.granularity) : v;
};

interface Accumulator {
  add(row: StoredRow): void;
  value(): StoredValue;
}

function accumulator(m: MeasureRef): Accumulator {
  const column = m.column?.name;
  const passes = (row: StoredRow) => m.filter.every((f) => leafTest(f.leaf.operator, (row[(f.target.ref as DimensionRef).column.name] ?? null) as never, f.values));
  const valueOf = (row: StoredRow) => (column ? (row[column] ?? null) : null);
  switch (m.measure.aggregation) {
    case 'count': {
      let n = 0;
      return { add: (r) => void (passes(r) && (column === undefined || valueOf(r) !== null) && n++), value: () => n };
    }
    case 'countDistinct': {
      const seen = new Set<StoredValue>();
      return { add: (r) => void (passes(r) && valueOf(r) !== null && seen.add(valueOf(r))), value: () => seen.size };
    }
    case 'sum':
    case 'avg': {
      let sum = 0;
      let n = 0;
      const avg = m.measure.aggregation === 'avg';
      return {
        add: (r) => {
          const v = valueOf(r);
          if (v !== null && passes(r)) {
            sum += v as number;
            n++;
          }
        },
        value: () => (n === 0 ? null : avg ? sum / n : sum),
      };
    }
    case 'min':
    case 'max': {
      let best: StoredValue = null;
      const better = m.measure.aggregation === 'min' ? (a: StoredValue, b: StoredValue) => a! < b! : (a: StoredValue, b: StoredValue) => a! > b!;
      return {
        add: (r) => {
          const v = valueOf(r);
          if (v !== null && passes(r) && (best === null || better(v, best))) best = v;
        },
        value: () => best,
      };
    }
  }
}

function evaluate(f: PlannedFilter, get: (l: Extract<PlannedFilter, { leaf: unknown }>) => StoredValue): boolean {
  if ('and' in f) return f.and.every((x) => evaluate(x, get));
  if ('or' in f) return f.or.some((x) => evaluate(x, get));
  return leafTest(f.leaf.operator, get(f) as never, f.values);
}

/** The output form of a stored value (dates and timestamps as ISO strings). */
function output(value: StoredValue, type: string): ScalarValue {
  if (value === null) return null;
  if (type === 'date') return formatDate(value as number);
  if (type === 'timestamp') return formatTimestamp(value as number);
  return value;
}

/** Orders UTF-16 strings by code point (= UTF-8 byte order, as DuckDB sorts VARCHAR). */
export function compareCodePoints(a: string, b: string): number {
  // Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they must sort after U+E000–FFFF.
  const rank = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** Nulls last in both directions; otherwise natural order of numbers, strings (by code point) and booleans. */
export function compareValues(a: ScalarValue, b: ScalarValue, direction: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = typeof a === 'string' && typeof b === 'string' ? Math.sign(compareCodePoints(a, b)) : a < b ? -1 : a > b ? 1 : 0;
  return direction === 'asc' ? c : -c;
}

interface Group {
  dims: StoredValue[];
  accs: Accumulator[];
}

export function executePlan(plan: QueryPlan, store: TableStore): ResultSet {
  const groups = new Map<string, Group>();
  const newGroup = (dims: StoredValue[]): Group => ({ dims, accs: plan.measures.map(accumulator) });
  if (plan.dimensions.length === 0) groups.set(JSON.stringify([]), newGroup([]));

  for (const row of store.all(plan.base.name)) {
    const a = resolveJoins(plan, store, row);
    const passes = plan.where.every((w) =>
      evaluate(w, (l) => (l.target.type === 'dimension' ? (a[l.target.ref.alias]?.[l.target.ref.column.name] ?? null) : null)),
    );
    if (!passes) continue;
    const dims = plan.dimensions.map((d) => dimensionValue(d, a));
    const key = JSON.stringify(dims);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = newGroup(dims)));
    for (const acc of g.accs) acc.add(row);
  }

  const measureIndex = new Map(plan.measures.map((m, i) => [m.key, i]));
  const kept = [...groups.values()].filter((g) =>
    plan.having.every((h) => evaluate(h, (l) => g.accs[measureIndex.get(l.target.ref.key)!]!.value())),
  );

  const rows = kept.map((g) => {
    const out: Record<string, ScalarValue> = {};
    plan.dimensions.forEach((d, i) => (out[d.key] = output(g.dims[i]!, d.outputType)));
    plan.measures.forEach((m, i) => {
      if (m.output) out[m.key] = output(g.accs[i]!.value(), m.outputType);
    });
    return out;
  });
  rows.sort((x, y) => {
    for (const o of plan.order) {
      const c = compareValues(x[o.key] ?? null, y[o.key] ?? null, o.direction);
      if (c !== 0) return c;
    }
    return 0;
  });

  const page = rows.slice(plan.offset, plan.offset + plan.limit);
  return {
    columns: plan.columns,
    rows: page,
    ...(plan.total ? { total: rows.length } : {}),
    provenance: { kind: 'memory', plan: describePlan(plan) },
  };
}

function describePlan(plan: QueryPlan): string {
  const joins = plan.joins.map((j) => ` → ${j.table.name} via ${j.relation.name}`).join('');
  return `scan ${plan.base.name}${joins}; group by [${plan.dimensions.map((d) => d.key).join(', ')}]; order [${plan.order
    .map((o) => `${o.key} ${o.direction}`)
    .join(', ')}]; offset ${plan.offset} limit ${plan.limit}`;
}
