import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/data-provider/define.js';
import type { ClvDataProvider } from '../../components/data-provider/data-provider.js';
import '../../components/query-chart/define.js';
import type { ClvQueryChart } from '../../components/query-chart/query-chart.js';
import { failingAdapter, flakyAdapter, memoryAdapter, pendingAdapter, RecordingAdapter, revenueByTier, totalRevenue } from './support/adapters.js';

async function provided(adapter: ClvDataProvider['adapter']) {
  const provider = await fixture<ClvDataProvider>(html`<clv-data-provider .adapter=${adapter}>
    <section style="width: 600px">
      <clv-query-chart id="total" .query=${totalRevenue} mark="big-number" label="Revenue"></clv-query-chart>
      <clv-query-chart id="tiers" .query=${revenueByTier} mark="bar" label="Revenue by tier"></clv-query-chart>
    </section>
  </clv-data-provider>`);
  const total = provider.querySelector<ClvQueryChart>('#total')!;
  const tiers = provider.querySelector<ClvQueryChart>('#tiers')!;
  return { provider, total, tiers };
}

describe('<clv-data-provider>', () => {
  it('hands its adapter to every chart inside it (data)', async () => {
    const adapter = new RecordingAdapter(memoryAdapter());
    const { provider, total, tiers } = await provided(adapter);
    await Promise.all([total.rendered, tiers.rendered]);
    expect(adapter.calls.length).to.equal(2);
    expect(total.shadowRoot!.querySelector('[part=value]')!.textContent).to.equal('$625.50');
    expect(tiers.shadowRoot!.querySelectorAll('.vega g.mark-rect.role-mark path').length).to.equal(3);
    await expect(provider).to.be.accessible();
  });

  it('re-runs the charts when the adapter is replaced, and a chart’s own adapter wins', async () => {
    const first = new RecordingAdapter(memoryAdapter());
    const { provider, total, tiers } = await provided(first);
    const own = new RecordingAdapter(memoryAdapter());
    tiers.adapter = own;
    await Promise.all([total.rendered, tiers.rendered]);
    const second = new RecordingAdapter(memoryAdapter());
    provider.adapter = second;
    await provider.updateComplete;
    await Promise.all([total.rendered, tiers.rendered]);
    expect(total.activeAdapter).to.equal(second);
    expect(tiers.activeAdapter).to.equal(own);
    expect(second.calls.map((c) => c.query)).to.deep.equal([totalRevenue]);
  });

  it('shows its charts loading while the adapter works (loading)', async () => {
    const { provider, total, tiers } = await provided(pendingAdapter());
    await Promise.all([total.updateComplete, tiers.updateComplete]);
    expect(total.state).to.equal('loading');
    expect(tiers.state).to.equal('loading');
    await expect(provider).to.be.accessible();
  });

  it('leaves its charts idle without an adapter, and starts them when one is set (empty)', async () => {
    const { provider, total } = await provided(undefined);
    await total.rendered;
    expect(total.state).to.equal('idle');
    provider.adapter = memoryAdapter();
    await provider.updateComplete;
    await total.rendered;
    expect(total.state).to.equal('data');
    provider.adapter = undefined;
    await provider.updateComplete;
    await total.rendered;
    expect(total.state).to.equal('idle');
  });

  it('passes adapter errors to its charts, and Retry works from the keyboard (error)', async () => {
    const { provider, tiers } = await provided(failingAdapter('not_found', 'There is no table "transactions".'));
    await tiers.rendered;
    expect(tiers.state).to.equal('error');
    expect(tiers.shadowRoot!.querySelector('[part=error-code]')!.textContent).to.equal('not_found');
    await expect(provider).to.be.accessible();

    const flaky = flakyAdapter();
    provider.adapter = flaky;
    await provider.updateComplete;
    await tiers.rendered;
    tiers.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')?.focus();
    // The flaky adapter fails the first of its calls (whichever chart made it); retry until both show data.
    for (const chart of provider.querySelectorAll('clv-query-chart')) {
      await chart.rendered;
      if (chart.state === 'error') {
        chart.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.focus();
        await sendKeys({ press: 'Space' });
        await chart.rendered;
      }
      expect(chart.state).to.equal('data');
    }
    expect(flaky.calls.length).to.equal(3);
  });
});
