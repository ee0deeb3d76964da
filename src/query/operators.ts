import type { FilterOperator } from '../contracts/query.js';
import type { ColumnType } from '../contracts/data-model.js';
import { type Interval, parseInstant, resolveAbsoluteRange, resolveDateRange } from './dates.js';

/**
 * Every filter operator is defined once here, with its SQL form and its JavaScript predicate side
 * by side, so the SQL compiler and the in-memory engine cannot drift apart (a differential test
 * runs both over the same rows).
 *
 * Null rule: a positive operator never matches null; a negated operator (notEquals, notIn,
 * notContains, notInDateRange, notSet) keeps exactly the rows its positive form drops, nulls included.
 * String matching (contains, startsWith, endsWith) ignores case; equals and in are exact.
 */

export type OperandKind = 'string' | 'number' | 'temporal' | 'boolean';
/** Values after normalisation: temporal values are epoch milliseconds (UTC). */
export type Operand = string | number | boolean;

export interface NormalizedValues {
  list: Operand[];
  interval?: Interval;
}

/** Records a bound parameter and returns its SQL placeholder. */
export type Bind = (value: Operand, kind: OperandKind) => string;

type Arity = 'none' | 'one' | 'many' | 'dateRange' | 'instant';

interface PositiveOperator {
  arity: Arity;
  kinds: readonly OperandKind[];
  sql(column: string, values: NormalizedValues, bind: Bind, kind: OperandKind): string;
  test(value: Operand, values: NormalizedValues): boolean;
}

const ALL: readonly OperandKind[] = ['string', 'number', 'temporal', 'boolean'];
const ORDERED: readonly OperandKind[] = ['number', 'temporal'];
const TEXT: readonly OperandKind[] = ['string'];
const TEMPORAL: readonly OperandKind[] = ['temporal'];

const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);
const lower = (v: Operand) => String(v).toLowerCase();

function comparison(op: '>' | '>=' | '<' | '<=', js: (a: Operand, b: Operand) => boolean): PositiveOperator {
  return {
    arity: 'one',
    kinds: ORDERED,
    sql: (c, v, bind, kind) => `${c} ${op} ${bind(v.list[0]!, kind)}`,
    test: (x, v) => js(x, v.list[0]!),
  };
}

function textMatch(fn: 'contains' | 'starts_with' | 'suffix', js: (s: string, p: string) => boolean): PositiveOperator {
  return {
    arity: 'many',
    kinds: TEXT,
    sql: (c, v, bind) => anyOf(v.list.map((p) => `${fn}(lower(${c}), ${bind(lower(p), 'string')})`)),
    test: (x, v) => v.list.some((p) => js(lower(x), lower(p))),
  };
}

const equalsOne: PositiveOperator = {
  arity: 'one',
  kinds: ALL,
  sql: (c, v, bind, kind) => `${c} = ${bind(v.list[0]!, kind)}`,
  test: (x, v) => x === v.list[0],
};

const POSITIVE = {
  equals: equalsOne,
  in: {
    arity: 'many',
    kinds: ALL,
    sql: (c, v, bind, kind) => `${c} IN (${v.list.map((x) => bind(x, kind)).join(', ')})`,
    test: (x, v) => v.list.includes(x),
  },
  contains: textMatch('contains', (s, p) => s.includes(p)),
  startsWith: textMatch('starts_with', (s, p) => s.startsWith(p)),
  endsWith: textMatch('suffix', (s, p) => s.endsWith(p)),
  gt: comparison('>', (a, b) => a > b),
  gte: comparison('>=', (a, b) => a >= b),
  lt: comparison('<', (a, b) => a < b),
  lte: comparison('<=', (a, b) => a <= b),
  set: { arity: 'none', kinds: ALL, sql: (c) => `${c} IS NOT NULL`, test: () => true },
  inDateRange: {
    arity: 'dateRange',
    kinds: TEMPORAL,
    sql: (c, v, bind) => `(${c} >= ${bind(v.interval!.start, 'temporal')} AND ${c} < ${bind(v.interval!.end, 'temporal')})`,
    test: (x, v) => (x as number) >= v.interval!.start && (x as number) < v.interval!.end,
  },
  beforeDate: {
    arity: 'instant',
    kinds: TEMPORAL,
    sql: (c, v, bind) => `${c} < ${bind(v.interval!.start, 'temporal')}`,
    test: (x, v) => (x as number) < v.interval!.start,
  },
  afterDate: {
    arity: 'instant',
    kinds: TEMPORAL,
    sql: (c, v, bind) => `${c} >= ${bind(v.interval!.end, 'temporal')}`,
    test: (x, v) => (x as number) >= v.interval!.end,
  },
} satisfies Record<string, PositiveOperator>;

