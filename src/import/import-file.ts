import { AdapterError, describeZodError } from '../contracts/errors.js';
import type { BuildResult, Cell } from './build.js';
import { detectCellsType, detectDelimiter, detectHeader, sniffFormat, uniqueColumnNames, type ColumnDetection, type Delimiter, type FileFormat } from './detect.js';
import type { DateFormat } from './date-formats.js';
import { ImportMappingSchema, suggestMapping, type ImportMapping, type ImportMappingInput, type MappingSuggestion } from './mapping.js';
import { parseParquetTransactions, sampleParquet } from './parquet.js';
import { RecordSplitter, parseTextTransactions, splitRecords, type RecordBatch } from './parse.js';
import { readAll, readHead, sourceSize, textChunks, type ImportSource } from './source.js';

/** Detect → map → parse, for text (optionally gzipped) and parquet files. */

export interface LayoutOptions {
  /** Overrides delimiter detection for text files. */
  delimiter?: Delimiter;
  /** Overrides header detection for text files. */
  hasHeader?: boolean;
  /** Column names for headerless files (replace the header's names when there is one). */
  columnNames?: string[];
}

export interface FileInspection {
  format: FileFormat;
  /** Text files only. */
  delimiter: Delimiter | null;
  hasHeader: boolean | null;
  columns: string[];
  types: Record<string, ColumnDetection>;
  /** The first data rows as read (text cells, or typed parquet values). */
  sample: Cell[][];
  suggestion: MappingSuggestion;
  warnings: string[];
}

/** Text read for detection: enough for a few hundred rows of typical files. */
const HEAD_CHARS = 256 * 1024;
const SAMPLE_ROWS = 200;

async function textHead(source: ImportSource, gzip: boolean): Promise<string[]> {
  const batch: RecordBatch = { texts: [], lines: [] };
  // Quotes matter for cutting records; whitespace files rarely contain any, so quoting is assumed here.
  const splitter = new RecordSplitter(true);
  let chars = 0;
  let complete = true;
  for await (const chunk of textChunks(source, { gzip })) {
    splitter.push(chunk, batch);
    chars += chunk.length;
    if (chars >= HEAD_CHARS) {
      complete = false;
      break;
    }
  }
  if (complete) splitter.end(batch);
  return batch.texts.filter((t) => t.trim() !== '').slice(0, SAMPLE_ROWS + 1);
}

/** Format, layout, columns with detected types, sample rows and a suggested mapping, from the head of the file. */
export async function inspectFile(source: ImportSource, name: string, options: LayoutOptions = {}): Promise<FileInspection> {
  const format = sniffFormat(name, await readHead(source, 4));
  const warnings: string[] = [];
  if (format !== 'gzip' && /\.gz$/i.test(name)) warnings.push(`"${name}" is named .gz but is not gzip-compressed; it was read as ${format}.`);
  if (format === 'parquet') {
    const s = await sampleParquet(await readAll(source), SAMPLE_ROWS);
    const suggestion = suggestMapping(s.columns, s.rows);
    return { format, delimiter: null, hasHeader: null, columns: s.columns, types: suggestion.types, sample: s.rows, suggestion, warnings };
  }
  const texts = await textHead(source, format === 'gzip');
  if (texts.length === 0) throw new AdapterError('invalid_request', `"${name}" has no data.`);
  const delimiter = options.delimiter ?? detectDelimiter(texts);
  const rows = splitRecords(texts, delimiter);
  const hasHeader = options.hasHeader ?? detectHeader(rows.slice(0, 51));
  const body = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const given = options.columnNames && options.columnNames.length > 0 ? options.columnNames : null;
  const columns = uniqueColumnNames(given ?? (hasHeader ? rows[0] : Array.from({ length: width }, () => '')));
  const suggestion = suggestMapping(columns, body);
  return { format, delimiter, hasHeader, columns, types: suggestion.types, sample: body, suggestion, warnings };
}

export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'done';
  /** Source bytes read (compressed bytes for gzip). */
  bytesDone: number;
  bytesTotal: number;
  /** Data rows read, accepted or not. */
  rowsDone: number;
}

