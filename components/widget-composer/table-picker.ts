import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { composerTables, tableAttributes, type AttributeKind, type ComposerAttribute, type ComposerTable } from '../../src/composer/attributes.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { ColumnType, DataModel, TableKind } from '../../src/contracts/data-model.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { AdapterRunController, raceAbort, type DisplayError, type RunStatus } from '../shared/adapter-run.js';
import { formatNumber, formatValue, isNumericColumn, plural } from '../shared/format.js';
import { requestAction } from './composer-events.js';
import { tablePickerStyles } from './table-picker.styles.js';

/** Records asked for in the preview. */
export const SAMPLE_LIMIT = 20;

/** The preview's tabs. */
export type TablePreviewTab = 'records' | 'attributes';
const TABS: readonly TablePreviewTab[] = ['records', 'attributes'];

export const TABLE_KIND_LABELS: Record<TableKind, string> = { fact: 'Fact', dimension: 'Dimension', derived: 'Derived' };
export const ATTRIBUTE_KIND_LABELS: Record<AttributeKind, string> = { dimension: 'Dimension', time: 'Time', measure: 'Measure' };
export const COLUMN_TYPE_LABELS: Record<ColumnType, string> = {
  string: 'Text',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'Yes / no',
  date: 'Date',
  timestamp: 'Date and time',
};

/** "2,000 records", or "Records unknown" when the model was described without counts. */
export function recordsText(rowCount: number | null): string {
  return rowCount === null ? 'Records unknown' : plural(rowCount, 'record');
}

/** Where an attribute comes from: its table, and the lookups followed to reach it ("Customers via transaction_customer"). */
export function attributeSource(a: Pick<ComposerAttribute, 'tableTitle' | 'path'>): string {
  return a.path.length === 0 ? a.tableTitle : `${a.tableTitle} via ${a.path.join(' → ')}`;
}

