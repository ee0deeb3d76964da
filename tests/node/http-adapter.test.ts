// HttpAdapter resilience against a scripted server (msw/node): retries, deadlines, aborts and
// how responses and error bodies are decoded.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { AdapterError } from '../../src/contracts/errors.js';
import { HttpAdapter } from '../../src/engines/http/index.js';
import { backoffDelay, parseRetryAfter, sleep } from '../../src/engines/http/retry.js';
import { startMockServer } from '../../mocks/node.js';

const BASE = 'http://clv.test/api';
const server = startMockServer([]);
before(() => server.resetHandlers());
afterEach(() => server.resetHandlers());
after(() => server.close());

const okResult = {
  columns: [{ name: 'orders.revenue', label: 'Revenue', type: 'number', role: 'measure' }],
  rows: [{ 'orders.revenue': 45 }],
  provenance: { kind: 'memory', plan: 'scan orders' },
};
const query = { measures: ['orders.revenue'] };

function adapter(options: Partial<ConstructorParameters<typeof HttpAdapter>[0]> = {}) {
  return new HttpAdapter({ baseUrl: BASE, backoffMs: 5, capabilities: { sql: false, append: true }, ...options });
}

/** Serves the given responses in turn (the last one repeats) and counts the calls. */
function script(method: 'get' | 'post', path: string, ...responses: Array<(request: Request) => Response | Promise<Response>>) {
  const calls = { n: 0, bodies: [] as unknown[], headers: [] as Headers[] };
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      calls.bodies.push(request.method === 'POST' ? await request.json() : undefined);
      calls.headers.push(request.headers);
      const respond = responses[Math.min(calls.n, responses.length - 1)]!;
      calls.n++;
      return respond(request);
    }),
  );
  return calls;
}

const json = (body: JsonBodyType, status = 200, headers?: Record<string, string>) => () => HttpResponse.json(body, { status, headers });
const errorBody = (code: string, message: string, field?: string) => ({ error: { code, message, ...(field ? { field } : {}) } });

