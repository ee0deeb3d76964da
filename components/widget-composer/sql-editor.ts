import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ComposerState } from '../../src/composer/state.js';
import { tokenizeSql, type SqlToken } from '../../src/composer/sql-highlight.js';
import type { DataAdapter, SqlParams } from '../../src/contracts/adapter.js';
import type { ResultSet, ScalarValue } from '../../src/contracts/result.js';
import { findSqlParameters } from '../../src/query/sql-params.js';
import type { FieldType } from '../../src/widgets/spec.js';
import { raceAbort, toDisplayError, type DisplayError } from '../shared/adapter-run.js';
import { formatValue, isNumericColumn, listFormat, plural } from '../shared/format.js';
import { requestAction } from './composer-events.js';
import { sqlEditorStyles } from './sql-editor.styles.js';

/** Rows the results table shows; the count above it gives the full number. */
export const SQL_PREVIEW_ROWS = 100;

type RunState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'complete'; result: ResultSet }
  | { status: 'error'; error: DisplayError };

type OutputTab = 'results' | 'columns';

const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = {
  quantitative: 'Number',
  ordinal: 'Ordered category',
  nominal: 'Category',
  temporal: 'Time',
};

/** Text that reads back as exactly the same number ("100", "-2.5"; not "007", "1e3" or "1.50"). */
const isNumberText = (text: string) => text.trim() === text && text !== '' && String(Number(text)) === text;

/** A sample value counts as given unless it is absent or blank. */
const hasValue = (value: ScalarValue | undefined) => value !== undefined && value !== '';

/**
 * @summary The composer's SQL mode: an editor with highlighting, the parameters found in the text with their sample values, Run, and the results.
 * @tagname clv-composer-sql-editor
 *
 * Typing asks for `setSql`, each sample value for `setParam`, and a successful run for
 * `setSqlResult` (whose columns become the attributes of the encoding shelves). Values are handed
 * to `adapter.sql()` as bound parameters, never written into the text. A new run aborts the one
 * still running. Tab leaves the editor as usual; Ctrl+Enter (⌘+Enter) runs the query.
 *
 * @event clv-composer-action - A ComposerAction: `setSql`, `setParam` or `setSqlResult`.
 *
 * @csspart sql-input - The SQL textarea.
 * @csspart highlight - The highlighted copy of the text behind the textarea.
 * @csspart params - The sample values of the parameters.
 * @csspart param-input - One sample value input (also `[data-param=NAME]`).
 * @csspart run-button - Runs the query.
 * @csspart blocked - Names the parameters that still need a sample value.
 * @csspart status - Running, row count or failure, announced politely.
 * @csspart results - The Results tab panel: row count and the first rows.
 * @csspart count - "n rows" above the results table.
 * @csspart columns - The Columns tab panel: the attributes the result offers.
 * @csspart empty - Shown when the query returned no rows.
 * @csspart error - The adapter's error message (role=alert).
 * @csspart unsupported - Shown instead of the editor when the adapter cannot run SQL.
 *
 * @cssprop --clv-sql-editor-height - Starting height of the editor (default 12rem; it can be resized).
 * @cssprop --clv-sql-editor-min-height - Smallest height of the editor (default 10rem).
 * @cssprop --clv-sql-results-max-height - Height of the results table before it scrolls (default 20rem).
 * @cssprop --clv-sql-keyword-color - Keywords (default --clv-color-accent).
 * @cssprop --clv-sql-string-color - String literals (default --clv-color-success).
 * @cssprop --clv-sql-number-color - Numbers (default --clv-color-warning).
 * @cssprop --clv-sql-comment-color - Comments (default --clv-color-text-muted).
 * @cssprop --clv-sql-parameter-color - '$NAME' parameters (default #5b2d86).
 * @cssprop --clv-sql-parameter-background - Behind parameters (default #efe6f7).
 * @cssprop --clv-font-family-mono - The editor's font.
 */
