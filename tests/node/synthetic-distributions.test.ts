import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/synthetic/prng.js';
import { beta, categorical, exponential, gamma, logFactorial, lognormal, normal, poisson } from '../../src/synthetic/distributions.js';

const N = 200_000;
function moments(draw: () => number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < N; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / N;
  return { mean, variance: s2 / N - mean * mean };
}
const close = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

test('the PRNG is deterministic, uniform in [0,1), and seeds differ', () => {
  const a = createRng(1);
  const b = createRng(1);
  const c = createRng(2);
  const xs = Array.from({ length: 1000 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b.next()));
  assert.notDeepEqual(xs, Array.from({ length: 1000 }, () => c.next()));
  const r = createRng(99);
  const m = moments(() => r.next());
  close(m.mean, 0.5, 0.01, 'uniform mean');
  close(m.variance, 1 / 12, 0.02, 'uniform variance');
  for (let i = 0; i < 10_000; i++) {
    const k = r.int(7);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 7);
  }
  assert.throws(() => createRng(NaN));
});

test('samplers match their theoretical moments', () => {
  const rng = createRng(5);
  let m = moments(() => normal(rng, 3, 2));
  close(m.mean, 3, 0.01, 'normal mean');
  close(m.variance, 4, 0.02, 'normal variance');
  m = moments(() => exponential(rng, 0.5));
  close(m.mean, 2, 0.02, 'exponential mean');
  for (const [shape, rate] of [[0.3, 2], [1, 1], [4, 0.1], [20, 3]]) {
    m = moments(() => gamma(rng, shape, rate));
    close(m.mean, shape / rate, 0.02, `gamma(${shape},${rate}) mean`);
    close(m.variance, shape / rate ** 2, 0.06, `gamma(${shape},${rate}) variance`);
  }
  m = moments(() => beta(rng, 2, 5));
  close(m.mean, 2 / 7, 0.01, 'beta mean');
  close(m.variance, (2 * 5) / (49 * 8), 0.03, 'beta variance');
  for (const mean of [0.7, 12, 45, 300]) {
    m = moments(() => poisson(rng, mean));
    close(m.mean, mean, 0.02, `poisson(${mean}) mean`);
    close(m.variance, mean, 0.04, `poisson(${mean}) variance`);
  }
  m = moments(() => lognormal(rng, 0, 0.5));
  close(m.mean, Math.exp(0.125), 0.01, 'lognormal mean');
  assert.equal(poisson(rng, 0), 0);
  assert.throws(() => gamma(rng, 0, 1));
});

test('logFactorial is exact on both sides of the switch to Stirling', () => {
  let exact = 0;
  for (let k = 1; k <= 40; k++) {
    exact += Math.log(k);
    assert.ok(Math.abs(logFactorial(k) - exact) < 1e-9, `k=${k}`);
  }
});

test('categorical draws follow the weights', () => {
  const rng = createRng(8);
  const c = categorical([1, 0, 3]);
  const counts = [0, 0, 0];
  for (let i = 0; i < N; i++) counts[c.draw(rng)]++;
  assert.equal(counts[1], 0);
  close(counts[2] / N, 0.75, 0.01, 'share of weight 3 of 4');
  assert.throws(() => categorical([]));
  assert.throws(() => categorical([0, 0]));
});
