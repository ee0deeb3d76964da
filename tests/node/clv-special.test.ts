// Special functions: lnΓ, ln B, logsumexp, ₂F₁ (clv-models.md §5 item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hyp2f1, hypergeometricPFQ, lnBeta, lnGamma, lnHyp2f1, log1pExp, logAddExp, logSumExp } from '../../src/clv/index.js';

/**
 * Independent lnΓ reference: shift x up to ≥ 30 with lnΓ(x) = lnΓ(x+k) − ln Π(x+j), then the
 * Stirling series to the B₁₀ term (truncation error < 1e-19 at 30).
 */
function lnGammaRef(x0: number): number {
  let x = x0;
  let prod = 1;
  while (x < 30) {
    prod *= x;
    x += 1;
  }
  const x2 = 1 / (x * x);
  const series = (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 / 1188)))) / x;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - Math.log(prod);
}

const lgTol = (ref: number): number => 1e-12 * Math.max(1, Math.abs(ref));

test('lnGamma matches closed forms: integers and half-integers', () => {
  let lnFact = 0; // ln (n−1)!
  for (let n = 1; n <= 171; n++) {
    if (n > 1) lnFact += Math.log(n - 1);
    assert.ok(Math.abs(lnGamma(n) - lnFact) <= lgTol(lnFact), `lnΓ(${n}) = ${lnGamma(n)}, want ${lnFact}`);
  }
  // Γ(n + 1/2) = √π Π_{k=1..n} (k − 1/2)
  let lnHalf = 0.5 * Math.log(Math.PI);
  for (let n = 0; n <= 200; n++) {
    if (n > 0) lnHalf += Math.log(n - 0.5);
    const got = lnGamma(n + 0.5);
    assert.ok(Math.abs(got - lnHalf) <= lgTol(lnHalf), `lnΓ(${n + 0.5}) = ${got}, want ${lnHalf}`);
  }
  assert.equal(lnGamma(1), 0);
  assert.ok(Math.abs(lnGamma(2)) <= 1e-14);
  // Γ(1/4), Γ(1/3) to 20 digits.
  assert.ok(Math.abs(lnGamma(0.25) - Math.log(3.6256099082219083119)) <= 1e-14);
  assert.ok(Math.abs(lnGamma(1 / 3) - Math.log(2.6789385347077476337)) <= 1e-14);
});

test('lnGamma error ≤ 1e-12·max(1,|lnΓ|) on [1e-3, 1e3] against a Stirling reference', (t) => {
  let worst = 0;
  let at = 0;
  const pts: number[] = [0.999999, 1.000001, 1.5, 1.999999, 2.000001, 1e-3, 1e3];
  const lo = Math.log(1e-3);
  const hi = Math.log(1e3);
  for (let i = 0; i <= 5000; i++) pts.push(Math.exp(lo + ((hi - lo) * i) / 5000));
  for (const x of pts) {
    const ref = lnGammaRef(x);
    const err = Math.abs(lnGamma(x) - ref) / Math.max(1, Math.abs(ref));
    if (err > worst) {
      worst = err;
      at = x;
    }
  }
  t.diagnostic(`max scaled lnΓ error ${worst.toExponential(2)} at x = ${at}`);
  assert.ok(worst <= 1e-12, `max scaled error ${worst} at x = ${at}`);
});

test('lnGamma poles and reflection', () => {
  assert.equal(lnGamma(0), Infinity);
  assert.equal(lnGamma(-2), Infinity);
  assert.ok(Number.isNaN(lnGamma(NaN)));
  // Γ(−1/2) = −2√π, so ln|Γ| = ln(2√π).
  assert.ok(Math.abs(lnGamma(-0.5) - Math.log(2 * Math.sqrt(Math.PI))) <= 1e-14);
});

test('lnBeta is symmetric and matches B(a,1) = 1/a', () => {
  for (const a of [0.01, 0.5, 2.5, 40, 900]) {
    assert.ok(Math.abs(lnBeta(a, 1) + Math.log(a)) <= 1e-12 * Math.max(1, Math.abs(Math.log(a))));
    assert.equal(lnBeta(a, 3.7), lnBeta(3.7, a));
  }
});

test('logAddExp / logSumExp / log1pExp are stable', () => {
  assert.equal(logAddExp(1000, 1000), 1000 + Math.log(2));
  assert.equal(logAddExp(-Infinity, 3), 3);
  assert.equal(logAddExp(-Infinity, -Infinity), -Infinity);
  assert.ok(Math.abs(logAddExp(Math.log(2), Math.log(3)) - Math.log(5)) <= 1e-15);
  assert.equal(logSumExp([]), -Infinity);
  assert.ok(Math.abs(logSumExp([800, 800, 800]) - (800 + Math.log(3))) <= 1e-12);
  assert.ok(Math.abs(logSumExp([-800, -801]) - (-800 + Math.log1p(Math.exp(-1)))) <= 1e-12);
  assert.equal(log1pExp(800), 800);
  assert.ok(Math.abs(log1pExp(-800) - Math.exp(-800)) === 0);
  assert.ok(Math.abs(log1pExp(0) - Math.log(2)) <= 1e-16);
});

