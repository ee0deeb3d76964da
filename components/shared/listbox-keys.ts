type Step = (active: number, count: number) => number;

/** Down steps forward and Up back, stopping at the ends (Up from no option goes to the last); Home and End jump to the ends. */
const STEPS = new Map<string, Step>([
  ['ArrowDown', (active, count) => Math.min(count - 1, active + 1)],
  ['ArrowUp', (active, count) => (active < 0 ? count - 1 : Math.max(0, active - 1))],
  ['Home', () => 0],
  ['End', (_active, count) => count - 1],
]);

/**
 * The option a key moves to in a list of `count` options where `active` is the active one (-1 for
 * none): -1 when the list is empty, and undefined for a key that does not move (the host handles
 * Space, Enter and the rest, and calls preventDefault when it uses the key).
 */
export function listboxStep(key: string, active: number, count: number): number | undefined {
  const step = STEPS.get(key);
  if (!step) return undefined;
  return count === 0 ? -1 : step(active, count);
}
