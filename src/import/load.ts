import { throwIfAborted } from '../contracts/errors.js';
import type { ColumnarData, LoadProgress, TableLoader } from '../contracts/loader.js';
import {
  CUSTOMERS_TABLE,
  DATES_TABLE,
  TRANSACTIONS_TABLE,
  createDateDimension,
  dayToIsoDate,
  isoDateToDay,
  loadColumnsOf,
} from '../model/clv-model.js';

/** Hands an import to an engine: the transactions, plus the customers and dates rows they look up to. */

export interface ImportedTransactions {
  data: ColumnarData;
  rowCount: number;
}

export interface LoadImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /**
   * In append mode, what the engine already holds. Customers in `customerIds` are not added again and
   * only dates outside `dateSpan` are added, so the dimensions keep one row per key. Without them,
   * append mode loads the transactions only (duplicate dimension rows would double-count in joins).
   */
  existing?: { customerIds?: ReadonlySet<string>; dateSpan?: { from: string; to: string } };
}

export interface LoadImportResult {
  rows: Record<string, number>;
  /** Tables left untouched, with the reason. */
  skipped: Record<string, string>;
}

/**
 * Customer rows for the ids in the transactions: signup_date is the first order_date (the first
 * purchase), the other attributes are unknown (null). `exclude` leaves out ids already loaded.
 */
export function customersFromTransactions(data: ColumnarData, exclude?: ReadonlySet<string>): ColumnarData {
  const first = new Map<string, string>();
  const ids = data.customer_id;
  const dates = data.order_date;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (exclude?.has(id)) continue;
    const d = dates[i] as string;
    const seen = first.get(id);
    if (seen === undefined || d < seen) first.set(id, d);
  }
  const n = first.size;
  const nulls = () => new Array<null>(n).fill(null);
  const columns: ColumnarData = {};
  for (const c of loadColumnsOf(CUSTOMERS_TABLE)) columns[c.name] = nulls();
  columns.customer_id = [...first.keys()];
  columns.signup_date = [...first.values()];
  return columns;
}

/** First and last order_date ("YYYY-MM-DD" strings compare in date order). */
export function orderDateSpan(data: ColumnarData): { from: string; to: string } | null {
  const dates = data.order_date;
  if (!dates || dates.length === 0) return null;
  let from = dates[0] as string;
  let to = from;
  for (let i = 1; i < dates.length; i++) {
    const d = dates[i] as string;
    if (d < from) from = d;
    if (d > to) to = d;
  }
  return { from, to };
}

const emptyDates = (): ColumnarData => Object.fromEntries(loadColumnsOf(DATES_TABLE).map((c) => [c.name, []]));

/** Dates of `span` not in `have`: the days before it and the days after it (the dates table is contiguous). */
function missingDates(span: { from: string; to: string }, have: { from: string; to: string }): ColumnarData[] {
  const parts: ColumnarData[] = [];
  if (span.from < have.from) parts.push(createDateDimension(span.from, dayToIsoDate(Math.min(isoDateToDay(have.from) - 1, isoDateToDay(span.to)))));
  if (span.to > have.to) parts.push(createDateDimension(dayToIsoDate(Math.max(isoDateToDay(have.to) + 1, isoDateToDay(span.from))), span.to));
  return parts;
}

function concat(parts: ColumnarData[]): ColumnarData {
  if (parts.length === 0) return emptyDates();
  if (parts.length === 1) return parts[0];
  return Object.fromEntries(Object.keys(parts[0]).map((k) => [k, parts.flatMap((p) => Array.from(p[k]))]));
}

/**
 * Loads an import through the engine's TableLoader: the transactions into `tableName`, and the
 * customers and dates tables the model's relations look up to. mode "replace" rebuilds all three.
 */
export async function loadImport(
  loader: TableLoader,
  result: ImportedTransactions,
  tableName: string = TRANSACTIONS_TABLE,
  mode: 'replace' | 'append' = 'replace',
  options: LoadImportOptions = {},
): Promise<LoadImportResult> {
  const { signal, onProgress } = options;
  const rows: Record<string, number> = {};
  const skipped: Record<string, string> = {};
  throwIfAborted(signal);

  rows[tableName] = (await loader.loadColumns(tableName, loadColumnsOf(TRANSACTIONS_TABLE), result.data, { mode, signal, onProgress })).rows;

  throwIfAborted(signal);
  const existing = options.existing;
  if (mode === 'replace' || existing?.customerIds) {
    const customers = customersFromTransactions(result.data, mode === 'append' ? existing?.customerIds : undefined);
    rows[CUSTOMERS_TABLE] = (await loader.loadColumns(CUSTOMERS_TABLE, loadColumnsOf(CUSTOMERS_TABLE), customers, { mode, signal, onProgress })).rows;
  } else skipped[CUSTOMERS_TABLE] = 'append without existing.customerIds: adding customers could duplicate ids already loaded';

  throwIfAborted(signal);
  const span = orderDateSpan(result.data);
  if (mode === 'replace' || existing?.dateSpan) {
    const dates =
      span === null ? emptyDates() : mode === 'replace' || !existing?.dateSpan ? createDateDimension(span.from, span.to) : concat(missingDates(span, existing.dateSpan));
    rows[DATES_TABLE] = (await loader.loadColumns(DATES_TABLE, loadColumnsOf(DATES_TABLE), dates, { mode, signal, onProgress })).rows;
  } else skipped[DATES_TABLE] = 'append without existing.dateSpan: adding dates could duplicate days already loaded';

  return { rows, skipped };
}
