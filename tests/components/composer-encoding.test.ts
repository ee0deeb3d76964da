import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClvComposerAttributeRail } from '../../components/widget-composer/attribute-rail.js';
import { ATTRIBUTE_DRAG_TYPE, type EditFilterDetail, type PickupDetail } from '../../components/widget-composer/composer-events.js';
import { ClvComposerShelves } from '../../components/widget-composer/shelves.js';
import type { ComposerAction } from '../../src/composer/actions.js';
import { describeFilter, emptyComposerState, explainState, reduceComposer, stateAttributes, valuesFilter, type ComposerState } from '../../src/composer/index.js';
import type { HistoryAction } from '../../src/composer/history.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { catalogModel } from '../../src/widgets/catalog.js';
import type { WidgetMark } from '../../src/widgets/spec.js';

if (!customElements.get('clv-composer-attribute-rail')) customElements.define('clv-composer-attribute-rail', ClvComposerAttributeRail);
if (!customElements.get('clv-composer-shelves')) customElements.define('clv-composer-shelves', ClvComposerShelves);

const model = clvDataModel;

function build(actions: ComposerAction[], base: ComposerState = emptyComposerState()): ComposerState {
  return actions.reduce((s, a) => reduceComposer(s, a, model), base);
}

const onTransactions: ComposerAction = { type: 'chooseTable', table: 'transactions' };
const revenueByMonth: ComposerAction[] = [
  onTransactions,
  { type: 'assign', channel: 'x', attribute: 'transactions.ts', granularity: 'month' },
  { type: 'assign', channel: 'y', attribute: 'transactions.revenue' },
];

/** Every event of `type` the element fires, collected until the test reads them. */
function record<T>(el: HTMLElement, type: 'clv-composer-action' | 'clv-composer-edit-filter' | 'clv-composer-pickup'): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

async function rail(state: ComposerState, carrying?: string): Promise<ClvComposerAttributeRail> {
  return fixture<ClvComposerAttributeRail>(
    html`<clv-composer-attribute-rail .state=${state} .available=${stateAttributes(state, model)} .carrying=${carrying}></clv-composer-attribute-rail>`,
  );
}

