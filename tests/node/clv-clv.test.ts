// Discounted CLV (clv-models.md §3) and the lifetimes-compatible helper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bgnbdExpectedPurchases,
  customerLifetimeValue,
  customerLifetimeValues,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  lifetimesCustomerLifetimeValue,
  type BgNbdParams,
  type ClvCustomer,
} from '../../src/clv/index.js';
import { loadCdnowSummary } from './support/clv-data.js';

const MLE: BgNbdParams = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
const CUST1: ClvCustomer = { x: 2, tx: 30.43, T: 38.86, expectedSpend: 24.658619 };
const near = (got: number, want: number, tol: number, what: string): void =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, want ${want} ± ${tol}`);

test('one period, no discount: spend · E[Y(N)]', () => {
  const v = customerLifetimeValue(MLE, CUST1, { horizon: 52 });
  near(v, CUST1.expectedSpend * bgnbdExpectedPurchases(MLE, 52, 2, 30.43, 38.86), 1e-12, 'clv');
  // Without discounting the period split does not matter (the increments telescope).
  near(customerLifetimeValue(MLE, CUST1, { horizon: 52, period: 4 }), v, 1e-10, 'clv, 13 periods');
});

test('discounting: Σ spend·ΔE[Y] / (1+D)^k, period by period', () => {
  const N = 52;
  const L = 13;
  const D = 0.03;
  let want = 0;
  for (let k = 1; k <= N / L; k++) {
    const inc = bgnbdExpectedPurchases(MLE, k * L, 2, 30.43, 38.86) - bgnbdExpectedPurchases(MLE, (k - 1) * L, 2, 30.43, 38.86);
    want += (CUST1.expectedSpend * inc) / (1 + D) ** k;
  }
  near(customerLifetimeValue(MLE, CUST1, { horizon: N, period: L, discountRate: D }), want, 1e-12, 'clv');
  const many = customerLifetimeValues(
    MLE,
    { x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86], expectedSpend: [CUST1.expectedSpend, 35] },
    { horizon: N, period: L, discountRate: D },
  );
  near(many[0], want, 1e-12, 'columnar');
  assert.ok(many[1] > 0);
});

test('horizon must be a whole multiple of the period; rates and spend validated', () => {
  assert.throws(() => customerLifetimeValue(MLE, CUST1, { horizon: 52, period: 5 }), /whole multiple/);
  assert.throws(() => customerLifetimeValue(MLE, CUST1, { horizon: 2, period: 4 }), /whole multiple/);
  assert.throws(() => customerLifetimeValue(MLE, CUST1, { horizon: 0 }), /horizon/);
  assert.throws(() => customerLifetimeValue(MLE, CUST1, { horizon: 4, discountRate: -1 }), /discount/);
  assert.throws(() => customerLifetimeValue(MLE, { ...CUST1, expectedSpend: NaN }, { horizon: 4 }), /expectedSpend/);
  // Floating-point multiples are accepted.
  assert.ok(Number.isFinite(customerLifetimeValue(MLE, CUST1, { horizon: 0.3, period: 0.1 })));
  assert.throws(() => lifetimesCustomerLifetimeValue(MLE, CUST1, { months: 1.5, unitsPerMonth: 'W' }), /months/);
  assert.throws(() => lifetimesCustomerLifetimeValue(MLE, CUST1, { unitsPerMonth: 0 }), /unitsPerMonth/);
});

test('lifetimes helper equals the general CLV with N = months·Δ, L = Δ', () => {
  const a = lifetimesCustomerLifetimeValue(MLE, CUST1, { months: 12, discountRate: 0.01, unitsPerMonth: 'W' });
  const b = customerLifetimeValue(MLE, CUST1, { horizon: 12 * 4.345, period: 4.345, discountRate: 0.01 });
  near(a, b, 1e-10, 'clv');
});

test('reproduces the lifetimes Quickstart CLV table (refit BG/NBD, GG MLE, time=12, d=0.01, freq "D")', (t) => {
  const csv = loadCdnowSummary();
  const bg = fitBgNbd(csv).params;
  const gg = fitGammaGamma({ x: csv.x, monetary: csv.zbar }).params;
  // lifetimes' default freq 'D' (Δ = 30) applied to this weekly model, as the Quickstart ran it.
  const want: [number, number][] = [
    [1, 140.096211], [2, 18.943467], [3, 38.180574], [6, 1003.868107], [7, 28.109683], [9, 167.418216],
  ];
  const got = want.map(([id]) => {
    const j = csv.id.indexOf(id);
    const spend = gammaGammaExpectedSpend(gg, csv.x[j], csv.zbar[j]);
    return lifetimesCustomerLifetimeValue(bg, { x: csv.x[j], tx: csv.tx[j], T: csv.T[j], expectedSpend: spend }, { unitsPerMonth: 'D' });
  });
  t.diagnostic(`CLV ids ${want.map(([id]) => id).join(', ')}: ${got.map((v) => v.toFixed(6)).join(', ')}`);
  want.forEach(([id, v], k) => assert.ok(Math.abs(got[k] / v - 1) <= 1e-6, `id ${id}: ${got[k]} vs ${v}`));
});
