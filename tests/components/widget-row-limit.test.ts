// <clv-widget> says when its query's row limit may have cut the rows it shows: a chart that sums
// rows in the browser warns that its totals cover those rows only; a table gives the short note.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/widget/define.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { WidgetSpecInput } from '../../src/widgets/spec.js';
import { memoryAdapter, transactions } from './support/adapters.js';

const note = (el: ClvWidget) => el.shadowRoot!.querySelector<HTMLElement>('[part~=limit-note]');
const noteText = (el: ClvWidget) => note(el)?.textContent?.replace(/\s+/g, ' ').trim();

/** Revenue per channel, summed in the chart over one row per transaction. */
function revenueByChannel(limit: number, total = false): WidgetSpecInput {
  return {
    version: 2,
    title: 'Revenue by channel',
    data: {
      kind: 'semantic',
      query: { measures: ['transactions.revenue'], dimensions: ['transactions.transaction_id', 'transactions.channel'], order: [['transactions.transaction_id', 'asc']], limit, total },
    },
    mark: 'bar',
    encodings: {
      x: { field: 'transactions.channel', type: 'nominal' },
      y: { field: 'transactions.revenue', type: 'quantitative', aggregate: 'sum' },
    },
  };
}

function transactionsTable(limit: number, total = false): WidgetSpecInput {
  return {
    version: 2,
    title: 'Transactions',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.transaction_id'], limit, total } },
    mark: 'table',
  };
}

async function widget(spec: WidgetSpecInput): Promise<ClvWidget> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 640px"><clv-widget .adapter=${memoryAdapter()} .spec=${spec}></clv-widget></div>`);
  const el = wrapper.querySelector('clv-widget')!;
  await el.rendered;
  return el;
}

describe('clv-widget row limit', () => {
  it('notes a chart that sums rows cut at the limit, and ties the note to the plot', async () => {
    const el = await widget(revenueByChannel(2));
    expect(el.state).to.equal('data');
    expect(el.result!.rows.length).to.equal(2);
    expect(transactions.length).to.equal(6);
    const n = note(el)!;
    expect(n).to.exist;
    expect(n.getAttribute('role')).to.equal('note');
    expect(noteText(el)).to.equal("Showing the first 2 rows: the query's row limit. Totals in this chart cover those rows only.");
    expect(n.getBoundingClientRect().height).to.be.greaterThan(0);
    const plot = el.shadowRoot!.querySelector('[part~=plot]')!;
    expect(plot.getAttribute('aria-describedby')!.split(' ')).to.include(n.id);
    // The chart is drawn over the two rows it has: t1 (web, 120.5) and t2 (store, 80).
    expect(el.shadowRoot!.querySelectorAll('.vega g.mark-rect.role-mark path').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('gives the number of rows the query matched when the result has a total', async () => {
    const el = await widget(revenueByChannel(2, true));
    expect(el.result!.total).to.equal(6);
    expect(noteText(el)).to.equal("Showing the first 2 of 6 rows: the query's row limit. Totals in this chart cover those rows only.");
  });

  it('shows no note when the limit is not reached, or when the total says nothing is missing', async () => {
    const under = await widget(revenueByChannel(7));
    expect(under.result!.rows.length).to.equal(6);
    expect(note(under)).to.equal(null);
    expect(under.shadowRoot!.querySelector('[part~=plot]')!.getAttribute('aria-describedby')).to.equal('summary keys');

    const exact = await widget(revenueByChannel(6, true));
    expect(exact.result!.rows.length).to.equal(6);
    expect(note(exact)).to.equal(null);
  });

  it('shows the table wording under a table cut short of its total, and none under a meant top N or one below its limit', async () => {
    const el = await widget(transactionsTable(2, true));
    expect(el.shadowRoot!.querySelectorAll('[part~=table] tbody tr').length).to.equal(2);
    expect(noteText(el)).to.equal('Showing the first 2 of 6 rows.');
    // Under the table, not above it.
    const container = el.shadowRoot!.querySelector('[part~=table-container]')!;
    expect(container.compareDocumentPosition(note(el)!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();

    const topTwo = await widget(transactionsTable(2));
    expect(topTwo.result!.rows.length).to.equal(2);
    expect(note(topTwo)).to.equal(null);

    const full = await widget(transactionsTable(10));
    expect(full.result!.rows.length).to.equal(6);
    expect(note(full)).to.equal(null);
  });
});