test('hyp2f1 matches closed forms to 1e-10 relative for z ≤ 0.95', () => {
  const zs = [0, 1e-8, 0.01, 0.1, 0.25, 0.5, 0.7, 0.85, 0.9, 0.93, 0.95];
  for (const z of zs) {
    const want = z === 0 ? 1 : -Math.log1p(-z) / z; // ₂F₁(1,1;2;z)
    const got = hyp2f1(1, 1, 2, z);
    assert.ok(Math.abs(got / want - 1) <= 1e-10, `2F1(1,1;2;${z}) = ${got}, want ${want}`);
    for (const [a, b] of [[0.3, 2.5], [2.2, 0.8], [7.5, 3], [0.243, 2.426], [-1.5, 4]]) {
      const w = Math.pow(1 - z, -a); // ₂F₁(a,b;b;z)
      const g = hyp2f1(a, b, b, z);
      assert.ok(Math.abs(g / w - 1) <= 1e-10, `2F1(${a},${b};${b};${z}) = ${g}, want ${w}`);
      assert.ok(Math.abs(lnHyp2f1(a, b, b, z) + a * Math.log1p(-z)) <= 1e-10 * Math.max(1, Math.abs(a * Math.log1p(-z))));
    }
    // ₂F₁(1/2, 1; 3/2; z) = atanh(√z)/√z
    const s = Math.sqrt(z);
    const w2 = z === 0 ? 1 : Math.atanh(s) / s;
    assert.ok(Math.abs(hyp2f1(0.5, 1, 1.5, z) / w2 - 1) <= 1e-10);
  }
});

test('hyp2f1 large parameters: direct series, Euler fallback in log space', () => {
  // References computed with mpmath at 50 digits.
  assert.ok(Math.abs(hyp2f1(200.25, 202.5, 202.8, 0.47) / 1.3546069144828345e55 - 1) <= 1e-12);
  assert.ok(Math.abs(hyp2f1(0.243, 2.426, 2.219, 0.9) / 1.9476311698186019 - 1) <= 1e-13);
  // (a+n) passes near 0 at n = 3: the tail test must not stop there.
  assert.ok(Math.abs(hyp2f1(-3.0000001, 1000, 1, 0.3) / 1.4888072906521792e138 - 1) <= 1e-12);
  // Beyond the double range: only the log form can represent these.
  assert.equal(hyp2f1(2000, 3, 3, 0.5), Infinity);
  assert.ok(Math.abs(lnHyp2f1(2000, 3, 3, 0.5) - 2000 * Math.LN2) <= 1e-10);
  assert.ok(Math.abs(lnHyp2f1(2000.25, 2002.5, 2002.8, 0.47) / 1269.724980563098 - 1) <= 1e-12);
  assert.ok(Math.abs(lnHyp2f1(20000.25, 20002.5, 20002.8, 0.9) / 46051.58676504943 - 1) <= 1e-12);
});

test('hypergeometricPFQ: ₃F₂ with a cancelling pair is ₂F₁, ₁F₀ is (1−z)^{−a}', () => {
  for (const z of [0, 0.2, 0.6, 0.95]) {
    const want = hyp2f1(0.7, 2.3, 1.9, z);
    assert.ok(Math.abs(hypergeometricPFQ([0.7, 2.3, 4.1], [1.9, 4.1], z) / want - 1) <= 1e-13);
    assert.ok(Math.abs(hypergeometricPFQ([1.5], [], z) / Math.pow(1 - z, -1.5) - 1) <= 1e-12); // ₁F₀
  }
  assert.throws(() => hypergeometricPFQ([1, 2], [], 0.5), /one more numerator/);
  assert.throws(() => hypergeometricPFQ([1, 2, 3], [0, 2], 0.5), /pole/);
  assert.throws(() => hypergeometricPFQ([1, 2, 3], [1, 2], 1), /z < 1/);
});

test('hyp2f1 rejects z outside [0, 1) and non-positive integer c', () => {
  assert.throws(() => hyp2f1(1, 1, 2, 1), RangeError);
  assert.throws(() => hyp2f1(1, 1, 2, -0.1), RangeError);
  assert.throws(() => hyp2f1(1, 1, -2, 0.5), RangeError);
});
