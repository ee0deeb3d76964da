// clv-kit predict on the CDNOW sample, run as a child process: customer 1 against the published
// E[Y(39)] and P(alive), and the discounted CLV against a hand computation written out here
// (FHL eq. 10 with a plain Gauss series, the Gamma-Gamma mean, the discounting sum).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, runCli, sampleArgs } from './cli-support.js';

const BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const BGNBD_ARG = `${BGNBD.r},${BGNBD.alpha},${BGNBD.a},${BGNBD.b}`;
const GG_ARG = `${GG.p},${GG.q},${GG.gamma}`;

/** Sample customer 1 (master 00004): purchases 1997-01-01, 01-18, 08-02 before the calibration end 09-30. */
const C1 = { x: 2, tx: 213 / 7, T: 272 / 7, m: (29.73 + 14.96) / 2 };

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

/** E[Y(t) | x, t_x, T] (FHL 2005 eq. 10), x > 0. */
function expectedPurchases(t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = BGNBD;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return head / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

function probabilityAlive(x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = BGNBD;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

const nearRel = (got: number, want: number, rel: number, what: string): void =>
  assert.ok(Math.abs(got / want - 1) <= rel, `${what}: got ${got}, want ${want} (relative ${rel})`);

function rowOf(stdout: string, customer: string): Record<string, number> {
  const row = parseCsv(stdout).find((r) => r.customer === customer);
  assert.ok(row, `customer ${customer} in the output`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

describe('clv-kit predict on the CDNOW sample', { concurrency: true }, () => {
  it('customer 1 at the published MLE: E[Y(39)] = 1.2259 ± 1e-3, P(alive) = 0.726609', async () => {
    const r = await runCli(['predict', ...sampleArgs(), '--horizon', '39', '--bgnbd', BGNBD_ARG]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('customer,frequency,recency,T,monetary,p_alive,expected_purchases,expected_spend,clv\n'));
    assert.equal(parseCsv(r.stdout).length, 2357);
    const c1 = rowOf(r.stdout, '0001');
    assert.ok(Math.abs(c1.expected_purchases! - 1.2259) <= 1e-3, `E[Y(39)] ${c1.expected_purchases}`);
    // 0.726609 was computed at the summary's rounded t_x = 30.43, T = 38.86; the CLI uses the exact
    // 213/7 and 272/7, which moves P(alive) by 1.1e-5. Both values are checked.
    assert.ok(Math.abs(probabilityAlive(2, 30.43, 38.86) - 0.726609) <= 1e-6, 'reference at rounded t_x, T');
    assert.ok(Math.abs(c1.p_alive! - 0.726609) <= 2e-5, `P(alive) ${c1.p_alive}`);
    nearRel(c1.p_alive!, probabilityAlive(C1.x, C1.tx, C1.T), 1e-12, 'P(alive) at exact t_x, T');
    // Without --period-length and --discount: one undiscounted period, so clv = spend · E[Y(N)].
    nearRel(c1.clv!, c1.expected_spend! * c1.expected_purchases!, 1e-12, 'undiscounted clv');
  });

  it('discounted CLV over 3 periods of 13 weeks at 2% equals the hand computation (customer 1)', async () => {
    const r = await runCli([
      'predict', ...sampleArgs(), '--horizon', '39', '--period-length', '13', '--discount', '0.02', '--bgnbd', BGNBD_ARG, '--gg', GG_ARG,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const c1 = rowOf(r.stdout, '0001');
    const spend = (GG.p * GG.gamma + GG.p * C1.x * C1.m) / (GG.p * C1.x + GG.q - 1);
    let clv = 0;
    for (let k = 1; k <= 3; k++) {
      const inPeriod = expectedPurchases(13 * k, C1.x, C1.tx, C1.T) - expectedPurchases(13 * (k - 1), C1.x, C1.tx, C1.T);
      clv += (spend * inPeriod) / Math.pow(1.02, k);
    }
    nearRel(c1.expected_spend!, spend, 1e-12, 'expected_spend');
    nearRel(c1.expected_purchases!, expectedPurchases(39, C1.x, C1.tx, C1.T), 1e-9, 'expected_purchases');
    nearRel(c1.clv!, clv, 1e-9, 'clv');
    assert.ok(c1.clv! < c1.expected_spend! * c1.expected_purchases!, 'discounting lowers the value');
    // Customer 3 has no repeat purchase: the population mean spend pγ/(q−1).
    nearRel(rowOf(r.stdout, '0003').expected_spend!, (GG.p * GG.gamma) / (GG.q - 1), 1e-12, 'population mean');
  });

  it('fits both models when no parameters are given; JSON has the documented fields', async () => {
    const r = await runCli(['predict', ...sampleArgs(), '--horizon', '52', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<Record<string, number | string>>;
    assert.equal(rows.length, 2357);
    assert.deepEqual(Object.keys(rows[0]!), [
      'customer', 'frequency', 'recency', 'T', 'monetary', 'p_alive', 'expected_purchases', 'expected_spend', 'clv',
    ]);
    for (const row of rows) {
      for (const k of ['p_alive', 'expected_purchases', 'expected_spend', 'clv']) {
        assert.ok(typeof row[k] === 'number' && Number.isFinite(row[k]) && (row[k] as number) >= 0, `${k} of ${row.customer}`);
      }
      assert.ok((row.p_alive as number) <= 1);
    }
    // The fitted MLE is the published one to ~1e-4, so customer 1's forecast barely moves.
    const c1 = rows.find((x) => x.customer === '0001')!;
    assert.ok(Math.abs((c1.p_alive as number) - 0.72662) < 1e-3);
  });
});
