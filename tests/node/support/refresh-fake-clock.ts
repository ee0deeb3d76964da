import type { RefreshClock } from '../../../src/refresh/clock.js';

/** Lets queued promise callbacks and immediates run, so async work started by a timer gets as far as it can. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock whose time moves only when a test says so; due timers fire in time order. */
export class FakeClock implements RefreshClock {
  private ms: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: string | number) {
    this.ms = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.ms;
  }

  setTimer(callback: () => void, delayMs: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.ms + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves to `target` (ISO or epoch ms), firing every timer due by then at its own time. */
  async advanceTo(target: string | number): Promise<void> {
    const end = typeof target === 'number' ? target : Date.parse(target);
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.ms = Math.max(this.ms, next[1].at);
      next[1].callback();
    }
    this.ms = Math.max(this.ms, end);
    await settle();
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.ms + ms);
  }
}
