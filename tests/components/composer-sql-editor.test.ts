// <clv-composer-sql-editor>: the highlighted editor, the parameters found in the text with their
// sample values, Run (blocked until every parameter has a value, Ctrl+Enter, aborting the previous
// run), and the results, empty, error, loading and unsupported states, against DuckDB-WASM over
// the catalog data and against small fakes; keyboard only and axe in each state.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClvComposerSqlEditor } from '../../components/widget-composer/sql-editor.js';
import { emptyComposerState, reduceComposer, type ComposerAction, type ComposerState } from '../../src/composer/index.js';
import type { CallOptions, DataAdapter, SqlParams } from '../../src/contracts/adapter.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { ResultSet } from '../../src/contracts/result.js';
import type { DuckDbAdapter } from '../../src/engines/duckdb/index.js';
import { catalogModel } from '../../src/widgets/catalog.js';
import { generateCatalogData } from '../../src/widgets/catalog-data.js';
import { catalogSqlAdapter } from '../../stories/support/catalog.js';
import { memoryAdapter } from './support/adapters.js';

if (!customElements.get('clv-composer-sql-editor')) customElements.define('clv-composer-sql-editor', ClvComposerSqlEditor);

const model = catalogModel();

interface SqlCall {
  text: string;
  params: SqlParams;
  signal?: AbortSignal;
}

/** An SQL-capable adapter over the small in-memory model whose sql() answers as the test says, recording each call. */
class FakeSqlAdapter implements DataAdapter {
  readonly id = 'fake-sql';
  readonly capabilities = { sql: true, sqlDialect: 'duckdb', append: false };
  readonly calls: SqlCall[] = [];
  private readonly inner = memoryAdapter();

  constructor(private readonly answer: (call: number, text: string, params: SqlParams) => Promise<ResultSet>) {}

  describe: DataAdapter['describe'] = (options) => this.inner.describe(options);
  query: DataAdapter['query'] = (q, options) => this.inner.query(q, options);
  sample: DataAdapter['sample'] = (table, options) => this.inner.sample(table, options);

  sql(text: string, params: SqlParams = {}, options: CallOptions = {}): Promise<ResultSet> {
    this.calls.push({ text, params, signal: options.signal });
    return this.answer(this.calls.length, text, params);
  }
}

/** Wraps the DuckDB adapter, recording what the editor handed to sql(). */
class RecordingSqlAdapter implements DataAdapter {
  readonly id: string;
  readonly capabilities;
  readonly calls: SqlCall[] = [];

  constructor(private readonly inner: DataAdapter) {
    this.id = `recording ${inner.id}`;
    this.capabilities = inner.capabilities;
  }

  describe: DataAdapter['describe'] = (options) => this.inner.describe(options);
  query: DataAdapter['query'] = (q, options) => this.inner.query(q, options);
  sample: DataAdapter['sample'] = (table, options) => this.inner.sample(table, options);

  sql(text: string, params: SqlParams = {}, options: CallOptions = {}): Promise<ResultSet> {
    this.calls.push({ text, params, signal: options.signal });
    return this.inner.sql!(text, params, options);
  }
}

const result = (rows: ResultSet['rows'], columns: ResultSet['columns'] = [{ name: 'n', label: 'n', type: 'integer', role: 'dimension' }]): ResultSet => ({
  columns,
  rows,
  provenance: { kind: 'sql', sql: 'fake', params: [] },
});

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

/**
 * The editor with a stand-in for the composer: every requested action goes through the real
 * reducer and the new state comes back down, as <clv-widget-composer> does.
 */
async function editor(adapter: DataAdapter | undefined, initial: Partial<ComposerState> = {}) {
  const state: ComposerState = { ...emptyComposerState('sql'), ...initial };
  const el = await fixture<ClvComposerSqlEditor>(html`<clv-composer-sql-editor .adapter=${adapter} .state=${state}></clv-composer-sql-editor>`);
  const actions: ComposerAction[] = [];
  el.addEventListener('clv-composer-action', (e) => {
    const action = e.detail as ComposerAction;
    actions.push(action);
    el.state = reduceComposer(el.state, action, model);
  });
  return { el, actions };
}

