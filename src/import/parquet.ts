import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { AdapterError } from '../contracts/errors.js';
import { TransactionBuilder, type BuildResult, type Cell } from './build.js';
import type { DateFormat } from './date-formats.js';
import type { ImportMapping } from './mapping.js';

/**
 * Parquet input through hyparquet (pure JS, browser and Node) with hyparquet-compressors for the
 * codecs writers commonly use (snappy, gzip, zstd, brotli, lz4). Parquet needs random access to
 * its footer, so the whole file is held in memory; rows are then read one row group at a time.
 */

function metadataOf(file: ArrayBuffer): FileMetaData {
  try {
    return parquetMetadata(file);
  } catch (e) {
    throw new AdapterError('invalid_request', `The parquet file could not be read: ${(e as Error).message}`, undefined, { cause: e });
  }
}

/** Top-level column names (nested columns are not supported as transaction fields). */
export function parquetColumns(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((c) => c.element.name);
}

async function readRows(file: ArrayBuffer, metadata: FileMetaData, columns: string[], rowStart: number, rowEnd: number): Promise<Cell[][]> {
  let rows: Cell[][] = [];
  await parquetRead({ file, metadata, columns, rowStart, rowEnd, compressors, rowFormat: 'array', onComplete: (r) => (rows = r as Cell[][]) });
  return rows;
}

export interface ParquetSample {
  columns: string[];
  rows: Cell[][];
  rowCount: number;
}

export async function sampleParquet(file: ArrayBuffer, sampleRows: number): Promise<ParquetSample> {
  const metadata = metadataOf(file);
  const columns = parquetColumns(metadata);
  const rowCount = Number(metadata.num_rows);
  return { columns, rows: await readRows(file, metadata, columns, 0, Math.min(rowCount, sampleRows)), rowCount };
}

export interface ParquetParseOptions {
  mapping: ImportMapping;
  dateFormat: DateFormat | null;
  onRows?: (rowsDone: number) => void;
  signal?: AbortSignal;
}

const shown = (c: Cell) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c));

/** Reads the mapped columns row group by row group into the transactions table. */
export async function parseParquetTransactions(file: ArrayBuffer, options: ParquetParseOptions): Promise<BuildResult & { columns: string[] }> {
  const metadata = metadataOf(file);
  const all = parquetColumns(metadata);
  const m = options.mapping;
  const wanted = [m.customer, m.date, m.amount, m.amountFrom?.price, m.amountFrom?.quantity, m.quantity, m.category, m.id];
  const missing = wanted.find((c) => c !== undefined && !all.includes(c));
  if (missing) throw new AdapterError('invalid_request', `Column "${missing}" is not in the file. Columns: ${all.join(', ')}.`, 'mapping');
  // Only the mapped columns are decoded, in file order (which is also the order of a rejected row's raw text).
  const columns = all.filter((c) => wanted.includes(c));
  const builder = new TransactionBuilder(columns, m, options.dateFormat);
  let start = 0;
  for (const group of metadata.row_groups) {
    if (options.signal?.aborted) throw new AdapterError('aborted', 'The import was cancelled.');
    const end = start + Number(group.num_rows);
    const rows = await readRows(file, metadata, columns, start, end);
    rows.forEach((row, i) => builder.add(row, start + i + 1, () => row.map(shown).join(',')));
    start = end;
    options.onRows?.(start);
  }
  return { ...builder.finish(), columns: all };
}
