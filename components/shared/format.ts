import type { Granularity } from '../../src/contracts/query.js';
import type { ResultColumn, ScalarValue } from '../../src/contracts/result.js';

/**
 * Display formatting for result values, driven by the column metadata the adapter returns:
 * numbers by their d3-format string ("$,.2f", ",d", ".1%"), time-dimension buckets by their
 * granularity ("Mar 2024", "Q1 2024"), dates by a d3-time-format string ("%Y-%m-%d").
 * Implemented on Intl so that the Lit-rendered views (big number, table, summaries) need no vega.
 * The locale is en-US, as in d3's default locale, so text matches what vega draws on the axes.
 */

const LOCALE = 'en-US';
/** What an empty value reads as. */
export const MISSING_VALUE = '–';

const D3_FORMAT = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

interface NumberSpec {
  sign: string;
  currency: boolean;
  grouping: boolean;
  precision?: number;
  trim: boolean;
  type: string;
}

function parseNumberSpec(spec: string): NumberSpec | null {
  const m = D3_FORMAT.exec(spec);
  if (!m) return null;
  return {
    sign: m[3] ?? '-',
    currency: m[4] === '$',
    grouping: m[7] === ',',
    precision: m[8] ? Number(m[8].slice(1)) : undefined,
    trim: m[9] === '~',
    type: m[10] ?? '',
  };
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function numberFormatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    formatterCache.set(key, f);
  }
  return f;
}

const MINUS = '\u2212';

