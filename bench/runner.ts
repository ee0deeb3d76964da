/**
 * Runs the benchmark steps and collects the run's measurements, checks and errors. A step that
 * throws becomes an error of the benchmarks it covers and the run goes on; in a comparison, a
 * contender that fails drops out and the others finish.
 */
import os from 'node:os';
import { failed, interleave, type Alternative, type Outcome, type Timed } from './harness.js';
import type { Progress } from './progress.js';
import { formatDuration, median, min, type BenchCheck, type BenchError, type EntryRef, type Measurement, type SizeMeasurement } from './report.js';

export const errorMessage = (e: unknown): string => {
  if (e instanceof Error) {
    const first = e.message.split('\n').find((l) => l.trim()) ?? e.name;
    return e.name && e.name !== 'Error' && !first.startsWith(e.name) && e.name !== 'PageUnavailable' ? `${e.name}: ${first}` : first;
  }
  return String(e);
};

/** "median 104.2 ms, min 99.1 ms, 7 runs" */
export function describeTimed(t: Pick<Timed<unknown>, 'samplesMs'>): string {
  return `median ${formatDuration(median(t.samplesMs))}, min ${formatDuration(min(t.samplesMs))}, ${t.samplesMs.length} runs`;
}

/** One side of a comparison: a benchmark entry and how to run it once. */
export interface Contender<T> {
  ref: EntryRef;
  run: Alternative<T>;
  detail: string;
  /** Work per run, for a throughput figure. */
  work?: (last: T) => { count: number; unit: string };
  baseline?: EntryRef;
  batch?: number;
}

/** A contender that cannot run because something it needs failed: it is reported as an error. */
export interface Skipped {
  ref: EntryRef;
  skip: string;
}

const isSkipped = <T>(c: Contender<T> | Skipped): c is Skipped => 'skip' in c;

export class Runner {
  readonly measurements: Measurement[] = [];
  readonly sizes: SizeMeasurement[] = [];
  readonly checks: BenchCheck[] = [];
  readonly errors: BenchError[] = [];

  constructor(readonly progress: Progress) {}

  error(ref: EntryRef, message: string): void {
    this.errors.push({ name: ref.name, environment: ref.environment, message });
  }

  /** A step that is not a measurement (calibration, start-up, preparing tables); errors go to `refs`. */
  async task<T>(label: string, refs: readonly EntryRef[], fn: () => Promise<T>, describe: (value: T) => string): Promise<T | undefined> {
    this.progress.begin(label);
    try {
      const value = await fn();
      this.progress.end(describe(value));
      return value;
    } catch (e) {
      const message = errorMessage(e);
      for (const r of refs) this.error(r, message);
      this.progress.fail(message);
      return undefined;
    }
  }

  /** A step that could not run: every benchmark it covers gets the reason as its error. */
  skip(label: string, refs: readonly EntryRef[], reason: string): void {
    this.progress.begin(label);
    for (const r of refs) this.error(r, `not run: ${reason}`);
    this.progress.fail(`not run: ${reason}`);
  }

  /**
   * Runs the contenders interleaved (rotating order, one warm-up each) and records a measurement
   * for each that finished and an error for each that failed (it drops out; the others go on) or
   * was skipped. Results line up with `all`.
   */
  async compare<T>(label: string, all: ReadonlyArray<Contender<T> | Skipped>, options: { iterations: number }): Promise<Array<Timed<T> | undefined>> {
    const list = all.filter((c): c is Contender<T> => !isSkipped(c));
    for (const c of all) if (isSkipped(c)) this.error(c.ref, `not run: ${c.skip}`);
    this.progress.begin(label);
    let outcomes: readonly Outcome<T>[] = [];
    if (list.length > 0) {
      try {
        outcomes = await interleave(
          list.map((c) => c.run),
          { iterations: options.iterations, onRun: (done, total) => this.progress.update(`${done}/${total} runs done`) },
        );
      } catch (e) {
        outcomes = list.map(() => ({ error: e }));
      }
    }
    /** "chromium: " — with the benchmark's name when the environment appears twice in the step. */
    const who = (r: EntryRef) =>
      all.length < 2 ? '' : `${r.environment}${all.filter((x) => x.ref.environment === r.environment).length > 1 ? ` ${r.name}` : ''}: `;
    const parts: string[] = [];
    const results = all.map((c): Timed<T> | undefined => {
      if (isSkipped(c)) {
        parts.push(`${who(c.ref)}not run (${c.skip})`);
        return undefined;
      }
      const o = outcomes[list.indexOf(c)];
      if (failed(o)) {
        const message = errorMessage(o.error);
        this.error(c.ref, message);
        parts.push(`${who(c.ref)}ERROR ${message}`);
        return undefined;
      }
      this.measurements.push({
        name: c.ref.name,
        environment: c.ref.environment,
        detail: c.detail,
        samplesMs: o.samplesMs,
        warmupMs: o.warmupMs,
        ...(c.work ? { work: c.work(o.last) } : {}),
        ...(c.baseline ? { baseline: c.baseline } : {}),
        ...(c.batch ? { batch: c.batch } : {}),
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
      });
      parts.push(`${who(c.ref)}${describeTimed(o)}`);
      return o;
    });
    const summary = parts.join('; ');
    if (results.every((r) => r === undefined)) this.progress.fail(summary);
    else this.progress.end(summary);
    return results;
  }

  /**
   * A figure observed during another benchmark's runs rather than timed as a run of its own (e.g.
   * the longest main-thread gap during each worker run), recorded as an entry of the table.
   */
  record(measurement: Omit<Measurement, 'loadAverage'>): void {
    this.measurements.push({ ...measurement, loadAverage: Math.round(os.loadavg()[0] * 100) / 100 });
  }

  /** A cross-check: `difference` is null when the two answers agree. */
  check(name: string, difference: string | null, agreed: string): void {
    this.checks.push({ name, ok: difference === null, detail: difference ?? agreed });
    if (difference !== null) this.progress.note(`check FAILED: ${name}: ${difference}`);
  }
}
