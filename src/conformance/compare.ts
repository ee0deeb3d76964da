import type { ResultSet, Row } from '../contracts/result.js';
import type { ExpectedRows } from './types.js';

/**
 * Result comparison with messages that point at the first difference, so a backend team sees
 * what to fix without diffing whole results by eye.
 */

const TOLERANCE = 1e-9;

/** Numbers within relative 1e-9 (absolute 1e-9 near zero): engines may sum floating point in different orders. */
export function numbersClose(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  return diff <= TOLERANCE || diff <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Strings, booleans and nulls exactly; numbers with tolerance; a number never equals a numeric string. */
export function valuesEqual(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return numbersClose(expected, actual);
  return expected === actual;
}

/** JSON, except that bigints (a common leak from database drivers) are shown as 5n instead of throwing. */
const showRow = (row: Row | undefined): string =>
  row === undefined ? 'none' : JSON.stringify(row, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** A value as a reader should see it: the type matters ("1" vs 1, undefined vs null, bigint). */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined (missing)';
  if (typeof value === 'bigint') return `${value}n (bigint)`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (typeof value === 'object' && value !== null) return `${showRow(value as Row)} (object)`;
  return String(value);
}

/** Returns null when `actual` matches, otherwise a message naming the first difference. */
export function compareResult(expected: ExpectedRows, actual: ResultSet): string | null {
  if (!actual || !Array.isArray(actual.rows)) return `expected a result set with rows, got ${show(actual)}`;
  const names = Array.isArray(actual.columns) ? actual.columns.map((c) => c?.name) : [];
  const columns = expected.columns ?? names;
  if (expected.columns) {
    const same = names.length === columns.length && columns.every((c, i) => c === names[i]);
    if (!same) return `columns differ: expected ${JSON.stringify(columns)}, got ${JSON.stringify(names)}`;
  }
  const n = Math.min(expected.rows.length, actual.rows.length);
  for (let i = 0; i < n; i++) {
    const e = expected.rows[i]!;
    const a = actual.rows[i]!;
    for (const c of columns) {
      if (!valuesEqual(e[c], a[c])) {
        return `row ${i}, column "${c}": expected ${show(e[c])}, got ${show(a[c])}\n  expected row ${showRow(e)}\n  actual row   ${showRow(a)}`;
      }
    }
    const extra = Object.keys(a).filter((k) => !columns.includes(k));
    if (extra.length) return `row ${i} has keys that are not result columns: ${extra.join(', ')}`;
  }
  if (expected.rows.length !== actual.rows.length) {
    const which = expected.rows.length > actual.rows.length ? 'first missing' : 'first extra';
    const row = expected.rows.length > actual.rows.length ? expected.rows[n] : actual.rows[n];
    return `expected ${expected.rows.length} rows, got ${actual.rows.length}; ${which} row (index ${n}): ${showRow(row)}`;
  }
  if (expected.total !== undefined && actual.total !== expected.total) {
    return `total: expected ${expected.total}, got ${show(actual.total)}`;
  }
  return null;
}