export class ClvComposerSqlEditor extends LitElement {
  static override styles = sqlEditorStyles;

  static override properties = {
    state: { attribute: false },
    adapter: { attribute: false },
    _text: { state: true },
    _run: { state: true },
    _tab: { state: true },
  };

  declare state: ComposerState;
  declare adapter: DataAdapter | undefined;
  /** The textarea's text: state.sql, or what was typed while the composer has not answered yet. */
  declare _text: string;
  declare _run: RunState;
  declare _tab: OutputTab;

  #lastSql: string | undefined;
  #controller: AbortController | undefined;

  constructor() {
    super();
    this._text = '';
    this._run = { status: 'idle' };
    this._tab = 'results';
  }

  /** Whether the adapter can run SQL. */
  get canRunSql(): boolean {
    return Boolean(this.adapter?.capabilities.sql && typeof this.adapter.sql === 'function');
  }

  /** The parameters of the query, in order of first appearance. */
  get parameters(): string[] {
    return findSqlParameters(this.state?.sql ?? '');
  }

  /** Why Run cannot start, or undefined when it can. */
  get blockedReason(): string | undefined {
    if (!(this.state?.sql ?? '').trim()) return 'Write a query to run';
    const missing = this.#missing();
    if (missing.length === 0) return undefined;
    return `Give ${listFormat(missing.map((n) => `$${n}`))} ${missing.length === 1 ? 'a sample value' : 'sample values'}`;
  }

  /**
   * Runs the query with the sample values bound, aborting a run still going. Does nothing (but
   * moves focus to the first parameter without a value) while Run is blocked.
   */
  async run(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter?.sql || !this.canRunSql) return;
    if (this.blockedReason) {
      const first = this.#missing()[0];
      if (first) this.renderRoot.querySelector<HTMLInputElement>(`input[data-param="${first}"]`)?.focus();
      return;
    }
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const sql = this.state.sql ?? '';
    const params: SqlParams = Object.fromEntries(this.parameters.map((n) => [n, this.state.params[n] ?? null]));
    this._run = { status: 'loading' };
    this._tab = 'results';
    try {
      // raceAbort: an adapter that ignores the signal still lets a newer run take over at once.
      const result = await raceAbort(adapter.sql(sql, params, { signal: controller.signal }), controller.signal);
      if (controller !== this.#controller) return;
      this._run = { status: 'complete', result };
      requestAction(this, { type: 'setSqlResult', result: { columns: result.columns, rows: result.rows } });
    } catch (error) {
      if (controller !== this.#controller || controller.signal.aborted) return;
      this._run = { status: 'error', error: toDisplayError(error) };
    } finally {
      if (controller === this.#controller) this.#controller = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = undefined;
      this._run = { status: 'idle' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state')) {
      const sql = this.state?.sql ?? '';
      if (sql !== this.#lastSql) {
        this.#lastSql = sql;
        this._text = sql;
      }
    }
  }

  protected override updated(): void {
    this.#syncScroll();
  }

  #missing(): string[] {
    const values = this.state?.params ?? {};
    return this.parameters.filter((n) => !hasValue(values[n]));
  }

  #syncScroll(): void {
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    const layer = this.renderRoot.querySelector<HTMLElement>('.editor__layer');
    if (!input || !layer) return;
    layer.scrollTop = input.scrollTop;
    layer.scrollLeft = input.scrollLeft;
  }

  #onInput(event: Event): void {
    const sql = (event.target as HTMLTextAreaElement).value;
    this._text = sql;
    requestAction(this, { type: 'setSql', sql });
  }

