import type { DataAdapter } from '../contracts/adapter.js';
import type { LoadColumn } from '../contracts/loader.js';
import type { ScalarValue } from '../contracts/result.js';
import type { DerivationRegistry } from './derivations.js';
import type { IncrementalAppendTask, RefreshJob, RefreshOutput, SqlTask } from './job-schema.js';
import type { RefreshPosition } from './log-schema.js';
import type { RefreshStore } from './store.js';

/** What a run did. */
export interface TaskOutcome {
  rowsProcessed: number;
  rowsWritten: number;
  /** The position recorded in the SUCCESSFUL checkpoint. */
  position: RefreshPosition;
  /** Tables the run appended rows to. */
  tables: string[];
}

export interface ExecuteContext {
  runId: string;
  /** The current time, ISO UTC (the scheduler's clock). */
  now(): string;
  derivations?: DerivationRegistry;
}

/** Runs jobs against one engine, each atomically together with its checkpoint. */
export interface RefreshExecutor {
  /** The store whose transactions the executor's writes join: jobs, runs and checkpoints live there. */
  readonly store: RefreshStore;
  /** Throws an AdapterError naming the field when this engine cannot run the job. */
  check(job: RefreshJob): void;
  /**
   * Runs the job's task and appends its SUCCESSFUL checkpoint in one transaction: when anything
   * fails, neither the rows nor the checkpoint remain.
   */
  execute(job: RefreshJob, context: ExecuteContext): Promise<TaskOutcome>;
}

export interface WriteOutcome {
  rowsProcessed: number;
  rowsWritten: number;
}

/** The engine-specific steps of a task, called inside the store's transaction. */
export interface TaskSteps {
  readonly adapter: DataAdapter;
  /** Appends the source rows past `from`, once per event id; returns the largest position seen (null if none). */
  incrementalAppend(task: IncrementalAppendTask, output: RefreshOutput, from: RefreshPosition): Promise<WriteOutcome & { maxPosition: RefreshPosition }>;
  /** Appends the rows of a query template. */
  appendQuery(task: SqlTask, output: RefreshOutput): Promise<WriteOutcome>;
  /** Appends rows given by value. */
  writeRows(output: RefreshOutput, columns: LoadColumn[], rows: ReadonlyArray<Record<string, ScalarValue>>): Promise<number>;
  /** Replaces a table's rows with these (the table is recreated from `columns` where the engine types tables so). */
  replaceRows(table: string, columns: LoadColumn[], rows: ReadonlyArray<Record<string, ScalarValue>>): Promise<number>;
}
