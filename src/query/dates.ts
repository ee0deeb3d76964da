import type { Granularity } from '../contracts/query.js';

/**
 * Date arithmetic in UTC, shared by every engine: relative ranges are resolved here to absolute
 * bounds that the SQL compiler binds as parameters and the in-memory engine compares directly.
 */

const DAY = 86_400_000;

/** Parses "YYYY-MM-DD" or an ISO timestamp (UTC unless an offset is given) to epoch ms; NaN if invalid. */
export function parseInstant(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', tz] = m;
  const ms = Math.floor(Number(`0.${frac}`) * 1000 + 1e-6);
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return NaN;
  if (!tz || tz === 'Z') return t;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  return t - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

export const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** First instant of the period containing ms (weeks start on Monday, as ISO 8601 and DuckDB's date_trunc). */
export function truncate(ms: number, granularity: Granularity): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return startOfDay(ms);
    case 'week': {
      const day = startOfDay(ms);
      const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
      return day - weekday * DAY;
    }
    case 'month':
      return Date.UTC(y, mo, 1);
    case 'quarter':
      return Date.UTC(y, mo - (mo % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}

/** Adds n periods of the granularity to a period start. */
export function addPeriods(ms: number, granularity: Granularity, n: number): number {
  const d = new Date(ms);
  switch (granularity) {
    case 'day':
      return ms + n * DAY;
    case 'week':
      return ms + 7 * n * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3 * n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    case 'year':
      return Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  }
}

/** A half-open interval [start, end) in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

const UNIT: Record<string, Granularity> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month',
  quarter: 'quarter', quarters: 'quarter', year: 'year', years: 'year',
};

/**
 * Resolves a relative range against `now`:
 * today / yesterday; this <unit> (the current period); last <unit> (the previous period);
 * last N <units> (the N complete periods before the current one; the current period is excluded).
 */
export function resolveRelativeRange(text: string, now: number): Interval {
  const t = text.trim().toLowerCase();
  const today = startOfDay(now);
  if (t === 'today') return { start: today, end: today + DAY };
  if (t === 'yesterday') return { start: today - DAY, end: today };
  let m = /^this (week|month|quarter|year)$/.exec(t);
  if (m) {
    const g = UNIT[m[1]!]!;
    const start = truncate(now, g);
    return { start, end: addPeriods(start, g, 1) };
  }
  m = /^last (week|month|quarter|year)$/.exec(t);
  if (m) {
    const g = UNIT[m[1]!]!;
    const current = truncate(now, g);
    return { start: addPeriods(current, g, -1), end: current };
  }
  m = /^last (\d{1,4}) (days?|weeks?|months?|quarters?|years?)$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const g = UNIT[m[2]!]!;
    const current = truncate(now, g);
    return { start: addPeriods(current, g, -n), end: current };
  }
  throw new RangeError(`unknown relative date range "${text}"`);
}

/**
 * An absolute range [from, to]: a date-only `to` includes that whole day; a timestamp `to` is
 * an inclusive instant (the end bound becomes to + 1 ms).
 */
export function resolveAbsoluteRange(from: string, to: string): Interval {
  const start = parseInstant(from);
  const end = isDateOnly(to) ? parseInstant(to) + DAY : parseInstant(to) + 1;
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError(`invalid date range [${from}, ${to}]`);
  return { start, end };
}

export function resolveDateRange(range: string | readonly string[], now: number): Interval {
  if (typeof range === 'string') return resolveRelativeRange(range, now);
  if (range.length === 1) return resolveRelativeRange(range[0]!, now);
  if (range.length === 2) return resolveAbsoluteRange(range[0]!, range[1]!);
  throw new RangeError('a date range is [from, to] or one relative range');
}
