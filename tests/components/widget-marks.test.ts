// <clv-widget> beyond the basic marks: areas (reached through transparent points), stacks, ticks,
// binned histograms (marks that aggregate rows), canvas drawing, clickable table rows, v1 specs.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/widget/define.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { WidgetClickDetail } from '../../components/widget/widget-click.js';
import type { WidgetSpecInput } from '../../src/widgets/spec.js';
import { memoryAdapter, monthlyRevenueByChannel, revenueByTier } from './support/adapters.js';

const shadow = (el: ClvWidget) => el.shadowRoot!;
const marks = (el: ClvWidget, type: string) => shadow(el).querySelectorAll(`.vega g.mark-${type}.role-mark path`);
const live = (el: ClvWidget) => shadow(el).querySelector('[aria-live]')!.textContent!;

async function widget(spec: unknown, renderer: 'svg' | 'canvas' = 'svg'): Promise<ClvWidget> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 600px"><clv-widget .adapter=${memoryAdapter()} .spec=${spec} renderer=${renderer}></clv-widget></div>`);
  const el = wrapper.querySelector('clv-widget')!;
  await el.rendered;
  return el;
}

async function keyboardClick(el: ClvWidget, keys: string[]): Promise<WidgetClickDetail> {
  shadow(el).querySelector<HTMLElement>('[part=plot]')!.focus();
  for (const press of keys) await sendKeys({ press });
  const clicked = oneEvent(el, 'clv-widget-click');
  await sendKeys({ press: 'Enter' });
  return ((await clicked) as CustomEvent<WidgetClickDetail>).detail;
}

const byMonthAndChannel = (mark: 'area' | 'stacked-bar'): WidgetSpecInput => ({
  version: 2,
  title: 'Revenue by month and channel',
  data: { kind: 'semantic', query: monthlyRevenueByChannel },
  mark,
  encodings: {
    x: { field: 'transactions.ts.month', type: 'temporal' },
    y: { field: 'transactions.revenue', type: 'quantitative' },
    color: { field: 'transactions.channel', type: 'nominal' },
  },
  interactions: { click: { kind: 'filter' } },
});

describe('<clv-widget> marks', () => {
  it('reaches every row of a stacked area through its points, from the keyboard', async () => {
    const expected = await memoryAdapter().query(monthlyRevenueByChannel);
    const el = await widget(byMonthAndChannel('area'));
    expect(marks(el, 'area').length).to.equal(3);
    expect(marks(el, 'symbol').length).to.equal(expected.rows.length);
    const detail = await keyboardClick(el, ['ArrowRight', 'End']);
    const last = expected.rows.length - 1;
    expect(detail.index).to.equal(last);
    expect(detail.datum).to.deep.equal(expected.rows[last]);
    expect(detail.filter).to.deep.equal({
      'transactions.ts.month': expected.rows[last]!['transactions.ts.month'],
      'transactions.channel': expected.rows[last]!['transactions.channel'],
    });
    expect(live(el)).to.match(new RegExp(`^${expected.rows.length} of ${expected.rows.length}: `));
    await expect(el).to.be.accessible();
  });

  it('stacks bars and draws ticks, one mark per row', async () => {
    const expected = await memoryAdapter().query(monthlyRevenueByChannel);
    const stacked = await widget(byMonthAndChannel('stacked-bar'));
    expect(marks(stacked, 'rect').length).to.equal(expected.rows.length);
    const ticks = await widget({ ...byMonthAndChannel('stacked-bar'), mark: 'tick', encodings: { x: { field: 'transactions.channel', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } } });
    expect(marks(ticks, 'rect').length).to.equal(expected.rows.length);
    expect(shadow(ticks).querySelector('[part=summary]')!.textContent).to.contain(`Strip plot of Revenue by Channel: ${expected.rows.length} data points`);
  });

  it('gives the aggregate of a binned bar when it is chosen', async () => {
    const spec: WidgetSpecInput = {
      version: 2,
      title: 'Transactions by amount',
      data: { kind: 'semantic', query: { dimensions: ['transactions.transaction_id', 'transactions.amount'] } },
      mark: 'bar',
      encodings: {
        x: { field: 'transactions.amount', type: 'quantitative', bin: { maxbins: 4 } },
        y: { field: 'transactions.transaction_id', type: 'quantitative', aggregate: 'count', title: 'Transactions' },
      },
    };
    const el = await widget(spec);
    const bars = marks(el, 'rect');
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.equal('Bar chart of Transactions (count) by Amount (binned), from 6 rows.');
    const detail = await keyboardClick(el, ['ArrowRight']);
    expect(detail.index).to.equal(0);
    // The bar counts rows of the result: its datum is vega's aggregate, not a result row.
    // The bar counts rows of the result: its datum is vega's aggregate (amounts 0–100: 80, 45.25, 19.75, 60), not a row.
    const values = Object.entries(detail.datum);
    expect(values.find(([k]) => k.endsWith('count'))?.[1]).to.equal(4);
    expect(values.filter(([k]) => k.includes('transactions.amount')).map(([, v]) => v)).to.have.members([0, 100]);
    expect(detail.datum).to.not.have.property('transactions.transaction_id');
    expect(live(el)).to.match(/^1 of 3: /);
    expect(bars.length).to.equal(3);
  });

  it('draws on canvas and still moves between marks', async () => {
    const spec: WidgetSpecInput = {
      version: 2,
      title: 'Revenue by tier',
      data: { kind: 'semantic', query: revenueByTier },
      mark: 'point',
      encodings: { x: { field: 'customers.loyalty_tier', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
    };
    const el = await widget(spec, 'canvas');
    expect(shadow(el).querySelector('.vega canvas')).to.exist;
    expect(shadow(el).querySelector('.vega svg')).to.equal(null);
    const detail = await keyboardClick(el, ['ArrowRight', 'ArrowRight']);
    expect(detail.datum['customers.loyalty_tier']).to.equal('Gold');
    expect(shadow(el).querySelector<HTMLElement>('[part=tooltip]')!.textContent).to.contain('$200.50');
  });

  it('fires clv-widget-click from a table row, with the drill parameters', async () => {
    const spec: WidgetSpecInput = {
      version: 2,
      title: 'Revenue by tier',
      data: { kind: 'semantic', query: revenueByTier },
      mark: 'table',
      interactions: { click: { kind: 'drill', dashboardId: 'tier', parameters: { tier: 'customers.loyalty_tier' } } },
    };
    const el = await widget(spec);
    const rows = shadow(el).querySelectorAll<HTMLElement>('[part=table] tbody tr');
    rows[1]!.focus();
    const clicked = oneEvent(el, 'clv-widget-click');
    await sendKeys({ press: 'Space' });
    const detail = ((await clicked) as CustomEvent<WidgetClickDetail>).detail;
    expect(detail).to.deep.include({ index: 1, source: 'keyboard', drill: { dashboardId: 'tier', parameters: { tier: 'Gold' } } });
    const pointer = oneEvent(el, 'clv-widget-click');
    rows[2]!.click();
    expect(((await pointer) as CustomEvent<WidgetClickDetail>).detail.datum['customers.loyalty_tier']).to.equal('Bronze');
    await expect(el).to.be.accessible();
  });

  it('upgrades a version 1 spec', async () => {
    const el = await widget({ title: 'Revenue share', query: revenueByTier, chart: 'pie', x: 'customers.loyalty_tier', y: 'transactions.revenue' });
    expect(el.effectiveSpec!.mark).to.equal('donut');
    expect(marks(el, 'arc').length).to.equal(3);
  });
});
