/**
 * BG/NBD model (Fader, Hardie & Lee 2005), formulas as in clv-models.md §1.
 *
 * Units: x is a count of repeat purchase days; t_x, T and every horizon t are in the time unit the
 * model was fitted in (weeks for the CDNOW references). α has that same unit; r, a, b are unitless.
 */
import { groupRfm, validateRfm, type GroupedRfm, type RfmColumns } from './group.js';
import { nelderMead, type NelderMeadProgress } from './optimize.js';
import { hypergeometricPFQ, lnBeta, lnGamma, lnHyp2f1, log1pExp, logAddExp } from './special.js';

export interface BgNbdParams {
  /** Gamma shape of the purchase rate λ. */
  r: number;
  /** Gamma rate of λ, in the model time unit. */
  alpha: number;
  /** Beta prior of the dropout probability p. */
  a: number;
  b: number;
}

function checkParams(p: BgNbdParams): void {
  const ok = [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 0);
  if (!ok) throw new RangeError(`BG/NBD params must be finite and > 0: ${JSON.stringify(p)}`);
}

function checkCustomer(x: number, tx: number, T: number): void {
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`x must be a non-negative integer: ${x}`);
  if (!(Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && tx <= T)) {
    throw new RangeError(`need finite 0 ≤ tx ≤ T: tx=${tx}, T=${T}`);
  }
}

/** ln L for one customer, in log space with logsumexp (A1..A4 of §1). No argument checks. */
function logLikOne(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Individual log-likelihood ln L(r, α, a, b | x, t_x, T). */
export function bgnbdLogLikelihoodOne(params: BgNbdParams, x: number, tx: number, T: number): number {
  checkParams(params);
  checkCustomer(x, tx, T);
  return logLikOne(params.r, params.alpha, params.a, params.b, x, tx, T);
}

/** Per-customer log-likelihoods, in input order (computed one by one, not through the grouping). */
export function bgnbdLogLikelihoods(params: BgNbdParams, data: RfmColumns): Float64Array {
  checkParams(params);
  validateRfm(data);
  const { r, alpha, a, b } = params;
  return Float64Array.from({ length: data.x.length }, (_, i) => logLikOne(r, alpha, a, b, data.x[i], data.tx[i], data.T[i]));
}

/**
 * Σ count·ln L over groups, with lnΓ and logs evaluated once per distinct x, t_x and T. This is
 * the hot path of the fit: one logaddexp per group.
 */
function groupedLogLik({ r, alpha, a, b }: BgNbdParams, g: GroupedRfm): number {
  const ux = g.uniqueX;
  const xTerm = new Float64Array(ux.length);
  const lnBx1 = new Float64Array(ux.length);
  const base = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
  for (let k = 0; k < ux.length; k++) {
    const x = ux[k];
    xTerm[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    lnBx1[k] = x > 0 ? Math.log(b + x - 1) : 0;
  }
  const lnAT = Float64Array.from(g.uniqueT, (T) => Math.log(alpha + T));
  const lnAtx = Float64Array.from(g.uniqueTx, (tx) => Math.log(alpha + tx));
  const lnA = Math.log(a);
  let total = 0;
  for (let i = 0; i < g.size; i++) {
    const x = g.x[i];
    const xi = g.xIdx[i];
    const a3 = -(r + x) * lnAT[g.TIdx[i]];
    const ll = x === 0 ? xTerm[xi] + a3 : xTerm[xi] + logAddExp(a3, lnA - lnBx1[xi] - (r + x) * lnAtx[g.txIdx[i]]);
    total += g.count[i] * ll;
  }
  return total;
}

function isGrouped(data: RfmColumns | GroupedRfm): data is GroupedRfm {
  return 'uniqueX' in data;
}

/** Σ ln L over customers. Accepts raw columns or the output of `groupRfm` (reuse it across calls). */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RfmColumns | GroupedRfm): number {
  checkParams(params);
  return groupedLogLik(params, isGrouped(data) ? data : groupRfm(data));
}

export interface BgNbdFitOptions {
  /** Starting points (natural scale). Default: three generic starts scaled by the mean T. */
  starts?: readonly BgNbdParams[];
  /** Nelder–Mead iteration cap per start (default 4000). */
  maxIterations?: number;
  /** Convergence in log-parameter space (default 1e-9). */
  xTolerance?: number;
  /** Convergence of the mean negative log-likelihood per customer (default 1e-13). */
  fTolerance?: number;
  /** Per-iteration progress, tagged with the index of the start. */
  onProgress?: (progress: NelderMeadProgress & { start: number }) => void;
  signal?: AbortSignal;
}

export interface BgNbdStartResult {
  start: BgNbdParams;
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Maximised Σ ln L. */
  logLikelihood: number;
  customers: number;
  /** Distinct (x, t_x, T) triples the likelihood was evaluated over. */
  groups: number;
  /** Every start's outcome; `params` is the best of them. */
  starts: BgNbdStartResult[];
}

const fromLog = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]),
  alpha: Math.exp(v[1]),
  a: Math.exp(v[2]),
  b: Math.exp(v[3]),
});

