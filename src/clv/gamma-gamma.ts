/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie note 025),
 * formulas as in clv-models.md §2.
 *
 * Units: m̄ and every spend output are in the currency of the transaction amounts; x is a count of
 * repeat purchase days. γ (lifetimes' `v`) has the unit of currency; p and q are unitless.
 */
import { nelderMead, type NelderMeadProgress } from './optimize.js';
import { lnGamma } from './special.js';

export interface GammaGammaParams {
  /** Gamma shape of individual transaction values. */
  p: number;
  /** Gamma shape of the customer-level rate ν. */
  q: number;
  /** Gamma rate of ν (lifetimes `v`), in currency. */
  gamma: number;
}

/** Frequency and mean repeat spend per customer; rows with x = 0 are ignored by the fit. */
export interface SpendColumns {
  x: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

function checkParams(p: GammaGammaParams): void {
  if (![p.p, p.q, p.gamma].every((v) => Number.isFinite(v) && v > 0)) {
    throw new RangeError(`Gamma-Gamma params must be finite and > 0: ${JSON.stringify(p)}`);
  }
}

function checkRepeater(x: number, m: number, row?: number): void {
  const where = row === undefined ? '' : ` (row ${row})`;
  if (!(Number.isInteger(x) && x >= 1)) throw new RangeError(`Gamma-Gamma needs x ≥ 1 (integer)${where}: ${x}`);
  if (!(Number.isFinite(m) && m > 0)) {
    // ln m̄ is undefined at 0 and the gamma density has no mass at m̄ ≤ 0.
    throw new RangeError(`Gamma-Gamma needs m̄ > 0 for a repeater${where}: x=${x}, m̄=${m}`);
  }
}

/**
 * ln f(m̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄):
 * the density of the mean of x gamma-distributed spends (the form the reference LL uses).
 */
export function gammaGammaLogLikelihoodOne(params: GammaGammaParams, x: number, monetary: number): number {
  checkParams(params);
  checkRepeater(x, monetary);
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) +
    (px - 1) * Math.log(monetary) + px * Math.log(x) - (px + q) * Math.log(gamma + x * monetary)
  );
}

/** Repeaters only (x ≥ 1), validated: m̄ ≤ 0 for a repeater is an error. */
interface Repeaters {
  x: Float64Array;
  lnX: Float64Array;
  m: Float64Array;
  lnM: Float64Array;
  uniqueX: Float64Array;
  xIdx: Int32Array;
}

function repeaters(data: SpendColumns): Repeaters {
  const n = data.x.length;
  if (data.monetary.length !== n) throw new RangeError(`x and monetary lengths differ: ${n}, ${data.monetary.length}`);
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`x must be a non-negative integer (row ${i}): ${x}`);
    if (x === 0) continue;
    checkRepeater(x, data.monetary[i], i);
    xs.push(x);
    ms.push(data.monetary[i]);
  }
  const uniq = [...new Set(xs)];
  const pos = new Map(uniq.map((v, k) => [v, k]));
  return {
    x: Float64Array.from(xs),
    lnX: Float64Array.from(xs, Math.log),
    m: Float64Array.from(ms),
    lnM: Float64Array.from(ms, Math.log),
    uniqueX: Float64Array.from(uniq),
    xIdx: Int32Array.from(xs, (v) => pos.get(v) as number),
  };
}

/** Σ ln f with the lnΓ terms computed once per distinct x. */
function totalLogLik({ p, q, gamma }: GammaGammaParams, d: Repeaters): number {
  const perX = Float64Array.from(d.uniqueX, (x) => lnGamma(p * x + q) - lnGamma(p * x));
  const c = -lnGamma(q) + q * Math.log(gamma);
  let s = 0;
  for (let i = 0; i < d.x.length; i++) {
    const px = p * d.x[i];
    s += perX[d.xIdx[i]] + c + (px - 1) * d.lnM[i] + px * d.lnX[i] - (px + q) * Math.log(gamma + d.x[i] * d.m[i]);
  }
  return s;
}

