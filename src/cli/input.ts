/**
 * Reads the --input file into transactions with the shared importer (delimiter, header and date
 * format detection, gzip), after resolving the column mapping from the flags. Mapping mistakes are
 * usage errors naming the flag; unreadable files and rows are data errors naming the file and line.
 */
import { constants, openAsBlob } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAdapterError } from '../contracts/errors.js';
import type { ColumnarData } from '../contracts/loader.js';
import { REJECT_REASONS, importFile, inspectFile, type FileInspection, type ImportMappingInput, type ImportResult, type RejectReason } from '../import/index.js';
import { nameListOption, stringOption, type ParsedValues } from './args.js';
import { DataError, UsageError } from './errors.js';
import { countOf, type Reporter } from './io.js';

export interface InputSpec {
  file: string;
  customer?: string;
  date?: string;
  amount?: string;
  /** Names for the file's columns (headerless files). */
  columns?: string[];
  /** Deciles only: the column deciles are ranked within. */
  category?: string;
}

export function inputSpec(values: ParsedValues, command: string): InputSpec {
  return {
    file: stringOption(values, 'input', command, true),
    customer: stringOption(values, 'customer', command),
    date: stringOption(values, 'date', command),
    amount: stringOption(values, 'amount', command),
    columns: nameListOption(values, 'columns', command),
    category: stringOption(values, 'category', command),
  };
}

/** The accepted rows in the CLV model's transactions shape (customer_id, ts in epoch ms, amount, category, …). */
export interface Transactions {
  data: ColumnarData;
  customer: readonly string[];
  ts: Float64Array;
  amount: Float64Array;
  rows: number;
  /** First and last purchase date (YYYY-MM-DD) of the accepted rows. */
  dateRange: { from: string; to: string };
}

async function checkReadable(file: string): Promise<void> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new DataError(`cannot read ${file}: it is a directory`);
    await access(file, constants.R_OK);
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new DataError(`cannot read ${file}: ${why}`);
  }
}

/**
 * The importer's messages end with advice to set a mapping option of the library API, which the
 * command line does not expose; that sentence is cut.
 */
const withoutApiAdvice = (message: string): string => message.replace(/\s*(Set|Pass) (options\.)?mapping(\.\w+)?[^.]*\.$/, '');

/** Importer errors (AdapterError) become data errors that name the file. */
function asDataError(e: unknown, file: string): unknown {
  return isAdapterError(e) ? new DataError(`${file}: ${withoutApiAdvice(e.message)}`) : e;
}

