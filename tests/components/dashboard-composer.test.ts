// <clv-dashboard> with the widget composer: "Compose a new widget" in Add widget, each tile's Edit,
// Save / Save and close / Cancel, and the end-to-end run of issue #5 (a bar chart of CLV by decile
// composed from nothing through the UI, saved into a dashboard, its spec and marks checked).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClvComposerDialog } from '../../components/dashboard/composer-dialog.js';
import type { ClvDashboard } from '../../components/dashboard/dashboard.js';
import { ATTRIBUTE_DRAG_TYPE } from '../../components/widget-composer/composer-events.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { DashboardSpecInput } from '../../src/dashboards/spec.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { catalogModel, catalogSpec } from '../../src/widgets/catalog.js';
import { generateCatalogData } from '../../src/widgets/catalog-data.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { $, $$, addDialog, choiceDialog, dashboardSpec, deepActive, mountDashboard, text, tile, waitForState, widget, widgetsPainted } from './dashboard-support.js';

type Updatable = HTMLElement & { updateComplete: Promise<unknown>; open: boolean };
type Composer = HTMLElement & { updateComplete: Promise<unknown>; dirty: boolean };

const DECILE = 'customer_clv.clv_decile';
const TOTAL = 'customer_clv.clv_total';

let sharedAdapter: MemoryAdapter | undefined;
/** The catalog tables for 1,000 synthetic customers (the smallest base the generator makes) (fixed seed), built once for the file. */
function catalogAdapter(): MemoryAdapter {
  sharedAdapter ??= new MemoryAdapter(catalogModel(), generateCatalogData({ customers: 1000, seed: 42 }));
  return sharedAdapter;
}

function board(widgets: DashboardSpecInput['widgets'] = []): DashboardSpecInput {
  return { version: 1, id: 'clv', name: 'CLV', widgets };
}

async function mountBoard(widgets: DashboardSpecInput['widgets'] = []): Promise<{ el: ClvDashboard; store: MemoryDashboardStore }> {
  sessionStorage.clear();
  const store = new MemoryDashboardStore();
  await store.create(dashboardSpec(board(widgets)));
  const { el } = await mountDashboard({ store, adapter: catalogAdapter(), dashboardId: 'clv' });
  await waitForState(el, 'view');
  $<HTMLButtonElement>(el, '[data-action=edit]')!.click();
  await waitForState(el, 'editing');
  return { el, store };
}

const composerDialog = (el: ClvDashboard) => $<ClvComposerDialog>(el, 'clv-composer-dialog')!;
const composerOf = (el: ClvDashboard) => composerDialog(el).composer as Composer;
/** A part of the composer (its shadow root holds them all). */
const part = <T extends Element = HTMLElement>(el: ClvDashboard, selector: string) => $<T>(composerOf(el), selector);

async function opened(dialog: Element): Promise<Updatable> {
  const d = dialog as Updatable;
  await waitUntil(() => d.open, `${dialog.localName} open`);
  await d.updateComplete;
  return d;
}

/** Waits until the composer shows its editor: the table picker (nothing chosen yet) or the mark picker. */
async function composerShown(el: ClvDashboard, what: 'clv-composer-table-picker' | 'clv-composer-mark-picker'): Promise<Composer> {
  await opened(composerDialog(el));
  await waitUntil(() => composerOf(el) !== null, 'the composer rendered');
  await waitUntil(() => part(el, what) !== null, `the composer showing ${what}`, { timeout: 10000 });
  const composer = composerOf(el);
  await composer.updateComplete;
  const shown = part<Updatable>(el, what)!;
  await shown.updateComplete;
  return composer;
}

async function closed(el: ClvDashboard): Promise<void> {
  await waitUntil(() => !composerDialog(el).open, 'the composer closed');
  await el.updateComplete;
}

async function chooseTable(el: ClvDashboard, table: string): Promise<void> {
  const picker = part<Updatable>(el, 'clv-composer-table-picker')!;
  $<HTMLElement>(picker, `[data-table="${table}"]`)!.click();
  await picker.updateComplete;
  $<HTMLButtonElement>(picker, 'button[part~=use-table-button]')!.click();
  await waitUntil(() => part(el, 'clv-composer-attribute-rail') !== null, 'the attribute rail');
  await composerOf(el).updateComplete;
  await part<Updatable>(el, 'clv-composer-attribute-rail')!.updateComplete;
}

