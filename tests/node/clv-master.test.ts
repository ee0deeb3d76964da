// Full CDNOW cohort (CDNOW_master.txt, 23,570 customers): RFM, BG/NBD and Gamma-Gamma fits.
// Fitted values and timings are reported as diagnostics; timings are not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  groupRfm,
  rfmSummary,
  type BgNbdParams,
  type RfmSummary,
} from '../../src/clv/index.js';
import { cdnowSampleToMaster, loadCdnowMaster, loadCdnowSample } from './support/clv-data.js';

const CAL_END = '1997-09-30';
let cached: { summary: RfmSummary; ms: number } | undefined;

function masterSummary(): { summary: RfmSummary; ms: number } {
  if (!cached) {
    const tx = loadCdnowMaster();
    const t0 = performance.now();
    const summary = rfmSummary(tx, { calibrationEnd: CAL_END, holdoutEnd: '1998-06-30' });
    cached = { summary, ms: performance.now() - t0 };
  }
  return cached;
}

test('master RFM: 23,570 customers; the sample customers match their sample rows exactly', (t) => {
  const { summary: m, ms } = masterSummary();
  assert.equal(m.customers.length, 23570);
  const repeaters = m.x.filter((x) => x > 0).length;
  t.diagnostic(
    `RFM of 69,659 transactions in ${ms.toFixed(0)} ms: Σx ${m.x.reduce((a, b) => a + b, 0)}, ${repeaters} repeaters, ` +
      `holdout purchase days ${m.holdoutX?.reduce((a, b) => a + b, 0)}`,
  );
  const s = rfmSummary(loadCdnowSample(), { calibrationEnd: CAL_END });
  const toMaster = cdnowSampleToMaster();
  const row = new Map(m.customers.map((c, i) => [c, i]));
  s.customers.forEach((sid, i) => {
    const j = row.get(toMaster.get(sid as number) as number);
    assert.ok(j !== undefined, `sample customer ${String(sid)} not in master`);
    assert.deepEqual([m.x[j], m.tx[j], m.T[j], m.monetary[j]], [s.x[i], s.tx[i], s.T[i], s.monetary[i]], `sample ${String(sid)}`);
  });
});

test('master BG/NBD fit: converged maximum, timing reported', (t) => {
  const { summary } = masterSummary();
  const t0 = performance.now();
  const g = groupRfm(summary);
  const tGroup = performance.now() - t0;
  const fit = fitBgNbd(g);
  const tFit = performance.now() - t0 - tGroup;
  const p = fit.params;
  t.diagnostic(
    `BG/NBD on ${fit.customers} customers (${fit.groups} distinct (x, t_x, T)): r ${p.r.toFixed(6)}, α ${p.alpha.toFixed(6)}, ` +
      `a ${p.a.toFixed(6)}, b ${p.b.toFixed(6)}, LL ${fit.logLikelihood.toFixed(4)}; grouping ${tGroup.toFixed(0)} ms, ` +
      `fit ${tFit.toFixed(0)} ms (${fit.starts.length} starts, ${fit.starts.reduce((s, r) => s + r.evaluations, 0)} evaluations)`,
  );
  assert.equal(fit.customers, 23570);
  assert.ok(fit.starts.every((s) => s.converged && Math.abs(s.logLikelihood - fit.logLikelihood) < 1e-4), 'starts agree');
  // A maximum: no ±0.1 % move of any parameter improves the LL.
  for (const k of ['r', 'alpha', 'a', 'b'] as const) {
    for (const f of [0.999, 1.001]) {
      const q: BgNbdParams = { ...p, [k]: p[k] * f };
      assert.ok(bgnbdLogLikelihood(q, g) <= fit.logLikelihood + 1e-6, `${k} × ${f} improves the LL`);
    }
  }
  // Holdout check (diagnostic): predicted vs actual purchase days in the 39-week holdout.
  let predicted = 0;
  for (let i = 0; i < summary.x.length; i++) predicted += bgnbdExpectedPurchases(p, 39, summary.x[i], summary.tx[i], summary.T[i]);
  const actual = summary.holdoutX?.reduce((a, b) => a + b, 0) ?? NaN;
  t.diagnostic(`holdout (39 weeks): predicted ${predicted.toFixed(1)} repeat purchase days, actual ${actual}`);
});

test('master Gamma-Gamma: the m̄ = 0 repeater is rejected; fit on the rest', (t) => {
  const { summary: m } = masterSummary();
  assert.throws(() => fitGammaGamma({ x: m.x, monetary: m.monetary }), /m̄ > 0 for a repeater/);
  const keep = Array.from(m.x, (x, i) => x > 0 && m.monetary[i] > 0);
  const dropped = Array.from(m.x).filter((x, i) => x > 0 && !keep[i]).length;
  const data = { x: m.x.filter((_, i) => keep[i]), monetary: m.monetary.filter((_, i) => keep[i]) };
  const t0 = performance.now();
  const fit = fitGammaGamma(data);
  const ms = performance.now() - t0;
  const { p, q, gamma } = fit.params;
  t.diagnostic(
    `GG on ${fit.customers} repeaters (${dropped} with m̄ = 0 dropped): p ${p.toFixed(4)}, q ${q.toFixed(4)}, γ ${gamma.toFixed(4)}, ` +
      `LL ${fit.logLikelihood.toFixed(4)}, ${ms.toFixed(0)} ms`,
  );
  assert.ok(dropped >= 1);
  assert.ok(fit.starts.every((s) => Math.abs(s.logLikelihood - fit.logLikelihood) < 1e-4), 'starts agree');
  for (const k of ['p', 'q', 'gamma'] as const) {
    for (const f of [0.999, 1.001]) {
      assert.ok(gammaGammaLogLikelihood({ ...fit.params, [k]: fit.params[k] * f }, data) <= fit.logLikelihood + 1e-6, `${k} × ${f}`);
    }
  }
});
