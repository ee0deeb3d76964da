/**
 * Reading single cells as numbers and booleans. Stricter than Number(): Number('') is 0 and
 * Number('0x1A') is 26, both of which would turn bad cells into silently wrong amounts.
 */

const RE_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RE_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const CURRENCY = /^([+-]?)[$£€¥]\s?/;

/** A finite number, or NaN. Accepts one leading currency symbol and comma thousands separators (1,234.50). */
export function parseNumber(raw: string): number {
  let v = raw.trim();
  if (v === '') return NaN;
  if (RE_NUMBER.test(v)) return Number(v);
  const c = CURRENCY.exec(v);
  if (c) v = c[1] + v.slice(c[0].length);
  if (RE_GROUPED.test(v)) v = v.replace(/,/g, '');
  return RE_NUMBER.test(v) ? Number(v) : NaN;
}

/** Whether text is a plain integer (no decimals or exponent, at most 15 digits so it stays exact). */
export function isIntegerText(v: string): boolean {
  return /^[+-]?\d+$/.test(v) && v.replace(/^[+-]/, '').length <= 15;
}

/** Digit strings with leading zeros ("00042") are identifiers: reading them as numbers would lose the zeros. */
export function hasLeadingZero(v: string): boolean {
  return /^0\d/.test(v);
}

const TRUE = new Set(['true', 't', 'yes', 'y']);
const FALSE = new Set(['false', 'f', 'no', 'n']);

/** true / false for the usual spellings (not 0/1, which read as integers), else null. */
export function parseBoolean(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}
