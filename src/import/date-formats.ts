import { z } from 'zod';

/**
 * The date/time layouts an import understands. Values without a UTC offset are read as UTC
 * wall-clock time, so the calendar date written in the file is the order_date stored.
 *
 * - YYYYMMDD: 19970101 (CDNOW)
 * - YYYY-MM-DD: 2024-01-31
 * - YYYY-MM-DD HH:MM:SS: 2010-12-01 08:26:00; seconds and fractions optional
 * - ISO: 2024-01-31T08:26:00Z, with T, optional fraction and an optional Z or ±HH[:MM] offset;
 *   plain dates are accepted too, so a column mixing both still parses
 * - DD/MM/YYYY and MM/DD/YYYY: one- or two-digit day and month, separator / . or -, optional
 *   time H:MM[:SS] (e.g. 12/1/2010 8:26 in the original Online Retail export)
 */
export const DateFormatSchema = z.enum(['YYYYMMDD', 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS', 'ISO', 'DD/MM/YYYY', 'MM/DD/YYYY']);
export type DateFormat = z.infer<typeof DateFormatSchema>;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil), or NaN when invalid. */
export function civilToDay(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function timeMs(h: number, mi: number, s: number, frac: string | undefined): number {
  if (h > 23 || mi > 59 || s > 60) return NaN;
  const ms = frac ? Math.round(Number('0.' + frac) * 1000) : 0;
  return ((h * 60 + mi) * 60 + Math.min(s, 59)) * 1000 + ms;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};
const four = (s: string, i: number) => two(s, i) * 100 + two(s, i + 2);

const RE_YMD_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const RE_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const RE_SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function offsetMs(z: string | undefined): number {
  if (!z || z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * 60 + m) * 60_000;
}

/** Epoch milliseconds (UTC) of `value` in `format`, or NaN when it does not fit or is not a real date. */
export function parseDate(raw: string, format: DateFormat): number {
  const v = raw.trim();
  switch (format) {
    case 'YYYYMMDD': {
      if (v.length !== 8) return NaN;
      return civilToDay(four(v, 0), two(v, 4), two(v, 6)) * DAY_MS;
    }
    case 'YYYY-MM-DD': {
      if (v.length !== 10 || v[4] !== '-' || v[7] !== '-') return NaN;
      return civilToDay(four(v, 0), two(v, 5), two(v, 8)) * DAY_MS;
    }
    case 'YYYY-MM-DD HH:MM:SS': {
      // Fixed-position fast path for the common 19-character form; the regex covers the variants.
      if (v.length === 19 && v[4] === '-' && v[7] === '-' && (v[10] === ' ' || v[10] === 'T') && v[13] === ':' && v[16] === ':') {
        return civilToDay(four(v, 0), two(v, 5), two(v, 8)) * DAY_MS + timeMs(two(v, 11), two(v, 14), two(v, 17), undefined);
      }
      const m = RE_YMD_TIME.exec(v);
      if (!m) return NaN;
      return civilToDay(+m[1], +m[2], +m[3]) * DAY_MS + timeMs(+m[4], +m[5], m[6] ? +m[6] : 0, m[7]);
    }
    case 'ISO': {
      const m = RE_ISO.exec(v);
      if (!m) return NaN;
      const day = civilToDay(+m[1], +m[2], +m[3]) * DAY_MS;
      return m[4] === undefined ? day : day + timeMs(+m[4], +m[5], m[6] ? +m[6] : 0, m[7]) - offsetMs(m[8]);
    }
    case 'DD/MM/YYYY':
    case 'MM/DD/YYYY': {
      const m = RE_SLASH.exec(v);
      if (!m) return NaN;
      const [a, b] = [+m[1], +m[3]];
      const [day, month] = format === 'DD/MM/YYYY' ? [a, b] : [b, a];
      const time = m[5] ? timeMs(+m[5], +m[6], m[7] ? +m[7] : 0, undefined) : 0;
      return civilToDay(+m[4], month, day) * DAY_MS + time;
    }
  }
}

/** Whether a value carries a time of day (so its column is a timestamp rather than a date). */
export function hasTimeOfDay(value: string, format: DateFormat): boolean {
  if (format === 'YYYY-MM-DD HH:MM:SS') return true;
  if (format === 'ISO') return value.includes('T');
  if (format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY') return /\d:\d/.test(value);
  return false;
}

export interface DateDetection {
  format: DateFormat;
  /** True when day-first and month-first both fit every value (no part above 12): month-first was chosen. */
  ambiguous: boolean;
  /** True when some value has a time of day. */
  withTime: boolean;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

/** How many sample values may fail a type and it still fits: one in five, so a stray bad cell does not hide a column's type. */
export const allowedMisfits = (n: number) => Math.floor(n / 5);

/**
 * The format that parses the sample's non-empty values (all but allowedMisfits of them), or null.
 * Day-first vs month-first is decided by a part above 12; when both fit equally, month-first is
 * chosen and flagged ambiguous. YYYYMMDD also needs plausible years, since any column of 8-digit
 * integers would otherwise pass.
 */
export function detectDateFormat(values: readonly string[]): DateDetection | null {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return null;
  const misfits = allowedMisfits(vs.length);
  const parsed = (f: DateFormat) => vs.filter((v) => !Number.isNaN(parseDate(v, f))).length;
  const fits = (f: DateFormat) => parsed(f) >= vs.length - misfits;
  const withTime = (f: DateFormat) => vs.some((v) => hasTimeOfDay(v, f));
  if (fits('YYYYMMDD')) {
    const years = vs.filter((v) => /^\d{8}$/.test(v)).map((v) => +v.slice(0, 4));
    if (years.every((y) => y >= YEAR_MIN && y <= YEAR_MAX)) return { format: 'YYYYMMDD', ambiguous: false, withTime: false };
    return null;
  }
  if (fits('YYYY-MM-DD')) return { format: 'YYYY-MM-DD', ambiguous: false, withTime: false };
  if (fits('YYYY-MM-DD HH:MM:SS')) return { format: 'YYYY-MM-DD HH:MM:SS', ambiguous: false, withTime: true };
  if (fits('ISO')) return { format: 'ISO', ambiguous: false, withTime: withTime('ISO') };
  const dayFirst = parsed('DD/MM/YYYY');
  const monthFirst = parsed('MM/DD/YYYY');
  const best = Math.max(dayFirst, monthFirst);
  if (best < vs.length - misfits) return null;
  if (monthFirst >= dayFirst) return { format: 'MM/DD/YYYY', ambiguous: dayFirst === monthFirst, withTime: withTime('MM/DD/YYYY') };
  return { format: 'DD/MM/YYYY', ambiguous: false, withTime: withTime('DD/MM/YYYY') };
}
