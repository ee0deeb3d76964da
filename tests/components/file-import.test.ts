import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/file-import/define.js';
import type { ClvFileImport } from '../../components/file-import/file-import.js';
import type { ImportSummary } from '../../components/file-import/import-summary.js';
import type { ClvLoadProgress } from '../../components/load-progress/load-progress.js';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../../src/contracts/loader.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';

// 8 data rows: 4 good ones, a missing customer, a bad date, a bad amount and a cancellation ("C…").
const ORDERS_CSV = `Customer ID,InvoiceDate,Amount,Qty,Category,Invoice
c1,2024-01-02,120.50,2,Books,1001
c2,2024-01-05,45.25,1,Toys,1002
c1,2024-02-14,80.00,1,Home,1003
,2024-02-15,10.00,1,Home,1004
c3,2024-13-45,19.75,1,Beauty,1005
c3,2024-03-20,12x,2,Sports,1006
c2,2024-03-01,300,3,Electronics,C1007
c3,2024-03-22,60,2,Sports,1008
`;
// Line-level data without an amount column: amount = price × quantity.
const LINES_CSV = `client;day;unit_price;units
a;2024-05-01;2.50;4
b;2024-05-02;10;1
`;

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
const $ = <T extends Element = HTMLElement>(el: ClvFileImport, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** Chooses a file through the real <input type=file>, as the picker would. */
async function choose(el: ClvFileImport, f: File): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type=file]');
  const dt = new DataTransfer();
  dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => el.step !== 'inspecting' && el.step !== 'pick', 'the file was not inspected', { timeout: 10_000 });
  await el.updateComplete;
}

/** A loader that never finishes (the loading state), recording the abort signal. */
class StuckLoader implements TableLoader {
  signal?: AbortSignal;
  loadColumns(_table: string, _columns: LoadColumn[], data: ColumnarData, options: LoadOptions): Promise<{ rows: number }> {
    this.signal = options.signal;
    options.onProgress?.({ phase: 'load', done: 0, total: data.customer_id.length });
    return new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(options.signal!.reason)));
  }
}

