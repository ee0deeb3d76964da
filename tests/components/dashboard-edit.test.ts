import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClvDashboard, DashboardSaveDetail } from '../../components/dashboard/dashboard.js';
import { LocalStorageDashboardStore } from '../../src/dashboards/stores/local-storage-store.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { memoryAdapter } from './support/adapters.js';
import {
  $,
  $$,
  addDialog,
  choiceDialog,
  dashboardSpec,
  deepActive,
  grid,
  inventory,
  mountDashboard,
  remount,
  salesDashboard,
  settingsDialog,
  text,
  tile,
  valuesBy,
  waitForState,
  widget,
  widgetsPainted,
} from './dashboard-support.js';

const REVENUE = 'transactions.revenue';
type Updatable = HTMLElement & { updateComplete: Promise<unknown>; open: boolean };

const layoutOf = (el: ClvDashboard) => Object.fromEntries(el.spec!.widgets.map((w) => [w.id, w.layout]));

/** Clears what earlier tests left in browser storage under this prefix. */
function freshStorage(prefix: string): void {
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
}

async function opened(dialog: Element): Promise<Updatable> {
  const d = dialog as Updatable;
  await waitUntil(() => d.open, `${dialog.localName} open`);
  await d.updateComplete;
  return d;
}

/** Picks a catalog widget in the Add widget dialog by searching for it, as a keyboard user does. */
async function addFromCatalog(el: ClvDashboard, search: string, catalogId: string): Promise<void> {
  $<HTMLButtonElement>(el, '[data-action=add]')!.click();
  const dialog = await opened(addDialog(el));
  expect(deepActive()).to.equal($(dialog, '#search'));
  await sendKeys({ type: search });
  await dialog.updateComplete;
  const items = $$(dialog, '[part~=catalog-item]');
  expect(items.map((b) => b.dataset.catalogId)).to.deep.equal([catalogId]);
  items[0]!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => !dialog.open, 'dialog closed');
  await el.updateComplete;
}

async function answer(host: Element, choice: string): Promise<void> {
  const dialog = await opened(choiceDialog(host));
  $<HTMLButtonElement>(dialog, `[data-choice=${choice}]`)!.click();
  await waitUntil(() => !dialog.open, 'choice dialog closed');
}

