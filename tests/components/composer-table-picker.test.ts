import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HistoryAction } from '../../src/composer/history.js';
import { ClvComposerTablePicker } from '../../components/widget-composer/table-picker.js';
import type { DataAdapter, SampleOptions } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { catalogModel } from '../../src/widgets/catalog.js';
import { customers, memoryAdapter, transactions } from './support/adapters.js';

if (!customElements.get('clv-composer-table-picker')) customElements.define('clv-composer-table-picker', ClvComposerTablePicker);

/**
 * Wraps an adapter, recording every sample() call with its signal; `behaviour` decides what each
 * call (counted from 1) does. The shared test adapters only hold back query(), not sample().
 */
class SampleRecorder implements DataAdapter {
  readonly id = 'sample recorder';
  readonly capabilities;
  calls: Array<{ table: string; limit?: number; signal?: AbortSignal }> = [];

  constructor(
    private readonly inner: DataAdapter,
    private readonly behaviour: (call: number, run: () => Promise<ResultSet>) => Promise<ResultSet> = (_call, run) => run(),
  ) {
    this.capabilities = inner.capabilities;
  }

  describe: DataAdapter['describe'] = (options) => this.inner.describe(options);
  query: DataAdapter['query'] = (query, options) => this.inner.query(query, options);

  sample(table: string, options: SampleOptions = {}): Promise<ResultSet> {
    this.calls.push({ table, limit: options.limit, signal: options.signal });
    return this.behaviour(this.calls.length, () => this.inner.sample(table, options));
  }
}

const never = () => new Promise<ResultSet>(() => {});
const offline = () => Promise.reject(new AdapterError('backend', 'The warehouse is offline. Try again in a minute.'));

const root = (el: ClvComposerTablePicker) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const option = (el: ClvComposerTablePicker, table: string) => root(el).querySelector<HTMLElement>(`[data-table="${table}"]`)!;
const optionNames = (el: ClvComposerTablePicker) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')].map((o) => o.dataset.table);
const previewedOptions = (el: ClvComposerTablePicker) =>
  [...root(el).querySelectorAll<HTMLElement>('[role=option][aria-selected=true]')].map((o) => o.dataset.table);
