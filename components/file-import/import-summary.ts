import type { ImportMapping, ImportResult, LoadImportResult, RejectReason } from '../../src/import/index.js';

export interface RejectedReasonCount {
  reason: RejectReason;
  label: string;
  rows: number;
  /** False for rows left out on purpose (cancellations and returns), true for unreadable rows. */
  error: boolean;
}

/** Detail of `clv-import-complete`: what was read, what was loaded, what was left out and why. */
export interface ImportSummary {
  fileName: string;
  bytes: number;
  format: string;
  table: string;
  mode: 'replace' | 'append';
  mapping: ImportMapping;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejectedByReason: RejectedReasonCount[];
  warnings: string[];
  dateRange: { from: string; to: string } | null;
  /** Rows loaded per table (transactions, customers, dates). */
  loaded: Record<string, number>;
}

export function summarizeImport(
  fileName: string,
  result: ImportResult,
  load: LoadImportResult,
  table: string,
  mode: 'replace' | 'append',
  reasons: Record<RejectReason, { label: string; error: boolean }>,
): ImportSummary {
  const rejectedByReason = (Object.keys(result.rejectedCounts) as RejectReason[])
    .filter((reason) => result.rejectedCounts[reason] > 0)
    .map((reason) => ({ reason, label: reasons[reason].label, rows: result.rejectedCounts[reason], error: reasons[reason].error }));
  return {
    fileName,
    bytes: result.bytes,
    format: result.format,
    table,
    mode,
    mapping: result.mapping,
    rowsRead: result.rowsRead,
    rowsImported: result.rowCount,
    rowsRejected: rejectedByReason.reduce((s, r) => s + r.rows, 0),
    rejectedByReason,
    warnings: result.warnings,
    dateRange: result.dateRange,
    loaded: load.rows,
  };
}
