/**
 * The customers a Gamma-Gamma fit can use: repeaters (x ≥ 1) with a positive mean repeat spend.
 * The density of m̄ has no mass at m̄ ≤ 0 (ln m̄ is undefined at 0), so one free or refunded repeat
 * order would otherwise make the whole fit fail; such repeaters are left out and counted instead.
 */
import type { SpendColumns } from './gamma-gamma.js';

export interface SpendFitData {
  x: Float64Array;
  monetary: Float64Array;
  /** Repeaters left out because their mean repeat spend is ≤ 0. */
  skipped: number;
}

export function spendFitData(data: SpendColumns): SpendFitData {
  const n = data.x.length;
  if (data.monetary.length !== n) throw new RangeError(`x and monetary lengths differ: ${n}, ${data.monetary.length}`);
  const x: number[] = [];
  const monetary: number[] = [];
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    if (data.x[i] === 0) continue;
    if (data.monetary[i] > 0) {
      x.push(data.x[i]);
      monetary.push(data.monetary[i]);
    } else skipped++;
  }
  return { x: Float64Array.from(x), monetary: Float64Array.from(monetary), skipped };
}