const tab = (el: ClvComposerTablePicker, name: string) => root(el).querySelector<HTMLButtonElement>(`[role=tab][data-tab=${name}]`)!;
const panel = (el: ClvComposerTablePicker, name: string) => root(el).querySelector<HTMLElement>(`#panel-${name}`)!;
const useButton = (el: ClvComposerTablePicker) => root(el).querySelector<HTMLButtonElement>('button[part~=use-table-button]')!;
const search = (el: ClvComposerTablePicker) => root(el).querySelector<HTMLInputElement>('input[part~=search]')!;
const headers = (el: ClvComposerTablePicker) => [...panel(el, 'records').querySelectorAll('thead th')].map((th) => text(th));
const recordRows = (el: ClvComposerTablePicker) => [...panel(el, 'records').querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
const focusedTable = (el: ClvComposerTablePicker) => (root(el).activeElement as HTMLElement | null)?.dataset.table;
const focusedTab = (el: ClvComposerTablePicker) => (root(el).activeElement as HTMLElement | null)?.dataset.tab;

async function picker(adapter: DataAdapter | undefined, model: DataModel | undefined, selected?: string): Promise<ClvComposerTablePicker> {
  const el = await fixture<ClvComposerTablePicker>(
    html`<clv-composer-table-picker .adapter=${adapter} .model=${model} selected=${selected ?? ''}></clv-composer-table-picker>`,
  );
  return el;
}

/** A picker over the small CLV data (3 customers, 6 transactions), its model described with row counts. */
async function memoryPicker(selected?: string, adapter: DataAdapter = memoryAdapter()): Promise<ClvComposerTablePicker> {
  const el = await picker(adapter, await adapter.describe(), selected);
  await el.sampleSettled();
  return el;
}

/** The catalog model (with derived tables) over 25 customers and the 6 transactions; the other tables are empty. */
function catalogAdapter(): MemoryAdapter {
  const many = Array.from({ length: 25 }, (_, i) => ({ ...customers[i % 3], customer_id: `c${i + 1}` }));
  return new MemoryAdapter(catalogModel(), { customers: many, transactions });
}

/** The next chooseTable request of `el`. */
function nextChoice(el: ClvComposerTablePicker): Promise<HistoryAction> {
  return oneEvent(el, 'clv-composer-action').then((e) => e.detail);
}

describe('<clv-composer-table-picker>', () => {
  it('lists every table with its kind, records, lookups, attributes and description', async () => {
    const el = await memoryPicker();
    expect(optionNames(el)).to.deep.equal(['customers', 'transactions', 'dates']);
    expect(root(el).querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('Tables');

    const transactions = option(el, 'transactions');
    expect(text(transactions.querySelector('.option__title'))).to.equal('Transactions');
    expect(text(transactions.querySelector('[part~=kind-badge]'))).to.equal('Fact');
    expect(text(transactions.querySelector('.option__meta'))).to.equal('6 records · 34 attributes');
    expect([...transactions.querySelectorAll('.lookup')].map((l) => text(l))).to.deep.equal(['→ Customers', '→ Dates']);
    expect(text(transactions.querySelector('.option__description'))).to.match(/^One row per purchase/);

    const customerOption = option(el, 'customers');
    expect(text(customerOption.querySelector('[part~=kind-badge]'))).to.equal('Dimension');
    expect(text(customerOption.querySelector('.option__meta'))).to.equal('3 records · 8 attributes');
    expect(text(customerOption.querySelector('.option__lookups'))).to.equal('No lookups');
    expect(text(option(el, 'dates').querySelector('.option__meta'))).to.equal('0 records · 9 attributes');

    // The option's name carries all it shows, in order.
    const labelIds = transactions.getAttribute('aria-labelledby')!.split(' ');
    expect(labelIds.map((id) => text(root(el).getElementById(id))).slice(0, 4)).to.deep.equal([
      'Transactions',
      'Fact',
      '6 records · 34 attributes',
      'Lookups: → Customers, → Dates',
    ]);
    expect(text(root(el).getElementById(labelIds[4]))).to.match(/^One row per purchase/);

    // Without `selected`, the first table is previewed.
    expect(previewedOptions(el)).to.deep.equal(['customers']);
    expect(text(root(el).querySelector('#preview-title'))).to.equal('Customers');
    await expect(el).to.be.accessible();
  });

  it('says when the records are unknown, and shows derived tables with their lookups (catalog model)', async () => {
    const adapter = catalogAdapter();
    const described = await adapter.describe();
    const el = await picker(adapter, described);
    await el.sampleSettled();
    const clv = option(el, 'customer_clv');
    expect(text(clv.querySelector('.option__title'))).to.equal('Customer CLV');
    expect(text(clv.querySelector('[part~=kind-badge]'))).to.equal('Derived');
    expect(text(clv.querySelector('.option__meta'))).to.equal('0 records · 22 attributes');
    expect([...clv.querySelectorAll('.lookup')].map((l) => text(l))).to.deep.equal(['→ Customers']);
    expect(text(option(el, 'customers').querySelector('.option__meta'))).to.equal('25 records · 8 attributes');
    expect([...option(el, 'email_events').querySelectorAll('.lookup')].map((l) => text(l))).to.deep.equal(['→ Campaigns', '→ Customers', '→ Dates']);
    await expect(el).to.be.accessible();

    // A model described without counts (the bare model): "Records unknown".
    el.model = clvDataModel;
    await el.updateComplete;
    expect(text(option(el, 'transactions').querySelector('.option__meta'))).to.equal('Records unknown · 34 attributes');
  });

  it('previews the sample records with the model’s column labels and formatted values', async () => {
    const adapter = new SampleRecorder(memoryAdapter());
    const el = await memoryPicker('customers', adapter);
    expect(el.sampleStatus).to.equal('complete');
    expect(adapter.calls.map((c) => [c.table, c.limit])).to.deep.equal([['customers', 20]]);
    expect(tab(el, 'records').getAttribute('aria-selected')).to.equal('true');
    expect(panel(el, 'records').hidden).to.equal(false);
    expect(panel(el, 'attributes').hidden).to.equal(true);
    expect(headers(el)).to.deep.equal(['Customer ID', 'Email', 'First name', 'Last name', 'Country', 'Signup date', 'Loyalty tier']);
    expect(recordRows(el)).to.deep.equal([
      ['c1', 'ada@example.com', 'Ada', 'Lovelace', 'GB', '2024-01-02', 'Gold'],
      ['c2', 'alan@example.com', 'Alan', 'Turing', 'GB', '2024-01-05', 'Silver'],
      ['c3', 'grace@example.com', 'Grace', 'Hopper', 'US', '2024-02-11', 'Bronze'],
    ]);
    expect(text(panel(el, 'records').querySelector('.note'))).to.equal('All 3 records');
    await expect(el).to.be.accessible();

    el.preview('transactions');
    await el.sampleSettled();
    expect(headers(el)).to.deep.equal(['Transaction ID', 'Customer ID', 'Purchase time', 'Amount', 'Quantity', 'Channel', 'Product category', 'Order date']);
    expect(recordRows(el)[0]).to.deep.equal(['t1', 'c1', '2024-01-02 10:00 UTC', '$120.50', '2', 'web', 'Books', '2024-01-02']);
    expect(recordRows(el)).to.have.length(6);
  });

  it('says how many records the sample leaves out', async () => {
    const adapter = catalogAdapter();
    const el = await picker(adapter, await adapter.describe(), 'customers');
    await el.sampleSettled();
    expect(recordRows(el)).to.have.length(20);
    expect(text(panel(el, 'records').querySelector('.note'))).to.equal('The first 20 of 25 records');
  });

  it('lists the attributes with kind, type and source table, lookups with their path', async () => {
    const el = await memoryPicker('transactions');
    tab(el, 'attributes').click();
    await el.updateComplete;
    expect(tab(el, 'attributes').getAttribute('aria-selected')).to.equal('true');
    expect(text(tab(el, 'attributes'))).to.equal('Attributes (34)');
    expect(panel(el, 'attributes').hidden).to.equal(false);
    expect(panel(el, 'records').hidden).to.equal(true);
    expect([...panel(el, 'attributes').querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal(['Attribute', 'Kind', 'Type', 'Source']);
    const row = (key: string) => [...panel(el, 'attributes').querySelector(`tr[data-attribute="${key}"]`)!.children].map((c) => text(c));
    expect(row('customers.loyalty_tier')).to.deep.equal(['Loyalty tier customers.loyalty_tier', 'Dimension', 'Text', 'Customers via transaction_customer']);
    expect(row('dates.is_weekend')).to.deep.equal(['Weekend dates.is_weekend', 'Dimension', 'Yes / no', 'Dates via transaction_date']);
    expect(row('transactions.revenue')).to.deep.equal(['Revenue transactions.revenue', 'Measure', 'Number', 'Transactions']);
    expect(row('transactions.ts')).to.deep.equal(['Purchase time transactions.ts', 'Time', 'Date and time', 'Transactions']);
    expect(panel(el, 'attributes').querySelectorAll('tbody tr')).to.have.length(34);
    await expect(el).to.be.accessible();
  });

  it('moves between the preview tabs with the arrow keys, Home and End', async () => {
    const el = await memoryPicker('customers');
    tab(el, 'records').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focusedTab(el)).to.equal('attributes');
    expect(el.tab).to.equal('attributes');
    expect(tab(el, 'attributes').tabIndex).to.equal(0);
    expect(tab(el, 'records').tabIndex).to.equal(-1);
    expect(text(panel(el, 'attributes').querySelector('tbody th .attribute__label'))).to.equal('Customer ID');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focusedTab(el)).to.equal('records');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focusedTab(el)).to.equal('attributes');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focusedTab(el)).to.equal('records');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focusedTab(el)).to.equal('attributes');
    expect(panel(el, 'records').hidden).to.equal(true);
  });

  it('chooses the previewed table with the Use button', async () => {
    const el = await memoryPicker();
    option(el, 'transactions').click();
    await el.sampleSettled();
    expect(previewedOptions(el)).to.deep.equal(['transactions']);
    expect(text(root(el).querySelector('#preview-title'))).to.equal('Transactions');
    expect(recordRows(el)[0][0]).to.equal('t1');
    expect(text(useButton(el))).to.equal('Use Transactions');
    const choice = nextChoice(el);
    useButton(el).click();
    expect(await choice).to.deep.equal({ type: 'chooseTable', table: 'transactions' });
  });

  it('moves through the tables with the keyboard, previewing each, and chooses with Enter', async () => {
    const el = await memoryPicker();
    search(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusedTable(el)).to.equal('customers');
    await sendKeys({ press: 'ArrowDown' });
    await el.sampleSettled();
    expect(focusedTable(el)).to.equal('transactions');
    expect(previewedOptions(el)).to.deep.equal(['transactions']);
    expect(option(el, 'transactions').tabIndex).to.equal(0);
    expect(option(el, 'customers').tabIndex).to.equal(-1);
    expect(recordRows(el)).to.have.length(6);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focusedTable(el)).to.equal('dates');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focusedTable(el)).to.equal('customers');
    await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement).to.equal(search(el));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focusedTable(el)).to.equal('transactions');
    const choice = nextChoice(el);
    await sendKeys({ press: 'Enter' });
    expect(await choice).to.deep.equal({ type: 'chooseTable', table: 'transactions' });
    await expect(el).to.be.accessible();
  });

  it('chooses a table on double click', async () => {
    const el = await memoryPicker();
    const choice = nextChoice(el);
    option(el, 'dates').dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    expect(await choice).to.deep.equal({ type: 'chooseTable', table: 'dates' });
  });

  it('narrows the tables by title or name as the user types', async () => {
    const el = await memoryPicker();
    search(el).focus();
    await sendKeys({ type: 'trans' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal(['transactions']);
    expect(text(root(el).querySelector('.list-status'))).to.equal('1 of 3 tables');
    // The previewed table is filtered out: the first match takes the tab stop.
    expect(option(el, 'transactions').tabIndex).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });
    await el.sampleSettled();
    expect(focusedTable(el)).to.equal('transactions');
    expect(el.previewed).to.equal('transactions');

    search(el).focus();
    search(el).select();
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal([]);
    expect(root(el).querySelector('[role=listbox]')).to.equal(null);
    expect(text(root(el).querySelector('[role=status].list-status'))).to.equal('No table matches “zzz”');
    // The preview stays.
    expect(text(useButton(el))).to.equal('Use Transactions');
    await expect(el).to.be.accessible();
  });

  it('marks the table in use, previews it first, and follows a new `selected`', async () => {
    const el = await memoryPicker('transactions');
    expect(previewedOptions(el)).to.deep.equal(['transactions']);
    expect(text(option(el, 'transactions').querySelector('[part~=current-badge]'))).to.equal('In use');
    expect(option(el, 'customers').querySelector('[part~=current-badge]')).to.equal(null);
    expect(recordRows(el)[0][0]).to.equal('t1');
    el.selected = 'customers';
    await el.sampleSettled();
    expect(previewedOptions(el)).to.deep.equal(['customers']);
    expect(text(option(el, 'customers').querySelector('[part~=current-badge]'))).to.equal('In use');
    expect(recordRows(el)[0].slice(0, 3)).to.deep.equal(['c1', 'ada@example.com', 'Ada']);
  });

  it('shows a loading state while the sample is pending', async () => {
    const adapter = new SampleRecorder(memoryAdapter(), never);
    const el = await picker(adapter, await adapter.describe(), 'customers');
    await waitUntil(() => el.sampleStatus === 'loading', 'the sample did not start');
    await el.updateComplete;
    expect(text(panel(el, 'records').querySelector('[role=status]'))).to.equal('Loading sample records…');
    expect(panel(el, 'records').querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the adapter’s error with Retry, which loads the sample again', async () => {
    const adapter = new SampleRecorder(memoryAdapter(), (call, run) => (call === 1 ? offline() : run()));
    const el = await picker(adapter, await adapter.describe(), 'customers');
    await el.sampleSettled();
    expect(el.sampleStatus).to.equal('error');
    const alert = panel(el, 'records').querySelector('[role=alert]')!;
    expect(text(alert.querySelector('.error__title'))).to.equal('The sample records of Customers could not be loaded.');
    expect(text(alert.querySelector('[part~=error-message]'))).to.equal('The warehouse is offline. Try again in a minute.');
    await expect(el).to.be.accessible();

    alert.querySelector<HTMLButtonElement>('button[part~=retry-button]')!.click();
    await el.sampleSettled();
    expect(adapter.calls).to.have.length(2);
    expect(panel(el, 'records').querySelector('[role=alert]')).to.equal(null);
    expect(recordRows(el).map((r) => r[2])).to.deep.equal(['Ada', 'Alan', 'Grace']);
  });

  it('says when a table has no records yet', async () => {
    const el = await memoryPicker('dates');
    expect(el.sampleStatus).to.equal('complete');
    expect(text(panel(el, 'records').querySelector('[part~=empty]'))).to.equal('This table has no records yet');
    expect(panel(el, 'records').querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('aborts the sample still loading when another table is previewed', async () => {
    const adapter = new SampleRecorder(memoryAdapter(), (call, run) => (call === 1 ? never() : run()));
    const el = await picker(adapter, await adapter.describe(), 'customers');
    await waitUntil(() => adapter.calls.length === 1, 'the first sample did not start');
    expect(adapter.calls[0].signal!.aborted).to.equal(false);
    option(el, 'transactions').click();
    await el.sampleSettled();
    expect(adapter.calls.map((c) => c.table)).to.deep.equal(['customers', 'transactions']);
    expect(adapter.calls[0].signal!.aborted).to.equal(true);
    expect(adapter.calls[1].signal!.aborted).to.equal(false);
    expect(el.sampleStatus).to.equal('complete');
    expect(recordRows(el)).to.have.length(6);
  });

  it('shows a placeholder without a model', async () => {
    const el = await picker(memoryAdapter(), undefined);
    expect(text(root(el).querySelector('[part~=placeholder]'))).to.equal('There is no data model to choose a table from.');
    expect(root(el).querySelector('[role=listbox]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
