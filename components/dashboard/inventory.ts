import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DashboardSpecInput } from '../../src/dashboards/spec.js';
import type { DashboardStore, DashboardSummary, StoredDashboard } from '../../src/dashboards/store.js';
import { emit } from '../shared/events.js';
import { plural } from '../shared/format.js';
import type { ClvChoiceDialog } from './confirm-dialog.js';
import { inventoryStyles } from './inventory.styles.js';
import { copyName, validateDashboardName } from './names.js';
import { createDashboard, createFromExample, exampleName, renameStored } from './store-actions.js';
import { storeErrorMessage } from './store-errors.js';

/** Detail of `clv-inventory-open`: the dashboard to open, already loaded when it was just created. */
export interface InventoryOpenDetail {
  dashboardId: string;
  stored?: StoredDashboard;
  /** Open in edit mode (a new, empty dashboard). */
  edit: boolean;
}

/** Detail of `clv-dashboard-delete`. */
export interface DashboardDeleteDetail {
  dashboardId: string;
  name: string;
}

export type InventoryState = 'idle' | 'loading' | 'error' | 'empty' | 'data';

interface Renaming {
  id: string;
  value: string;
  error?: string;
  saving: boolean;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2025, 14:05" for a valid ISO timestamp; the text as given otherwise. */
export function formatSavedAt(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateTime.format(new Date(ms));
}

/**
 * @summary The list of a store's dashboards: open, create (blank or from an example), rename and delete them.
 * @tagname clv-dashboard-inventory
 *
 * @event clv-inventory-open - A dashboard was chosen or created; detail: `{dashboardId, stored?, edit}`.
 * @event clv-dashboard-delete - A dashboard was deleted (after the confirmation); detail: `{dashboardId, name}`.
 *
 * @csspart create-form - The form creating a dashboard by name.
 * @csspart examples - The "Create from example" list.
 * @csspart table - The table of dashboards.
 * @csspart empty - The empty-state message.
 * @csspart error - The listing error with its Retry button.
 * @csspart skeleton - Placeholder rows while the store lists.
 */
export class ClvDashboardInventory extends LitElement {
  static override styles = inventoryStyles;

  static override properties = {
    store: { attribute: false },
    examples: { attribute: false },
    _status: { state: true },
    _summaries: { state: true },
    _loadError: { state: true },
    _newName: { state: true },
    _createError: { state: true },
    _creating: { state: true },
    _renaming: { state: true },
    _actionError: { state: true },
    _announcement: { state: true },
  };

  declare store: DashboardStore | undefined;
  /** Dashboards offered under "Create from example". */
  declare examples: readonly DashboardSpecInput[];
  declare _status: 'idle' | 'loading' | 'error' | 'data';
  declare _summaries: DashboardSummary[];
  declare _loadError: string | undefined;
  declare _newName: string;
  declare _createError: string | undefined;
  declare _creating: boolean;
  declare _renaming: Renaming | undefined;
  declare _actionError: string | undefined;
  declare _announcement: string;

  #generation = 0;
  #loading?: Promise<void>;
  #listLoaded = false;
  #unsubscribe?: () => void;
  #subscribedTo?: DashboardStore;
  #focusAfterUpdate?: string;

  constructor() {
    super();
    this.store = undefined;
    this.examples = [];
    this._status = 'idle';
    this._summaries = [];
    this._loadError = undefined;
    this._newName = '';
    this._createError = undefined;
    this._creating = false;
    this._renaming = undefined;
    this._actionError = undefined;
    this._announcement = '';
  }

  /** What the list shows now. */
  get state(): InventoryState {
    if (this._status === 'data') return this._summaries.length ? 'data' : 'empty';
    return this._status;
  }

  get summaries(): readonly DashboardSummary[] {
    return this._summaries;
  }