/** Σ ln f over the repeaters (x ≥ 1) in `data`; x = 0 rows are skipped. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendColumns): number {
  checkParams(params);
  return totalLogLik(params, repeaters(data));
}

export interface GammaGammaFitOptions {
  starts?: readonly GammaGammaParams[];
  maxIterations?: number;
  xTolerance?: number;
  fTolerance?: number;
  onProgress?: (progress: NelderMeadProgress & { start: number }) => void;
  signal?: AbortSignal;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Maximised Σ ln f over the repeaters. */
  logLikelihood: number;
  /** Number of repeaters used. */
  customers: number;
  starts: { start: GammaGammaParams; params: GammaGammaParams; logLikelihood: number; converged: boolean }[];
}

const fromLog = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });

/**
 * MLE over log-parameters on the repeaters (x ≥ 1) only; customers with x = 0 carry no spend
 * information. Throws if a repeater has m̄ ≤ 0.
 */
export function fitGammaGamma(data: SpendColumns, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const d = repeaters(data);
  const n = d.x.length;
  if (n === 0) throw new RangeError('fitGammaGamma needs at least one repeater (x ≥ 1)');
  let meanM = 0;
  for (let i = 0; i < n; i++) meanM += d.m[i] / n;
  const starts = options.starts ?? [
    { p: 1, q: 1, gamma: 1 },
    { p: 2, q: 3, gamma: meanM },
    { p: 10, q: 2, gamma: meanM / 10 },
  ];
  if (starts.length === 0) throw new RangeError('fitGammaGamma needs at least one start');
  starts.forEach(checkParams);
  const objective = (v: readonly number[]): number => -totalLogLik(fromLog(v), d) / n;
  const results = starts.map((start, si) => {
    const res = nelderMead(objective, [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)], {
      initialStep: 0.5,
      maxIterations: options.maxIterations ?? 3000,
      xTolerance: options.xTolerance ?? 1e-9,
      fTolerance: options.fTolerance ?? 1e-13,
      restarts: 3,
      signal: options.signal,
      onProgress: options.onProgress ? (pr) => options.onProgress?.({ ...pr, start: si }) : undefined,
    });
    return { start, params: fromLog(res.x), logLikelihood: -res.fx * n, converged: res.converged };
  });
  const best = results.reduce((a, c) => (c.logLikelihood > a.logLikelihood ? c : a));
  if (!Number.isFinite(best.logLikelihood)) throw new Error('fitGammaGamma: no start reached a finite log-likelihood');
  return { params: best.params, logLikelihood: best.logLikelihood, customers: n, starts: results };
}

/** E[Z] = pγ/(q−1): population mean spend per transaction. Undefined for q ≤ 1, so rejected. */
export function gammaGammaPopulationMean(params: GammaGammaParams): number {
  checkParams(params);
  if (params.q <= 1) throw new RangeError(`population mean spend needs q > 1, got q = ${params.q}`);
  return (params.p * params.gamma) / (params.q - 1);
}

/**
 * E[M | x, m̄] = (pγ + p x m̄)/(px + q − 1): the customer's expected average spend per transaction,
 * shrunk from m̄ toward the population mean. At x = 0 it is the population mean (as in lifetimes),
 * which needs q > 1; for x ≥ 1 it needs px + q > 1 and m̄ ≥ 0.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, monetary: number): number {
  checkParams(params);
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`x must be a non-negative integer: ${x}`);
  if (x === 0) return gammaGammaPopulationMean(params);
  if (!(Number.isFinite(monetary) && monetary >= 0)) throw new RangeError(`m̄ must be finite and ≥ 0: ${monetary}`);
  const { p, q, gamma } = params;
  const den = p * x + q - 1;
  if (!(den > 0)) throw new RangeError(`expected spend needs px + q > 1: p=${p}, x=${x}, q=${q}`);
  return (p * gamma + p * x * monetary) / den;
}
