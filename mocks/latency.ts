/**
 * Simulated network latency for the mock backend. Realistic by default so loading states show up
 * in Storybook and the demo; switched off in tests. Where a setting comes from, first match wins:
 *   1. the request's own `?mockLatency=` parameter,
 *   2. setMockLatency() (a global toggle, e.g. from a Storybook toolbar),
 *   3. the page's `?mockLatency=` parameter (browser only),
 *   4. the `latency` option of createMockHandlers,
 *   5. DEFAULT_LATENCY.
 * Parameter values: "off" | "0" | "false", a fixed "250", or a range "80-400" (milliseconds).
 */

export type LatencySetting = { minMs: number; maxMs: number } | false;

export const DEFAULT_LATENCY: LatencySetting = { minMs: 80, maxMs: 400 };
export const LATENCY_PARAM = 'mockLatency';

const GLOBAL_KEY = Symbol.for('clv-kit.mockLatency');
type WithToggle = typeof globalThis & { [GLOBAL_KEY]?: LatencySetting };

/** Overrides the latency of every mock backend in this realm; undefined removes the override. */
export function setMockLatency(setting: LatencySetting | undefined): void {
  (globalThis as WithToggle)[GLOBAL_KEY] = setting;
}

export function getMockLatencyOverride(): LatencySetting | undefined {
  return (globalThis as WithToggle)[GLOBAL_KEY];
}

/** Reads a parameter value; undefined when absent or unreadable (so the next source decides). */
export function parseLatency(value: string | null | undefined): LatencySetting | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === 'false' || v === '0' || v === 'none') return false;
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(v);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return { minMs: Math.min(a, b), maxMs: Math.max(a, b) };
}

export function resolveLatency(requestUrl: URL, configured: LatencySetting | undefined): LatencySetting {
  const page = typeof location === 'undefined' ? undefined : parseLatency(new URLSearchParams(location.search).get(LATENCY_PARAM));
  return parseLatency(requestUrl.searchParams.get(LATENCY_PARAM)) ?? getMockLatencyOverride() ?? page ?? configured ?? DEFAULT_LATENCY;
}

/** mulberry32: a tiny seeded generator, so the sequence of delays repeats run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickDelay = (setting: LatencySetting, random: () => number): number =>
  setting === false ? 0 : Math.round(setting.minMs + random() * (setting.maxMs - setting.minMs));
