import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/widget/define-menu.js';
import type { ClvDataViewer } from '../../components/widget/data-viewer.js';
import type { ResultSet } from '../../src/contracts/result.js';

/** 1,234 rows: id 1…1234, an amount (every 10th missing), a name and a day, in a scrambled order of amounts. */
function generated(n = 1234): ResultSet {
  const day0 = Date.UTC(2024, 0, 1);
  return {
    columns: [
      { name: 'id', label: 'ID', type: 'integer', role: 'identity' },
      { name: 'name', label: 'Name', type: 'string', role: 'dimension' },
      { name: 'amount', label: 'Amount', type: 'number', role: 'measure', format: '$,.2f' },
      { name: 'day', label: 'Day', type: 'date', role: 'time' },
    ],
    rows: Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      name: `customer ${i + 1}`,
      amount: i % 10 === 9 ? null : ((i * 7919) % 1000) - 250.5,
      day: new Date(day0 + ((i * 37) % 366) * 86_400_000).toISOString().slice(0, 10),
    })),
    total: n,
    provenance: { kind: 'memory', plan: 'generated' },
  };
}

const root = (el: ClvDataViewer) => el.shadowRoot!;
const range = (el: ClvDataViewer) => root(el).querySelector('.pager__range')!.textContent!.replace(/\s+/g, ' ').trim();
const bodyRows = (el: ClvDataViewer) => [...root(el).querySelectorAll('tbody tr')];
const cell = (el: ClvDataViewer, row: number, col: number) => bodyRows(el)[row]!.querySelectorAll('td')[col]!.textContent!.trim();
const column = (el: ClvDataViewer, col: number) => bodyRows(el).map((r) => r.querySelectorAll('td')[col]!.textContent!.trim());
const pageButton = (el: ClvDataViewer, name: string) => root(el).querySelector<HTMLButtonElement>(`[data-page=${name}]`)!;
const sortButton = (el: ClvDataViewer, name: string) => root(el).querySelector<HTMLButtonElement>(`.sort[data-column=${name}]`)!;
const header = (el: ClvDataViewer, name: string) => sortButton(el, name).closest('th')!;

async function viewer(result: ResultSet | undefined, pageSize?: number): Promise<ClvDataViewer> {
  const el = await fixture<ClvDataViewer>(html`<clv-data-viewer .result=${result} label="Customers" page-size=${pageSize ?? 500}></clv-data-viewer>`);
  await el.updateComplete;
  return el;
}

