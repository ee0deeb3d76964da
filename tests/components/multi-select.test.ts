import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/dashboard-filters/define.js';
import type { ClvMultiSelect } from '../../components/dashboard-filters/multi-select.js';
import { optionLoader } from '../../components/dashboard-filters/option-source.js';
import type { OptionLoader, SelectOption } from '../../components/dashboard-filters/options.js';
import { GlobalFilterSchema } from '../../src/dashboards/spec.js';
import { failingAdapter, flakyAdapter, memoryAdapter, pendingAdapter } from './support/adapters.js';

const tierFilter = GlobalFilterSchema.parse({
  id: 'tier',
  label: 'Loyalty tier',
  member: 'customers.loyalty_tier',
  options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' },
});

const root = (el: ClvMultiSelect) => el.shadowRoot!;
const trigger = (el: ClvMultiSelect) => root(el).querySelector<HTMLButtonElement>('[part=trigger]')!;
const search = (el: ClvMultiSelect) => root(el).querySelector<HTMLInputElement>('[role=combobox]')!;
const optionEls = (el: ClvMultiSelect) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
const optionLabels = (el: ClvMultiSelect) => optionEls(el).map((o) => o.textContent!.trim());
const chosenLabels = (el: ClvMultiSelect) => optionEls(el).filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.textContent!.trim());
const statusText = (el: ClvMultiSelect) => root(el).querySelector('[role=status]')!.textContent!.trim();
const button = (el: ClvMultiSelect, text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;

async function multiSelect(loader: OptionLoader | undefined, value: SelectOption['value'][] = []): Promise<ClvMultiSelect> {
  return fixture<ClvMultiSelect>(html`<clv-multi-select label="Loyalty tier" .loader=${loader} .value=${value}></clv-multi-select>`);
}

async function openList(el: ClvMultiSelect): Promise<void> {
  trigger(el).focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.open, 'the popup did not open');
  await el.settled();
}