  #onEditorKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.run();
    }
  }

  #onParamInput(name: string, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    // Text unless the value was already a number: DuckDB types a bound string from its use
    // ('100' compared with a number column is 100), while a JS number is bound as a DOUBLE, which
    // would make a numeric-looking text id '42' read as '42.0'.
    const value = typeof this.state.params[name] === 'number' && isNumberText(text) ? Number(text) : text;
    requestAction(this, { type: 'setParam', name, value });
  }

  #onParamKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.run();
    }
  }

  #onTabKeydown(event: KeyboardEvent): void {
    const order: OutputTab[] = ['results', 'columns'];
    const at = order.indexOf(this._tab);
    let next: OutputTab | undefined;
    if (event.key === 'ArrowRight') next = order[(at + 1) % order.length];
    else if (event.key === 'ArrowLeft') next = order[(at + order.length - 1) % order.length];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (!next) return;
    event.preventDefault();
    this._tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-tab=${next}]`)?.focus());
  }

  protected override render(): TemplateResult {
    if (!this.canRunSql) {
      const name = this.adapter ? `This data source (${this.adapter.id})` : 'No data source is connected, so it';
      return html`<p part="unsupported" class="unsupported">
        ${name} cannot run SQL queries. Build the widget in guided mode from the tables of the data model instead.
      </p>`;
    }
    return html`
      ${this.#renderEditor()} ${this.#renderParams()} ${this.#renderActions()} ${this.#renderOutput()}
    `;
  }

  #renderEditor(): TemplateResult {
    // No whitespace inside <pre>: it would show. The trailing space gives a final empty line its height.
    return html`<div class="field">
      <label class="label" for="sql-input">SQL query</label>
      <p class="hint" id="sql-hint">
        Write <code>'$NAME'</code> where a value goes: it is bound, never pasted into the text. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac)
        runs the query; <kbd>Tab</kbd> moves on.
      </p>
      <div class="editor">
        <pre class="editor__layer" part="highlight" aria-hidden="true">${tokenizeSql(this._text).map(renderToken)} </pre>
        <textarea
          id="sql-input"
          class="editor__input"
          part="sql-input"
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          autocorrect="off"
          wrap="soft"
          aria-describedby="sql-hint"
          placeholder="SELECT clv_decile, AVG(clv) AS clv FROM customer_clv GROUP BY 1"
          .value=${live(this._text)}
          @input=${this.#onInput}
          @keydown=${this.#onEditorKeydown}
          @scroll=${this.#syncScroll}
        ></textarea>
      </div>
    </div>`;
  }

  #renderParams(): TemplateResult {
    const names = this.parameters;
    if (names.length === 0) return html`<p class="hint" part="params">No parameters: the query runs as written.</p>`;
    const values = this.state.params;
    return html`<fieldset part="params">
      <legend>Parameters</legend>
      <div class="params">
        ${names.map((name) => {
          const value = values[name];
          const missing = !hasValue(value);
          return html`<div class="field param">
            <label for=${`param-${name}`}>$${name} sample value</label>
            <input
              id=${`param-${name}`}
              type="text"
              part="param-input"
              data-param=${name}
              autocomplete="off"
              spellcheck="false"
              placeholder=${value === null ? 'NULL' : nothing}
              aria-invalid=${missing ? 'true' : 'false'}
              aria-describedby=${missing ? `param-${name}-missing` : nothing}
              .value=${live(value === null || value === undefined ? '' : String(value))}
              @input=${(e: Event) => this.#onParamInput(name, e)}
              @keydown=${this.#onParamKeydown}
            />
            ${missing ? html`<p class="param__missing" id=${`param-${name}-missing`}>Needs a sample value</p>` : nothing}
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  #renderActions(): TemplateResult {
    const blocked = this.blockedReason;
    return html`<div class="actions">
      <button
        type="button"
        class="button button--primary"
        part="run-button"
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${blocked ? 'run-blocked' : nothing}
        @click=${() => void this.run()}
      >
        Run
      </button>
      ${blocked ? html`<p class="blocked" part="blocked" id="run-blocked">${blocked}</p>` : nothing}
      <p class="status" part="status" role="status">${this.#statusText()}</p>
    </div>`;
  }

  #statusText(): string {
    const run = this._run;
    if (run.status === 'loading') return 'Running the query…';
    if (run.status === 'complete') return `The query returned ${plural(run.result.rows.length, 'row')}.`;
    if (run.status === 'error') return 'The query failed.';
    return '';
  }

  #renderOutput(): TemplateResult {
    const tab = (id: OutputTab, label: string) =>
      html`<button
        type="button"
        role="tab"
        id=${`tab-${id}`}
        data-tab=${id}
        aria-controls=${`panel-${id}`}
        aria-selected=${this._tab === id ? 'true' : 'false'}
        tabindex=${this._tab === id ? '0' : '-1'}
        @click=${() => (this._tab = id)}
        @keydown=${this.#onTabKeydown}
      >
        ${label}
      </button>`;
    return html`<div class="output">
      <div class="tabs" role="tablist" aria-label="Query output">${tab('results', 'Results')} ${tab('columns', 'Columns')}</div>
      <div
        role="tabpanel"
        id="panel-results"
        part="results"
        aria-labelledby="tab-results"
        aria-busy=${this._run.status === 'loading' ? 'true' : 'false'}
        ?hidden=${this._tab !== 'results'}
      >
        ${this.#renderResults()}
      </div>
      <div role="tabpanel" id="panel-columns" part="columns" aria-labelledby="tab-columns" ?hidden=${this._tab !== 'columns'}>
        ${this.#renderColumns()}
      </div>
    </div>`;
  }

  #renderResults(): TemplateResult {
    const run = this._run;
    if (run.status === 'idle') return html`<p class="message">Run the query to see its rows here.</p>`;
    if (run.status === 'loading') return html`<p class="message">Running the query…</p>`;
    if (run.status === 'error')
      return html`<div class="error" part="error" role="alert">
        <p class="error__title">The query failed</p>
        <p class="error__message">${run.error.message}</p>
        <p class="error__code">Code: <code>${run.error.code}</code></p>
      </div>`;
    const { result } = run;
    if (result.rows.length === 0)
      return html`<p class="empty" part="empty">The query returned no rows; the widget would show its empty state.</p>`;
    const shown = result.rows.slice(0, SQL_PREVIEW_ROWS);
    const count = plural(result.rows.length, 'row');
    return html`<p class="count" part="count">${shown.length < result.rows.length ? `${count}; the first ${shown.length} are shown` : count}</p>
      <div class="scroll" role="region" tabindex="0" aria-label="Query results">
        <table class="data-grid">
          <caption class="visually-hidden">Query results: ${count}</caption>
          <thead>
            <tr>
              ${result.columns.map(
                (c) => html`<th scope="col" class=${isNumericColumn(c) ? 'num' : nothing} data-column=${c.name}>
                  ${c.name} <span class="column__type">${c.type}</span>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) => html`<tr>
                ${result.columns.map((c) => html`<td class=${isNumericColumn(c) ? 'num' : nothing}>${formatValue(row[c.name], c)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  #renderColumns(): TemplateResult {
    const columns = this.state?.sqlColumns ?? [];
    if (columns.length === 0) return html`<p class="message">Run the query: its columns become the attributes you put on the chart.</p>`;
    return html`<div class="scroll" role="region" tabindex="0" aria-label="Result columns">
      <table class="data-grid">
        <caption class="visually-hidden">The attributes the query offers</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Data type</th>
            <th scope="col">Charted as</th>
          </tr>
        </thead>
        <tbody>
          ${columns.map(
            (c) => html`<tr data-column=${c.key}>
              <td>${c.key}</td>
              <td>${c.type}</td>
              <td>${FIELD_TYPE_LABELS[c.fieldType]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

function renderToken(t: SqlToken): TemplateResult | string {
  if (t.kind === 'whitespace' || t.kind === 'identifier' || t.kind === 'operator') return t.text;
  return html`<span class=${`t-${t.kind}`}>${t.text}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-sql-editor': ClvComposerSqlEditor;
  }
}
