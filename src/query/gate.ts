/**
 * Admits async work a few at a time: a dashboard runs at most N widget queries at once and the
 * rest wait their turn. Work whose signal aborts while it waits never starts; work that aborts
 * while running frees its slot at once.
 */
export interface QueryGate {
  run<T>(work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
}
