import type { Rng } from './prng.js';

/**
 * Samplers over an Rng. Each takes the generator explicitly so one seeded stream drives a whole
 * dataset and the output depends only on the seed.
 */

/** Standard normal (Marsaglia polar method; the second value of each pair is discarded for simplicity). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return mean + sd * u * Math.sqrt((-2 * Math.log(s)) / s);
}

/** Exponential with the given rate (mean 1/rate). 1 - U avoids log(0). */
export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng.next()) / rate;
}

/** Gamma(shape, rate), mean shape/rate (Marsaglia–Tsang; shape < 1 through the U^(1/shape) boost). */
export function gamma(rng: Rng, shape: number, rate = 1): number {
  if (!(shape > 0) || !(rate > 0)) throw new Error(`gamma needs shape > 0 and rate > 0, got ${shape}, ${rate}`);
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1, rate) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Beta(a, b) as X/(X+Y) of two gammas. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Log-normal with the given log-scale mean and sd. */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/**
 * Poisson(mean). Knuth's product method below mean 30 (exact, cheap for small means);
 * above, Hörmann's PTRS transformed rejection, which stays exact and O(1).
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0)) throw new Error(`poisson needs mean >= 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

/** ln(k!): summed exactly below 16, Stirling's series above (error < 1e-10 there). */
export function logFactorial(k: number): number {
  if (k < 16) {
    let r = 0;
    for (let i = 2; i <= k; i++) r += Math.log(i);
    return r;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** Draws indices with fixed weights: cumulative table + binary search, O(log n) per draw. */
export interface Categorical {
  draw(rng: Rng): number;
}

export function categorical(weights: readonly number[]): Categorical {
  if (weights.length === 0 || weights.some((w) => !(w >= 0))) throw new Error('categorical needs non-negative weights');
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cum[i] = total;
  });
  if (!(total > 0)) throw new Error('categorical needs a positive total weight');
  return {
    draw(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
