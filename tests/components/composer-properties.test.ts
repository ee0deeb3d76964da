import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClvComposerMarkPicker } from '../../components/widget-composer/mark-picker.js';
import { ClvComposerProperties, isNumberFormat } from '../../components/widget-composer/properties-panel.js';
import {
  emptyComposerState,
  reduceComposer,
  specToState,
  stateAttributes,
  stateToSpec,
  type ComposerAction,
  type ComposerState,
  type HistoryAction,
} from '../../src/composer/index.js';
import { catalogModel, catalogSpec } from '../../src/widgets/catalog.js';
import { WidgetSpecSchema, type WidgetMark } from '../../src/widgets/spec.js';

if (!customElements.get('clv-composer-mark-picker')) customElements.define('clv-composer-mark-picker', ClvComposerMarkPicker);
if (!customElements.get('clv-composer-properties')) customElements.define('clv-composer-properties', ClvComposerProperties);

const model = catalogModel();
const stateOf = (id: string): ComposerState => specToState(catalogSpec(id), model);
const apply = (state: ComposerState, ...actions: ComposerAction[]) => actions.reduce((s, a) => reduceComposer(s, a, model), state);

/** Plays the composer: records each requested action, applies it and hands the new state back down. */
function host(el: ClvComposerProperties): { actions: HistoryAction[]; state: () => ComposerState } {
  const actions: HistoryAction[] = [];
  el.addEventListener('clv-composer-action', (e) => {
    actions.push(e.detail);
    const next = reduceComposer(el.state, e.detail as ComposerAction, model);
    el.state = next;
    el.available = stateAttributes(next, model);
  });
  return { actions, state: () => el.state };
}

