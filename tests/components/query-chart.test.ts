import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/data-provider/define.js';
import '../../components/query-chart/define.js';
import type { ClvQueryChart } from '../../components/query-chart/query-chart.js';
import type { ChartClickDetail } from '../../components/shared/events.js';
import { formatNumber } from '../../components/shared/format.js';
import {
  failingAdapter,
  flakyAdapter,
  memoryAdapter,
  monthlyRevenueByChannel,
  noRows,
  pendingAdapter,
  RecordingAdapter,
  revenueByTier,
  TOTAL_REVENUE,
  totalRevenue,
} from './support/adapters.js';

const shadow = (el: ClvQueryChart) => el.shadowRoot!;
const bars = (el: ClvQueryChart) => shadow(el).querySelectorAll('.vega g.mark-rect.role-mark path');
const points = (el: ClvQueryChart) => shadow(el).querySelectorAll('.vega g.mark-symbol.role-mark path');

async function chart(template: ReturnType<typeof html>): Promise<ClvQueryChart> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 640px">${template}</div>`);
  return wrapper.querySelector('clv-query-chart')!;
}

const vegaRequested = () => performance.getEntriesByType('resource').some((e) => /\/node_modules\/vega(-embed|-lite)?\//.test(e.name));

describe('<clv-query-chart>', () => {
  // First in the file: nothing has drawn a vega chart on this page yet.
  describe('lazy loading', () => {
    it('loads vega only when a chart mark is drawn', async () => {
      const number = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${totalRevenue} mark="big-number"></clv-query-chart>`);
      await number.rendered;
      const table = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${revenueByTier} mark="table"></clv-query-chart>`);
      await table.rendered;
      expect(vegaRequested()).to.equal(false);
      const bar = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${revenueByTier} mark="bar"></clv-query-chart>`);
      await bar.rendered;
      expect(vegaRequested()).to.equal(true);
    });
  });

  describe('data', () => {
    it('draws one bar per result row, with a summary and a screen-reader table', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier} mark="bar" label="Revenue by tier"></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('data');
      expect(expected.rows.length).to.equal(3);
      expect(bars(el).length).to.equal(3);
      expect(shadow(el).querySelector('.vega svg')).to.exist;
      const summary = shadow(el).querySelector('[part=summary]')!.textContent!;
      expect(summary).to.contain('Bar chart of Revenue by Loyalty tier: 3 data points');
      // Silver = 45.25 + 300 is the highest, Bronze = 19.75 + 60 the lowest.
      expect(summary).to.contain('Highest Revenue: $345.25 (Silver). Lowest: $79.75 (Bronze).');
      const hiddenRows = shadow(el).querySelectorAll('.visually-hidden table tbody tr');
      expect(hiddenRows.length).to.equal(3);
      expect(hiddenRows[0].textContent).to.contain('Silver').and.to.contain('$345.25');
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('draws lines with one point per row, coloured by the second dimension', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(monthlyRevenueByChannel);
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${monthlyRevenueByChannel} mark="line"></clv-query-chart>`);
      await el.rendered;
      expect(points(el).length).to.equal(expected.rows.length);
      const lines = shadow(el).querySelectorAll('.vega g.mark-line path');
      expect(lines.length).to.equal(new Set(expected.rows.map((r) => r['transactions.channel'])).size);
      const legend = [...shadow(el).querySelectorAll('.vega .role-legend-label text')].map((t) => t.textContent);
      expect(legend).to.have.members(['web', 'store', 'mobile']);
      await expect(el).to.be.accessible();
    });

    it('draws area and point charts', async () => {
      const adapter = memoryAdapter();
      const area = await chart(html`<clv-query-chart .adapter=${adapter} .query=${monthlyRevenueByChannel} mark="area"></clv-query-chart>`);
      await area.rendered;
      expect(shadow(area).querySelectorAll('.vega g.mark-area path').length).to.be.greaterThan(0);
      const scatter = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier} mark="point"></clv-query-chart>`);
      await scatter.rendered;
      expect(points(scatter).length).to.equal(3);
    });

    it('shows the formatted total as a big number, without loading vega', async () => {
      const el = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${totalRevenue} mark="big-number"></clv-query-chart>`);
      await el.rendered;
      expect(TOTAL_REVENUE).to.equal(625.5);
      expect(shadow(el).querySelector('[part=value]')!.textContent).to.equal('$625.50');
      expect(shadow(el).querySelector('[part=caption]')!.textContent).to.equal('Revenue');
      expect(shadow(el).querySelector('.vega')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows a table with formatted values and month buckets', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(monthlyRevenueByChannel);
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${monthlyRevenueByChannel} mark="table" label="Monthly revenue"></clv-query-chart>`);
      await el.rendered;
      const rows = shadow(el).querySelectorAll('[part=table] tbody tr');
      expect(rows.length).to.equal(expected.rows.length);
      const headers = [...shadow(el).querySelectorAll('[part=table] th')].map((th) => th.textContent);
      expect(headers).to.deep.equal(expected.columns.map((c) => c.label));
      const firstCells = [...rows[0].querySelectorAll('td')].map((td) => td.textContent);
      expect(firstCells).to.include('Jan 2024');
      expect(firstCells.some((t) => /^\$\d/.test(t!))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('draws with the design tokens of the page', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 500px; --clv-color-accent: #6a3d9a; --clv-color-category-1: #117733">
        <clv-query-chart id="one" .adapter=${memoryAdapter()} .query=${revenueByTier}></clv-query-chart>
        <clv-query-chart id="many" .adapter=${memoryAdapter()} .query=${monthlyRevenueByChannel}></clv-query-chart>
      </div>`);
      const one = wrapper.querySelector<ClvQueryChart>('#one')!;
      const many = wrapper.querySelector<ClvQueryChart>('#many')!;
      await Promise.all([one.rendered, many.rendered]);
      expect([...bars(one)].map((b) => b.getAttribute('fill'))).to.deep.equal(['#6a3d9a', '#6a3d9a', '#6a3d9a']);
      expect([...bars(many)].map((b) => b.getAttribute('fill'))).to.include('#117733');
    });

    it('follows the width of its container', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="width: 600px"><clv-query-chart .adapter=${memoryAdapter()} .query=${revenueByTier}></clv-query-chart></div>`,
      );
      const el = wrapper.querySelector('clv-query-chart')!;
      await el.rendered;
      const svg = () => shadow(el).querySelector('.vega svg')!;
      expect(Number(svg().getAttribute('width'))).to.be.within(590, 600);
      wrapper.style.width = '400px';
      await waitUntil(() => Math.abs(Number(svg().getAttribute('width')) - 400) <= 10, 'chart did not shrink', { timeout: 5000 });
    });
  });

  describe('loading', () => {
    it('shows a skeleton the height of the chart and is busy', async () => {
      const adapter = pendingAdapter();
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier} height="240"></clv-query-chart>`);
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      const skeleton = shadow(el).querySelector<HTMLElement>('[part=skeleton]')!;
      expect(skeleton.getBoundingClientRect().height).to.equal(240);
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
    });

    it('aborts the running query when the query changes and when the element is removed', async () => {
      const adapter = pendingAdapter();
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier}></clv-query-chart>`);
      await el.updateComplete;
      expect(adapter.calls.length).to.equal(1);
      el.query = { ...revenueByTier };
      await el.updateComplete;
      expect(adapter.calls.length).to.equal(2);
      expect(adapter.calls[0].signal!.aborted).to.equal(true);
      expect(adapter.calls[1].signal!.aborted).to.equal(false);
      const parent = el.parentElement!;
      el.remove();
      expect(adapter.calls[1].signal!.aborted).to.equal(true);
      parent.append(el);
      await el.updateComplete;
      expect(adapter.calls.length).to.equal(3);
      expect(el.state).to.equal('loading');
    });
  });

  describe('empty', () => {
    it('says the query returned no rows', async () => {
      const el = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${noRows}></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('empty');
      expect(shadow(el).querySelector('[part=empty]')!.textContent!.trim()).to.equal('The query ran and returned no rows.');
      await expect(el).to.be.accessible();
    });
  });

  describe('error', () => {
    it('shows the adapter error message and code', async () => {
      const errors: string[] = [];
      const el = await chart(html`<clv-query-chart .adapter=${failingAdapter()} .query=${revenueByTier} @clv-query-error=${(e: CustomEvent) => errors.push(e.detail.code)}></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('error');
      expect(shadow(el).querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
      expect(shadow(el).querySelector('[part=error-message]')!.textContent).to.equal('The warehouse is offline. Try again in a minute.');
      expect(shadow(el).querySelector('[part=error-code]')!.textContent).to.equal('backend');
      expect(errors).to.deep.equal(['backend']);
      await expect(el).to.be.accessible();
    });

    it('re-runs the query from the keyboard with Retry and then shows the data', async () => {
      const adapter = flakyAdapter();
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier}></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('error');
      expect(shadow(el).querySelector('[part=error-code]')!.textContent).to.equal('timeout');
      shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.rendered;
      expect(adapter.calls.length).to.equal(2);
      expect(el.state).to.equal('data');
      expect(bars(el).length).to.equal(3);
    });

    it('reports a field that is not a column of the result, without Retry', async () => {
      const el = await chart(html`<clv-query-chart .adapter=${memoryAdapter()} .query=${revenueByTier} x="customers.country"></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('error');
      expect(shadow(el).querySelector('[part=error-code]')!.textContent).to.equal('invalid_mapping');
      expect(shadow(el).querySelector('[part=error-message]')!.textContent).to.contain('"customers.country" is not a column');
      expect(shadow(el).querySelector('[part=retry-button]')).to.equal(null);
    });
  });

  describe('interaction', () => {
    it('selects marks with the arrow keys and Enter/Space, firing clv-chart-click', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier}></clv-query-chart>`);
      await el.rendered;
      const plot = shadow(el).querySelector<HTMLElement>('[part=plot]')!;
      plot.focus();
      expect(shadow(el).activeElement).to.equal(plot);
      await sendKeys({ press: 'ArrowRight' });
      let clicked = oneEvent(el, 'clv-chart-click');
      await sendKeys({ press: 'Enter' });
      let detail = ((await clicked) as CustomEvent<ChartClickDetail>).detail;
      expect(detail.index).to.equal(0);
      expect(detail.source).to.equal('keyboard');
      expect(detail.datum).to.deep.equal(expected.rows[0]);
      await sendKeys({ press: 'ArrowRight' });
      clicked = oneEvent(el, 'clv-chart-click');
      await sendKeys({ press: 'Space' });
      detail = ((await clicked) as CustomEvent<ChartClickDetail>).detail;
      expect(detail.index).to.equal(1);
      expect(detail.datum).to.deep.equal(expected.rows[1]);
      // The selection is shown in the tooltip and announced.
      await waitUntil(() => !shadow(el).querySelector<HTMLElement>('[part=tooltip]')!.hidden, 'no keyboard tooltip');
      const tooltip = shadow(el).querySelector('[part=tooltip]')!.textContent!;
      expect(tooltip).to.contain(String(expected.rows[1]['customers.loyalty_tier']));
      expect(shadow(el).querySelector('[aria-live]')!.textContent).to.contain('2 of 3');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadow(el).querySelector<HTMLElement>('[part=tooltip]')!.hidden).to.equal(true);
    });

    it('fires clv-chart-click with the datum of a clicked bar and shows a tooltip on hover', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const el = await chart(html`<clv-query-chart .adapter=${adapter} .query=${revenueByTier}></clv-query-chart>`);
      await el.rendered;
      const bar = bars(el)[2] as SVGPathElement;
      const box = bar.getBoundingClientRect();
      const position: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
      await sendMouse({ type: 'move', position });
      await waitUntil(() => !shadow(el).querySelector<HTMLElement>('[part=tooltip]')!.hidden, 'no hover tooltip');
      const tooltip = shadow(el).querySelector('[part=tooltip]')!.textContent!;
      expect(tooltip).to.contain(String(expected.rows[2]['customers.loyalty_tier']));
      expect(tooltip).to.contain(formatNumber(expected.rows[2]['transactions.revenue'] as number, '$,.2f'));
      // The tooltip lives in the shadow root, not in the document.
      expect(document.querySelector('.vg-tooltip')).to.equal(null);
      const clicked = oneEvent(el, 'clv-chart-click');
      await sendMouse({ type: 'click', position });
      const detail = ((await clicked) as CustomEvent<ChartClickDetail>).detail;
      expect(detail.source).to.equal('pointer');
      expect(detail.index).to.equal(2);
      expect(detail.datum).to.deep.equal(expected.rows[2]);
      await sendMouse({ type: 'move', position: [0, 0] });
    });
  });

  describe('adapter context', () => {
    it('queries through the adapter of the nearest <clv-data-provider>', async () => {
      const adapter = new RecordingAdapter(memoryAdapter());
      const wrapper = await fixture<HTMLElement>(html`<clv-data-provider .adapter=${adapter}>
        <div style="width: 500px"><clv-query-chart .query=${totalRevenue} mark="big-number"></clv-query-chart></div>
      </clv-data-provider>`);
      const el = wrapper.querySelector('clv-query-chart')!;
      await el.rendered;
      expect(adapter.calls.length).to.equal(1);
      expect(el.activeAdapter).to.equal(adapter);
      expect(shadow(el).querySelector('[part=value]')!.textContent).to.equal('$625.50');
    });

    it('waits, and says so, without an adapter', async () => {
      const el = await chart(html`<clv-query-chart .query=${totalRevenue}></clv-query-chart>`);
      await el.rendered;
      expect(el.state).to.equal('idle');
      expect(shadow(el).querySelector('[part=message]')!.textContent).to.contain('No data adapter');
    });
  });
});
