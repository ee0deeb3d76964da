// The demo backend (CLV model + synthetic data) behind the MSW worker, in Chromium: what Storybook
// and the demo page get. Checks realistic latency by default, the global toggle, and that answers
// over HTTP equal the engine's own.
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { HttpAdapter } from '../src/engines/http/index.js';
import { startMockWorker } from '../mocks/browser.js';
import { createDemoBackend, type DemoBackend } from '../mocks/demo-backend.js';
import { setMockLatency } from '../mocks/latency.js';

describe('demo mock backend', () => {
  let worker: SetupWorker;
  let backend: DemoBackend;
  let api: HttpAdapter;

  before(async () => {
    const t0 = performance.now();
    backend = createDemoBackend();
    const built = performance.now() - t0;
    worker = await startMockWorker(backend.handlers);
    setMockLatency(false);
    api = await HttpAdapter.connect({ baseUrl: '/api' });
    console.log(`mock-backend: demo data (2,000 customers) built in ${built.toFixed(0)} ms`);
  });

  afterEach(() => setMockLatency(false));
  after(() => {
    setMockLatency(undefined);
    worker.stop();
  });

  it('serves the CLV model with row counts', async () => {
    const model = await api.describe();
    const counts = Object.fromEntries(model.tables.map((t) => [t.name, t.rowCount]));
    expect(counts.customers).to.equal(2000);
    expect(counts.dates).to.equal(731);
    expect(counts.transactions).to.be.greaterThan(2000);
  });

  it('answers queries exactly as the engine does', async () => {
    const query = {
      measures: ['transactions.revenue', 'transactions.customers'],
      dimensions: ['customers.loyalty_tier'],
      timeDimensions: [{ dimension: 'transactions.ts', granularity: 'quarter' as const, dateRange: ['2024-01-01', '2024-12-31'] as [string, string] }],
      total: true,
    };
    const t0 = performance.now();
    const viaHttp = await api.query(query);
    const elapsed = performance.now() - t0;
    const direct = await backend.adapter.query(query);
    expect(viaHttp.rows).to.deep.equal(direct.rows);
    expect(viaHttp.columns).to.deep.equal(direct.columns);
    expect(viaHttp.total).to.equal(direct.total);
    expect(viaHttp.rows.length).to.be.greaterThan(4);
    console.log(`mock-backend: ${viaHttp.rows.length}-row query over HTTP in ${elapsed.toFixed(0)} ms (latency off)`);
  });

  it('adds 80–400 ms of latency by default', async () => {
    setMockLatency(undefined);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await api.sample('customers', { limit: 5 });
      times.push(performance.now() - t0);
    }
    expect(Math.min(...times)).to.be.at.least(75);
    expect(Math.max(...times)).to.be.below(1000);
    expect(new Set(times.map(Math.round)).size).to.be.greaterThan(1);
    console.log(`mock-backend: default latency samples ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  });

  it('the global toggle switches latency off at runtime', async () => {
    setMockLatency(false);
    const t0 = performance.now();
    await api.sample('customers', { limit: 5 });
    expect(performance.now() - t0).to.be.below(75);
  });
});
