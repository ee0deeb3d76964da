import type { RefreshJobRecord } from './job-schema.js';
import type { CheckpointRow, CheckpointStatus, RefreshRun } from './log-schema.js';
import { Mutex } from './mutex.js';
import { type CheckpointLog, DEFAULT_RUN_LIMIT, type RefreshStore } from './store.js';

/** Jobs, runs and checkpoints in memory (lost on reload): for the in-memory engine, tests and demos. */
export class MemoryRefreshStore implements RefreshStore {
  private readonly jobs = new Map<string, RefreshJobRecord>();
  private readonly runs: RefreshRun[] = [];
  private checkpoints: CheckpointRow[] = [];
  // Every call queues behind an open transaction, so a rollback never drops another caller's rows.
  private readonly mutex = new Mutex();

  private readonly log: CheckpointLog = {
    lastCheckpoint: async (process, status) => structuredClone(this.latest(process, status)),
    appendCheckpoint: async (row) => void this.checkpoints.push(structuredClone(row)),
  };

  private latest(process: string, status?: CheckpointStatus): CheckpointRow | undefined {
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      const row = this.checkpoints[i]!;
      if (row.process === process && (status === undefined || row.status === status)) return row;
    }
    return undefined;
  }

  private locked<T>(work: () => T): Promise<T> {
    return this.mutex.run(async () => structuredClone(work()));
  }

  listJobs(): Promise<RefreshJobRecord[]> {
    return this.locked(() => [...this.jobs.values()]);
  }

  getJob(id: string): Promise<RefreshJobRecord | undefined> {
    return this.locked(() => this.jobs.get(id));
  }

  putJob(record: RefreshJobRecord): Promise<void> {
    return this.locked(() => void this.jobs.set(record.job.id, structuredClone(record)));
  }

  deleteJob(id: string): Promise<void> {
    return this.locked(() => {
      this.jobs.delete(id);
      this.checkpoints = this.checkpoints.filter((c) => c.process !== id);
      for (let i = this.runs.length - 1; i >= 0; i--) if (this.runs[i]!.jobId === id) this.runs.splice(i, 1);
    });
  }

  appendRun(run: RefreshRun): Promise<void> {
    return this.locked(() => void this.runs.push(structuredClone(run)));
  }

  listRuns(jobId: string, limit = DEFAULT_RUN_LIMIT): Promise<RefreshRun[]> {
    return this.locked(() =>
      this.runs
        .filter((r) => r.jobId === jobId)
        .reverse()
        .slice(0, limit),
    );
  }

  listCheckpoints(process: string): Promise<CheckpointRow[]> {
    return this.locked(() => this.checkpoints.filter((c) => c.process === process));
  }

  lastCheckpoint(process: string, status?: CheckpointStatus): Promise<CheckpointRow | undefined> {
    return this.locked(() => this.latest(process, status));
  }

  appendCheckpoint(row: CheckpointRow): Promise<void> {
    return this.locked(() => void this.checkpoints.push(structuredClone(row)));
  }

  transaction<T>(work: (log: CheckpointLog) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const mark = this.checkpoints.length;
      try {
        return await work(this.log);
      } catch (e) {
        this.checkpoints.length = mark;
        throw e;
      }
    });
  }
}