describe('<clv-file-import>', () => {
  it('starts with a drop zone that is a button and opens the picker from the keyboard', async () => {
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${new MemoryAdapter(clvDataModel)}></clv-file-import>`);
    const zone = $<HTMLButtonElement>(el, '[part=dropzone]');
    expect(zone.tagName).to.equal('BUTTON');
    expect(zone.textContent).to.contain('Choose a transactions file or drop it here');
    const input = $<HTMLInputElement>(el, 'input[type=file]');
    expect(input.accept).to.contain('.csv').and.to.contain('.parquet').and.to.contain('.gz');
    let opened = 0;
    input.addEventListener('click', (e) => {
      opened++;
      e.preventDefault(); // no native dialog in the test
    });
    zone.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(opened).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('detects the layout, suggests a mapping and previews the first rows', async () => {
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${new MemoryAdapter(clvDataModel)}></clv-file-import>`);
    await choose(el, file(ORDERS_CSV, 'orders.csv'));
    expect(el.step).to.equal('map');
    expect($(el, '[part=file]').textContent).to.contain('orders.csv').and.to.contain('comma-separated').and.to.contain('header row').and.to.contain('6 columns');
    const value = (field: string) => $<HTMLSelectElement>(el, `select[data-field=${field}]`).value;
    expect([value('customer'), value('date'), value('amount'), value('quantity'), value('category'), value('id')]).to.deep.equal([
      'Customer ID',
      'InvoiceDate',
      'Amount',
      'Qty',
      'Category',
      'Invoice',
    ]);
    expect($(el, '#field-dateFormat option').textContent).to.equal('Detected: YYYY-MM-DD');
    const headers = [...el.shadowRoot!.querySelectorAll('[part=preview-table] thead th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers[1]).to.equal('InvoiceDate date, YYYY-MM-DD → date');
    expect(headers[2]).to.equal('Amount number → amount');
    expect(el.shadowRoot!.querySelectorAll('[part=preview-table] tbody tr').length).to.equal(8);
    // Focus moved to the first field of the form.
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'select[data-field=customer]'));
    await expect(el).to.be.accessible();
  });

  it('imports with the keyboard, loads the rows and reports the rejected rows by reason (data)', async () => {
    const loader = new MemoryAdapter(clvDataModel);
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${loader}></clv-file-import>`);
    await choose(el, file(ORDERS_CSV, 'orders.csv'));
    const completed = oneEvent(el, 'clv-import-complete');
    $(el, '[part=import-button]').focus();
    await sendKeys({ press: 'Enter' });
    const summary = ((await completed) as CustomEvent<ImportSummary>).detail;
    await el.updateComplete;
    expect(el.step).to.equal('done');
    expect(summary.rowsRead).to.equal(8);
    expect(summary.rowsImported).to.equal(4);
    expect(summary.rowsRejected).to.equal(4);
    expect(summary.rejectedByReason.map((r) => [r.reason, r.rows])).to.deep.equal([
      ['missing_customer', 1],
      ['bad_date', 1],
      ['bad_amount', 1],
      ['cancellation', 1],
    ]);
    expect(summary.loaded).to.deep.equal({ transactions: 4, customers: 3, dates: 81 });
    expect(summary.dateRange).to.deep.equal({ from: '2024-01-02', to: '2024-03-22' });

    const stats = [...el.shadowRoot!.querySelectorAll('.stats dd')].map((d) => d.textContent);
    expect(stats.slice(0, 3)).to.deep.equal(['4', '4', '8']);
    const reasons = [...el.shadowRoot!.querySelectorAll('.reasons tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(reasons).to.deep.equal(['Missing customer id 1', 'Unparseable date 1', 'Missing or non-numeric amount 1', 'Cancellation or return (left out on purpose) 1']);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=summary] .title'));

    // The rows are in the loader: 120.50 + 45.25 + 80 + 60.
    const total = await loader.query({ measures: ['transactions.revenue'] });
    expect(total.rows[0]['transactions.revenue']).to.equal(305.75);

    // Download rejected rows (CSV), from the keyboard.
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      $(el, '[part=download-button]').focus();
      await sendKeys({ press: 'Enter' });
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs.length).to.equal(1);
    const csv = await blobs[0].text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal('line,reason,detail,raw');
    expect(lines.length).to.equal(5);
    expect(lines[1]).to.match(/^5,missing_customer,/);
    await expect(el).to.be.accessible();
  });

  it('shows progress while loading and cancels from the keyboard (loading)', async () => {
    const loader = new StuckLoader();
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${loader}></clv-file-import>`);
    await choose(el, file(ORDERS_CSV, 'orders.csv'));
    $(el, '[part=import-button]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => loader.signal !== undefined, 'the loader was not called');
    await el.updateComplete;
    expect(el.step).to.equal('importing');
    const progress = $<ClvLoadProgress>(el, '[part=progress]');
    expect(progress.label).to.equal('Importing orders.csv · 8 rows read');
    expect(progress.progress).to.deep.equal({ phase: 'load', done: 0, total: 4 });
    await expect(el).to.be.accessible();
    const cancel = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Cancel')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'map', 'not back at the mapping step');
    expect(loader.signal!.aborted).to.equal(true);
    expect($(el, '.note').textContent).to.equal('The import was cancelled while loading: the tables may hold part of the file. Import again to replace them.');
  });

  it('reports a file with nothing importable (empty)', async () => {
    const loader = new MemoryAdapter(clvDataModel);
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${loader}></clv-file-import>`);
    await choose(el, file('customer,date,amount\n,2024-01-01,5\n,2024-01-02,7\n', 'blank-customers.csv'));
    const completed = oneEvent(el, 'clv-import-complete');
    await el.startImport();
    const summary = ((await completed) as CustomEvent<ImportSummary>).detail;
    await el.updateComplete;
    expect(summary.rowsImported).to.equal(0);
    expect(summary.loaded).to.deep.equal({});
    expect($(el, '[part=summary] .title').textContent!.trim()).to.equal('Nothing to import from blank-customers.csv');
    expect(el.rejectedCsv!.trim().split('\r\n').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('shows read errors and loader errors (error)', async () => {
    const el = await fixture<ClvFileImport>(html`<clv-file-import></clv-file-import>`);
    const input = $<HTMLInputElement>(el, 'input[type=file]');
    const dt = new DataTransfer();
    dt.items.add(file('', 'empty.csv'));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error shown');
    expect(el.step).to.equal('pick');
    expect($(el, '[part=error]').getAttribute('role')).to.equal('alert');
    expect($(el, '[part=error] .error__message').textContent).to.equal('"empty.csv" has no data.');
    await expect(el).to.be.accessible();

    const failing: TableLoader = { loadColumns: () => Promise.reject(new Error('Out of memory while loading.')) };
    el.loader = failing;
    await choose(el, file(ORDERS_CSV, 'orders.csv'));
    await el.startImport();
    await el.updateComplete;
    expect(el.step).to.equal('map');
    expect($(el, '[part=error] .error__message').textContent).to.equal('Out of memory while loading.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=error]'));
  });

  it('computes amounts from price × quantity when chosen, and requires both columns', async () => {
    const loader = new MemoryAdapter(clvDataModel);
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${loader}></clv-file-import>`);
    await choose(el, file(LINES_CSV, 'lines.csv'));
    expect($(el, '[part=file]').textContent).to.contain('semicolon-separated');
    // The core proposes price × quantity for a file without an amount column.
    expect($<HTMLInputElement>(el, 'input[value=price]').checked).to.equal(true);
    const quantity = $<HTMLSelectElement>(el, 'select[data-field=quantity]');
    quantity.value = '';
    quantity.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part=import-button]').disabled).to.equal(true);
    expect($(el, '.problems').textContent).to.contain('Choose the quantity column');
    quantity.value = 'units';
    quantity.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part=import-button]').disabled).to.equal(false);
    const completed = oneEvent(el, 'clv-import-complete');
    $(el, '[part=import-button]').click();
    const summary = ((await completed) as CustomEvent<ImportSummary>).detail;
    expect(summary.rowsImported).to.equal(2);
    const total = await loader.query({ measures: ['transactions.revenue'] });
    expect(total.rows[0]['transactions.revenue']).to.equal(20);
  });

  it('accepts a dropped file', async () => {
    const el = await fixture<ClvFileImport>(html`<clv-file-import .loader=${new MemoryAdapter(clvDataModel)}></clv-file-import>`);
    const zone = $(el, '[part=dropzone]');
    const dt = new DataTransfer();
    dt.items.add(file(ORDERS_CSV, 'dropped.csv'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('dropzone--active')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitUntil(() => el.step === 'map', 'the dropped file was not inspected');
    await el.updateComplete;
    expect($(el, '[part=file]').textContent).to.contain('dropped.csv');
  });
});