async function rejection(p: Promise<unknown>): Promise<AdapterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AdapterError, `expected an AdapterError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

describe('HttpAdapter retries', () => {
  test('retries 503 twice, then succeeds (3 calls)', async () => {
    const unavailable = json(errorBody('backend', 'warming up'), 503);
    const calls = script('post', '/query', unavailable, unavailable, json(okResult));
    const result = await adapter().query(query);
    assert.equal(calls.n, 3);
    assert.deepEqual(result.rows, [{ 'orders.revenue': 45 }]);
  });

  test('does not retry 400 and reports its code and field', async () => {
    const calls = script('post', '/query', json(errorBody('invalid_request', 'unknown measure "orders.profit"', 'measures.0'), 400));
    const e = await rejection(adapter().query({ measures: ['orders.profit'] }));
    assert.equal(calls.n, 1);
    assert.equal(e.code, 'invalid_request');
    assert.equal(e.field, 'measures.0');
    assert.equal(e.message, 'unknown measure "orders.profit"');
  });

  test('waits for Retry-After on 429', async () => {
    const calls = script('post', '/query', json(errorBody('backend', 'slow down'), 429, { 'Retry-After': '1' }), json(okResult));
    const t0 = performance.now();
    await adapter({ backoffMs: 1 }).query(query);
    const elapsed = performance.now() - t0;
    assert.equal(calls.n, 2);
    assert.ok(elapsed >= 990 && elapsed < 2000, `waited ${elapsed.toFixed(0)} ms for Retry-After: 1`);
  });

  test('gives up at once when Retry-After is past the deadline', async () => {
    const calls = script('post', '/query', json(errorBody('backend', 'quota exhausted'), 429, { 'Retry-After': '60' }));
    const t0 = performance.now();
    const e = await rejection(adapter({ timeoutMs: 5_000 }).query(query));
    assert.equal(calls.n, 1);
    assert.equal(e.code, 'backend');
    assert.ok(performance.now() - t0 < 500);
  });

  test('stops after `retries` extra attempts with the last error', async () => {
    const calls = script('get', '/model', json(errorBody('backend', 'database down'), 500));
    const e = await rejection(adapter({ retries: 2 }).describe());
    assert.equal(calls.n, 3);
    assert.equal(e.code, 'backend');
    assert.equal(e.message, 'database down');
  });

  test('retries network errors', async () => {
    const calls = script('get', '/model', () => HttpResponse.error(), () => HttpResponse.json({ nonsense: true }));
    const e = await rejection(adapter().describe());
    assert.equal(calls.n, 2);
    assert.equal(e.code, 'backend');
  });

  test('never retries 501; a bare 502 from a proxy is a backend error', async () => {
    const c501 = script('post', '/query', json(errorBody('unsupported', 'no SQL here'), 501));
    assert.equal((await rejection(adapter().query(query))).code, 'unsupported');
    assert.equal(c501.n, 1);
    const c502 = script('get', '/model', () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 }));
    const e = await rejection(adapter({ retries: 1 }).describe());
    assert.equal(c502.n, 2);
    assert.equal(e.code, 'backend');
    assert.match(e.message, /502/);
  });

  test('appends are re-sent after 503 but not after 500', async () => {
    const after503 = script('post', '/tables/orders/rows', json(errorBody('backend', 'busy'), 503), json({ appended: 1 }));
    assert.deepEqual(await adapter().append!('orders', [{ amount: 1 }]), { appended: 1 });
    assert.equal(after503.n, 2);
    const after500 = script('post', '/tables/orders/rows', json(errorBody('backend', 'crashed mid-write'), 500), json({ appended: 1 }));
    assert.equal((await rejection(adapter().append!('orders', [{ amount: 1 }]))).code, 'backend');
    assert.equal(after500.n, 1);
  });
});

describe('HttpAdapter deadlines and aborts', () => {
  test('a server slower than timeoutMs gives code timeout', async () => {
    script('get', '/model', async (request) => {
      await sleep(2_000, request.signal).catch(() => undefined);
      return HttpResponse.json({});
    });
    const t0 = performance.now();
    const e = await rejection(adapter({ timeoutMs: 100 }).describe());
    const elapsed = performance.now() - t0;
    assert.equal(e.code, 'timeout');
    assert.ok(elapsed >= 95 && elapsed < 600, `timed out after ${elapsed.toFixed(0)} ms`);
  });

  test('aborting during a backoff wait rejects with aborted at once', async () => {
    const calls = script('post', '/query', json(errorBody('backend', 'down'), 503));
    const controller = new AbortController();
    const t0 = performance.now();
    const pending = adapter({ backoffMs: 2_000 }).query(query, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(pending);
    const elapsed = performance.now() - t0;
    assert.equal(e.code, 'aborted');
    assert.equal(calls.n, 1);
    assert.ok(elapsed < 300, `aborted after ${elapsed.toFixed(0)} ms`);
  });

  test('timeoutMs: Infinity means no deadline; nonsense options are refused', async () => {
    script('get', '/model', json(errorBody('not_found', 'gone'), 404));
    assert.equal((await rejection(adapter({ timeoutMs: Infinity }).describe())).code, 'not_found');
    assert.throws(() => adapter({ timeoutMs: 0 }), { code: 'invalid_request', field: 'timeoutMs' });
    assert.throws(() => adapter({ retries: 1.5 }), { code: 'invalid_request', field: 'retries' });
  });

  test('an already aborted signal sends nothing', async () => {
    const calls = script('get', '/model', json({}));
    const e = await rejection(adapter().describe({ signal: AbortSignal.abort() }));
    assert.equal(e.code, 'aborted');
    assert.equal(calls.n, 0);
  });

  test('aborting an in-flight request rejects with aborted', async () => {
    script('get', '/model', async (request) => {
      await sleep(2_000, request.signal).catch(() => undefined);
      return HttpResponse.json({});
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const t0 = performance.now();
    assert.equal((await rejection(adapter().describe({ signal: controller.signal }))).code, 'aborted');
    assert.ok(performance.now() - t0 < 300);
  });
});

describe('HttpAdapter decoding', () => {
  test('a response of the wrong shape is a backend error naming the field', async () => {
    script('post', '/query', json({ ...okResult, rows: [{ 'orders.revenue': { amount: 45 } }] }));
    const e = await rejection(adapter().query(query));
    assert.equal(e.code, 'backend');
    assert.equal(e.field, 'rows.0.orders.revenue');
    assert.match(e.message, /invalid body/);
  });

  test('a body that is not JSON is a backend error', async () => {
    script('get', '/model', () => new HttpResponse('<html>', { status: 200 }));
    const e = await rejection(adapter().describe());
    assert.equal(e.code, 'backend');
    assert.match(e.message, /not JSON/);
  });

  test('error bodies keep the server code, message and field', async () => {
    script('get', '/tables/orderz/sample', json(errorBody('not_found', 'There is no table "orderz".', 'table'), 404));
    const e = await rejection(adapter().sample('orderz'));
    assert.deepEqual([e.code, e.message, e.field], ['not_found', 'There is no table "orderz".', 'table']);
  });

  test('without an error body the status decides the code', async () => {
    for (const [status, code] of [
      [400, 'invalid_request'],
      [404, 'not_found'],
      [408, 'timeout'],
      [501, 'unsupported'],
    ] as const) {
      script('get', '/model', () => new HttpResponse('nope', { status }));
      assert.equal((await rejection(adapter({ retries: 0 }).describe())).code, code, `status ${status}`);
    }
  });

  test('provenance: the request replaces engine plans, server SQL is kept', async () => {
    const calls = script('post', '/query', json(okResult));
    const r = await adapter().query(query, { now: '2024-06-15' });
    assert.deepEqual(r.provenance, { kind: 'request', method: 'POST', url: `${BASE}/query`, body: { query, now: '2024-06-15' } });
    assert.deepEqual(calls.bodies[0], { query, now: '2024-06-15' });
    const sqlProvenance = { kind: 'sql', sql: 'SELECT sum(amount) FROM orders', params: [] };
    script('get', '/tables/orders/sample', json({ ...okResult, provenance: sqlProvenance }));
    assert.deepEqual((await adapter().sample('orders', { limit: 5 })).provenance, sqlProvenance);
  });

  test('sample passes limit and offset in the query string', async () => {
    script('get', '/tables/orders/sample', json(okResult));
    const r = await adapter().sample('orders', { limit: 5, offset: 10 });
    assert.deepEqual(r.provenance, { kind: 'request', method: 'GET', url: `${BASE}/tables/orders/sample?limit=5&offset=10` });
  });

  test('a malformed query fails before any request, naming the field', async () => {
    const calls = script('post', '/query', json(okResult));
    const e = await rejection(adapter().query({ measures: ['revenue'] }));
    assert.equal(e.code, 'invalid_request');
    assert.equal(e.field, 'measures.0');
    assert.equal(calls.n, 0);
  });
});

describe('HttpAdapter capabilities and headers', () => {
  test('connect reads /capabilities; sql and append exist only when offered', async () => {
    script('get', '/capabilities', json({ sql: true, sqlDialect: 'duckdb' }));
    const a = await HttpAdapter.connect({ baseUrl: `${BASE}/` });
    assert.deepEqual(a.capabilities, { sql: true, sqlDialect: 'duckdb', append: false });
    assert.equal(a.id, `http ${BASE}`);
    assert.equal(typeof a.sql, 'function');
    assert.equal('append' in a, false);
    const none = adapter({ capabilities: { sql: false, append: false } });
    assert.equal('sql' in none, false);
    assert.equal('append' in none, false);
  });

  test('headers: static values and a function called per attempt', async () => {
    let n = 0;
    const calls = script('get', '/model', json(errorBody('backend', 'x'), 503), json(errorBody('backend', 'x'), 400));
    await rejection(adapter({ headers: () => ({ authorization: `Bearer t${++n}` }) }).describe());
    assert.deepEqual(
      calls.headers.map((h) => h.get('authorization')),
      ['Bearer t1', 'Bearer t2'],
    );
    const c2 = script('get', '/model', json(errorBody('backend', 'x'), 400));
    await rejection(adapter({ headers: { 'x-tenant': 'acme' } }).describe());
    assert.equal(c2.headers[0]!.get('x-tenant'), 'acme');
    assert.equal(c2.headers[0]!.get('accept'), 'application/json');
  });
});

describe('retry helpers', () => {
  test('backoff doubles with equal jitter and a ceiling', () => {
    assert.equal(backoffDelay(0, 200, () => 0), 100);
    assert.equal(backoffDelay(0, 200, () => 1), 200);
    assert.equal(backoffDelay(3, 200, () => 0.5), 1200);
    assert.equal(backoffDelay(20, 200, () => 1), 10_000);
  });

  test('Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2030 00:00:10 GMT', Date.parse('2030-01-01T00:00:00Z')), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });
});
