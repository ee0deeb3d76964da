// The query gate a dashboard runs its widget queries through: at most N at once, first come first
// served, aborts that never start waiting work and free a running slot at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '../../src/contracts/errors.js';
import { createQueryGate } from '../../src/query/query-gate.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const isAborted = (e: unknown) => e instanceof AdapterError && e.code === 'aborted';

describe('createQueryGate', () => {
  it('runs 10 works with at most 4 in flight, in the order they came', async () => {
    const gate = createQueryGate(4);
    let inFlight = 0;
    let maxInFlight = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate.run(async () => {
          started.push(i);
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 2 + ((i * 7) % 5)));
          inFlight--;
          return i * i;
        }),
      ),
    );
    assert.equal(maxInFlight, 4);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(results, [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    assert.equal(gate.active, 0);
    assert.equal(gate.waiting, 0);
  });

  it('passes results and failures through and frees the slot either way', async () => {
    const gate = createQueryGate(1);
    await assert.rejects(gate.run(() => Promise.reject(new Error('boom'))), /boom/);
    await assert.rejects(
      gate.run(() => {
        throw new Error('sync boom');
      }),
      /sync boom/,
    );
    assert.equal(await gate.run(async () => 'ok'), 'ok');
    assert.equal(gate.active, 0);
  });

  it('work aborted while waiting leaves the queue and never starts', async () => {
    const gate = createQueryGate(1);
    const blocker = deferred<string>();
    const first = gate.run(() => blocker.promise);
    const controller = new AbortController();
    let started = false;
    const queued = gate.run(async () => {
      started = true;
      return 'never';
    }, controller.signal);
    const third = gate.run(async () => 'third');
    assert.equal(gate.waiting, 2);
    controller.abort();
    assert.equal(gate.waiting, 1);
    await assert.rejects(queued, isAborted);
    blocker.resolve('first');
    assert.equal(await first, 'first');
    assert.equal(await third, 'third');
    assert.equal(started, false);
    // Already aborted: refused without queueing.
    await assert.rejects(gate.run(async () => 'x', AbortSignal.abort()), isAborted);
    assert.equal(gate.waiting, 0);
  });

  it('aborting running work frees its slot at once and aborts the work signal', async () => {
    const gate = createQueryGate(2);
    const controller = new AbortController();
    let workSignal: AbortSignal | undefined;
    const hanging = deferred<string>();
    const running = gate.run((signal) => {
      workSignal = signal;
      return hanging.promise; // ignores its signal and never settles on its own
    }, controller.signal);
    const other = deferred<string>();
    const second = gate.run(() => other.promise);
    let thirdStarted = false;
    const third = gate.run(async () => {
      thirdStarted = true;
      return 'third';
    });
    assert.equal(gate.active, 2);
    assert.equal(gate.waiting, 1);
    assert.equal(workSignal?.aborted, false);

    controller.abort();
    assert.equal(workSignal?.aborted, true);
    assert.equal(thirdStarted, true, 'the next work started without waiting for the aborted one');
    assert.equal(gate.waiting, 0);
    await assert.rejects(running, isAborted);
    assert.equal(await third, 'third');
    hanging.resolve('late'); // settling later changes nothing
    other.resolve('second');
    assert.equal(await second, 'second');
    await tick();
    assert.equal(gate.active, 0);
  });

  it('setLimit starts waiting work at once; bad limits are refused', async () => {
    const gate = createQueryGate(1);
    const hold = deferred<void>();
    const runs = [0, 1, 2].map(() => gate.run(() => hold.promise));
    assert.equal(gate.active, 1);
    gate.setLimit(3);
    assert.equal(gate.active, 3);
    assert.equal(gate.waiting, 0);
    hold.resolve();
    await Promise.all(runs);
    assert.throws(() => gate.setLimit(0), RangeError);
    assert.throws(() => createQueryGate(1.5), RangeError);
  });
});