type PositiveName = keyof typeof POSITIVE;

const NEGATED: Partial<Record<FilterOperator, PositiveName>> = {
  notEquals: 'equals',
  notIn: 'in',
  notContains: 'contains',
  notSet: 'set',
  notInDateRange: 'inDateRange',
};

function positiveOf(op: FilterOperator): { positive: PositiveOperator; negated: boolean } {
  const neg = NEGATED[op];
  if (neg) return { positive: POSITIVE[neg], negated: true };
  return { positive: POSITIVE[op as PositiveName], negated: false };
}

export function operandKind(type: ColumnType): OperandKind {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'date':
    case 'timestamp':
      return 'temporal';
    case 'boolean':
      return 'boolean';
  }
}

export function operatorAccepts(op: FilterOperator, kind: OperandKind): boolean {
  return positiveOf(op).positive.kinds.includes(kind);
}

/** Operators that make sense on a column or measure of this kind (for pickers). */
export function operatorsFor(kind: OperandKind): FilterOperator[] {
  const names = [...Object.keys(POSITIVE), ...Object.keys(NEGATED)] as FilterOperator[];
  return names.filter((n) => operatorAccepts(n, kind));
}

/** Converts one raw value to the operand of a column kind, or returns an error message. */
export function coerceOperand(raw: unknown, kind: OperandKind): Operand | string {
  switch (kind) {
    case 'string':
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : 'must be a string';
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : `"${String(raw)}" is not a number`;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      return `"${String(raw)}" is not true or false`;
    case 'temporal': {
      const t = typeof raw === 'string' ? parseInstant(raw) : NaN;
      return Number.isNaN(t) ? `"${String(raw)}" is not a date (YYYY-MM-DD or ISO timestamp)` : t;
    }
  }
}

/**
 * Checks arity and converts the values of a filter leaf; returns an error message on failure.
 * `now` resolves relative date ranges.
 */
export function normalizeValues(op: FilterOperator, kind: OperandKind, values: readonly unknown[], now: number): NormalizedValues | string {
  const { positive } = positiveOf(op);
  if (!positive.kinds.includes(kind)) return `operator "${op}" does not apply to a ${kind} member`;
  switch (positive.arity) {
    case 'none':
      return values.length === 0 ? { list: [] } : `operator "${op}" takes no values`;
    case 'one':
    case 'many': {
      if (positive.arity === 'one' && values.length !== 1) return `operator "${op}" takes exactly one value`;
      if (values.length === 0) return `operator "${op}" needs at least one value`;
      const list: Operand[] = [];
      for (const v of values) {
        const o = coerceOperand(v, kind);
        if (typeof o === 'string' && kind !== 'string') return o;
        list.push(o);
      }
      return { list };
    }
    case 'dateRange':
      try {
        if (values.some((v) => typeof v !== 'string')) return 'date range values must be strings';
        return { list: [], interval: resolveDateRange(values as string[], now) };
      } catch (e) {
        return (e as Error).message;
      }
    case 'instant': {
      if (values.length !== 1 || typeof values[0] !== 'string') return `operator "${op}" takes exactly one date`;
      try {
        return { list: [], interval: resolveAbsoluteRange(values[0], values[0]) };
      } catch (e) {
        return (e as Error).message;
      }
    }
  }
}

/** SQL for one leaf; `column` is an already quoted expression of the operand's kind. */
export function leafSql(op: FilterOperator, column: string, values: NormalizedValues, bind: Bind, kind: OperandKind): string {
  const { positive, negated } = positiveOf(op);
  const sql = positive.sql(column, values, bind, kind);
  return negated ? `(NOT COALESCE(${sql}, FALSE))` : sql;
}

/** The same leaf as a JavaScript predicate over a normalised value (null for missing). */
export function leafTest(op: FilterOperator, value: Operand | null, values: NormalizedValues): boolean {
  const { positive, negated } = positiveOf(op);
  const hit = value !== null && positive.test(value, values);
  return negated ? !hit : hit;
}
