// computeCustomerClv on the CDNOW 1/10 sample (2,357 customers, calibration end 1997-09-30, weeks):
// customer 1 against the published E[Y(39)] and P(alive), its discounted CLV against a hand
// computation written out here (FHL eq. 10 with a plain Gauss series, the Gamma-Gamma mean, the
// discounting sum), the NTILE decile sizes, and the registered customer_clv table answering
// semantic queries through the memory engine with the sums a direct loop gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  bgnbdProbabilityAlive,
  computeCustomerClv,
  customerClvLoadColumns,
  registerCustomerClvTable,
  type CustomerClvResult,
} from '../../src/clv/index.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { loadCdnowSample } from './support/clv-data.js';

/** Published MLEs (clv-models.md §1a, §2: lifetimes' printout and the paper's rounded Gamma-Gamma). */
const BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const CAL_END = '1997-09-30';

/** Sample customer 1 (master 00004): purchase days 1997-01-01, 01-18, 08-02 in the calibration window. */
const C1 = { x: 2, tx: 213 / 7, T: 272 / 7, m: (29.73 + 14.96) / 2 };

const tx = loadCdnowSample();
const transactions = { customer_id: tx.customer, ts: tx.ts, amount: tx.amount };

/** ₂F₁(a, b; c; z) by its Gauss series, for 0 ≤ z < 1. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}

/** E[Y(t) | x, t_x, T] (FHL 2005 eq. 10) for x > 0. */
function expectedPurchases(t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = BGNBD;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return head / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

const nearRel = (got: number, want: number, rel: number, what: string): void =>
  assert.ok(Math.abs(got / want - 1) <= rel, `${what}: got ${got}, want ${want} (relative ${rel})`);

const rowOf = (r: CustomerClvResult, id: number): number => {
  const i = r.data.customer_id.indexOf(id);
  assert.ok(i >= 0, `customer ${id} in the table`);
  return i;
};

describe('computeCustomerClv on the CDNOW sample, published parameters', () => {
  const result = computeCustomerClv(transactions, { calibrationEnd: CAL_END, timeUnit: 'weeks', horizon: 39, bgnbd: BGNBD, gammaGamma: GG });

  it('one row per customer, the summary columns as in the paper', () => {
    assert.equal(result.rows, 2357);
    assert.equal(result.notYetAcquired, 0);
    const d = result.data;
    assert.equal(d.frequency.reduce((s, x) => s + x, 0), 2457);
    assert.equal(d.frequency.filter((x) => x > 0).length, 946);
    const i = rowOf(result, 1);
    assert.deepEqual([d.frequency[i], d.recency[i], d.T[i], d.monetary[i]], [C1.x, C1.tx, C1.T, C1.m]);
    assert.equal(result.bgnbd.fitted, false);
    assert.equal(result.gammaGamma.fitted, false);
    assert.deepEqual([result.gammaGamma.customers, result.gammaGamma.skipped], [946, 0]);
  });

  it('customer 1: E[Y(39)] = 1.2259 ± 1e-3, P(alive) = 0.726609', () => {
    const i = rowOf(result, 1);
    const d = result.data;
    assert.ok(Math.abs(d.expected_purchases[i] - 1.2259) <= 1e-3, `E[Y(39)] ${d.expected_purchases[i]}`);
    // 0.726609 is the reference at the summary file's rounded t_x = 30.43, T = 38.86 (±1e-6 there).
    // The table has the exact 213/7 and 272/7, which move P(alive) by 1.1e-5: it is checked against
    // the closed form at those values, and against 0.726609 at the rounding's effect.
    assert.ok(Math.abs(bgnbdProbabilityAlive(BGNBD, 2, 30.43, 38.86) - 0.726609) <= 1e-6, 'reference at rounded t_x, T');
    const closedForm = 1 / (1 + (BGNBD.a / (BGNBD.b + C1.x - 1)) * Math.pow((BGNBD.alpha + C1.T) / (BGNBD.alpha + C1.tx), BGNBD.r + C1.x));
    nearRel(d.p_alive[i], closedForm, 1e-12, 'P(alive) at exact t_x, T');
    assert.ok(Math.abs(d.p_alive[i] - 0.726609) <= 2e-5, `P(alive) ${d.p_alive[i]}`);
    nearRel(d.expected_purchases[i], expectedPurchases(39, C1.x, C1.tx, C1.T), 1e-10, 'E[Y(39)] by hand');
  });

  it('customers without repeats: the population mean spend pγ/(q−1) and P(alive) = 1', () => {
    const d = result.data;
    const row = d.frequency.indexOf(0);
    nearRel(d.expected_spend[row], (GG.p * GG.gamma) / (GG.q - 1), 1e-12, 'expected_spend at x = 0');
    assert.equal(d.p_alive[row], 1);
  });

  it('clv_decile: NTILE(10) by clv descending, 236 × 7 + 235 × 3, clv non-increasing across deciles', () => {
    const d = result.data;
    const counts = new Array<number>(10).fill(0);
    const lo = new Array<number>(10).fill(Infinity);
    const hi = new Array<number>(10).fill(-Infinity);
    d.clv_decile.forEach((k, i) => {
      counts[k - 1]++;
      lo[k - 1] = Math.min(lo[k - 1], d.clv[i]);
      hi[k - 1] = Math.max(hi[k - 1], d.clv[i]);
    });
    assert.deepEqual(counts, [236, 236, 236, 236, 236, 236, 236, 235, 235, 235]);
    for (let k = 1; k < 10; k++) assert.ok(lo[k - 1] >= hi[k], `decile ${k} lowest ${lo[k - 1]} ≥ decile ${k + 1} highest ${hi[k]}`);
  });

  it('every decile is the NTILE bucket of the row in the order clv descending, customer id ascending', () => {
    const d = result.data;
    const order = Array.from({ length: result.rows }, (_, i) => i).sort(
      (i, j) => d.clv[j] - d.clv[i] || (d.customer_id[i] as number) - (d.customer_id[j] as number),
    );
    // 2,357 = 10 · 235 + 7: buckets 1..7 hold 236 rows, 8..10 hold 235.
    const bucket = (rank: number): number => (rank < 7 * 236 ? 1 + Math.floor(rank / 236) : 8 + Math.floor((rank - 7 * 236) / 235));
    order.forEach((row, rank) => assert.equal(d.clv_decile[row], bucket(rank), `rank ${rank}, customer ${d.customer_id[row]}`));
    // The tie-break matters: customers without repeats who started on the same day have equal clv.
    let ties = 0;
    for (let k = 1; k < order.length; k++) if (d.clv[order[k]] === d.clv[order[k - 1]]) ties++;
    assert.ok(ties > 100, `the sample has many exact ties (${ties})`);
  });
});

describe('computeCustomerClv: discounted CLV against a hand computation', () => {
  it('customer 1 over 3 periods of 13 weeks at 2%', () => {
    const r = computeCustomerClv(transactions, {
      calibrationEnd: CAL_END,
      timeUnit: 'weeks',
      horizon: 39,
      periodLength: 13,
      discount: 0.02,
      bgnbd: BGNBD,
      gammaGamma: GG,
    });
    const i = rowOf(r, 1);
    const spend = (GG.p * GG.gamma + GG.p * C1.x * C1.m) / (GG.p * C1.x + GG.q - 1);
    let clv = 0;
    for (let k = 1; k <= 3; k++) {
      const inPeriod = expectedPurchases(13 * k, C1.x, C1.tx, C1.T) - expectedPurchases(13 * (k - 1), C1.x, C1.tx, C1.T);
      clv += (spend * inPeriod) / Math.pow(1.02, k);
    }
    nearRel(r.data.expected_spend[i], spend, 1e-12, 'expected_spend');
    nearRel(r.data.clv[i], clv, 1e-10, 'clv');
    assert.deepEqual(r.settings, { calibrationEnd: CAL_END, timeUnit: 'weeks', horizon: 39, periodLength: 13, discount: 0.02 });
  });
});

describe('computeCustomerClv on the CDNOW sample, fitted', () => {
  it('reproduces the published MLEs (relative 1e-3) and reports the fits', () => {
    const phases: string[] = [];
    const fractions: number[] = [];
    const r = computeCustomerClv(transactions, {
      calibrationEnd: CAL_END,
      timeUnit: 'weeks',
      horizon: 39,
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
        fractions.push(p.fraction);
      },
    });
    const bg = r.bgnbd.params;
    const gg = r.gammaGamma.params;
    for (const [got, want, what] of [
      [bg.r, 0.2426, 'r'],
      [bg.alpha, 4.4135, 'α'],
      [bg.a, 0.7929, 'a'],
      [bg.b, 2.4258, 'b'],
      [gg.p, 6.2488, 'p'],
      [gg.q, 3.7446, 'q'],
      [gg.gamma, 15.4477, 'γ'],
    ] as const) {
      nearRel(got, want, 1e-3, what);
    }
    assert.ok(r.bgnbd.fitted && r.gammaGamma.fitted);
    assert.ok(r.bgnbd.logLikelihood > -9582.44, `BG/NBD LL ${r.bgnbd.logLikelihood}`);
    assert.ok(Math.abs(r.gammaGamma.logLikelihood - -4055.92) < 1e-2, `GG LL ${r.gammaGamma.logLikelihood}`);
    assert.deepEqual(phases, ['summary', 'bgnbd', 'gamma-gamma', 'predict', 'rank']);
    assert.ok(fractions.every((f, k) => k === 0 || f >= fractions[k - 1]), 'fraction never decreases');
    assert.equal(fractions.at(-1), 1);
  });
});

