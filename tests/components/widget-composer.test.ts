// <clv-widget-composer>: loading, failing and invalid states; a new widget composed through the
// parts' events; undo and redo; saving (blocked while something is missing); the round trip of
// catalog specs; SQL mode; the filter dialog and keyboard drag hand-offs; the debounced preview.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/data-provider/define.js';
import '../../components/widget-composer/define.js';
import { requestAction, type ComposerSaveDetail } from '../../components/widget-composer/composer-events.js';
import type { ClvComposerFilterDialog, FilterDialogRequest } from '../../components/widget-composer/filter-dialog.js';
import { PREVIEW_DEBOUNCE_MS, type ClvComposerPreview } from '../../components/widget-composer/preview.js';
import type { ClvWidgetComposer } from '../../components/widget-composer/widget-composer.js';
import { valuesFilter } from '../../src/composer/filters.js';
import type { ComposerFilter } from '../../src/composer/state.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { catalogSpec } from '../../src/widgets/catalog.js';
import { WidgetSpecSchema, type WidgetSpec } from '../../src/widgets/spec.js';
import { catalogAdapter } from '../../stories/support/catalog.js';
import { memoryAdapter, RecordingAdapter } from './support/adapters.js';

type Composer = ClvWidgetComposer;

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An adapter over `inner` whose describe() is `describe`. */
function describing(describe: DataAdapter['describe'], inner: DataAdapter = memoryAdapter()): DataAdapter {
  return {
    id: 'warehouse',
    capabilities: inner.capabilities,
    describe,
    query: (query, options) => inner.query(query, options),
    sample: (table, options) => inner.sample(table, options),
  };
}

/** `inner` with the SQL capability, answering every statement with `result`. */
function withSql(inner: DataAdapter, result: ResultSet): DataAdapter & { sqlCalls: string[] } {
  const sqlCalls: string[] = [];
  return {
    id: 'sql warehouse',
    capabilities: { sql: true, sqlDialect: 'duckdb', append: false },
    describe: (options) => inner.describe(options),
    query: (query, options) => inner.query(query, options),
    sample: (table, options) => inner.sample(table, options),
    sql: (sqlText) => {
      sqlCalls.push(sqlText);
      return Promise.resolve(result);
    },
    sqlCalls,
  };
}

const migrationResult: ResultSet = {
  columns: [
    { name: 'decile_from', label: 'decile_from', type: 'integer', role: 'dimension' },
    { name: 'decile_to', label: 'decile_to', type: 'integer', role: 'dimension' },
    { name: 'profiles', label: 'profiles', type: 'integer', role: 'measure' },
  ],
  rows: [
    { decile_from: 1, decile_to: 1, profiles: 40 },
    { decile_from: 1, decile_to: 2, profiles: 7 },
    { decile_from: 2, decile_to: 2, profiles: 35 },
  ],
  provenance: { kind: 'sql', sql: 'SELECT …', params: [] },
};

async function open(template: ReturnType<typeof html>, width = 1280): Promise<Composer> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: ${width}px">${template}</div>`);
  const el = wrapper.querySelector('clv-widget-composer')!;
  await el.ready;
  return el;
}

async function editor(el: Composer): Promise<void> {
  await waitUntil(() => q(el, '[part~=title-input]'), 'the editor did not open', { timeout: 10_000 });
  await el.updateComplete;
}

/** Dispatches a composer action from inside a part, as the parts do. */
async function act(el: Composer, part: string, action: Parameters<typeof requestAction>[1]): Promise<void> {
  const target = q(el, part);
  if (!target) throw new Error(`no ${part} in the composer`);
  requestAction(target, action);
  await el.updateComplete;
}

const problemsText = (el: Composer) => qa(el, '[part~=problems] li').map((li) => text(li));