async function shelves(state: ComposerState, carrying?: string): Promise<ClvComposerShelves> {
  return fixture<ClvComposerShelves>(
    html`<clv-composer-shelves
      .state=${state}
      .available=${stateAttributes(state, model)}
      .problems=${explainState(state, model)}
      .carrying=${carrying}
    ></clv-composer-shelves>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (el: ClvComposerAttributeRail, key: string) => $(el, `[data-attribute="${key}"]`);
const menuButton = (el: ClvComposerAttributeRail, key: string) => row(el, key).querySelector<HTMLButtonElement>('button[part~=attribute-menu-button]')!;
const menuTargets = (el: ClvComposerAttributeRail) => $$(el, '[role=menu] [role=menuitem]').map((i) => i.dataset.target);
const menuLabels = (el: ClvComposerAttributeRail) => $$(el, '[role=menu] [role=menuitem] .item__label').map(text);
const focusedIn = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Where the focus is in the rail, as words (comparing nodes would hang the runner on a failure). */
const focusName = (el: HTMLElement) => {
  const f = focusedIn(el);
  return f ? `${f.closest<HTMLElement>('[data-attribute]')?.dataset.attribute ?? ''} ${f.getAttribute('part') ?? f.tagName}` : 'nothing';
};
const exists = (node: Element | null) => node !== null;

async function openMenu(el: ClvComposerAttributeRail, key: string): Promise<void> {
  menuButton(el, key).click();
  await el.updateComplete;
  await waitUntil(() => $(el, '[role=menu]').matches(':popover-open'), 'the menu did not open');
}

function dragEvent(type: string, data: DataTransfer): DragEvent {
  return new DragEvent(type, { dataTransfer: data, bubbles: true, composed: true, cancelable: true });
}

function carrying(key: string): DataTransfer {
  const data = new DataTransfer();
  data.setData(ATTRIBUTE_DRAG_TYPE, key);
  return data;
}

describe('<clv-composer-attribute-rail>', () => {
  it('groups the attributes: the base table, each lookup table, then the measures, each row with its kind, label, type and tooltip', async () => {
    const el = await rail(build([onTransactions]));
    expect($$(el, '[part~=group-title]').map(text)).to.deep.equal(['Transactions', 'Customers (via transaction_customer)', 'Dates (via transaction_date)', 'Measures']);
    const groups = $$(el, '[part~=group]');
    expect(groups[0]!.querySelectorAll('[data-attribute]').length).to.equal(8);
    expect(groups[3]!.querySelector<HTMLElement>('[data-attribute]')!.dataset.attribute).to.equal('transactions.count');
    expect(text($(el, '[part~=count]'))).to.equal('34 attributes');

    const amount = row(el, 'transactions.amount');
    expect(text(amount.querySelector('.row__kind'))).to.equal('Dimension:');
    expect(text(amount.querySelector('.row__label'))).to.equal('Amount');
    expect(text(amount.querySelector('.row__type'))).to.contain('number');
    expect(amount.getAttribute('draggable')).to.equal('true');
    expect(text(row(el, 'transactions.ts').querySelector('.row__kind'))).to.equal('Time:');
    expect(text(row(el, 'transactions.revenue').querySelector('.row__kind'))).to.equal('Measure:');
    expect(row(el, 'transactions.revenue').title).to.match(/^Revenue/);
    // One tab stop for the rows: the first one.
    expect($$(el, '[data-attribute]').filter((r) => r.tabIndex === 0).map((r) => r.dataset.attribute)).to.deep.equal(['transactions.transaction_id']);
    await expect(el).to.be.accessible();
  });

  it('groups the lookups of a catalog table and tells an empty rail what to do', async () => {
    const catalog = catalogModel();
    const state = reduceComposer(emptyComposerState(), { type: 'chooseTable', table: 'customer_clv' }, catalog);
    const el = await fixture<ClvComposerAttributeRail>(
      html`<clv-composer-attribute-rail .state=${state} .available=${stateAttributes(state, catalog)}></clv-composer-attribute-rail>`,
    );
    expect($$(el, '[part~=group-title]').map(text)).to.deep.equal(['Customer CLV', 'Customers (via customer_clv_customer)', 'Measures']);

    const empty = await rail(emptyComposerState());
    expect($$(empty, '[data-attribute]')).to.have.length(0);
    expect(text($(empty, '[part~=empty]'))).to.equal('Choose a table: its attributes are listed here.');
    expect(text($(empty, '[part~=count]'))).to.equal('No attributes');
    await expect(empty).to.be.accessible();
  });

  it('filters by every word typed, and says when nothing matches', async () => {
    const el = await rail(build([onTransactions]));
    const search = $<HTMLInputElement>(el, 'input[part~=search]');
    search.focus();
    await sendKeys({ type: 'cust id' });
    await el.updateComplete;
    expect($$(el, '[data-attribute]').map((r) => r.dataset.attribute)).to.deep.equal(['transactions.customer_id', 'customers.customer_id']);
    expect(text($(el, '[part~=count]'))).to.equal('2 of 34 attributes');
    // ArrowDown goes from the search box to the first row shown.
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedIn(el)?.dataset.attribute).to.equal('transactions.customer_id');

    search.focus();
    await sendKeys({ type: ' zebra' });
    await el.updateComplete;
    expect($$(el, '[data-attribute]')).to.have.length(0);
    expect(text($(el, '[part~=empty]'))).to.equal('No attribute matches “cust id zebra”.');
    await expect(el).to.be.accessible();
  });

  const markCases: Array<[WidgetMark, string[], string[]]> = [
    ['bar', ['x', 'y', 'color', 'size', 'filter', 'field'], ['X', 'Y', 'Color', 'Size', 'Filter…', 'Add to query without a channel']],
    ['donut', ['theta', 'color', 'filter', 'field'], ['Angle', 'Color', 'Filter…', 'Add to query without a channel']],
    ['big-number', ['y', 'filter', 'field'], ['Y', 'Filter…', 'Add to query without a channel']],
    ['table', ['filter', 'field'], ['Filter…', 'Add as column']],
  ];
  for (const [mark, targets, labels] of markCases) {
    it(`offers only the channels of a ${mark} in an attribute's menu`, async () => {
      const el = await rail(build([onTransactions, { type: 'setMark', mark }]));
      const button = menuButton(el, 'transactions.channel');
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await openMenu(el, 'transactions.channel');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(menuTargets(el)).to.deep.equal(targets);
      expect(menuLabels(el)).to.deep.equal(labels);
      expect($(el, '[role=menu]').getAttribute('aria-label')).to.equal('Place Channel');
      await expect(el).to.be.accessible();
    });
  }

  it('places an attribute from its menu with the keyboard: arrows, Home, End, Enter; a time attribute by month', async () => {
    const el = await rail(build([onTransactions]));
    const actions = record<HistoryAction>(el, 'clv-composer-action');

    // Enter on a row opens its menu on the first item.
    row(el, 'transactions.transaction_id').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedIn(el)?.dataset.attribute).to.equal('transactions.ts');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedIn(el)?.dataset.target === 'x', 'the menu did not focus its first item');
    await sendKeys({ press: 'End' });
    expect(focusedIn(el)?.dataset.target).to.equal('field');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedIn(el)?.dataset.target).to.equal('y');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedIn(el)?.dataset.target).to.equal('field');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(actions).to.deep.equal([{ type: 'assign', channel: 'y', attribute: 'transactions.ts', granularity: 'month' }]);
    await el.updateComplete;
    expect($(el, '[role=menu]').matches(':popover-open')).to.equal(false);
    expect(focusName(el)).to.equal('transactions.ts attribute-menu-button');

    // From the menu button: ArrowDown opens it too; Space chooses; a dimension has no granularity.
    menuButton(el, 'transactions.channel').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedIn(el)?.dataset.target === 'x');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect(actions[1]).to.deep.equal({ type: 'assign', channel: 'color', attribute: 'transactions.channel' });
  });

  it('closes the menu with Escape and gives the focus back to its button', async () => {
    const el = await rail(build([onTransactions]));
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const pickups = record<PickupDetail>(el, 'clv-composer-pickup');
    menuButton(el, 'transactions.amount').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedIn(el)?.getAttribute('role') === 'menuitem');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[role=menu]').matches(':popover-open')).to.equal(false);
    expect(menuButton(el, 'transactions.amount').getAttribute('aria-expanded')).to.equal('false');
    expect(focusName(el)).to.equal('transactions.amount attribute-menu-button');
    expect(actions).to.deep.equal([]);
    expect(pickups).to.deep.equal([]);
  });

  it('marks the channel an attribute is on, names the one it would replace, and fires Filter… and Add to query', async () => {
    const state = build(revenueByMonth);
    const el = await rail(state);
    expect(text(row(el, 'transactions.revenue').querySelector('.row__placed'))).to.equal('in use: Y');
    await openMenu(el, 'transactions.revenue');
    const items = $$(el, '[role=menuitem]');
    const y = items.find((i) => i.dataset.target === 'y')!;
    expect(y.classList.contains('item--current')).to.equal(true);
    expect(text(y)).to.contain('It is here now');
    expect(text(items.find((i) => i.dataset.target === 'x')!)).to.contain('Replaces Purchase time');
    // Revenue is in the query already (on Y): adding it without a channel is disabled.
    const field = items.find((i) => i.dataset.target === 'field')!;
    expect(field.getAttribute('aria-disabled')).to.equal('true');
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    field.click();
    expect(actions).to.deep.equal([]);

    const filters = record<EditFilterDetail>(el, 'clv-composer-edit-filter');
    await openMenu(el, 'customers.loyalty_tier');
    $(el, '[role=menuitem][data-target=filter]').click();
    expect(filters).to.deep.equal([{ attribute: 'customers.loyalty_tier' }]);
    await openMenu(el, 'customers.loyalty_tier');
    $(el, '[role=menuitem][data-target=field]').click();
    expect(actions).to.deep.equal([{ type: 'addField', attribute: 'customers.loyalty_tier' }]);
    await expect(el).to.be.accessible();
  });

  it('lists SQL result columns as one group and offers only channels for them', async () => {
    const state = build([
      { type: 'setMode', mode: 'sql' },
      {
        type: 'setSqlResult',
        result: {
          columns: [
            { name: 'day', label: 'day', type: 'date', role: 'time' },
            { name: 'revenue', label: 'revenue', type: 'number', role: 'measure' },
          ],
          rows: [{ day: '2024-01-01', revenue: 10 }],
        },
      },
    ]);
    const el = await rail(state);
    expect($$(el, '[part~=group-title]').map(text)).to.deep.equal(['Result columns']);
    expect($$(el, '[data-attribute]').map((r) => r.dataset.attribute)).to.deep.equal(['day', 'revenue']);
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    await openMenu(el, 'day');
    expect(menuTargets(el)).to.deep.equal(['x', 'y', 'color', 'size']);
    $(el, '[role=menuitem][data-target=x]').click();
    // SQL columns have no time buckets: the column is used as it is.
    expect(actions).to.deep.equal([{ type: 'assign', channel: 'x', attribute: 'day' }]);
    await expect(el).to.be.accessible();

    const sh = await shelves(reduceComposer(state, actions[0] as ComposerAction, model));
    expect(text($(sh, '[data-channel=x] .pill__label'))).to.equal('day');
    expect(exists($(sh, '[data-channel=x] select[part~=granularity-select]'))).to.equal(false);
    expect($$(sh, '[data-shelf]')).to.have.length(0);
    await expect(sh).to.be.accessible();
  });

  it('drags a row with the key as the drag data', async () => {
    const el = await rail(build([onTransactions]));
    const data = new DataTransfer();
    row(el, 'customers.country').dispatchEvent(dragEvent('dragstart', data));
    expect(data.getData(ATTRIBUTE_DRAG_TYPE)).to.equal('customers.country');
    expect(data.types).to.deep.equal([ATTRIBUTE_DRAG_TYPE]);
    await el.updateComplete;
    expect(row(el, 'customers.country').classList.contains('row--dragging')).to.equal(true);
    row(el, 'customers.country').dispatchEvent(dragEvent('dragend', data));
    await el.updateComplete;
    expect(row(el, 'customers.country').classList.contains('row--dragging')).to.equal(false);
  });

  it('picks an attribute up with Space, announces it, marks it while carried, and puts it down with Escape', async () => {
    const el = await rail(build([onTransactions]));
    const pickups = record<PickupDetail>(el, 'clv-composer-pickup');
    el.addEventListener('clv-composer-pickup', (e) => (el.carrying = e.detail.attribute));
    row(el, 'transactions.amount').focus();
    await sendKeys({ press: 'Space' });
    expect(pickups).to.deep.equal([{ attribute: 'transactions.amount' }]);
    await waitUntil(() => text($(el, '[part~=announcer]')) !== '');
    expect(text($(el, '[part~=announcer]'))).to.equal('Picked up Amount. Move to a shelf and press Enter to drop, Escape to cancel.');
    expect($(el, '[part~=announcer]').getAttribute('role')).to.equal('status');
    const carried = row(el, 'transactions.amount');
    expect(carried.getAttribute('part')).to.equal('attribute attribute-carried');
    expect(text(carried.querySelector('.row__carried'))).to.equal('Picked up');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    expect(pickups).to.deep.equal([{ attribute: 'transactions.amount' }, { attribute: undefined }]);
    await waitUntil(() => text($(el, '[part~=announcer]')) === 'Amount put back.');
    expect(row(el, 'transactions.amount').getAttribute('part')).to.equal('attribute');

    // Space again on the carried row puts it down as well.
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    expect(pickups.slice(2)).to.deep.equal([{ attribute: 'transactions.amount' }, { attribute: undefined }]);
  });
});