export interface ImportOptions extends LayoutOptions {
  /** Which columns feed which fields; suggested from the column names when left out. */
  mapping?: ImportMappingInput;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface ImportResult extends BuildResult {
  format: FileFormat;
  delimiter: Delimiter | null;
  hasHeader: boolean | null;
  columns: string[];
  mapping: ImportMapping;
  dateFormat: DateFormat | null;
  bytes: number;
}

function resolveMapping(inspection: FileInspection, given: ImportMappingInput | undefined): ImportMapping {
  if (given !== undefined) {
    const r = ImportMappingSchema.safeParse(given);
    if (!r.success) {
      const d = describeZodError(r.error, 'mapping');
      throw new AdapterError('invalid_request', `Invalid mapping: ${d.message}`, d.field);
    }
    return r.data;
  }
  const s = inspection.suggestion;
  if (!s.complete)
    throw new AdapterError(
      'invalid_request',
      `No column was recognised for ${s.missing.join(', ')}. Columns: ${inspection.columns.join(', ')}. Pass options.mapping.`,
      'mapping',
    );
  return ImportMappingSchema.parse(s.mapping);
}

/** The date format from the mapping, else detected from the sample; null only for typed (parquet) date columns. */
function resolveDateFormat(inspection: FileInspection, mapping: ImportMapping, chosenByCaller: boolean, warnings: string[]): DateFormat | null {
  const j = inspection.columns.indexOf(mapping.date);
  const values = j < 0 ? [] : inspection.sample.map((r) => r[j]);
  const d = detectCellsType(values);
  if (d.ambiguousDate && !chosenByCaller)
    warnings.push(`Dates in "${mapping.date}" fit both day-first and month-first; read as ${d.dateFormat}. Set mapping.dateFormat if that is wrong.`);
  const format = mapping.dateFormat ?? d.dateFormat ?? null;
  const textual = values.some((v) => typeof v === 'string' && v.trim() !== '');
  if (!format && textual) {
    const example = values.find((v) => typeof v === 'string' && v.trim() !== '');
    throw new AdapterError(
      'invalid_request',
      `The dates in "${mapping.date}" (e.g. "${String(example)}") are in no recognised format. Set mapping.dateFormat.`,
      'mapping.dateFormat',
    );
  }
  const zoneless = (v: Cell) => typeof v === 'string' && /\d:\d/.test(v) && !/(Z|[+-]\d{2}(:?\d{2})?)$/.test(v.trim());
  if (format && values.some(zoneless))
    warnings.push(`Times in "${mapping.date}" without a UTC offset are read as UTC wall-clock time, so order dates match the file.`);
  return format;
}

/**
 * Reads a transactions file (CSV/TSV/semicolon/pipe/whitespace text, gzipped or not, or parquet)
 * into the model's transactions shape. Unreadable rows and cancellations are returned in `rejected`
 * with their line and reason, never dropped silently.
 */
export async function importFile(source: ImportSource, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  const bytesTotal = sourceSize(source);
  let bytesDone = 0;
  let rowsDone = 0;
  const progress = (phase: ImportProgress['phase']) => options.onProgress?.({ phase, bytesDone, bytesTotal, rowsDone });
  if (options.signal?.aborted) throw new AdapterError('aborted', 'The import was cancelled.');
  progress('reading');

  const inspection = await inspectFile(source, name, options);
  const mapping = resolveMapping(inspection, options.mapping);
  const warnings = [...inspection.warnings];
  const dateFormat = resolveDateFormat(inspection, mapping, options.mapping?.dateFormat !== undefined, warnings);
  const onRows = (n: number) => {
    rowsDone = n;
    progress('parsing');
  };

  let built: BuildResult & { columns: string[] };
  if (inspection.format === 'parquet') {
    const file = await readAll(source);
    bytesDone = bytesTotal;
    built = await parseParquetTransactions(file, { mapping, dateFormat, onRows, signal: options.signal });
  } else {
    const chunks = textChunks(source, {
      gzip: inspection.format === 'gzip',
      signal: options.signal,
      onBytes: (b) => (bytesDone = b),
    });
    built = await parseTextTransactions(chunks, {
      layout: { delimiter: inspection.delimiter ?? ',', hasHeader: inspection.hasHeader ?? false, columnNames: options.columnNames },
      mapping,
      dateFormat,
      onRows,
      signal: options.signal,
    });
  }
  bytesDone = bytesTotal;
  rowsDone = built.rowsRead;
  progress('done');
  return {
    ...built,
    warnings: [...warnings, ...built.warnings],
    format: inspection.format,
    delimiter: inspection.delimiter,
    hasHeader: inspection.hasHeader,
    mapping,
    dateFormat,
    bytes: bytesTotal,
  };
}
