import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClvComposerFilterDialog, filterKindsFor, type FilterDialogRequest } from '../../components/widget-composer/filter-dialog.js';
import { tableAttributes } from '../../src/composer/attributes.js';
import type { ComposerFilter } from '../../src/composer/state.js';
import { DataModelSchema } from '../../src/contracts/data-model.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { customers, failingAdapter, flakyAdapter, memoryAdapter, pendingAdapter, RecordingAdapter, transactions } from './support/adapters.js';

if (!customElements.get('clv-composer-filter-dialog')) customElements.define('clv-composer-filter-dialog', ClvComposerFilterDialog);

const attribute = (key: string, model = clvDataModel, table = 'transactions') => {
  const a = tableAttributes(model, table).find((x) => x.key === key);
  if (!a) throw new Error(`no attribute ${key}`);
  return a;
};

interface Harness {
  el: ClvComposerFilterDialog;
  opener: HTMLButtonElement;
}

async function harness(): Promise<Harness> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="opener" type="button">Add filter</button>
    <clv-composer-filter-dialog></clv-composer-filter-dialog>
  </div>`);
  return { el: wrapper.querySelector('clv-composer-filter-dialog')!, opener: wrapper.querySelector('#opener')! };
}

/** Opens the dialog from the opener button (so focus has somewhere to return to) and waits for the values. */
async function open(h: Harness, request: Partial<FilterDialogRequest> & { key: string }, settle = true): Promise<{ answer: Promise<ComposerFilter | undefined> }> {
  h.opener.focus();
  const { key, ...rest } = request;
  const answer = h.el.edit({ attribute: attribute(key), adapter: memoryAdapter(), model: clvDataModel, table: 'transactions', now: '2024-04-15', ...rest });
  await h.el.updateComplete;
  await waitUntil(() => dialog(h.el).open, 'the dialog did not open');
  if (settle) await h.el.settled();
  // Wrapped: an async function returning the promise itself would wait for the answer.
  return { answer };
}

const root = (el: ClvComposerFilterDialog) => el.shadowRoot!;
const dialog = (el: ClvComposerFilterDialog) => root(el).querySelector('dialog')!;
const $ = <E extends Element = HTMLElement>(el: ClvComposerFilterDialog, selector: string) => root(el).querySelector<E>(selector);
const has = (el: ClvComposerFilterDialog, selector: string) => root(el).querySelector(selector) !== null;
const options = (el: ClvComposerFilterDialog) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
const values = (el: ClvComposerFilterDialog) => options(el).map((o) => o.dataset.value ?? '(empty)');
const counts = (el: ClvComposerFilterDialog) => options(el).map((o) => o.querySelector<HTMLElement>('[part=count]')?.dataset.count ?? null);
const selected = (el: ClvComposerFilterDialog) => options(el).filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.dataset.value);
const chips = (el: ClvComposerFilterDialog) => [...root(el).querySelectorAll<HTMLElement>('[part=chip]')].map((c) => c.dataset.value);
const option = (el: ClvComposerFilterDialog, value: string) => $(el, `[role=option][data-value="${value}"]`)!;
const statusText = (el: ClvComposerFilterDialog) => $(el, '[part=status]')?.textContent?.trim();
const apply = (el: ClvComposerFilterDialog) => $<HTMLButtonElement>(el, 'button[part~=apply-button]')!;
const cancel = (el: ClvComposerFilterDialog) => $<HTMLButtonElement>(el, 'button[part~=cancel-button]')!;
const radio = (el: ClvComposerFilterDialog, name: string, value: string) => $<HTMLInputElement>(el, `input[name=${name}][value=${value}]`)!;
const focusedId = (el: ClvComposerFilterDialog) => (root(el).activeElement as HTMLElement | null)?.id ?? '';
const fieldError = (el: ClvComposerFilterDialog, id: string) => $(el, `#${id}-error`)?.textContent?.trim();

async function fill(el: ClvComposerFilterDialog, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: ClvComposerFilterDialog, input: HTMLInputElement): Promise<void> {
  input.click();
  await el.updateComplete;
}

