import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import type { ComposerProblem } from '../../src/composer/explain.js';
import { stateAttributes } from '../../src/composer/fields.js';
import { filterMembers } from '../../src/composer/filters.js';
import type { HistoryAction } from '../../src/composer/history.js';
import type { ComposerMode, ComposerState } from '../../src/composer/state.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { WidgetSpecSchema, type WidgetSpec, type WidgetSpecInput } from '../../src/widgets/spec.js';
import { emit } from '../shared/events.js';
import { ComposerController } from './composer-controller.js';
import type { ComposerSaveDetail, EditFilterDetail, PickupDetail } from './composer-events.js';
import type { ClvComposerFilterDialog } from './filter-dialog.js';
import { composerStyles } from './widget-composer.styles.js';

/** One data model the composer can build on: `label` names it in the "Data model" choice. */
export interface ComposerSource {
  id: string;
  label: string;
  adapter: DataAdapter;
}

const MODES: ReadonlyArray<{ mode: ComposerMode; label: string }> = [
  { mode: 'guided', label: 'Guided' },
  { mode: 'sql', label: 'SQL' },
];

/** Actions that put a carried attribute down. */
const DROPS: ReadonlySet<HistoryAction['type']> = new Set(['assign', 'addField', 'addFilter']);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * @summary Creates or edits a widget spec: choose a data model and a table, put attributes on channels, filter, style, or write SQL; undo and redo; a live preview; Save hands the spec back.
 * @tagname clv-widget-composer
 *
 * @event clv-composer-save - Save or Save and close with nothing missing; detail: `{spec, close}` (the spec parsed by WidgetSpecSchema).
 * @event clv-composer-cancel - Cancel was pressed; detail: `{}`.
 *
 * @csspart base - The box around everything.
 * @csspart header - The header: title, mode tabs, undo and redo, and the Cancel and Save buttons.
 * @csspart title-input - The widget's title field.
 * @csspart mode-tabs - The Guided | SQL tab list.
 * @csspart undo-button - Undo (Ctrl/Cmd+Z).
 * @csspart redo-button - Redo (Ctrl/Cmd+Shift+Z, Ctrl+Y).
 * @csspart cancel-button - Cancel.
 * @csspart save-button - Save (keeps the composer open).
 * @csspart save-close-button - Save and close.
 * @csspart problems - The list of what stops the widget from being saved.
 * @csspart source-select - The "Data model" choice, when there are several sources.
 * @csspart change-table-button - Brings the table picker back.
 * @csspart workspace - The grid of rail, shelves, preview and properties.
 * @csspart status - The loading note.
 * @csspart error - The error panel (the model could not be loaded, or the spec cannot be opened).
 * @csspart retry-button - Loads the model again.
 * @csspart new-widget-button - Leaves a spec that cannot be opened for a new widget.
 *
 * @cssprop --clv-composer-padding - Space around the composer (default 1rem).
 * @cssprop --clv-composer-rail-height - Tallest the attribute rail grows before it scrolls (default 44rem).
 * @cssprop --clv-composer-preview-height - Height of the preview chart (default 20rem).
 * @cssprop --clv-color-surface - Background.
 * @cssprop --clv-color-border - Header rule and frames.
 * @cssprop --clv-color-warning-surface - Background of the problems strip.
 * @cssprop --clv-color-danger - Border of errors and of the problems strip after a blocked save.
 */
export class ClvWidgetComposer extends LitElement {
  static override styles = composerStyles;

  static override properties = {
    adapter: { attribute: false },
    spec: { attribute: false },
    now: {},
    sources: { attribute: false },
    source: {},
    _announcement: { state: true },
    _choosingTable: { state: true },
    _carrying: { state: true },
    _saveBlocked: { state: true },
  };

