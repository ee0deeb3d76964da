// Nelder–Mead: convergence, non-finite objectives, restarts, caps, progress and abort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nelderMead, type NelderMeadProgress } from '../../src/clv/index.js';

const rosenbrock = (v: readonly number[]): number => 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2;

test('minimises Rosenbrock from (−1.2, 1)', () => {
  const res = nelderMead(rosenbrock, [-1.2, 1], { xTolerance: 1e-10, fTolerance: 1e-14 });
  assert.ok(res.converged);
  assert.ok(Math.abs(res.x[0] - 1) < 1e-6 && Math.abs(res.x[1] - 1) < 1e-6, `x = ${res.x}`);
  assert.ok(res.fx < 1e-12);
});

test('minimises a 4-d quadratic with a restart', () => {
  const c = [3, -1, 0.5, 10];
  const f = (v: readonly number[]): number => v.reduce((s, x, i) => s + (i + 1) * (x - c[i]) ** 2, 0);
  const res = nelderMead(f, [0, 0, 0, 0], { initialStep: 1, xTolerance: 1e-9, fTolerance: 1e-15 });
  assert.ok(res.converged);
  res.x.forEach((x, i) => assert.ok(Math.abs(x - c[i]) < 1e-6, `x[${i}] = ${x}`));
  assert.ok(res.restartsUsed >= 1);
});

test('treats NaN / ±∞ objective values as +∞ and steps away from them', () => {
  // Undefined for x < 0 (NaN from sqrt); the minimum (0.5) sits next to that region.
  const f = (v: readonly number[]): number => (Math.sqrt(v[0]) - Math.sqrt(0.5)) ** 2 + (v[1] - 2) ** 2;
  const res = nelderMead(f, [0.1, 0], { initialStep: 1 });
  assert.ok(Number.isFinite(res.fx));
  assert.ok(Math.abs(res.x[0] - 0.5) < 1e-5 && Math.abs(res.x[1] - 2) < 1e-5, `x = ${res.x}`);
  const never = nelderMead(() => NaN, [0, 0], { maxIterations: 50 });
  assert.equal(never.fx, Infinity);
  assert.equal(never.converged, false);
});

test('respects maxIterations and maxEvaluations', () => {
  const a = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 });
  assert.equal(a.iterations, 10);
  assert.equal(a.converged, false);
  const b = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 30 });
  assert.ok(b.evaluations <= 30 + 3, `evaluations ${b.evaluations}`);
  assert.equal(b.converged, false);
});

test('reports progress once per iteration with the best point', () => {
  const seen: NelderMeadProgress[] = [];
  const res = nelderMead(rosenbrock, [-1.2, 1], { onProgress: (p) => seen.push(p) });
  assert.equal(seen.length, res.iterations);
  seen.forEach((p, i) => assert.equal(p.iteration, i + 1));
  for (let i = 1; i < seen.length; i++) {
    // The best vertex never gets worse within one run.
    if (seen[i].restart === seen[i - 1].restart) assert.ok(seen[i].fx <= seen[i - 1].fx);
  }
  assert.equal(seen[seen.length - 1].fx, rosenbrock(seen[seen.length - 1].x));
});

test('an AbortSignal stops the search with its reason', () => {
  const ctl = new AbortController();
  const reason = new Error('stop now');
  assert.throws(
    () =>
      nelderMead(rosenbrock, [-1.2, 1], {
        signal: ctl.signal,
        onProgress: (p) => {
          if (p.iteration === 5) ctl.abort(reason);
        },
      }),
    (e: unknown) => e === reason,
  );
  const pre = new AbortController();
  pre.abort();
  assert.throws(() => nelderMead(rosenbrock, [0, 0], { signal: pre.signal }), { name: 'AbortError' });
});

test('rejects bad starts and steps', () => {
  assert.throws(() => nelderMead(rosenbrock, []), RangeError);
  assert.throws(() => nelderMead(rosenbrock, [NaN, 1]), RangeError);
  assert.throws(() => nelderMead(rosenbrock, [0, 1], { initialStep: [1] }), RangeError);
  assert.throws(() => nelderMead(rosenbrock, [0, 1], { initialStep: 0 }), RangeError);
});