const fmtBytes = (n: number): string => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`);

/** Checks a flag's column against the file, or falls back to the detected column for that field. */
function pickColumn(
  flag: string,
  given: string | undefined,
  suggested: string | undefined,
  inspection: FileInspection,
  spec: InputSpec,
  command: string,
  what: string,
): string {
  const known = inspection.columns;
  if (given !== undefined) {
    if (!known.includes(given)) {
      const hint = inspection.hasHeader === false && !spec.columns ? ' (the file has no header: name its columns with --columns a,b,c)' : '';
      throw new UsageError(`--${flag}: there is no column "${given}" in ${spec.file}; its columns are ${known.join(', ')}${hint}`, command);
    }
    return given;
  }
  if (suggested !== undefined) return suggested;
  // A column named after the field whose sample did not look right (e.g. amounts like "12,5x"):
  // reading it reports the bad rows by line, which says more than "cannot tell".
  const named = known.find((c) => c.toLowerCase() === flag);
  if (named !== undefined) return named;
  throw new UsageError(
    `cannot tell which column of ${spec.file} holds the ${what}; pass --${flag} COL (columns: ${known.join(', ')})` +
      (inspection.hasHeader === false && !spec.columns ? '; the file has no header, so --columns a,b,c can name them' : ''),
    command,
  );
}

function resolveMapping(inspection: FileInspection, spec: InputSpec, command: string, reporter: Reporter): ImportMappingInput {
  const s = inspection.suggestion.mapping;
  if (spec.columns) {
    const width = inspection.sample[0]?.length ?? 0;
    if (width !== spec.columns.length) {
      throw new UsageError(`--columns names ${spec.columns.length} columns but the lines of ${spec.file} have ${width} fields`, command);
    }
  }
  const mapping: ImportMappingInput = {
    customer: pickColumn('customer', spec.customer, s.customer, inspection, spec, command, 'customer id'),
    date: pickColumn('date', spec.date, s.date, inspection, spec, command, 'purchase date'),
  };
  if (spec.amount !== undefined || !s.amountFrom) {
    mapping.amount = pickColumn('amount', spec.amount, s.amount, inspection, spec, command, 'purchase amount');
  } else {
    mapping.amountFrom = s.amountFrom;
    reporter.warn(`${spec.file}: no amount column; amount = ${s.amountFrom.price} × ${s.amountFrom.quantity} (pass --amount COL to choose one)`);
  }
  if (spec.category !== undefined) mapping.category = pickColumn('category', spec.category, undefined, inspection, spec, command, 'category');
  return mapping;
}

/** Reports left-out rows once, with the first few as FILE:LINE so they can be found and fixed. */
function reportRejected(result: ImportResult, file: string, reporter: Reporter): void {
  const errors = result.rejected.filter((r) => r.reason !== 'cancellation');
  if (errors.length > 0) {
    const counts = (Object.keys(REJECT_REASONS) as RejectReason[])
      .filter((k) => k !== 'cancellation' && result.rejectedCounts[k] > 0)
      .map((k) => `${REJECT_REASONS[k].label.toLowerCase()}: ${result.rejectedCounts[k]}`);
    reporter.warn(`${file}: ${errors.length} of ${countOf(result.rowsRead, 'row')} could not be read and are left out (${counts.join(', ')})`);
    for (const r of errors.slice(0, 3)) reporter.warn(`${file}:${r.line}: ${r.detail}`);
  }
  const returns = result.rejectedCounts.cancellation;
  if (returns > 0) reporter.warn(`${file}: ${countOf(returns, 'row')} with a negative amount ${returns === 1 ? 'is a return and is' : 'are returns and are'} left out`);
  // The importer's own summaries of the two counts above speak of its API ("see rejected"); the rest pass through.
  for (const w of result.warnings) {
    if (/see rejected|cancellation\/return rows/.test(w)) continue;
    reporter.warn(`${file}: ${withoutApiAdvice(w)}`);
  }
}

export async function readTransactions(spec: InputSpec, command: string, reporter: Reporter): Promise<Transactions> {
  const { file } = spec;
  await checkReadable(file);
  const blob = await openAsBlob(file);
  const name = path.basename(file);
  const layout = spec.columns ? { columnNames: spec.columns } : {};
  let inspection: FileInspection;
  try {
    inspection = await inspectFile(blob, name, layout);
  } catch (e) {
    throw asDataError(e, file);
  }
  const mapping = resolveMapping(inspection, spec, command, reporter);
  let result: ImportResult;
  try {
    result = await importFile(blob, name, {
      ...layout,
      mapping,
      onProgress: (p) =>
        reporter.progress(() => {
          const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
          return `reading ${name}: ${pct}% of ${fmtBytes(p.bytesTotal)}, ${p.rowsDone.toLocaleString('en-US')} rows`;
        }),
    });
  } catch (e) {
    throw asDataError(e, file);
  } finally {
    reporter.clearProgress();
  }
  reportRejected(result, file, reporter);
  if (result.rowCount === 0) {
    // An unreadable row explains more than a return does.
    const first = result.rejected.find((r) => r.reason !== 'cancellation') ?? result.rejected[0];
    throw new DataError(`${file} has no usable purchase rows` + (first ? ` (e.g. ${file}:${first.line}: ${first.detail})` : ''));
  }
  return {
    data: result.data,
    customer: result.data.customer_id as string[],
    ts: result.data.ts as Float64Array,
    amount: result.data.amount as Float64Array,
    rows: result.rowCount,
    dateRange: result.dateRange ?? { from: '', to: '' },
  };
}
