/**
 * CSV cells, the one place that decides how a value is written: RFC 4180 quoting, and spreadsheet
 * formula injection neutralised in text cells only. Spreadsheets run cells starting with = + - @
 * (or tab / CR) as formulas (OWASP "CSV injection"); a leading single quote makes them text. A
 * number such as -3.5 stays a number, while the text "-12" or "=cmd()" gets the quote.
 */

/** A value in an exported record: text, a number, or null for "no value". */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  // Non-finite numbers cannot occur in valid output; an empty cell is the least misleading form.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseCell(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',');