/**
 * Maximum-likelihood fit over log-parameters (unconstrained) with Nelder–Mead from several
 * starts, keeping the best. The BG/NBD surface is flat in (a, b), so starts can stop at slightly
 * different points; the restart inside Nelder–Mead tightens each.
 */
export function fitBgNbd(data: RfmColumns | GroupedRfm, options: BgNbdFitOptions = {}): BgNbdFit {
  const g = isGrouped(data) ? data : groupRfm(data);
  if (g.customers === 0) throw new RangeError('fitBgNbd needs at least one customer');
  let meanT = 0;
  for (let i = 0; i < g.size; i++) meanT += (g.count[i] * g.T[i]) / g.customers;
  const scaleT = meanT > 0 ? meanT : 1;
  const starts = options.starts ?? [
    { r: 1, alpha: 1, a: 1, b: 1 },
    { r: 0.5, alpha: scaleT / 4, a: 0.5, b: 2 },
    { r: 2, alpha: scaleT, a: 2, b: 5 },
  ];
  if (starts.length === 0) throw new RangeError('fitBgNbd needs at least one start');
  starts.forEach(checkParams);
  const n = g.customers;
  // Mean negative LL keeps tolerances independent of the number of customers.
  const objective = (v: readonly number[]): number => -groupedLogLik(fromLog(v), g) / n;

  const results: BgNbdStartResult[] = starts.map((start, si) => {
    const x0 = [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)];
    const res = nelderMead(objective, x0, {
      initialStep: 0.5,
      maxIterations: options.maxIterations ?? 4000,
      xTolerance: options.xTolerance ?? 1e-9,
      fTolerance: options.fTolerance ?? 1e-13,
      restarts: 3,
      signal: options.signal,
      onProgress: options.onProgress ? (p) => options.onProgress?.({ ...p, start: si }) : undefined,
    });
    return {
      start,
      params: fromLog(res.x),
      logLikelihood: -res.fx * n,
      iterations: res.iterations,
      evaluations: res.evaluations,
      converged: res.converged,
    };
  });
  const best = results.reduce((p, c) => (c.logLikelihood > p.logLikelihood ? c : p));
  if (!Number.isFinite(best.logLikelihood)) throw new Error('fitBgNbd: no start reached a finite log-likelihood');
  return { params: best.params, logLikelihood: best.logLikelihood, customers: n, groups: g.size, starts: results };
}

/**
 * ln(1/P(alive) − 1) = ln[a/(b+x−1)] + (r+x)·ln[(α+T)/(α+t_x)], or −∞ when x = 0. Kept in log space
 * so that large x cannot overflow.
 */
function lnDeadOdds({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) (Hardie note 021); 1 when x = 0. */
export function bgnbdProbabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  checkParams(params);
  checkCustomer(x, tx, T);
  return Math.exp(-log1pExp(lnDeadOdds(params, x, tx, T)));
}

/**
 * (a+b+x−1)/(a−1) · [1 − (1−z)^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)], the numerator of FHL eq. 10
 * (and, with x = 0, of E[X(t)]). Both factors have removable singularities: a = 1 (0/0) and
 * c = a+b+x−1 = 0 (a pole of ₂F₁, only reachable with x = 0, a+b = 1); and for c < 0 (x = 0,
 * a+b < 1) ₂F₁ can be negative, outside the log-space evaluation. In those cases an
 * equivalent form is used: Euler's transform turns the bracket into 1 − (1−z)^{a−1} ₂F₁(c−r−x, a−1; c; z),
 * and cancelling (a−1) and c term by term leaves
 *   c·[1 − (1−z)^{a−1}]/(a−1) − (1−z)^{a−1} · d·z·₃F₂(d+1, a, 1; c+1, 2; z),  d = a+b−1−r,
 * whose series has positive denominators (c+1 > 0) and is regular at both points. Elsewhere the
 * direct form is more accurate for small t.
 */
