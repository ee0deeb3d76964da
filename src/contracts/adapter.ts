import { z } from 'zod';
import type { DataModel } from './data-model.js';
import { FilterValue } from './data-model.js';
import type { SemanticQueryInput } from './query.js';
import type { ResultSet, ScalarValue } from './result.js';

/** Optional abilities, declared up front so components offer only what works. */
export const CapabilitiesSchema = z.object({
  /** Raw SQL with named parameters ('$NAME'), always bound. */
  sql: z.boolean().default(false),
  /** SQL dialect, when sql is true (e.g. "duckdb"). */
  sqlDialect: z.string().optional(),
  /** Appending rows to a table of the model. */
  append: z.boolean().default(false),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export interface CallOptions {
  signal?: AbortSignal;
}

export interface QueryOptions extends CallOptions {
  /** Pins "now" for relative date ranges (ISO date or timestamp, UTC). */
  now?: string;
}

export interface SampleOptions extends CallOptions {
  limit?: number;
  offset?: number;
}

export const SqlParamsSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.union([FilterValue, z.null()]));
export type SqlParams = Record<string, ScalarValue>;

export const AppendRowsSchema = z.array(z.record(z.string(), z.union([FilterValue, z.null()]))).min(1);
export type AppendRows = Array<Record<string, ScalarValue>>;

/**
 * The contract every backend implements. All methods reject with AdapterError.
 * `sql` and `append` exist exactly when the matching capability is true.
 */
export interface DataAdapter {
  /** A short name for messages ("duckdb-wasm", "http https://api.example.com"). */
  readonly id: string;
  readonly capabilities: Capabilities;
  describe(options?: CallOptions): Promise<DataModel>;
  query(query: SemanticQueryInput, options?: QueryOptions): Promise<ResultSet>;
  sample(table: string, options?: SampleOptions): Promise<ResultSet>;
  sql?(text: string, params?: SqlParams, options?: CallOptions): Promise<ResultSet>;
  append?(table: string, rows: AppendRows, options?: CallOptions): Promise<{ appended: number }>;
}
