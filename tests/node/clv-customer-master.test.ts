// computeCustomerClv on the full CDNOW cohort (CDNOW_master.txt, 23,570 customers), read with
// importFile as the browser test reads it. The fitted parameters are pinned here and in
// tests/clv-worker.test.ts (the same fit in a browser Web Worker), to 1e-6 relative. Timings are
// printed, not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCustomerClv, fitBgNbd, rfmSummary } from '../../src/clv/index.js';
import { importFile } from '../../src/import/index.js';
import { loadCdnowMaster, readCdnowFile } from './support/clv-data.js';

/** The fit of this test, as printed by it (also pinned in tests/clv-worker.test.ts). */
const MASTER_FIT = {
  bgnbd: { r: 0.2516239776862211, alpha: 4.78894485849681, a: 0.72343408284556, b: 2.161090227141582 },
  gammaGamma: { p: 6.27536044690946, q: 3.6244496830344737, gamma: 14.983679770376797 },
};

const nearRel = (got: number, want: number, rel: number, what: string): void =>
  assert.ok(Math.abs(got / want - 1) <= rel, `${what}: got ${got}, want ${want} (relative ${rel})`);

test('CDNOW master: fit, forecasts and deciles of 23,570 customers; timings reported', async (t) => {
  const text = readCdnowFile('CDNOW_master.txt');
  const t0 = performance.now();
  const file = await importFile(new TextEncoder().encode(text), 'CDNOW_master.txt');
  const importMs = performance.now() - t0;
  assert.equal(file.rowCount, 69_659);
  const d = file.data;
  const r = computeCustomerClv({ customer_id: d.customer_id, ts: d.ts, amount: d.amount }, { calibrationEnd: '1997-09-30', timeUnit: 'weeks', horizon: 39 });
  const ms = r.timings;
  t.diagnostic(
    `Node ${process.version}: import ${importMs.toFixed(0)} ms; computeCustomerClv ${ms.total.toFixed(0)} ms = summary ${ms.summary.toFixed(0)} + ` +
      `BG/NBD fit ${ms.bgnbd.toFixed(0)} + Gamma-Gamma fit ${ms.gammaGamma.toFixed(0)} + forecasts ${ms.predict.toFixed(0)} ms (fits ${(ms.bgnbd + ms.gammaGamma).toFixed(0)} ms)`,
  );
  t.diagnostic(`BG/NBD ${JSON.stringify(r.bgnbd.params)} LL ${r.bgnbd.logLikelihood}`);
  t.diagnostic(`Gamma-Gamma ${JSON.stringify(r.gammaGamma.params)} LL ${r.gammaGamma.logLikelihood}, ${r.gammaGamma.customers} repeaters, ${r.gammaGamma.skipped} skipped`);

  assert.equal(r.rows, 23_570);
  // One master repeater has a mean repeat spend of 0: left out of the spend fit, and reported.
  assert.deepEqual([r.gammaGamma.customers, r.gammaGamma.skipped], [9450, 1]);
  for (const k of ['r', 'alpha', 'a', 'b'] as const) nearRel(r.bgnbd.params[k], MASTER_FIT.bgnbd[k], 1e-6, `BG/NBD ${k}`);
  for (const k of ['p', 'q', 'gamma'] as const) nearRel(r.gammaGamma.params[k], MASTER_FIT.gammaGamma[k], 1e-6, `Gamma-Gamma ${k}`);

  // importFile's columns give the fit that fitBgNbd gives on the file split by whitespace.
  const plain = rfmSummary(loadCdnowMaster(), { calibrationEnd: '1997-09-30' });
  assert.deepEqual(fitBgNbd(plain).params, r.bgnbd.params);

  const counts = new Array<number>(10).fill(0);
  for (const k of r.data.clv_decile) counts[k - 1]++;
  assert.deepEqual(counts, new Array(10).fill(2357));
  let total = 0;
  for (const v of r.data.clv) total += v;
  t.diagnostic(`Σ clv over 39 weeks ${total.toFixed(2)}; Σ expected purchases ${r.data.expected_purchases.reduce((s, v) => s + v, 0).toFixed(1)}`);
});
