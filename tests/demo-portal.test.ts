// The demo portal in Chromium, as `npm start` shows it: generated data loaded with progress, the
// CLV overview dashboard seeded and open with every widget drawing data, and the CDNOW dataset
// loaded on demand into a second DuckDB database under its own dashboard.
import { expect } from '@open-wc/testing';
import type { ClvDashboard } from '../components/dashboard/dashboard.js';
import type { ClvDataProvider } from '../components/data-provider/data-provider.js';
import type { ClvWidget } from '../components/widget/widget.js';
import { seedDashboard, demoStore } from '../demo/dashboards.js';
import { GENERATED_DASHBOARD, IMPORTED_DASHBOARD, mountPortal } from '../demo/portal.js';
import { cdnowDashboard, clvOverviewDashboard } from '../src/dashboards/examples.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };
const PREFIX = 'clv-kit-demo-test:';
/** web-test-runner serves the TypeScript source unbundled, so the CLV worker starts from the .ts file. */
const clvWorkerUrl = new URL('/src/clv-worker/clv.worker.ts', location.origin);

/** Each widget as "title: state (rows)", so a failure names the widget and why. */
function outcomes(dashboard: ClvDashboard): string[] {
  return dashboard.widgets.map((w: ClvWidget) => {
    const title = w.effectiveSpec?.title ?? '?';
    return w.state === 'data' ? `${title}: data` : `${title}: ${w.state}${w.error ? ` (${w.error.message})` : ''}`;
  });
}

async function scalar(provider: ClvDataProvider, measure: string): Promise<unknown> {
  const result = await provider.adapter!.query({ measures: [measure] });
  return result.rows[0]![measure];
}

describe('demo portal', () => {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX) || key.startsWith('clv-dashboard:')) storage.removeItem(key);
  }

  it('shows the CLV overview over generated data with every widget drawing data, then CDNOW in a second database', async function () {
    this.timeout(900_000);
    const root = document.createElement('main');
    document.body.append(root);
    const portal = mountPortal(root, { bundle, customers: 2_000, seed: 42, storagePrefix: PREFIX, clvWorkerUrl });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root.querySelectorAll('clv-load-progress').length, 'the load stages show first').to.equal(6);
    expect(root.querySelector('clv-dashboard'), 'no dashboard before the data').to.equal(null);

    expect(await portal.ready).to.equal(true);
    expect([...root.querySelectorAll('clv-load-progress')].map((s) => s.getAttribute('state'))).to.deep.equal(Array(6).fill('done'));
    const overview = root.querySelector<ClvDashboard>(`clv-dashboard#${GENERATED_DASHBOARD}`)!;
    expect(overview.state).to.equal('view');
    expect(overview.dashboard!.spec.id).to.equal(clvOverviewDashboard.id);
    expect(overview.now, 'the day after the synthetic span').to.equal('2025-01-01');
    expect(root.querySelector('#overview')!.getAttribute('aria-busy')).to.equal('false');
    const titles = (clvOverviewDashboard.widgets ?? []).map((w) => w.spec.title);
    expect(titles.length).to.equal(10);
    expect(outcomes(overview)).to.deep.equal(titles.map((t) => `${t}: data`));
    const last90 = overview.widgets[0]!;
    expect(last90.result!.rows[0]!['transactions.revenue'], 'revenue in the last 90 days').to.be.greaterThan(0);
    const topCustomers = overview.widgets.at(-1)!.result!;
    expect(topCustomers.rows.length).to.equal(100);

    // The marketing tables were generated from customer_clv for the audience and email widgets.
    const generated = root.querySelector<ClvDataProvider>('#generated-data')!;
    expect(await scalar(generated, 'customer_clv.customers')).to.equal(2_000);
    expect(await scalar(generated, 'audiences.count')).to.equal(5);
    expect(await scalar(generated, 'email_events.sent')).to.be.greaterThan(0);
    expect(await scalar(generated, 'transactions.customers')).to.equal(2_000);

    // Seeding again never overwrites what is stored.
    const store = demoStore('generated', PREFIX);
    const before = await store.get(clvOverviewDashboard.id);
    expect(await seedDashboard(store, { ...clvOverviewDashboard, name: 'Changed' })).to.equal(true);
    expect(await store.get(clvOverviewDashboard.id)).to.deep.equal(before);

    expect(await portal.loadCdnow()).to.equal(true);
    const sales = root.querySelector<ClvDashboard>(`clv-dashboard#${IMPORTED_DASHBOARD}`)!;
    expect(sales.state).to.equal('view');
    expect(sales.dashboard!.spec.id).to.equal(cdnowDashboard.id);
    expect(sales.now).to.equal('1998-07-01');
    expect(outcomes(sales)).to.deep.equal((cdnowDashboard.widgets ?? []).map((w) => `${w.spec.title}: data`));
    expect(Math.round((sales.widgets[0]!.result!.rows[0]!['transactions.revenue'] as number) * 100), 'CDNOW grand total in cents').to.equal(250_031_563);
    const imported = root.querySelector<ClvDataProvider>('#imported-data')!;
    expect(await scalar(imported, 'transactions.customers')).to.equal(23_570);
    expect(await scalar(imported, 'transactions.count')).to.equal(69_659);
    // The generated data stayed in its own database.
    expect(await scalar(generated, 'transactions.customers')).to.equal(2_000);
    expect(outcomes(overview)).to.deep.equal(titles.map((t) => `${t}: data`));
    root.remove();
  });
});