  /** Resolves when the current listing has settled. */
  get loaded(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  /** Lists the dashboards again. `quiet` keeps the current rows on screen meanwhile (refreshes after a change). */
  reload(quiet = false): Promise<void> {
    const store = this.store;
    const generation = ++this.#generation;
    if (!store) {
      this._status = 'idle';
      return Promise.resolve();
    }
    if (!quiet || !this.#listLoaded) this._status = 'loading';
    this._loadError = undefined;
    const loading = (async () => {
      try {
        const list = await store.list();
        if (generation !== this.#generation) return;
        this._summaries = list;
        this._status = 'data';
        this.#listLoaded = true;
      } catch (error) {
        if (generation !== this.#generation) return;
        this._loadError = storeErrorMessage(error);
        this._status = 'error';
      }
    })();
    this.#loading = loading;
    return loading;
  }

  /** After the listing, focuses the row of this dashboard (coming back from it), else the name field. */
  async focusDashboard(id?: string): Promise<void> {
    await this.loaded;
    await this.updateComplete;
    const row = id ? this.renderRoot.querySelector<HTMLElement>(`tr[data-dashboard="${CSS.escape(id)}"] [data-action=open]`) : null;
    (row ?? this.renderRoot.querySelector<HTMLElement>('#new-name'))?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
    this.#generation++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) {
      this.#listLoaded = false;
      this._summaries = [];
      this._renaming = undefined;
      if (this.isConnected) this.#subscribe();
      void this.reload();
    }
  }

  protected override updated(): void {
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = undefined;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #subscribe(): void {
    if (this.#subscribedTo === this.store) return;
    this.#unsubscribe?.();
    this.#subscribedTo = this.store;
    // Another tab or user changed a dashboard: the list (names, counts, dates) follows.
    this.#unsubscribe = this.store?.subscribe?.(() => void this.reload(true));
  }

  #names(exceptId?: string): string[] {
    return this._summaries.filter((s) => s.id !== exceptId).map((s) => s.name);
  }

  // ------------------------------------------------------------------ create

  async #onCreate(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.store;
    if (!store || this._creating) return;
    const problem = validateDashboardName(this._newName, this.#names());
    if (problem) {
      this._createError = problem;
      this.#focusAfterUpdate = '#new-name';
      return;
    }
    this._creating = true;
    this._createError = undefined;
    try {
      const stored = await createDashboard(store, this._newName.trim(), this._summaries.map((s) => s.id));
      this._newName = '';
      emit<InventoryOpenDetail>(this, 'clv-inventory-open', { dashboardId: stored.spec.id, stored, edit: true });
    } catch (error) {
      this._createError = storeErrorMessage(error);
      this.#focusAfterUpdate = '#new-name';
    } finally {
      this._creating = false;
    }
  }

  async #onCreateFromExample(example: DashboardSpecInput): Promise<void> {
    const store = this.store;
    if (!store || this._creating) return;
    this._creating = true;
    this._actionError = undefined;
    try {
      const names = this.#names();
      const name = exampleName(example);
      const unique = names.some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase()) ? copyName(name, names) : name;
      const stored = await createFromExample(store, example, unique, this._summaries.map((s) => s.id));
      emit<InventoryOpenDetail>(this, 'clv-inventory-open', { dashboardId: stored.spec.id, stored, edit: false });
    } catch (error) {
      this._actionError = `Could not create the dashboard from the example: ${storeErrorMessage(error)}`;
    } finally {
      this._creating = false;
    }
  }

  // ------------------------------------------------------------------ rename

  #startRename(summary: DashboardSummary): void {
    this._actionError = undefined;
    this._renaming = { id: summary.id, value: summary.name, saving: false };
    this.#focusAfterUpdate = '#rename-input';
  }

  #cancelRename(): void {
    const id = this._renaming?.id;
    this._renaming = undefined;
    if (id) this.#focusAfterUpdate = `tr[data-dashboard="${CSS.escape(id)}"] [data-action=rename]`;
  }

