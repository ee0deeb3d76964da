/**
 * Derivative-free minimisation (Nelder–Mead) for the CLV model fits. The likelihoods are smooth but
 * their gradients are tedious (₂F₁-free, yet many lnΓ terms), and 3–4 parameters is where
 * Nelder–Mead is reliable, especially with a restart from the best vertex.
 */

/** One iteration's state, passed to {@link NelderMeadOptions.onProgress}. */
export interface NelderMeadProgress {
  /** Iterations so far, over all restarts. */
  iteration: number;
  /** Objective evaluations so far, over all restarts. */
  evaluations: number;
  /** 0 for the first run, k for the k-th restart. */
  restart: number;
  /** Best point of the current simplex (a copy). */
  x: number[];
  /** Objective at `x` (+∞ when non-finite). */
  fx: number;
}

export interface NelderMeadOptions {
  /** Iteration cap over all runs (default 200·n per run × (restarts+1)). */
  maxIterations?: number;
  /** Evaluation cap over all runs (default unlimited besides maxIterations). */
  maxEvaluations?: number;
  /** Converged when every vertex is within xTolerance of the best in every coordinate (default 1e-8)… */
  xTolerance?: number;
  /** …and every vertex's objective is within fTolerance of the best (default 1e-10). */
  fTolerance?: number;
  /** Initial simplex edge: one number for all coordinates or one per coordinate (default 0.1·max(1, |x0ᵢ|)). */
  initialStep?: number | readonly number[];
  /** Rebuilds the simplex around the best point up to this many times after convergence (default 2),
   * stopping early when a restart improves the objective by no more than fTolerance. It guards
   * against a collapsed simplex stalling away from the optimum. */
  restarts?: number;
  /** Called once per iteration. */
  onProgress?: (progress: NelderMeadProgress) => void;
  /** Aborting throws `signal.reason` at the next iteration. */
  signal?: AbortSignal;
}

export interface NelderMeadResult {
  x: number[];
  /** Objective at x; +∞ if no finite value was ever seen. */
  fx: number;
  iterations: number;
  evaluations: number;
  /** True when the last run met the tolerances (not stopped by an iteration/evaluation cap). */
  converged: boolean;
  /** Restarts actually performed. */
  restartsUsed: number;
}

// Standard coefficients: reflection, expansion, contraction, shrink.
const ALPHA = 1;
const GAMMA = 2;
const RHO = 0.5;
const SIGMA = 0.5;

/**
 * Minimises `f` from `x0`. Non-finite objective values count as +∞, so the search simply steps
 * away from invalid regions (e.g. overflow) instead of propagating NaN.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead needs at least one parameter');
  if (!x0.every(Number.isFinite)) throw new RangeError(`nelderMead start must be finite, got [${x0.join(', ')}]`);
  const restarts = options.restarts ?? 2;
  const maxIterations = options.maxIterations ?? 200 * n * (restarts + 1);
  const maxEvaluations = options.maxEvaluations ?? Infinity;
  const xTol = options.xTolerance ?? 1e-8;
  const fTol = options.fTolerance ?? 1e-10;
  const steps = resolveSteps(x0, options.initialStep);
  const signal = options.signal;

  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  let iterations = 0;
  let best = x0.slice();
  let bestF = evaluate(best);
  let converged = false;
  let restartsUsed = 0;

  for (let run = 0; run <= restarts; run++) {
    signal?.throwIfAborted();
    const before = bestF;
    // Simplex: the start plus one vertex per axis.
    const pts: number[][] = [best.slice()];
    const fs: number[] = [bestF];
    for (let i = 0; i < n; i++) {
      const p = best.slice();
      p[i] += steps[i];
      pts.push(p);
      fs.push(evaluate(p));
    }
    converged = false;
    while (iterations < maxIterations && evaluations < maxEvaluations) {
      signal?.throwIfAborted();
      sortSimplex(pts, fs);
      if (isConverged(pts, fs, xTol, fTol)) {
        converged = true;
        break;
      }
      iterations++;
      step(pts, fs, evaluate);
      const bi = argMin(fs);
      options.onProgress?.({ iteration: iterations, evaluations, restart: run, x: pts[bi].slice(), fx: fs[bi] });
    }
    const bi = argMin(fs);
    if (fs[bi] <= bestF) {
      best = pts[bi].slice();
      bestF = fs[bi];
    }
    if (run > 0) restartsUsed = run;
    // A restart that gained nothing means the optimum is confirmed; caps mean no budget is left.
    if (!converged || (run > 0 && !(before - bestF > fTol))) break;
  }
  return { x: best, fx: bestF, iterations, evaluations, converged, restartsUsed };
}

function resolveSteps(x0: readonly number[], step: number | readonly number[] | undefined): number[] {
  if (step === undefined) return x0.map((v) => 0.1 * Math.max(1, Math.abs(v)));
  const s = typeof step === 'number' ? x0.map(() => step) : step.slice();
  if (s.length !== x0.length || !s.every((v) => Number.isFinite(v) && v !== 0)) {
    throw new RangeError('initialStep must be finite, non-zero, one per coordinate');
  }
  return s;
}

function sortSimplex(pts: number[][], fs: number[]): void {
  const order = fs.map((_, i) => i).sort((i, j) => fs[i] - fs[j] || i - j);
  const p = order.map((i) => pts[i]);
  const v = order.map((i) => fs[i]);
  for (let i = 0; i < p.length; i++) {
    pts[i] = p[i];
    fs[i] = v[i];
  }
}

function isConverged(pts: number[][], fs: number[], xTol: number, fTol: number): boolean {
  const f0 = fs[0];
  if (!Number.isFinite(f0)) return false;
  for (let i = 1; i < pts.length; i++) {
    if (!(Math.abs(fs[i] - f0) <= fTol)) return false;
    for (let j = 0; j < pts[0].length; j++) if (Math.abs(pts[i][j] - pts[0][j]) > xTol) return false;
  }
  return true;
}

function argMin(fs: number[]): number {
  let k = 0;
  for (let i = 1; i < fs.length; i++) if (fs[i] < fs[k]) k = i;
  return k;
}

/** One Nelder–Mead iteration on a sorted simplex (best first, worst last). */
function step(pts: number[][], fs: number[], evaluate: (x: readonly number[]) => number): void {
  const n = pts.length - 1;
  const worst = pts[n];
  const centroid = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
  const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - worst[j]));

  const xr = along(ALPHA);
  const fr = evaluate(xr);
  if (fr < fs[0]) {
    const xe = along(ALPHA * GAMMA);
    const fe = evaluate(xe);
    if (fe < fr) replace(pts, fs, n, xe, fe);
    else replace(pts, fs, n, xr, fr);
    return;
  }
  if (fr < fs[n - 1]) {
    replace(pts, fs, n, xr, fr);
    return;
  }
  // Contraction: outside if the reflection beat the worst, inside otherwise.
  if (fr < fs[n]) {
    const xc = along(ALPHA * RHO);
    const fc = evaluate(xc);
    if (fc <= fr) {
      replace(pts, fs, n, xc, fc);
      return;
    }
  } else {
    const xc = along(-RHO);
    const fc = evaluate(xc);
    if (fc < fs[n]) {
      replace(pts, fs, n, xc, fc);
      return;
    }
  }
  for (let i = 1; i <= n; i++) {
    pts[i] = pts[i].map((v, j) => pts[0][j] + SIGMA * (v - pts[0][j]));
    fs[i] = evaluate(pts[i]);
  }
}

function replace(pts: number[][], fs: number[], i: number, x: number[], fx: number): void {
  pts[i] = x;
  fs[i] = fx;
}
