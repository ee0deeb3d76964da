import { AdapterError } from '../contracts/errors.js';
import type { QueryGate } from './gate.js';

/**
 * A first-in, first-out gate with at most `limit` works running. A caller's abort takes effect at
 * once: a waiting work leaves the queue without starting, a running one is told through its
 * signal and its slot goes to the next in line without waiting for it to settle.
 */

export interface CountingQueryGate extends QueryGate {
  /** Works running now. */
  readonly active: number;
  /** Works waiting for a slot. */
  readonly waiting: number;
  /** Changes how many works may run at once; raising it starts waiting works right away. */
  setLimit(limit: number): void;
}

const aborted = () => new AdapterError('aborted', 'The request was cancelled.');

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a query gate needs a limit of at least 1 (got ${limit})`);
  return limit;
}

export function createQueryGate(limit = 4): CountingQueryGate {
  let max = checkLimit(limit);
  let active = 0;
  const queue: Array<() => void> = [];

  const pump = () => {
    while (active < max && queue.length > 0) queue.shift()!();
  };

  function run<T>(work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted());
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let release: (() => void) | undefined;
      const controller = new AbortController();

      const settle = (fn: () => void) => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        fn();
        release?.();
      };
      function onAbort() {
        controller.abort(signal?.reason);
        const waitingAt = queue.indexOf(start);
        if (waitingAt >= 0) queue.splice(waitingAt, 1);
        settle(() => reject(aborted()));
      }
      function start() {
        active++;
        let freed = false;
        release = () => {
          if (freed) return;
          freed = true;
          active--;
          pump();
        };
        let running: Promise<T>;
        try {
          running = Promise.resolve(work(controller.signal));
        } catch (e) {
          running = Promise.reject(e);
        }
        running.then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
      }

      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(start);
      pump();
    });
  }

  return {
    run,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    setLimit(n: number) {
      max = checkLimit(n);
      pump();
    },
  };
}