const rail = (el: ClvDashboard) => part<Updatable>(el, 'clv-composer-attribute-rail')!;
const shelves = (el: ClvDashboard) => part<Updatable>(el, 'clv-composer-shelves')!;
const markPicker = (el: ClvDashboard) => part<Updatable>(el, 'clv-composer-mark-picker')!;
const railRow = (el: ClvDashboard, key: string) => $<HTMLElement>(rail(el), `[data-attribute="${key}"]`)!;
const shelf = (el: ClvDashboard, channel: string) => $<HTMLElement>(shelves(el), `[data-channel="${channel}"]`)!;

/** Puts an attribute on a channel from its menu in the rail; the shelf then shows its label. */
async function assignFromMenu(el: ClvDashboard, key: string, channel: string, label: string): Promise<void> {
  railRow(el, key).querySelector<HTMLButtonElement>('button[part~=attribute-menu-button]')!.click();
  await rail(el).updateComplete;
  const menu = $<HTMLElement>(rail(el), '[role=menu]')!;
  expect(menu, 'the attribute menu').to.exist;
  menu.querySelector<HTMLElement>(`[role=menuitem][data-target="${channel}"]`)!.click();
  await waitUntil(() => text(shelf(el, channel)).includes(label), `${label} on ${channel}`);
}

/** Drags an attribute from the rail onto a shelf, as the pointer does: one DataTransfer from dragstart to drop. */
async function dragToShelf(el: ClvDashboard, key: string, channel: string): Promise<void> {
  const data = new DataTransfer();
  const drag = (target: Element, type: string) =>
    target.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
  const row = railRow(el, key);
  drag(row, 'dragstart');
  expect(data.getData(ATTRIBUTE_DRAG_TYPE)).to.equal(key);
  const target = shelf(el, channel);
  drag(target, 'dragenter');
  const accepted = !drag(target, 'dragover');
  expect(accepted, 'the shelf accepts the drag').to.equal(true);
  drag(target, 'drop');
  drag(row, 'dragend');
  await composerOf(el).updateComplete;
  await shelves(el).updateComplete;
}

async function chooseMark(el: ClvDashboard, mark: string): Promise<void> {
  $<HTMLInputElement>(markPicker(el), `input[type=radio][name=mark][value="${mark}"]`)!.click();
  await composerOf(el).updateComplete;
  await markPicker(el).updateComplete;
}

async function pressComposer(el: ClvDashboard, button: 'save-button' | 'save-close-button' | 'cancel-button'): Promise<void> {
  const b = part<HTMLButtonElement>(el, `button[part~=${button}]`)!;
  await waitUntil(() => !b.disabled, `${button} enabled`);
  b.click();
  await el.updateComplete;
}

/** The bars a widget drew: height and decile of each (vega keeps the datum on the path). */
function bars(w: ClvWidget): Array<{ decile: number; height: number }> {
  return [...w.shadowRoot!.querySelectorAll<SVGPathElement>('.vega g.mark-rect.role-mark path')].map((path) => ({
    decile: Number((path as unknown as { __data__: { datum: Record<string, unknown> } }).__data__.datum[DECILE]),
    height: path.getBoundingClientRect().height,
  }));
}

/** What composing "CLV by decile" gives: stateToSpec's parsed form, every default written out. */
const CLV_BY_DECILE: WidgetSpec = {
  version: 2,
  title: 'CLV by decile',
  data: {
    kind: 'semantic',
    query: {
      measures: [TOTAL],
      dimensions: [DECILE],
      timeDimensions: [],
      filters: [],
      order: [],
      limit: 10000,
      offset: 0,
      total: false,
      timezone: 'UTC',
    },
  },
  mark: 'bar',
  encodings: {
    x: { field: DECILE, type: 'ordinal' },
    y: { field: TOTAL, type: 'quantitative' },
  },
  properties: {},
  interactions: { tooltip: true, click: { kind: 'none' } },
};