  async #onRename(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.store;
    const r = this._renaming;
    if (!store || !r || r.saving) return;
    const current = this._summaries.find((s) => s.id === r.id);
    if (current && current.name === r.value.trim()) {
      this.#cancelRename();
      return;
    }
    const problem = validateDashboardName(r.value, this.#names(r.id));
    if (problem) {
      this._renaming = { ...r, error: problem };
      this.#focusAfterUpdate = '#rename-input';
      return;
    }
    this._renaming = { ...r, saving: true, error: undefined };
    try {
      const saved = await renameStored(store, r.id, r.value.trim());
      this._summaries = this._summaries.map((s) => (s.id === r.id ? { ...s, name: saved.spec.name, revision: saved.revision, updatedAt: saved.updatedAt } : s));
      this._renaming = undefined;
      this._announcement = `Renamed to “${saved.spec.name}”.`;
      this.#focusAfterUpdate = `tr[data-dashboard="${CSS.escape(r.id)}"] [data-action=open]`;
      void this.reload(true);
    } catch (error) {
      this._renaming = { ...r, saving: false, error: storeErrorMessage(error) };
      this.#focusAfterUpdate = '#rename-input';
    }
  }

  #onRenameKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#cancelRename();
    }
  }

  // ------------------------------------------------------------------ delete

  get #confirm(): ClvChoiceDialog | null {
    return this.renderRoot.querySelector('clv-choice-dialog');
  }

  async #onDelete(summary: DashboardSummary): Promise<void> {
    const store = this.store;
    const dialog = this.#confirm;
    if (!store || !dialog) return;
    this._actionError = undefined;
    const answer = await dialog.ask({
      heading: `Delete “${summary.name}”?`,
      message: `The dashboard “${summary.name}” and its ${plural(summary.widgetCount, 'widget')} will be deleted for everyone who uses this store. This cannot be undone.`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'delete', label: 'Delete dashboard', kind: 'danger' },
      ],
      dismissId: 'cancel',
    });
    if (answer !== 'delete') return;
    const index = this._summaries.findIndex((s) => s.id === summary.id);
    try {
      await store.delete(summary.id);
      this._summaries = this._summaries.filter((s) => s.id !== summary.id);
      this._announcement = `Deleted “${summary.name}”.`;
      emit<DashboardDeleteDetail>(this, 'clv-dashboard-delete', { dashboardId: summary.id, name: summary.name });
      // Focus moves to the row that took its place, else to the name field.
      const next = this._summaries[Math.min(index, this._summaries.length - 1)];
      this.#focusAfterUpdate = next ? `tr[data-dashboard="${CSS.escape(next.id)}"] [data-action=open]` : '#new-name';
      void this.reload(true);
    } catch (error) {
      this._actionError = `Could not delete “${summary.name}”: ${storeErrorMessage(error)}`;
    }
  }

  #open(summary: DashboardSummary): void {
    emit<InventoryOpenDetail>(this, 'clv-inventory-open', { dashboardId: summary.id, edit: false });
  }

  // ------------------------------------------------------------------ render

  #renderCreate() {
    const error = this._createError;
    return html`<form class="create" part="create-form" novalidate @submit=${(e: Event) => this.#onCreate(e)}>
      <div class="field">
        <label for="new-name">New dashboard name</label>
        <input
          id="new-name"
          type="text"
          autocomplete="off"
          maxlength="200"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'new-name-error' : nothing}
          .value=${this._newName}
          @input=${(e: Event) => {
            this._newName = (e.target as HTMLInputElement).value;
            this._createError = undefined;
          }}
        />
        ${error ? html`<p class="field-error" id="new-name-error">${error}</p>` : nothing}
      </div>
      <button type="submit" class="button button--primary" data-action="create" ?disabled=${this._creating || !this.store}>Create dashboard</button>
    </form>`;
  }

  #renderExamples() {
    if (!this.examples.length) return nothing;
    return html`<section class="examples" part="examples" aria-labelledby="examples-title">
      <h3 id="examples-title">Start from an example</h3>
      <ul>
        ${this.examples.map(
          (example, i) => html`<li>
            <button type="button" class="button button--small" data-example=${i} ?disabled=${this._creating} @click=${() => this.#onCreateFromExample(example)}>
              Create from example: ${exampleName(example)}
            </button>
            ${example.description ? html`<span class="muted">${example.description}</span>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderName(s: DashboardSummary) {
    const r = this._renaming;
    if (s.broken) {
      return html`<span class="broken-name">${s.name || s.id}</span>
        <p class="field-error">This dashboard cannot be read (${s.broken.field ? `${s.broken.field}: ` : ''}${s.broken.message}). Delete it, or repair the stored entry.</p>`;
    }
    if (r?.id !== s.id) {
      return html`<button type="button" class="link" data-action="open" @click=${() => this.#open(s)}>${s.name}</button>`;
    }
    return html`<form class="rename" novalidate @submit=${(e: Event) => this.#onRename(e)} @keydown=${(e: KeyboardEvent) => this.#onRenameKey(e)}>
      <label class="visually-hidden" for="rename-input">New name for “${s.name}”</label>
      <input
        id="rename-input"
        type="text"
        autocomplete="off"
        maxlength="200"
        aria-invalid=${r.error ? 'true' : 'false'}
        aria-describedby=${r.error ? 'rename-error' : nothing}
        .value=${r.value}
        @input=${(e: Event) => {
          if (this._renaming) this._renaming = { ...this._renaming, value: (e.target as HTMLInputElement).value, error: undefined };
        }}
      />
      <button type="submit" class="button button--small button--primary" data-action="save-name" ?disabled=${r.saving}>Save name</button>
      <button type="button" class="button button--small" data-action="cancel-rename" @click=${() => this.#cancelRename()}>Cancel</button>
      ${r.error ? html`<p class="field-error" id="rename-error">${r.error}</p>` : nothing}
    </form>`;
  }

  #renderTable() {
    return html`<table part="table">
      <caption class="visually-hidden">
        Dashboards
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Description</th>
          <th scope="col" class="num">Widgets</th>
          <th scope="col">Last saved</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          this._summaries,
          (s) => s.id,
          (s) => html`<tr data-dashboard=${s.id}>
            <th scope="row">${this.#renderName(s)}</th>
            <td class="description">${s.description ?? ''}</td>
            <td class="num">${s.widgetCount}</td>
            <td>${s.updatedAt ? html`<time datetime=${s.updatedAt}>${formatSavedAt(s.updatedAt)}</time>` : ''}</td>
            <td class="actions">
              <button
                type="button"
                class="button button--small"
                data-action="rename"
                aria-label="Rename “${s.name}”"
                ?disabled=${this._renaming?.id === s.id || !!s.broken}
                @click=${() => this.#startRename(s)}
              >
                Rename
              </button>
              <button type="button" class="button button--small" data-action="delete" aria-label="Delete “${s.name}”" @click=${() => this.#onDelete(s)}>
                Delete
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderList() {
    switch (this.state) {
      case 'idle':
        return html`<p class="muted">No dashboard store is set.</p>`;
      case 'loading':
        return html`<div class="skeleton" part="skeleton" aria-hidden="true">
            <span></span><span></span><span></span>
          </div>
          <p class="muted">Loading dashboards…</p>`;
      case 'error':
        return html`<div class="error" part="error" role="alert">
          <p>Could not list the dashboards: ${this._loadError}</p>
          <button type="button" class="button" data-action="retry" @click=${() => this.reload()}>Retry</button>
        </div>`;
      case 'empty':
        return html`<p class="empty" part="empty">
          ${this.examples.length
            ? 'No dashboards yet. Create one, or start from an example.'
            : 'No dashboards yet. Create one: type a name above and press Create dashboard.'}
        </p>`;
      default:
        return this.#renderTable();
    }
  }

  protected override render() {
    return html`<section class="inventory" aria-labelledby="inventory-title" aria-busy=${this._status === 'loading' ? 'true' : 'false'}>
      <h2 id="inventory-title" class="heading">Dashboards</h2>
      ${this.#renderCreate()} ${this.#renderExamples()}
      ${this._actionError ? html`<p class="action-error" role="alert">${this._actionError}</p>` : nothing} ${this.#renderList()}
      <p class="visually-hidden" role="status">${this._announcement}</p>
      <clv-choice-dialog></clv-choice-dialog>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-dashboard-inventory': ClvDashboardInventory;
  }
  interface HTMLElementEventMap {
    'clv-inventory-open': CustomEvent<InventoryOpenDetail>;
    'clv-dashboard-delete': CustomEvent<DashboardDeleteDetail>;
  }
}