function expectationNumerator(r: number, a: number, b: number, x: number, z: number): number {
  const c = a + b + x - 1;
  if (Math.abs(a - 1) >= 1e-3 && c >= 1e-3) {
    // All ₂F₁ parameters are positive, so it is > 0: −expm1 keeps small t accurate and the log
    // space keeps large x finite.
    const lnTerm = (r + x) * Math.log1p(-z) + lnHyp2f1(r + x, b + x, c, z);
    return (c / (a - 1)) * -Math.expm1(lnTerm);
  }
  const u = a - 1;
  const lnOneMinusZ = Math.log1p(-z);
  const first = u === 0 ? -lnOneMinusZ : -Math.expm1(u * lnOneMinusZ) / u;
  const d = a + b - 1 - r;
  const tail = d === 0 ? 0 : d * z * hypergeometricPFQ([d + 1, a, 1], [c + 1, 2], z);
  return c * first - Math.exp(u * lnOneMinusZ) * tail;
}

/** The series need ~1/(1−z) terms; past their budget the result is NaN, reported here plainly. */
function checkConverged(v: number, t: number, scale: number): number {
  if (!Number.isFinite(v)) {
    throw new RangeError(`BG/NBD expectation did not converge for t = ${t}: t/(α+T) = ${(t / scale).toPrecision(3)} is too large`);
  }
  return v;
}

/**
 * E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T+t] for a customer with that history
 * (FHL eq. 10). t in the model time unit.
 */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  checkParams(params);
  checkCustomer(x, tx, T);
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`t must be finite and ≥ 0: ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const num = checkConverged(expectationNumerator(r, a, b, x, t / (alpha + T + t)), t, alpha + T);
  return num * Math.exp(-log1pExp(lnDeadOdds(params, x, tx, T)));
}

/** E[X(t)]: expected repeat purchases in (0, t] for a new customer, t from the first purchase. */
export function bgnbdExpectedPurchasesNew(params: BgNbdParams, t: number): number {
  checkParams(params);
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`t must be finite and ≥ 0: ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  return checkConverged(expectationNumerator(r, a, b, 0, t / (alpha + t)), t, alpha);
}

/**
 * P(X(t) = n) for a new customer (FHL eq. 8). The NBD tail 1 − Σ_{j<n} is summed directly when
 * it is small, to avoid cancellation.
 */
export function bgnbdProbabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  checkParams(params);
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`t must be finite and ≥ 0: ${t}`);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a non-negative integer: ${n}`);
  const { r, alpha, a, b } = params;
  if (t === 0) return n === 0 ? 1 : 0;
  const lnP = Math.log(alpha / (alpha + t));
  const lnQ = Math.log(t / (alpha + t));
  const lnB0 = lnBeta(a, b);
  // NBD pmf: Γ(r+j)/(Γ(r) j!) p^r q^j.
  const lnNbd = (j: number): number => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnP + j * lnQ;
  const first = Math.exp(lnBeta(a, b + n) - lnB0 + lnNbd(n));
  if (n === 0) return first;
  return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnB0) * nbdTail(lnNbd, n, r, t / (alpha + t));
}

/** P(NBD ≥ n) = 1 − Σ_{j<n} pmf(j), or Σ_{j≥n} pmf(j) when the head is close to 1. */
function nbdTail(lnPmf: (j: number) => number, n: number, r: number, q: number): number {
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(lnPmf(j));
  if (head < 0.5) return 1 - head;
  // pmf(j+1)/pmf(j) = q (r+j)/(j+1) → q < 1, so the tail converges geometrically.
  let term = Math.exp(lnPmf(n));
  let tail = term;
  for (let j = n; j < n + 1_000_000; j++) {
    const ratio = (q * (r + j)) / (j + 1);
    term *= ratio;
    tail += term;
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= 1e-17 * tail) break;
  }
  return tail;
}