const root = (el: ClvComposerSqlEditor) => el.shadowRoot!;
const textarea = (el: ClvComposerSqlEditor) => root(el).querySelector<HTMLTextAreaElement>('textarea[part~=sql-input]')!;
const layer = (el: ClvComposerSqlEditor) => root(el).querySelector<HTMLElement>('pre[part~=highlight]')!;
const paramInput = (el: ClvComposerSqlEditor, name: string) => root(el).querySelector<HTMLInputElement>(`input[data-param=${name}]`);
const paramNames = (el: ClvComposerSqlEditor) => [...root(el).querySelectorAll<HTMLInputElement>('input[data-param]')].map((i) => i.dataset.param);
const runButton = (el: ClvComposerSqlEditor) => root(el).querySelector<HTMLButtonElement>('button[part~=run-button]')!;
const part = (el: ClvComposerSqlEditor, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const focused = (el: ClvComposerSqlEditor) => root(el).activeElement as HTMLElement | null;
const headers = (el: ClvComposerSqlEditor) => [...part(el, 'results')!.querySelectorAll('th')].map((th) => th.dataset.column);
const bodyRows = (el: ClvComposerSqlEditor) => [...part(el, 'results')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
const lastResult = (actions: ComposerAction[]) => actions.filter((a) => a.type === 'setSqlResult').at(-1);

async function typeInto(input: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
  input.focus();
  await sendKeys({ type: value });
}

describe('<clv-composer-sql-editor>', () => {
  describe('editing', () => {
    it('is a labelled monospace textarea over an aria-hidden layer that highlights the same text', async () => {
      const sql = "SELECT clv_decile, COUNT(*) AS n -- per decile\nFROM customer_clv WHERE clv > 100.5 AND customer_id <> 'O''Brien' AND clv_decile <= '$TOP'";
      const { el } = await editor(new FakeSqlAdapter(() => Promise.resolve(result([]))), { sql });
      const input = textarea(el);
      expect(input.value).to.equal(sql);
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(root(el).querySelector(`label[for=${input.id}]`)?.textContent?.trim()).to.equal('SQL query');
      expect(getComputedStyle(input).fontFamily).to.match(/mono/i);
      expect(text(root(el).querySelector(`#${input.getAttribute('aria-describedby')}`))).to.contain('Ctrl+Enter');

      const pre = layer(el);
      expect(pre.getAttribute('aria-hidden')).to.equal('true');
      expect(pre.textContent).to.equal(`${sql} `);
      const spans = (kind: string) => [...pre.querySelectorAll(`.t-${kind}`)].map((s) => s.textContent);
      expect(spans('keyword')).to.deep.equal(['SELECT', 'AS', 'FROM', 'WHERE', 'AND', 'AND']);
      expect(spans('string')).to.deep.equal(["'O''Brien'"]);
      expect(spans('number')).to.deep.equal(['100.5']);
      expect(spans('comment')).to.deep.equal(['-- per decile']);
      expect(spans('parameter')).to.deep.equal(["'$TOP'"]);
      const colour = (kind: string) => getComputedStyle(pre.querySelector(`.t-${kind}`)!).color;
      expect(new Set(['keyword', 'string', 'number', 'comment', 'parameter'].map(colour)).size).to.equal(5);
      await expect(el).to.be.accessible();

      // A change from the composer (undo, say) replaces the text in both layers.
      el.state = { ...el.state, sql: 'SELECT 1' };
      await el.updateComplete;
      expect(input.value).to.equal('SELECT 1');
      expect(pre.textContent).to.equal('SELECT 1 ');
    });

    it('wraps long lines exactly as the textarea does and scrolls with it', async () => {
      const long = `SELECT ${Array.from({ length: 40 }, (_, i) => `column_${i}`).join(', ')} FROM customer_clv`;
      const sql = Array.from({ length: 30 }, (_, i) => `-- line ${i}\n${long}`).join('\n');
      const { el } = await editor(new FakeSqlAdapter(() => Promise.resolve(result([]))), { sql });
      const input = textarea(el);
      const pre = layer(el);
      expect(input.scrollHeight).to.be.greaterThan(input.clientHeight * 3);
      expect(pre.scrollHeight).to.equal(input.scrollHeight);
      expect(pre.clientWidth).to.equal(input.clientWidth);
      input.scrollTop = 400;
      input.dispatchEvent(new Event('scroll'));
      expect(pre.scrollTop).to.equal(400);
    });

    it('asks for setSql as the text is typed, and finds parameters as they appear and go', async () => {
      const { el, actions } = await editor(new FakeSqlAdapter(() => Promise.resolve(result([]))));
      expect(paramNames(el)).to.deep.equal([]);
      expect(text(part(el, 'params'))).to.contain('No parameters');

      await typeInto(textarea(el), "SELECT * FROM transactions WHERE ts >= '$START_DATE'");
      expect(actions.at(-1)).to.deep.equal({ type: 'setSql', sql: "SELECT * FROM transactions WHERE ts >= '$START_DATE'" });
      await el.updateComplete;
      expect(paramNames(el)).to.deep.equal(['START_DATE']);
      expect(root(el).querySelector('label[for=param-START_DATE]')?.textContent?.trim()).to.equal('$START_DATE sample value');
      expect([...layer(el).querySelectorAll('.t-parameter')].map((s) => s.textContent)).to.deep.equal(["'$START_DATE'"]);

      await sendKeys({ type: " AND amount > $MIN_AMOUNT -- '$NOT_ONE'" });
      await el.updateComplete;
      expect(paramNames(el)).to.deep.equal(['START_DATE', 'MIN_AMOUNT']);

      const input = textarea(el);
      // Select "WHERE ts >= '$START_DATE'" and type over it.
      input.setSelectionRange(input.value.indexOf('ts >='), input.value.indexOf(' AND amount'));
      await sendKeys({ type: 'TRUE' });
      await el.updateComplete;
      expect(el.state.sql).to.equal("SELECT * FROM transactions WHERE TRUE AND amount > $MIN_AMOUNT -- '$NOT_ONE'");
      expect(paramNames(el)).to.deep.equal(['MIN_AMOUNT']);
      await expect(el).to.be.accessible();
    });

    it('lets Tab leave the editor instead of inserting a tab', async () => {
      const { el } = await editor(new FakeSqlAdapter(() => Promise.resolve(result([]))), { sql: "SELECT '$A' AS a" });
      textarea(el).focus();
      await sendKeys({ press: 'Tab' });
      expect(textarea(el).value).to.equal("SELECT '$A' AS a");
      expect(focused(el)?.dataset.param).to.equal('A');
    });
  });

  describe('parameters', () => {
    it('blocks Run until every parameter has a sample value, naming those that lack one', async () => {
      const adapter = new FakeSqlAdapter(() => Promise.resolve(result([{ n: 1 }])));
      const sql = "SELECT COUNT(*) AS n FROM transactions WHERE ts >= '$START_DATE' AND amount > '$MIN_AMOUNT'";
      const { el, actions } = await editor(adapter, { sql });
      expect(paramNames(el)).to.deep.equal(['START_DATE', 'MIN_AMOUNT']);
      expect(text(part(el, 'blocked'))).to.equal('Give $START_DATE and $MIN_AMOUNT sample values');
      expect(runButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(paramInput(el, 'START_DATE')!.getAttribute('aria-invalid')).to.equal('true');
      expect(text(root(el).querySelector(`#${paramInput(el, 'START_DATE')!.getAttribute('aria-describedby')}`))).to.equal('Needs a sample value');
      await expect(el).to.be.accessible();

      runButton(el).click();
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
      expect(focused(el)?.dataset.param).to.equal('START_DATE');

      await sendKeys({ type: '2024-01-01' });
      expect(actions.at(-1)).to.deep.equal({ type: 'setParam', name: 'START_DATE', value: '2024-01-01' });
      await el.updateComplete;
      expect(text(part(el, 'blocked'))).to.equal('Give $MIN_AMOUNT a sample value');
      expect(paramInput(el, 'START_DATE')!.getAttribute('aria-invalid')).to.equal('false');
      runButton(el).click();
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
      expect(focused(el)?.dataset.param).to.equal('MIN_AMOUNT');

      await sendKeys({ type: '100' });
      await el.updateComplete;
      expect(part(el, 'blocked')).to.equal(null);
      expect(runButton(el).getAttribute('aria-disabled')).to.equal('false');
      runButton(el).click();
      await waitUntil(() => adapter.calls.length === 1);
      // The text goes as written; the values travel apart, typed text kept as text.
      expect(adapter.calls[0]!.text).to.equal(sql);
      expect(adapter.calls[0]!.params).to.deep.equal({ START_DATE: '2024-01-01', MIN_AMOUNT: '100' });
    });

    it('blocks Run on an empty query', async () => {
      const adapter = new FakeSqlAdapter(() => Promise.resolve(result([])));
      const { el } = await editor(adapter, { sql: '  ' });
      expect(text(part(el, 'blocked'))).to.equal('Write a query to run');
      runButton(el).click();
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
    });

    it('pre-fills sample values from the state, and keeps a number a number while its text is one', async () => {
      const adapter = new FakeSqlAdapter(() => Promise.resolve(result([])));
      const { el, actions } = await editor(adapter, { sql: "SELECT * FROM t WHERE d = '$DECILE' AND c = '$COUNTRY' LIMIT '$N'", params: { DECILE: 3, COUNTRY: 'GB' } });
      expect(paramInput(el, 'DECILE')!.value).to.equal('3');
      expect(paramInput(el, 'COUNTRY')!.value).to.equal('GB');
      expect(paramInput(el, 'N')!.value).to.equal('');
      expect(text(part(el, 'blocked'))).to.equal('Give $N a sample value');

      paramInput(el, 'DECILE')!.select();
      await typeInto(paramInput(el, 'DECILE')!, '10');
      expect(actions.at(-1)).to.deep.equal({ type: 'setParam', name: 'DECILE', value: 10 });
      await sendKeys({ type: 'x' });
      expect(actions.at(-1)).to.deep.equal({ type: 'setParam', name: 'DECILE', value: '10x' });
      await typeInto(paramInput(el, 'N')!, '5');
      expect(actions.at(-1)).to.deep.equal({ type: 'setParam', name: 'N', value: '5' });
      expect(el.state.params).to.deep.equal({ DECILE: '10x', COUNTRY: 'GB', N: '5' });
    });
  });

  describe('running against DuckDB-WASM over the catalog data', () => {
    let duckdb: DuckDbAdapter;
    let customers: number;
    let clvOver100: number;

    before(async () => {
      duckdb = await catalogSqlAdapter();
      const clv = generateCatalogData().customer_clv!;
      customers = clv.customer_id!.length;
      clvOver100 = (clv.clv as number[]).filter((v) => v > 100).length;
    });

    it('runs on Run and shows the real count, and hands the columns to the composer', async () => {
      const { el, actions } = await editor(duckdb, { sql: 'SELECT COUNT(*) AS customers FROM customer_clv' });
      runButton(el).click();
      await waitUntil(() => part(el, 'count'), 'no result', { timeout: 30_000 });
      expect(headers(el)).to.deep.equal(['customers']);
      expect(text(part(el, 'results')!.querySelector('th'))).to.equal('customers integer');
      expect(bodyRows(el)).to.deep.equal([[customers.toLocaleString('en-US')]]);
      expect(text(part(el, 'count'))).to.equal('1 row');
      expect(text(part(el, 'status'))).to.equal('The query returned 1 row.');
      const action = lastResult(actions);
      expect(action?.type === 'setSqlResult' && action.result.rows).to.deep.equal([{ customers }]);
      expect(action?.type === 'setSqlResult' && action.result.columns.map((c) => [c.name, c.type])).to.deep.equal([['customers', 'integer']]);
      expect(el.state.sqlColumns.map((c) => c.key)).to.deep.equal(['customers']);
      expect(part(el, 'results')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('binds a sample value, shows the first 100 rows with the full count, and lists the columns', async () => {
      const sql = "SELECT customer_id, clv, clv_decile FROM customer_clv WHERE clv > '$MIN_CLV' ORDER BY clv DESC";
      const { el, actions } = await editor(duckdb, { sql, params: { MIN_CLV: '100' } });
      runButton(el).click();
      await waitUntil(() => part(el, 'count'), 'no result', { timeout: 30_000 });
      expect(clvOver100).to.be.greaterThan(100);
      expect(text(part(el, 'count'))).to.equal(`${clvOver100} rows; the first 100 are shown`);
      expect(headers(el)).to.deep.equal(['customer_id', 'clv', 'clv_decile']);
      expect(bodyRows(el)).to.have.length(100);
      const action = lastResult(actions);
      expect(action?.type === 'setSqlResult' && action.result.rows.length).to.equal(clvOver100);
      const clvs = action?.type === 'setSqlResult' ? action.result.rows.map((r) => r.clv as number) : [];
      expect(Math.min(...clvs)).to.be.greaterThan(100);
      expect(el.state.sqlColumns.map((c) => [c.key, c.type, c.fieldType])).to.deep.equal([
        ['customer_id', 'string', 'nominal'],
        ['clv', 'number', 'quantitative'],
        ['clv_decile', 'integer', 'ordinal'],
      ]);

      // The Columns tab lists the attributes the result offers.
      root(el).querySelector<HTMLElement>('[role=tab][data-tab=columns]')!.click();
      await el.updateComplete;
      expect(part(el, 'results')!.checkVisibility()).to.equal(false);
      expect(part(el, 'columns')!.checkVisibility()).to.equal(true);
      expect([...part(el, 'columns')!.querySelectorAll('tbody tr')].map((tr) => text(tr))).to.deep.equal([
        'customer_id string Category',
        'clv number Number',
        'clv_decile integer Ordered category',
      ]);
      await expect(el).to.be.accessible();
    });

    it("binds a value with a quote (O'Brien) instead of writing it into the text", async () => {
      const adapter = new RecordingSqlAdapter(duckdb);
      const sql = "SELECT '$NAME' AS name, length('$NAME') AS letters, '$NAME' = 'O''Brien' AS same";
      const { el, actions } = await editor(adapter, { sql });
      await typeInto(paramInput(el, 'NAME')!, "O'Brien");
      await el.updateComplete;
      runButton(el).click();
      await waitUntil(() => part(el, 'count'), 'no result', { timeout: 30_000 });
      expect(adapter.calls.map((c) => [c.text, c.params])).to.deep.equal([[sql, { NAME: "O'Brien" }]]);
      const action = lastResult(actions);
      expect(action?.type === 'setSqlResult' && action.result.rows).to.deep.equal([{ name: "O'Brien", letters: 7, same: true }]);
      expect(bodyRows(el)).to.deep.equal([["O'Brien", '7', 'Yes']]);
    });

    it('runs with Ctrl+Enter in the editor (Cmd+Enter too) without adding a line', async () => {
      const sql = 'SELECT clv_decile, COUNT(*) AS n FROM customer_clv GROUP BY clv_decile ORDER BY clv_decile';
      const adapter = new RecordingSqlAdapter(duckdb);
      const { el, actions } = await editor(adapter, { sql });
      textarea(el).focus();
      await sendKeys({ press: 'Control+Enter' });
      await waitUntil(() => part(el, 'count'), 'no result', { timeout: 30_000 });
      expect(textarea(el).value).to.equal(sql);
      expect(headers(el)).to.deep.equal(['clv_decile', 'n']);
      expect(bodyRows(el).map((r) => r[0])).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      const action = lastResult(actions);
      const total = action?.type === 'setSqlResult' ? action.result.rows.reduce((s, r) => s + (r.n as number), 0) : 0;
      expect(total).to.equal(customers);

      await sendKeys({ press: 'Meta+Enter' });
      await waitUntil(() => adapter.calls.length === 2, 'Cmd+Enter did not run');
      expect(textarea(el).value).to.equal(sql);
    });

    it("shows DuckDB's own message when the query is wrong", async () => {
      const { el, actions } = await editor(duckdb, { sql: 'SELEC clv FROM customer_clv' });
      runButton(el).click();
      await waitUntil(() => part(el, 'error'), 'no error', { timeout: 30_000 });
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('Parser Error: syntax error at or near "SELEC"');
      expect(text(error)).to.contain('invalid_request');
      expect(text(part(el, 'status'))).to.equal('The query failed.');
      expect(lastResult(actions)).to.equal(undefined);
      await expect(el).to.be.accessible();

      const missing = await editor(duckdb, { sql: 'SELECT * FROM no_such_table' });
      runButton(missing.el).click();
      await waitUntil(() => part(missing.el, 'error'), 'no error', { timeout: 30_000 });
      expect(text(part(missing.el, 'error'))).to.contain('no_such_table');
    });

    it('says when the query returned no rows, and still hands over its columns', async () => {
      const { el, actions } = await editor(duckdb, { sql: "SELECT customer_id, clv FROM customer_clv WHERE customer_id = '$ID'", params: { ID: 'nobody' } });
      runButton(el).click();
      await waitUntil(() => part(el, 'empty'), 'no empty state', { timeout: 30_000 });
      expect(text(part(el, 'empty'))).to.equal('The query returned no rows; the widget would show its empty state.');
      expect(text(part(el, 'status'))).to.equal('The query returned 0 rows.');
      const action = lastResult(actions);
      expect(action?.type === 'setSqlResult' && action.result.columns.map((c) => c.name)).to.deep.equal(['customer_id', 'clv']);
      expect(el.state.sqlColumns.map((c) => c.key)).to.deep.equal(['customer_id', 'clv']);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading, aborting, failing', () => {
    it('shows the loading state while the adapter works', async () => {
      const adapter = new FakeSqlAdapter(() => new Promise<ResultSet>(() => {}));
      const { el } = await editor(adapter, { sql: 'SELECT 1 AS n' });
      expect(text(part(el, 'results'))).to.equal('Run the query to see its rows here.');
      runButton(el).click();
      await el.updateComplete;
      expect(part(el, 'results')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(part(el, 'status'))).to.equal('Running the query…');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(adapter.calls[0]!.signal?.aborted).to.equal(false);
      await expect(el).to.be.accessible();

      // Leaving the page stops the run.
      el.remove();
      expect(adapter.calls[0]!.signal?.aborted).to.equal(true);
    });

    it('aborts the previous run when Run is pressed again, and a late answer does not replace the newer one', async () => {
      const first = deferred<ResultSet>();
      const adapter = new FakeSqlAdapter((call) => (call === 1 ? first.promise : Promise.resolve(result([{ n: 2 }]))));
      const { el, actions } = await editor(adapter, { sql: 'SELECT 1 AS n' });
      runButton(el).click();
      await el.updateComplete;
      runButton(el).click();
      await waitUntil(() => part(el, 'count'), 'no result');
      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[0]!.signal?.aborted).to.equal(true);
      expect(adapter.calls[1]!.signal?.aborted).to.equal(false);
      expect(bodyRows(el)).to.deep.equal([['2']]);

      first.resolve(result([{ n: 1 }]));
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(bodyRows(el)).to.deep.equal([['2']]);
      expect(actions.filter((a) => a.type === 'setSqlResult')).to.have.length(1);
      expect(part(el, 'error')).to.equal(null);
    });

    it("shows the adapter's error message", async () => {
      const adapter = new FakeSqlAdapter(() => Promise.reject(new AdapterError('backend', 'The warehouse is offline. Try again in a minute.')));
      const { el } = await editor(adapter, { sql: 'SELECT 1 AS n' });
      runButton(el).click();
      await waitUntil(() => part(el, 'error'));
      expect(text(part(el, 'error'))).to.equal('The query failed The warehouse is offline. Try again in a minute. Code: backend');
      await expect(el).to.be.accessible();
    });

    it('says so instead of the editor when the adapter cannot run SQL', async () => {
      const { el } = await editor(memoryAdapter(), { sql: 'SELECT 1' });
      expect(root(el).querySelector('textarea')).to.equal(null);
      expect(runButton(el)).to.equal(null);
      expect(text(part(el, 'unsupported'))).to.equal(
        'This data source (memory) cannot run SQL queries. Build the widget in guided mode from the tables of the data model instead.',
      );
      await expect(el).to.be.accessible();

      const none = await editor(undefined);
      expect(text(part(none.el, 'unsupported'))).to.contain('No data source is connected');
    });
  });

  describe('keyboard only', () => {
    it('writes a query, fills its parameter, runs it and reads the columns without a pointer', async () => {
      const duckdb = await catalogSqlAdapter();
      const { el, actions } = await editor(duckdb);
      textarea(el).focus();
      await sendKeys({ type: "SELECT clv_decile, COUNT(*) AS n FROM customer_clv WHERE clv_decile <= '$TOP' GROUP BY 1 ORDER BY 1" });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.dataset.param).to.equal('TOP');
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.getAttribute('part')).to.equal('run-button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'count'), 'no result', { timeout: 30_000 });
      expect(bodyRows(el).map((r) => r[0])).to.deep.equal(['1', '2', '3']);
      expect(lastResult(actions)?.type).to.equal('setSqlResult');

      // Tab reaches the tabs (the selected one), the arrows switch to Columns, Tab enters the panel.
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.dataset.tab).to.equal('results');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)?.dataset.tab).to.equal('columns');
      expect(part(el, 'columns')!.checkVisibility()).to.equal(true);
      expect(part(el, 'results')!.checkVisibility()).to.equal(false);
      expect([...part(el, 'columns')!.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-column'))).to.deep.equal(['clv_decile', 'n']);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el)?.dataset.tab).to.equal('results');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.getAttribute('aria-label')).to.equal('Query results');
      await expect(el).to.be.accessible();
    });
  });
});
