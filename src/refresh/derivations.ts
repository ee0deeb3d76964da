import { z } from 'zod';
import type { DataAdapter } from '../contracts/adapter.js';
import { ColumnType, Identifier } from '../contracts/data-model.js';
import { AdapterError, describeZodError } from '../contracts/errors.js';
import type { LoadColumn } from '../contracts/loader.js';
import { ScalarValue } from '../contracts/result.js';
import type { RefreshJob } from './job-schema.js';
import { RefreshPosition } from './log-schema.js';

/**
 * Named derivations (CLV deciles, RFM summaries...) the host registers with the scheduler. A runner
 * either returns rows, which the executor appends to the job's output table, or writes tables
 * itself through `context.adapter` (e.g. the decile derivation's CREATE OR REPLACE TABLE ... AS
 * statements) and says which. Either way the writes happen inside the run's transaction, so they
 * commit with the checkpoint or not at all; a runner must therefore not BEGIN or COMMIT itself.
 */

export interface DerivationContext {
  job: RefreshJob;
  /** Reads inputs (and writes, for runners that write their own tables): its statements run inside the refresh transaction. */
  adapter: DataAdapter;
  /** The position of the job's last successful run (null before the first), for incremental derivations. */
  lastPosition: RefreshPosition;
  runId: string;
  /** The run's start, ISO UTC: use it instead of the wall clock so results are reproducible. */
  now: string;
  /**
   * Writes rows to a table inside the run's transaction, whatever the engine: 'replace' recreates
   * the table from `columns` (or empties it) first, 'append' adds to it, creating it when missing.
   * Returns the number of rows written.
   */
  writeTable(table: string, columns: LoadColumn[], rows: ReadonlyArray<Record<string, ScalarValue>>, mode: 'replace' | 'append'): Promise<number>;
}

interface DerivationResultBase {
  /** The position to record; defaults to the previous one. */
  position?: RefreshPosition;
}

/** Rows for the executor to append to the job's output table. */
export interface DerivationRows extends DerivationResultBase {
  /** Column names and types of the rows (the output table is created from them in create-append mode). */
  columns: LoadColumn[];
  rows: ReadonlyArray<Record<string, ScalarValue>>;
  /** Input rows read; defaults to the number of rows returned. */
  rowsProcessed?: number;
}

/** What a runner that wrote its own tables through the context's adapter did. */
export interface DerivationWrites extends DerivationResultBase {
  tablesWritten: string[];
  rowsWritten: number;
  rowsProcessed?: number;
}

export type DerivationResult = DerivationRows | DerivationWrites;

export type DerivationRunner = (context: DerivationContext) => Promise<DerivationResult>;
export type DerivationRegistry = ReadonlyMap<string, DerivationRunner> | Readonly<Record<string, DerivationRunner>>;

export function findDerivation(registry: DerivationRegistry | undefined, ref: string): DerivationRunner | undefined {
  if (!registry) return undefined;
  if (registry instanceof Map) return registry.get(ref);
  const record = registry as Readonly<Record<string, DerivationRunner>>;
  return Object.prototype.hasOwnProperty.call(record, ref) ? record[ref] : undefined;
}

const Count = z.number().int().nonnegative();

const DerivationRowsSchema = z
  .object({
    columns: z.array(z.object({ name: Identifier, type: ColumnType })).min(1),
    rows: z.array(z.record(z.string(), ScalarValue)),
    rowsProcessed: Count.optional(),
    position: RefreshPosition.optional(),
  })
  .superRefine((r, ctx) => {
    const names = new Set(r.columns.map((c) => c.name));
    if (names.size !== r.columns.length) ctx.addIssue({ code: 'custom', message: 'a column is listed twice', path: ['columns'] });
    r.rows.forEach((row, i) => {
      for (const k of Object.keys(row)) if (!names.has(k)) ctx.addIssue({ code: 'custom', message: `"${k}" is not one of the columns`, path: ['rows', i, k] });
    });
  });

const DerivationWritesSchema = z.object({
  tablesWritten: z.array(Identifier).min(1),
  rowsWritten: Count,
  rowsProcessed: Count.optional(),
  position: RefreshPosition.optional(),
});

export const isDerivationWrites = (r: DerivationResult): r is DerivationWrites => 'tablesWritten' in r;

/** Checks what a runner returned, naming the derivation and the field when it is malformed. */
export function checkDerivationResult(ref: string, value: unknown): DerivationResult {
  const schema = value !== null && typeof value === 'object' && 'tablesWritten' in value ? DerivationWritesSchema : DerivationRowsSchema;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = describeZodError(r.error, 'result');
  throw new AdapterError('invalid_request', `The derivation "${ref}" returned an invalid result: ${d.message}`, d.field);
}