async function panel(state: ComposerState): Promise<ClvComposerProperties> {
  return fixture<ClvComposerProperties>(html`<clv-composer-properties .state=${state} .available=${stateAttributes(state, model)}></clv-composer-properties>`);
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const input = (el: Element, id: string) => q<HTMLInputElement>(el, `#${id}`)!;
const select = (el: Element, id: string) => q<HTMLSelectElement>(el, `#${id}`)!;
const sections = (el: Element) => [...el.shadowRoot!.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
const labelOf = (el: Element, id: string) => q(el, `label[for="${id}"]`)?.textContent!.trim();
const optionLabels = (s: HTMLSelectElement) => [...s.options].map((o) => o.textContent!.trim());

async function choose(el: ClvComposerProperties, id: string, value: string): Promise<void> {
  const s = select(el, id);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Types into a field with real keystrokes, replacing what it held. */
async function typeInto(el: ClvComposerProperties, id: string, text: string): Promise<void> {
  const field = input(el, id);
  field.focus();
  field.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
  await el.updateComplete;
}

async function toggle(el: ClvComposerProperties, selector: string): Promise<void> {
  q<HTMLInputElement>(el, selector)!.click();
  await el.updateComplete;
}

describe('<clv-composer-mark-picker>', () => {
  const radios = (el: ClvComposerMarkPicker) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio][name=mark]')];
  const radio = (el: ClvComposerMarkPicker, mark: WidgetMark) => q<HTMLInputElement>(el, `input[value="${mark}"]`)!;
  const help = (el: ClvComposerMarkPicker, mark: WidgetMark) => {
    const id = radio(el, mark).getAttribute('aria-describedby')!;
    return q(el, `#${id}`)!.textContent!.trim();
  };
  const checkedMark = (el: ClvComposerMarkPicker) => radios(el).find((r) => r.checked)?.value;

  it('offers the nine marks, each named, pictured and with the encodings it takes', async () => {
    const el = await fixture<ClvComposerMarkPicker>(html`<clv-composer-mark-picker mark="bar"></clv-composer-mark-picker>`);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['bar', 'stacked-bar', 'line', 'area', 'point', 'tick', 'donut', 'big-number', 'table']);
    expect(radios(el).map((r) => labelOf(el, r.id))).to.deep.equal([
      'Bar chart',
      'Stacked bar chart',
      'Line chart',
      'Area chart',
      'Point chart',
      'Tick chart',
      'Donut chart',
      'Big number',
      'Table',
    ]);
    expect(help(el, 'bar')).to.equal('X, Y required · Color, Size optional');
    expect(help(el, 'stacked-bar')).to.equal('X, Y, Color required · Size optional');
    expect(help(el, 'area')).to.equal('X, Y required · Color optional');
    expect(help(el, 'donut')).to.equal('Angle, Color required');
    expect(help(el, 'big-number')).to.equal('Y required');
    expect(help(el, 'table')).to.equal('No encodings: shows the query’s fields as columns');
    // The help is visible text, not only a description for screen readers.
    expect(q<HTMLElement>(el, '#help-bar')!.offsetHeight).to.be.greaterThan(0);
    for (const r of radios(el)) {
      const icon = r.parentElement!.querySelector('svg')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
    }
    expect(checkedMark(el)).to.equal('bar');
    expect(q(el, 'legend')!.textContent!.trim()).to.equal('Mark');
    await expect(el).to.be.accessible();
  });

  it('changes the mark with the arrow keys and with a click, firing setMark', async () => {
    const el = await fixture<ClvComposerMarkPicker>(html`<clv-composer-mark-picker mark="bar"></clv-composer-mark-picker>`);
    const fired: HistoryAction[] = [];
    el.addEventListener('clv-composer-action', (e) => {
      fired.push(e.detail);
      if (e.detail.type === 'setMark') el.mark = e.detail.mark;
    });
    radio(el, 'bar').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(fired).to.deep.equal([{ type: 'setMark', mark: 'stacked-bar' }]);
    expect(checkedMark(el)).to.equal('stacked-bar');
    expect(el.shadowRoot!.activeElement?.getAttribute('value')).to.equal('stacked-bar');

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(fired.slice(1)).to.deep.equal([
      { type: 'setMark', mark: 'line' },
      { type: 'setMark', mark: 'area' },
    ]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(fired[3]).to.deep.equal({ type: 'setMark', mark: 'line' });
    expect(checkedMark(el)).to.equal('line');

    radio(el, 'donut').click();
    await el.updateComplete;
    expect(fired[4]).to.deep.equal({ type: 'setMark', mark: 'donut' });
    expect(checkedMark(el)).to.equal('donut');
    expect(q(el, '[data-mark=donut]')!.getAttribute('part')).to.equal('tile checked');
  });

  it('is a view: without a new mark from the composer it keeps showing the current one', async () => {
    const el = await fixture<ClvComposerMarkPicker>(html`<clv-composer-mark-picker mark="table"></clv-composer-mark-picker>`);
    const fired: HistoryAction[] = [];
    el.addEventListener('clv-composer-action', (e) => fired.push(e.detail));
    radio(el, 'point').click();
    await el.updateComplete;
    expect(fired).to.deep.equal([{ type: 'setMark', mark: 'point' }]);
    expect(checkedMark(el)).to.equal('table');
    el.mark = 'big-number';
    await el.updateComplete;
    expect(checkedMark(el)).to.equal('big-number');
  });

  for (const mark of ['bar', 'table', 'big-number'] as const) {
    it(`is accessible with ${mark} chosen`, async () => {
      const el = await fixture<ClvComposerMarkPicker>(html`<clv-composer-mark-picker .mark=${mark}></clv-composer-mark-picker>`);
      expect(checkedMark(el)).to.equal(mark);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<clv-composer-properties>', () => {
  it('shows a saved bar chart’s settings, with the attributes’ names as default titles', async () => {
    const el = await panel(stateOf('clv-by-decile'));
    expect(sections(el)).to.deep.equal(['general', 'axes', 'legend', 'numbers', 'interactions']);
    expect(input(el, 'description').value).to.equal('Total CLV per decile; the tooltip adds the average and the number of customers.');
    expect(labelOf(el, 'description')).to.equal('Description');
    expect(input(el, 'axis-x-title').value).to.equal('');
    expect(input(el, 'axis-x-title').placeholder).to.equal('CLV decile (1 = top 10%)');
    expect(input(el, 'axis-y-title').placeholder).to.equal('Total CLV');
    expect(input(el, 'axis-x-labels').checked).to.equal(true);
    expect(select(el, 'axis-x-angle').value).to.equal('');
    expect(select(el, 'legend-orient').value).to.equal('top');
    expect(optionLabels(select(el, 'legend-orient'))).to.deep.equal(['Top', 'Bottom', 'Left', 'Right', 'None (hidden)']);
    expect(q(el, '[data-section=legend] .hint')!.textContent!.trim()).to.equal('The legend shows once Color or Size has an attribute.');
    expect(input(el, 'number-format').value).to.equal('');
    expect(select(el, 'number-format-preset').value).to.equal('');
    expect(optionLabels(select(el, 'number-format-preset'))).to.deep.equal([
      'Each field’s own format',
      'Plain (1,234)',
      'Currency ($1,234.56)',
      'Percent (12.3%)',
      'Compact (1.2k)',
      'Custom…',
    ]);
    expect(select(el, 'currency').value).to.equal('');
    expect(input(el, 'tooltip').checked).to.equal(true);
    expect(select(el, 'click').value).to.equal('filter');
    for (const id of ['table-sort-field', 'table-sort-direction', 'page-size', 'big-number-comparison']) expect(q(el, `#${id}`), id).to.equal(null);
    // Every control has a label.
    for (const c of el.shadowRoot!.querySelectorAll('input, select, textarea')) {
      const labelled = c.closest('label') !== null || (c.id !== '' && q(el, `label[for="${c.id}"]`) !== null);
      expect(labelled, c.id || c.outerHTML).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });

  it('fires the exact action for each chart control, and the actions give the expected spec', async () => {
    const el = await panel(stateOf('clv-by-decile'));
    const h = host(el);

    await choose(el, 'legend-orient', 'bottom');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setLegend', legend: { placement: 'bottom' } });
    await typeInto(el, 'legend-title', 'Deciles');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setLegend', legend: { placement: 'bottom', title: 'Deciles' } });

    const before = h.actions.length;
    await typeInto(el, 'axis-y-title', 'Total CLV');
    // One action per keystroke (the history merges them), the last one with the whole text.
    expect(h.actions.length - before).to.equal('Total CLV'.length);
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setAxis', axis: 'y', options: { labels: true, title: 'Total CLV' } });
    await toggle(el, '#axis-x-labels');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setAxis', axis: 'x', options: { labels: false } });
    await choose(el, 'axis-x-angle', '-45');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setAxis', axis: 'x', options: { labels: false, labelAngle: -45 } });

    await choose(el, 'number-format-preset', '.1%');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setNumberFormat', format: '.1%' });
    expect(input(el, 'number-format').value).to.equal('.1%');
    await typeInto(el, 'number-format', '$,.0f');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setNumberFormat', format: '$,.0f' });
    expect(select(el, 'number-format-preset').value).to.equal('custom');
    expect(q(el, '#number-format-hint')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'For numbers without a format of their own. 1234.5678 shows as $1,235.',
    );
    await choose(el, 'currency', 'EUR');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setCurrency', currency: { code: 'EUR' } });
    expect(q(el, '#number-format-hint')!.textContent).to.contain('shows as €1,235');

    await toggle(el, '#tooltip');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setTooltip', tooltip: false });
    await choose(el, 'click', 'none');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setClick', click: { kind: 'none' } });

    await typeInto(el, 'description', 'Per decile');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setDescription', description: 'Per decile' });
    await typeInto(el, 'description', '');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setDescription', description: undefined });

    const spec = stateToSpec(h.state());
    expect(spec.properties).to.deep.equal({
      legend: { placement: 'bottom', title: 'Deciles' },
      axis: { x: { labels: false, labelAngle: -45 }, y: { title: 'Total CLV', labels: true } },
      numberFormat: '$,.0f',
      currency: { code: 'EUR' },
    });
    expect(spec.interactions).to.deep.equal({ tooltip: false, click: { kind: 'none' } });
    expect(spec.description).to.equal(undefined);
    expect(WidgetSpecSchema.safeParse(spec).success).to.equal(true);

    // Back to the defaults: the properties go away rather than staying as explicit defaults.
    await typeInto(el, 'legend-title', '');
    await choose(el, 'legend-orient', 'top');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setLegend', legend: undefined });
    await typeInto(el, 'axis-y-title', '');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setAxis', axis: 'y', options: undefined });
    await choose(el, 'number-format-preset', '');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setNumberFormat', format: undefined });
    expect(stateToSpec(h.state()).properties).to.deep.equal({ axis: { x: { labels: false, labelAngle: -45 } }, currency: { code: 'EUR' } });
  });

  it('follows the state it is given (undo, redo) in every control', async () => {
    const base = stateOf('clv-by-decile');
    const el = await panel(base);
    el.state = apply(
      base,
      { type: 'setLegend', legend: { placement: 'left', title: '' } },
      { type: 'setAxis', axis: 'y', options: { title: 'Total CLV', labelAngle: 30 } },
      { type: 'setNumberFormat', format: '.2~s' },
      { type: 'setDescription', description: 'Changed' },
      { type: 'setTooltip', tooltip: false },
    );
    await el.updateComplete;
    expect(select(el, 'legend-orient').value).to.equal('left');
    expect(input(el, 'legend-title').placeholder).to.equal('No title');
    expect(input(el, 'axis-y-title').value).to.equal('Total CLV');
    expect(select(el, 'axis-y-angle').value).to.equal('30');
    expect(optionLabels(select(el, 'axis-y-angle'))).to.deep.equal(['Automatic', 'Horizontal (0°)', 'Diagonal (−45°)', 'Vertical (−90°)', '30°']);
    expect(select(el, 'number-format-preset').value).to.equal('.2~s');
    expect(input(el, 'number-format').value).to.equal('.2~s');
    expect(input(el, 'description').value).to.equal('Changed');
    expect(input(el, 'tooltip').checked).to.equal(false);

    el.state = base;
    await el.updateComplete;
    expect(select(el, 'legend-orient').value).to.equal('top');
    expect(input(el, 'axis-y-title').value).to.equal('');
    expect(select(el, 'axis-y-angle').value).to.equal('');
    expect(input(el, 'number-format').value).to.equal('');
    expect(input(el, 'tooltip').checked).to.equal(true);
  });

  it('refuses a number format d3-format would reject, naming the field, until it is fixed', async () => {
    const el = await panel(stateOf('clv-by-decile'));
    const h = host(el);
    await typeInto(el, 'number-format', '$,.0q');
    const field = input(el, 'number-format');
    const error = q(el, '#number-format-error')!;
    expect(error.textContent!.trim()).to.equal(
      'Number format: “$,.0q” is not a valid d3-format string (such as ,.0f, $,.2f or .1%).',
    );
    expect(error.getAttribute('role')).to.equal('alert');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('number-format-error number-format-hint');
    expect(field.value).to.equal('$,.0q');
    // "$,." was refused too; the state keeps the last valid text.
    expect(h.actions.map((a) => (a.type === 'setNumberFormat' ? a.format : a.type))).to.deep.equal(['$', '$,', '$,.0']);
    expect(h.state().properties.numberFormat).to.equal('$,.0');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'f' });
    await el.updateComplete;
    expect(q(el, '#number-format-error')).to.equal(null);
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(h.state().properties.numberFormat).to.equal('$,.0f');

    for (const ok of [',.0f', '$,.2f', '.1%', '.2~s', '+.1%', ',d', '>10,.2f', '(,.2r', '#x', 'e', ' ,f']) expect(isNumberFormat(ok), ok).to.equal(true);
    for (const bad of ['abc', '$,.', ',.2q', '.1%%', '1.2.3f', ',f ']) expect(isNumberFormat(bad), bad).to.equal(false);
  });

  it('sorts and pages a table and chooses its columns, with the actions giving table properties', async () => {
    const state = apply(stateOf('clv-by-decile'), { type: 'setMark', mark: 'table' });
    const el = await panel(state);
    const h = host(el);
    expect(sections(el)).to.deep.equal(['general', 'numbers', 'table', 'interactions']);
    expect(q(el, '#tooltip')).to.equal(null);
    expect(optionLabels(select(el, 'table-sort-field'))).to.deep.equal(['Query order', 'CLV decile', 'Total CLV', 'Average CLV', 'Customers']);
    expect(select(el, 'table-sort-field').value).to.equal('');
    expect(select(el, 'table-sort-direction').disabled).to.equal(true);
    expect(input(el, 'page-size').value).to.equal('25');
    expect(optionLabels(select(el, 'click'))).to.deep.equal(['Nothing', 'Filter the dashboard']);
    expect(q(el, '#click-hint')!.textContent).to.equal('A click on a row filters the dashboard’s other widgets by its value.');

    await choose(el, 'table-sort-field', 'customer_clv.clv_total');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setTableSort', sort: { field: 'customer_clv.clv_total', direction: 'asc' } });
    await choose(el, 'table-sort-direction', 'desc');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setTableSort', sort: { field: 'customer_clv.clv_total', direction: 'desc' } });
    expect(select(el, 'table-sort-direction').disabled).to.equal(false);

    await typeInto(el, 'page-size', '50');
    expect(h.actions.slice(-2)).to.deep.equal([
      { type: 'setPageSize', pageSize: 5 },
      { type: 'setPageSize', pageSize: 50 },
    ]);
    const spec = stateToSpec(h.state());
    expect(spec.properties.table).to.deep.equal({ defaultSort: { field: 'customer_clv.clv_total', direction: 'desc' }, pageSize: 50 });
    expect(spec.data.kind === 'semantic' && spec.data.query.order).to.deep.equal([
      ['customer_clv.clv_total', 'desc'],
      ['customer_clv.clv_decile', 'asc'],
    ]);
    expect(WidgetSpecSchema.safeParse(spec).success).to.equal(true);

    const count = h.actions.length;
    await typeInto(el, 'page-size', '900');
    expect(q(el, '#page-size-error')!.textContent!.trim()).to.equal('Rows per page: enter a whole number from 1 to 500.');
    expect(input(el, 'page-size').getAttribute('aria-invalid')).to.equal('true');
    // "9" and "90" went through; "900" did not.
    expect(h.actions.slice(count)).to.deep.equal([
      { type: 'setPageSize', pageSize: 9 },
      { type: 'setPageSize', pageSize: 90 },
    ]);
    expect(h.state().properties.table?.pageSize).to.equal(90);
    await expect(el).to.be.accessible();
  });

  it('shows, hides and orders a table’s columns from the keyboard', async () => {
    const el = await panel(stateOf('top-customers'));
    const h = host(el);
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part=columns] li')];
    const shown = () => rows().filter((r) => r.querySelector<HTMLInputElement>('input')!.checked).map((r) => r.dataset.field);
    expect(select(el, 'table-sort-field').value).to.equal('customer_clv.clv');
    expect(select(el, 'table-sort-direction').value).to.equal('desc');
    // The id column is not sortable, so it is no sort choice.
    expect(optionLabels(select(el, 'table-sort-field'))).to.deep.equal(['Query order', 'First name', 'Last name', 'Loyalty tier', 'CLV', 'P(alive)', 'Expected purchases']);
    expect(shown()).to.deep.equal([
      'customer_clv.customer_id',
      'customers.first_name',
      'customers.last_name',
      'customers.loyalty_tier',
      'customer_clv.clv',
      'customer_clv.p_alive',
      'customer_clv.expected_purchases',
    ]);
    expect(rows().at(-1)!.dataset.field).to.equal('customer_clv.clv_decile');

    const decile = q<HTMLInputElement>(el, 'input[data-column="customer_clv.clv_decile"]')!;
    decile.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const added = h.actions.at(-1)!;
    expect(added.type === 'setTableColumns' && added.columns?.at(-1)).to.deep.equal({ field: 'customer_clv.clv_decile', sortable: true });
    expect(shown()).to.have.length(8);

    const up = () => q<HTMLButtonElement>(el, 'li[data-field="customer_clv.clv_decile"] button[data-move=up]')!;
    expect(up().getAttribute('aria-label')).to.equal('Move CLV decile up');
    up().focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(shown().slice(-2)).to.deep.equal(['customer_clv.clv_decile', 'customer_clv.expected_purchases']);
    // Focus stays on the moved row's button, so Enter again moves it on.
    expect(el.shadowRoot!.activeElement?.closest('li')?.dataset.field).to.equal('customer_clv.clv_decile');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(shown().slice(-3)).to.deep.equal(['customer_clv.clv_decile', 'customer_clv.p_alive', 'customer_clv.expected_purchases']);

    // Hiding the sorted column also drops the sort it can no longer have.
    await toggle(el, 'input[data-column="customer_clv.clv"]');
    expect(h.actions.slice(-1)).to.deep.equal([{ type: 'setTableSort', sort: undefined }]);
    expect(select(el, 'table-sort-field').value).to.equal('');
    const table = stateToSpec(h.state()).properties.table!;
    expect(table.columns!.map((c) => c.field)).to.deep.equal([
      'customer_clv.customer_id',
      'customers.first_name',
      'customers.last_name',
      'customers.loyalty_tier',
      'customer_clv.clv_decile',
      'customer_clv.p_alive',
      'customer_clv.expected_purchases',
    ]);
    expect(table.columns![0]).to.deep.equal({ field: 'customer_clv.customer_id', sortable: false });
    expect(table.defaultSort).to.equal(undefined);
    expect(WidgetSpecSchema.safeParse(stateToSpec(h.state())).success).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('sets a big number’s comparison and how its change reads', async () => {
    const el = await panel(stateOf('revenue-last-90-days'));
    const h = host(el);
    expect(sections(el)).to.deep.equal(['general', 'numbers', 'big-number']);
    expect(select(el, 'big-number-comparison').value).to.equal('previous-period');
    expect(input(el, 'big-number-comparison-label').value).to.equal('previous 90 days');
    expect(select(el, 'big-number-delta-kind').value).to.equal('relative');
    expect(input(el, 'big-number-delta-format').value).to.equal('+.1%');
    expect(input(el, 'big-number-higher-is-better').checked).to.equal(true);
    expect(q(el, '#big-number-comparison-hint')).to.equal(null);

    await choose(el, 'big-number-delta-kind', 'absolute');
    const comparison = { kind: 'previous-period', label: 'previous 90 days' };
    expect(h.actions.at(-1)).to.deep.equal({
      type: 'setBigNumber',
      options: { comparison, deltaFormat: '+,.0f', deltaKind: 'absolute', higherIsBetter: true },
    });
    expect(input(el, 'big-number-delta-format').value).to.equal('+,.0f');
    await toggle(el, '#big-number-higher-is-better');
    expect(h.actions.at(-1)).to.deep.equal({
      type: 'setBigNumber',
      options: { comparison, deltaFormat: '+,.0f', deltaKind: 'absolute', higherIsBetter: false },
    });
    await typeInto(el, 'big-number-delta-format', '+$,.0f');
    expect(h.actions.at(-1)).to.deep.equal({
      type: 'setBigNumber',
      options: { comparison, deltaFormat: '+$,.0f', deltaKind: 'absolute', higherIsBetter: false },
    });
    await typeInto(el, 'big-number-comparison-label', 'last quarter');
    expect(stateToSpec(h.state()).properties.bigNumber).to.deep.equal({
      comparison: { kind: 'previous-period', label: 'last quarter' },
      deltaFormat: '+$,.0f',
      deltaKind: 'absolute',
      higherIsBetter: false,
    });
    expect(WidgetSpecSchema.safeParse(stateToSpec(h.state())).success).to.equal(true);
    await expect(el).to.be.accessible();

    await choose(el, 'big-number-comparison', '');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setBigNumber', options: { deltaFormat: '+$,.0f', deltaKind: 'absolute', higherIsBetter: false } });
    expect(q(el, '#big-number-delta-kind')).to.equal(null);
  });

  it('says a previous-period comparison needs a date range, and keeps every option at its default off the spec', async () => {
    const state = apply(stateOf('clv-by-decile'), { type: 'setMark', mark: 'big-number' });
    const el = await panel(state);
    const h = host(el);
    expect(select(el, 'big-number-comparison').value).to.equal('');
    await choose(el, 'big-number-comparison', 'previous-period');
    expect(h.actions.at(-1)).to.deep.equal({
      type: 'setBigNumber',
      options: { comparison: { kind: 'previous-period' }, deltaFormat: '+.1%', deltaKind: 'relative', higherIsBetter: true },
    });
    const hint = q(el, '#big-number-comparison-hint')!;
    expect(hint.textContent).to.contain('Needs a date range filter');
    expect(select(el, 'big-number-comparison').getAttribute('aria-describedby')).to.equal('big-number-comparison-hint');
    await choose(el, 'big-number-comparison', '');
    expect(h.actions.at(-1)).to.deep.equal({ type: 'setBigNumber', options: undefined });
    expect(stateToSpec(h.state()).properties).to.deep.equal({});
  });

  it('shows only the sections that apply to each mark', async () => {
    const expected: Record<WidgetMark, string[]> = {
      bar: ['general', 'axes', 'legend', 'numbers', 'interactions'],
      'stacked-bar': ['general', 'axes', 'legend', 'numbers', 'interactions'],
      line: ['general', 'axes', 'legend', 'numbers', 'interactions'],
      area: ['general', 'axes', 'legend', 'numbers', 'interactions'],
      point: ['general', 'axes', 'legend', 'numbers', 'interactions'],
      tick: ['general', 'axes', 'legend', 'numbers', 'interactions'],
      donut: ['general', 'legend', 'numbers', 'interactions'],
      'big-number': ['general', 'numbers', 'big-number'],
      table: ['general', 'numbers', 'table', 'interactions'],
    };
    const el = await panel(stateOf('revenue-by-loyalty-tier'));
    for (const [mark, list] of Object.entries(expected) as [WidgetMark, string[]][]) {
      el.state = apply(stateOf('revenue-by-loyalty-tier'), { type: 'setMark', mark });
      await el.updateComplete;
      expect(sections(el), mark).to.deep.equal(list);
      expect(q(el, '#axis-x-title') !== null, mark).to.equal(list.includes('axes'));
      expect(q(el, '#legend-orient') !== null, mark).to.equal(list.includes('legend'));
      expect(q(el, '#table-sort-field') !== null, mark).to.equal(mark === 'table');
    }
  });

  it('shows the legend defaults from the color attribute of a donut', async () => {
    const el = await panel(apply(stateOf('revenue-by-loyalty-tier'), { type: 'setMark', mark: 'donut' }));
    expect(el.state.encodings.color).to.not.equal(undefined);
    expect(input(el, 'legend-title').placeholder).to.equal('Loyalty tier');
    expect(q(el, '[data-section=legend] .hint:not(#legend-title-hint)')).to.equal(null);
  });

  it('keeps a drill click it cannot edit, and lists no columns before the query has fields', async () => {
    const el = await panel(stateOf('top-customers'));
    expect(select(el, 'click').value).to.equal('drill');
    expect(optionLabels(select(el, 'click')).at(-1)).to.equal('Open “customer-detail”');

    const empty = { ...emptyComposerState(), mark: 'table' as const };
    el.state = empty;
    el.available = [];
    await el.updateComplete;
    expect(optionLabels(select(el, 'table-sort-field'))).to.deep.equal(['Query order']);
    expect(q(el, '[part=columns]')).to.equal(null);
    expect(q(el, '[data-section=table]')!.textContent).to.contain('Add fields to the query to choose the table’s columns.');
    await expect(el).to.be.accessible();
  });

  it('renders nothing before it has a state', async () => {
    const el = await fixture<ClvComposerProperties>(html`<clv-composer-properties></clv-composer-properties>`);
    expect(el.shadowRoot!.querySelector('fieldset')).to.equal(null);
  });

  for (const id of ['clv-by-decile', 'top-customers', 'revenue-last-90-days']) {
    it(`is accessible for ${catalogSpec(id).mark} (${id})`, async () => {
      const el = await panel(stateOf(id));
      await expect(el).to.be.accessible();
    });
  }
});
