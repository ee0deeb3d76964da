import type { RefreshJobRecord } from './job-schema.js';
import type { CheckpointRow, CheckpointStatus, RefreshRun } from './log-schema.js';

/** The checkpoint log: append-only; the latest row of a status per process is what counts. */
export interface CheckpointLog {
  lastCheckpoint(process: string, status?: CheckpointStatus): Promise<CheckpointRow | undefined>;
  appendCheckpoint(row: CheckpointRow): Promise<void>;
}

/** Where jobs, their run history and the checkpoint log persist. */
export interface RefreshStore extends CheckpointLog {
  listJobs(): Promise<RefreshJobRecord[]>;
  getJob(id: string): Promise<RefreshJobRecord | undefined>;
  /** Inserts or replaces the job with this id. */
  putJob(record: RefreshJobRecord): Promise<void>;
  /** Removes the job, its runs and its checkpoints (a job created later with the id starts afresh). */
  deleteJob(id: string): Promise<void>;
  appendRun(run: RefreshRun): Promise<void>;
  /** Runs of a job, newest first. */
  listRuns(jobId: string, limit?: number): Promise<RefreshRun[]>;
  /** Checkpoint rows of a process, oldest first. */
  listCheckpoints(process: string): Promise<CheckpointRow[]>;
  /**
   * Runs `work` as one transaction of the store's database: other calls on the store wait, and if
   * `work` throws, the checkpoint rows it appended through `log` are gone. An executor writes its
   * data in the same transaction, so data and checkpoint commit together.
   */
  transaction<T>(work: (log: CheckpointLog) => Promise<T>): Promise<T>;
}

export const DEFAULT_RUN_LIMIT = 100;
