// Property checks: P(alive) ∈ [0,1], E[Y(t)] non-decreasing in t, CLV non-increasing in the discount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bgnbdExpectedPurchases, bgnbdProbabilityAlive, customerLifetimeValue, type BgNbdParams } from '../../src/clv/index.js';

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

// a = 1 is a removable singularity of E[Y]; keep a clear of it so the formula's cancellation stays mild.
const params: fc.Arbitrary<BgNbdParams> = fc.record({
  r: pos(0.01, 10),
  alpha: pos(0.05, 100),
  a: fc.oneof(pos(0.05, 0.95), pos(1.05, 20)),
  b: pos(0.05, 20),
});

const history = fc
  .record({ x: fc.integer({ min: 0, max: 300 }), T: pos(0, 200), u: pos(0, 1) })
  .map(({ x, T, u }) => ({ x, T, tx: x === 0 ? 0 : u * T }));

test('P(alive) is in [0, 1]', () => {
  fc.assert(
    fc.property(params, history, (p, h) => {
      const v = bgnbdProbabilityAlive(p, h.x, h.tx, h.T);
      return v >= 0 && v <= 1;
    }),
    { numRuns: 2000 },
  );
});

test('E[Y(t) | x, t_x, T] is ≥ 0 and non-decreasing in t', () => {
  fc.assert(
    fc.property(params, history, pos(0, 200), pos(0, 200), (p, h, s, u) => {
      const [t1, t2] = s <= u ? [s, u] : [u, s];
      const e1 = bgnbdExpectedPurchases(p, t1, h.x, h.tx, h.T);
      const e2 = bgnbdExpectedPurchases(p, t2, h.x, h.tx, h.T);
      const tol = 1e-9 * Math.max(1, Math.abs(e2));
      assert.ok(Number.isFinite(e1) && Number.isFinite(e2), `non-finite: ${e1}, ${e2}`);
      assert.ok(e1 >= -tol, `E[Y(${t1})] = ${e1}`);
      assert.ok(e2 >= e1 - tol, `E[Y(${t2})] = ${e2} < E[Y(${t1})] = ${e1}`);
    }),
    { numRuns: 1000 },
  );
});

test('CLV is non-increasing as the discount rate grows', () => {
  fc.assert(
    fc.property(
      params,
      history,
      pos(0, 500),
      fc.integer({ min: 1, max: 12 }),
      pos(0.5, 20),
      pos(0, 0.5),
      pos(0, 0.5),
      (p, h, spend, periods, period, d1, d2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const c = { ...h, expectedSpend: spend };
        const opts = { horizon: periods * period, period };
        const vLo = customerLifetimeValue(p, c, { ...opts, discountRate: lo });
        const vHi = customerLifetimeValue(p, c, { ...opts, discountRate: hi });
        assert.ok(vHi <= vLo + 1e-9 * Math.max(1, Math.abs(vLo)), `clv(${hi}) = ${vHi} > clv(${lo}) = ${vLo}`);
      },
    ),
    { numRuns: 500 },
  );
});
