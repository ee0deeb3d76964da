// The CLV worker's messages, without a worker: packing the input into transferable typed arrays,
// the worker-side run (serveRun) and unpacking give exactly computeCustomerClv's result; transfer
// leaves the caller's arrays intact; errors keep their kind (and name customers by id) across the boundary.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeCustomerClv, type CustomerClvResult } from '../../src/clv/index.js';
import { AdapterError } from '../../src/contracts/errors.js';
import { deserializeError, packRequest, serializeError, unpackResult, type ClvWorkerInput, type WorkerReply } from '../../src/clv-worker/protocol.js';
import { serveRun } from '../../src/clv-worker/serve.js';
import { loadCdnowSample } from './support/clv-data.js';

const sample = loadCdnowSample();
// Ids as text whose order differs from first appearance and from numeric order (the decile tie-break).
const ids = sample.customer.map((c) => (c % 3 === 0 ? `x${c}` : String(c).padStart(4, '0')));
const input: ClvWorkerInput = {
  transactions: { customer_id: ids, ts: Float64Array.from(sample.ts, (d) => Date.parse(d)), amount: Float64Array.from(sample.amount) },
  calibrationEnd: '1997-09-30',
  timeUnit: 'weeks',
  horizon: 39,
  periodLength: 13,
  discount: 0.01,
};

/** Runs the request as the worker would, through structured clone with transfer both ways. */
function roundTrip(inp: ClvWorkerInput): { replies: WorkerReply[]; result?: CustomerClvResult } {
  const { request, transfer } = packRequest(inp);
  const keys = request.keys;
  const received = structuredClone(request, { transfer });
  const replies: WorkerReply[] = [];
  serveRun(received, (reply, t) => replies.push(structuredClone(reply, { transfer: t })));
  const last = replies.at(-1);
  return { replies, result: last?.type === 'result' ? unpackResult(last, keys) : undefined };
}

describe('CLV worker protocol', () => {
  it('pack → serveRun → unpack equals computeCustomerClv, deciles included', () => {
    const { replies, result } = roundTrip(input);
    const direct = computeCustomerClv(input.transactions, input);
    assert.ok(result, `a result, got ${JSON.stringify(replies.at(-1))}`);
    assert.deepEqual(result.data, direct.data);
    assert.deepEqual(result.bgnbd, direct.bgnbd);
    assert.deepEqual(result.gammaGamma, direct.gammaGamma);
    assert.deepEqual(result.settings, direct.settings);
    assert.equal(result.rows, 2357);
  });

  it('the caller keeps its arrays: only fresh copies are transferred', () => {
    const { request, transfer } = packRequest(input);
    assert.notEqual(request.ts, input.transactions.ts);
    assert.notEqual(request.amount, input.transactions.amount);
    structuredClone(request, { transfer });
    assert.equal(request.ts.length, 0, 'the packed copy was transferred (detached)');
    assert.equal((input.transactions.ts as Float64Array).length, sample.ts.length);
    assert.equal((input.transactions.amount as Float64Array).length, sample.amount.length);
  });

  it('ids travel once, as the list of distinct ids; rows as indexes into it', () => {
    const { request } = packRequest(input);
    assert.deepEqual(request.keys, [...new Set(ids)]);
    request.customer.forEach((c, i) => assert.equal(request.keys[c], ids[i]));
  });

  it('progress: a few messages, fraction increasing to 1, before the result', () => {
    const { replies } = roundTrip(input);
    const progress = replies.flatMap((r) => (r.type === 'progress' ? [r.progress] : []));
    assert.ok(progress.length >= 5 && progress.length < 200, `${progress.length} progress messages`);
    assert.ok(progress.every((p, k) => k === 0 || p.fraction >= progress[k - 1].fraction));
    assert.equal(progress.at(-1)?.fraction, 1);
    assert.equal(replies.at(-1)?.type, 'result');
  });

  it('an error in the worker comes back as the same kind of error, naming the customer by id', () => {
    const { replies, result } = roundTrip({ ...input, gammaGamma: { p: 6, q: 0.9, gamma: 15 } });
    assert.equal(result, undefined);
    const last = replies.at(-1);
    assert.ok(last?.type === 'error');
    const e = deserializeError(last.error);
    assert.ok(e instanceof RangeError, String(e));
    assert.match(e.message, /^customer (x\d+|\d{4}): population mean spend needs q > 1/);
    const back = deserializeError(serializeError(new AdapterError('aborted', 'The CLV computation was cancelled.')));
    assert.ok(back instanceof AdapterError && back.code === 'aborted');
  });

  it('bad input fails on the main thread, before anything is sent', () => {
    assert.throws(() => packRequest({ ...input, transactions: { ...input.transactions, customer_id: [null] } }), /columns differ in length/);
    const one = { customer_id: [null], ts: ['1997-01-01'], amount: [1] };
    assert.throws(() => packRequest({ ...input, transactions: one }), /transactions\.customer_id row 0/);
    assert.throws(() => packRequest({ ...input, periodLength: 10 }), /not a whole multiple of period 10/);
    assert.throws(() => packRequest({ ...input, calibrationEnd: '1997-09-31' }), /invalid calendar date '1997-09-31'/);
    assert.throws(() => packRequest({ ...input, timeUnit: 'months' as never }), /timeUnit must be 'days' or 'weeks'/);
  });
});