describe('<clv-dashboard> with the widget composer', () => {
  it('composes a bar chart of CLV by decile from nothing, saves it into the dashboard, and draws one bar per decile', async () => {
    const { el, store } = await mountBoard();
    expect(text($(el, '[part~=empty]'))).to.equal('No widgets yet. Choose Add widget to compose one, pick one from the catalog or paste a spec.');

    $<HTMLButtonElement>(el, '[data-action=add]')!.click();
    const add = await opened(addDialog(el));
    const compose = $<HTMLButtonElement>(add, 'button[part~=compose-button]')!;
    expect(text(compose)).to.equal('Compose a new widget');
    compose.click();
    await waitUntil(() => !add.open, 'Add widget closed');
    await composerShown(el, 'clv-composer-table-picker');
    expect(composerDialog(el).shadowRoot!.querySelector('dialog')!.getAttribute('aria-label')).to.equal('Compose a new widget');
    expect(composerOf(el).dirty).to.equal(false);

    await chooseTable(el, 'customer_clv');
    await assignFromMenu(el, DECILE, 'x', 'CLV decile');
    await dragToShelf(el, TOTAL, 'y');
    await waitUntil(() => text(shelf(el, 'y')).includes('Total CLV'), 'Total CLV on Y');
    expect(text(shelf(el, 'x'))).to.contain('CLV decile');
    expect($<HTMLInputElement>(markPicker(el), 'input[name=mark][value=bar]')!.checked, 'bar is the mark').to.equal(true);

    const title = part<HTMLInputElement>(el, 'input[part~=title-input]')!;
    title.focus();
    await sendKeys({ type: 'CLV by decile' });
    await composerOf(el).updateComplete;
    expect(title.value).to.equal('CLV by decile');
    expect(composerOf(el).dirty).to.equal(true);

    await pressComposer(el, 'save-close-button');
    await closed(el);
    expect(el.spec!.widgets.map((w) => w.id)).to.deep.equal(['clv-by-decile']);
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal('Added “CLV by decile”.');
    await waitUntil(() => deepActive() === tile(el, 'clv-by-decile').querySelector('[data-action=edit]'), 'focus on the new widget’s Edit');
    // Nothing is stored before the dashboard's own Save.
    expect((await store.get('clv')).spec.widgets).to.deep.equal([]);

    $<HTMLButtonElement>(el, '[data-action=save]')!.click();
    await waitForState(el, 'view');
    const stored = await store.get('clv');
    expect(stored.revision).to.equal(2);
    expect(stored.spec.widgets).to.have.length(1);
    expect(stored.spec.widgets[0]!.id).to.equal('clv-by-decile');
    expect(stored.spec.widgets[0]!.layout).to.deep.equal({ x: 0, y: 0, w: 6, h: 4 });
    expect(stored.spec.widgets[0]!.spec).to.deep.equal(CLV_BY_DECILE);

    // The saved widget draws ten bars, taller for the deciles with more CLV (decile 1 is the top 10%).
    const [drawn] = await widgetsPainted(el, 1);
    const expected = await catalogAdapter().query({ measures: [TOTAL], dimensions: [DECILE] });
    const totals = new Map(expected.rows.map((r) => [Number(r[DECILE]), Number(r[TOTAL])]));
    expect([...totals.keys()].sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Map(drawn!.result!.rows.map((r) => [Number(r[DECILE]), Number(r[TOTAL])]))).to.deep.equal(totals);
    const drawnBars = bars(drawn!);
    expect(drawnBars).to.have.length(10);
    expect(drawnBars.map((b) => b.decile).sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const byHeight = [...drawnBars].sort((a, b) => b.height - a.height).map((b) => b.decile);
    const byTotal = [...totals].sort((a, b) => b[1] - a[1]).map(([d]) => d);
    expect(byHeight).to.deep.equal(byTotal);
    expect(byHeight[0]).to.equal(1);
    expect(drawnBars.find((b) => b.decile === 1)!.height).to.be.greaterThan(drawnBars.find((b) => b.decile === 10)!.height * 2);
  });

  it('edits a widget: a new mark replaces its spec in the draft; Cancel asks only when something changed', async () => {
    const original = catalogSpec('clv-by-decile');
    const { el, store } = await mountBoard([{ id: 'deciles', spec: original, layout: { x: 2, y: 0, w: 8, h: 4 }, filters: { crossFilter: true } }]);
    const before = structuredClone(el.spec!.widgets[0]!);
    const edit = tile(el, 'deciles').querySelector<HTMLButtonElement>('[data-action=edit]')!;
    expect(edit.getAttribute('aria-label')).to.equal('Edit “CLV by CLV decile”');
    // Edit comes first among the tile's actions.
    expect([...tile(el, 'deciles').querySelectorAll<HTMLElement>('[part~=tile-actions] button')].map((b) => b.dataset.action)).to.deep.equal([
      'edit',
      'settings',
      'duplicate',
      'delete',
    ]);

    edit.focus();
    edit.click();
    await composerShown(el, 'clv-composer-mark-picker');
    expect(composerDialog(el).shadowRoot!.querySelector('dialog')!.getAttribute('aria-label')).to.equal('Edit “CLV by CLV decile”');
    expect(part<HTMLInputElement>(el, 'input[part~=title-input]')!.value).to.equal('CLV by CLV decile');
    expect($<HTMLInputElement>(markPicker(el), 'input[name=mark][value=bar]')!.checked).to.equal(true);
    await chooseMark(el, 'line');
    expect(composerOf(el).dirty).to.equal(true);
    await pressComposer(el, 'save-close-button');
    await closed(el);
    const after = el.spec!.widgets[0]!;
    expect(after).to.deep.equal({ ...before, spec: { ...before.spec, mark: 'line' } });
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal('Updated “CLV by CLV decile”.');
    await waitUntil(() => deepActive() === tile(el, 'deciles').querySelector('[data-action=edit]'), 'focus back on Edit');
    await waitUntil(() => widget(el, 'deciles').shadowRoot!.querySelectorAll('.vega g.mark-line path').length === 1, 'the widget redrawn as a line');

    // Cancel with a change asks; Keep editing stays, Discard closes without touching the draft.
    tile(el, 'deciles').querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await composerShown(el, 'clv-composer-mark-picker');
    expect($<HTMLInputElement>(markPicker(el), 'input[name=mark][value=line]')!.checked).to.equal(true);
    await chooseMark(el, 'point');
    await pressComposer(el, 'cancel-button');
    const ask = await opened(choiceDialog(composerDialog(el)));
    expect(text($(ask, '[part~=heading]'))).to.equal('Discard your changes?');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(ask, '[data-choice=keep]')!.click();
    await waitUntil(() => !ask.open, 'kept editing');
    expect(composerDialog(el).open).to.equal(true);
    expect($<HTMLInputElement>(markPicker(el), 'input[name=mark][value=point]')!.checked).to.equal(true);
    await pressComposer(el, 'cancel-button');
    await opened(ask);
    $<HTMLButtonElement>(ask, '[data-choice=discard]')!.click();
    await closed(el);
    expect(el.spec!.widgets[0]!.spec.mark).to.equal('line');

    // Cancel without a change closes at once, focus back on Edit.
    const again = tile(el, 'deciles').querySelector<HTMLButtonElement>('[data-action=edit]')!;
    again.focus();
    again.click();
    await composerShown(el, 'clv-composer-mark-picker');
    await pressComposer(el, 'cancel-button');
    await closed(el);
    expect(choiceDialog(composerDialog(el)).open).to.equal(false);
    expect(deepActive() === again, 'focus back on Edit').to.equal(true);
    expect(el.spec!.widgets[0]).to.deep.equal(after);
    expect((await store.get('clv')).revision, 'nothing stored before Save').to.equal(1);
  });

  it('Save keeps the composer open with the widget already in the draft; later saves replace that widget', async () => {
    const { el } = await mountBoard([{ id: 'deciles', spec: catalogSpec('clv-by-decile'), layout: { x: 0, y: 0, w: 6, h: 4 } }]);
    $<HTMLButtonElement>(el, '[data-action=add]')!.click();
    const add = await opened(addDialog(el));
    $<HTMLButtonElement>(add, 'button[part~=compose-button]')!.click();
    await composerShown(el, 'clv-composer-table-picker');
    await chooseTable(el, 'customer_clv');
    await assignFromMenu(el, DECILE, 'x', 'CLV decile');
    await assignFromMenu(el, 'customer_clv.customers', 'y', 'Customers');
    const title = part<HTMLInputElement>(el, 'input[part~=title-input]')!;
    title.focus();
    await sendKeys({ type: 'Customers per decile' });
    await composerOf(el).updateComplete;

    await pressComposer(el, 'save-button');
    await waitUntil(() => el.spec!.widgets.length === 2, 'the widget added to the draft');
    expect(composerDialog(el).open, 'the composer stays open').to.equal(true);
    expect(composerOf(el).dirty).to.equal(false);
    const added = el.spec!.widgets[1]!;
    expect(added.id).to.equal('customers-per-decile');
    expect(added.spec.title).to.equal('Customers per decile');
    expect(added.spec.mark).to.equal('bar');
    expect(added.spec.encodings).to.deep.equal({ x: { field: DECILE, type: 'ordinal' }, y: { field: 'customer_clv.customers', type: 'quantitative' } });
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal('Added “Customers per decile”.');

    // The next save of the same session replaces that widget instead of adding another.
    await chooseMark(el, 'line');
    await pressComposer(el, 'save-button');
    await waitUntil(() => el.spec!.widgets[1]!.spec.mark === 'line', 'the widget replaced');
    expect(el.spec!.widgets.map((w) => w.id)).to.deep.equal(['deciles', 'customers-per-decile']);
    expect(el.spec!.widgets[1]!.layout).to.deep.equal(added.layout);
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal('Updated “Customers per decile”.');
    expect(composerDialog(el).open).to.equal(true);

    // Closing after a save: nothing left to discard, so no question; the draft keeps the saved widget.
    await pressComposer(el, 'cancel-button');
    await closed(el);
    expect(choiceDialog(composerDialog(el)).open).to.equal(false);
    expect(el.spec!.widgets.map((w) => [w.id, w.spec.mark])).to.deep.equal([
      ['deciles', 'bar'],
      ['customers-per-decile', 'line'],
    ]);
  });

  it('passes axe with the composer open; Edit is reached by Tab, Escape closes the composer', async () => {
    const { el } = await mountBoard([{ id: 'deciles', spec: catalogSpec('clv-by-decile'), layout: { x: 0, y: 0, w: 6, h: 4 } }]);
    await widgetsPainted(el, 1);
    const edit = tile(el, 'deciles').querySelector<HTMLButtonElement>('[data-action=edit]')!;
    $<HTMLButtonElement>(el, '[data-action=cancel]')!.focus();
    for (let i = 0; i < 12 && deepActive() !== edit; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive() === edit, 'Edit reached by Tab').to.equal(true);
    await sendKeys({ press: 'Enter' });
    const composer = await composerShown(el, 'clv-composer-mark-picker');
    await waitUntil(() => composer.matches(':focus-within'), 'focus inside the composer');
    await expect(el).to.be.accessible();

    // Escape after a change asks first; Escape on the question keeps the composer open.
    const title = part<HTMLInputElement>(el, 'input[part~=title-input]')!;
    title.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '!' });
    await composer.updateComplete;
    expect(composer.dirty).to.equal(true);
    await sendKeys({ press: 'Escape' });
    const ask = await opened(choiceDialog(composerDialog(el)));
    expect(text($(ask, '[part~=heading]'))).to.equal('Discard your changes?');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !ask.open, 'the question dismissed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(composerDialog(el).open, 'the composer stays open').to.equal(true);
    expect(composerDialog(el).shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(title.value).to.equal('CLV by CLV decile!');
    await waitUntil(() => deepActive() === title, 'focus back in the title');
    await sendKeys({ press: 'Backspace' });
    await composer.updateComplete;
    expect(composer.dirty, 'back to the opened spec').to.equal(false);

    await sendKeys({ press: 'Escape' });
    await closed(el);
    expect(choiceDialog(composerDialog(el)).open).to.equal(false);
    expect(deepActive() === edit, 'focus back on Edit').to.equal(true);
    expect(el.state).to.equal('editing');
    expect($$(el, '.tile')).to.have.length(1);
  });
});