async function select(el: ClvComposerFilterDialog, selector: string, value: string): Promise<void> {
  const s = $<HTMLSelectElement>(el, selector)!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Presses Tab (or Shift+Tab) until the focused element in the dialog matches, at most 12 times. */
async function tabTo(el: ClvComposerFilterDialog, matches: (e: HTMLElement) => boolean, back = false): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
    const active = root(el).activeElement as HTMLElement | null;
    if (active && matches(active)) return;
  }
  throw new Error('the element was not reached with Tab');
}

const closedWithFocusOnOpener = async (h: Harness) => {
  expect(dialog(h.el).open).to.equal(false);
  expect(h.el.open).to.equal(false);
  await waitUntil(() => document.activeElement?.id === 'opener', 'focus did not return to the opener');
};

describe('<clv-composer-filter-dialog>', () => {
  it('offers the forms that fit the attribute', () => {
    expect(filterKindsFor(attribute('transactions.channel'))).to.deep.equal(['values']);
    expect(filterKindsFor(attribute('dates.is_weekend'))).to.deep.equal(['values']);
    expect(filterKindsFor(attribute('dates.month'))).to.deep.equal(['values'], 'an integer code is chosen by value');
    expect(filterKindsFor(attribute('transactions.amount'))).to.deep.equal(['values', 'range']);
    expect(filterKindsFor(attribute('transactions.ts'))).to.deep.equal(['date']);
    expect(filterKindsFor(attribute('transactions.order_date'))).to.deep.equal(['date']);
    expect(filterKindsFor(attribute('transactions.revenue'))).to.deep.equal(['range']);
    expect(filterKindsFor(attribute('transactions.first_purchase'))).to.deep.equal([], 'the composer keeps date filters for time attributes');
  });

  it('lists the values over the base table with their row counts, most frequent first', async () => {
    const h = await harness();
    const adapter = new RecordingAdapter(memoryAdapter());
    void (await open(h, { key: 'transactions.channel', adapter }));
    await h.el.settled();
    expect(h.el.status).to.equal('data');
    expect(values(h.el)).to.deep.equal(['web', 'store', 'mobile']);
    expect(counts(h.el)).to.deep.equal(['3', '2', '1']);
    expect(option(h.el, 'web').textContent!.replace(/\s+/g, ' ').trim()).to.equal('web 3 transactions');
    expect(statusText(h.el)).to.equal('3 values');
    expect(adapter.calls[0]!.query).to.deep.include({ measures: ['transactions.count'], dimensions: ['transactions.channel'], limit: 200 });
    expect($(h.el, '[role=listbox]')!.getAttribute('aria-multiselectable')).to.equal('true');
    expect(focusedId(h.el)).to.equal('search');
    expect(radio(h.el, 'mode', 'include').checked).to.equal(true);
    expect(has(h.el, '[part=kind-choice]')).to.equal(false, 'text has one form: no choice');
    await expect(h.el).to.be.accessible();

    // Looked-up members count the base table's rows: transactions per loyalty tier.
    const tier = await harness();
    void (await open(tier, { key: 'customers.loyalty_tier' }));
    expect(values(tier.el)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
    expect(counts(tier.el)).to.deep.equal(['2', '2', '2']);
  });

  it('narrows the list as the search is typed, after a pause, aborting the listing it replaces', async () => {
    const h = await harness();
    let hold = false;
    const adapter = new RecordingAdapter(memoryAdapter(), (_call, run) => (hold ? new Promise<ResultSet>(() => {}) : run()));
    expect(h.el.searchDelay).to.equal(250);
    h.el.searchDelay = 600; // longer than the gap between two typed keys on a busy machine
    void (await open(h, { key: 'transactions.channel', adapter }));
    await h.el.settled();
    await sendKeys({ type: 'ob' });
    await h.el.settled();
    expect(adapter.calls.map((c) => c.query.filters)).to.deep.equal([[], [{ member: 'transactions.channel', operator: 'contains', values: ['ob'] }]]);
    expect(values(h.el)).to.deep.equal(['mobile']);
    expect(statusText(h.el)).to.equal('1 value');

    hold = true;
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => adapter.calls.length === 3, 'no listing for "o"');
    expect(h.el.status).to.equal('loading');
    expect(values(h.el)).to.deep.equal(['mobile'], 'the previous values stay while the next listing runs');
    expect($(h.el, '[role=listbox]')!.getAttribute('aria-busy')).to.equal('true');
    expect(statusText(h.el)).to.equal('Loading values…');
    await sendKeys({ type: 'x' });
    expect(adapter.calls[2]!.signal!.aborted).to.equal(true, 'the listing for "o" was not aborted');
    hold = false;
    await h.el.settled();
    expect(adapter.calls.length).to.equal(4);
    expect(h.el.status).to.equal('empty');
    expect(statusText(h.el)).to.equal('No value contains “ox”.');
    expect(options(h.el)).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('chooses two values with the pointer, shows them as removable chips, and Apply resolves the values filter', async () => {
    const h = await harness();
    const answer = (await open(h, { key: 'transactions.channel' })).answer;
    expect(apply(h.el).getAttribute('aria-disabled')).to.equal('true');
    expect($(h.el, '[part=apply-hint]')!.textContent!.trim()).to.equal('Choose at least one value.');
    option(h.el, 'web').click();
    option(h.el, 'mobile').click();
    option(h.el, 'store').click();
    await h.el.updateComplete;
    expect(selected(h.el)).to.deep.equal(['web', 'store', 'mobile']);
    expect(chips(h.el)).to.deep.equal(['web', 'mobile', 'store']);
    $<HTMLButtonElement>(h.el, '[aria-label="Remove store"]')!.click();
    await h.el.updateComplete;
    expect(chips(h.el)).to.deep.equal(['web', 'mobile']);
    expect(selected(h.el)).to.deep.equal(['web', 'mobile']);
    expect(apply(h.el).getAttribute('aria-disabled')).to.equal('false');
    expect(has(h.el, '[part=apply-hint]')).to.equal(false);
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'in', values: ['web', 'mobile'] });
    await closedWithFocusOnOpener(h);
  });

  it('excludes values: notEquals for one, notIn for several', async () => {
    const h = await harness();
    let answer = (await open(h, { key: 'transactions.channel' })).answer;
    await choose(h.el, radio(h.el, 'mode', 'exclude'));
    expect($(h.el, '.hint')!.textContent).to.contain('Rows with no value are kept');
    option(h.el, 'store').click();
    await h.el.updateComplete;
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'notEquals', values: ['store'] });

    answer = (await open(h, { key: 'transactions.channel' })).answer;
    expect(radio(h.el, 'mode', 'include').checked).to.equal(true, 'a new filter starts as include');
    await choose(h.el, radio(h.el, 'mode', 'exclude'));
    option(h.el, 'web').click();
    option(h.el, 'store').click();
    await h.el.updateComplete;
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'notIn', values: ['web', 'store'] });
  });

  it('blocks Apply until a value is chosen and says why', async () => {
    const h = await harness();
    const answer = (await open(h, { key: 'transactions.channel' })).answer;
    apply(h.el).click();
    await h.el.updateComplete;
    expect(h.el.open).to.equal(true);
    expect($(h.el, '#values-error')!.textContent!.trim()).to.equal('Choose at least one value.');
    await waitUntil(() => focusedId(h.el) === 'listbox', 'focus did not move to the list');
    cancel(h.el).click();
    expect(await answer).to.equal(undefined);
    await closedWithFocusOnOpener(h);
  });

  it('filters a number by a range, with inclusive and exclusive bounds', async () => {
    const h = await harness();
    const answer = (await open(h, { key: 'transactions.amount' })).answer;
    expect(radio(h.el, 'kind', 'range').checked).to.equal(true, 'an amount starts as a range');
    expect(radio(h.el, 'kind', 'values').checked).to.equal(false);
    expect(focusedId(h.el)).to.equal('range-lower');
    await fill(h.el, '#range-lower', '50');
    await fill(h.el, '#range-upper', '300');
    $<HTMLInputElement>(h.el, '#upper-inclusive')!.click();
    await h.el.updateComplete;
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'range', member: 'transactions.amount', lower: { value: 50, inclusive: true }, upper: { value: 300, inclusive: false } });
    await closedWithFocusOnOpener(h);

    // One bound is enough.
    const open2 = (await open(h, { key: 'transactions.amount' })).answer;
    await fill(h.el, '#range-upper', '19.75');
    apply(h.el).click();
    expect(await open2).to.deep.equal({ kind: 'range', member: 'transactions.amount', upper: { value: 19.75, inclusive: true } });
  });

  it('names the field at fault in an invalid range and blocks Apply', async () => {
    const h = await harness();
    const answer = (await open(h, { key: 'transactions.amount' })).answer;
    expect(fieldError(h.el, 'range-lower')).to.equal(undefined, 'no message before anything is typed');
    apply(h.el).click();
    await h.el.updateComplete;
    expect(fieldError(h.el, 'range-lower')).to.equal('Enter a lower bound, an upper bound, or both.');
    await waitUntil(() => focusedId(h.el) === 'range-lower', 'focus did not move to the lower bound');

    await fill(h.el, '#range-lower', 'abc');
    expect(fieldError(h.el, 'range-lower')).to.equal('Lower bound must be a number.');
    expect($(h.el, '#range-lower')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(h.el, '#range-lower')!.getAttribute('aria-describedby')).to.equal('range-lower-error');

    await fill(h.el, '#range-lower', '100');
    await fill(h.el, '#range-upper', '10');
    expect(fieldError(h.el, 'range-lower')).to.equal(undefined);
    expect(fieldError(h.el, 'range-upper')).to.equal('Upper bound must not be less than the lower bound (100).');
    expect(apply(h.el).getAttribute('aria-disabled')).to.equal('true');
    expect($(h.el, '[part=apply-hint]')!.textContent!.trim()).to.equal('Upper bound must not be less than the lower bound (100).');
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    await h.el.updateComplete;
    expect(h.el.open).to.equal(true);
    await waitUntil(() => focusedId(h.el) === 'range-upper', 'focus did not move to the upper bound');

    await fill(h.el, '#range-upper', '100');
    $<HTMLInputElement>(h.el, '#lower-inclusive')!.click();
    await h.el.updateComplete;
    expect(fieldError(h.el, 'range-upper')).to.equal('Upper bound equals the lower bound: include both bounds, or no value can match.');
    $<HTMLInputElement>(h.el, '#lower-inclusive')!.click();
    await h.el.updateComplete;
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'range', member: 'transactions.amount', lower: { value: 100, inclusive: true }, upper: { value: 100, inclusive: true } });
  });

  it('chooses values of a number with their counts when "Values" is picked', async () => {
    const h = await harness();
    const adapter = new RecordingAdapter(memoryAdapter());
    const answer = (await open(h, { key: 'transactions.quantity', adapter })).answer;
    expect(adapter.calls).to.have.length(0, 'a range needs no values');
    await choose(h.el, radio(h.el, 'kind', 'values'));
    await h.el.settled();
    expect(values(h.el)).to.deep.equal(['1', '2', '3']);
    expect(counts(h.el)).to.deep.equal(['3', '2', '1']);
    expect(has(h.el, 'input[part~=search]')).to.equal(false, 'numbers are not searched as text');
    option(h.el, '2').click();
    await h.el.updateComplete;
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.quantity', operator: 'equals', values: [2] });
  });

  it('filters dates between two days, checking that From comes before To', async () => {
    const h = await harness();
    const answer = (await open(h, { key: 'transactions.order_date' })).answer;
    expect(has(h.el, '[role=listbox]')).to.equal(false);
    expect(radio(h.el, 'date-mode', 'between').checked).to.equal(true);
    expect(focusedId(h.el)).to.equal('');
    apply(h.el).click();
    await h.el.updateComplete;
    expect(fieldError(h.el, 'date-from')).to.equal('From date is required.');
    expect(fieldError(h.el, 'date-to')).to.equal('To date is required.');
    await fill(h.el, '#date-from', '2024-03-01');
    await fill(h.el, '#date-to', '2024-01-31');
    expect(fieldError(h.el, 'date-from')).to.equal(undefined);
    expect(fieldError(h.el, 'date-to')).to.equal('To date must be on or after the From date.');
    expect(apply(h.el).getAttribute('aria-disabled')).to.equal('true');
    await expect(h.el).to.be.accessible();
    await fill(h.el, '#date-from', '2024-01-01');
    expect(fieldError(h.el, 'date-to')).to.equal(undefined);
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'date', member: 'transactions.order_date', range: ['2024-01-01', '2024-01-31'], exclude: false, placement: 'timeDimension' });
    await closedWithFocusOnOpener(h);
  });

  it('filters dates by a relative range: the last 30 days, excluded, or a calendar period', async () => {
    const h = await harness();
    let answer = (await open(h, { key: 'transactions.ts' })).answer;
    await choose(h.el, radio(h.el, 'date-mode', 'last'));
    expect($<HTMLInputElement>(h.el, '#last-n')!.value).to.equal('30');
    expect($<HTMLSelectElement>(h.el, '#last-unit')!.value).to.equal('days');
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'date', member: 'transactions.ts', range: 'last 30 days', exclude: false, placement: 'timeDimension' });

    answer = (await open(h, { key: 'transactions.ts' })).answer;
    await choose(h.el, radio(h.el, 'date-mode', 'last'));
    await fill(h.el, '#last-n', '0');
    expect(fieldError(h.el, 'last-n')).to.equal('Number of days must be a whole number from 1 to 9,999.');
    await fill(h.el, '#last-n', '6');
    await select(h.el, '#last-unit', 'months');
    await choose(h.el, radio(h.el, 'mode', 'exclude'));
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'date', member: 'transactions.ts', range: 'last 6 months', exclude: true, placement: 'filter' });

    answer = (await open(h, { key: 'transactions.ts' })).answer;
    await choose(h.el, radio(h.el, 'date-mode', 'period'));
    await select(h.el, '#period', 'last quarter');
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'date', member: 'transactions.ts', range: 'last quarter', exclude: false, placement: 'timeDimension' });
  });

  it('pre-fills every form when editing a filter, and Apply without a change gives it back', async () => {
    const h = await harness();
    const edited: ComposerFilter = { kind: 'values', member: 'transactions.channel', operator: 'notIn', values: ['web', 'fax'] };
    let answer = (await open(h, { key: 'transactions.channel', filter: edited })).answer;
    expect(radio(h.el, 'mode', 'exclude').checked).to.equal(true);
    expect(chips(h.el)).to.deep.equal(['web', 'fax'], 'a chosen value missing from the list stays chosen');
    expect(selected(h.el)).to.deep.equal(['web']);
    expect($(h.el, '#filter-title')!.textContent).to.equal('Edit filter: Channel');
    await expect(h.el).to.be.accessible();
    apply(h.el).click();
    expect(await answer).to.deep.equal(edited);

    const range: ComposerFilter = { kind: 'range', member: 'transactions.amount', lower: { value: 10, inclusive: false } };
    answer = (await open(h, { key: 'transactions.amount', filter: range })).answer;
    expect($<HTMLInputElement>(h.el, '#range-lower')!.value).to.equal('10');
    expect($<HTMLInputElement>(h.el, '#lower-inclusive')!.checked).to.equal(false);
    expect($<HTMLInputElement>(h.el, '#range-upper')!.value).to.equal('');
    apply(h.el).click();
    expect(await answer).to.deep.equal(range);

    const amountValues: ComposerFilter = { kind: 'values', member: 'transactions.amount', operator: 'equals', values: [80] };
    answer = (await open(h, { key: 'transactions.amount', filter: amountValues })).answer;
    expect(radio(h.el, 'kind', 'values').checked).to.equal(true);
    await h.el.settled();
    expect(selected(h.el)).to.deep.equal(['80']);
    apply(h.el).click();
    expect(await answer).to.deep.equal(amountValues);

    const between: ComposerFilter = { kind: 'date', member: 'transactions.order_date', range: ['2024-01-01', '2024-02-29'], exclude: true, placement: 'filter' };
    answer = (await open(h, { key: 'transactions.order_date', filter: between })).answer;
    expect($<HTMLInputElement>(h.el, '#date-from')!.value).to.equal('2024-01-01');
    expect($<HTMLInputElement>(h.el, '#date-to')!.value).to.equal('2024-02-29');
    expect(radio(h.el, 'mode', 'exclude').checked).to.equal(true);
    apply(h.el).click();
    expect(await answer).to.deep.equal(between);

    const last: ComposerFilter = { kind: 'date', member: 'transactions.ts', range: 'last 12 weeks', exclude: false, placement: 'timeDimension' };
    answer = (await open(h, { key: 'transactions.ts', filter: last })).answer;
    expect(radio(h.el, 'date-mode', 'last').checked).to.equal(true);
    expect($<HTMLInputElement>(h.el, '#last-n')!.value).to.equal('12');
    expect($<HTMLSelectElement>(h.el, '#last-unit')!.value).to.equal('weeks');
    apply(h.el).click();
    expect(await answer).to.deep.equal(last);

    // An included range that sat in the query's filters stays there.
    const period: ComposerFilter = { kind: 'date', member: 'transactions.ts', range: 'this month', exclude: false, placement: 'filter' };
    answer = (await open(h, { key: 'transactions.ts', filter: period })).answer;
    expect(radio(h.el, 'date-mode', 'period').checked).to.equal(true);
    expect($<HTMLSelectElement>(h.el, '#period')!.value).to.equal('this month');
    apply(h.el).click();
    expect(await answer).to.deep.equal(period);
  });

  it('shows the loading state while the values are listed, and Cancel aborts the listing', async () => {
    const h = await harness();
    const adapter = pendingAdapter();
    const answer = (await open(h, { key: 'transactions.channel', adapter }, false)).answer;
    await waitUntil(() => adapter.calls.length === 1, 'no listing started');
    expect(h.el.status).to.equal('loading');
    expect(statusText(h.el)).to.equal('Loading values…');
    expect($(h.el, '[part=status]')!.getAttribute('role')).to.equal('status');
    expect(options(h.el)).to.have.length(0);
    await expect(h.el).to.be.accessible();
    cancel(h.el).click();
    expect(await answer).to.equal(undefined);
    expect(adapter.calls[0]!.signal!.aborted).to.equal(true);
    await closedWithFocusOnOpener(h);
  });

  it('stops listing when removed from the page and lists again when back', async () => {
    const h = await harness();
    const adapter = pendingAdapter();
    const { answer } = await open(h, { key: 'transactions.channel', adapter }, false);
    await waitUntil(() => adapter.calls.length === 1, 'no listing started');
    const parent = h.el.parentElement!;
    h.el.remove();
    expect(adapter.calls[0]!.signal!.aborted).to.equal(true);
    parent.append(h.el);
    await waitUntil(() => adapter.calls.length === 2, 'the listing did not start again');
    expect(h.el.status).to.equal('loading');
    cancel(h.el).click();
    expect(await answer).to.equal(undefined);
    expect(adapter.calls[1]!.signal!.aborted).to.equal(true);
  });

  it('shows the error with Retry, which lists the values again', async () => {
    const h = await harness();
    const failing = failingAdapter();
    void (await open(h, { key: 'transactions.channel', adapter: failing }));
    expect(h.el.status).to.equal('error');
    const error = $(h.el, '[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The values could not be listed.');
    expect(error.textContent).to.contain('The warehouse is offline. Try again in a minute.');
    await expect(h.el).to.be.accessible();
    $<HTMLButtonElement>(h.el, '[part=retry-button]')!.click();
    await h.el.settled();
    expect(failing.calls).to.have.length(2);
    expect(h.el.status).to.equal('error');

    const flaky = flakyAdapter();
    void (await open(h, { key: 'transactions.channel', adapter: flaky }));
    expect(h.el.status).to.equal('error');
    expect($(h.el, '[part=error]')!.textContent).to.contain('The query took longer than 30 s.');
    $<HTMLButtonElement>(h.el, '[part=retry-button]')!.click();
    await h.el.settled();
    expect(h.el.status).to.equal('data');
    expect(values(h.el)).to.deep.equal(['web', 'store', 'mobile']);
    expect(focusedId(h.el)).to.equal('search');
  });

  it('says when there are no values at all', async () => {
    const h = await harness();
    void (await open(h, { key: 'transactions.channel', adapter: new MemoryAdapter(clvDataModel, { customers, transactions: [] }) }));
    expect(h.el.status).to.equal('empty');
    expect(statusText(h.el)).to.equal('There are no values to choose from.');
    expect(options(h.el)).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('lists the empty value as "(empty)" but does not let it be chosen', async () => {
    const h = await harness();
    const rows = [...transactions, { ...transactions[0]!, transaction_id: 't7', channel: null }];
    const answer = (await open(h, { key: 'transactions.channel', adapter: new MemoryAdapter(clvDataModel, { customers, transactions: rows }) })).answer;
    expect(values(h.el)).to.deep.equal(['web', 'store', 'mobile', '(empty)']);
    expect(counts(h.el)).to.deep.equal(['3', '2', '1', '1']);
    const empty = $(h.el, '[role=option][data-empty]')!;
    expect(empty.getAttribute('aria-disabled')).to.equal('true');
    empty.click();
    await h.el.updateComplete;
    expect(empty.getAttribute('aria-selected')).to.equal('false');
    expect(chips(h.el)).to.deep.equal([]);
    expect($(h.el, '#empty-note')!.textContent).to.contain('It cannot be chosen: a values filter never matches an empty value.');
    await expect(h.el).to.be.accessible();
    cancel(h.el).click();
    expect(await answer).to.equal(undefined);
  });

  it('lists values without counts when the model has no count measure', async () => {
    const model = DataModelSchema.parse({ ...clvDataModel, measures: clvDataModel.measures.filter((m) => m.aggregation !== 'count') });
    const h = await harness();
    const answer = (await open(h, {
      key: 'transactions.channel',
      model,
      attribute: attribute('transactions.channel', model),
      adapter: new MemoryAdapter(model, { customers, transactions }),
    })).answer;
    expect(values(h.el)).to.deep.equal(['mobile', 'store', 'web']);
    expect(counts(h.el)).to.deep.equal([null, null, null]);
    expect(root(h.el).textContent).to.contain('Counts are not available: the model has no count of Transactions.');
    option(h.el, 'web').click();
    await h.el.updateComplete;
    apply(h.el).click();
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'equals', values: ['web'] });
  });

  it('builds an exclude filter from the keyboard alone, and Escape cancels', async () => {
    const h = await harness();
    let answer: Promise<ComposerFilter | undefined> | undefined;
    h.opener.addEventListener('click', () => {
      answer = h.el.edit({ attribute: attribute('transactions.channel'), adapter: memoryAdapter(), model: clvDataModel, table: 'transactions' });
    });
    h.opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => h.el.open && focusedId(h.el) === 'search', 'the dialog did not open on the search box');
    await h.el.settled();

    // Into the list, choose web and mobile.
    await sendKeys({ press: 'ArrowDown' });
    await h.el.updateComplete;
    expect(focusedId(h.el)).to.equal('listbox');
    expect($(h.el, '[role=listbox]')!.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'End' });
    await h.el.updateComplete;
    expect($(h.el, '[role=listbox]')!.getAttribute('aria-activedescendant')).to.equal('option-2');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await h.el.updateComplete;
    expect(selected(h.el)).to.deep.equal(['web', 'mobile']);
    await expect(h.el).to.be.accessible();

    // Back to the include/exclude radios, and switch to exclude with an arrow key.
    await tabTo(h.el, (e) => e.getAttribute('name') === 'mode', true);
    await sendKeys({ press: 'ArrowRight' });
    await h.el.updateComplete;
    expect(radio(h.el, 'mode', 'exclude').checked).to.equal(true);

    // Remove web with its chip, then put it back from the list.
    await tabTo(h.el, (e) => e.getAttribute('aria-label') === 'Remove web');
    await sendKeys({ press: 'Enter' });
    await h.el.updateComplete;
    expect(chips(h.el)).to.deep.equal(['mobile']);
    await tabTo(h.el, (e) => e.id === 'listbox');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Space' });
    await h.el.updateComplete;
    expect(chips(h.el)).to.deep.equal(['mobile', 'web']);

    await tabTo(h.el, (e) => e.getAttribute('part') === 'apply-button');
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'notIn', values: ['mobile', 'web'] });
    await closedWithFocusOnOpener(h);

    // Escape answers "no change".
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => h.el.open && focusedId(h.el) === 'search', 'the dialog did not open again');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(undefined);
    await closedWithFocusOnOpener(h);
  });

  it('cancels a question still open when asked another, and a second edit starts afresh', async () => {
    const h = await harness();
    const first = (await open(h, { key: 'transactions.channel' })).answer;
    option(h.el, 'web').click();
    const second = (await open(h, { key: 'transactions.channel' })).answer;
    expect(await first).to.equal(undefined);
    expect(chips(h.el)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    expect(await second).to.equal(undefined);
  });
});
