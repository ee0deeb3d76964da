import { z } from 'zod';
import type { ColumnType } from '../contracts/data-model.js';
import { allowedMisfits, detectDateFormat, type DateFormat } from './date-formats.js';
import { hasLeadingZero, isIntegerText, parseBoolean, parseNumber } from './values.js';

/** Guessing a file's layout from its name and first bytes / lines. Every guess can be overridden by the caller. */

export type FileFormat = 'gzip' | 'parquet' | 'text';

/** Magic bytes decide; the name is only a fallback for files too short to tell. */
export function sniffFormat(name: string, head: Uint8Array): FileFormat {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  if (head.length < 4) {
    if (/\.gz$/i.test(name)) return 'gzip';
    if (/\.parquet$/i.test(name)) return 'parquet';
  }
  return 'text';
}

export const DelimiterSchema = z.enum([',', '\t', ';', '|', 'whitespace']);
export type Delimiter = z.infer<typeof DelimiterSchema>;

const SINGLE: readonly Delimiter[] = [',', '\t', ';', '|'];

/** Splits one line for detection only (quotes respected, not unescaped); the real parse uses papaparse. */
export function splitForDetection(line: string, delimiter: Delimiter): string[] {
  if (delimiter === 'whitespace') return line.trim().split(/\s+/);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The delimiter that splits the sample lines into the same number (≥ 2) of fields most consistently;
 * more fields win ties, so "a;b;12,5" is semicolon-separated. Runs of spaces are the fallback when no
 * single character works (fixed-width-ish text such as CDNOW_master.txt).
 */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 200);
  if (sample.length === 0) return ',';
  let best: { d: Delimiter; consistency: number; fields: number } | null = null;
  for (const d of [...SINGLE, 'whitespace'] as Delimiter[]) {
    const counts = sample.map((l) => splitForDetection(l, d).length);
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [fields, hits] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const consistency = hits / sample.length;
    if (fields < 2 || consistency < 0.9) continue;
    if (d === 'whitespace' && best) continue;
    if (!best || consistency > best.consistency + 1e-9 || (Math.abs(consistency - best.consistency) < 1e-9 && fields > best.fields))
      best = { d, consistency, fields };
  }
  return best?.d ?? ',';
}

export interface ColumnDetection {
  type: ColumnType;
  /** For date and timestamp columns held as text. */
  dateFormat?: DateFormat;
  /** Day-first and month-first both fit; month-first was chosen. */
  ambiguousDate?: boolean;
}

/**
 * The narrowest type the non-empty sample values fit (all but one in five, so a stray bad cell does
 * not hide the type; such cells are rejected at import): boolean, date/timestamp, integer, number,
 * else string. 8-digit integers that are valid YYYYMMDD dates count as dates; digit strings with
 * leading zeros count as strings (identifiers such as "00042").
 */
export function detectColumnType(values: readonly string[]): ColumnDetection {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return { type: 'string' };
  const need = vs.length - allowedMisfits(vs.length);
  const most = (pred: (v: string) => boolean) => vs.filter(pred).length >= need;
  if (most((v) => parseBoolean(v) !== null)) return { type: 'boolean' };
  const date = detectDateFormat(vs);
  if (date) {
    return { type: date.withTime ? 'timestamp' : 'date', dateFormat: date.format, ...(date.ambiguous ? { ambiguousDate: true } : {}) };
  }
  if (vs.some(hasLeadingZero)) return { type: 'string' };
  if (most(isIntegerText)) return { type: 'integer' };
  if (most((v) => !Number.isNaN(parseNumber(v)))) return { type: 'number' };
  return { type: 'string' };
}

/** Whether a first-row cell could be a value of a column typed from the rows below it (numbers fit any numeric column). */
const fits = (value: string, c: ColumnDetection): boolean => {
  const v = value.trim();
  if (v === '') return true;
  switch (c.type) {
    case 'integer':
    case 'number':
      return !Number.isNaN(parseNumber(v));
    case 'date':
    case 'timestamp':
      return detectDateFormat([v]) !== null;
    case 'boolean':
      return parseBoolean(v) !== null;
    case 'string':
      return true;
  }
};

/**
 * Whether the first row is a header: in the columns whose other values are typed (numbers, dates,
 * booleans), most first-row cells do not fit that type. With only text columns, a first row of
 * distinct, name-like cells that never recur below counts as a header.
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
  if (rows.length === 0) return false;
  const [first, ...rest] = rows;
  if (rest.length === 0) return first.every((v) => v.trim() !== '' && Number.isNaN(parseNumber(v)) && detectDateFormat([v]) === null);
  let typed = 0;
  let misfit = 0;
  first.forEach((cell, j) => {
    const c = detectColumnType(rest.map((r) => r[j] ?? ''));
    if (c.type === 'string') return;
    typed++;
    if (!fits(cell, c)) misfit++;
  });
  if (typed > 0) return misfit * 2 >= typed && misfit > 0;
  const names = first.map((v) => v.trim());
  return (
    new Set(names).size === names.length &&
    names.every((v, j) => /^[\p{L}_][\p{L}\p{N} _.#()-]{0,63}$/u.test(v) && !rest.some((r) => (r[j] ?? '').trim() === v))
  );
}

/** Unique, non-empty column names: blanks become column_<n>, repeats get the first free _<n> suffix. */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}

/** Like detectColumnType, for cells that may already be typed (parquet): Dates, numbers, bigints, booleans. */
export function detectCellsType(values: readonly unknown[]): ColumnDetection {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return { type: 'string' };
  if (present.every((v) => typeof v === 'string')) return detectColumnType(present as string[]);
  if (present.every((v) => v instanceof Date)) return { type: 'timestamp' };
  if (present.every((v) => typeof v === 'boolean')) return { type: 'boolean' };
  if (present.every((v) => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))) return { type: 'integer' };
  if (present.every((v) => typeof v === 'number' || typeof v === 'bigint')) return { type: 'number' };
  return { type: 'string' };
}
