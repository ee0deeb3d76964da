import type { ColumnType } from './data-model.js';
import type { ScalarValue } from './result.js';

export interface LoadColumn {
  name: string;
  type: ColumnType;
}

/**
 * Column-oriented data for bulk loads: one array per column, all the same length.
 * Dates are "YYYY-MM-DD"; timestamps are epoch milliseconds (UTC) or ISO strings; missing values are null.
 */
export type ColumnarData = Record<string, ArrayLike<ScalarValue>>;

export interface LoadProgress {
  phase: string;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** replace: create or replace the table; append: insert into the existing table. */
  mode: 'replace' | 'append';
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

/** What an engine offers to bulk-load generated or imported data. */
export interface TableLoader {
  loadColumns(table: string, columns: LoadColumn[], data: ColumnarData, options: LoadOptions): Promise<{ rows: number }>;
}