  /** The adapter to build on; when unset, the one of the nearest `<clv-data-provider>`. */
  declare adapter: DataAdapter | undefined;
  /** The widget spec to edit (any known version), or undefined for a new widget. */
  declare spec: WidgetSpec | WidgetSpecInput | unknown;
  /** Pins "now" (ISO date) for relative date ranges in the preview and the filter dialog. */
  declare now: string | undefined;
  /** Several data models to choose from; when set, the chosen one's adapter is used. */
  declare sources: readonly ComposerSource[] | undefined;
  /** The id of the chosen source (the first one when unset or unknown). */
  declare source: string | undefined;
  declare _announcement: string;
  declare _choosingTable: boolean;
  /** The attribute picked up from the keyboard, until it is dropped or Escape. */
  declare _carrying: string | undefined;
  /** Save was pressed while something was missing. */
  declare _saveBlocked: boolean;

  readonly #composer = new ComposerController(this, {
    adapter: () => this.#chosenSource()?.adapter ?? this.adapter,
    spec: () => this.spec,
  });

  constructor() {
    super();
    this.adapter = undefined;
    this.spec = undefined;
    this.now = undefined;
    this.sources = undefined;
    this.source = undefined;
    this._announcement = '';
    this._choosingTable = false;
    this._carrying = undefined;
    this._saveBlocked = false;
    this.addEventListener('keydown', this.#onKeyDown);
  }

  // ------------------------------------------------------------------ public API

  /** The current spec, parsed, or undefined while something is missing. */
  get value(): WidgetSpec | undefined {
    return this.#composer.value;
  }

  /** Whether the spec differs from the one opened (or last saved). */
  get dirty(): boolean {
    return this.#composer.dirty;
  }

  /** What stops the widget from being saved, in the editor's words. */
  get problems(): ComposerProblem[] {
    return this.#composer.problems;
  }

  /** The composer's state (undefined until the model is loaded and the spec opened). */
  get state(): ComposerState | undefined {
    return this.#composer.state;
  }

  /** The loaded data model. */
  get model(): DataModel | undefined {
    return this.#composer.model;
  }

  /** The adapter in use: the chosen source's, `adapter`, else the nearest `<clv-data-provider>`'s. */
  get activeAdapter(): DataAdapter | undefined {
    return this.#composer.adapter;
  }

  /** Applies a composer action (or undo/redo), as the parts do with `clv-composer-action`. */
  dispatchAction(action: HistoryAction): void {
    this.#apply(action);
  }

  /** Undoes the last change. */
  undo(): void {
    this.#apply({ type: 'undo' });
  }

  /** Redoes the last undone change. */
  redo(): void {
    this.#apply({ type: 'redo' });
  }

  /** Saves: fires `clv-composer-save` when nothing is missing, else shows what is and focuses the list. Returns whether it fired. */
  save(close = false): boolean {
    const problems = this.#composer.problems;
    const spec = this.#composer.spec;
    if (!spec || this.#composer.phase !== 'editor') return false;
    if (problems.length > 0) {
      this._saveBlocked = true;
      this.#announce(`Not saved: ${plural(problems.length, 'thing is', 'things are')} missing.`);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~=problems]')?.focus());
      return false;
    }
    const parsed = WidgetSpecSchema.parse(spec);
    this._saveBlocked = false;
    this.#composer.markSaved(parsed);
    emit<ComposerSaveDetail>(this, 'clv-composer-save', { spec: parsed, close });
    this.#announce(close ? 'Saved.' : 'Saved. You can keep editing.');
    return true;
  }

  /** Resolves once the model has loaded (or failed) and the composer has rendered it. */
  get ready(): Promise<void> {
    return (async () => {
      try {
        await this.#composer.task.taskComplete;
      } catch {
        // the error state shows it
      }
      await this.updateComplete;
    })();
  }

  // ------------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spec') || changed.has('sources') || changed.has('source') || changed.has('adapter')) {
      this._choosingTable = false;
      this._carrying = undefined;
      this._saveBlocked = false;
    }
  }

  #chosenSource(): ComposerSource | undefined {
    const sources = this.sources;
    if (!sources?.length) return undefined;
    return sources.find((s) => s.id === this.source) ?? sources[0];
  }

  #announce(text: string): void {
    // A repeated message must still be read: change the text.
    this._announcement = this._announcement === text ? `${text}\u00a0` : text;
  }

  #apply(action: HistoryAction): void {
    const state = this.#composer.state;
    if (!state) return;
    const changed = this.#composer.apply(action);
    if (action.type === 'chooseTable') {
      const wasChoosing = this._choosingTable;
      this._choosingTable = false;
      if (changed || wasChoosing) void this.#focusTableLine();
    }
    if (DROPS.has(action.type) && this._carrying !== undefined) this._carrying = undefined;
    if (this._saveBlocked && this.#composer.problems.length === 0) this._saveBlocked = false;
    if (action.type === 'undo' || action.type === 'redo') {
      const word = action.type === 'undo' ? 'Undone' : 'Redone';
      this.#announce(changed ? `${word}.` : `Nothing to ${action.type}.`);
    } else if (action.type === 'setMode' && changed) {
      this.#announce(action.mode === 'sql' ? 'SQL mode.' : 'Guided mode.');
    }
  }

  async #focusTableLine(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#table-heading')?.focus();
  }

  // ------------------------------------------------------------------ events from the parts

  #onAction = (event: CustomEvent<HistoryAction>): void => {
    event.stopPropagation();
    this.#apply(event.detail);
  };

  #onPickup = (event: CustomEvent<PickupDetail>): void => {
    event.stopPropagation();
    const attribute = event.detail?.attribute;
    this._carrying = attribute;
    if (attribute !== undefined) {
      const label = this.#available().find((a) => a.key === attribute)?.label ?? attribute;
      this.#announce(`Picked up ${label}. Move to a shelf and press Enter to drop it, or Escape to cancel.`);
    }
  };

  #onEditFilter = async (event: CustomEvent<EditFilterDetail>): Promise<void> => {
    event.stopPropagation();
    const state = this.#composer.state;
    const model = this.#composer.model;
    const adapter = this.#composer.adapter;
    const dialog = this.renderRoot.querySelector<ClvComposerFilterDialog>('clv-composer-filter-dialog');
    if (!state || !model || !adapter || !dialog || state.mode !== 'guided' || !state.table) return;
    const { index } = event.detail ?? {};
    const existing = index !== undefined ? state.filters[index] : undefined;
    const key = event.detail?.attribute ?? (existing ? filterMembers(existing)[0] : undefined);
    const attribute = stateAttributes(state, model).find((a) => a.key === key);
    if (!attribute || existing?.kind === 'advanced') {
      this.#announce('This filter has no form in the editor; remove it to change it.');
      return;
    }
    this._carrying = undefined;
    const filter = await dialog.edit({
      attribute,
      ...(existing ? { filter: existing } : {}),
      adapter,
      model,
      table: state.table,
      ...(this.now ? { now: this.now } : {}),
    });
    if (!filter) return;
    this.#apply(existing && index !== undefined ? { type: 'updateFilter', index, filter } : { type: 'addFilter', filter });
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || this.#composer.phase !== 'editor') return;
    // The filter dialog is modal: the editor behind it does not react to its keys.
    if (event.composedPath().some((n) => n instanceof Element && n.localName === 'clv-composer-filter-dialog')) return;
    if (event.key === 'Escape' && this._carrying !== undefined) {
      // Only the drag is cancelled: a dialog around the composer must not take it as its own Escape.
      event.preventDefault();
      this._carrying = undefined;
      this.#announce('Put down.');
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    let action: 'undo' | 'redo' | undefined;
    if (key === 'z') action = event.shiftKey ? 'redo' : 'undo';
    else if (key === 'y' && event.ctrlKey && !event.shiftKey) action = 'redo';
    if (!action) return;
    event.preventDefault();
    this.#apply({ type: action });
  };

  #onTabKey = (event: KeyboardEvent): void => {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const i = tabs.findIndex((t) => t === event.currentTarget);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (i + 1) % tabs.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (i - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    this.#setMode(tab.dataset.mode as ComposerMode);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-mode=${tab.dataset.mode}]`)?.focus());
  };

  #setMode(mode: ComposerMode): void {
    if (this.#composer.state?.mode !== mode) this.#apply({ type: 'setMode', mode });
  }

  #onSourceChange = (event: Event): void => {
    const id = (event.target as HTMLSelectElement).value;
    this.source = id;
    const label = this.sources?.find((s) => s.id === id)?.label ?? id;
    this.#announce(`Data model ${label}: loading its tables.`);
  };

  #changeTable = async (): Promise<void> => {
    this._choosingTable = true;
    await this.updateComplete;
    const picker = this.renderRoot.querySelector('clv-composer-table-picker');
    if (picker && 'updateComplete' in picker) await (picker as LitElement).updateComplete;
    const table = this.#composer.state?.table;
    const root = picker?.shadowRoot;
    const option = (table ? root?.querySelector<HTMLElement>(`[data-table="${CSS.escape(table)}"]`) : null) ?? root?.querySelector<HTMLElement>('[data-table]');
    (option ?? picker)?.focus();
  };

  #keepTable = (): void => {
    this._choosingTable = false;
    void this.#focusTableLine();
  };

  #available(): ComposerAttribute[] {
    const state = this.#composer.state;
    const model = this.#composer.model;
    return state && model ? stateAttributes(state, model) : [];
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const phase = this.#composer.phase;
    return html`<div part="base" class="composer">
      ${phase === 'editor' ? this.#renderEditor() : this.#renderState(phase)}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
    </div>`;
  }

  #renderState(phase: 'idle' | 'loading' | 'error' | 'invalid'): TemplateResult {
    const cancel = html`<button part="cancel-button" class="button" type="button" @click=${this.#cancel}>Cancel</button>`;
    switch (phase) {
      case 'idle':
        return html`<div class="state">
          <p part="status">No data adapter: put the composer inside &lt;clv-data-provider&gt; or set its adapter property.</p>
          ${cancel}
        </div>`;
      case 'loading':
        return html`<div class="state" aria-busy="true">
          <div class="loading" part="status" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>Loading the data model${this.#composer.adapter ? ` from ${this.#composer.adapter.id}` : ''}…</span>
          </div>
          ${cancel}
        </div>`;
      case 'error': {
        const error = this.#composer.error ?? { message: 'Unknown error.', code: 'error' };
        return html`<div part="error" class="state state--error" role="alert">
          <p class="error__title">The data model could not be loaded from ${this.#composer.adapter?.id ?? 'the adapter'}.</p>
          <p class="error__message">${error.message}</p>
          <p class="error__code">Code: <code>${error.code}</code></p>
          <div class="toolbar">
            <button part="retry-button" class="button button--primary" type="button" @click=${this.#retry}>Retry</button>
            ${cancel}
          </div>
        </div>`;
      }
      case 'invalid':
        return html`<div part="error" class="state state--error" role="alert">
          <p class="error__title">This widget cannot be opened in the editor.</p>
          <p class="error__message">${this.#composer.invalidMessage}</p>
          <div class="toolbar">
            <button part="new-widget-button" class="button button--primary" type="button" @click=${this.#startNew}>Start a new widget</button>
            ${cancel}
          </div>
        </div>`;
    }
  }

  #retry = (): void => {
    void this.#composer.retry();
  };

  #startNew = (): void => {
    this.#composer.startNew();
    this.#announce('A new widget.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
  };

  #cancel = (): void => {
    emit<Record<string, never>>(this, 'clv-composer-cancel', {});
  };

  #renderEditor(): TemplateResult {
    const state = this.#composer.state!;
    const model = this.#composer.model!;
    return html`${this.#renderHeader(state)} ${this.#renderProblems()}
      <div
        class="panel"
        role="tabpanel"
        id="panel"
        aria-labelledby="tab-${state.mode}"
        @clv-composer-action=${this.#onAction}
        @clv-composer-pickup=${this.#onPickup}
        @clv-composer-edit-filter=${this.#onEditFilter}
      >
        ${state.mode === 'sql' ? this.#renderSql(state, model) : this.#renderGuided(state, model)}
      </div>
      <clv-composer-filter-dialog></clv-composer-filter-dialog>`;
  }

  #renderHeader(state: ComposerState): TemplateResult {
    const sql = this.#composer.adapter?.capabilities.sql === true || state.mode === 'sql';
    const modes = MODES.filter((m) => m.mode === 'guided' || sql);
    return html`<header part="header" class="header">
      <div class="title-field">
        <label for="title">Title</label>
        <input
          id="title"
          part="title-input"
          type="text"
          autocomplete="off"
          placeholder="Untitled widget"
          .value=${state.title}
          @input=${(e: Event) => this.#apply({ type: 'setTitle', title: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div part="mode-tabs" class="tabs" role="tablist" aria-label="Editing mode">
        ${modes.map(({ mode, label }) => {
          const selected = state.mode === mode;
          return html`<button
            class="tab"
            role="tab"
            type="button"
            id="tab-${mode}"
            data-mode=${mode}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls=${selected ? 'panel' : nothing}
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.#setMode(mode)}
            @keydown=${this.#onTabKey}
          >
            ${label}
          </button>`;
        })}
      </div>
      <div class="toolbar" role="group" aria-label="History">
        <button
          part="undo-button"
          class="button button--small"
          type="button"
          aria-keyshortcuts="Control+Z Meta+Z"
          ?disabled=${!this.#composer.canUndo}
          @click=${() => this.#apply({ type: 'undo' })}
        >
          Undo
        </button>
        <button
          part="redo-button"
          class="button button--small"
          type="button"
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          ?disabled=${!this.#composer.canRedo}
          @click=${() => this.#apply({ type: 'redo' })}
        >
          Redo
        </button>
      </div>
      <div class="toolbar end">
        <button part="cancel-button" class="button" type="button" @click=${this.#cancel}>Cancel</button>
        <button part="save-button" class="button" type="button" @click=${() => this.save(false)}>Save</button>
        <button part="save-close-button" class="button button--primary" type="button" @click=${() => this.save(true)}>Save and close</button>
      </div>
    </header>`;
  }

  #renderProblems(): TemplateResult {
    const problems = this.#composer.problems;
    const none = problems.length === 0;
    const cls = none ? 'problems problems--none' : this._saveBlocked ? 'problems problems--alert' : 'problems';
    return html`<section class=${cls} aria-labelledby="problems-title">
      <h2 id="problems-title">${none ? 'Nothing is missing: ready to save.' : `Before saving (${problems.length}):`}</h2>
      <ul part="problems" role="list" tabindex="-1" aria-labelledby="problems-title">
        ${problems.map((p) => html`<li data-path=${p.path}>${p.message}</li>`)}
      </ul>
    </section>`;
  }

  #renderSourceLine(model: DataModel): TemplateResult {
    const sources = this.sources;
    if (sources?.length) {
      const chosen = this.#chosenSource();
      return html`<div class="field">
        <label for="source">Data model</label>
        <select id="source" part="source-select" @change=${this.#onSourceChange}>
          ${sources.map((s) => html`<option value=${s.id} ?selected=${s.id === chosen?.id}>${s.label}</option>`)}
        </select>
      </div>`;
    }
    return html`<p class="muted">Data model: <strong>${model.label}</strong></p>`;
  }

  #renderGuided(state: ComposerState, model: DataModel): TemplateResult {
    const adapter = this.#composer.adapter;
    if (!state.table || this._choosingTable) {
      const current = state.table ? model.tables.find((t) => t.name === state.table) : undefined;
      return html`<div class="step">
        <div class="context-line">
          ${this.#renderSourceLine(model)}
          ${current
            ? html`<button class="button button--small" type="button" @click=${this.#keepTable}>Keep ${current.label}</button>`
            : nothing}
        </div>
        <clv-composer-table-picker .model=${model} .adapter=${adapter} .selected=${state.table}></clv-composer-table-picker>
      </div>`;
    }
    const table = model.tables.find((t) => t.name === state.table);
    return html`<div class="step">
      <div class="context-line">
        <h2 id="table-heading" tabindex="-1">Table: ${table?.label ?? state.table}</h2>
        <button part="change-table-button" class="button button--small" type="button" @click=${this.#changeTable}>Change table</button>
        <p class="muted">Data model: <strong>${this.#chosenSource()?.label ?? model.label}</strong></p>
      </div>
      ${this.#renderWorkspace(state)}
    </div>`;
  }

  #renderSql(state: ComposerState, model: DataModel): TemplateResult {
    return html`<div class="step">
      <p class="muted">Data model: <strong>${this.#chosenSource()?.label ?? model.label}</strong></p>
      <clv-composer-sql-editor .state=${state} .adapter=${this.#composer.adapter}></clv-composer-sql-editor>
      ${this.#renderWorkspace(state)}
    </div>`;
  }

  #renderWorkspace(state: ComposerState): TemplateResult {
    const available = this.#available();
    const problems = this.#composer.problems;
    return html`<div part="workspace" class="workspace">
      <clv-composer-attribute-rail class="rail" .available=${available} .state=${state} .carrying=${this._carrying}></clv-composer-attribute-rail>
      <clv-composer-mark-picker class="mark" .mark=${state.mark}></clv-composer-mark-picker>
      <clv-composer-shelves class="encode" .state=${state} .available=${available} .problems=${problems} .carrying=${this._carrying}></clv-composer-shelves>
      <div class="output">
        <clv-composer-preview
          .spec=${this.#previewSpec(state)}
          .problems=${this.#previewProblemsFor()}
          .adapter=${this.#composer.adapter}
          .now=${this.now}
        ></clv-composer-preview>
        <clv-composer-properties .state=${state} .available=${available}></clv-composer-properties>
      </div>
    </div>`;
  }

  #preview?: { source: WidgetSpec; spec: WidgetSpec };

  /** The spec the preview draws: undefined before anything is chosen; an untitled widget gets a placeholder title. */
  #previewSpec(state: ComposerState): WidgetSpec | undefined {
    const spec = this.#composer.spec;
    if (!spec) return undefined;
    const chosen = state.mode === 'sql' ? Boolean(state.sql?.trim()) : state.fields.length > 0 || Object.keys(state.encodings).length > 0;
    if (!chosen) return undefined;
    if (spec.title.trim()) return spec;
    // Same object for the same spec, so the preview does not query again on every render.
    if (this.#preview?.source !== spec) this.#preview = { source: spec, spec: { ...spec, title: 'Untitled widget' } };
    return this.#preview.spec;
  }

  #previewProblemsMemo?: { source: ComposerProblem[]; problems: ComposerProblem[] };

  /** The problems that stop the preview from drawing: a missing title does not. */
  #previewProblemsFor(): ComposerProblem[] {
    const problems = this.#composer.problems;
    if (this.#previewProblemsMemo?.source !== problems) this.#previewProblemsMemo = { source: problems, problems: problems.filter((p) => p.path !== 'title') };
    return this.#previewProblemsMemo.problems;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-widget-composer': ClvWidgetComposer;
  }
}
