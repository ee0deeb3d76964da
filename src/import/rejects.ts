import { csvLine } from '../export/csv.js';
/**
 * Rows an import leaves out, each kept with its line and text so nothing disappears silently.
 * Errors are rows that cannot be read; cancellations/returns are readable rows excluded on purpose
 * (they are not purchases) and are reported as their own class.
 */

export const REJECT_REASONS = {
  missing_customer: { label: 'Missing customer id', error: true },
  bad_date: { label: 'Unparseable date', error: true },
  bad_amount: { label: 'Missing or non-numeric amount', error: true },
  bad_quantity: { label: 'Non-numeric quantity', error: true },
  cancellation: { label: 'Cancellation or return', error: false },
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export interface RejectedRow {
  /** 1-based line in the file where the row starts (the row number for parquet). */
  line: number;
  reason: RejectReason;
  /** What exactly was wrong, e.g. `amount "12,5x" is not a number`. */
  detail: string;
  /** The row as read: the source line for text files; for parquet the mapped columns' values in file order. */
  raw: string;
}

export const emptyRejectCounts = (): Record<RejectReason, number> => ({
  missing_customer: 0,
  bad_date: 0,
  bad_amount: 0,
  bad_quantity: 0,
  cancellation: 0,
});

/** The rejected rows as a downloadable CSV (line, reason, detail, raw), safe to open in a spreadsheet. */
export function rejectedToCsv(rejected: readonly RejectedRow[]): string {
  const lines = ['line,reason,detail,raw'];
  for (const r of rejected) lines.push(csvLine([String(r.line), r.reason, r.detail, r.raw]));
  return lines.join('\r\n') + '\r\n';
}