describe('<clv-composer-shelves>', () => {
  const channels = (el: ClvComposerShelves) => $$(el, '[data-channel]').map((s) => s.dataset.channel);

  it('shows one empty shelf per channel of the mark, required ones marked, with their purpose', async () => {
    const el = await shelves(build([onTransactions]));
    expect(channels(el)).to.deep.equal(['x', 'y', 'color', 'size']);
    const x = $(el, '[data-channel=x]');
    expect(text(x.querySelector('.shelf__title'))).to.equal('X');
    expect(text(x.querySelector('.shelf__required'))).to.equal('required');
    expect(text(x.querySelector('.shelf__help'))).to.equal('the horizontal position');
    expect(text(x.querySelector('.shelf__empty'))).to.equal('Drop an attribute here');
    expect(x.getAttribute('aria-labelledby')).to.equal('title-x required-x');
    expect(exists($(el, '[data-channel=color] .shelf__required'))).to.equal(false);
    // Not a tab stop until something is carried.
    expect(x.tabIndex).to.equal(-1);
    expect($<HTMLButtonElement>(el, 'button[part~=swap-button]').disabled).to.equal(true);
    expect(text($(el, '[data-shelf=filters] .shelf__empty'))).to.equal('Drop an attribute here to filter by it');
    await expect(el).to.be.accessible();

    const donut = await shelves(build([onTransactions, { type: 'setMark', mark: 'donut' }]));
    expect(channels(donut)).to.deep.equal(['theta', 'color']);
    expect(text($(donut, '[data-channel=theta] .shelf__title'))).to.equal('Angle');
    expect(text($(donut, '[data-channel=theta] .shelf__help'))).to.equal('the size of each slice');
    expect(exists($(donut, 'button[part~=swap-button]'))).to.equal(false);

    const table = await shelves(build([onTransactions, { type: 'setMark', mark: 'table' }]));
    expect(channels(table)).to.deep.equal([]);
    expect(text($(table, '[data-shelf=fields] .shelf__title'))).to.equal('Columns');
  });

  it('shows the problems on the shelf they concern, linked to it', async () => {
    const el = await shelves(build([onTransactions]));
    const x = $(el, '[data-channel=x]');
    const problem = x.querySelector('[part~=problem]')!;
    expect(text(problem)).to.equal('X needs an attribute for a bar chart (the horizontal position)');
    expect(x.getAttribute('aria-describedby')!.split(' ')).to.include(problem.id);
    expect(text($(el, '[data-channel=y] [part~=problem]'))).to.equal('Y needs an attribute for a bar chart (the vertical position)');
    expect(exists($(el, '[data-channel=color] [part~=problem]'))).to.equal(false);

    el.problems = [{ path: 'encodings.color', channel: 'color', message: 'Color: something is off' }];
    await el.updateComplete;
    expect($$(el, '[part~=problem]').map((p) => p.closest<HTMLElement>('[data-channel]')!.dataset.channel)).to.deep.equal(['color']);
  });

  it('takes a pointer drop of an attribute on a channel, highlighting the shelf while dragged over', async () => {
    const el = await shelves(build([onTransactions]));
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const y = $(el, '[data-channel=y]');

    const foreign = new DataTransfer();
    foreign.setData('text/plain', 'hello');
    const refused = dragEvent('dragover', foreign);
    y.dispatchEvent(refused);
    expect(refused.defaultPrevented).to.equal(false);

    const over = dragEvent('dragover', carrying('transactions.amount'));
    y.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(y.classList.contains('shelf--over')).to.equal(true);

    y.dispatchEvent(dragEvent('drop', carrying('transactions.amount')));
    expect(actions).to.deep.equal([{ type: 'assign', channel: 'y', attribute: 'transactions.amount' }]);
    await el.updateComplete;
    expect(y.classList.contains('shelf--over')).to.equal(false);

    // A time attribute goes on by month.
    $(el, '[data-channel=x]').dispatchEvent(dragEvent('drop', carrying('customers.signup_date')));
    expect(actions[1]).to.deep.equal({ type: 'assign', channel: 'x', attribute: 'customers.signup_date', granularity: 'month' });
  });

  it('drops a carried attribute from the keyboard: rail Space, shelf Enter; Escape cancels', async () => {
    let state = build([onTransactions]);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <clv-composer-attribute-rail></clv-composer-attribute-rail>
      <clv-composer-shelves></clv-composer-shelves>
    </div>`);
    const r = wrap.querySelector('clv-composer-attribute-rail')!;
    const s = wrap.querySelector('clv-composer-shelves')!;
    const pickups: PickupDetail[] = [];
    // What the composer does: apply the actions, hand the state and the carried attribute down.
    const show = () => {
      for (const el of [r, s]) {
        el.state = state;
        el.available = stateAttributes(state, model);
      }
      s.problems = explainState(state, model);
    };
    wrap.addEventListener('clv-composer-action', (e) => {
      state = reduceComposer(state, e.detail as ComposerAction, model);
      show();
    });
    wrap.addEventListener('clv-composer-pickup', (e) => {
      pickups.push(e.detail);
      r.carrying = s.carrying = e.detail.attribute;
    });
    show();
    await r.updateComplete;
    await s.updateComplete;

    row(r, 'transactions.category').focus();
    await sendKeys({ press: 'Space' });
    await s.updateComplete;
    expect(pickups).to.deep.equal([{ attribute: 'transactions.category' }]);
    const x = $(s, '[data-channel=x]');
    expect(x.tabIndex).to.equal(0);
    expect(x.classList.contains('shelf--target')).to.equal(true);
    expect(text($(s, '[part~=carrying]'))).to.equal('Carrying Product category: press Enter on a shelf to drop it, Escape to cancel.');
    expect(text($(s, `#${x.getAttribute('aria-describedby')!.split(' ').at(-1)!}`))).to.equal('Press Enter to drop Product category here.');
    await expect(s).to.be.accessible();

    // Tab from the row (past its menu button) reaches the first shelf.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focusedIn(s)?.dataset.channel).to.equal('x');
    await sendKeys({ press: 'Enter' });
    await s.updateComplete;
    expect(state.encodings.x).to.deep.equal({ attribute: 'transactions.category', type: 'nominal' });
    expect(pickups.at(-1)).to.deep.equal({ attribute: undefined });
    expect(text($(s, '[data-channel=x] .pill__label'))).to.equal('Product category');
    expect(x.tabIndex).to.equal(-1);
    expect(focusedIn(s)?.dataset.channel).to.equal('x');
    await waitUntil(() => text($(s, '[role=status]')) === 'Product category placed on X.');

    // Picked up again, then Escape on a shelf: nothing is placed.
    row(r, 'transactions.amount').focus();
    await sendKeys({ press: 'Space' });
    await s.updateComplete;
    $(s, '[data-channel=y]').focus();
    await sendKeys({ press: 'Escape' });
    await s.updateComplete;
    expect(pickups.slice(-2)).to.deep.equal([{ attribute: 'transactions.amount' }, { attribute: undefined }]);
    expect(state.encodings.y).to.equal(undefined);
    expect($(s, '[data-channel=y]').tabIndex).to.equal(-1);
  });

  it('shows a filled shelf: attribute and table, aggregate, type, sort and remove, each sending its action', async () => {
    const state = build([onTransactions, { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' }, { type: 'assign', channel: 'y', attribute: 'transactions.amount' }]);
    const el = await shelves(state);
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const y = $(el, '[data-channel=y]');
    expect(text(y.querySelector('.pill__label'))).to.equal('Amount');
    expect(text(y.querySelector('.pill__table'))).to.equal('Transactions');
    expect(text($(el, '[data-channel=x] .pill__table'))).to.equal('Customers');

    const aggregate = y.querySelector<HTMLSelectElement>('select[part~=aggregate-select]')!;
    expect([...aggregate.options].map((o) => o.value)).to.deep.equal(['', 'count', 'sum', 'mean', 'min', 'max']);
    expect([...aggregate.options].map((o) => o.text)).to.deep.equal(['(none)', 'Count', 'Sum', 'Average', 'Minimum', 'Maximum']);
    expect(aggregate.value).to.equal('');
    expect(exists(y.querySelector('select[part~=granularity-select]'))).to.equal(false);
    // A string dimension is counted, not added.
    expect([...$<HTMLSelectElement>(el, '[data-channel=x] select[part~=aggregate-select]').options].map((o) => o.value)).to.deep.equal(['', 'count', 'distinct']);

    aggregate.focus();
    aggregate.value = 'sum';
    aggregate.dispatchEvent(new Event('change', { bubbles: true }));
    const type = y.querySelector<HTMLSelectElement>('select[part~=type-select]')!;
    expect([...type.options].map((o) => o.value)).to.deep.equal(['quantitative', 'ordinal', 'nominal']);
    type.value = 'ordinal';
    type.dispatchEvent(new Event('change', { bubbles: true }));
    const sort = y.querySelector<HTMLSelectElement>('select[part~=sort-select]')!;
    expect([...sort.options].map((o) => o.value)).to.deep.equal(['', 'ascending', 'descending', 'x', '-x']);
    sort.value = 'descending';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    const remove = y.querySelector<HTMLButtonElement>('button[part~=remove-button]')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove Amount from Y');
    remove.click();
    expect(actions).to.deep.equal([
      { type: 'setAggregate', channel: 'y', aggregate: 'sum' },
      { type: 'setFieldType', channel: 'y', fieldType: 'ordinal' },
      { type: 'setSort', channel: 'y', sort: 'descending' },
      { type: 'unassign', channel: 'y' },
    ]);
    await expect(el).to.be.accessible();

    // The actions' results come back as state: the selects show them.
    let next = state;
    for (const a of actions.slice(0, 3)) next = reduceComposer(next, a as ComposerAction, model);
    el.state = next;
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '[data-channel=y] select[part~=aggregate-select]').value).to.equal('sum');
    // A sum is an amount: the only type left.
    expect([...$<HTMLSelectElement>(el, '[data-channel=y] select[part~=type-select]').options].map((o) => o.value)).to.deep.equal(['quantitative']);
    expect($<HTMLSelectElement>(el, '[data-channel=y] select[part~=sort-select]').value).to.equal('descending');
  });

  it('offers no aggregate for a measure (the query aggregates it) and a time unit for a time attribute', async () => {
    const el = await shelves(build(revenueByMonth));
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const y = $(el, '[data-channel=y]');
    expect(exists(y.querySelector('select[part~=aggregate-select]'))).to.equal(false);
    expect(text(y.querySelector('.setting--note'))).to.equal('The query computes a sum.');

    const x = $(el, '[data-channel=x]');
    const unit = x.querySelector<HTMLSelectElement>('select[part~=granularity-select]')!;
    expect([...unit.options].map((o) => o.value)).to.deep.equal(['day', 'week', 'month', 'quarter', 'year']);
    expect(unit.value).to.equal('month');
    expect([...x.querySelector<HTMLSelectElement>('select[part~=aggregate-select]')!.options].map((o) => o.value)).to.deep.equal(['', 'count', 'min', 'max']);
    expect(x.querySelector<HTMLSelectElement>('select[part~=type-select]')!.value).to.equal('temporal');
    unit.value = 'quarter';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    expect(actions).to.deep.equal([{ type: 'setGranularity', channel: 'x', granularity: 'quarter' }]);
    await expect(el).to.be.accessible();
  });

  it('swaps X and Y', async () => {
    let state = build(revenueByMonth);
    const el = await shelves(state);
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const swap = $<HTMLButtonElement>(el, 'button[part~=swap-button]');
    expect(text(swap)).to.equal('Swap X and Y');
    expect(swap.disabled).to.equal(false);
    swap.click();
    expect(actions).to.deep.equal([{ type: 'swapXY' }]);
    state = reduceComposer(state, actions[0] as ComposerAction, model);
    el.state = state;
    await el.updateComplete;
    expect(text($(el, '[data-channel=x] .pill__label'))).to.equal('Revenue');
    expect(text($(el, '[data-channel=y] .pill__label'))).to.equal('Purchase time');
  });

  it('lists the filters with their description, edits and removes them, and shows their problems', async () => {
    const tier = valuesFilter('customers.loyalty_tier', ['Gold', 'Silver']);
    const unfinished = valuesFilter('transactions.channel', []);
    const state = build([...revenueByMonth, { type: 'addFilter', filter: tier }, { type: 'addFilter', filter: unfinished }]);
    const el = await shelves(state);
    const available = stateAttributes(state, model);
    const items = $$(el, '[data-shelf=filters] [data-filter-index]');
    expect(items.map((i) => i.dataset.filterIndex)).to.deep.equal(['0', '1']);
    expect(text(items[0]!.querySelector('.filter__text'))).to.equal(describeFilter(tier, available));
    expect(text(items[0]!.querySelector('.filter__text'))).to.equal('Loyalty tier is Gold or Silver');
    expect(exists(items[0]!.querySelector('[part~=problem]'))).to.equal(false);
    const problem = items[1]!.querySelector('[part~=problem]')!;
    expect(text(problem)).to.equal('Filter 2 (Channel): choose at least one value');
    expect(items[1]!.querySelector('button[part~=edit-filter-button]')!.getAttribute('aria-describedby')).to.equal(problem.id);

    const edits = record<EditFilterDetail>(el, 'clv-composer-edit-filter');
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    items[1]!.querySelector<HTMLButtonElement>('button[part~=edit-filter-button]')!.click();
    expect(edits).to.deep.equal([{ index: 1 }]);
    const remove = items[0]!.querySelector<HTMLButtonElement>('button[part~=remove-filter-button]')!;
    expect(text(remove)).to.equal('Remove filter: Loyalty tier is Gold or Silver');
    remove.click();
    expect(actions).to.deep.equal([{ type: 'removeFilter', index: 0 }]);
    await expect(el).to.be.accessible();
  });

  it('opens the filter dialog for an attribute dropped on the filters, by pointer or from the keyboard', async () => {
    const el = await shelves(build([onTransactions]));
    const edits = record<EditFilterDetail>(el, 'clv-composer-edit-filter');
    const pickups = record<PickupDetail>(el, 'clv-composer-pickup');
    const filters = $(el, '[data-shelf=filters]');
    const over = dragEvent('dragover', carrying('transactions.channel'));
    filters.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    filters.dispatchEvent(dragEvent('drop', carrying('transactions.channel')));
    expect(edits).to.deep.equal([{ attribute: 'transactions.channel' }]);

    el.carrying = 'customers.country';
    await el.updateComplete;
    expect(filters.tabIndex).to.equal(0);
    filters.focus();
    await sendKeys({ press: 'Enter' });
    expect(edits[1]).to.deep.equal({ attribute: 'customers.country' });
    expect(pickups).to.deep.equal([{ attribute: undefined }]);
  });

  it('lists the fields on no channel and removes them; for a table they are the columns and take drops', async () => {
    const state = build([...revenueByMonth, { type: 'addField', attribute: 'transactions.category' }]);
    const el = await shelves(state);
    const actions = record<HistoryAction>(el, 'clv-composer-action');
    const fields = $(el, '[data-shelf=fields]');
    expect($$(el, '[data-shelf]').map((z) => z.dataset.shelf)).to.deep.equal(['filters', 'fields']);
    expect(text(fields.querySelector('.shelf__title'))).to.equal('More fields');
    expect($$(el, '[data-shelf=fields] [data-field]').map((f) => f.dataset.field)).to.deep.equal(['transactions.category']);
    expect(text(fields.querySelector('[data-field] .chip__text'))).to.equal('Product category');
    fields.querySelector<HTMLButtonElement>('button[part~=remove-field-button]')!.click();
    expect(actions).to.deep.equal([{ type: 'removeField', key: 'transactions.category' }]);

    const table = build([...revenueByMonth, { type: 'setMark', mark: 'table' }]);
    el.state = table;
    await el.updateComplete;
    // A table's columns come first, before the filters.
    expect($$(el, '[data-shelf]').map((z) => z.dataset.shelf)).to.deep.equal(['fields', 'filters']);
    const columns = $(el, '[data-shelf=fields]');
    expect(text(columns.querySelector('.shelf__title'))).to.equal('Columns');
    expect($$(el, '[data-shelf=fields] [data-field] .chip__text').map(text)).to.deep.equal(['Purchase time (month)', 'Revenue']);
    columns.dispatchEvent(dragEvent('drop', carrying('customers.country')));
    expect(actions[1]).to.deep.equal({ type: 'addField', attribute: 'customers.country' });
    await expect(el).to.be.accessible();
  });

  it('is accessible with a carried attribute over a filled bar chart', async () => {
    const state = build([...revenueByMonth, { type: 'assign', channel: 'color', attribute: 'customers.loyalty_tier' }]);
    const el = await shelves(state, 'transactions.amount');
    expect($$(el, '[data-channel]').every((s) => s.tabIndex === 0)).to.equal(true);
    expect($(el, '[data-shelf=fields]').tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