const clampDigits = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Formats a number with a d3-format specifier (the subset used by data models: [sign][$][,][.precision][~][type]). */
export function formatNumber(value: number, spec = ',.2~f'): string {
  if (!Number.isFinite(value)) return String(value);
  const s = parseNumberSpec(spec) ?? parseNumberSpec(',.2~f')!;
  const options: Intl.NumberFormatOptions = { useGrouping: s.grouping };
  if (s.currency) Object.assign(options, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' });
  let v = value;
  switch (s.type) {
    case 'f': {
      const p = clampDigits(s.precision ?? 6, 0, 20);
      Object.assign(options, { minimumFractionDigits: s.trim ? 0 : p, maximumFractionDigits: p });
      break;
    }
    case 'd':
      v = Math.round(value);
      Object.assign(options, { minimumFractionDigits: 0, maximumFractionDigits: 0 });
      break;
    case '%': {
      const p = clampDigits(s.precision ?? 0, 0, 20);
      if (!s.currency) options.style = 'percent';
      else v = value * 100;
      Object.assign(options, { minimumFractionDigits: s.trim ? 0 : p, maximumFractionDigits: p });
      break;
    }
    case 's': {
      const p = clampDigits(s.precision ?? 3, 1, 21);
      Object.assign(options, { notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: p });
      break;
    }
    case 'e': {
      let text = Math.abs(value).toExponential(clampDigits(s.precision ?? 6, 0, 20));
      if (s.trim) text = text.replace(/\.?0+e/, 'e');
      return `${value < 0 ? MINUS : s.sign === '+' ? '+' : ''}${text}`;
    }
    case 'g':
    case 'r':
    case 'p': {
      const p = clampDigits(s.precision ?? 6, 1, 21);
      Object.assign(options, { minimumSignificantDigits: s.trim ? 1 : p, maximumSignificantDigits: p });
      if (s.type === 'p') options.style = 'percent';
      break;
    }
    default:
      // d3's default: up to 12 significant digits, trailing zeros trimmed.
      Object.assign(options, { maximumSignificantDigits: clampDigits(s.precision ?? 12, 1, 21) });
  }
  if (s.sign === '+') options.signDisplay = 'exceptZero';
  const negativeInParens = s.sign === '(' && v < 0;
  if (negativeInParens) v = -v;
  const key = `${spec}|${options.style ?? ''}`;
  let text = numberFormatter(key, options).format(v);
  // d3 writes negatives with the minus sign (U+2212), as vega's axes do; screen readers say "minus".
  text = text.replace('-', MINUS);
  if (s.currency && s.type === '%') text = `${text}%`;
  if (negativeInParens) text = `(${text})`;
  else if (s.sign === ' ' && v >= 0) text = ` ${text}`;
  return text;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number, padChar: string): string {
  const s = String(n);
  return padChar === '' ? s : s.padStart(width, padChar);
}

/** Formats an instant (UTC) with a d3-time-format string; supports %Y %y %q %m %B %b %d %e %j %a %A %H %I %p %M %S %L %Z %%. */
export function formatTime(date: Date, spec: string): string {
  return spec.replace(/%([-_0]?)([a-zA-Z%])/g, (_all, modifier: string, directive: string) => {
    const padWith = (fallback: string) => (modifier === '-' ? '' : modifier === '_' ? ' ' : modifier === '0' ? '0' : fallback);
    switch (directive) {
      case 'Y':
        return String(date.getUTCFullYear());
      case 'y':
        return pad(date.getUTCFullYear() % 100, 2, padWith('0'));
      case 'q':
        return String(Math.floor(date.getUTCMonth() / 3) + 1);
      case 'm':
        return pad(date.getUTCMonth() + 1, 2, padWith('0'));
      case 'B':
        return MONTHS[date.getUTCMonth()];
      case 'b':
        return MONTHS[date.getUTCMonth()].slice(0, 3);
      case 'd':
        return pad(date.getUTCDate(), 2, padWith('0'));
      case 'e':
        return pad(date.getUTCDate(), 2, padWith(' '));
      case 'j': {
        const start = Date.UTC(date.getUTCFullYear(), 0, 1);
        return pad(Math.floor((date.getTime() - start) / 86_400_000) + 1, 3, padWith('0'));
      }
      case 'a':
        return DAYS[date.getUTCDay()].slice(0, 3);
      case 'A':
        return DAYS[date.getUTCDay()];
      case 'H':
        return pad(date.getUTCHours(), 2, padWith('0'));
      case 'I':
        return pad(date.getUTCHours() % 12 || 12, 2, padWith('0'));
      case 'p':
        return date.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'M':
        return pad(date.getUTCMinutes(), 2, padWith('0'));
      case 'S':
        return pad(date.getUTCSeconds(), 2, padWith('0'));
      case 'L':
        return pad(date.getUTCMilliseconds(), 3, padWith('0'));
      case 'Z':
        return '+0000';
      case '%':
        return '%';
      default:
        return `%${modifier}${directive}`;
    }
  });
}

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The granularity of a time-dimension column ("transactions.ts.month" → "month"), if it has one. */
export function granularityOf(column: Pick<ResultColumn, 'name' | 'role'>): Granularity | undefined {
  if (column.role !== 'time') return undefined;
  const parts = column.name.split('.');
  if (parts.length !== 3) return undefined;
  const last = parts[2] as Granularity;
  return GRANULARITIES.includes(last) ? last : undefined;
}

/** The d3-time-format string a time bucket is shown with. */
export const GRANULARITY_FORMATS: Record<Granularity, string> = {
  day: '%b %-d, %Y',
  week: 'Week of %b %-d, %Y',
  month: '%b %Y',
  quarter: 'Q%q %Y',
  year: '%Y',
};

/** Epoch milliseconds of a date or timestamp value ("YYYY-MM-DD" is midnight UTC); NaN when unparseable. */
export function toEpochMs(value: ScalarValue): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** Whether a column holds numbers. */
export const isNumericColumn = (c: Pick<ResultColumn, 'type'>) => c.type === 'number' || c.type === 'integer';
/** Whether a column holds dates or timestamps. */
export const isTemporalColumn = (c: Pick<ResultColumn, 'type'>) => c.type === 'date' || c.type === 'timestamp';

/** The default d3-format of a numeric column without one. */
export function defaultNumberFormat(column: Pick<ResultColumn, 'type'>): string {
  return column.type === 'integer' ? ',d' : ',.2~f';
}

/** A result value as text, following the column's type, format and granularity. */
export function formatValue(value: ScalarValue | undefined, column: Pick<ResultColumn, 'name' | 'role' | 'type' | 'format'>): string {
  if (value === null || value === undefined || value === '') return MISSING_VALUE;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (isNumericColumn(column) && typeof value === 'number') return formatNumber(value, column.format ?? defaultNumberFormat(column));
  if (isTemporalColumn(column)) {
    const ms = toEpochMs(value);
    if (Number.isNaN(ms)) return String(value);
    const granularity = granularityOf(column);
    const spec = granularity ? GRANULARITY_FORMATS[granularity] : (column.format ?? (column.type === 'date' ? '%Y-%m-%d' : '%Y-%m-%d %H:%M UTC'));
    return formatTime(new Date(ms), spec);
  }
  if (typeof value === 'number') return formatNumber(value, ',~r');
  return value;
}

/** Joins words as English prose: "a", "a and b", "a, b and c". */
export function listFormat(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 row", "1,234 rows". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(n, ',d')} ${n === 1 ? singular : pluralForm}`;
}
