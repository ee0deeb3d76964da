// <clv-widget>: a widget spec rendered from a data adapter (semantic or SQL), or from a snapshot,
// in each of its states, with keyboard use, axe checks, the query gate and cancellation.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/data-provider/define.js';
import type { ClvDataProvider } from '../../components/data-provider/data-provider.js';
import '../../components/widget/define.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { WidgetClickDetail } from '../../components/widget/widget-click.js';
import type { CallOptions, SqlParams } from '../../src/contracts/adapter.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { createQueryGate } from '../../src/query/query-gate.js';
import { createWidgetSnapshot } from '../../src/widgets/snapshot.js';
import { WidgetSpecSchema, type WidgetSpecInput } from '../../src/widgets/spec.js';
import { flakyAdapter, memoryAdapter, monthlyRevenueByChannel, noRows, pendingAdapter, RecordingAdapter, revenueByTier } from './support/adapters.js';

const shadow = (el: ClvWidget) => el.shadowRoot!;
const part = (el: ClvWidget, name: string) => shadow(el).querySelector<HTMLElement>(`[part~=${name}]`);
const text = (el: ClvWidget, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();
const marks = (el: ClvWidget, type: 'rect' | 'symbol' | 'arc' | 'line') => shadow(el).querySelectorAll(`.vega g.mark-${type}.role-mark path`);
const vegaRequested = () => performance.getEntriesByType('resource').some((e) => /\/node_modules\/vega(-embed|-lite)?\//.test(e.name));

async function widget(template: ReturnType<typeof html>, width = 640): Promise<ClvWidget> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: ${width}px">${template}</div>`);
  return wrapper.querySelector('clv-widget')!;
}

const barSpec: WidgetSpecInput = {
  version: 2,
  title: 'Revenue by loyalty tier',
  data: { kind: 'semantic', query: revenueByTier },
  mark: 'bar',
  encodings: {
    x: { field: 'customers.loyalty_tier', type: 'nominal' },
    y: { field: 'transactions.revenue', type: 'quantitative' },
  },
  interactions: { click: { kind: 'filter' } },
};

/** Revenue of the 30 days before 2024-03-25 against the 30 days before those. */
const revenueLast30: WidgetSpecInput = {
  version: 2,
  title: 'Revenue, last 30 days',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', dateRange: 'last 30 days' }] } },
  mark: 'big-number',
  encodings: { y: { field: 'transactions.revenue', type: 'quantitative' } },
  properties: { bigNumber: { comparison: { kind: 'previous-period' } } },
};
const NOW = '2024-03-25';

const transactionsTable: WidgetSpecInput = {
  version: 2,
  title: 'Transactions',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.transaction_id', 'transactions.channel'] } },
  mark: 'table',
  properties: {
    table: {
      columns: [
        { field: 'transactions.transaction_id', title: 'ID', sortable: false },
        { field: 'transactions.channel' },
        { field: 'transactions.revenue', title: 'Amount' },
      ],
      defaultSort: { field: 'transactions.revenue', direction: 'desc' },
      pageSize: 4,
    },
    currency: { code: 'EUR' },
  },
};

/** An adapter with the sql capability that answers from a fixed result and records what it was given. */
class FixedSqlAdapter extends RecordingAdapter {
  override readonly capabilities = { sql: true, sqlDialect: 'duckdb', append: false };
  sqlCalls: Array<{ text: string; params: SqlParams | undefined }> = [];
  constructor(readonly answer: ResultSet) {
    super(memoryAdapter());
  }
  sql(text: string, params?: SqlParams, _options?: CallOptions): Promise<ResultSet> {
    this.sqlCalls.push({ text, params });
    return Promise.resolve(this.answer);
  }
}

/** A recording adapter whose answers wait until release() is called. */
function heldAdapter(): RecordingAdapter & { release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const adapter = new RecordingAdapter(memoryAdapter(), (_call, run) => held.then(run));
  return Object.assign(adapter, { release });
}

describe('<clv-widget>', () => {
  // First in the file: nothing has drawn a vega chart on this page yet.
  it('draws big numbers and tables without loading vega', async () => {
    const number = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${revenueLast30} now=${NOW}></clv-widget>`);
    const table = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${transactionsTable}></clv-widget>`);
    await Promise.all([number.rendered, table.rendered]);
    expect([number.state, table.state]).to.deep.equal(['data', 'data']);
    expect(vegaRequested()).to.equal(false);
    const bar = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${barSpec}></clv-widget>`);
    await bar.rendered;
    expect(vegaRequested()).to.equal(true);
  });

  describe('data', () => {
    it('draws a bar per row with a header, a summary and a screen-reader table', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const spec = { ...barSpec, description: 'All time.' };
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${spec}><button slot="actions">Edit</button></clv-widget>`);
      await el.rendered;
      expect(el.state).to.equal('data');
      expect(marks(el, 'rect').length).to.equal(3);
      expect(shadow(el).querySelectorAll('.vega g.role-mark [role=graphics-symbol]').length).to.equal(3);
      expect(el.view!.data('source_0').length).to.equal(expected.rows.length);
      expect(shadow(el).querySelector('h3[part=title]')!.textContent).to.equal('Revenue by loyalty tier');
      expect(text(el, 'description')).to.equal('All time.');
      expect(shadow(el).querySelector<HTMLSlotElement>('slot[name=actions]')!.assignedElements()[0]!.textContent).to.equal('Edit');
      expect(part(el, 'menu')!.localName).to.equal('clv-widget-menu');
      expect(text(el, 'summary')).to.equal(
        'Bar chart of Revenue by Loyalty tier: 3 data points. Highest Revenue: $345.25 (Silver). Lowest: $79.75 (Bronze).',
      );
      const hidden = shadow(el).querySelectorAll('.visually-hidden table tbody tr');
      expect(hidden.length).to.equal(3);
      expect(el.result).to.deep.equal(expected);
      expect(el.provenance!.kind).to.equal('memory');
      // Okabe–Ito's first colour (the accent token's default) for a single series.
      expect([...marks(el, 'rect')].map((b) => b.getAttribute('fill'))).to.deep.equal(['#0072b2', '#0072b2', '#0072b2']);
      await expect(el).to.be.accessible();
    });

    it('draws a line per colour group with a point per row', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(monthlyRevenueByChannel);
      const spec: WidgetSpecInput = {
        version: 2,
        title: 'Monthly revenue by channel',
        data: { kind: 'semantic', query: monthlyRevenueByChannel },
        mark: 'line',
        encodings: {
          x: { field: 'transactions.ts.month', type: 'temporal' },
          y: { field: 'transactions.revenue', type: 'quantitative' },
          color: { field: 'transactions.channel', type: 'nominal' },
        },
      };
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${spec}></clv-widget>`);
      await el.rendered;
      expect(marks(el, 'symbol').length).to.equal(expected.rows.length);
      expect(marks(el, 'line').length).to.equal(3);
      const legend = [...shadow(el).querySelectorAll('.vega .role-legend-label text')].map((t) => t.textContent);
      expect(legend).to.have.members(['web', 'store', 'mobile']);
      expect(text(el, 'summary')).to.contain('from Jan 2024 to Mar 2024 in 3 groups');
      await expect(el).to.be.accessible();
    });

    it('draws a donut slice per row', async () => {
      const spec: WidgetSpecInput = {
        version: 2,
        title: 'Revenue share by channel',
        data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] } },
        mark: 'donut',
        encodings: {
          theta: { field: 'transactions.revenue', type: 'quantitative' },
          color: { field: 'transactions.channel', type: 'nominal' },
        },
      };
      const el = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${spec}></clv-widget>`);
      await el.rendered;
      expect(marks(el, 'arc').length).to.equal(3);
      // mobile 300, store 80 + 60, web 120.5 + 45.25 + 19.75
      expect(text(el, 'summary')).to.equal('Donut chart of Revenue by Channel: 3 data points. Highest Revenue: $300.00 (mobile). Lowest: $140.00 (store).');
      await expect(el).to.be.accessible();
    });

    it('shows a big number against the previous period, with the change in words', async () => {
      const adapter = new RecordingAdapter(memoryAdapter());
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${revenueLast30} now=${NOW}></clv-widget>`);
      await el.rendered;
      // 2024-02-24…03-24: 300 + 60; the 30 days before, 2024-01-25…02-23: 80 + 19.75.
      expect(text(el, 'value')).to.equal('$360.00');
      expect(adapter.calls.map((c) => c.query.timeDimensions![0]!.dateRange)).to.deep.equal(['last 30 days', ['2024-01-25', '2024-02-23']]);
      expect(el.comparison!.rows[0]!['transactions.revenue']).to.equal(99.75);
      expect(text(el, 'delta')).to.equal('▲ +260.9% up from $99.75 (previous period), an improvement');
      expect(part(el, 'delta')!.classList.contains('delta--good')).to.equal(true);
      expect(shadow(el).querySelector('.delta__arrow')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();

      // Lower is better, and an absolute change in the spec's format.
      el.spec = { ...revenueLast30, properties: { bigNumber: { comparison: { kind: 'previous-period', label: 'Jan–Feb' }, higherIsBetter: false, deltaKind: 'absolute', deltaFormat: '+$,.2f' } } };
      await el.rendered;
      expect(shadow(el).querySelector('.delta__value')!.textContent).to.equal('+$260.25');
      expect(text(el, 'delta')).to.contain('up from $99.75 (Jan–Feb)');
      expect(part(el, 'delta')!.classList.contains('delta--bad')).to.equal(true);

      // A comparison query: all revenue (625.50) against the web channel's (120.50 + 45.25 + 19.75).
      el.spec = {
        ...revenueLast30,
        title: 'Revenue',
        data: { kind: 'semantic', query: { measures: ['transactions.revenue'] } },
        properties: {
          bigNumber: {
            comparison: { kind: 'query', label: 'web', query: { measures: ['transactions.revenue'], filters: [{ member: 'transactions.channel', operator: 'equals', values: ['web'] }] } },
          },
        },
      };
      await el.rendered;
      expect(text(el, 'value')).to.equal('$625.50');
      expect(text(el, 'delta')).to.equal('▲ +237.2% up from $185.50 (web), an improvement');
      // The caption repeats no title.
      expect(shadow(el).querySelector('.big-number__label')).to.equal(null);
    });

    it('sorts the table by a header button and pages through it', async () => {
      const el = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${transactionsTable}></clv-widget>`);
      await el.rendered;
      const ids = () => [...shadow(el).querySelectorAll('[part=table] tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
      const headers = () => [...shadow(el).querySelectorAll<HTMLElement>('[part=table] th')];
      expect(headers().map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim())).to.deep.equal(['ID', 'Channel', 'Amount']);
      // defaultSort: amount descending (300, 120.5, 80, 60 | 45.25, 19.75), in euros.
      expect(ids()).to.deep.equal(['t4', 't1', 't2', 't6']);
      expect(headers()[2]!.getAttribute('aria-sort')).to.equal('descending');
      expect(shadow(el).querySelector('[part=table] tbody td:last-child')!.textContent).to.equal('€300.00');
      expect(text(el, 'pager')).to.contain('Rows 1–4 of 6');
      expect(headers()[0]!.querySelector('button')).to.equal(null);

      const [previous, next] = shadow(el).querySelectorAll<HTMLButtonElement>('[part=page-button]');
      expect(previous!.disabled).to.equal(true);
      next!.click();
      await el.updateComplete;
      expect(ids()).to.deep.equal(['t3', 't5']);
      expect(text(el, 'pager')).to.contain('Rows 5–6 of 6');
      expect(next!.disabled).to.equal(true);

      // Sorting by channel (from the keyboard) goes back to the first page; ties keep the query's order.
      headers()[1]!.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(headers()[1]!.getAttribute('aria-sort')).to.equal('ascending');
      expect(headers()[2]!.hasAttribute('aria-sort')).to.equal(false);
      expect(ids()).to.deep.equal(['t4', 't2', 't6', 't1']);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(headers()[1]!.getAttribute('aria-sort')).to.equal('descending');
      expect(ids()).to.deep.equal(['t1', 't3', 't5', 't2']);
      await expect(el).to.be.accessible();
    });

    it('runs SQL with its parameters bound, on an adapter with SQL', async () => {
      const answer: ResultSet = {
        columns: [
          { name: 'channel', label: 'channel', type: 'string', role: 'dimension' },
          { name: 'revenue', label: 'revenue', type: 'number', role: 'measure' },
        ],
        rows: [
          { channel: 'web', revenue: 185.5 },
          { channel: 'store', revenue: 140 },
        ],
        provenance: { kind: 'sql', sql: 'SELECT channel, sum(amount) AS revenue FROM transactions WHERE channel <> ? GROUP BY channel', params: ['mobile'] },
      };
      const adapter = new FixedSqlAdapter(answer);
      const sql = 'SELECT channel, sum(amount) AS revenue FROM transactions WHERE channel <> $EXCLUDED GROUP BY channel';
      const hostile = "mobile'; DROP TABLE transactions; --";
      const spec: WidgetSpecInput = {
        version: 2,
        title: 'Revenue by channel (SQL)',
        data: { kind: 'sql', sql, params: { EXCLUDED: hostile } },
        mark: 'bar',
        encodings: { x: { field: 'channel', type: 'nominal' }, y: { field: 'revenue', type: 'quantitative', format: '$,.0f' } },
      };
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${spec}></clv-widget>`);
      await el.rendered;
      expect(adapter.sqlCalls).to.deep.equal([{ text: sql, params: { EXCLUDED: hostile } }]);
      expect(adapter.calls.length).to.equal(0);
      expect(marks(el, 'rect').length).to.equal(2);
      expect(el.provenance).to.deep.equal(answer.provenance);
      expect(text(el, 'summary')).to.equal('Bar chart of revenue by channel: 2 data points. Highest revenue: $186 (web). Lowest: $140 (store).');

      // Without the sql capability the widget says so instead of querying.
      const plain = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${spec}></clv-widget>`);
      await plain.rendered;
      expect(plain.state).to.equal('error');
      expect(text(plain, 'error-code')).to.equal('unsupported');
      expect(text(plain, 'error-message')).to.contain('has no SQL');
    });

    it('fills a tile of definite height and follows its width', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="width: 500px"><clv-widget style="height: 420px" .adapter=${memoryAdapter()} .spec=${barSpec}></clv-widget></div>`,
      );
      const el = wrapper.querySelector('clv-widget')!;
      await el.rendered;
      const svg = () => shadow(el).querySelector('.vega svg')!;
      const plot = part(el, 'plot')!;
      expect(plot.getBoundingClientRect().bottom).to.be.closeTo(el.getBoundingClientRect().bottom, 80);
      expect(Number(svg().getAttribute('height'))).to.be.closeTo(plot.clientHeight, 2);
      expect(Number(svg().getAttribute('height'))).to.be.greaterThan(300);
      wrapper.style.width = '360px';
      el.style.height = '260px';
      await waitUntil(() => Math.abs(Number(svg().getAttribute('width')) - 360) <= 4, 'chart did not narrow', { timeout: 5000 });
      await waitUntil(() => Math.abs(Number(svg().getAttribute('height')) - plot.clientHeight) <= 2 && plot.clientHeight < 260, 'chart did not shorten', {
        timeout: 5000,
      });
    });
  });

  describe('loading', () => {
    it('shows a skeleton as tall as the plot and is busy', async () => {
      const el = await widget(html`<clv-widget .adapter=${pendingAdapter()} .spec=${barSpec} height="240"></clv-widget>`);
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(part(el, 'skeleton')!.getBoundingClientRect().height).to.equal(240);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('[role=status]')!.textContent).to.equal('Loading Revenue by loyalty tier…');
      await expect(el).to.be.accessible();
    });

    it('aborts the running query when the spec changes', async () => {
      const adapter = pendingAdapter();
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${barSpec}></clv-widget>`);
      await el.updateComplete;
      expect(adapter.calls.length).to.equal(1);
      el.spec = { ...barSpec, title: 'Changed' };
      await el.updateComplete;
      expect(adapter.calls.length).to.equal(2);
      expect(adapter.calls[0]!.signal!.aborted).to.equal(true);
      expect(adapter.calls[1]!.signal!.aborted).to.equal(false);
      el.remove();
      expect(adapter.calls[1]!.signal!.aborted).to.equal(true);
    });

    it('waits for the gate: a second widget queries once the first is done, and a queued query whose spec changed never starts', async () => {
      const gate = createQueryGate(1);
      const first = heldAdapter();
      const second = new RecordingAdapter(memoryAdapter());
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 500px">
        <clv-widget id="a" .gate=${gate} .adapter=${first} .spec=${barSpec}></clv-widget>
        <clv-widget id="b" .gate=${gate} .adapter=${second} .spec=${transactionsTable}></clv-widget>
      </div>`);
      const [a, b] = ['a', 'b'].map((id) => wrapper.querySelector<ClvWidget>(`#${id}`)!);
      await b.updateComplete;
      expect(first.calls.length).to.equal(1);
      expect(second.calls.length).to.equal(0);
      expect([gate.active, gate.waiting]).to.deep.equal([1, 1]);
      expect(b.state).to.equal('loading');
      b.spec = { ...transactionsTable, title: 'Transactions, again' };
      await b.updateComplete;
      // The first run of b left the queue; its second run waits in its place.
      expect([gate.active, gate.waiting]).to.deep.equal([1, 1]);
      expect(second.calls.length).to.equal(0);
      first.release();
      await Promise.all([a.rendered, b.rendered]);
      expect(second.calls.length).to.equal(1);
      expect([gate.active, gate.waiting]).to.deep.equal([0, 0]);
      expect(b.state).to.equal('data');
      expect(text(b, 'title')).to.equal('Transactions, again');
    });
  });

  describe('empty', () => {
    it('says the query returned no rows', async () => {
      const el = await widget(html`<clv-widget .adapter=${memoryAdapter()} .spec=${{ ...barSpec, data: { kind: 'semantic', query: noRows } , encodings: { x: { field: 'transactions.channel', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } } }}></clv-widget>`);
      await el.rendered;
      expect(el.state).to.equal('empty');
      expect(text(el, 'empty')).to.equal('The query ran and returned no rows.');
      await expect(el).to.be.accessible();
    });
  });

  describe('error', () => {
    it('shows the error with its code, and Retry from the keyboard shows the data; other widgets keep working', async () => {
      const adapter = flakyAdapter();
      const errors: string[] = [];
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 500px">
        <clv-widget id="flaky" .adapter=${adapter} .spec=${barSpec} @clv-query-error=${(e: CustomEvent) => errors.push(e.detail.code)}></clv-widget>
        <clv-widget id="fine" .adapter=${memoryAdapter()} .spec=${transactionsTable}></clv-widget>
      </div>`);
      const el = wrapper.querySelector<ClvWidget>('#flaky')!;
      const fine = wrapper.querySelector<ClvWidget>('#fine')!;
      await Promise.all([el.rendered, fine.rendered]);
      expect(el.state).to.equal('error');
      expect(fine.state).to.equal('data');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'error-message')).to.equal('The query took longer than 30 s.');
      expect(text(el, 'error-code')).to.equal('timeout');
      expect(errors).to.deep.equal(['timeout']);
      await expect(el).to.be.accessible();
      part(el, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.rendered;
      expect(adapter.calls.length).to.equal(2);
      expect(el.state).to.equal('data');
      expect(marks(el, 'rect').length).to.equal(3);
    });

    it('names the invalid field of a spec, without Retry and without querying', async () => {
      const adapter = new RecordingAdapter(memoryAdapter());
      const spec = { ...barSpec, encodings: { x: barSpec.encodings!.x } };
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${spec}></clv-widget>`);
      await el.rendered;
      expect(el.state).to.equal('error');
      expect(text(el, 'error-code')).to.equal('invalid_spec');
      expect(text(el, 'error-message')).to.contain('encodings.y: bar needs encodings.y');
      expect(part(el, 'retry-button')).to.equal(null);
      expect(adapter.calls.length).to.equal(0);
      expect(text(el, 'title')).to.equal('Revenue by loyalty tier');
      await expect(el).to.be.accessible();
    });
  });

  describe('interaction', () => {
    it('moves between bars with the arrow keys and fires clv-widget-click with Enter and Space', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${barSpec}></clv-widget>`);
      await el.rendered;
      const plot = part(el, 'plot')!;
      plot.focus();
      await sendKeys({ press: 'ArrowRight' });
      let clicked = oneEvent(el, 'clv-widget-click');
      await sendKeys({ press: 'Enter' });
      let detail = ((await clicked) as CustomEvent<WidgetClickDetail>).detail;
      expect(detail.index).to.equal(0);
      expect(detail.source).to.equal('keyboard');
      expect(detail.datum).to.deep.equal(expected.rows[0]);
      expect(detail.filter).to.deep.equal({ 'customers.loyalty_tier': expected.rows[0]!['customers.loyalty_tier'] });
      expect(detail.spec.title).to.equal('Revenue by loyalty tier');

      await sendKeys({ press: 'ArrowRight' });
      clicked = oneEvent(el, 'clv-widget-click');
      await sendKeys({ press: 'Space' });
      detail = ((await clicked) as CustomEvent<WidgetClickDetail>).detail;
      expect(detail.index).to.equal(1);
      expect(detail.datum).to.deep.equal(expected.rows[1]);
      // Rows come ordered by revenue: Silver, Gold, Bronze.
      expect(detail.filter).to.deep.equal({ 'customers.loyalty_tier': 'Gold' });
      await el.updateComplete;
      const tooltip = part(el, 'tooltip')!;
      expect(tooltip.hidden).to.equal(false);
      expect(tooltip.textContent).to.contain('Gold').and.to.contain('$200.50');
      expect(shadow(el).querySelector('.highlight')!.hasAttribute('hidden')).to.equal(false);
      expect(shadow(el).querySelector('[aria-live]')!.textContent).to.equal('2 of 3: Loyalty tier Gold, Revenue $200.50');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(true);
    });

    it('fires clv-widget-click for a clicked bar, with the drill parameters, and shows its tooltip on hover', async () => {
      const adapter = memoryAdapter();
      const expected = await adapter.query(revenueByTier);
      const spec = { ...barSpec, interactions: { click: { kind: 'drill', dashboardId: 'tier-detail', parameters: { tier: 'customers.loyalty_tier' } } } };
      const el = await widget(html`<clv-widget .adapter=${adapter} .spec=${spec}></clv-widget>`);
      await el.rendered;
      const box = marks(el, 'rect')[2]!.getBoundingClientRect();
      const position: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
      await sendMouse({ type: 'move', position });
      await waitUntil(() => !part(el, 'tooltip')!.hidden, 'no hover tooltip');
      expect(part(el, 'tooltip')!.textContent).to.contain('Bronze').and.to.contain('$79.75');
      expect(document.querySelector('.vg-tooltip')).to.equal(null);
      const clicked = oneEvent(el, 'clv-widget-click');
      await sendMouse({ type: 'click', position });
      const detail = ((await clicked) as CustomEvent<WidgetClickDetail>).detail;
      expect(detail.source).to.equal('pointer');
      expect(detail.index).to.equal(2);
      expect(detail.datum).to.deep.equal(expected.rows[2]);
      expect(detail.drill).to.deep.equal({ dashboardId: 'tier-detail', parameters: { tier: 'Bronze' } });
      expect(detail.filter).to.equal(undefined);
      await sendMouse({ type: 'move', position: [0, 0] });
    });
  });

  describe('idle', () => {
    it('waits, and says so, without an adapter', async () => {
      const el = await widget(html`<clv-widget .spec=${barSpec}></clv-widget>`);
      await el.rendered;
      expect(el.state).to.equal('idle');
      expect(text(el, 'message')).to.contain('No data adapter');
      await expect(el).to.be.accessible();
    });
  });

  describe('snapshot', () => {
    it('shows the data of a snapshot without calling the adapter', async () => {
      const result = await memoryAdapter().query(revenueByTier);
      const snapshot = createWidgetSnapshot(WidgetSpecSchema.parse(barSpec), result);
      const adapter = new RecordingAdapter(memoryAdapter());
      const el = await widget(html`<clv-widget .adapter=${adapter} .snapshot=${snapshot}></clv-widget>`);
      await el.rendered;
      expect(el.state).to.equal('data');
      expect(marks(el, 'rect').length).to.equal(3);
      expect(el.result).to.deep.equal(result);
      expect(adapter.calls.length).to.equal(0);
      await el.refresh();
      expect(adapter.calls.length).to.equal(0);

      el.snapshot = { ...snapshot, result: { ...result, rows: 'none' } } as unknown as typeof snapshot;
      await el.rendered;
      expect(text(el, 'error-code')).to.equal('invalid_snapshot');
      expect(text(el, 'error-message')).to.contain('result.rows');
    });
  });

  describe('data changes', () => {
    it('runs again when the provider announces a change of a table it reads', async () => {
      const adapter = memoryAdapter();
      const provider = await fixture<ClvDataProvider>(html`<clv-data-provider .adapter=${adapter}>
        <clv-widget .spec=${revenueLast30} now=${NOW}></clv-widget>
      </clv-data-provider>`);
      const el = provider.querySelector('clv-widget')!;
      await el.rendered;
      let runs = 0;
      el.addEventListener('clv-query-complete', () => runs++);
      provider.notifyDataChanged(['dates']);
      await el.rendered;
      expect(runs).to.equal(0);
      await adapter.append('transactions', [
        { transaction_id: 't7', customer_id: 'c1', ts: '2024-03-10T10:00:00Z', amount: 40, quantity: 1, channel: 'web', category: 'Books', order_date: '2024-03-10' },
      ]);
      provider.notifyDataChanged(['transactions']);
      await el.rendered;
      expect(runs).to.equal(1);
      expect(text(el, 'value')).to.equal('$400.00');
    });
  });
});

