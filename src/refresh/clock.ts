/**
 * Time as the scheduler sees it. Injected so tests can move time by hand and run instantly; the
 * system clock is the default.
 */
export interface RefreshClock {
  /** Epoch milliseconds (UTC). */
  now(): number;
  /** Calls `callback` once after about `delayMs`; returns a handle for clearTimer. */
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

/** setTimeout's longest delay (about 24.8 days); longer waits are split by the scheduler. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: RefreshClock = {
  now: () => Date.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_TIMER_MS)),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const isoAt = (ms: number): string => new Date(ms).toISOString();
