/**
 * Timing shared by the Node side and the benchmark page. A benchmark run is an Alternative: one
 * timed call that reports its own wall time (so a run on the page is timed on the page, not across
 * page.evaluate). `interleave` runs several alternatives against each other in rotating order
 * (ab, ba, …) after one warm-up each, so drift in the machine's load falls on all of them alike and
 * their ratios stay fair even on a busy machine.
 */

export interface Sample<T> {
  ms: number;
  value: T;
}

/** One timed run. */
export type Alternative<T> = () => Promise<Sample<T>>;

/**
 * An alternative timed in this JavaScript realm: `before` (garbage collection, resets) runs
 * outside the timed region; with `batch`, the sample is the mean of that many back-to-back calls.
 */
export function inProcess<T>(fn: () => T | Promise<T>, options: { before?: () => void | Promise<void>; batch?: number } = {}): Alternative<T> {
  const batch = options.batch ?? 1;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError('batch must be a positive integer');
  return async () => {
    await options.before?.();
    const start = performance.now();
    let value = await fn();
    for (let k = 1; k < batch; k++) value = await fn();
    return { ms: (performance.now() - start) / batch, value };
  };
}

export interface Timed<T> {
  warmupMs: number;
  samplesMs: number[];
  /** The value of the last run (for result checks). */
  last: T;
}

/** Why an alternative dropped out; the others went on. */
export interface Failure {
  error: unknown;
}

export type Outcome<T> = Timed<T> | Failure;

export const failed = <T>(o: Outcome<T>): o is Failure => 'error' in o;

export interface InterleaveOptions {
  /** Timed runs of each alternative after its warm-up. */
  iterations: number;
  /** Warm-up runs of each alternative (timed, reported as warmupMs, not in the samples). Default 1. */
  warmup?: number;
  /** After every run of any alternative: runs done so far and the total. */
  onRun?: (done: number, total: number) => void;
  /**
   * Called when an alternative throws; returning false stops every alternative (e.g. the page
   * they share is gone). By default the failed alternative drops out and the others go on.
   */
  onFailure?: (index: number, error: unknown) => boolean;
}

/**
 * Warm-ups in order, then `iterations` rounds in which round i starts at alternative i mod n.
 * Each alternative's outcome is its timings, or the error that stopped it.
 */
export async function interleave<T>(alternatives: ReadonlyArray<Alternative<T>>, options: InterleaveOptions): Promise<Outcome<T>[]> {
  const n = alternatives.length;
  const warmup = options.warmup ?? 1;
  if (!Number.isInteger(options.iterations) || options.iterations < 1) throw new RangeError('iterations must be a positive integer');
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError('warmup must be a non-negative integer');
  const state = Array.from({ length: n }, () => ({
    warm: [] as number[],
    samples: [] as number[],
    last: undefined as T | undefined,
    error: undefined as unknown,
    failed: false,
  }));
  const total = n * (warmup + options.iterations);
  let done = 0;
  let stopped = false;

  const once = async (i: number, warm: boolean) => {
    const s = state[i];
    if (s.failed || stopped) return;
    try {
      const sample = await alternatives[i]();
      if (!Number.isFinite(sample.ms) || sample.ms < 0) throw new Error(`a run reported ${sample.ms} ms`);
      (warm ? s.warm : s.samples).push(sample.ms);
      s.last = sample.value;
    } catch (e) {
      s.failed = true;
      s.error = e;
      if (options.onFailure?.(i, e) === false) stopped = true;
    }
    options.onRun?.(++done, total);
  };

  for (let w = 0; w < warmup; w++) for (let i = 0; i < n; i++) await once(i, true);
  for (let round = 0; round < options.iterations; round++) {
    for (let k = 0; k < n; k++) await once((round + k) % n, false);
  }

  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  return state.map((s): Outcome<T> => {
    if (s.failed) return { error: s.error };
    if (stopped && s.samples.length < options.iterations) return { error: new Error('stopped: another run failed') };
    return { warmupMs: mean(s.warm), samplesMs: s.samples, last: s.last as T };
  });
}

/** Lets a pending message, timer or paint through between runs. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
