import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DashboardDeleteDetail } from '../../components/dashboard/inventory.js';
import { DashboardStoreError } from '../../src/dashboards/store.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { memoryAdapter } from './support/adapters.js';
import {
  $,
  $$,
  choiceDialog,
  dashboardSpec,
  deepActive,
  inventory,
  mountDashboard,
  salesDashboard,
  SteeredStore,
  text,
  waitForState,
  widgetsPainted,
} from './dashboard-support.js';

const EMPTY_TEXT = 'No dashboards yet. Create one, or start from an example.';

const row = (el: Element, id: string) => $(el, `tr[data-dashboard="${id}"]`);
const names = (el: Element) => $$(el, 'tbody tr th').map((th) => text(th));

async function listed(store: MemoryDashboardStore | SteeredStore, ...names: string[]) {
  for (const [i, name] of names.entries()) await store.create(dashboardSpec({ version: 1, id: `d${i + 1}`, name, widgets: [] }));
}

describe('<clv-dashboard> inventory', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows a loading state while the store lists, then an empty state that says how to start', async () => {
    const store = new SteeredStore();
    store.hold();
    const { el } = await mountDashboard({ store, examples: [salesDashboard()] });
    const inv = inventory(el);
    await inv.updateComplete;
    expect(el.state).to.equal('inventory');
    expect(inv.state).to.equal('loading');
    expect(text($(inv, '.inventory'))).to.contain('Loading dashboards…');
    expect($(inv, '.inventory')!.getAttribute('aria-busy')).to.equal('true');
    expect($(inv, '[part~=skeleton]')).to.exist;
    await expect(el).to.be.accessible();

    store.release();
    await inv.loaded;
    await inv.updateComplete;
    expect(inv.state).to.equal('empty');
    expect(text($(inv, '[part~=empty]'))).to.equal(EMPTY_TEXT);
    expect(text($(inv, '[data-example="0"]'))).to.equal('Create from example: Sales');
    await expect(el).to.be.accessible();
  });

  it('shows a store error with its message, never a crash, and lists again on Retry', async () => {
    const store = new SteeredStore();
    store.listError = new DashboardStoreError('unavailable', 'Browser storage is blocked here; allow site data or use another store.');
    const { el } = await mountDashboard({ store });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;
    expect(inv.state).to.equal('error');
    const error = $(inv, '[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Could not list the dashboards: Browser storage is blocked here; allow site data or use another store.');
    await expect(el).to.be.accessible();

    store.listError = undefined;
    await listed(store.inner, 'Retention');
    $<HTMLButtonElement>(inv, '[data-action=retry]')!.click();
    await inv.loaded;
    await inv.updateComplete;
    expect(inv.state).to.equal('data');
    expect(names(inv)).to.deep.equal(['Retention']);
  });

  it('validates the new name next to the field, reports store errors there, then creates and opens the dashboard in edit mode', async () => {
    const store = new SteeredStore();
    await listed(store.inner, 'Retention');
    const { el } = await mountDashboard({ store });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;
    const input = $<HTMLInputElement>(inv, '#new-name')!;

    input.focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await inv.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('new-name-error');
    expect(text($(inv, '#new-name-error'))).to.equal('A dashboard needs a name.');
    expect(deepActive()).to.equal(input);
    await expect(el).to.be.accessible();

    input.select();
    await sendKeys({ type: 'retention' });
    await sendKeys({ press: 'Enter' });
    await inv.updateComplete;
    expect(text($(inv, '#new-name-error'))).to.equal('A dashboard named “retention” already exists. Choose another name.');

    store.createError = new DashboardStoreError('unavailable', 'The dashboard service is down for maintenance.');
    input.select();
    await sendKeys({ type: 'Tier review' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(inv, '#new-name-error')).includes('maintenance'), 'store error shown next to the field');
    expect(text($(inv, '#new-name-error'))).to.equal('The dashboard service is down for maintenance.');
    expect((await store.list()).map((s) => s.name)).to.deep.equal(['Retention']);

    store.createError = undefined;
    const opened = oneEvent(el, 'clv-dashboard-open');
    await sendKeys({ press: 'Enter' });
    const { detail } = await opened;
    expect(detail.name).to.equal('Tier review');
    expect(detail.revision).to.equal(1);
    expect(detail.dashboardId).to.match(/^tier-review-[0-9a-f]{8}$/);
    await waitForState(el, 'editing');
    expect(text($(el, '#dashboard-title'))).to.equal('Tier review');
    expect(text($(el, '[part~=empty]'))).to.contain('No widgets yet. Choose Add widget');
    await waitUntil(() => deepActive() === $(el, '[data-action=add]'), 'focus on Add widget');
    expect((await store.get(detail.dashboardId)).spec.widgets).to.deep.equal([]);
  });

  it('renames inline: validated, Escape cancels, Enter saves a new revision', async () => {
    const store = new MemoryDashboardStore();
    await listed(store, 'Retention', 'Sales');
    const { el } = await mountDashboard({ store });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;
    expect(names(inv)).to.deep.equal(['Retention', 'Sales']);

    const renameButton = row(inv, 'd2')!.querySelector<HTMLButtonElement>('[data-action=rename]')!;
    expect(renameButton.getAttribute('aria-label')).to.equal('Rename “Sales”');
    renameButton.click();
    await inv.updateComplete;
    const input = $<HTMLInputElement>(inv, '#rename-input')!;
    expect(deepActive()).to.equal(input);
    expect(input.value).to.equal('Sales');
    expect(text($(inv, 'label[for=rename-input]'))).to.equal('New name for “Sales”');

    input.select();
    await sendKeys({ type: 'Retention' });
    await sendKeys({ press: 'Enter' });
    await inv.updateComplete;
    expect(text($(inv, '#rename-error'))).to.equal('A dashboard named “Retention” already exists. Choose another name.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await inv.updateComplete;
    expect($(inv, '#rename-input')).to.be.null;
    expect(deepActive()).to.equal(row(inv, 'd2')!.querySelector('[data-action=rename]'));
    expect((await store.get('d2')).spec.name).to.equal('Sales');

    await sendKeys({ press: 'Enter' });
    await inv.updateComplete;
    $<HTMLInputElement>(inv, '#rename-input')!.select();
    await sendKeys({ type: 'Sales EU' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(inv).includes('Sales EU'), 'renamed row');
    const stored = await store.get('d2');
    expect(stored.spec.name).to.equal('Sales EU');
    expect(stored.revision).to.equal(2);
    expect(deepActive()).to.equal(row(inv, 'd2')!.querySelector('[data-action=open]'));
  });

  it('deletes a dashboard only after a confirmation that names it', async () => {
    const store = new MemoryDashboardStore();
    await listed(store, 'Retention', 'Sales');
    const { el } = await mountDashboard({ store });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;
    const dialog = choiceDialog(inv);

    row(inv, 'd1')!.querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    await waitUntil(() => dialog.open, 'confirmation open');
    await (dialog as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text($(dialog, '[part~=heading]'))).to.equal('Delete “Retention”?');
    expect(text($(dialog, '[part~=message]'))).to.contain('The dashboard “Retention” and its 0 widgets will be deleted');
    expect(deepActive()).to.equal($(dialog, '[data-choice=cancel]'));
    expect($<HTMLDialogElement>(dialog, 'dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dismissed');
    expect((await store.list()).length).to.equal(2);

    row(inv, 'd1')!.querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    await waitUntil(() => dialog.open, 'confirmation open again');
    await (dialog as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const deleted = oneEvent(el, 'clv-dashboard-delete');
    $<HTMLButtonElement>(dialog, '[data-choice=delete]')!.click();
    const event = (await deleted) as CustomEvent<DashboardDeleteDetail>;
    expect(event.detail).to.deep.equal({ dashboardId: 'd1', name: 'Retention' });
    await inv.updateComplete;
    expect(names(inv)).to.deep.equal(['Sales']);
    expect((await store.list()).map((s) => s.id)).to.deep.equal(['d2']);
    expect(text($(inv, '[role=status]'))).to.equal('Deleted “Retention”.');
  });

  it('is keyboard usable: create from an example, open, and back to the list', async () => {
    const store = new MemoryDashboardStore();
    const { el } = await mountDashboard({ store, adapter: memoryAdapter(), examples: [salesDashboard()] });
    const inv = inventory(el);
    await inv.loaded;
    await inv.updateComplete;

    $<HTMLInputElement>(inv, '#new-name')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(inv, '[data-action=create]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(inv, '[data-example="0"]'));
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'view');
    expect(el.dashboard!.spec.name).to.equal('Sales');
    expect(el.dashboard!.spec.id).to.equal('sales');
    await waitUntil(() => deepActive() === $(el, '#dashboard-title'), 'focus on the dashboard name');
    await widgetsPainted(el, 3);

    // Back: Shift+Tab from the title reaches "All dashboards".
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActive()).to.equal($(el, '[data-action=back]'));
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'inventory');
    const list = inventory(el);
    await waitUntil(() => deepActive() === row(list, 'sales')?.querySelector('[data-action=open]'), 'focus back on the dashboard row');
    expect(text(row(list, 'sales')!.querySelector('th'))).to.equal('Sales');
    expect(text(row(list, 'sales')!.querySelector('.num'))).to.equal('3');
    expect(text(row(list, 'sales')!.querySelector('time'))).to.not.equal('');

    // Tab order through a row: open, rename, delete.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(row(list, 'sales')!.querySelector('[data-action=rename]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(row(list, 'sales')!.querySelector('[data-action=delete]'));
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'view');
    expect(el.dashboardId).to.equal('sales');
    await expect(el).to.be.accessible();
  });
});
