// The MSW mock backend over a MemoryAdapter, driven by HttpAdapter and by raw fetch: round trips
// with real values, boundary validation, status codes, latency settings and request aborts.
import { after, afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { HttpAdapter } from '../../src/engines/http/index.js';
import { createMockHandlers, setMockLatency, type LatencySetting } from '../../mocks/index.js';
import { parseLatency, pickDelay, seededRandom } from '../../mocks/latency.js';
import { startMockServer } from '../../mocks/node.js';
import { tinyShopData, tinyShopModel } from '../../mocks/tiny-shop.js';

const BASE = 'http://clv.test/api';
const server = startMockServer([]);
afterEach(() => {
  server.resetHandlers();
  setMockLatency(undefined);
});
after(() => server.close());

function serve(options: { latency?: LatencySetting; adapter?: DataAdapter; baseUrl?: string } = {}) {
  const memory = new MemoryAdapter(tinyShopModel, tinyShopData());
  server.use(...createMockHandlers({ adapter: options.adapter ?? memory, baseUrl: options.baseUrl ?? BASE, latency: options.latency ?? false }));
  return memory;
}

const post = (path: string, body: unknown) =>
  fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('mock backend round trips through HttpAdapter', () => {
  test('capabilities, model with row counts, query, sample, append', async () => {
    serve();
    const api = await HttpAdapter.connect({ baseUrl: BASE });
    assert.deepEqual(api.capabilities, { sql: false, append: true });
    assert.equal('sql' in api, false);

    const model = await api.describe();
    assert.deepEqual(
      model.tables.map((t) => [t.name, t.rowCount]),
      [
        ['customers', 3],
        ['orders', 3],
      ],
    );

    const byCountry = await api.query({ measures: ['orders.revenue', 'orders.order_count'], dimensions: ['customers.country'], total: true });
    assert.deepEqual(byCountry.rows, [
      { 'customers.country': 'DE', 'orders.revenue': 40, 'orders.order_count': 2 },
      { 'customers.country': 'FR', 'orders.revenue': 5, 'orders.order_count': 1 },
    ]);
    assert.equal(byCountry.total, 2);
    assert.deepEqual(
      byCountry.columns.map((c) => [c.name, c.type, c.role]),
      [
        ['customers.country', 'string', 'dimension'],
        ['orders.revenue', 'number', 'measure'],
        ['orders.order_count', 'integer', 'measure'],
      ],
    );
    assert.equal(byCountry.provenance.kind, 'request');

    const monthly = await api.query(
      { measures: ['orders.revenue'], timeDimensions: [{ dimension: 'orders.ordered_on', granularity: 'month', dateRange: 'last 6 months' }] },
      { now: '2024-03-15' },
    );
    assert.deepEqual(monthly.rows, [
      { 'orders.ordered_on.month': '2024-01-01', 'orders.revenue': 15 },
      { 'orders.ordered_on.month': '2024-02-01', 'orders.revenue': 30 },
    ]);

    const sample = await api.sample('orders', { limit: 2, offset: 1 });
    assert.deepEqual(sample.rows, [
      { customer_id: 'b', amount: 5, ordered_on: '2024-01-20' },
      { customer_id: 'a', amount: 30, ordered_on: '2024-02-11' },
    ]);
    assert.equal(sample.total, 3);

    assert.deepEqual(await api.append!('orders', [{ customer_id: 'c', amount: 7.5, ordered_on: '2024-03-01' }]), { appended: 1 });
    const after = await api.query({ measures: ['orders.revenue'], dimensions: ['customers.country'] });
    assert.deepEqual(after.rows, [
      { 'customers.country': 'DE', 'orders.revenue': 47.5 },
      { 'customers.country': 'FR', 'orders.revenue': 5 },
    ]);
    assert.equal((await api.describe()).tables.find((t) => t.name === 'orders')?.rowCount, 4);
  });

  test('engine errors come back with code and field', async () => {
    serve();
    const api = await HttpAdapter.connect({ baseUrl: BASE });
    await assert.rejects(api.query({ measures: ['orders.profit'] }), { code: 'invalid_request', field: 'measures.0' });
    await assert.rejects(api.sample('returns'), { code: 'not_found', field: 'table' });
    await assert.rejects(api.sample('orders', { limit: -1 }), { code: 'invalid_request', field: 'limit' });
    await assert.rejects(api.append!('orders', [{ amount: 'lots' }]), { code: 'invalid_request', field: 'rows.0.amount' });
  });
});

describe('mock backend boundary', () => {
  test('invalid bodies answer 400 naming the field', async () => {
    serve();
    const cases: Array<[string, unknown, string | undefined]> = [
      ['/query', { query: { measures: [42] } }, 'measures.0'],
      ['/query', { query: { measures: ['orders.revenue'] }, now: 'soon' }, 'now'],
      ['/query', { measures: ['orders.revenue'] }, 'query'],
      ['/query', '{not json', undefined],
      ['/tables/orders/rows', { rows: [] }, 'rows'],
      ['/tables/orders/rows', { rows: [{ amount: { n: 1 } }] }, 'rows.0.amount'],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      const json = (await res.json()) as { error: { code: string; field?: string } };
      assert.equal(json.error.code, 'invalid_request');
      assert.equal(json.error.field, field, `${path} ${JSON.stringify(body)}`);
    }
    const bad = await fetch(`${BASE}/tables/orders/sample?limit=many`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'limit');
  });

  test('sql is 501 without the capability; unknown endpoints and tables are 404', async () => {
    serve();
    const sql = await post('/sql', { sql: 'SELECT 1', params: {} });
    assert.equal(sql.status, 501);
    assert.equal(((await sql.json()) as { error: { code: string } }).error.code, 'unsupported');
    const unknown = await fetch(`${BASE}/audiences`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'not_found');
    assert.equal((await fetch(`${BASE}/tables/returns/sample`)).status, 404);
  });

  test('append is 501 when the adapter cannot append; sql passes through when it can', async () => {
    const memory = new MemoryAdapter(tinyShopModel, tinyShopData());
    const readOnly: DataAdapter = {
      id: 'read-only',
      capabilities: { sql: true, sqlDialect: 'test', append: false },
      describe: (o) => memory.describe(o),
      query: (q, o) => memory.query(q, o),
      sample: (t, o) => memory.sample(t, o),
      sql: async (text, params) => ({
        columns: [{ name: 'x', label: 'x', type: 'integer', role: 'measure' }],
        rows: [{ x: 1 }],
        provenance: { kind: 'sql', sql: text, params: Object.values(params ?? {}) },
      }),
    };
    serve({ adapter: readOnly });
    const api = await HttpAdapter.connect({ baseUrl: BASE });
    assert.equal('append' in api, false);
    const r = await api.sql!('SELECT $N AS x', { N: 1 });
    assert.deepEqual(r.provenance, { kind: 'sql', sql: 'SELECT $N AS x', params: [1] });
    const rows = await post('/tables/orders/rows', { rows: [{ amount: 1 }] });
    assert.equal(rows.status, 501);
  });

  test('a relative base URL matches any origin in Node', async () => {
    serve({ baseUrl: '/api' });
    const res = await fetch('http://elsewhere.test/api/capabilities');
    assert.deepEqual(await res.json(), { sql: false, append: true });
  });
});

describe('mock backend latency', () => {
  test('settings: option, global toggle, request parameter', async () => {
    serve({ latency: { minMs: 150, maxMs: 150 } });
    const time = async (url: string) => {
      const t0 = performance.now();
      await (await fetch(url)).json();
      return performance.now() - t0;
    };
    assert.ok((await time(`${BASE}/capabilities`)) >= 145, 'option applies');
    assert.ok((await time(`${BASE}/capabilities?mockLatency=off`)) < 100, 'request parameter switches it off');
    setMockLatency(false);
    assert.ok((await time(`${BASE}/capabilities`)) < 100, 'global toggle switches it off');
    assert.ok((await time(`${BASE}/capabilities?mockLatency=200`)) >= 195, 'request parameter wins over the toggle');
  });

  test('jitter is deterministic and within the range', () => {
    const range = { minMs: 80, maxMs: 400 };
    const a = seededRandom(7);
    const b = seededRandom(7);
    const delays = Array.from({ length: 50 }, () => pickDelay(range, a));
    assert.deepEqual(
      delays,
      Array.from({ length: 50 }, () => pickDelay(range, b)),
    );
    assert.ok(delays.every((d) => d >= 80 && d <= 400));
    assert.ok(new Set(delays).size > 10);
    assert.deepEqual(parseLatency('100-300'), { minMs: 100, maxMs: 300 });
    assert.equal(parseLatency('off'), false);
    assert.equal(parseLatency('fast'), undefined);
  });

  test('an aborted request stops waiting and never reaches the engine', async () => {
    const memory = new MemoryAdapter(tinyShopModel, tinyShopData());
    let queries = 0;
    const spy: DataAdapter = {
      id: 'spy',
      capabilities: memory.capabilities,
      describe: (o) => memory.describe(o),
      query: (q, o) => {
        queries++;
        return memory.query(q, o);
      },
      sample: (t, o) => memory.sample(t, o),
    };
    serve({ adapter: spy, latency: { minMs: 300, maxMs: 300 } });
    const api = new HttpAdapter({ baseUrl: BASE, capabilities: { sql: false, append: false } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(api.query({ measures: ['orders.revenue'] }, { signal: controller.signal }), { code: 'aborted' });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(queries, 0);
  });
});
