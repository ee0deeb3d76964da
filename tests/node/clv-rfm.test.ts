// RFM calibration summary (clv-models.md §0 and §5 item 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfmSummary, utcDay, type Transaction } from '../../src/clv/index.js';
import { loadCdnowSample, loadCdnowSummary } from './support/clv-data.js';

// The summary CSV rounds half up on exact decimals; float sums like 18.134999… need a nudge.
const round2 = (v: number): number => Math.round(v * 100 + 1e-7) / 100;

function describe(values: number[]): { mean: number; sd: number; min: number; median: number; max: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const s = [...values].sort((a, b) => a - b);
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { mean, sd, min: s[0], median, max: s[n - 1] };
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

test('CDNOW sample: RFM equals cdnow_customers_summary_with_transactions.csv for all 2,357 rows', (t) => {
  const s = rfmSummary(loadCdnowSample(), { calibrationEnd: '1997-09-30', timeUnit: 'weeks' });
  const csv = loadCdnowSummary();
  assert.equal(s.customers.length, 2357);
  assert.equal(csv.id.length, 2357);
  const row = new Map(csv.id.map((id, j) => [id, j]));
  const worst = { x: 0, tx: 0, T: 0, m: 0 };
  let roundedMismatches = 0;
  s.customers.forEach((c, i) => {
    const j = row.get(c as number);
    assert.ok(j !== undefined, `customer ${String(c)} missing from the CSV`);
    const d = {
      x: Math.abs(s.x[i] - csv.x[j]),
      tx: Math.abs(s.tx[i] - csv.tx[j]),
      T: Math.abs(s.T[i] - csv.T[j]),
      m: Math.abs(s.monetary[i] - csv.zbar[j]),
    };
    for (const k of ['x', 'tx', 'T', 'm'] as const) {
      assert.ok(d[k] <= 0.006, `customer ${String(c)} ${k}: |Δ| = ${d[k]}`);
      worst[k] = Math.max(worst[k], d[k]);
    }
    if (round2(s.tx[i]) !== csv.tx[j] || round2(s.T[i]) !== csv.T[j] || round2(s.monetary[i]) !== csv.zbar[j]) roundedMismatches++;
  });
  t.diagnostic(`max |Δ| x ${worst.x}, t_x ${worst.tx.toFixed(5)}, T ${worst.T.toFixed(5)}, m̄ ${worst.m.toFixed(5)}; rows differing after 2-dp rounding: ${roundedMismatches}`);
  assert.equal(roundedMismatches, 0);
  // Customer 1 (master 00004), the worked example of §0.
  const i1 = s.customers.indexOf(1);
  assert.equal(s.x[i1], 2);
  assert.ok(Math.abs(s.tx[i1] - 213 / 7) < 1e-12);
  assert.ok(Math.abs(s.T[i1] - 272 / 7) < 1e-12);
  assert.ok(Math.abs(s.monetary[i1] - (29.73 + 14.96) / 2) < 1e-12);
});

test('CDNOW sample: Σx = 2457, 946 repeaters, m̄ statistics and corr(x, m̄)', (t) => {
  const s = rfmSummary(loadCdnowSample(), { calibrationEnd: '1997-09-30' });
  const sumX = s.x.reduce((a, b) => a + b, 0);
  assert.equal(sumX, 2457);
  const xs: number[] = [];
  const ms: number[] = [];
  s.x.forEach((x, i) => {
    if (x > 0) {
      xs.push(x);
      ms.push(s.monetary[i]);
    }
  });
  assert.equal(xs.length, 946);
  // The reference statistics are of the file's 2-dp values; compare on the same footing.
  const rounded = ms.map(round2);
  const d = describe(rounded);
  const corr = pearson(xs, rounded);
  const exact = describe(ms);
  t.diagnostic(
    `m̄ (2 dp): mean ${d.mean.toFixed(6)}, sd ${d.sd.toFixed(6)}, min ${d.min}, median ${d.median}, max ${d.max}, corr ${corr.toFixed(7)}; ` +
      `unrounded: mean ${exact.mean.toFixed(6)}, sd ${exact.sd.toFixed(6)}, corr ${pearson(xs, ms).toFixed(7)}`,
  );
  assert.ok(Math.abs(d.mean - 35.0786) <= 5e-5, `mean ${d.mean}`);
  assert.ok(Math.abs(d.mean - 35.0785518) <= 1e-7, `mean ${d.mean}`);
  assert.ok(Math.abs(d.sd - 30.2835) <= 5e-5, `sd ${d.sd}`);
  assert.equal(d.min, 2.99);
  assert.equal(d.median, 27.5);
  assert.equal(d.max, 299.63);
  assert.ok(Math.abs(corr - 0.113884) <= 5e-7, `corr ${corr}`);
  // The unrounded values agree to the file's rounding.
  assert.ok(Math.abs(exact.mean - 35.0786) <= 0.005 && Math.abs(exact.median - 27.5) <= 0.005);
});

test('same-day merge, first day dropped, post-calibration ignored, holdout counted', () => {
  const tx: Transaction[] = [
    { customer: 'a', ts: '2020-01-01', amount: 10 },
    { customer: 'a', ts: '2020-01-01', amount: 5 }, // same day as the first: merged, dropped
    { customer: 'b', ts: '2020-01-03', amount: 7 },
    { customer: 'a', ts: '2020-01-08', amount: 20 },
    { customer: 'a', ts: '2020-01-08', amount: 4 }, // merged into one 24.00 day
    { customer: 'a', ts: '2020-01-15', amount: 6 },
    { customer: 'a', ts: '2020-01-20', amount: 100 }, // after the calibration end
    { customer: 'a', ts: '2020-01-20', amount: 1 },
    { customer: 'a', ts: '2020-01-25', amount: 1 },
    { customer: 'a', ts: '2020-02-25', amount: 1 }, // after the holdout end
    { customer: 'c', ts: '2020-01-16', amount: 3 }, // first purchase after the calibration end
  ];
  const s = rfmSummary(tx, { calibrationEnd: '2020-01-15', timeUnit: 'days', holdoutEnd: '2020-01-31' });
  assert.deepEqual(s.customers, ['a', 'b']);
  assert.deepEqual([...s.x], [2, 0]);
  assert.deepEqual([...s.tx], [14, 0]);
  assert.deepEqual([...s.T], [14, 12]);
  assert.deepEqual([...s.monetary], [15, 0]);
  assert.deepEqual([...(s.holdoutX ?? [])], [2, 0]);
  assert.deepEqual([...s.firstDay], [utcDay('2020-01-01'), utcDay('2020-01-03')]);
  const w = rfmSummary(tx, { calibrationEnd: '2020-01-15' });
  assert.equal(w.timeUnit, 'weeks');
  assert.deepEqual([...w.tx], [2, 0]);
  assert.deepEqual([...w.T], [2, 12 / 7]);
  assert.equal(w.holdoutX, undefined);
});

test('epoch-ms input, unsorted rows and columnar input give the same summary', () => {
  const day = (iso: string, h: number): number => Date.parse(`${iso}T00:00:00Z`) + h * 3_600_000;
  const rows: Transaction[] = [
    { customer: 7, ts: day('2021-03-10', 23), amount: 2 },
    { customer: 7, ts: day('2021-03-01', 1), amount: 1 },
    { customer: 9, ts: day('2021-03-02', 0), amount: 4 },
    { customer: 7, ts: day('2021-03-10', 0), amount: 3 }, // same UTC day as the first row
  ];
  const cal = day('2021-03-20', 12); // any time within the end day counts as that day
  const a = rfmSummary(rows, { calibrationEnd: cal, timeUnit: 'days' });
  const b = rfmSummary(
    { customer: rows.map((r) => r.customer), ts: rows.map((r) => r.ts), amount: rows.map((r) => r.amount) },
    { calibrationEnd: '2021-03-20', timeUnit: 'days' },
  );
  assert.deepEqual(a, b);
  assert.deepEqual(a.customers, [7, 9]);
  assert.deepEqual([...a.x], [1, 0]);
  assert.deepEqual([...a.tx], [9, 0]);
  assert.deepEqual([...a.T], [19, 18]);
  assert.deepEqual([...a.monetary], [5, 0]);
});

test('rejects bad dates, amounts, units and windows', () => {
  const ok: Transaction[] = [{ customer: 1, ts: '2020-01-01', amount: 1 }];
  assert.throws(() => utcDay('2020-02-30'), /invalid calendar date/);
  assert.throws(() => utcDay('20200101'), /YYYY-MM-DD/);
  assert.throws(() => rfmSummary([{ customer: 1, ts: '2020-01-01', amount: NaN }], { calibrationEnd: '2020-02-01' }), /amount/);
  assert.throws(() => rfmSummary(ok, { calibrationEnd: '2020-02-01', timeUnit: 'months' as never }), /timeUnit/);
  assert.throws(() => rfmSummary(ok, { calibrationEnd: '2020-02-01', holdoutEnd: '2020-01-15' }), /holdoutEnd/);
  assert.throws(() => rfmSummary({ customer: [1, 2], ts: ['2020-01-01'], amount: [1, 2] }, { calibrationEnd: '2020-02-01' }), /lengths/);
});