describe('customer_clv through the semantic layer (memory engine)', () => {
  const result = computeCustomerClv(transactions, { calibrationEnd: CAL_END, timeUnit: 'weeks', horizon: 39, bgnbd: BGNBD, gammaGamma: GG });
  const model = registerCustomerClvTable(clvDataModel, result.settings);
  const d = result.data;
  const tiers = ['Bronze', 'Silver', 'Gold', 'Platinum'];
  const customers = { customer_id: d.customer_id.map(String), loyalty_tier: d.customer_id.map((id) => tiers[(id as number) % 4]) };

  it('the table loads with its load columns and sums by clv_decile equal direct JS sums', async () => {
    const memory = new MemoryAdapter(model, { customers });
    const load = await memory.loadColumns('customer_clv', customerClvLoadColumns(model), result.data, { mode: 'replace' });
    assert.equal(load.rows, 2357);
    const res = await memory.query({
      measures: ['customer_clv.customers', 'customer_clv.clv_total', 'customer_clv.clv_avg', 'customer_clv.p_alive_avg', 'customer_clv.expected_purchases_total'],
      dimensions: ['customer_clv.clv_decile'],
      order: [['customer_clv.clv_decile', 'asc']],
    });
    assert.equal(res.rows.length, 10);
    for (const row of res.rows) {
      const k = row['customer_clv.clv_decile'] as number;
      const rows = [...d.clv_decile.keys()].filter((i) => d.clv_decile[i] === k);
      const sum = (col: Float64Array) => rows.reduce((s, i) => s + col[i], 0);
      assert.equal(row['customer_clv.customers'], rows.length);
      // Same rows added in the same (table) order, so the totals are equal, not just close.
      assert.equal(row['customer_clv.clv_total'], sum(d.clv), `decile ${k} total clv`);
      assert.equal(row['customer_clv.expected_purchases_total'], sum(d.expected_purchases), `decile ${k} expected purchases`);
      nearRel(row['customer_clv.clv_avg'] as number, sum(d.clv) / rows.length, 1e-12, `decile ${k} avg clv`);
      nearRel(row['customer_clv.p_alive_avg'] as number, sum(d.p_alive) / rows.length, 1e-12, `decile ${k} avg P(alive)`);
    }
  });

  it('joins to customers: total clv by loyalty tier', async () => {
    const memory = new MemoryAdapter(model, { customers, customer_clv: result.data });
    const res = await memory.query({ measures: ['customer_clv.clv_total'], dimensions: ['customers.loyalty_tier'] });
    const want = new Map<string, number>();
    d.customer_id.forEach((id, i) => want.set(tiers[(id as number) % 4], (want.get(tiers[(id as number) % 4]) ?? 0) + d.clv[i]));
    assert.equal(res.rows.length, 4);
    for (const row of res.rows) nearRel(row['customer_clv.clv_total'] as number, want.get(row['customers.loyalty_tier'] as string)!, 1e-12, String(row['customers.loyalty_tier']));
  });
});