describe('<clv-dashboard> editing', () => {
  it('creates a dashboard, adds two catalog widgets, moves one with the keyboard, saves, and a reload restores it', async () => {
    const prefix = 'test-edit-flow:';
    freshStorage(prefix);
    const store = new LocalStorageDashboardStore({ prefix });
    const { el, provider } = await mountDashboard({ store, adapter: memoryAdapter() });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;
    expect(inv.state).to.equal('empty');

    $<HTMLInputElement>(inv, '#new-name')!.focus();
    await sendKeys({ type: 'Sales board' });
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'editing');
    const id = el.dashboardId!;

    await addFromCatalog(el, 'loyalty', 'revenue-by-loyalty-tier');
    await waitUntil(() => deepActive() === tile(el, 'revenue-by-loyalty-tier').querySelector('[data-action=settings]'), 'focus on the new widget');
    $<HTMLButtonElement>(el, '[data-action=add]')!.click();
    const dialog = await opened(addDialog(el));
    // The catalog is grouped, each entry with its title and description.
    expect($$(dialog, '.catalog h3').map(text)).to.include.members(['Sales', 'Customer lifetime value', 'Deciles']);
    expect(text($(dialog, '[data-catalog-id="revenue-last-90-days"]'))).to.equal('Revenue, last 90 days Big number · Against the 90 days before.');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'channel' });
    await dialog.updateComplete;
    $<HTMLButtonElement>(dialog, '[data-catalog-id="revenue-by-channel"]')!.click();
    await waitUntil(() => !dialog.open, 'dialog closed');

    const [tiers, channels] = await widgetsPainted(el, 2);
    expect(tiers!.shadowRoot!.querySelectorAll('.vega g.mark-rect path').length).to.equal(3);
    expect(valuesBy(tiers!, 'customers.loyalty_tier', REVENUE)).to.deep.equal({ Bronze: 79.75, Silver: 345.25, Gold: 200.5 });
    expect(channels!.shadowRoot!.querySelectorAll('.vega g.mark-arc path').length).to.equal(3);
    expect(valuesBy(channels!, 'transactions.channel', REVENUE)).to.deep.equal({ mobile: 300, web: 185.5, store: 140 });
    expect(layoutOf(el)).to.deep.equal({ 'revenue-by-loyalty-tier': { x: 0, y: 0, w: 6, h: 4 }, 'revenue-by-channel': { x: 6, y: 0, w: 4, h: 4 } });
    expect(text($(el, '.toolbar .status'))).to.equal('Unsaved changes');
    await expect(el).to.be.accessible();

    // Move the donut two columns right with its grid handle.
    const move = $<HTMLButtonElement>(grid(el), '[part~=cell][data-id="revenue-by-channel"] [part~=move-handle]')!;
    move.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(layoutOf(el)['revenue-by-channel']).to.deep.equal({ x: 8, y: 0, w: 4, h: 4 });

    // The edit toolbar in tab order: Add widget, Save, Cancel.
    $<HTMLButtonElement>(el, '[data-action=add]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[data-action=save]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[data-action=cancel]'));
    await sendKeys({ press: 'Shift+Tab' });
    const saved = oneEvent(el, 'clv-dashboard-save');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await saved) as CustomEvent<DashboardSaveDetail>;
    expect(detail).to.include({ dashboardId: id, revision: 2, copy: false });
    await waitForState(el, 'view');
    await waitUntil(() => deepActive() === $(el, '[data-action=edit]'), 'focus on Edit');
    const stored = await store.get(id);
    expect(stored.spec.widgets.map((w) => [w.id, w.layout])).to.deep.equal([
      ['revenue-by-loyalty-tier', { x: 0, y: 0, w: 6, h: 4 }],
      ['revenue-by-channel', { x: 8, y: 0, w: 4, h: 4 }],
    ]);

    // A page reload: a new element over a new store object on the same storage.
    const again = await remount(provider, new LocalStorageDashboardStore({ prefix }));
    await waitForState(again, 'view');
    expect(again.dashboardId).to.equal(id);
    expect(text($(again, '#dashboard-title'))).to.equal('Sales board');
    expect(layoutOf(again)).to.deep.equal({ 'revenue-by-loyalty-tier': { x: 0, y: 0, w: 6, h: 4 }, 'revenue-by-channel': { x: 8, y: 0, w: 4, h: 4 } });
    const restored = await widgetsPainted(again, 2);
    expect(valuesBy(restored[0]!, 'customers.loyalty_tier', REVENUE)).to.deep.equal({ Bronze: 79.75, Silver: 345.25, Gold: 200.5 });
  });

  it('adds from a pasted spec (field-named errors), duplicates, sets filters, removes with confirmation; Cancel asks first', async () => {
    sessionStorage.clear();
    const store = new MemoryDashboardStore();
    await store.create(dashboardSpec(salesDashboard()));
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'sales' });
    await waitForState(el, 'view');
    $<HTMLButtonElement>(el, '[data-action=edit]')!.click();
    await waitForState(el, 'editing');

    $<HTMLButtonElement>(el, '[data-action=add]')!.click();
    const add = await opened(addDialog(el));
    $(add, 'summary')!.click();
    await add.updateComplete;
    const textarea = $<HTMLTextAreaElement>(add, '#spec-json')!;
    textarea.focus();
    await sendKeys({ type: '{"version": 2, "title": "Units"' });
    $<HTMLButtonElement>(add, '[data-action=add-spec]')!.click();
    await add.updateComplete;
    expect(text($(add, '#spec-error'))).to.match(/^Not valid JSON: /);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal(textarea);

    const incomplete = { version: 2, title: 'Units by channel', data: { kind: 'semantic', query: { measures: ['transactions.units'], dimensions: ['transactions.channel'] } }, mark: 'bar' };
    textarea.value = JSON.stringify(incomplete);
    textarea.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(add, '[data-action=add-spec]')!.click();
    await add.updateComplete;
    expect(text($(add, '#spec-error'))).to.equal(
      'encodings.x: bar needs encodings.x (the horizontal position); encodings.y: bar needs encodings.y (the vertical position)',
    );
    expect(textarea.getAttribute('aria-describedby')).to.equal('spec-error');
    await expect(el).to.be.accessible();

    const complete = {
      ...incomplete,
      encodings: { x: { field: 'transactions.channel', type: 'nominal' }, y: { field: 'transactions.units', type: 'quantitative' } },
    };
    textarea.value = JSON.stringify(complete);
    textarea.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(add, '[data-action=add-spec]')!.click();
    await waitUntil(() => el.spec!.widgets.length === 4, 'pasted widget added');
    expect(el.spec!.widgets[3]).to.deep.include({ id: 'units-by-channel', layout: { x: 0, y: 4, w: 6, h: 4 } });
    await waitUntil(() => widget(el, 'units-by-channel')?.state === 'data', 'pasted widget shows data');
    expect(valuesBy(widget(el, 'units-by-channel'), 'transactions.channel', 'transactions.units')).to.deep.equal({ mobile: 3, store: 3, web: 4 });

    // Duplicate.
    tile(el, 'revenue').querySelector<HTMLButtonElement>('[data-action=duplicate]')!.click();
    await el.updateComplete;
    expect(el.spec!.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'revenue-copy', 'tiers', 'channels', 'units-by-channel']);
    expect(el.spec!.widgets[1]!.spec.title).to.equal('Revenue (copy)');

    // Settings: a title and the filters the widget takes.
    tile(el, 'channels').querySelector<HTMLButtonElement>('[data-action=settings]')!.click();
    const settings = await opened(settingsDialog(el));
    const title = $<HTMLInputElement>(settings, '#title')!;
    expect(deepActive()).to.equal(title);
    title.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await settings.updateComplete;
    expect(text($(settings, '#title-error'))).to.equal('A widget needs a title.');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Channels' });
    $<HTMLInputElement>(settings, 'input[name=global][value=tier]')!.click();
    $<HTMLInputElement>(settings, 'input[name=crossFilter]')!.click();
    await settings.updateComplete;
    $<HTMLButtonElement>(settings, '[data-action=apply]')!.click();
    await waitUntil(() => !settings.open, 'settings closed');
    const channels = el.spec!.widgets.find((w) => w.id === 'channels')!;
    expect(channels.spec.title).to.equal('Channels');
    expect(channels.filters).to.deep.equal({ dateRange: true, global: ['tier'], crossFilter: false });

    // Remove, after a confirmation.
    tile(el, 'revenue-copy').querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    const confirm = await opened(choiceDialog(el));
    expect(text($(confirm, '[part~=heading]'))).to.equal('Remove “Revenue (copy)”?');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(confirm, '[data-choice=remove]')!.click();
    await waitUntil(() => !el.spec!.widgets.some((w) => w.id === 'revenue-copy'), 'widget removed');

    // Cancel with unsaved changes asks; Escape keeps editing, Discard restores the stored dashboard.
    $<HTMLButtonElement>(el, '[data-action=cancel]')!.click();
    const discard = await opened(choiceDialog(el));
    expect(text($(discard, '[part~=heading]'))).to.equal('Discard your changes?');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !discard.open, 'kept editing');
    expect(el.state).to.equal('editing');
    $<HTMLButtonElement>(el, '[data-action=cancel]')!.click();
    await answer(el, 'discard');
    await waitForState(el, 'view');
    expect(el.spec!.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'tiers', 'channels']);
    expect((await store.get('sales')).revision).to.equal(1);
  });

  it('two editors of one dashboard: a later save never overwrites; load theirs, or save as a copy', async () => {
    sessionStorage.clear();
    const store = new MemoryDashboardStore();
    await store.create(dashboardSpec(salesDashboard()));
    const a = (await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'sales', id: 'a' })).el;
    const b = (await mountDashboard({ store, adapter: memoryAdapter(), dashboardId: 'sales', id: 'b' })).el;
    await waitForState(a, 'view');
    await waitForState(b, 'view');
    a.edit();
    b.edit();
    await a.updateComplete;
    await b.updateComplete;

    tile(a, 'revenue').querySelector<HTMLButtonElement>('[data-action=duplicate]')!.click();
    expect(await a.save()).to.equal(true);
    tile(b, 'channels').querySelector<HTMLButtonElement>('[data-action=duplicate]')!.click();
    await b.updateComplete;

    const first = b.save();
    const conflict = await opened(choiceDialog(b));
    expect(text($(conflict, '[part~=heading]'))).to.equal('Your changes were not saved');
    expect(text($(conflict, '[part~=message]'))).to.match(/^This dashboard was changed elsewhere \(revision 2, saved at .+\)\.$/);
    expect($$(conflict, '[data-choice]').map(text)).to.deep.equal(['Keep editing', 'Load their version', 'Save as a copy']);
    await expect(b).to.be.accessible();
    let stored = await store.get('sales');
    expect(stored.revision).to.equal(2);
    expect(stored.spec.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'revenue-copy', 'tiers', 'channels']);

    $<HTMLButtonElement>(conflict, '[data-choice=keep]')!.click();
    expect(await first).to.equal(false);
    await b.updateComplete;
    expect(b.state).to.equal('editing');
    expect(text($(b, '[part~=notice]'))).to.contain('This dashboard was changed elsewhere (revision 2');

    const second = b.save();
    await answer(b, 'theirs');
    expect(await second).to.equal(false);
    await waitForState(b, 'view');
    expect(b.dashboard!.revision).to.equal(2);
    expect(b.spec!.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'revenue-copy', 'tiers', 'channels']);

    // Again, now choosing a copy: B's draft goes to a new dashboard, A's save stays.
    b.edit();
    await b.updateComplete;
    tile(b, 'tiers').querySelector<HTMLButtonElement>('[data-action=duplicate]')!.click();
    a.edit();
    await a.updateComplete;
    tile(a, 'channels').querySelector<HTMLButtonElement>('[data-action=duplicate]')!.click();
    expect(await a.save()).to.equal(true);
    const third = b.save();
    await answer(b, 'copy');
    expect(await third).to.equal(true);
    await waitForState(b, 'view');
    expect(b.spec!.name).to.equal('Sales (copy)');
    expect(b.dashboardId).to.not.equal('sales');
    const copy = await store.get(b.dashboardId!);
    expect(copy.revision).to.equal(1);
    expect(copy.spec.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'revenue-copy', 'tiers', 'tiers-copy', 'channels']);
    stored = await store.get('sales');
    expect(stored.revision).to.equal(3);
    expect(stored.spec.widgets.map((w) => w.id)).to.deep.equal(['revenue', 'revenue-copy', 'tiers', 'channels', 'channels-copy']);
  });

  it('follows saves made in another tab: reloads while viewing, warns while editing; filters survive a reload', async () => {
    const prefix = 'test-edit-tabs:';
    freshStorage(prefix);
    const here = new LocalStorageDashboardStore({ prefix });
    const otherTab = new LocalStorageDashboardStore({ prefix });
    await otherTab.create(dashboardSpec(salesDashboard()));
    const { el, provider } = await mountDashboard({ store: here, adapter: memoryAdapter(), dashboardId: 'sales' });
    await waitForState(el, 'view');
    el.applyFilters({ global: { tier: ['Gold'] } });
    const [revenue] = await widgetsPainted(el, 3);
    await waitUntil(() => revenue!.result?.rows[0]?.[REVENUE] === 200.5, 'revenue of Gold');

    const v1 = await otherTab.get('sales');
    await otherTab.save({ ...v1.spec, name: 'Sales (EU)' }, v1.revision);
    await waitUntil(() => text($(el, '#dashboard-title')) === 'Sales (EU)', 'reloaded after the other tab saved');
    expect(el.dashboard!.revision).to.equal(2);
    expect(el.filterState.global).to.deep.equal({ tier: ['Gold'] });

    el.edit();
    await el.updateComplete;
    const v2 = await otherTab.get('sales');
    await otherTab.save({ ...v2.spec, description: 'Changed elsewhere' }, v2.revision);
    await waitUntil(() => $(el, '[part~=notice]') !== null, 'saving-will-conflict notice');
    expect(text($(el, '[part~=notice]'))).to.match(/^This dashboard was changed elsewhere \(revision 3, saved at .+\)\. Saving will conflict/);
    expect(el.spec!.description).to.equal('Revenue by tier and channel');
    await expect(el).to.be.accessible();
    const saving = el.save();
    await answer(el, 'theirs');
    await saving;
    await waitForState(el, 'view');
    expect(el.spec!.description).to.equal('Changed elsewhere');

    // Reload: the open dashboard and its filters come back from sessionStorage.
    const again = await remount(provider, new LocalStorageDashboardStore({ prefix }));
    await waitForState(again, 'view');
    expect(again.filterState.global).to.deep.equal({ tier: ['Gold'] });
    const [restored] = await widgetsPainted(again, 3);
    expect(restored!.result?.rows[0]?.[REVENUE]).to.equal(200.5);
  });
});
