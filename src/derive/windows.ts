/**
 * Window bounds of the decile derivation, computed once here as dates and bound as parameters, so
 * the SQL and the in-memory runner never do their own (possibly different) month arithmetic.
 */

/** One lookback as both engines apply it: rows with start <= time < end (a null bound is open). */
export interface WindowBounds {
  /** The output label: the month count as text ("1", "12") or "all". */
  key: string;
  months: number | null;
  /** Inclusive lower bound, "YYYY-MM-DD" (UTC midnight), or null for none. */
  start: string | null;
  /** Exclusive upper bound, "YYYY-MM-DD" (UTC midnight), or null for none. */
  end: string | null;
  /** True only when the window applies no time filter at all (platform "all"): rows without a time count too. */
  unfiltered: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A date k months earlier; a day past the end of the target month is clamped to its last day (SQL interval semantics). */
export function monthsBefore(date: string, k: number): string {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) - k;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

/** The first day of the date's month. */
export function monthStart(date: string): string {
  const [y, m] = ymd(date);
  return `${pad(y, 4)}-${pad(m)}-01`;
}

/**
 * k of the platform mode: the documented query cuts windows 1, 3, 6 at (first of month) − 0, 1, 4
 * months. max(0, N − 2) reproduces those three and gives 7 and 10 for 9 and 12.
 */
export const platformOffset = (months: number): number => Math.max(0, months - 2);

export function exactWindow(months: number | 'all', asOf: string): WindowBounds {
  if (months === 'all') return { key: 'all', months: null, start: null, end: asOf, unfiltered: false };
  return { key: String(months), months, start: monthsBefore(asOf, months), end: asOf, unfiltered: false };
}

export function platformWindow(months: number | 'all', asOf: string): WindowBounds {
  if (months === 'all') return { key: 'all', months: null, start: null, end: null, unfiltered: true };
  return { key: String(months), months, start: null, end: monthsBefore(monthStart(asOf), platformOffset(months)), unfiltered: false };
}
