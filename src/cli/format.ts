/**
 * Record output as CSV or JSON. CSV follows RFC 4180 quoting and neutralises spreadsheet formula
 * injection in text cells only: a number such as -3.5 stays a number, while a customer id "=cmd()"
 * or "-12" (text) gets a leading single quote.
 */
import { csvCell, csvLine, type CsvValue } from '../export/csv.js';
import type { OutputWriter } from './io.js';

export type OutputFormat = 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json'];

/** A value in an output record: text, a number, or null for "no value". */
export type Cell = CsvValue;

export const csvRow = (cells: readonly Cell[]): string => csvLine(cells) + '\n';
export { csvCell };

/** JSON has no NaN/Infinity: such a number is written as null. */
const jsonValue = (value: Cell): Cell => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

/**
 * Writes a header and one line per record (CSV, LF line ends), or a JSON array with one object
 * per line (valid JSON that still greps and diffs line by line).
 */
export async function writeRecords(
  writer: OutputWriter,
  format: OutputFormat,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<void> {
  if (format === 'csv') {
    await writer.write(csvRow(columns));
    for (const row of rows) await writer.write(csvRow(row));
  } else {
    let first = true;
    for (const row of rows) {
      const record: Record<string, Cell> = {};
      columns.forEach((c, i) => (record[c] = jsonValue(row[i] ?? null)));
      await writer.write(`${first ? '[\n' : ',\n'}${JSON.stringify(record)}`);
      first = false;
    }
    await writer.write(first ? '[]\n' : '\n]\n');
  }
  await writer.flush();
}

/** A JSON document (fit's output), pretty-printed. */
export async function writeJson(writer: OutputWriter, value: unknown): Promise<void> {
  await writer.write(JSON.stringify(value, null, 2) + '\n');
  await writer.flush();
}
