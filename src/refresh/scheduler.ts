import { AdapterError } from '../contracts/errors.js';
import { MAX_TIMER_MS, type RefreshClock, isoAt, systemClock } from './clock.js';
import { nextRun, nextRuns } from './cron.js';
import { type DerivationRegistry, findDerivation } from './derivations.js';
import { type ActiveRun, RefreshEventTarget } from './events.js';
import { randomRunId } from './ids.js';
import { afterRun, enabledState, initialState } from './job-state.js';
import type { RefreshExecutor, TaskOutcome } from './executor.js';
import { type RefreshJob, type RefreshJobInput, type RefreshJobRecord, type RefreshJobState, parseRefreshJob } from './job-schema.js';
import type { CheckpointRow, RefreshPosition, RefreshRun, RefreshRunTrigger } from './log-schema.js';
import { Mutex } from './mutex.js';
import type { RefreshStore } from './store.js';

/** The reference platform quarantines a schedule after this many consecutive failed runs. */
export const DEFAULT_QUARANTINE_AFTER = 10;

export interface RefreshSchedulerOptions {
  executor: RefreshExecutor;
  /** Runners for derivation tasks, by `task.ref`. */
  derivations?: DerivationRegistry;
  /** Time and timers; the system clock by default. */
  clock?: RefreshClock;
  /** Consecutive failures after which a job is disabled and flagged quarantined. Default 10. */
  quarantineAfter?: number;
  /** Run ids; random UUIDs by default. */
  newRunId?: () => string;
}

export interface RefreshJobView {
  job: RefreshJob;
  state: RefreshJobState;
  /** The next scheduled run, ISO UTC; null when disabled or the schedule has ended. */
  nextRunAt: string | null;
  /** The run in progress, if any. */
  running: ActiveRun | null;
}

/** Changes to a job; `enabled: true` also clears a quarantine, as enableJob does. */
export type RefreshJobPatch = Partial<Omit<RefreshJobInput, 'id'>>;

interface JobSlot {
  timer?: unknown;
  dueAt?: number;
  active?: ActiveRun;
  done?: Promise<RefreshRun>;
  /** A scheduled time that came while a run was going: it runs as soon as that run ends. */
  pendingDue?: number;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Runs refresh jobs on their schedules, at most one run per job at a time, and keeps their state,
 * run history and checkpoints in the executor's store. Engine-agnostic: the executor does the work.
 *
 * Call start() to arm the timers (jobs can be managed before). A time that passes while the
 * scheduler is stopped is not caught up; a time that comes while the job's previous run is still
 * going raises 'clv-refresh-delay' and runs once that run ends (further times meanwhile are
 * recorded as skipped: one incremental run catches up on all of them).
 */
export class RefreshScheduler extends RefreshEventTarget {
  readonly store: RefreshStore;
  private readonly executor: RefreshExecutor;
  private readonly derivations?: DerivationRegistry;
  private readonly clock: RefreshClock;
  private readonly quarantineAfter: number;
  private readonly newRunId: () => string;
  private readonly records = new Map<string, RefreshJobRecord>();
  private readonly slots = new Map<string, JobSlot>();
  // Job changes and end-of-run bookkeeping take turns, so neither writes over the other's state.
  private readonly admin = new Mutex();
  private loaded?: Promise<void>;
  private started = false;

  constructor(options: RefreshSchedulerOptions) {
    super();
    this.executor = options.executor;
    this.store = options.executor.store;
    this.derivations = options.derivations;
    this.clock = options.clock ?? systemClock;
    this.quarantineAfter = options.quarantineAfter ?? DEFAULT_QUARANTINE_AFTER;
    if (!Number.isInteger(this.quarantineAfter) || this.quarantineAfter < 1)
      throw new AdapterError('invalid_request', 'quarantineAfter must be a positive integer', 'quarantineAfter');
    this.newRunId = options.newRunId ?? randomRunId;
  }

  /** Names of the registered derivations (what a job's derivation task may name). */
  derivationNames(): string[] {
    const registry = this.derivations;
    if (!registry) return [];
    return (registry instanceof Map ? [...registry.keys()] : Object.keys(registry)).sort();
  }