/** Tables whose title or name holds every word of `text` (case-insensitive). */
function searchTables(tables: readonly ComposerTable[], text: string): ComposerTable[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tables];
  return tables.filter((t) => {
    const hay = `${t.title} ${t.name}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * @summary The composer's table step: every table of the model with its kind, records, lookups and attributes, and a preview (sample records; attributes with type and source table).
 * @tagname clv-composer-table-picker
 *
 * The tables form a listbox: the arrow keys, Home and End move between them and preview the one
 * they reach; Enter (or a double click) chooses it, as does the "Use …" button of the preview.
 * ArrowDown in the search field moves into the list. The preview's tabs follow the ARIA tabs
 * pattern (Left/Right, Home/End). The sample records come from `adapter.sample()`; previewing
 * another table aborts the sample still loading.
 *
 * @event clv-composer-action - `{type: 'chooseTable', table}` when a table is chosen.
 *
 * @csspart search - The search field narrowing the tables by title or name.
 * @csspart table-list - The listbox of tables.
 * @csspart table-option - One table (`[data-table=NAME]`); the previewed one also has part `table-option-previewed`.
 * @csspart kind-badge - The kind of a table (Fact, Dimension, Derived), in words.
 * @csspart current-badge - Marks the table in use (`selected`).
 * @csspart preview - The preview of the previewed table.
 * @csspart use-table-button - Chooses the previewed table.
 * @csspart tabs - The tab list of the preview; each tab is part `tab`.
 * @csspart tab - A preview tab (`[data-tab=records|attributes]`).
 * @csspart records - The sample records panel.
 * @csspart attributes - The attributes panel.
 * @csspart status - Loading and "no match" messages.
 * @csspart empty - "This table has no records yet".
 * @csspart error - The error panel of the sample; it holds `error-message` and `retry-button`.
 * @csspart error-message - The adapter's message.
 * @csspart retry-button - Loads the sample again.
 * @csspart placeholder - Shown when there is no model.
 *
 * @cssprop --clv-composer-table-picker-height - Height of the list and the preview before they scroll (default 28rem).
 * @cssprop --clv-color-accent - The previewed table's outline, the Use button.
 * @cssprop --clv-color-surface-raised - Hovered tables and table headers.
 * @cssprop --clv-color-border - Borders.
 * @cssprop --clv-color-danger - Error text.
 */
export class ClvComposerTablePicker extends LitElement {
  static override styles = tablePickerStyles;

  static override properties = {
    model: { attribute: false },
    adapter: { attribute: false },
    selected: {},
    _search: { state: true },
    _previewed: { state: true },
    _tab: { state: true },
  };

  /** The data model whose tables are listed. */
  declare model: DataModel | undefined;
  /** Where sample records come from (else the nearest `<clv-data-provider>`'s adapter). */
  declare adapter: DataAdapter | undefined;
  /** The chosen table's name: marked in the list and previewed first. */
  declare selected: string | undefined;
  declare _search: string;
  declare _previewed: string | undefined;
  declare _tab: TablePreviewTab;

  #tables: ComposerTable[] = [];
  /** What to focus after the next render: an option (by table name) or a tab. */
  #focusNext?: { table: string } | { tab: TablePreviewTab };

  readonly #sample = new AdapterRunController<string, readonly [], ResultSet>(this, {
    adapter: () => this.adapter,
    input: () => this._previewed,
    extra: () => [] as const,
    run: (adapter, table, _extra, signal) => raceAbort(adapter.sample(table, { limit: SAMPLE_LIMIT, signal }), signal),
    tables: (_adapter, table) => new Set([table.toLowerCase()]),
  });

  constructor() {
    super();
    this.model = undefined;
    this.adapter = undefined;
    this.selected = undefined;
    this._search = '';
    this._previewed = undefined;
    this._tab = 'records';
  }

  /** The tables of the model, as listed (before the search narrows them). */
  get tables(): readonly ComposerTable[] {
    return this.#tables;
  }

  /** The name of the table the preview shows. */
  get previewed(): string | undefined {
    return this._previewed;
  }

  /** The preview tab shown. */
  get tab(): TablePreviewTab {
    return this._tab;
  }

  /** The state of the sample records. */
  get sampleStatus(): RunStatus {
    return this.#sample.status;
  }

  /** The sample's error, in the error state. */
  get sampleError(): DisplayError | undefined {
    return this.#sample.error;
  }

  /** Previews a table of the model (ignored for other names). */
  preview(table: string): void {
    if (this.#tables.some((t) => t.name === table)) this._previewed = table;
  }

  /** Shows a preview tab. */
  showTab(tab: TablePreviewTab): void {
    this._tab = tab;
  }

  /** Chooses the previewed table: fires `chooseTable`. */
  choose(): void {
    if (this._previewed) requestAction(this, { type: 'chooseTable', table: this._previewed });
  }

  /** Loads the sample records again (what Retry does). */
  retry(): Promise<void> {
    return this.#sample.rerun();
  }

  /** Resolves once the sample in flight has settled (stays pending while the adapter hangs). */
  async sampleSettled(): Promise<void> {
    await this.updateComplete;
    await this.#sample.settled();
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) this.#tables = this.model ? composerTables(this.model) : [];
    const has = (name: string | undefined) => name !== undefined && this.#tables.some((t) => t.name === name);
    if (changed.has('selected') && has(this.selected)) this._previewed = this.selected;
    else if (!has(this._previewed)) this._previewed = has(this.selected) ? this.selected : this.#tables[0]?.name;
  }

  protected override updated(): void {
    const target = this.#focusNext;
    if (!target) return;
    this.#focusNext = undefined;
    const selector = 'table' in target ? `[role=option][data-table="${target.table}"]` : `[role=tab][data-tab="${target.tab}"]`;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    if (!this.model || this.#tables.length === 0) {
      return html`<p part="placeholder" class="placeholder">There is no data model to choose a table from.</p>`;
    }
    const previewed = this.#tables.find((t) => t.name === this._previewed);
    return html`<div class="layout">
      ${this.#renderList()} ${previewed ? this.#renderPreview(previewed) : nothing}
    </div>`;
  }

  #renderList(): TemplateResult {
    const shown = searchTables(this.#tables, this._search);
    const focusable = shown.some((t) => t.name === this._previewed) ? this._previewed : shown[0]?.name;
    const narrowed = this._search.trim() !== '';
    const status =
      shown.length === 0 ? `No table matches “${this._search.trim()}”` : narrowed ? `${shown.length} of ${plural(this.#tables.length, 'table')}` : '';
    return html`<div class="list-pane">
      <label class="visually-hidden" for="search">Search tables</label>
      <input
        part="search"
        class="search"
        id="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder="Search tables…"
        aria-controls=${shown.length === 0 ? nothing : 'table-list'}
        .value=${this._search}
        @input=${this.#onSearch}
        @keydown=${this.#onSearchKeyDown}
      />
      <p part="status" class="list-status ${shown.length === 0 ? '' : 'visually-hidden'}" role="status">${status}</p>
      ${shown.length === 0
        ? nothing
        : html`<ul
            part="table-list"
            class="table-list"
            id="table-list"
            role="listbox"
            aria-label="Tables"
            @keydown=${this.#onListKeyDown}
            @click=${this.#onListClick}
            @dblclick=${this.#onListDoubleClick}
          >
            ${shown.map((t) => this.#renderOption(t, t.name === focusable))}
          </ul>`}
    </div>`;
  }

  #renderOption(t: ComposerTable, focusable: boolean): TemplateResult {
    const previewed = t.name === this._previewed;
    const current = t.name === this.selected;
    const id = `table-${t.name}`;
    return html`<li
      part=${previewed ? 'table-option table-option-previewed' : 'table-option'}
      class="option ${previewed ? 'option--previewed' : ''}"
      id=${id}
      role="option"
      data-table=${t.name}
      tabindex=${focusable ? '0' : '-1'}
      aria-selected=${previewed ? 'true' : 'false'}
      aria-labelledby=${[`${id}-title`, `${id}-kind`, current && `${id}-current`, `${id}-meta`, `${id}-lookups`, t.description && `${id}-description`]
        .filter(Boolean)
        .join(' ')}
    >
      <span class="option__head">
        <span class="option__title" id="${id}-title">${t.title}</span>
        <span part="kind-badge" class="badge badge--${t.kind}" id="${id}-kind">${TABLE_KIND_LABELS[t.kind]}</span>
        ${current ? html`<span part="current-badge" class="badge badge--current" id="${id}-current">In use</span>` : nothing}
      </span>
      <span class="option__meta" id="${id}-meta">${recordsText(t.rowCount)} · ${plural(t.attributeCount, 'attribute')}</span>
      <span class="option__lookups" id="${id}-lookups"
        >${t.lookups.length === 0 ? 'No lookups' : html`Lookups: ${t.lookups.map((l, i) => html`${i > 0 ? ', ' : ''}<span class="lookup">→ ${l.tableTitle}</span>`)}`}</span
      >
      ${t.description ? html`<span class="option__description" id="${id}-description">${t.description}</span>` : nothing}
    </li>`;
  }

  #renderPreview(t: ComposerTable): TemplateResult {
    const attributes = this.model ? tableAttributes(this.model, t.name) : [];
    const tab = (name: TablePreviewTab, label: string) => html`<button
      part="tab"
      class="tab"
      type="button"
      role="tab"
      id="tab-${name}"
      data-tab=${name}
      aria-selected=${this._tab === name ? 'true' : 'false'}
      aria-controls="panel-${name}"
      tabindex=${this._tab === name ? '0' : '-1'}
      @click=${() => (this._tab = name)}
    >
      ${label}
    </button>`;
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
      <div class="preview__header">
        <div class="preview__heading">
          <h3 class="preview__title" id="preview-title">${t.title}</h3>
          <span class="badge badge--${t.kind}">${TABLE_KIND_LABELS[t.kind]}</span>
          <span class="preview__name">${t.name}</span>
        </div>
        <button part="use-table-button" class="button button--primary" type="button" @click=${() => this.choose()}>Use ${t.title}</button>
      </div>
      ${t.description ? html`<p class="preview__description">${t.description}</p>` : nothing}
      <div part="tabs" class="tabs" role="tablist" aria-label="Preview of ${t.title}" @keydown=${this.#onTabKeyDown}>
        ${tab('records', 'Sample records')} ${tab('attributes', `Attributes (${formatNumber(attributes.length, ',d')})`)}
      </div>
      <div part="records" class="panel" id="panel-records" role="tabpanel" aria-labelledby="tab-records" tabindex="0" ?hidden=${this._tab !== 'records'}>
        ${this.#renderRecords(t)}
      </div>
      <div part="attributes" class="panel" id="panel-attributes" role="tabpanel" aria-labelledby="tab-attributes" tabindex="0" ?hidden=${this._tab !== 'attributes'}>
        ${this.#renderAttributes(t, attributes)}
      </div>
    </section>`;
  }

  #renderRecords(t: ComposerTable): TemplateResult {
    if (!this.#sample.adapter) return html`<p part="status" class="message">No data source to sample records from.</p>`;
    const status = this.#sample.status;
    if (status === 'error') {
      const error = this.#sample.error ?? { message: 'Unknown error.', code: 'error' };
      return html`<div part="error" class="error" role="alert">
        <p class="error__title">The sample records of ${t.title} could not be loaded.</p>
        <p part="error-message" class="error__message">${error.message}</p>
        <button part="retry-button" class="button" type="button" @click=${() => void this.retry()}>Retry</button>
      </div>`;
    }
    const result = status === 'complete' ? this.#sample.task.value : undefined;
    if (!result) {
      return html`<p part="status" class="message" role="status">Loading sample records…</p>
        <div class="skeleton" aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<span class="skeleton__row"></span>`)}</div>`;
    }
    if (result.rows.length === 0) return html`<p part="empty" class="message">This table has no records yet</p>`;
    const table = this.model?.tables.find((x) => x.name === t.name);
    const label = (name: string, fallback: string) => table?.columns.find((c) => c.name === name)?.label ?? fallback;
    const total = result.total ?? t.rowCount;
    const note =
      total !== null && total > result.rows.length
        ? `The first ${formatNumber(result.rows.length, ',d')} of ${plural(total, 'record')}`
        : `All ${plural(result.rows.length, 'record')}`;
    return html`<table class="grid data-grid">
        <caption class="visually-hidden">Sample records of ${t.title}</caption>
        <thead>
          <tr>
            ${result.columns.map((c) => html`<th scope="col" class=${isNumericColumn(c) ? 'num' : nothing}>${label(c.name, c.label)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${result.rows.map(
            (row) => html`<tr>
              ${result.columns.map((c) => html`<td class=${isNumericColumn(c) ? 'num' : nothing}>${formatValue(row[c.name], c)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="note">${note}</p>`;
  }

  #renderAttributes(t: ComposerTable, attributes: readonly ComposerAttribute[]): TemplateResult {
    return html`<table class="grid data-grid">
      <caption class="visually-hidden">Attributes of ${t.title}</caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Kind</th>
          <th scope="col">Type</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${attributes.map(
          (a) => html`<tr data-attribute=${a.key}>
            <th scope="row"><span class="attribute__label">${a.label}</span> <code class="attribute__key">${a.key}</code></th>
            <td>${ATTRIBUTE_KIND_LABELS[a.kind]}</td>
            <td>${COLUMN_TYPE_LABELS[a.type]}</td>
            <td class=${a.path.length > 0 ? 'source source--lookup' : 'source'}>${attributeSource(a)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Tables in list order, as the search narrows them. */
  #shown(): ComposerTable[] {
    return searchTables(this.#tables, this._search);
  }

  #moveTo(table: string | undefined): void {
    if (!table) return;
    this._previewed = table;
    this.#focusNext = { table };
    this.requestUpdate();
  }

  #onSearch = (event: Event): void => {
    this._search = (event.target as HTMLInputElement).value;
  };

  #onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown') return;
    const shown = this.#shown();
    if (shown.length === 0) return;
    event.preventDefault();
    this.#moveTo(shown.some((t) => t.name === this._previewed) ? this._previewed : shown[0].name);
  };

  #onListKeyDown = (event: KeyboardEvent): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (!option) return;
    const shown = this.#shown();
    const index = shown.findIndex((t) => t.name === option.dataset.table);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(shown.length - 1, index + 1);
        break;
      case 'ArrowUp':
        if (index === 0) {
          // Above the first table is the search field.
          event.preventDefault();
          this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
          return;
        }
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = shown.length - 1;
        break;
      case 'Enter':
        event.preventDefault();
        this._previewed = option.dataset.table;
        this.choose();
        return;
      case ' ':
        event.preventDefault();
        this.#moveTo(option.dataset.table);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.#moveTo(shown[next]?.name);
  };

  #onListClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (option?.dataset.table) this.#moveTo(option.dataset.table);
  };

  #onListDoubleClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (!option?.dataset.table) return;
    this._previewed = option.dataset.table;
    this.choose();
  };

  #onTabKeyDown = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this._tab);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % TABS.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + TABS.length) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this._tab = TABS[next];
    this.#focusNext = { tab: TABS[next] };
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-table-picker': ClvComposerTablePicker;
  }
}
