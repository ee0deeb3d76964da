import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadProgress, TableLoader } from '../../src/contracts/loader.js';
import type { Cell, FileInspection, ImportResult } from '../../src/import/index.js';
import '../load-progress/define.js';
import { downloadText } from '../shared/download.js';
import { emit } from '../shared/events.js';
import { formatNumber, plural } from '../shared/format.js';
import { toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { fileImportStyles } from './file-import.styles.js';
import { loadImportCore, type ImportCore } from './import-core.js';
import { draftFromSuggestion, draftProblems, draftToMapping, type DraftField, type MappingDraft } from './import-mapping.js';
import { summarizeImport, type ImportSummary } from './import-summary.js';

/** The step the import is at. */
export type ImportStep = 'pick' | 'inspecting' | 'map' | 'importing' | 'done';

/** The file types the picker offers; the reader also sniffs content, so other names still work when dropped. */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.dat,.gz,.parquet,text/csv,text/tab-separated-values,text/plain,application/gzip,application/vnd.apache.parquet';
const PREVIEW_ROWS = 8;

const FORMAT_NAMES: Record<string, string> = { text: 'Text', gzip: 'Gzip-compressed text', parquet: 'Parquet' };
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe', whitespace: 'spaces' };
const PHASE_LABELS: Record<string, string> = {
  reading: 'Reading the file',
  parsing: 'Reading rows',
  load: 'Loading rows',
  done: 'Finishing',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, value < 10 ? ',.1f' : ',.0f')} ${units[unit]}`;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * @summary Imports a transactions file (CSV, TSV, gzip, parquet): pick or drop it, map its columns, watch it load, read what was left out.
 * @tagname clv-file-import
 *
 * @event clv-import-complete - The rows were loaded; detail: an ImportSummary (rows read, imported, rejected by reason, tables loaded).
 *
 * @csspart base - The wrapper.
 * @csspart dropzone - The drop zone; a button that opens the file picker.
 * @csspart file - The line describing the chosen file.
 * @csspart mapping - The mapping form.
 * @csspart field - Each field of the mapping form.
 * @csspart preview - The scrolling box around the preview table.
 * @csspart preview-table - The preview of the first rows.
 * @csspart import-button - The Import button.
 * @csspart progress - The <clv-load-progress> shown while importing.
 * @csspart summary - The summary after the import.
 * @csspart download-button - "Download rejected rows (CSV)".
 * @csspart error - An error panel.
 *
 * @cssprop --clv-color-accent - Drop zone highlight and the primary button.
 * @cssprop --clv-color-border - Borders of the drop zone, form and tables.
 * @cssprop --clv-color-danger - Error panels.
 */
export class ClvFileImport extends LitElement {
  static override styles = fileImportStyles;

  static override properties = {
    loader: { attribute: false },
    table: {},
    mode: {},
    _step: { state: true },
    _file: { state: true },
    _inspection: { state: true },
    _draft: { state: true },
    _error: { state: true },
    _progress: { state: true },
    _rowsRead: { state: true },
    _summary: { state: true },
    _dragging: { state: true },
    _note: { state: true },
  };

  /** Where the rows go: a TableLoader such as the DuckDB or in-memory adapter. */
  declare loader: TableLoader | undefined;
  /** The transactions table to load into (customers and dates go to their model tables). */
  declare table: string;
  /** replace: rebuild the tables from this file; append: add the file's rows. */
  declare mode: 'replace' | 'append';
  declare _step: ImportStep;
  declare _file: File | undefined;
  declare _inspection: FileInspection | undefined;
  declare _draft: MappingDraft | undefined;
  declare _error: DisplayError | undefined;
  declare _progress: LoadProgress | undefined;
  declare _rowsRead: number;
  declare _summary: ImportSummary | undefined;
  declare _dragging: boolean;
  declare _note: string | undefined;

  #core?: ImportCore;
  #result?: ImportResult;
  #abort?: AbortController;
  #generation = 0;
  #focusAfterUpdate?: string;

  constructor() {
    super();
    this.loader = undefined;
    this.table = 'transactions';
    this.mode = 'replace';
    this._step = 'pick';
    this._file = undefined;
    this._inspection = undefined;
    this._draft = undefined;
    this._error = undefined;
    this._progress = undefined;
    this._rowsRead = 0;
    this._summary = undefined;
    this._dragging = false;
    this._note = undefined;
  }

  /** The current step: pick, inspecting, map, importing or done. */
  get step(): ImportStep {
    return this._step;
  }

  /** The summary of the last completed import. */
  get summary(): ImportSummary | undefined {
    return this._summary;
  }

  /** The mapping form's current values. */
  get draft(): MappingDraft | undefined {
    return this._draft;
  }

  /** The rejected rows of the last import as CSV (line, reason, detail, raw), or undefined. */
  get rejectedCsv(): string | undefined {
    return this.#result && this.#core ? this.#core.rejectedToCsv(this.#result.rejected) : undefined;
  }

  /** Reads the head of `file`, detects its layout and column types, and proposes a mapping. */
  async selectFile(file: File): Promise<void> {
    this.#abort?.abort();
    const generation = ++this.#generation;
    this._file = file;
    this._error = undefined;
    this._summary = undefined;
    this._step = 'inspecting';
    try {
      const core = (this.#core ??= await loadImportCore());
      const inspection = await core.inspectFile(file, file.name);
      if (generation !== this.#generation) return;
      this._inspection = inspection;
      this._draft = draftFromSuggestion(inspection.suggestion);
      this._step = 'map';
      this.#focusAfterUpdate = '[part=mapping] select';
    } catch (error) {
      if (generation !== this.#generation) return;
      this._error = toDisplayError(error);
      this._step = 'pick';
    }
  }

  /** Parses the whole file with the current mapping and loads it through `loader`. */
  async startImport(): Promise<void> {
    const file = this._file;
    const draft = this._draft;
    const core = this.#core;
    if (!file || !draft || !core || this._step !== 'map') return;
    if (draftProblems(draft).length > 0) return;
    if (!this.loader) {
      this._error = { message: 'There is nowhere to load the rows: set the loader property (for example the DuckDB adapter).', code: 'no_loader' };
      return;
    }
    const loader = this.loader;
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    this._error = undefined;
    this._note = undefined;
    this._rowsRead = 0;
    this._progress = { phase: 'reading', done: 0, total: file.size };
    this._step = 'importing';
    let loading = false;
    try {
      const result = await core.importFile(file, file.name, {
        mapping: draftToMapping(draft),
        signal: abort.signal,
        onProgress: (p) => {
          if (generation !== this.#generation) return;
          this._rowsRead = p.rowsDone;
          this._progress = { phase: p.phase, done: p.bytesDone, total: p.bytesTotal };
        },
      });
      if (generation !== this.#generation) return;
      this.#result = result;
      this._rowsRead = result.rowsRead;
      loading = true;
      const load =
        result.rowCount > 0
          ? await core.loadImport(loader, result, this.table, this.mode, {
              signal: abort.signal,
              onProgress: (p) => {
                if (generation === this.#generation) this._progress = p;
              },
            })
          : { rows: {}, skipped: {} };
      if (generation !== this.#generation) return;
      const summary = summarizeImport(file.name, result, load, this.table, this.mode, core.REJECT_REASONS);
      this._summary = summary;
      this._step = 'done';
      this.#focusAfterUpdate = '[part=summary] .title';
      emit<ImportSummary>(this, 'clv-import-complete', summary);
    } catch (error) {
      if (generation !== this.#generation) return;
      // Whatever a loader rejects with once we cancelled (AdapterError, DOMException), it is a cancellation.
      const cancelled = abort.signal.aborted;
      if (cancelled)
        this._note = loading
          ? 'The import was cancelled while loading: the tables may hold part of the file. Import again to replace them.'
          : 'The import was cancelled; nothing was loaded.';
      else this._error = toDisplayError(error);
      this._step = 'map';
      this.#focusAfterUpdate = cancelled ? '[part=import-button]' : '[part=error]';
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /** Stops a running import. */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Back to the first step, for another file. */
  reset(): void {
    this.#abort?.abort();
    this.#generation++;
    this._step = 'pick';
    this._file = undefined;
    this._inspection = undefined;
    this._draft = undefined;
    this._error = undefined;
    this._summary = undefined;
    this._progress = undefined;
    this._note = undefined;
    this.#result = undefined;
    this.#focusAfterUpdate = '[part=dropzone]';
  }

  /** Downloads the rejected rows as CSV. */
  downloadRejected(): void {
    const csv = this.rejectedCsv;
    if (!csv || !this._file) return;
    const base = this._file.name.replace(/(\.[^.]+)?(\.gz)?$/i, '');
    downloadText(csv, `${base}-rejected.csv`);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(): void {
    if (this.mode !== 'replace' && this.mode !== 'append') this.mode = 'replace';
    if (!this.table) this.table = 'transactions';
  }

  protected override updated(): void {
    const selector = this.#focusAfterUpdate;
    if (!selector) return;
    this.#focusAfterUpdate = undefined;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">${this.#renderStep()}</div>`;
  }

  #renderStep(): TemplateResult {
    switch (this._step) {
      case 'pick':
      case 'inspecting':
        return this.#renderPick();
      case 'map':
        return this.#renderMapping();
      case 'importing':
        return this.#renderProgress();
      case 'done':
        return this.#renderSummary(this._summary!);
    }
  }

  #renderError(): TemplateResult | typeof nothing {
    const error = this._error;
    if (!error) return nothing;
    return html`<div part="error" class="error" role="alert" tabindex="-1">
      <p class="error__title">${this._step === 'pick' ? 'The file could not be read.' : 'The import failed.'}</p>
      <p class="error__message">${error.message}</p>
      <p class="error__code">Code: <code>${error.code}</code></p>
    </div>`;
  }

  #renderPick(): TemplateResult {
    const busy = this._step === 'inspecting';
    return html`${this.#renderError()}
      <button
        part="dropzone"
        type="button"
        class="dropzone ${this._dragging ? 'dropzone--active' : ''}"
        aria-describedby="formats"
        ?disabled=${busy}
        @click=${this.#openPicker}
        @dragenter=${this.#onDragOver}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <svg class="dropzone__icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
        </svg>
        <span class="dropzone__title">${busy ? `Reading ${this._file?.name ?? 'the file'}…` : 'Choose a transactions file or drop it here'}</span>
      </button>
      <p class="hint" id="formats">CSV, TSV or other delimited text (also gzipped), or Parquet. One row per purchase, with a customer id, a date and an amount.</p>
      <input type="file" accept=${ACCEPTED_FILES} hidden @change=${this.#onFileInput} />
      ${busy ? html`<span class="visually-hidden" role="status">Reading the file…</span>` : nothing}`;
  }

  #describeFile(inspection: FileInspection, file: File): string {
    const parts = [formatBytes(file.size), FORMAT_NAMES[inspection.format] ?? inspection.format];
    if (inspection.delimiter) parts.push(`${DELIMITER_NAMES[inspection.delimiter] ?? inspection.delimiter}-separated`);
    if (inspection.hasHeader !== null) parts.push(inspection.hasHeader ? 'header row' : 'no header row');
    parts.push(plural(inspection.columns.length, 'column'));
    return parts.join(' · ');
  }

  #typeLabel(column: string): string {
    const t = this._inspection?.types[column];
    if (!t) return '';
    return t.dateFormat ? `${t.type}, ${t.dateFormat}${t.ambiguousDate ? '?' : ''}` : t.type;
  }

  #renderSelect(field: DraftField, label: string, options: { required: boolean; hint?: string }): TemplateResult {
    const draft = this._draft!;
    const columns = this._inspection!.columns;
    const id = `field-${field}`;
    return html`<div part="field" class="field">
      <label for=${id}>${label}${options.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <select id=${id} data-field=${field} ?required=${options.required} aria-describedby=${options.hint ? `${id}-hint` : nothing} @change=${this.#onFieldChange}>
        <option value="" ?selected=${draft[field] === ''}>${options.required ? 'Choose a column' : 'None'}</option>
        ${columns.map((c) => html`<option value=${c} ?selected=${draft[field] === c}>${c} (${this.#typeLabel(c)})</option>`)}
      </select>
      ${options.hint ? html`<span class="field__hint" id="${id}-hint">${options.hint}</span>` : nothing}
    </div>`;
  }

  #renderMapping(): TemplateResult {
    const inspection = this._inspection!;
    const file = this._file!;
    const draft = this._draft!;
    const problems = draftProblems(draft);
    const detected = draft.date ? inspection.types[draft.date]?.dateFormat : undefined;
    const formats = this.#core?.DateFormatSchema.options ?? [];
    const notes = [...inspection.warnings, ...inspection.suggestion.notes];
    return html`${this.#renderError()}
      ${this._note ? html`<p class="note" role="status">${this._note}</p>` : nothing}
      <p part="file" class="file"><strong>${file.name}</strong> <span class="muted">${this.#describeFile(inspection, file)}</span></p>
      ${notes.length ? html`<ul class="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      <form part="mapping" class="mapping" @submit=${this.#onSubmit} novalidate>
        <fieldset class="fields">
          <legend>Which columns hold what</legend>
          ${this.#renderSelect('customer', 'Customer id', { required: true })}
          ${this.#renderSelect('date', 'Date', { required: true })}
          <div part="field" class="field">
            <label for="field-dateFormat">Date format</label>
            <select id="field-dateFormat" data-field="dateFormat" @change=${this.#onFieldChange}>
              <option value="" ?selected=${draft.dateFormat === ''}>${detected ? `Detected: ${detected}` : 'Detect from the data'}</option>
              ${formats.map((f) => html`<option value=${f} ?selected=${draft.dateFormat === f}>${f}</option>`)}
            </select>
          </div>
          <fieldset class="field field--amount">
            <legend>Amount</legend>
            <div class="radios">
              <label><input type="radio" name="amount-mode" value="column" .checked=${draft.amountMode === 'column'} @change=${this.#onAmountMode} /> From a column</label>
              <label><input type="radio" name="amount-mode" value="price" .checked=${draft.amountMode === 'price'} @change=${this.#onAmountMode} /> Price × quantity</label>
            </div>
            ${draft.amountMode === 'column'
              ? this.#renderSelect('amount', 'Amount column', { required: true })
              : this.#renderSelect('price', 'Unit price column', { required: true })}
          </fieldset>
          ${this.#renderSelect('quantity', 'Quantity', { required: draft.amountMode === 'price' })}
          ${this.#renderSelect('category', 'Category', { required: false })}
          ${this.#renderSelect('id', 'Transaction id', { required: false, hint: 'Ids starting with "C" are read as cancellations and left out.' })}
        </fieldset>
        ${this.#renderPreview(inspection, draft)}
        ${problems.length ? html`<ul class="problems" id="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
        <div class="actions">
          <button part="import-button" class="button button--primary" type="submit" ?disabled=${problems.length > 0} aria-describedby=${problems.length ? 'problems' : nothing}>
            Import
          </button>
          <button class="button" type="button" @click=${this.reset}>Choose another file</button>
        </div>
      </form>`;
  }

  #renderPreview(inspection: FileInspection, draft: MappingDraft): TemplateResult {
    const rows = inspection.sample.slice(0, PREVIEW_ROWS);
    const roles = new Map<string, string>();
    const add = (column: string, role: string) => column && roles.set(column, roles.has(column) ? `${roles.get(column)}, ${role}` : role);
    add(draft.customer, 'customer id');
    add(draft.date, 'date');
    if (draft.amountMode === 'column') add(draft.amount, 'amount');
    else add(draft.price, 'price');
    add(draft.quantity, 'quantity');
    add(draft.category, 'category');
    add(draft.id, 'transaction id');
    const caption = `Preview: the first ${plural(rows.length, 'row')} of ${inspection.sample.length >= 200 ? 'the file' : plural(inspection.sample.length, 'row')}`;
    return html`<div part="preview" class="preview" tabindex="0" role="region" aria-label=${caption}>
      <table part="preview-table" class="preview-table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            ${inspection.columns.map(
              (c) => html`<th scope="col" class=${roles.has(c) ? 'mapped' : nothing}>
                <span class="col-name">${c}</span>
                <span class="col-type">${this.#typeLabel(c)}</span>
                ${roles.has(c) ? html`<span class="col-role">→ ${roles.get(c)}</span>` : nothing}
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => html`<tr>${inspection.columns.map((c, j) => html`<td class=${roles.has(c) ? 'mapped' : nothing}>${cellText(r[j])}</td>`)}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  #renderProgress(): TemplateResult {
    const rows = this._rowsRead > 0 ? ` · ${plural(this._rowsRead, 'row')} read` : '';
    return html`<clv-load-progress
        part="progress"
        label=${`Importing ${this._file?.name ?? 'the file'}${rows}`}
        .progress=${this._progress}
        .phaseLabels=${PHASE_LABELS}
      ></clv-load-progress>
      <div class="actions">
        <button class="button" type="button" @click=${this.cancel}>Cancel</button>
      </div>`;
  }

  #renderSummary(summary: ImportSummary): TemplateResult {
    const loadedTables = Object.entries(summary.loaded);
    return html`<section part="summary" class="summary" aria-labelledby="summary-title">
      <p class="title" id="summary-title" tabindex="-1">
        ${summary.rowsImported > 0 ? `Imported ${summary.fileName}` : `Nothing to import from ${summary.fileName}`}
      </p>
      <dl class="stats">
        <div><dt>Rows imported</dt><dd>${formatNumber(summary.rowsImported, ',d')}</dd></div>
        <div><dt>Rows rejected</dt><dd>${formatNumber(summary.rowsRejected, ',d')}</dd></div>
        <div><dt>Rows read</dt><dd>${formatNumber(summary.rowsRead, ',d')}</dd></div>
        ${summary.dateRange ? html`<div><dt>Dates</dt><dd>${summary.dateRange.from} – ${summary.dateRange.to}</dd></div>` : nothing}
      </dl>
      ${summary.rejectedByReason.length
        ? html`<table class="reasons">
            <caption>Rejected rows by reason</caption>
            <thead>
              <tr><th scope="col">Reason</th><th scope="col" class="num">Rows</th></tr>
            </thead>
            <tbody>
              ${summary.rejectedByReason.map(
                (r) => html`<tr>
                  <th scope="row">${r.label}${r.error ? nothing : html` <span class="muted">(left out on purpose)</span>`}</th>
                  <td class="num">${formatNumber(r.rows, ',d')}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">No rows were rejected.</p>`}
      ${loadedTables.length
        ? html`<p class="muted">Loaded: ${loadedTables.map(([t, n]) => `${t} ${formatNumber(n, ',d')}`).join(', ')} rows.</p>`
        : nothing}
      ${summary.warnings.length ? html`<ul class="notes">${summary.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      <div class="actions">
        ${summary.rowsRejected > 0
          ? html`<button part="download-button" class="button" type="button" @click=${this.downloadRejected}>Download rejected rows (CSV)</button>`
          : nothing}
        <button class="button" type="button" @click=${this.reset}>Import another file</button>
      </div>
    </section>`;
  }

  #openPicker = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  };

  #onFileInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.selectFile(file);
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this._dragging = true;
  };

  #onDragLeave = (): void => {
    this._dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this._dragging = false;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    void this.selectFile(files[0]).then(() => {
      if (files.length > 1 && this._step === 'map') this._note = `${files.length} files were dropped; only ${files[0].name} is imported.`;
    });
  };

  #onFieldChange = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const field = select.dataset.field as DraftField;
    this._draft = { ...this._draft!, [field]: select.value };
    this._error = undefined;
  };

  #onAmountMode = (event: Event): void => {
    const mode = (event.target as HTMLInputElement).value === 'price' ? 'price' : 'column';
    this._draft = { ...this._draft!, amountMode: mode };
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.startImport();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-file-import': ClvFileImport;
  }
  interface HTMLElementEventMap {
    'clv-import-complete': CustomEvent<ImportSummary>;
  }
}
