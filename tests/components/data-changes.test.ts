// Data-change notices: <clv-data-provider> passes a scheduler's 'clv-refresh-table-updated' and
// notifyDataChanged() on to its charts, and a chart re-runs only when a table its query reads
// (base table or join path) changed.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/data-provider/define.js';
import type { ClvDataProvider } from '../../components/data-provider/data-provider.js';
import '../../components/query-chart/define.js';
import type { ClvQueryChart } from '../../components/query-chart/query-chart.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { DataChangeDetail } from '../../src/query/data-changes.js';
import { RefreshEventTarget, type RefreshEventMap } from '../../src/refresh/events.js';
import { memoryAdapter, revenueByTier, totalRevenue } from './support/adapters.js';

const customerCount: SemanticQueryInput = { measures: ['customers.count'] };

/** A scheduler stand-in that raises refresh events on demand. */
class FakeScheduler extends RefreshEventTarget {
  tablesUpdated(tables: string[]): void {
    this.emit('clv-refresh-table-updated', { tables } as RefreshEventMap['clv-refresh-table-updated']);
  }
}

async function setup() {
  const adapter = memoryAdapter();
  const provider = await fixture<ClvDataProvider>(html`<clv-data-provider .adapter=${adapter}>
    <clv-query-chart id="revenue" .query=${totalRevenue} mark="big-number"></clv-query-chart>
    <clv-query-chart id="tiers" .query=${revenueByTier} mark="table"></clv-query-chart>
    <clv-query-chart id="customers" .query=${customerCount} mark="big-number"></clv-query-chart>
  </clv-data-provider>`);
  const charts = ['revenue', 'tiers', 'customers'].map((id) => provider.querySelector<ClvQueryChart>(`#${id}`)!);
  await Promise.all(charts.map((c) => c.rendered));
  const runs: Record<string, number> = { revenue: 0, tiers: 0, customers: 0 };
  for (const c of charts) c.addEventListener('clv-query-complete', () => runs[c.id]!++);
  const settled = () => Promise.all(charts.map((c) => c.rendered));
  return { adapter, provider, charts, runs, settled };
}

describe('data-change notices', () => {
  it('re-runs a chart on a change of a table it reads, and not on an unrelated table', async () => {
    const { adapter, provider, charts, runs, settled } = await setup();
    await adapter.append('transactions', [
      { transaction_id: 't7', customer_id: 'c1', ts: '2024-04-01T10:00:00Z', amount: 100, quantity: 1, channel: 'web', category: 'Books', order_date: '2024-04-01' },
    ]);
    provider.notifyDataChanged(['transactions']);
    await settled();
    expect(runs).to.deep.equal({ revenue: 1, tiers: 1, customers: 0 });
    expect(charts[0]!.result!.rows[0]!['transactions.revenue']).to.equal(725.5);

    // customers is on the tier chart's join path; the revenue chart reads transactions only.
    provider.notifyDataChanged(['Customers']);
    await settled();
    expect(runs).to.deep.equal({ revenue: 1, tiers: 2, customers: 1 });

    provider.notifyDataChanged(['dates']);
    await settled();
    expect(runs).to.deep.equal({ revenue: 1, tiers: 2, customers: 1 });
  });

  it('re-runs every chart when no table is named, and raises clv-data-changed', async () => {
    const { provider, runs, settled } = await setup();
    const notices: DataChangeDetail[] = [];
    provider.addEventListener('clv-data-changed', (e) => notices.push(e.detail));
    provider.notifyDataChanged();
    await settled();
    expect(runs).to.deep.equal({ revenue: 1, tiers: 1, customers: 1 });
    expect(notices).to.deep.equal([{ tables: null, version: 1 }]);
  });

  it('passes on the table updates of its scheduler, until the scheduler is replaced', async () => {
    const { provider, runs, settled } = await setup();
    const scheduler = new FakeScheduler();
    provider.scheduler = scheduler;
    await provider.updateComplete;
    scheduler.tablesUpdated(['customers']);
    await settled();
    expect(runs).to.deep.equal({ revenue: 0, tiers: 1, customers: 1 });
    provider.scheduler = undefined;
    await provider.updateComplete;
    scheduler.tablesUpdated(['transactions']);
    await settled();
    expect(runs).to.deep.equal({ revenue: 0, tiers: 1, customers: 1 });
  });

  it('re-runs a chart that missed a change while it was off the page', async () => {
    const { provider, charts, runs, settled } = await setup();
    const revenue = charts[0]!;
    revenue.remove();
    provider.notifyDataChanged(['transactions']);
    provider.append(revenue);
    await settled();
    expect(runs.revenue).to.equal(1);
  });
});
