// Gamma-Gamma against clv-models.md §2 / §5 items 4 and 7.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodOne,
  gammaGammaPopulationMean,
  lnBeta,
  type GammaGammaParams,
} from '../../src/clv/index.js';
import { loadCdnowSummary } from './support/clv-data.js';

const near = (got: number, want: number, tol: number, what: string): void =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, want ${want} ± ${tol}`);

function fitSample() {
  const csv = loadCdnowSummary();
  return { csv, fit: fitGammaGamma({ x: csv.x, monetary: csv.zbar }) };
}

test('MLE on the 946 repeaters: (6.2488, 3.7446, 15.4477) within 1e-3 relative, LL −4055.92 ± 1e-2', (t) => {
  const t0 = performance.now();
  const { fit } = fitSample();
  const ms = performance.now() - t0;
  const { p, q, gamma } = fit.params;
  t.diagnostic(`p ${p.toFixed(6)}, q ${q.toFixed(6)}, γ ${gamma.toFixed(6)}, LL ${fit.logLikelihood.toFixed(6)}, ${fit.customers} repeaters, ${ms.toFixed(0)} ms`);
  assert.equal(fit.customers, 946);
  const want = [6.2488, 3.7446, 15.4477];
  [p, q, gamma].forEach((v, k) => assert.ok(Math.abs(v / want[k] - 1) <= 1e-3, `param ${k}: ${v} vs ${want[k]}`));
  near(fit.logLikelihood, -4055.92, 1e-2, 'LL');
  near(fit.logLikelihood, -4055.9232, 1e-3, 'LL (recomputed, 4 dp)');
  assert.ok(fit.starts.every((s) => Math.abs(s.logLikelihood - fit.logLikelihood) < 1e-6), 'all starts agree');
});

test('population mean E[Z] = pγ/(q−1): 35.1710 at the MLE, 35.2190 at the rounded params', () => {
  const { fit } = fitSample();
  near(gammaGammaPopulationMean(fit.params), 35.171, 1e-3, 'E[Z] at the fitted MLE');
  near(gammaGammaPopulationMean({ p: 6.2488, q: 3.7446, gamma: 15.4477 }), 35.171, 1e-3, 'E[Z] at the 4-dp MLE');
  near(gammaGammaPopulationMean({ p: 6.25, q: 3.74, gamma: 15.44 }), 35.219, 1e-3, 'E[Z] at 6.25/3.74/15.44');
});

test('mean E[M] over all 2,357 = 35.2529588, mean m̄ over the 946 = 35.0785518 (lifetimes Quickstart)', (t) => {
  const { csv, fit } = fitSample();
  const em = csv.x.map((x, i) => gammaGammaExpectedSpend(fit.params, x, csv.zbar[i]));
  const meanEM = em.reduce((a, b) => a + b, 0) / em.length;
  const rep = csv.zbar.filter((_, i) => csv.x[i] > 0);
  const meanM = rep.reduce((a, b) => a + b, 0) / rep.length;
  t.diagnostic(`mean E[M] ${meanEM.toFixed(7)}, mean m̄ ${meanM.toFixed(7)}`);
  near(meanEM, 35.2529588, 1e-5, 'mean E[M]');
  near(meanM, 35.0785518, 1e-7, 'mean m̄');
  // Quickstart head (ids 1, 2, 3, 6, 9), printed at lifetimes' own fit of the same MLE.
  const head: [number, number][] = [[1, 24.658619], [2, 18.911489], [3, 35.170981], [6, 71.462843], [9, 27.282408]];
  for (const [id, v] of head) near(em[csv.id.indexOf(id)], v, 1e-4, `E[M] id ${id}`);
});

test('ln f at x = 1 is the compound (beta-prime) density of a single spend', () => {
  const par: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
  for (const z of [0.5, 10, 35, 300]) {
    const want =
      -lnBeta(par.p, par.q) + par.q * Math.log(par.gamma) + (par.p - 1) * Math.log(z) - (par.p + par.q) * Math.log(par.gamma + z);
    near(gammaGammaLogLikelihoodOne(par, 1, z), want, 1e-12, `ln f(${z} | 1)`);
  }
  // The density of m̄ integrates to 1 (x = 3, trapezoid on a log grid).
  let s = 0;
  const lo = Math.log(1e-3);
  const hi = Math.log(1e5);
  const n = 20000;
  for (let i = 0; i <= n; i++) {
    const u = lo + ((hi - lo) * i) / n;
    const w = i === 0 || i === n ? 0.5 : 1;
    s += w * Math.exp(gammaGammaLogLikelihoodOne(par, 3, Math.exp(u)) + u) * ((hi - lo) / n);
  }
  near(s, 1, 1e-8, '∫ f(m̄ | 3)');
});

test('total LL skips x = 0 rows and equals the sum over repeaters', () => {
  const par: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
  const total = gammaGammaLogLikelihood(par, { x: [0, 2, 0, 5], monetary: [0, 20, 0, 41.5] });
  near(total, gammaGammaLogLikelihoodOne(par, 2, 20) + gammaGammaLogLikelihoodOne(par, 5, 41.5), 1e-12, 'Σ');
});

test('edge cases: m̄ ≤ 0 for a repeater and q ≤ 1 are rejected; x = 0 gives E[Z]', () => {
  assert.throws(() => fitGammaGamma({ x: [1, 2, 3], monetary: [10, 0, 12] }), /m̄ > 0 for a repeater \(row 1\)/);
  assert.throws(() => fitGammaGamma({ x: [1, 2], monetary: [10, -3] }), /m̄ > 0/);
  assert.throws(() => gammaGammaLogLikelihoodOne({ p: 1, q: 2, gamma: 3 }, 2, 0), /m̄ > 0/);
  assert.throws(() => gammaGammaLogLikelihoodOne({ p: 1, q: 2, gamma: 3 }, 0, 5), /x ≥ 1/);
  assert.throws(() => fitGammaGamma({ x: [0, 0], monetary: [0, 0] }), /at least one repeater/);
  assert.throws(() => gammaGammaPopulationMean({ p: 6, q: 1, gamma: 15 }), /q > 1/);
  assert.throws(() => gammaGammaPopulationMean({ p: 6, q: 0.5, gamma: 15 }), /q > 1/);
  assert.throws(() => gammaGammaExpectedSpend({ p: 6, q: 0.9, gamma: 15 }, 0, 0), /q > 1/);
  assert.throws(() => gammaGammaPopulationMean({ p: -1, q: 2, gamma: 15 }), RangeError);
  const par: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
  assert.equal(gammaGammaExpectedSpend(par, 0, 0), gammaGammaPopulationMean(par));
  // Repeaters are a weighted mean of m̄ and E[Z]: w = px/(px+q−1).
  const w = (6.25 * 4) / (6.25 * 4 + 2.74);
  near(gammaGammaExpectedSpend(par, 4, 50), w * 50 + (1 - w) * gammaGammaPopulationMean(par), 1e-12, 'shrinkage form');
  // With x ≥ 1 the estimate exists even for q ≤ 1 (px + q > 1).
  assert.ok(Number.isFinite(gammaGammaExpectedSpend({ p: 6, q: 0.9, gamma: 15 }, 2, 30)));
});
