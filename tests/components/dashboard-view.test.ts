import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DashboardDrillDetail } from '../../components/dashboard/dashboard.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { DashboardSpecInput } from '../../src/dashboards/spec.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { memoryAdapter, RecordingAdapter } from './support/adapters.js';
import {
  $,
  $$,
  dashboardSpec,
  filterBar,
  mountDashboard,
  salesDashboard,
  SteeredStore,
  text,
  tierBar,
  tile,
  totalRevenue,
  valuesBy,
  waitForState,
  widget,
  widgetsPainted,
} from './dashboard-support.js';

const REVENUE = 'transactions.revenue';
const TIER = 'customers.loyalty_tier';
const CHANNEL = 'transactions.channel';

const isWidgetQuery = (q: SemanticQueryInput) => (q.measures?.length ?? 0) > 0;
const tierFilterOf = (q: SemanticQueryInput) => JSON.stringify(q.filters ?? []);
const bigNumber = (w: ClvWidget) => w.result?.rows[0]?.[REVENUE];

async function storeWith(...inputs: DashboardSpecInput[]): Promise<MemoryDashboardStore> {
  const store = new MemoryDashboardStore();
  for (const input of inputs) await store.create(dashboardSpec(input));
  return store;
}

/** Chooses these tiers in the filter bar's multi-select and presses Apply, as a viewer does. */
async function chooseTiers(bar: HTMLElement, tiers: string[]): Promise<void> {
  const select = $(bar, 'clv-multi-select')!;
  if ($(select, '[part~=trigger]')!.getAttribute('aria-expanded') !== 'true') $(select, '[part~=trigger]')!.click();
  await waitUntil(() => $$(select, '[role=option]').length === 3, 'tier options listed');
  for (const option of $$(select, '[role=option]')) {
    const want = tiers.includes(text(option));
    if ((option.getAttribute('aria-selected') === 'true') !== want) {
      option.click();
      await (select as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
  }
  await (bar as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  $<HTMLButtonElement>(bar, '[part~=apply-button]')!.click();
}

/** Moves the keyboard selection of a chart to the mark whose announcement names `label`, and presses Enter. */
async function chooseMark(w: ClvWidget, label: string): Promise<void> {
  $(w, '[part~=plot]')!.focus();
  await sendKeys({ press: 'Home' });
  for (let i = 0; i < 6 && !text($(w, '[aria-live]')).includes(label); i++) await sendKeys({ press: 'ArrowRight' });
  expect(text($(w, '[aria-live]'))).to.contain(label);
  await sendKeys({ press: 'Enter' });
}

describe('<clv-dashboard> view', () => {
  beforeEach(() => sessionStorage.clear());

  it('re-runs only the widgets a filter change affects, with the right numbers, aborting their stale queries', async () => {
    let held: Array<() => void> | undefined;
    const adapter: RecordingAdapter = new RecordingAdapter(memoryAdapter(), (call, run) =>
      held && isWidgetQuery(adapter.calls[call - 1]!.query) ? new Promise((resolve) => held!.push(() => resolve(run()))) : run(),
    );
    const store = await storeWith(salesDashboard());
    const { el } = await mountDashboard({ store, adapter, dashboardId: 'sales' });
    await waitForState(el, 'view');
    const [revenue, tiers, channels] = await widgetsPainted(el, 3);
    expect(bigNumber(revenue!)).to.equal(625.5);
    expect(valuesBy(tiers!, TIER, REVENUE)).to.deep.equal({ Bronze: 79.75, Silver: 345.25, Gold: 200.5 });
    expect(tiers!.shadowRoot!.querySelectorAll('.vega g.mark-rect path').length).to.equal(3);
    const channelsResult = channels!.result;
    const widgetCalls = () => adapter.calls.filter((c) => isWidgetQuery(c.query));
    expect(widgetCalls().length).to.equal(3);
    await expect(el).to.be.accessible();

    held = [];
    const bar = filterBar(el);
    await chooseTiers(bar, ['Silver']);
    await waitUntil(() => widgetCalls().length === 5, 'revenue and tiers re-run with Silver');
    const silverCalls = widgetCalls().slice(3);
    expect(silverCalls.every((c) => tierFilterOf(c.query).includes('Silver'))).to.equal(true);
    expect(revenue!.state).to.equal('loading');

    await chooseTiers(bar, ['Gold']);
    await waitUntil(() => widgetCalls().length === 7, 'revenue and tiers re-run with Gold');
    expect(silverCalls.map((c) => c.signal?.aborted)).to.deep.equal([true, true]);
    const goldCalls = widgetCalls().slice(5);
    expect(goldCalls.every((c) => tierFilterOf(c.query).includes('Gold') && !c.signal?.aborted)).to.equal(true);

    const release = held;
    held = undefined;
    release.forEach((go) => go());
    await widgetsPainted(el, 3);
    expect(bigNumber(revenue!)).to.equal(200.5);
    expect(valuesBy(tiers!, TIER, REVENUE)).to.deep.equal({ Gold: 200.5 });
    // The channel donut does not take the tier filter: same element, same result, no query.
    expect(widget(el, 'channels')).to.equal(channels);
    expect(channels!.result).to.equal(channelsResult);
    expect(widgetCalls().length).to.equal(7);
    expect(el.filterState.global).to.deep.equal({ tier: ['Gold'] });
    expect(JSON.parse(sessionStorage.getItem('clv-dashboard:board:filters:sales')!)).to.deep.equal({ global: { tier: ['Gold'] } });
  });

  it('never has more than max-concurrent-queries widget queries in flight, then paints every widget', async () => {
    let inFlight = 0;
    let most = 0;
    const adapter = new RecordingAdapter(memoryAdapter(), async (_call, run) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return await run();
      } finally {
        inFlight--;
      }
    });
    const widgets = Array.from({ length: 6 }, (_, i) => ({
      id: `n${i + 1}`,
      spec: totalRevenue(`Revenue ${i + 1}`),
      layout: { x: (i % 3) * 4, y: Math.floor(i / 3) * 2, w: 4, h: 2 },
    }));
    const store = await storeWith({ version: 1, id: 'six', name: 'Six numbers', widgets });
    const { el } = await mountDashboard({ store, adapter, dashboardId: 'six' });
    await waitForState(el, 'view');
    await waitUntil(() => el.gate.waiting === 2, 'two widgets wait for a slot');
    expect(el.gate.active).to.equal(4);
    const shown = await widgetsPainted(el, 6);
    expect(most).to.equal(4);
    expect(adapter.calls.length).to.equal(6);
    expect(shown.map(bigNumber)).to.deep.equal([625.5, 625.5, 625.5, 625.5, 625.5, 625.5]);
    expect(el.gate.active).to.equal(0);
  });

  it('cross-filters: a click on a tier narrows the widgets that opted in; the chip or the same click clears it', async () => {
    const store = await storeWith(salesDashboard());
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'sales' });
    await waitForState(el, 'view');
    const [revenue, tiers, channels] = await widgetsPainted(el, 3);
    const revenueResult = revenue!.result;
    expect(valuesBy(channels!, CHANNEL, REVENUE)).to.deep.equal({ mobile: 300, web: 185.5, store: 140 });
    expect(channels!.shadowRoot!.querySelectorAll('.vega g.mark-arc path').length).to.equal(3);

    await chooseMark(tiers!, 'Gold');
    await waitUntil(() => channels!.result?.rows.length === 2, 'channels narrowed to Gold');
    await widgetsPainted(el, 3);
    expect(el.filterState.cross).to.deep.equal({ sourceWidgetId: 'tiers', values: { [TIER]: 'Gold' } });
    expect(valuesBy(channels!, CHANNEL, REVENUE)).to.deep.equal({ web: 120.5, store: 80 });
    // Revenue did not opt into cross filters; the source widget is never narrowed by its own click.
    expect(revenue!.result).to.equal(revenueResult);
    expect(tiers!.result?.rows.length).to.equal(3);
    const bar = filterBar(el);
    await (bar as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text($(bar, '[part~=cross-filter]'))).to.contain('Loyalty tier = Gold (from Revenue by loyalty tier)');
    await expect(el).to.be.accessible();

    // The same datum again clears it.
    await chooseMark(tiers!, 'Gold');
    await waitUntil(() => channels!.result?.rows.length === 3, 'channels back to all tiers');
    expect(el.filterState.cross).to.equal(undefined);
    expect($(bar, '[part~=cross-filter]')).to.be.null;

    await chooseMark(tiers!, 'Silver');
    await waitUntil(() => channels!.result?.rows.length === 2 && valuesBy(channels!, CHANNEL, REVENUE).mobile === 300, 'channels narrowed to Silver');
    await (bar as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    $<HTMLButtonElement>(bar, '[part~=cross-filter-clear]')!.click();
    await waitUntil(() => channels!.result?.rows.length === 3, 'chip cleared the cross filter');
    expect(el.filterState.cross).to.equal(undefined);
  });

  it('drill-through: fires a cancelable clv-dashboard-drill, then opens the target with the parameters in its filters', async () => {
    const drillBar = { ...tierBar(), interactions: { click: { kind: 'drill' as const, dashboardId: 'tier-detail', parameters: { TIER: TIER } } } };
    const store = await storeWith(
      { version: 1, id: 'tiers-drill', name: 'Tiers', widgets: [{ id: 'tiers', spec: drillBar, layout: { x: 0, y: 0, w: 6, h: 4 } }] },
      salesDashboard({ id: 'tier-detail', name: 'Tier detail' }),
    );
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'tiers-drill' });
    await waitForState(el, 'view');
    const [tiers] = await widgetsPainted(el, 1);

    const stop = (event: Event) => event.preventDefault();
    el.addEventListener('clv-dashboard-drill', stop, { once: true });
    const prevented = oneEvent(el, 'clv-dashboard-drill');
    await chooseMark(tiers!, 'Gold');
    const first = (await prevented) as CustomEvent<DashboardDrillDetail>;
    expect(first.detail).to.deep.equal({ dashboardId: 'tier-detail', parameters: { TIER: 'Gold' }, from: 'tiers-drill' });
    expect(first.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(el.dashboardId).to.equal('tiers-drill');

    const opened = oneEvent(el, 'clv-dashboard-open');
    await chooseMark(tiers!, 'Gold');
    expect((await opened).detail.dashboardId).to.equal('tier-detail');
    await waitForState(el, 'view');
    expect(el.filterState.global).to.deep.equal({ tier: ['Gold'] });
    const [revenue] = await widgetsPainted(el, 3);
    expect(bigNumber(revenue!)).to.equal(200.5);
  });

  it('Refresh re-runs every widget, and a data change of the provider re-runs the widgets that read the table', async () => {
    const inner = memoryAdapter();
    const store = await storeWith(salesDashboard());
    const { el, provider } = await mountDashboard({ store, adapter: inner, dashboardId: 'sales' });
    await waitForState(el, 'view');
    const [revenue, tiers] = await widgetsPainted(el, 3);
    const before = el.widgets.map((w) => w.result);

    $<HTMLButtonElement>(el, '[data-action=refresh]')!.click();
    await waitUntil(() => el.widgets.every((w, i) => w.result !== before[i] && w.state === 'data'), 'every widget ran again');
    expect(bigNumber(revenue!)).to.equal(625.5);

    await inner.append('transactions', [
      { transaction_id: 't7', customer_id: 'c1', ts: '2024-03-25T10:00:00Z', amount: 100, quantity: 1, channel: 'web', category: 'Books', order_date: '2024-03-25' },
    ]);
    provider.notifyDataChanged(['transactions']);
    await waitUntil(() => bigNumber(revenue!) === 725.5, 'revenue includes the new row');
    await widgetsPainted(el, 3);
    expect(valuesBy(tiers!, TIER, REVENUE)).to.deep.equal({ Bronze: 79.75, Silver: 345.25, Gold: 300.5 });
  });

  it('applies the date range where a widget can take it and notes the filters a widget cannot take', async () => {
    const customersByCountry = {
      version: 2 as const,
      title: 'Customers by country',
      data: { kind: 'semantic' as const, query: { measures: ['customers.count'], dimensions: ['customers.country'] } },
      mark: 'table' as const,
    };
    const store = await storeWith({
      version: 1,
      id: 'january',
      name: 'January',
      filters: { dateRange: { label: 'Purchase date', dimension: 'transactions.ts', default: { kind: 'custom', from: '2024-01-01', to: '2024-01-31' } } },
      widgets: [
        { id: 'revenue', spec: totalRevenue(), layout: { x: 0, y: 0, w: 4, h: 3 } },
        { id: 'countries', spec: customersByCountry, layout: { x: 4, y: 0, w: 8, h: 4 } },
      ],
    });
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'january' });
    await waitForState(el, 'view');
    const [revenue, countries] = await widgetsPainted(el, 2);
    expect(bigNumber(revenue!)).to.equal(165.75);
    expect(valuesBy(countries!, 'customers.country', 'customers.count')).to.deep.equal({ GB: 2, US: 1 });
    expect(tile(el, 'revenue').querySelector('[part~=skipped-note]')).to.equal(null);
    const note = tile(el, 'countries').querySelector('[part~=skipped-note]')!;
    expect(text(note)).to.match(/^Not narrowed by Purchase date \(Purchase date: .+\)$/);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state, then a dashboard that cannot be loaded, with Retry and the way back', async () => {
    const store = new SteeredStore();
    store.hold();
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'gone' });
    expect(el.state).to.equal('loading');
    expect(text($(el, '.dashboard'))).to.contain('Loading dashboard…');
    await expect(el).to.be.accessible();
    store.release();
    await waitForState(el, 'error');
    const error = $(el, '[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('There is no dashboard “gone”. It may have been deleted.');
    await expect(el).to.be.accessible();

    await store.inner.create(dashboardSpec(salesDashboard({ id: 'gone', name: 'Back again' })));
    $<HTMLButtonElement>(el, '[data-action=retry]')!.click();
    await waitForState(el, 'view');
    expect(text($(el, '#dashboard-title'))).to.equal('Back again');
  });
});