describe('<clv-data-viewer>', () => {
  it('shows 500 rows a page with labelled headers, formatted values and a focusable scroll region', async () => {
    const el = await viewer(generated());
    expect([...root(el).querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal(['ID', 'Name', 'Amount', 'Day']);
    expect(bodyRows(el).length).to.equal(500);
    expect(range(el)).to.equal('Rows 1–500 of 1,234');
    expect(el.pageCount).to.equal(3);
    // row 1: id 1, amount (0 * 7919 % 1000) - 250.5 = -250.5 → "−$250.50"
    expect([cell(el, 0, 0), cell(el, 0, 1), cell(el, 0, 2), cell(el, 0, 3)]).to.deep.equal(['1', 'customer 1', '−$250.50', '2024-01-01']);
    expect(cell(el, 9, 2)).to.equal('–');
    const region = root(el).querySelector('[part=region]')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-label')).to.equal('Customers: data');
    expect(getComputedStyle(root(el).querySelector('th')!).position).to.equal('sticky');
    await expect(el).to.be.accessible();
  });

  it('pages with First, Previous, Next and Last', async () => {
    const el = await viewer(generated());
    expect(pageButton(el, 'First').getAttribute('aria-disabled')).to.equal('true');
    expect(pageButton(el, 'Previous').getAttribute('aria-disabled')).to.equal('true');
    pageButton(el, 'Next').click();
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 501–1,000 of 1,234');
    expect(cell(el, 0, 0)).to.equal('501');
    pageButton(el, 'Last').click();
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 1,001–1,234 of 1,234');
    expect(bodyRows(el).length).to.equal(234);
    expect(cell(el, 0, 0)).to.equal('1,001');
    expect(cell(el, 233, 0)).to.equal('1,234');
    expect(pageButton(el, 'Next').getAttribute('aria-disabled')).to.equal('true');
    // a disabled button does nothing
    pageButton(el, 'Next').click();
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 1,001–1,234 of 1,234');
    pageButton(el, 'Previous').click();
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 501–1,000 of 1,234');
    pageButton(el, 'First').click();
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 1–500 of 1,234');
    await expect(el).to.be.accessible();
  });

  it('pages from the keyboard, keeping focus on the button at the last page', async () => {
    const el = await viewer(generated());
    pageButton(el, 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 501–1,000 of 1,234');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(range(el)).to.equal('Rows 1,001–1,234 of 1,234');
    expect(root(el).activeElement).to.equal(pageButton(el, 'Next'));
  });

  it('sorts numbers numerically, text naturally and dates chronologically, nulls last both ways', async () => {
    const el = await viewer(generated());
    sortButton(el, 'amount').click();
    await el.updateComplete;
    expect(header(el, 'amount').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'id').hasAttribute('aria-sort')).to.equal(false);
    // amounts are (i * 7919 % 1000) - 250.5: the smallest are -250.5 (i = 0 and i = 1000), then -248.5 (i = 358;
    // the i giving -249.5 ends in 9, so its amount is missing)
    expect(column(el, 2).slice(0, 3)).to.deep.equal(['−$250.50', '−$250.50', '−$248.50']);
    expect(column(el, 0).slice(0, 2)).to.deep.equal(['1', '1,001']); // ties keep the result's order
    pageButton(el, 'Last').click();
    await el.updateComplete;
    expect(column(el, 2).slice(-1)).to.deep.equal(['–']);

    sortButton(el, 'amount').click();
    await el.updateComplete;
    expect(header(el, 'amount').getAttribute('aria-sort')).to.equal('descending');
    expect(range(el)).to.equal('Rows 1–500 of 1,234'); // a new sort starts at page 1
    expect(column(el, 2).slice(0, 3)).to.deep.equal(['$748.50', '$747.50', '$746.50']);
    expect(column(el, 0).slice(0, 3)).to.deep.equal(['322', '643', '964']);
    pageButton(el, 'Last').click();
    await el.updateComplete;
    const last = column(el, 2);
    expect(last.slice(-123).every((v) => v === '–')).to.equal(true); // 123 missing amounts
    expect(last[last.length - 124]).to.not.equal('–');

    // "customer 9" before "customer 10" (natural order), and descending puts "customer 1234" first
    sortButton(el, 'name').click();
    await el.updateComplete;
    expect(column(el, 1).slice(0, 3)).to.deep.equal(['customer 1', 'customer 2', 'customer 3']);
    sortButton(el, 'name').click();
    await el.updateComplete;
    expect(column(el, 1).slice(0, 2)).to.deep.equal(['customer 1234', 'customer 1233']);

    sortButton(el, 'day').click();
    await el.updateComplete;
    expect(column(el, 3)[0]).to.equal('2024-01-01');
    sortButton(el, 'day').click();
    await el.updateComplete;
    expect(column(el, 3)[0]).to.equal('2024-12-31');
    await expect(el).to.be.accessible();
  });

  it('sorts a small page by keyboard on the header buttons', async () => {
    const result: ResultSet = {
      columns: [
        { name: 'v', label: 'Value', type: 'number', role: 'measure' },
        { name: 'ts', label: 'When', type: 'timestamp', role: 'time' },
      ],
      rows: [
        { v: 10, ts: '2024-03-01T10:00:00.000Z' },
        { v: 9, ts: null },
        { v: null, ts: '2023-12-31T23:59:59.000Z' },
        { v: 100, ts: '2024-03-01T09:00:00.000Z' },
      ],
      provenance: { kind: 'memory', plan: 'literal' },
    };
    const el = await viewer(result, 2);
    expect(range(el)).to.equal('Rows 1–2 of 4');
    sortButton(el, 'v').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(column(el, 0)).to.deep.equal(['9', '10']); // numerically: 9 < 10 < 100
    sortButton(el, 'ts').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(column(el, 1)).to.deep.equal(['2023-12-31 23:59 UTC', '2024-03-01 09:00 UTC']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(column(el, 1)).to.deep.equal(['2024-03-01 10:00 UTC', '2024-03-01 09:00 UTC']);
    pageButton(el, 'Next').click();
    await el.updateComplete;
    expect(column(el, 1)).to.deep.equal(['2023-12-31 23:59 UTC', '–']);
  });

  it('says "No rows." for an empty result and explains when there is no result', async () => {
    const empty = await viewer({ ...generated(0), total: 0 });
    expect(root(empty).querySelector('[part=empty]')!.textContent!.trim()).to.equal('No rows.');
    expect(root(empty).querySelector('table')).to.equal(null);
    await expect(empty).to.be.accessible();
    const none = await viewer(undefined);
    expect(root(none).querySelector('[part=message]')!.textContent!.trim()).to.equal('There is no data to show yet.');
    await expect(none).to.be.accessible();
  });

  it('notes a result that the query cut short', async () => {
    const el = await viewer({ ...generated(20), total: 12_345 });
    expect(root(el).querySelector('[part=note]')!.textContent!.trim()).to.equal('The query matched 12,345 rows; the 20 it returned are shown.');
    expect(range(el)).to.equal('Rows 1–20 of 20');
    expect(root(el).querySelector('.pager__buttons')).to.equal(null);
  });
});