describe('<clv-widget-composer>', () => {
  describe('states', () => {
    it('shows a busy status while the model loads', async () => {
      const adapter = describing(() => new Promise(() => {}));
      const el = await fixture<Composer>(html`<clv-widget-composer .adapter=${adapter}></clv-widget-composer>`);
      await el.updateComplete;
      const status = q(el, '[role=status][part~=status]')!;
      expect(text(status)).to.equal('Loading the data model from warehouse…');
      expect(status.closest('[aria-busy]')!.getAttribute('aria-busy')).to.equal('true');
      expect(q(el, '[part~=title-input]')).to.equal(null);
      expect(q(el, '[part~=cancel-button]')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('names the adapter error and loads again on Retry', async () => {
      let calls = 0;
      const inner = memoryAdapter();
      const adapter = describing((options) => {
        calls++;
        return calls === 1 ? Promise.reject(new AdapterError('backend', 'The warehouse is offline. Try again in a minute.')) : inner.describe(options);
      }, inner);
      const el = await open(html`<clv-widget-composer .adapter=${adapter}></clv-widget-composer>`);
      const alert = q(el, '[role=alert]')!;
      expect(text(alert)).to.contain('The data model could not be loaded from warehouse.');
      expect(text(alert)).to.contain('The warehouse is offline. Try again in a minute.');
      expect(text(alert)).to.contain('Code: backend');
      await expect(el).to.be.accessible();
      q(el, '[part~=retry-button]')!.click();
      await editor(el);
      expect(calls).to.equal(2);
      expect(q(el, '[role=alert]')).to.equal(null);
      expect(el.model!.name).to.equal('clv');
      expect(q(el, 'clv-composer-table-picker')).not.to.equal(null);
    });

    it('names the field of an invalid spec and offers a new widget', async () => {
      const invalid = { version: 2, title: 'Broken', data: { kind: 'semantic', query: { measures: ['transactions.revenue'] } }, mark: 'sparkle', encodings: {} };
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()} .spec=${invalid}></clv-widget-composer>`);
      const alert = q(el, '[role=alert]')!;
      expect(text(alert)).to.contain('This widget cannot be opened in the editor.');
      expect(text(alert)).to.match(/mark/);
      expect(el.value).to.equal(undefined);
      await expect(el).to.be.accessible();
      q(el, '[part~=new-widget-button]')!.click();
      await editor(el);
      expect(el.state!.title).to.equal('');
      expect(el.state!.table).to.equal(undefined);
      expect(focused(el)?.id).to.equal('title');
      expect(q(el, 'clv-composer-table-picker')).not.to.equal(null);
    });

    it('says what it needs when there is no adapter at all', async () => {
      const el = await fixture<Composer>(html`<clv-widget-composer></clv-widget-composer>`);
      await el.updateComplete;
      expect(text(q(el, '[part~=status]'))).to.equal('No data adapter: put the composer inside <clv-data-provider> or set its adapter property.');
      expect(el.state).to.equal(undefined);
      expect(el.value).to.equal(undefined);
      expect(el.save()).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('uses the adapter of the nearest <clv-data-provider>', async () => {
      const adapter = memoryAdapter();
      const wrapper = await fixture<HTMLElement>(html`<clv-data-provider .adapter=${adapter}><clv-widget-composer></clv-widget-composer></clv-data-provider>`);
      const el = wrapper.querySelector('clv-widget-composer')!;
      await editor(el);
      expect(el.activeAdapter).to.equal(adapter);
      expect(text(q(el, '.step .muted'))).to.equal('Data model: Customer lifetime value');
    });
  });

  describe('a new widget', () => {
    it('goes from the table picker to a saved bar chart through the parts’ actions', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      expect(q(el, 'clv-composer-attribute-rail')).to.equal(null);
      expect(problemsText(el)).to.include('Choose a table');
      await expect(el).to.be.accessible();

      // Actions that escape the composer would reach its page: they must not.
      let leaked = 0;
      const onLeak = () => leaked++;
      document.addEventListener('clv-composer-action', onLeak);
      try {
        await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
        expect(text(q(el, '#table-heading'))).to.equal('Table: Transactions');
        expect(focused(el)?.id).to.equal('table-heading');
        const rail = q(el, 'clv-composer-attribute-rail') as HTMLElement & { available: Array<{ key: string }> };
        expect(rail.available.map((a) => a.key)).to.include.members(['transactions.channel', 'transactions.revenue', 'customers.loyalty_tier']);
        await act(el, 'clv-composer-attribute-rail', { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' });
        await act(el, 'clv-composer-shelves', { type: 'assign', channel: 'y', attribute: 'transactions.revenue' });
        await act(el, 'clv-composer-mark-picker', { type: 'setMark', mark: 'bar' });
      } finally {
        document.removeEventListener('clv-composer-action', onLeak);
      }
      expect(leaked).to.equal(0);
      expect(problemsText(el)).to.deep.equal(['Give the widget a title']);
      expect(el.value).to.equal(undefined);

      const title = q<HTMLInputElement>(el, '[part~=title-input]')!;
      title.focus();
      await sendKeys({ type: 'Revenue by tier' });
      await el.updateComplete;
      expect(el.state!.title).to.equal('Revenue by tier');
      expect(problemsText(el)).to.deep.equal([]);
      expect(text(q(el, '#problems-title'))).to.equal('Nothing is missing: ready to save.');
      expect(el.dirty).to.equal(true);

      setTimeout(() => q(el, '[part~=save-close-button]')!.click());
      const { detail } = (await oneEvent(el, 'clv-composer-save')) as CustomEvent<ComposerSaveDetail>;
      expect(detail.close).to.equal(true);
      expect(detail.spec).to.deep.equal(
        WidgetSpecSchema.parse({
          version: 2,
          title: 'Revenue by tier',
          data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] } },
          mark: 'bar',
          encodings: {
            x: { field: 'customers.loyalty_tier', type: 'nominal' },
            y: { field: 'transactions.revenue', type: 'quantitative' },
          },
        }),
      );
      expect(el.value).to.deep.equal(detail.spec);
      expect(el.dirty).to.equal(false);
      await waitUntil(() => text(q(el, '[aria-live=polite]')) === 'Saved.');
      await expect(el).to.be.accessible();
    });

    it('composes a bar chart through the parts’ own controls, by menu and by keyboard drag', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      const picker = q(el, 'clv-composer-table-picker')!;
      await waitUntil(() => q(picker, '[data-table=transactions]'), 'the tables');
      q(picker, '[data-table=transactions]')!.click();
      await (picker as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      q(picker, 'button[part~=use-table-button]')!.click();
      await el.updateComplete;
      expect(el.state!.table).to.equal('transactions');

      // X from the attribute's menu.
      const rail = q(el, 'clv-composer-attribute-rail') as HTMLElement & { updateComplete: Promise<unknown> };
      await rail.updateComplete;
      q(rail, '[data-attribute="customers.loyalty_tier"] button[part~=attribute-menu-button]')!.click();
      await rail.updateComplete;
      await waitUntil(() => q(rail, '[role=menu] [role=menuitem][data-target=x]'), 'the attribute menu');
      q(rail, '[role=menuitem][data-target=x]')!.click();
      await el.updateComplete;
      expect(el.state!.encodings.x?.attribute).to.equal('customers.loyalty_tier');

      // Y by keyboard drag: Space on the row picks it up, Enter on the shelf drops it.
      const row = q(rail, '[data-attribute="transactions.revenue"]')!;
      row.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      const shelves = q(el, 'clv-composer-shelves') as HTMLElement & { updateComplete: Promise<unknown>; carrying?: string };
      await shelves.updateComplete;
      expect(shelves.carrying).to.equal('transactions.revenue');
      q(shelves, '[data-channel=y]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.state!.encodings.y?.attribute).to.equal('transactions.revenue');
      expect(shelves.carrying).to.equal(undefined);

      const title = q<HTMLInputElement>(el, '[part~=title-input]')!;
      title.focus();
      await sendKeys({ type: 'Revenue by tier' });
      await el.updateComplete;
      expect(el.problems).to.deep.equal([]);
      const preview = q(el, 'clv-composer-preview') as ClvComposerPreview;
      await preview.rendered;
      expect(preview.widget!.state).to.equal('data');
      expect(preview.widget!.result!.rows).to.have.length(3);

      setTimeout(() => q(el, '[part~=save-button]')!.click());
      const { detail } = (await oneEvent(el, 'clv-composer-save')) as CustomEvent<ComposerSaveDetail>;
      expect(detail.spec.mark).to.equal('bar');
      expect(detail.spec.data).to.deep.include({ kind: 'semantic' });
      expect(detail.spec.encodings).to.deep.equal({
        x: { field: 'customers.loyalty_tier', type: 'nominal' },
        y: { field: 'transactions.revenue', type: 'quantitative' },
      });
      await expect(el).to.be.accessible();
    });

    it('blocks Save while something is missing, shows it and focuses the list', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      let saves = 0;
      el.addEventListener('clv-composer-save', () => saves++);
      q(el, '[part~=save-button]')!.click();
      await el.updateComplete;
      await sleep(0);
      expect(saves).to.equal(0);
      expect(focused(el)?.getAttribute('part')).to.equal('problems');
      expect(problemsText(el)).to.deep.equal([
        'Choose a table',
        'Give the widget a title',
        'X needs an attribute for a bar chart (the horizontal position)',
        'Y needs an attribute for a bar chart (the vertical position)',
      ]);
      expect(q(el, '.problems')!.classList.contains('problems--alert')).to.equal(true);
      expect(text(q(el, '[aria-live=polite]'))).to.equal('Not saved: 4 things are missing.');
      q(el, '[part~=save-close-button]')!.click();
      await el.updateComplete;
      expect(saves).to.equal(0);
      expect(el.save()).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('fires clv-composer-cancel', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      setTimeout(() => q(el, '[part~=cancel-button]')!.click());
      const event = await oneEvent(el, 'clv-composer-cancel');
      expect(event.detail).to.deep.equal({});
    });

    it('brings the table picker back with Change table, and keeps the table', async () => {
      const spec = catalogSpec('clv-by-decile');
      const el = await open(html`<clv-widget-composer .adapter=${catalogAdapter()} .spec=${spec}></clv-widget-composer>`);
      await editor(el);
      expect(text(q(el, '#table-heading'))).to.equal('Table: Customer CLV');
      q(el, '[part~=change-table-button]')!.click();
      await el.updateComplete;
      const picker = q(el, 'clv-composer-table-picker') as HTMLElement & { selected?: string };
      expect(picker).not.to.equal(null);
      expect(picker.selected).to.equal('customer_clv');
      expect(q(el, 'clv-composer-shelves')).to.equal(null);
      // Choosing the same table again changes nothing and goes back to the workspace.
      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'customer_clv' });
      expect(q(el, 'clv-composer-shelves')).not.to.equal(null);
      expect(el.dirty).to.equal(false);
      expect(el.state!.table).to.equal('customer_clv');
    });
  });

  describe('undo and redo', () => {
    it('steps back and forth with the buttons, Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      const undo = q<HTMLButtonElement>(el, '[part~=undo-button]')!;
      const redo = q<HTMLButtonElement>(el, '[part~=redo-button]')!;
      expect([undo.disabled, redo.disabled]).to.deep.equal([true, true]);

      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
      await act(el, 'clv-composer-shelves', { type: 'assign', channel: 'x', attribute: 'transactions.channel' });
      expect(el.state!.encodings.x?.attribute).to.equal('transactions.channel');
      expect([undo.disabled, redo.disabled]).to.deep.equal([false, true]);

      undo.click();
      await el.updateComplete;
      expect(el.state!.encodings.x).to.equal(undefined);
      expect(el.state!.table).to.equal('transactions');
      expect([undo.disabled, redo.disabled]).to.deep.equal([false, false]);
      expect(text(q(el, '[aria-live=polite]'))).to.equal('Undone.');

      redo.click();
      await el.updateComplete;
      expect(el.state!.encodings.x?.attribute).to.equal('transactions.channel');
      expect(text(q(el, '[aria-live=polite]'))).to.equal('Redone.');

      const title = q<HTMLInputElement>(el, '[part~=title-input]')!;
      title.focus();
      await sendKeys({ press: 'Control+z' });
      await el.updateComplete;
      expect(el.state!.encodings.x).to.equal(undefined);
      await sendKeys({ press: 'Control+z' });
      await el.updateComplete;
      expect(el.state!.table).to.equal(undefined);
      expect(undo.isConnected && undo.disabled).to.equal(true);
      await sendKeys({ press: 'Control+Shift+Z' });
      await el.updateComplete;
      expect(el.state!.table).to.equal('transactions');
      await sendKeys({ press: 'Control+y' });
      await el.updateComplete;
      expect(el.state!.encodings.x?.attribute).to.equal('transactions.channel');
      expect(q<HTMLButtonElement>(el, '[part~=redo-button]')!.disabled).to.equal(true);
    });

    it('undoes a run of typing in the title as one step', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      const title = q<HTMLInputElement>(el, '[part~=title-input]')!;
      title.focus();
      await sendKeys({ type: 'Sales' });
      await el.updateComplete;
      expect(title.value).to.equal('Sales');
      await sendKeys({ press: 'Control+z' });
      await el.updateComplete;
      expect(el.state!.title).to.equal('');
      expect(title.value).to.equal('');
    });
  });

  describe('round trip', () => {
    const ids = ['clv-by-decile', 'revenue-by-loyalty-tier', 'audience-growth', 'profiles-per-decile-and-category', 'top-customers', 'clv-distribution'];
    for (const id of ids) {
      it(`saves ${id} unchanged`, async () => {
        const spec = catalogSpec(id);
        const el = await open(html`<clv-widget-composer .adapter=${catalogAdapter()} .spec=${spec}></clv-widget-composer>`);
        await editor(el);
        expect(el.dirty).to.equal(false);
        expect(el.problems).to.deep.equal([]);
        expect(q<HTMLInputElement>(el, '[part~=title-input]')!.value).to.equal(spec.title);
        setTimeout(() => q(el, '[part~=save-button]')!.click());
        const { detail } = (await oneEvent(el, 'clv-composer-save')) as CustomEvent<ComposerSaveDetail>;
        expect(detail.close).to.equal(false);
        expect(detail.spec).to.deep.equal(spec);
        expect(JSON.stringify(detail.spec)).to.equal(JSON.stringify(spec));
      });
    }

    it('saves an SQL spec (decile-migration) unchanged, in SQL mode', async () => {
      const spec = catalogSpec('decile-migration');
      const adapter = withSql(catalogAdapter(), migrationResult);
      const el = await open(html`<clv-widget-composer .adapter=${adapter} .spec=${spec}></clv-widget-composer>`);
      await editor(el);
      expect(q(el, '[role=tab][data-mode=sql]')!.getAttribute('aria-selected')).to.equal('true');
      expect(q(el, 'clv-composer-sql-editor')).not.to.equal(null);
      expect(el.problems).to.deep.equal([]);
      setTimeout(() => q(el, '[part~=save-close-button]')!.click());
      const { detail } = (await oneEvent(el, 'clv-composer-save')) as CustomEvent<ComposerSaveDetail>;
      expect(detail.spec).to.deep.equal(spec);
      expect(detail.spec.data).to.deep.equal(spec.data);
    });

    it('is dirty after a change and clean again once it is undone', async () => {
      const spec = catalogSpec('clv-by-decile');
      const el = await open(html`<clv-widget-composer .adapter=${catalogAdapter()} .spec=${spec}></clv-widget-composer>`);
      await editor(el);
      await act(el, 'clv-composer-mark-picker', { type: 'setMark', mark: 'line' });
      expect(el.dirty).to.equal(true);
      expect(el.value!.mark).to.equal('line');
      el.undo();
      await el.updateComplete;
      expect(el.dirty).to.equal(false);
      expect(el.value).to.deep.equal(spec);
    });

    it('opens a version 1 spec upgraded', async () => {
      const v1 = { title: 'Revenue by channel', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] }, chart: 'bar', x: 'transactions.channel', y: 'transactions.revenue' };
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()} .spec=${v1}></clv-widget-composer>`);
      await editor(el);
      expect(el.state!.table).to.equal('transactions');
      expect(el.value!.version).to.equal(2);
      expect(el.value!.encodings.x).to.deep.equal({ field: 'transactions.channel', type: 'nominal' });
    });
  });

  describe('SQL mode', () => {
    it('offers the SQL tab only when the adapter has SQL', async () => {
      const plain = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(plain);
      expect(qa(plain, '[role=tab]').map((t) => t.dataset.mode)).to.deep.equal(['guided']);

      const el = await open(html`<clv-widget-composer .adapter=${withSql(memoryAdapter(), migrationResult)}></clv-widget-composer>`);
      await editor(el);
      expect(qa(el, '[role=tab]').map((t) => t.dataset.mode)).to.deep.equal(['guided', 'sql']);
      expect(q(el, '[role=tablist]')!.getAttribute('aria-label')).to.equal('Editing mode');
    });

    it('switches modes with the arrow keys (a roving tab list) and works over the result columns', async () => {
      const adapter = withSql(memoryAdapter(), migrationResult);
      const el = await open(html`<clv-widget-composer .adapter=${adapter}></clv-widget-composer>`);
      await editor(el);
      const guided = q(el, '[role=tab][data-mode=guided]')!;
      expect([guided.tabIndex, q(el, '[role=tab][data-mode=sql]')!.tabIndex]).to.deep.equal([0, -1]);
      guided.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.state!.mode).to.equal('sql');
      expect(focused(el)?.dataset.mode).to.equal('sql');
      const sqlTab = q(el, '[role=tab][data-mode=sql]')!;
      expect([sqlTab.getAttribute('aria-selected'), String(sqlTab.tabIndex)]).to.deep.equal(['true', '0']);
      expect(q(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-sql');
      expect(q(el, 'clv-composer-sql-editor')).not.to.equal(null);
      expect(q(el, 'clv-composer-table-picker')).to.equal(null);

      await act(el, 'clv-composer-sql-editor', { type: 'setSql', sql: 'SELECT 1 AS decile_from' });
      await act(el, 'clv-composer-sql-editor', { type: 'setSqlResult', result: migrationResult });
      const shelves = q(el, 'clv-composer-shelves') as HTMLElement & { available: Array<{ key: string }> };
      expect(shelves.available.map((a) => a.key)).to.deep.equal(['decile_from', 'decile_to', 'profiles']);
      await act(el, 'clv-composer-attribute-rail', { type: 'assign', channel: 'x', attribute: 'decile_from' });
      expect(el.state!.encodings.x?.attribute).to.equal('decile_from');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.state!.mode).to.equal('guided');
      expect(focused(el)?.dataset.mode).to.equal('guided');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(el.state!.mode).to.equal('sql');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(el.state!.mode).to.equal('guided');
    });
  });

  describe('hand-offs between the parts', () => {
    it('opens the filter dialog for a new filter and for an existing one', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()} now="2024-03-25"></clv-widget-composer>`);
      await editor(el);
      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
      const dialog = q(el, 'clv-composer-filter-dialog') as ClvComposerFilterDialog;
      const requests: FilterDialogRequest[] = [];
      let answer: ComposerFilter | undefined = valuesFilter('transactions.channel', ['web', 'store']);
      dialog.edit = (request) => {
        requests.push(request);
        return Promise.resolve(answer);
      };
      const shelves = q(el, 'clv-composer-shelves')!;
      shelves.dispatchEvent(new CustomEvent('clv-composer-edit-filter', { detail: { attribute: 'transactions.channel' }, bubbles: true, composed: true }));
      await waitUntil(() => el.state!.filters.length === 1);
      expect(requests[0]!.attribute.key).to.equal('transactions.channel');
      expect(requests[0]!.filter).to.equal(undefined);
      expect(requests[0]!.table).to.equal('transactions');
      expect(requests[0]!.now).to.equal('2024-03-25');
      expect(requests[0]!.model).to.equal(el.model);
      expect(requests[0]!.adapter).to.equal(el.activeAdapter);
      expect(el.state!.filters[0]).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'in', values: ['web', 'store'] });

      answer = valuesFilter('transactions.channel', ['web'], true);
      shelves.dispatchEvent(new CustomEvent('clv-composer-edit-filter', { detail: { index: 0 }, bubbles: true, composed: true }));
      await waitUntil(() => el.state!.filters[0]!.kind === 'values' && el.state!.filters[0]!.operator === 'notEquals');
      expect(requests[1]!.filter).to.deep.equal({ kind: 'values', member: 'transactions.channel', operator: 'in', values: ['web', 'store'] });
      expect(el.state!.filters).to.have.length(1);

      // Cancelled: nothing changes.
      answer = undefined;
      const before = el.state;
      shelves.dispatchEvent(new CustomEvent('clv-composer-edit-filter', { detail: { attribute: 'transactions.category' }, bubbles: true, composed: true }));
      await sleep(10);
      expect(el.state).to.equal(before);
      el.undo();
      await el.updateComplete;
      expect(el.state!.filters[0]).to.deep.include({ operator: 'in' });
    });

    it('hands a keyboard-carried attribute to the rail and shelves until it is dropped or Escape', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
      const rail = q(el, 'clv-composer-attribute-rail') as HTMLElement & { carrying?: string };
      const shelves = () => q(el, 'clv-composer-shelves') as HTMLElement & { carrying?: string };
      rail.dispatchEvent(new CustomEvent('clv-composer-pickup', { detail: { attribute: 'transactions.channel' }, bubbles: true, composed: true }));
      await el.updateComplete;
      expect([rail.carrying, shelves().carrying]).to.deep.equal(['transactions.channel', 'transactions.channel']);
      expect(text(q(el, '[aria-live=polite]'))).to.contain('Picked up Channel');
      await act(el, 'clv-composer-shelves', { type: 'assign', channel: 'x', attribute: 'transactions.channel' });
      expect([rail.carrying, shelves().carrying]).to.deep.equal([undefined, undefined]);

      rail.dispatchEvent(new CustomEvent('clv-composer-pickup', { detail: { attribute: 'transactions.revenue' }, bubbles: true, composed: true }));
      await el.updateComplete;
      expect(shelves().carrying).to.equal('transactions.revenue');
      q(el, '[part~=change-table-button]')!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect([rail.carrying, shelves().carrying]).to.deep.equal([undefined, undefined]);
    });

    it('passes the problems to the shelves and the state to every part', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${memoryAdapter()}></clv-widget-composer>`);
      await editor(el);
      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
      await act(el, 'clv-composer-mark-picker', { type: 'setMark', mark: 'line' });
      const shelves = q(el, 'clv-composer-shelves') as HTMLElement & { problems: Array<{ channel?: string }>; state: unknown };
      expect(shelves.problems.map((p) => p.channel)).to.include.members(['x', 'y']);
      expect(shelves.state).to.equal(el.state);
      expect((q(el, 'clv-composer-mark-picker') as HTMLElement & { mark: string }).mark).to.equal('line');
      expect((q(el, 'clv-composer-properties') as HTMLElement & { state: unknown }).state).to.equal(el.state);
      expect((q(el, 'clv-composer-table-picker') as unknown)).to.equal(null);
    });
  });

  describe('sources', () => {
    it('chooses the data model from the sources and shows a single one by its label', async () => {
      const first = memoryAdapter();
      const second = catalogAdapter();
      const sources = [
        { id: 'clv', label: 'Sales (CLV model)', adapter: first },
        { id: 'catalog', label: 'Catalog', adapter: second },
      ];
      const el = await open(html`<clv-widget-composer .sources=${sources}></clv-widget-composer>`);
      await editor(el);
      const select = q<HTMLSelectElement>(el, '[part~=source-select]')!;
      expect(select.labels![0]!.textContent).to.equal('Data model');
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Sales (CLV model)', 'Catalog']);
      expect(el.activeAdapter).to.equal(first);
      select.value = 'catalog';
      select.dispatchEvent(new Event('change'));
      await el.ready;
      await editor(el);
      expect(el.activeAdapter).to.equal(second);
      expect(el.model!.tables.some((t) => t.name === 'customer_clv')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('keeps the edits so far when another data model is chosen', async () => {
      const sources = [
        { id: 'clv', label: 'Sales (CLV model)', adapter: memoryAdapter() },
        { id: 'catalog', label: 'Catalog', adapter: catalogAdapter() },
      ];
      const el = await open(html`<clv-widget-composer .sources=${sources}></clv-widget-composer>`);
      await editor(el);
      el.dispatchAction({ type: 'chooseTable', table: 'transactions' });
      el.dispatchAction({ type: 'assign', channel: 'x', attribute: 'transactions.channel' });
      el.dispatchAction({ type: 'assign', channel: 'y', attribute: 'transactions.revenue' });
      el.dispatchAction({ type: 'setMark', mark: 'line' });
      el.dispatchAction({ type: 'setTitle', title: 'Revenue by channel' });
      await el.updateComplete;
      // The data model is chosen with the table: Change table brings both back.
      q(el, '[part~=change-table-button]')!.click();
      await el.updateComplete;
      const select = q<HTMLSelectElement>(el, '[part~=source-select]')!;
      select.value = 'catalog';
      select.dispatchEvent(new Event('change'));
      await el.ready;
      await editor(el);
      // The catalog model has the same transactions table: everything carries over and still plans.
      expect(el.state!.title).to.equal('Revenue by channel');
      expect(el.state!.mark).to.equal('line');
      expect(el.state!.table).to.equal('transactions');
      expect(el.state!.encodings.x?.attribute).to.equal('transactions.channel');
      expect(el.problems).to.deep.equal([]);
      expect(el.dirty).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('reaches the header controls with Tab in order', async () => {
      const el = await open(html`<clv-widget-composer .adapter=${withSql(memoryAdapter(), migrationResult)}></clv-widget-composer>`);
      await editor(el);
      await act(el, 'clv-composer-table-picker', { type: 'chooseTable', table: 'transactions' });
      q(el, '[part~=title-input]')!.focus();
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        const f = focused(el)!;
        order.push(f.dataset.mode ? `tab:${f.dataset.mode}` : (f.getAttribute('part') ?? f.id));
      }
      // The SQL tab is reached with the arrow keys, not Tab; Redo is disabled.
      expect(order).to.deep.equal(['tab:guided', 'undo-button', 'cancel-button', 'save-button', 'save-close-button']);
    });
  });
});

describe('<clv-composer-preview>', () => {
  const spec: WidgetSpec = WidgetSpecSchema.parse({
    version: 2,
    title: 'Revenue by channel',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] } },
    mark: 'bar',
    encodings: { x: { field: 'transactions.channel', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
  });

  it('shows an empty state, what is missing, then the widget, debouncing changes', async () => {
    const el = await fixture<ClvComposerPreview>(html`<clv-composer-preview .adapter=${memoryAdapter()} now="2024-03-25"></clv-composer-preview>`);
    expect(text(q(el, '[part~=empty]'))).to.equal('Put an attribute on a channel to see a preview of the widget here.');
    await expect(el).to.be.accessible();

    el.spec = spec;
    el.problems = [{ path: 'encodings.y', channel: 'y', message: 'Y needs an attribute for a bar chart' }];
    await el.updateComplete;
    expect(text(q(el, '[part~=missing] h3'))).to.equal('What is missing');
    expect(qa(el, '[part~=missing] li').map((li) => text(li))).to.deep.equal(['Y needs an attribute for a bar chart']);
    expect(el.widget).to.equal(null);
    await expect(el).to.be.accessible();

    el.problems = [];
    await el.updateComplete;
    // The first chart shows at once.
    expect(el.widget!.spec).to.equal(spec);
    expect(el.widget!.now).to.equal('2024-03-25');
    await el.rendered;
    expect(el.widget!.state).to.equal('data');

    const changed = { ...spec, mark: 'line' as const };
    el.spec = changed;
    await el.updateComplete;
    expect(el.widget!.spec).to.equal(spec);
    await sleep(PREVIEW_DEBOUNCE_MS / 2);
    const again = { ...spec, mark: 'point' as const };
    el.spec = again;
    await el.updateComplete;
    await sleep(PREVIEW_DEBOUNCE_MS - 50);
    // Still waiting: each change restarts the debounce, so "line" is never drawn.
    expect(el.widget!.spec).to.equal(spec);
    await waitUntil(() => el.widget!.spec === again, 'the debounced spec', { timeout: 2_000 });
    await el.rendered;
    expect(el.widget!.state).to.equal('data');
    await expect(el).to.be.accessible();
  });

  it('aborts the query of the previous change when the next one is drawn', async () => {
    // The first query never answers; the later ones do.
    const adapter = new RecordingAdapter(memoryAdapter(), (call, run) => (call === 1 ? new Promise<ResultSet>(() => {}) : run()));
    const el = await fixture<ClvComposerPreview>(html`<clv-composer-preview .adapter=${adapter} now="2024-03-25"></clv-composer-preview>`);
    el.spec = spec;
    el.problems = [];
    await waitUntil(() => adapter.calls.length === 1, 'the first query');
    expect(adapter.calls[0]!.signal!.aborted).to.equal(false);
    const byTier: WidgetSpec = WidgetSpecSchema.parse({
      ...spec,
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] } },
      encodings: { x: { field: 'customers.loyalty_tier', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
    });
    el.spec = byTier;
    await waitUntil(() => adapter.calls.length === 2, 'the second query, after the debounce', { timeout: 2_000 });
    expect(adapter.calls[0]!.signal!.aborted).to.equal(true);
    expect(adapter.calls[1]!.query.dimensions).to.deep.equal(['customers.loyalty_tier']);
    await el.rendered;
    expect(el.widget!.state).to.equal('data');
    expect(el.widget!.result!.rows.map((r) => r['customers.loyalty_tier'])).to.have.members(['Gold', 'Silver', 'Bronze']);
  });
});
