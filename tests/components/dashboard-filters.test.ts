import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/data-provider/define.js';
import '../../components/dashboard-filters/define.js';
import type { ClvDashboardFilters, FiltersChangeDetail } from '../../components/dashboard-filters/dashboard-filters.js';
import type { ClvMultiSelect } from '../../components/dashboard-filters/multi-select.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { DashboardFiltersSchema, type DashboardFilterState } from '../../src/dashboards/spec.js';
import { failingAdapter, flakyAdapter, memoryAdapter, pendingAdapter, RecordingAdapter } from './support/adapters.js';

const filters = DashboardFiltersSchema.parse({
  dateRange: { dimension: 'transactions.ts', presets: ['last 30 days', 'this year'] },
  global: [
    {
      id: 'tier',
      label: 'Loyalty tier',
      member: 'customers.loyalty_tier',
      options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' },
    },
    {
      id: 'country',
      label: 'Country',
      member: 'customers.country',
      param: 'COUNTRY',
      options: { kind: 'sql', sql: 'SELECT DISTINCT country FROM customers', valueField: 'country', labelField: 'country' },
    },
  ],
});

const cross: DashboardFilterState['cross'] = { sourceWidgetId: 'by-country', values: { 'customers.country': 'GB' } };
const NOW = '2024-03-15';

const root = (el: ClvDashboardFilters) => el.shadowRoot!;
const select = (el: ClvDashboardFilters, id = 'tier') => root(el).querySelector<ClvMultiSelect>(`clv-multi-select[data-filter=${id}]`)!;
const trigger = (ms: ClvMultiSelect) => ms.shadowRoot!.querySelector<HTMLButtonElement>('[part=trigger]')!;
const optionLabels = (ms: ClvMultiSelect) => [...ms.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim());
const apply = (el: ClvDashboardFilters) => root(el).querySelector<HTMLButtonElement>('[part=apply-button]')!;
const clearAll = (el: ClvDashboardFilters) => root(el).querySelector<HTMLButtonElement>('[part=clear-button]')!;
const dateSelect = (el: ClvDashboardFilters) => root(el).querySelector<HTMLSelectElement>('#date-range')!;
const summary = (el: ClvDashboardFilters) => root(el).querySelector('[part=summary]')!;

async function bar(adapter: DataAdapter | undefined, value: DashboardFilterState = { global: {} }, extra: { cross?: { label: string } } = {}) {
  return fixture<ClvDashboardFilters>(
    html`<clv-dashboard-filters .filters=${filters} .value=${value} .adapter=${adapter} .cross=${extra.cross} now=${NOW}></clv-dashboard-filters>`,
  );
}

async function openList(ms: ClvMultiSelect): Promise<void> {
  trigger(ms).focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => ms.open, 'the popup did not open');
  await ms.settled();
}

