import type { ResultSet, ScalarValue } from '../contracts/result.js';

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

/**
 * A result as CSV text: a header of column labels, then every row, each line ending in CRLF (RFC 4180,
 * as the import's rejected-rows download).
 * `columns` picks and orders columns by name (default: all of them).
 */
export function resultToCsv(result: ResultSet, columns?: readonly string[]): string {
  const byName = new Map(result.columns.map((c) => [c.name, c]));
  const shown = (columns ?? result.columns.map((c) => c.name)).map((name) => {
    const column = byName.get(name);
    if (!column) throw new Error(`"${name}" is not a column of the result (${[...byName.keys()].join(', ')})`);
    return column;
  });
  const lines = [csvLine(shown.map((c) => c.label))];
  for (const row of result.rows) lines.push(csvLine(shown.map((c) => csvValue(row[c.name]))));
  return `${lines.join('\r\n')}\r\n`;
}

function csvValue(value: ScalarValue | undefined): CsvValue {
  if (value === undefined) return null;
  return typeof value === 'boolean' ? String(value) : value;
}