  /** "Now" on the scheduler's clock, so previews agree with the scheduler about the next runs. */
  now(): number {
    return this.clock.now();
  }

  // ------------------------------------------------------------------ lifecycle

  private load(): Promise<void> {
    if (!this.loaded) {
      const loaded = this.store.listJobs().then((jobs) => {
        for (const r of jobs) this.records.set(r.job.id, r);
      });
      loaded.catch(() => {
        if (this.loaded === loaded) this.loaded = undefined;
      });
      this.loaded = loaded;
    }
    return this.loaded;
  }

  /** Loads the jobs from the store and arms a timer for every enabled one. */
  async start(): Promise<void> {
    await this.load();
    this.started = true;
    for (const id of this.records.keys()) this.arm(id);
  }

  /** Clears the timers and waits for the runs in progress to end. */
  async stop(): Promise<void> {
    this.started = false;
    for (const id of this.slots.keys()) this.disarm(id);
    await this.idle();
  }

  /** Resolves when no run is in progress (including runs queued behind a delayed one). */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.slots.values()].flatMap((s) => (s.done ? [s.done] : []));
      if (running.length === 0) return;
      await Promise.allSettled(running);
    }
  }

  // ------------------------------------------------------------------ jobs

  private slot(id: string): JobSlot {
    let s = this.slots.get(id);
    if (!s) this.slots.set(id, (s = {}));
    return s;
  }

  private record(id: string): RefreshJobRecord {
    const r = this.records.get(id);
    if (!r) throw new AdapterError('not_found', `There is no refresh job "${id}".`, 'id');
    return r;
  }

  private view(id: string): RefreshJobView {
    const { job, state } = structuredClone(this.record(id));
    const slot = this.slots.get(id);
    const due = job.enabled ? (slot?.dueAt ?? nextRun(job.schedule, this.clock.now())?.getTime()) : undefined;
    return { job, state, nextRunAt: due === undefined ? null : isoAt(due), running: slot?.active ? { ...slot.active } : null };
  }

  private validate(input: unknown): RefreshJob {
    const job = parseRefreshJob(input);
    if (job.task.kind === 'derivation' && !findDerivation(this.derivations, job.task.ref))
      throw new AdapterError('invalid_request', `No derivation "${job.task.ref}" is registered with the scheduler.`, 'task.ref');
    this.executor.check(job);
    return job;
  }

  private async save(record: RefreshJobRecord): Promise<RefreshJobView> {
    await this.store.putJob(record);
    this.records.set(record.job.id, record);
    this.arm(record.job.id);
    return this.view(record.job.id);
  }

  async listJobs(): Promise<RefreshJobView[]> {
    await this.load();
    return [...this.records.keys()].sort().map((id) => this.view(id));
  }

  async getJob(id: string): Promise<RefreshJobView> {
    await this.load();
    return this.view(id);
  }

  /** The next `n` scheduled times of a job, ISO UTC (none when disabled). */
  async upcomingRuns(id: string, n: number): Promise<string[]> {
    await this.load();
    const { job } = this.record(id);
    return job.enabled ? nextRuns(job.schedule, this.clock.now(), n).map((d) => d.toISOString()) : [];
  }

  async createJob(input: RefreshJobInput): Promise<RefreshJobView> {
    await this.load();
    return this.admin.run(async () => {
      const job = this.validate(input);
      if (this.records.has(job.id)) throw new AdapterError('invalid_request', `A refresh job "${job.id}" already exists.`, 'id');
      return this.save({ job, state: initialState(isoAt(this.clock.now())) });
    });
  }

  async updateJob(id: string, patch: RefreshJobPatch): Promise<RefreshJobView> {
    await this.load();
    return this.admin.run(async () => {
      const current = this.record(id);
      const job = this.validate({ ...current.job, ...patch, id });
      const enabling = job.enabled && !current.job.enabled;
      const at = isoAt(this.clock.now());
      const state = enabling ? enabledState(current.state, at) : { ...current.state, updatedAt: at };
      if (!job.enabled) this.slot(id).pendingDue = undefined;
      return this.save({ job, state });
    });
  }

  /** Enables the job; a quarantined job is released and its failure count starts again. */
  enableJob(id: string): Promise<RefreshJobView> {
    return this.updateJob(id, { enabled: true });
  }

  /** Disables the job: no more scheduled runs (a run in progress finishes). */
  disableJob(id: string): Promise<RefreshJobView> {
    return this.updateJob(id, { enabled: false });
  }

  /** Deletes a disabled, idle job with its run history and checkpoints. */
  async deleteJob(id: string): Promise<void> {
    await this.load();
    return this.admin.run(async () => {
      const { job } = this.record(id);
      if (job.enabled) throw new AdapterError('invalid_request', `Disable the refresh job "${id}" before deleting it.`, 'enabled');
      const active = this.slots.get(id)?.active;
      if (active) throw new AdapterError('invalid_request', `The refresh job "${id}" is running (run ${active.runId}); delete it when the run has ended.`, 'id');
      await this.store.deleteJob(id);
      this.disarm(id);
      this.records.delete(id);
      this.slots.delete(id);
    });
  }

  async listRuns(id: string, limit?: number): Promise<RefreshRun[]> {
    await this.load();
    this.record(id);
    return this.store.listRuns(id, limit);
  }

  async listCheckpoints(id: string): Promise<CheckpointRow[]> {
    await this.load();
    this.record(id);
    return this.store.listCheckpoints(id);
  }

  // ------------------------------------------------------------------ timers

  private disarm(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    if (slot.timer !== undefined) this.clock.clearTimer(slot.timer);
    slot.timer = undefined;
    slot.dueAt = undefined;
  }

  /** Sets the timer for the job's first scheduled time after `from`. */
  private arm(id: string, from = this.clock.now()): void {
    this.disarm(id);
    const record = this.records.get(id);
    if (!this.started || !record?.job.enabled) return;
    const next = nextRun(record.job.schedule, from);
    if (!next) return;
    const slot = this.slot(id);
    slot.dueAt = next.getTime();
    this.setTimer(id, slot.dueAt);
  }

  private setTimer(id: string, dueAt: number): void {
    // Timers cap at about 24.8 days; a longer wait fires early and is set again.
    const delay = Math.min(Math.max(0, dueAt - this.clock.now()), MAX_TIMER_MS);
    this.slot(id).timer = this.clock.setTimer(() => this.onTimer(id, dueAt), delay);
  }

  private onTimer(id: string, dueAt: number): void {
    const slot = this.slot(id);
    slot.timer = undefined;
    const record = this.records.get(id);
    if (!this.started || !record?.job.enabled) return;
    const now = this.clock.now();
    if (now < dueAt) return this.setTimer(id, dueAt);
    // Times missed while the timer was late collapse into this one.
    this.arm(id, Math.max(dueAt, now));
    if (slot.active) {
      this.emit('clv-refresh-delay', { ...structuredClone(record), run: { ...slot.active }, dueAt: isoAt(dueAt) });
      if (slot.pendingDue === undefined) slot.pendingDue = dueAt;
      else this.recordSkipped(id, dueAt, slot.pendingDue);
      return;
    }
    this.scheduled(id, dueAt);
  }

  private scheduled(id: string, dueAt: number): void {
    this.startRun(id, 'schedule', dueAt).catch((error: unknown) => this.emit('clv-refresh-error', { jobId: id, error }));
  }

  private recordSkipped(id: string, dueAt: number, pendingDue: number): void {
    const at = isoAt(this.clock.now());
    const run: RefreshRun = {
      runId: this.newRunId(),
      jobId: id,
      trigger: 'schedule',
      scheduledFor: isoAt(dueAt),
      start: at,
      end: at,
      rowsProcessed: 0,
      rowsWritten: 0,
      status: 'skipped',
      error: `the previous run was still going; the delayed run for ${isoAt(pendingDue)} covers this time`,
    };
    this.store.appendRun(run).catch((error: unknown) => this.emit('clv-refresh-error', { jobId: id, error }));
  }

  // ------------------------------------------------------------------ runs

  /**
   * Runs the job now, whether enabled or not, and resolves with the run (status 'success' or
   * 'failed'). Rejects when the job is already running or the run could not be recorded.
   */
  async runNow(id: string): Promise<RefreshRun> {
    await this.load();
    this.record(id);
    return this.startRun(id, 'manual', null);
  }

  private startRun(id: string, trigger: RefreshRunTrigger, dueAt: number | null): Promise<RefreshRun> {
    const slot = this.slot(id);
    // Checked and set with no await in between: this is what keeps runs of a job one at a time.
    if (slot.active) return Promise.reject(new AdapterError('invalid_request', `The refresh job "${id}" is already running (run ${slot.active.runId}).`, 'id'));
    const active: ActiveRun = { runId: this.newRunId(), jobId: id, trigger, scheduledFor: dueAt === null ? null : isoAt(dueAt), start: isoAt(this.clock.now()) };
    slot.active = active;
    const done = (async () => {
      try {
        const finished = await this.perform(id, active);
        this.release(id);
        finished.announce();
        return finished.run;
      } catch (e) {
        this.release(id);
        throw e;
      } finally {
        this.runPending(id);
      }
    })();
    slot.done = done;
    done.catch(() => undefined); // idle() and scheduled runs observe failures elsewhere
    return done;
  }

  private release(id: string): void {
    const slot = this.slot(id);
    slot.active = undefined;
    slot.done = undefined;
  }

  private runPending(id: string): void {
    const slot = this.slots.get(id);
    const due = slot?.pendingDue;
    if (!slot || due === undefined || slot.active) return;
    slot.pendingDue = undefined;
    if (this.started && this.records.get(id)?.job.enabled) this.scheduled(id, due);
  }

  /** Executes the run and records it; returns the run and a function that raises its events. */
  private async perform(id: string, active: ActiveRun): Promise<{ run: RefreshRun; announce: () => void }> {
    const started = structuredClone(this.record(id));
    this.emit('clv-refresh-start', { ...started, run: { ...active } });
    let from: RefreshPosition = null;
    let outcome: TaskOutcome | undefined;
    let error: unknown;
    let failed = false;
    try {
      from = (await this.store.lastCheckpoint(id, 'SUCCESSFUL'))?.lastPosition ?? null;
      await this.store.appendCheckpoint({ process: id, status: 'RUNNING', lastPosition: from, at: active.start, runId: active.runId });
      outcome = await this.executor.execute(started.job, { runId: active.runId, now: () => isoAt(this.clock.now()), derivations: this.derivations });
    } catch (e) {
      failed = true;
      error = e;
    }
    const end = isoAt(this.clock.now());
    if (failed) await this.store.appendCheckpoint({ process: id, status: 'FAILED', lastPosition: from, at: end, runId: active.runId });
    const run: RefreshRun = {
      ...active,
      end,
      rowsProcessed: outcome?.rowsProcessed ?? 0,
      rowsWritten: outcome?.rowsWritten ?? 0,
      status: failed ? 'failed' : 'success',
      ...(failed ? { error: messageOf(error) } : {}),
    };
    const { record, quarantined } = await this.admin.run(async () => {
      // The latest record, not the one the run started with: the job may have been edited meanwhile.
      const next = afterRun(this.record(id), run, this.quarantineAfter);
      await this.store.appendRun(run);
      await this.store.putJob(next.record);
      this.records.set(id, next.record);
      if (next.quarantined) {
        this.disarm(id);
        this.slot(id).pendingDue = undefined;
      }
      return { record: structuredClone(next.record), quarantined: next.quarantined };
    });
    const announce = () => {
      if (!failed) {
        this.emit('clv-refresh-success', { ...record, run });
        if (outcome && outcome.tables.length) this.emit('clv-refresh-table-updated', { ...record, run, tables: [...outcome.tables] });
        return;
      }
      this.emit('clv-refresh-failure', { ...record, run });
      if (quarantined) this.emit('clv-refresh-quarantine', { ...record, run });
    };
    return { run, announce };
  }
}
