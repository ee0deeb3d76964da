import type { ResultColumn, ResultSet, ScalarValue } from '../../src/contracts/result.js';
import { isNumericColumn, isTemporalColumn, toEpochMs } from '../shared/format.js';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  /** Column name. */
  column: string;
  direction: SortDirection;
}

const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

type Key = number | string | null;

/** What a value sorts by: numbers numerically, dates and timestamps by their instant, text by collation; null for "no value". */
function sortKey(value: ScalarValue | undefined, column: ResultColumn): Key {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isTemporalColumn(column)) {
    const ms = toEpochMs(value);
    return Number.isNaN(ms) ? String(value) : ms;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (isNumericColumn(column)) {
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  }
  return value;
}

/** Numbers before text (mixed columns only); the caller puts nulls last. */
function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return typeof a === 'number' ? -1 : 1;
}

/**
 * Indexes of `result.rows` in display order: by one column in either direction, nulls last in
 * both, ties in the result's own order. Without a sort, the result's order.
 */
export function rowOrder(result: ResultSet, sort: SortState | undefined): number[] {
  const order = result.rows.map((_, i) => i);
  const column = sort && result.columns.find((c) => c.name === sort.column);
  if (!sort || !column) return order;
  const keys = result.rows.map((row) => sortKey(row[column.name], column));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return order.sort((i, j) => {
    const a = keys[i];
    const b = keys[j];
    if (a === null || b === null) return a === b ? i - j : a === null ? 1 : -1;
    return sign * compareKeys(a, b) || i - j;
  });
}