async function chooseDate(el: ClvDashboardFilters, choice: string): Promise<void> {
  const s = dateSelect(el);
  s.value = choice;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function typeDate(el: ClvDashboardFilters, id: 'date-from' | 'date-to', value: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<clv-dashboard-filters>', () => {
  it('lists each global filter’s options through the adapter', async () => {
    const adapter = new RecordingAdapter(memoryAdapter());
    const el = await bar(adapter);
    const tier = select(el);
    expect(trigger(tier).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: All');
    expect(adapter.calls.length).to.equal(0, 'options were listed before the popup opened');
    await openList(tier);
    expect(optionLabels(tier)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
    expect(adapter.calls.length).to.equal(1);
    expect(adapter.calls[0]!.query.dimensions).to.deep.equal(['customers.loyalty_tier']);
    expect(adapter.calls[0]!.query.limit).to.equal(200);
    expect(adapter.calls[0]!.signal).to.be.instanceOf(AbortSignal);
  });

  it('narrows the options on the adapter as the viewer types', async () => {
    const adapter = new RecordingAdapter(memoryAdapter());
    const el = await bar(adapter);
    const tier = select(el);
    await openList(tier);
    await sendKeys({ type: 'Go' });
    await tier.settled();
    expect(optionLabels(tier)).to.deep.equal(['Gold']);
    const last = adapter.calls[adapter.calls.length - 1]!.query;
    expect(last.filters).to.deep.equal([{ member: 'customers.loyalty_tier', operator: 'contains', values: ['Go'] }]);
  });

  it('keeps choices as a draft until Apply, which emits the exact state with the cross filter kept', async () => {
    const el = await bar(new RecordingAdapter(memoryAdapter()), { global: {}, cross }, { cross: { label: 'Country = GB' } });
    expect(apply(el).disabled).to.equal(true);
    const tier = select(el);
    await openList(tier);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(trigger(tier).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: Bronze, Gold');
    expect(el.draftState).to.deep.equal({ global: { tier: ['Bronze', 'Gold'] }, cross });
    expect(summary(el).textContent).to.equal('No filters applied. Filtered by: Country = GB.', 'the draft was applied early');
    expect(apply(el).disabled).to.equal(false);

    const changed = oneEvent(el, 'clv-filters-change');
    apply(el).click();
    const { detail } = (await changed) as CustomEvent<FiltersChangeDetail>;
    expect(detail.state).to.deep.equal({ global: { tier: ['Bronze', 'Gold'] }, cross });
    await el.updateComplete;
    expect(apply(el).disabled).to.equal(true);
    expect(summary(el).getAttribute('role')).to.equal('status');
    expect(summary(el).textContent).to.equal('Filters applied: Loyalty tier: Bronze, Gold. Filtered by: Country = GB.');
  });

  it('clears every filter and applies at once, keeping the cross filter', async () => {
    const value: DashboardFilterState = { dateRange: { kind: 'preset', preset: 'this year' }, global: { tier: ['Gold'], country: ['GB'] }, cross };
    const el = await bar(memoryAdapter(), value);
    expect(dateSelect(el).value).to.equal('preset:this year');
    expect(trigger(select(el)).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: Gold');
    expect(summary(el).textContent).to.equal('Filters applied: Date range: this year · Loyalty tier: Gold · Country: GB.');
    const changed = oneEvent(el, 'clv-filters-change');
    clearAll(el).click();
    expect(((await changed) as CustomEvent<FiltersChangeDetail>).detail.state).to.deep.equal({ global: {}, cross });
    await el.updateComplete;
    expect(dateSelect(el).value).to.equal('');
    expect(trigger(select(el)).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loyalty tier: All');
    expect(clearAll(el).disabled).to.equal(true);
  });

  it('applies a date preset and shows the dates it covers', async () => {
    const el = await bar(memoryAdapter());
    const labels = [...dateSelect(el).options].map((o) => o.textContent!.trim());
    expect(labels).to.deep.equal(['All dates', 'Last 30 days', 'This year', 'Custom range…']);
    expect(root(el).querySelector('label[for=date-range]')!.textContent).to.equal('Date range');
    await chooseDate(el, 'preset:last 30 days');
    const hint = root(el).querySelector('[part=date-hint]')!;
    // The 30 whole days before 2024-03-15.
    expect(hint.textContent).to.equal('Feb 14, 2024 – Mar 14, 2024');
    expect(dateSelect(el).getAttribute('aria-describedby')).to.equal(hint.id);
    const changed = oneEvent(el, 'clv-filters-change');
    apply(el).click();
    expect(((await changed) as CustomEvent<FiltersChangeDetail>).detail.state).to.deep.equal({
      dateRange: { kind: 'preset', preset: 'last 30 days' },
      global: {},
    });
  });

  it('blocks Apply on an invalid custom range, naming the field, and applies it once fixed', async () => {
    const el = await bar(memoryAdapter());
    const events: DashboardFilterState[] = [];
    el.addEventListener('clv-filters-change', (e) => events.push(e.detail.state));
    await chooseDate(el, 'custom');
    expect(root(el).querySelector('label[for=date-from]')!.textContent).to.equal('From');
    expect(root(el).querySelector('label[for=date-to]')!.textContent).to.equal('To');

    apply(el).click();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    const from = root(el).querySelector<HTMLInputElement>('#date-from')!;
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector(`#${from.getAttribute('aria-describedby')}`)!.textContent).to.equal('From: enter the first day of the range.');
    expect(root(el).querySelector('#date-to-error')!.textContent).to.equal('To: enter the last day of the range.');
    expect(root(el).activeElement).to.equal(from);

    await typeDate(el, 'date-from', '2024-03-10');
    await typeDate(el, 'date-to', '2024-03-01');
    expect(from.getAttribute('aria-invalid')).to.equal('false');
    const to = root(el).querySelector<HTMLInputElement>('#date-to')!;
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(to.getAttribute('aria-describedby')).to.equal('date-to-error');
    expect(root(el).querySelector('#date-to-error')!.textContent).to.equal('To must be on or after From (Mar 10, 2024).');
    expect(await el.apply()).to.equal(false);
    expect(events).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await typeDate(el, 'date-to', '2024-03-31');
    expect(root(el).querySelector('[part=field-error]')).to.equal(null);
    apply(el).click();
    expect(events).to.deep.equal([{ dateRange: { kind: 'custom', from: '2024-03-10', to: '2024-03-31' }, global: {} }]);
  });

  it('shows the options list loading, empty, and failing with a working Retry', async () => {
    const loading = await bar(pendingAdapter());
    trigger(select(loading)).click();
    await waitUntil(() => select(loading).status === 'loading');
    await select(loading).updateComplete;
    expect(select(loading).shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('Loading options…');

    const empty = await bar(memoryAdapter());
    await openList(select(empty));
    await sendKeys({ type: 'Platinum' });
    await select(empty).settled();
    expect(select(empty).status).to.equal('empty');
    expect(select(empty).shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('No matches');

    const flaky = await bar(flakyAdapter());
    const tier = select(flaky);
    await openList(tier);
    expect(tier.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('The query took longer than 30 s.');
    tier.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await tier.settled();
    expect(optionLabels(tier)).to.deep.equal(['Bronze', 'Gold', 'Silver']);
  });

  it('says why SQL-sourced options cannot be listed by an adapter without SQL', async () => {
    const el = await bar(memoryAdapter());
    const country = select(el, 'country');
    await openList(country);
    expect(country.status).to.equal('error');
    expect(country.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal(
      'The choices of "Country" come from SQL, and the data source memory does not run SQL.',
    );
  });

  it('lists options through an SQL adapter with its rows read by valueField and labelField', async () => {
    const inner = memoryAdapter();
    const sqlCalls: Array<{ text: string; signal?: AbortSignal }> = [];
    const adapter: DataAdapter = {
      id: 'sql test',
      capabilities: { sql: true, append: false },
      describe: (o) => inner.describe(o),
      query: (q, o) => inner.query(q, o),
      sample: (t, o) => inner.sample(t, o),
      // Answers the options SQL from the in-memory engine's own rows.
      sql: async (text, _params, options) => {
        sqlCalls.push({ text, signal: options?.signal });
        const result = await inner.query({ dimensions: ['customers.country'] }, options);
        return { ...result, columns: [{ name: 'country', label: 'Country', type: 'string', role: 'dimension' }], rows: result.rows.map((r) => ({ country: r['customers.country']! })) };
      },
    };
    const el = await bar(adapter);
    const country = select(el, 'country');
    await openList(country);
    expect(sqlCalls.map((c) => c.text)).to.deep.equal(['SELECT DISTINCT country FROM customers']);
    expect(optionLabels(country)).to.deep.equal(['GB', 'US']);
    await sendKeys({ type: 'u' });
    await country.settled();
    expect(optionLabels(country)).to.deep.equal(['US']);
  });

  it('is accessible closed and with a list open', async () => {
    const el = await bar(memoryAdapter(), { dateRange: { kind: 'preset', preset: 'last 30 days' }, global: { tier: ['Gold'] }, cross }, { cross: { label: 'Country = GB' } });
    await expect(el).to.be.accessible();
    await openList(select(el));
    expect(select(el).open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the cross filter chip, whose button asks to clear it', async () => {
    const el = await bar(memoryAdapter(), { global: {}, cross }, { cross: { label: 'Country = GB' } });
    const chip = root(el).querySelector('[part=cross-filter]')!;
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Filtered by: Country = GB ×');
    const cleared = oneEvent(el, 'clv-cross-filter-clear');
    const clear = root(el).querySelector<HTMLButtonElement>('[part=cross-filter-clear]')!;
    expect(clear.getAttribute('aria-label')).to.equal('Clear the filter by Country = GB');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    expect((await cleared).detail).to.deep.equal({ label: 'Country = GB' });
  });

  it('takes the adapter of the nearest data provider', async () => {
    const adapter = new RecordingAdapter(memoryAdapter());
    const provider = await fixture<HTMLElement>(html`<clv-data-provider .adapter=${adapter}>
      <clv-dashboard-filters .filters=${filters}></clv-dashboard-filters>
    </clv-data-provider>`);
    const el = provider.querySelector<ClvDashboardFilters>('clv-dashboard-filters')!;
    expect(el.activeAdapter).to.equal(adapter);
    await openList(select(el));
    expect(optionLabels(select(el))).to.deep.equal(['Bronze', 'Gold', 'Silver']);
    expect(adapter.calls.length).to.equal(1);
  });

  it('names the field of invalid filter definitions instead of drawing controls', async () => {
    const el = await fixture<ClvDashboardFilters>(
      html`<clv-dashboard-filters
        .filters=${{ global: [{ ...filters.global[0], label: '' }] } as unknown as ClvDashboardFilters['filters']}
      ></clv-dashboard-filters>`,
    );
    const error = root(el).querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('filters.global.0.label');
    expect(root(el).querySelector('clv-multi-select')).to.equal(null);
    expect(el.definitions).to.equal(undefined);
    el.filters = filters;
    await el.updateComplete;
    expect(root(el).querySelectorAll('clv-multi-select').length).to.equal(2);
  });

  it('shows the message of an options source that always fails', async () => {
    const el = await bar(failingAdapter());
    await openList(select(el));
    expect(select(el).error).to.deep.equal({ message: 'The warehouse is offline. Try again in a minute.', code: 'backend' });
  });
});