describe('<clv-multi-select>', () => {
  it('lists the options from its loader when opened, with combobox and listbox semantics', async () => {
    const el = await multiSelect(optionLoader(memoryAdapter(), tierFilter));
    expect(trigger(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: All');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.status).to.equal('idle');
    await expect(el).to.be.accessible();

    await openList(el);
    expect(el.status).to.equal('data');
    expect(optionLabels(el)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    const box = search(el);
    expect(root(el).activeElement).to.equal(box);
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.getAttribute('aria-controls')).to.equal('listbox');
    const listbox = root(el).querySelector('#listbox')!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.getAttribute('aria-multiselectable')).to.equal('true');
    expect(statusText(el)).to.equal('3 options');
    await expect(el).to.be.accessible();
  });

  it('moves with the arrow keys, Home and End, toggles with Space and Enter, and closes with Escape', async () => {
    const el = await multiSelect(optionLoader(memoryAdapter(), tierFilter));
    await openList(el);
    const box = search(el);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-0');
    let changed = oneEvent(el, 'clv-selection-change');
    await sendKeys({ press: 'Space' });
    expect((await changed).detail.values).to.deep.equal(['Bronze']);
    expect(box.value).to.equal('', 'Space toggled instead of typing');

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-2');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-1');
    changed = oneEvent(el, 'clv-selection-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.values).to.deep.equal(['Bronze', 'Gold']);
    await el.updateComplete;
    expect(chosenLabels(el)).to.deep.equal(['Bronze', 'Gold']);
    expect(trigger(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: Bronze, Gold');

    // Enter again removes it.
    changed = oneEvent(el, 'clv-selection-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.values).to.deep.equal(['Bronze']);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(root(el).querySelector('[part=popup]')!.hasAttribute('hidden')).to.equal(true);
    await waitUntil(() => root(el).activeElement === trigger(el), 'focus did not return to the button');
  });

  it('waits for a pause in typing, then lists again and aborts the listing it replaces', async () => {
    const inner = optionLoader(memoryAdapter(), tierFilter);
    const calls: Array<{ search: string; signal: AbortSignal }> = [];
    let hold = false;
    const loader: OptionLoader = (text, signal) => {
      calls.push({ search: text, signal });
      return hold ? new Promise<SelectOption[]>(() => {}) : inner(text, signal);
    };
    const el = await multiSelect(loader);
    expect(el.searchDelay).to.equal(200);
    el.searchDelay = 600; // longer than the gap between two typed keys, even on a busy machine
    await openList(el);
    await sendKeys({ type: 'Go' });
    await el.settled();
    expect(calls.map((c) => c.search)).to.deep.equal(['', 'Go']);
    expect(optionLabels(el)).to.deep.equal(['Gold']);

    hold = true;
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => calls.length === 3, 'no listing for "G"');
    expect(el.status).to.equal('loading');
    await sendKeys({ type: 'x' });
    expect(calls[2]!.signal.aborted).to.equal(true, 'the listing for "G" was not aborted');
    hold = false;
    await el.settled();
    expect(calls.map((c) => c.search)).to.deep.equal(['', 'Go', 'G', 'Gx']);
    expect(el.status).to.equal('empty');
    expect(statusText(el)).to.equal('No matches');
    await expect(el).to.be.accessible();
  });

  it('keeps chosen values that the search hides as chips, and removes them from there', async () => {
    const el = await multiSelect(optionLoader(memoryAdapter(), tierFilter), ['Silver', 'Platinum']);
    expect(trigger(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: Silver, Platinum');
    await openList(el);
    await sendKeys({ type: 'Go' });
    await el.settled();
    expect(optionLabels(el)).to.deep.equal(['Gold']);
    expect(chosenLabels(el)).to.deep.equal([]);
    const chips = [...root(el).querySelectorAll('[part=chip] > span')].map((c) => c.textContent);
    expect(chips).to.deep.equal(['Silver', 'Platinum']);
    const changed = oneEvent(el, 'clv-selection-change');
    root(el).querySelector<HTMLButtonElement>('[aria-label="Remove Platinum"]')!.click();
    expect((await changed).detail.values).to.deep.equal(['Silver']);
  });

  it('selects every shown option, and clears the choice', async () => {
    const el = await multiSelect(optionLoader(memoryAdapter(), tierFilter), ['Gold']);
    await openList(el);
    let changed = oneEvent(el, 'clv-selection-change');
    button(el, 'Select all shown').click();
    expect((await changed).detail.values).to.deep.equal(['Gold', 'Bronze', 'Silver']);
    changed = oneEvent(el, 'clv-selection-change');
    button(el, 'Clear').click();
    expect((await changed).detail.values).to.deep.equal([]);
    await el.updateComplete;
    expect(button(el, 'Clear').disabled).to.equal(true);
  });

  it('shows a loading message while the options are listed', async () => {
    const adapter = pendingAdapter();
    const el = await multiSelect(optionLoader(adapter, tierFilter));
    trigger(el).click();
    await waitUntil(() => el.status === 'loading');
    await el.updateComplete;
    expect(statusText(el)).to.equal('Loading options…');
    expect(root(el).querySelector('#listbox')!.getAttribute('aria-busy')).to.equal('true');
    expect(adapter.calls.length).to.equal(1);
    el.remove();
    expect(adapter.calls[0]!.signal!.aborted).to.equal(true, 'the listing went on after the element was removed');
  });

  it('shows what failed with a Retry button, and lists the options on Retry', async () => {
    const el = await multiSelect(optionLoader(flakyAdapter(), tierFilter));
    await openList(el);
    expect(el.status).to.equal('error');
    const error = root(el).querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.querySelector('[part=error-message]')!.textContent).to.equal('The query took longer than 30 s.');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await el.settled();
    expect(el.status).to.equal('data');
    expect(optionLabels(el)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
  });

  it('lists again from a new loader while open, and says when it has none', async () => {
    const el = await multiSelect(undefined);
    await openList(el);
    expect(statusText(el)).to.equal('No data source to list the options from.');
    el.loader = optionLoader(memoryAdapter(), tierFilter);
    await el.settled();
    expect(optionLabels(el)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
    el.loader = async (text) => [{ value: 1, label: `One (${text || 'all'})` }];
    await el.settled();
    expect(optionLabels(el)).to.deep.equal(['One (all)']);
  });

  it('says when the source always fails or has no options', async () => {
    const failing = await multiSelect(optionLoader(failingAdapter(), tierFilter));
    await openList(failing);
    expect(failing.error).to.deep.equal({ message: 'The warehouse is offline. Try again in a minute.', code: 'backend' });

    const empty = await multiSelect(async () => []);
    await openList(empty);
    expect(empty.status).to.equal('empty');
    expect(statusText(empty)).to.equal('No options to choose from');
    expect(button(empty, 'Select all shown').disabled).to.equal(true);
  });
});
