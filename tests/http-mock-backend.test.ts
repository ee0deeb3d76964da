// HttpAdapter → MSW service worker → MemoryAdapter, in Chromium: the REST contract end to end with
// real values, errors with code and field, and cancellation.
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { AdapterError } from '../src/contracts/errors.js';
import { HttpAdapter } from '../src/engines/http/index.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { createMockHandlers } from '../mocks/index.js';
import { startMockWorker } from '../mocks/browser.js';
import { tinyShopData, tinyShopModel } from '../mocks/tiny-shop.js';

async function rejection(p: Promise<unknown>): Promise<AdapterError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(AdapterError);
    return e as AdapterError;
  }
  throw new Error('expected a rejection');
}

describe('HttpAdapter over the MSW mock backend', () => {
  let worker: SetupWorker;
  let api: HttpAdapter;

  before(async () => {
    const memory = new MemoryAdapter(tinyShopModel, tinyShopData());
    worker = await startMockWorker(createMockHandlers({ adapter: memory, baseUrl: '/api', latency: false }));
    api = await HttpAdapter.connect({ baseUrl: '/api' });
  });

  after(() => worker.stop());

  it('knows the capabilities up front', () => {
    expect(api.capabilities).to.deep.equal({ sql: false, append: true });
    expect('sql' in api).to.equal(false);
    expect(api.append).to.be.a('function');
  });

  it('describes the model with row counts', async () => {
    const model = await api.describe();
    expect(model.name).to.equal('tiny_shop');
    expect(model.tables.map((t) => [t.name, t.rowCount])).to.deep.equal([
      ['customers', 3],
      ['orders', 3],
    ]);
    expect(model.measures.map((m) => m.name)).to.deep.equal(['revenue', 'order_count']);
  });

  it('runs a query across a lookup', async () => {
    const r = await api.query({ measures: ['orders.revenue'], dimensions: ['customers.country'], order: [['orders.revenue', 'asc']] });
    expect(r.rows).to.deep.equal([
      { 'customers.country': 'FR', 'orders.revenue': 5 },
      { 'customers.country': 'DE', 'orders.revenue': 40 },
    ]);
    expect(r.provenance).to.deep.include({ kind: 'request', method: 'POST', url: '/api/query' });
  });

  it('samples a table with paging', async () => {
    const r = await api.sample('customers', { limit: 2, offset: 1 });
    expect(r.rows).to.deep.equal([
      { id: 'b', country: 'FR' },
      { id: 'c', country: 'DE' },
    ]);
    expect(r.total).to.equal(3);
    expect(r.columns.map((c) => c.name)).to.deep.equal(['id', 'country']);
  });

  it('appends rows that later queries see', async () => {
    expect(await api.append!('orders', [{ customer_id: 'c', amount: 12.25, ordered_on: '2024-03-02' }])).to.deep.equal({ appended: 1 });
    const r = await api.query({ measures: ['orders.revenue', 'orders.order_count'], dimensions: ['customers.country'] });
    expect(r.rows).to.deep.equal([
      { 'customers.country': 'DE', 'orders.revenue': 52.25, 'orders.order_count': 3 },
      { 'customers.country': 'FR', 'orders.revenue': 5, 'orders.order_count': 1 },
    ]);
  });

  it('reports engine errors with code and field', async () => {
    const unknown = await rejection(api.query({ measures: ['orders.profit'] }));
    expect([unknown.code, unknown.field]).to.deep.equal(['invalid_request', 'measures.0']);
    const missing = await rejection(api.sample('returns'));
    expect([missing.code, missing.field]).to.deep.equal(['not_found', 'table']);
  });

  it('cancels a slow request with aborted', async () => {
    worker.use(...createMockHandlers({ adapter: new MemoryAdapter(tinyShopModel, tinyShopData()), baseUrl: '/slow-api', latency: { minMs: 2000, maxMs: 2000 } }));
    try {
      const slowApi = new HttpAdapter({ baseUrl: '/slow-api', capabilities: { sql: false, append: false } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const t0 = performance.now();
      const e = await rejection(slowApi.describe({ signal: controller.signal }));
      expect(e.code).to.equal('aborted');
      expect(performance.now() - t0).to.be.lessThan(1000);
    } finally {
      worker.resetHandlers();
    }
  });
});
