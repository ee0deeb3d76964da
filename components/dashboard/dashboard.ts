import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import type { ScalarValue } from '../../src/contracts/result.js';
import { initialFilterState } from '../../src/dashboards/filters.js';
import type { DashboardFilterState, DashboardSpec, DashboardSpecInput, DashboardWidget } from '../../src/dashboards/spec.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import type { DashboardStore, StoredDashboard } from '../../src/dashboards/store.js';
import { LocalStorageDashboardStore } from '../../src/dashboards/stores/local-storage-store.js';
import { createQueryGate, type CountingQueryGate } from '../../src/query/query-gate.js';
import { widgetCatalog, type CatalogEntry } from '../../src/widgets/catalog.js';
import type { GridItem, LayoutChangeDetail } from '../dashboard-grid/define.js';
import type { CrossFilterClearDetail, FiltersChangeDetail } from '../dashboard-filters/dashboard-filters.js';
import { adapterContext } from '../shared/adapter-context.js';
import { emit } from '../shared/events.js';
import { listFormat } from '../shared/format.js';
import type { ClvWidget } from '../widget/widget.js';
import type { WidgetClickDetail } from '../widget/widget-click.js';
import type { ClvAddWidgetDialog } from './add-widget-dialog.js';
import type { ClvComposerDialog } from './composer-dialog.js';
import type { ClvChoiceDialog } from './confirm-dialog.js';
import { crossFilterLabel, sameCrossFilter } from './cross-filter.js';
import { dashboardStyles } from './dashboard.styles.js';
import { addWidget, applyLayout, applySettings, DraftController, duplicate, removeWidget, replaceWidgetSpec } from './draft.js';
import { EffectiveSpecs, type AppliedWidget } from './effective-specs.js';
import { formatSavedAt, type ClvDashboardInventory, type DashboardDeleteDetail, type InventoryOpenDetail } from './inventory.js';
import { copyName } from './names.js';
import { DashboardSession } from './session-state.js';
import { createCopy } from './store-actions.js';
import { isStoreError, storeErrorMessage } from './store-errors.js';
import type { ClvWidgetSettingsDialog } from './widget-settings.js';

/** What the element shows. */
export type DashboardViewState = 'inventory' | 'loading' | 'error' | 'view' | 'editing';

/** Detail of `clv-dashboard-open`. */
export interface DashboardOpenDetail {
  dashboardId: string;
  name: string;
  revision: number;
}

/** Detail of `clv-dashboard-save`. */
export interface DashboardSaveDetail {
  dashboardId: string;
  revision: number;
  spec: DashboardSpec;
  /** True when the save created a copy (the "Save as a copy" answer to a conflict). */
  copy: boolean;
}

/** Detail of `clv-dashboard-drill`. */
export interface DashboardDrillDetail {
  /** The dashboard the click leads to. */
  dashboardId: string;
  /** Values from the clicked datum, by filter id or SQL parameter name of the target dashboard. */
  parameters: Record<string, ScalarValue>;
  /** The dashboard clicked in. */
  from: string;
}

const DEFAULT_MAX_QUERIES = 4;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * @summary Lets people create, open and arrange their own CLV dashboards: an inventory, a filtered grid of widgets, and an editor.
 * @tagname clv-dashboard
 *
 * Dashboards and their layouts live in `store`. What a page reload must restore besides (the open
 * dashboard and the filters applied to it) is kept in sessionStorage, per tab: the open id under
 * `clv-dashboard:<element id or "default">:open` and the filters under
 * `clv-dashboard:<element id or "default">:filters:<dashboard id>`. Give two dashboards on one page
 * different ids so they keep separate states.
 *
 * Every widget's queries pass through one gate per dashboard: at most `max-concurrent-queries` run
 * at once, the rest wait. A filter change re-runs only the widgets whose effective spec changed
 * (their running query is aborted); the others keep their result.
 *
 * @event clv-dashboard-open - A dashboard was opened and loaded; detail: `{dashboardId, name, revision}`.
 * @event clv-dashboard-save - The draft was saved (or saved as a copy); detail: `{dashboardId, revision, spec, copy}`.
 * @event clv-dashboard-drill - A widget's drill-through click, cancelable: unless prevented the target dashboard opens with the parameters applied to its filters; detail: `{dashboardId, parameters, from}`.
 * @event clv-dashboard-delete - A dashboard was deleted from the inventory; detail: `{dashboardId, name}`.
 *
 * @csspart inventory - The list of dashboards (`<clv-dashboard-inventory>`).
 * @csspart header - The dashboard's header: back button, name and toolbar.
 * @csspart title - The dashboard's name.
 * @csspart toolbar - Refresh and Edit, or in edit mode Add widget, Save and Cancel.
 * @csspart notice - The note that the dashboard was saved elsewhere while editing.
 * @csspart filters - The filter bar (`<clv-dashboard-filters>`).
 * @csspart grid - The grid (`<clv-dashboard-grid>`).
 * @csspart tile - The box of one widget on the grid.
 * @csspart widget - Each `<clv-widget>`.
 * @csspart tile-actions - A widget's Edit, Settings, Duplicate and Delete buttons (edit mode).
 * @csspart composer - The full-screen widget composer (`<clv-composer-dialog>`) of "Compose a new widget" and a widget's Edit.
 * @csspart skipped-note - The note on a widget naming the filters that could not narrow it.
 * @csspart empty - The message of a dashboard without widgets.
 * @csspart error - A dashboard that could not be loaded, or a failed save.
 * @csspart skeleton - The placeholder while a dashboard loads.
 *
 * @cssprop --clv-dashboard-dialog-width - Width of the Add widget and settings dialogs (default 40rem).
 * @cssprop --clv-color-accent - Primary buttons and links.
 * @cssprop --clv-color-border - Borders of tiles, fields and dialogs.
 * @cssprop --clv-color-warning-surface - Background of the "saved elsewhere" notice.
 * @cssprop --clv-color-danger - Errors and destructive buttons.
 * @cssprop --clv-color-text-muted - Notes and descriptions.
 * @cssprop --clv-space-l - Gap between the header, filter bar and grid.
 */
export class ClvDashboard extends LitElement {
  static override styles = dashboardStyles;

  static override properties = {
    store: { attribute: false },
    adapter: { attribute: false },
    dashboardId: { attribute: 'dashboard-id' },
    catalog: { attribute: false },
    maxConcurrentQueries: { type: Number, attribute: 'max-concurrent-queries' },
    now: {},
    examples: { attribute: false },
    _status: { state: true },
    _stored: { state: true },
    _loadError: { state: true },
    _filters: { state: true },
    _model: { state: true },
    _modelReady: { state: true },
    _remote: { state: true },
    _saving: { state: true },
    _saveError: { state: true },
    _announcement: { state: true },
  };

  /** Where dashboards are listed, loaded and saved. Default: a LocalStorageDashboardStore. */
  declare store: DashboardStore;
  /** The adapter widgets query; when unset, the one of the nearest `<clv-data-provider>`. */
  declare adapter: DataAdapter | undefined;
  /** The open dashboard; unset shows the inventory. Opening one from the inventory sets it. */
  declare dashboardId: string | undefined;
  /** The widgets offered by "Add widget". Default: the kit's widget catalog. */
  declare catalog: readonly CatalogEntry[];
  /** At most this many widget queries run at once; the others wait. */
  declare maxConcurrentQueries: number;
  /** Pins "now" (ISO date or timestamp) for relative date ranges. */
  declare now: string | undefined;
  /** Dashboards offered as "Create from example" in the inventory. */
  declare examples: readonly DashboardSpecInput[];
  declare _status: 'inventory' | 'loading' | 'error' | 'ready';
  declare _stored: StoredDashboard | undefined;
  declare _loadError: string | undefined;
  declare _filters: DashboardFilterState;
  declare _model: DataModel | undefined;
  declare _modelReady: boolean;
  /** The open dashboard was saved elsewhere while editing: the revision there now. */
  declare _remote: { revision: number; updatedAt: string } | undefined;
  declare _saving: boolean;
  declare _saveError: string | undefined;
  declare _announcement: string;

  readonly #draft = new DraftController(this);
  readonly #specs = new EffectiveSpecs();
  readonly #context = new ContextConsumer(this, { context: adapterContext, subscribe: true, callback: () => this.requestUpdate() });
  #gate: CountingQueryGate = createQueryGate(DEFAULT_MAX_QUERIES);
  /** The dashboard loaded or loading. */
  #openedId?: string;
  #loadGeneration = 0;
  /** What the next open starts with: a dashboard just created, edit mode, drill parameters, focus. */
  #pending?: { id: string; stored?: StoredDashboard; edit?: boolean; parameters?: Record<string, ScalarValue>; focus?: boolean };
  #describedFor?: DataAdapter | null;
  #clock = today();
  #unsubscribe?: () => void;
  #subscribedTo?: DashboardStore;
  #restored = false;
  #focusAfterUpdate?: () => HTMLElement | null | undefined;
  #gridItems?: { widgets: DashboardWidget[]; items: GridItem[] };

  constructor() {
    super();
    this.store = new LocalStorageDashboardStore();
    this.adapter = undefined;
    this.dashboardId = undefined;
    this.catalog = widgetCatalog;
    this.maxConcurrentQueries = DEFAULT_MAX_QUERIES;
    this.now = undefined;
    this.examples = [];
    this._status = 'inventory';
    this._stored = undefined;
    this._loadError = undefined;
    this._filters = { global: {} };
    this._model = undefined;
    this._modelReady = false;
    this._remote = undefined;
    this._saving = false;
    this._saveError = undefined;
    this._announcement = '';
  }

  // ------------------------------------------------------------------ public API

  /** What the element shows now. */
  get state(): DashboardViewState {
    if (this._status === 'ready') return this.#draft.active ? 'editing' : 'view';
    return this._status;
  }

  /** The open dashboard as last loaded or saved. */
  get dashboard(): StoredDashboard | undefined {
    return this._stored;
  }

  /** The spec on screen: the draft while editing, else the stored one. */
  get spec(): DashboardSpec | undefined {
    return this.#draft.spec ?? this._stored?.spec;
  }

  /** The filters applied to the open dashboard. */
  get filterState(): DashboardFilterState {
    return this._filters;
  }

  /** Whether the draft has changes that are not saved. */
  get dirty(): boolean {
    return this.#draft.dirty;
  }

  /** The gate every widget of the open dashboard queries through. */
  get gate(): CountingQueryGate {
    return this.#gate;
  }

  /** The widget elements on screen, in spec order. */
  get widgets(): ClvWidget[] {
    return [...this.renderRoot.querySelectorAll<ClvWidget>('clv-widget')];
  }

  /** The inventory element, while it shows. */
  get inventory(): ClvDashboardInventory | null {
    return this.renderRoot.querySelector('clv-dashboard-inventory');
  }

  /** Opens a dashboard; `parameters` set the global filters whose id or SQL parameter name matches. */
  open(dashboardId: string, options: { parameters?: Record<string, ScalarValue> } = {}): void {
    this.#pending = { id: dashboardId, ...(options.parameters ? { parameters: options.parameters } : {}), focus: true };
    if (this.dashboardId === dashboardId) void this.#load(dashboardId);
    else this.dashboardId = dashboardId;
  }

  /** Back to the inventory; with unsaved changes, asks first. Resolves false when the viewer stays. */
  async showInventory(): Promise<boolean> {
    if (!(await this.#confirmDiscard())) return false;
    const from = this.#openedId;
    this.#draft.end();
    this.dashboardId = undefined;
    await this.updateComplete;
    void this.inventory?.focusDashboard(from);
    return true;
  }

  /** Applies a filter state (what the filter bar does). */
  applyFilters(state: DashboardFilterState): void {
    const spec = this.spec;
    if (!spec) return;
    this.#setFilters(this.#sanitize(state, spec));
  }

  /** Runs every widget's queries again. */
  async refresh(): Promise<void> {
    if (!this.now && this.#clock !== today()) {
      // A dashboard left open past midnight: relative ranges move on.
      this.#clock = today();
      this.requestUpdate();
      await this.updateComplete;
    }
    this._announcement = 'Refreshing every widget.';
    await Promise.all(this.widgets.map((w) => w.refresh()));
  }

  /** Starts editing a draft copy of the open dashboard. */
  edit(): void {
    if (this._status !== 'ready' || !this._stored || this.#draft.active) return;
    this.#draft.begin(this._stored);
    this._remote = undefined;
    this._saveError = undefined;
    this._announcement = 'Editing. Add, move and resize widgets, then Save.';
    this.#focusAfterUpdate = () => this.#button('add');
  }

  /** Ends editing without saving; with unsaved changes, asks first. Resolves false when the viewer keeps editing. */
  async cancelEdit(): Promise<boolean> {
    if (!this.#draft.active) return true;
    if (!(await this.#confirmDiscard())) return false;
    const remote = this._remote;
    this.#draft.end();
    this._remote = undefined;
    this._saveError = undefined;
    this._announcement = 'Editing cancelled.';
    this.#focusAfterUpdate = () => this.#button('edit');
    // Saved elsewhere meanwhile: show that version now.
    if (remote && this.#openedId) await this.#reloadQuietly(this.#openedId);
    return true;
  }

  /** Saves the draft against the revision it started from. Resolves true when saved (or saved as a copy). */
  async save(): Promise<boolean> {
    const spec = this.#draft.spec;
    const base = this.#draft.base;
    if (!spec || !base || this._saving) return false;
    this._saving = true;
    this._saveError = undefined;
    try {
      const saved = await this.store.save(spec, base.revision);
      this.#afterSave(saved, false);
      return true;
    } catch (error) {
      if (isStoreError(error, 'conflict') && error.current) return await this.#resolveConflict(spec, error.current);
      this._saveError = `Could not save: ${storeErrorMessage(error)}`;
      return false;
    } finally {
      this._saving = false;
    }
  }

  /** Opens the Add widget dialog (edit mode). */
  async addWidget(): Promise<void> {
    const dialog = this.renderRoot.querySelector<ClvAddWidgetDialog>('clv-add-widget-dialog');
    if (!this.#draft.active || !dialog) return;
    const picked = await dialog.pick();
    if (!picked || !this.#draft.active) return;
    if ('compose' in picked) {
      await this.composeWidget();
      return;
    }
    let id = '';
    this.#draft.update((spec) => {
      const added = addWidget(spec, picked.spec, picked.catalogId);
      id = added.id;
      return added.spec;
    });
    this._announcement = `Added “${picked.spec.title}”.`;
    this.#focusAfterUpdate = () => this.#tileButton(id, 'settings');
  }

  /**
   * Opens the widget composer (edit mode) on widget `widgetId`, or on nothing to compose a new
   * widget. Each save changes the draft: the first save of a new widget adds it, later ones (and
   * every save of an existing widget) replace its spec and keep its id and place. Resolves when the
   * composer closes, with the last spec saved or undefined.
   */
  async composeWidget(widgetId?: string): Promise<WidgetSpec | undefined> {
    const dialog = this.renderRoot.querySelector<ClvComposerDialog>('clv-composer-dialog');
    const existing = widgetId === undefined ? undefined : this.#draft.spec?.widgets.find((w) => w.id === widgetId);
    if (!this.#draft.active || !dialog || (widgetId !== undefined && !existing)) return undefined;
    let id = existing?.id;
    const added = !existing;
    const saved = await dialog.compose({
      ...(existing ? { spec: existing.spec } : {}),
      adapter: this.adapter ?? this.#context.value,
      ...(this.now ? { now: this.now } : {}),
      onSave: (spec) => {
        const draft = this.#draft.spec;
        if (!draft) return;
        if (id === undefined || !draft.widgets.some((w) => w.id === id)) {
          this.#draft.update((s) => {
            const result = addWidget(s, spec);
            id = result.id;
            return result.spec;
          });
          this._announcement = `Added “${spec.title}”.`;
        } else {
          const target = id;
          this.#draft.update((s) => replaceWidgetSpec(s, target, spec));
          this._announcement = `Updated “${spec.title}”.`;
        }
      },
    });
    // A new widget: focus its Edit button (an edited one gets focus back on its own Edit button).
    if (saved && added && id !== undefined) {
      const target = id;
      this.#focusAfterUpdate = () => this.#tileButton(target, 'edit');
      this.requestUpdate();
    }
    return saved;
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
    if (!this.#restored) {
      this.#restored = true;
      // A reload of the page comes back to the dashboard that was open (unless the host chose one).
      if (!this.dashboardId) this.dashboardId = this.#session.openId;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('maxConcurrentQueries')) this.#gate.setLimit(this.#limit);
    if (changed.has('store') && this.isConnected) this.#subscribe();
    if (!this.hasUpdated || changed.has('dashboardId') || (changed.has('store') && changed.get('store') !== undefined)) this.#route(changed.has('store'));
    this.#describe();
  }

  protected override updated(): void {
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = undefined;
    void this.#focusWhenShown(target);
  }

  /** Focuses once the grid and the widgets have rendered too: a button slotted into a widget is focusable only then. */
  async #focusWhenShown(target: () => HTMLElement | null | undefined): Promise<void> {
    const nested = [this.renderRoot.querySelector('clv-dashboard-grid'), ...this.widgets].filter((e): e is NonNullable<typeof e> => e !== null);
    await Promise.all(nested.map((e) => e.updateComplete));
    target()?.focus();
  }

  get #limit(): number {
    const n = this.maxConcurrentQueries;
    return Number.isInteger(n) && n >= 1 ? n : DEFAULT_MAX_QUERIES;
  }

  get #session(): DashboardSession {
    return new DashboardSession(this.id || 'default');
  }

  #subscribe(): void {
    if (this.#subscribedTo === this.store) return;
    this.#unsubscribe?.();
    this.#subscribedTo = this.store;
    this.#unsubscribe = this.store?.subscribe?.((id) => this.#onStoreChange(id));
  }

  /** Follows `dashboardId`: load the dashboard it names, or show the inventory. */
  #route(storeChanged: boolean): void {
    const id = this.dashboardId || undefined;
    if (!id) {
      this.#loadGeneration++;
      this.#openedId = undefined;
      this.#pending = undefined;
      this.#draft.end();
      this._status = 'inventory';
      this._stored = undefined;
      this._remote = undefined;
      this._saveError = undefined;
      this.#session.openId = undefined;
      return;
    }
    if (id !== this.#openedId || storeChanged) void this.#load(id);
  }

  /** The adapter's data model, so filters a widget's query cannot reach are skipped rather than breaking it. */
  #describe(): void {
    const adapter = this.adapter ?? this.#context.value ?? null;
    if (adapter === this.#describedFor) return;
    this.#describedFor = adapter;
    if (!adapter) {
      this._model = undefined;
      this._modelReady = true;
      return;
    }
    this._modelReady = false;
    const settle = (model: DataModel | undefined) => {
      if (this.#describedFor !== adapter) return;
      this._model = model;
      this._modelReady = true;
    };
    // Without a model the filters are applied as opted in; a widget that cannot take one shows the query's error.
    adapter.describe().then(settle, () => settle(undefined));
  }

  // ------------------------------------------------------------------ loading

  async #load(id: string): Promise<void> {
    const generation = ++this.#loadGeneration;
    const pending = this.#pending?.id === id ? this.#pending : undefined;
    this.#pending = undefined;
    const sameDashboard = this.#openedId === id;
    this.#openedId = id;
    this.#draft.end();
    this._remote = undefined;
    this._saveError = undefined;
    if (!sameDashboard) {
      this.#specs.clear();
      // One gate per dashboard: queries of the one left behind do not hold up this one.
      this.#gate = createQueryGate(this.#limit);
    }
    this.#clock = today();
    this.#session.openId = id;
    let stored = pending?.stored;
    if (!stored) {
      this._status = 'loading';
      this._stored = undefined;
      this._loadError = undefined;
      try {
        stored = await this.store.get(id);
      } catch (error) {
        if (generation !== this.#loadGeneration) return;
        this._loadError = isStoreError(error, 'not_found')
          ? `There is no dashboard “${id}”. It may have been deleted.`
          : `Could not load the dashboard: ${storeErrorMessage(error)}`;
        this._status = 'error';
        this.#focusAfterUpdate = () => this.#button('retry');
        return;
      }
      if (generation !== this.#loadGeneration) return;
    }
    this.#show(stored, pending?.parameters);
    if (pending?.edit) this.edit();
    else if (pending?.focus) this.#focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('#dashboard-title');
  }

  #show(stored: StoredDashboard, parameters?: Record<string, ScalarValue>): void {
    const spec = stored.spec;
    this._stored = stored;
    this._status = 'ready';
    const restored = parameters ? undefined : this.#session.filters(spec.id);
    const state = this.#sanitize(restored ?? initialFilterState(spec), spec);
    if (parameters) {
      for (const [name, value] of Object.entries(parameters)) {
        const filter = spec.filters.global.find((f) => f.id === name || f.param === name);
        if (filter && value !== null) state.global[filter.id] = [value];
      }
    }
    this.#setFilters(state);
    emit<DashboardOpenDetail>(this, 'clv-dashboard-open', { dashboardId: spec.id, name: spec.name, revision: stored.revision });
  }

  /** The state without values for filters or a cross-filter source the dashboard does not have. */
  #sanitize(state: DashboardFilterState, spec: DashboardSpec): DashboardFilterState {
    const ids = new Set(spec.filters.global.map((f) => f.id));
    const global = Object.fromEntries(Object.entries(state.global ?? {}).filter(([id]) => ids.has(id)));
    const cross = state.cross && spec.widgets.some((w) => w.id === state.cross!.sourceWidgetId) ? state.cross : undefined;
    const dateRange = spec.filters.dateRange ? state.dateRange : undefined;
    return { global, ...(dateRange ? { dateRange } : {}), ...(cross ? { cross } : {}) };
  }

  #setFilters(state: DashboardFilterState): void {
    this._filters = state;
    const id = this.#openedId;
    if (id) this.#session.setFilters(id, state);
  }

  #onStoreChange(id: string): void {
    if (id !== this.#openedId || this._status !== 'ready') return;
    void this.#reloadQuietly(id);
  }

  /** Another tab or user saved the open dashboard: show it (viewing), or warn that saving will conflict (editing). */
  async #reloadQuietly(id: string): Promise<void> {
    const generation = this.#loadGeneration;
    let stored: StoredDashboard;
    try {
      stored = await this.store.get(id);
    } catch (error) {
      if (generation !== this.#loadGeneration) return;
      if (isStoreError(error, 'not_found') && !this.#draft.active) {
        this._status = 'error';
        this._stored = undefined;
        this._loadError = 'This dashboard was deleted elsewhere.';
      }
      return;
    }
    if (generation !== this.#loadGeneration || stored.revision === this._stored?.revision) return;
    const base = this.#draft.base;
    if (base) {
      if (stored.revision !== base.revision) this._remote = { revision: stored.revision, updatedAt: stored.updatedAt };
      return;
    }
    this._stored = stored;
    this.#setFilters(this.#sanitize(this._filters, stored.spec));
    this._announcement = `This dashboard was updated elsewhere; showing revision ${stored.revision}.`;
  }

  // ------------------------------------------------------------------ editing

  get #dialog(): ClvChoiceDialog | null {
    return this.renderRoot.querySelector('clv-choice-dialog');
  }

  /** True when there is nothing to lose, or the viewer chose to discard it. */
  async #confirmDiscard(): Promise<boolean> {
    if (!this.#draft.dirty) return true;
    const dialog = this.#dialog;
    if (!dialog) return false;
    const answer = await dialog.ask({
      heading: 'Discard your changes?',
      message: `The changes to “${this.#draft.spec?.name ?? ''}” since you chose Edit are not saved.`,
      choices: [
        { id: 'keep', label: 'Keep editing' },
        { id: 'discard', label: 'Discard changes', kind: 'danger' },
      ],
      dismissId: 'keep',
    });
    return answer === 'discard';
  }

  #afterSave(saved: StoredDashboard, copy: boolean): void {
    this.#draft.end();
    this._remote = undefined;
    this._saveError = undefined;
    this._stored = saved;
    this.#setFilters(this.#sanitize(this._filters, saved.spec));
    this._announcement = copy ? `Saved as “${saved.spec.name}”.` : `Saved “${saved.spec.name}”.`;
    this.#focusAfterUpdate = () => this.#button('edit');
    emit<DashboardSaveDetail>(this, 'clv-dashboard-save', { dashboardId: saved.spec.id, revision: saved.revision, spec: saved.spec, copy });
  }

  /** A save was refused because somebody saved first: never overwrite, let the viewer choose. */
  async #resolveConflict(draft: DashboardSpec, current: StoredDashboard): Promise<boolean> {
    this._remote = { revision: current.revision, updatedAt: current.updatedAt };
    const dialog = this.#dialog;
    if (!dialog) return false;
    const answer = await dialog.ask({
      heading: 'Your changes were not saved',
      message: `This dashboard was changed elsewhere (revision ${current.revision}, saved at ${formatSavedAt(current.updatedAt)}).`,
      choices: [
        { id: 'keep', label: 'Keep editing' },
        { id: 'theirs', label: 'Load their version' },
        { id: 'copy', label: 'Save as a copy', kind: 'primary' },
      ],
      dismissId: 'keep',
      focusId: 'copy',
    });
    if (answer === 'theirs') {
      this.#draft.end();
      this._remote = undefined;
      this._stored = current;
      this.#setFilters(this.#sanitize(this._filters, current.spec));
      this._announcement = `Loaded revision ${current.revision}; your changes were discarded.`;
      this.#focusAfterUpdate = () => this.#button('edit');
      return false;
    }
    if (answer === 'copy') {
      try {
        const names = await this.store.list().then(
          (list) => list.map((s) => s.name),
          () => [current.spec.name],
        );
        const created = await createCopy(this.store, draft, copyName(draft.name, names));
        this.#afterSave(created, true);
        this.#pending = { id: created.spec.id, stored: created, focus: true };
        this.dashboardId = created.spec.id;
        return true;
      } catch (error) {
        this._saveError = `Could not save a copy: ${storeErrorMessage(error)}`;
        return false;
      }
    }
    this.#focusAfterUpdate = () => this.#button('save');
    return false;
  }

  #onLayoutChange = (event: CustomEvent<LayoutChangeDetail>): void => {
    this.#draft.update((spec) => applyLayout(spec, event.detail.items));
  };

  #onDuplicate(widget: DashboardWidget): void {
    let id = '';
    this.#draft.update((spec) => {
      const copied = duplicate(spec, widget.id);
      id = copied.id;
      return copied.spec;
    });
    this._announcement = `Duplicated “${widget.spec.title}”.`;
    this.#focusAfterUpdate = () => this.#tileButton(id, 'settings');
  }

  async #onDelete(widget: DashboardWidget): Promise<void> {
    const dialog = this.#dialog;
    if (!dialog) return;
    const answer = await dialog.ask({
      heading: `Remove “${widget.spec.title}”?`,
      message: 'The widget is removed from this draft; nothing is deleted until you save.',
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'remove', label: 'Remove widget', kind: 'danger' },
      ],
      dismissId: 'cancel',
    });
    if (answer !== 'remove') return;
    this.#draft.update((spec) => removeWidget(spec, widget.id));
    if (this._filters.cross?.sourceWidgetId === widget.id) this.#setFilters({ ...this._filters, cross: undefined });
    this._announcement = `Removed “${widget.spec.title}”.`;
    this.#focusAfterUpdate = () => this.#button('add');
  }

  async #onSettings(widget: DashboardWidget): Promise<void> {
    const dialog = this.renderRoot.querySelector<ClvWidgetSettingsDialog>('clv-widget-settings-dialog');
    const spec = this.#draft.spec;
    if (!dialog || !spec) return;
    const settings = await dialog.edit(widget, spec.filters);
    if (!settings) return;
    this.#draft.update((s) => applySettings(s, widget.id, settings));
    this._announcement = `Updated “${settings.title}”.`;
  }

  // ------------------------------------------------------------------ viewing

  #onWidgetClick = (event: CustomEvent<WidgetClickDetail>): void => {
    const tile = (event.target as HTMLElement).closest<HTMLElement>('[data-widget-id]');
    const id = tile?.dataset.widgetId;
    const spec = this.spec;
    if (!id || !spec) return;
    const { filter, drill } = event.detail;
    if (drill) {
      this.#drill(drill.dashboardId, drill.parameters);
      return;
    }
    if (!filter || Object.keys(filter).length === 0) return;
    const cross = { sourceWidgetId: id, values: filter };
    // The same datum again takes the cross filter off.
    const next = sameCrossFilter(this._filters.cross, cross) ? undefined : cross;
    this.#setFilters({ ...this._filters, cross: next });
    this._announcement = next ? `Filtered by ${crossFilterLabel(spec, next, this._model)}.` : 'Cross filter cleared.';
  };

  #drill(dashboardId: string, parameters: Record<string, ScalarValue>): void {
    // Following a link would leave the draft behind; while editing, clicks only select.
    if (this.#draft.active || !this.#openedId) return;
    const proceed = emit<DashboardDrillDetail>(this, 'clv-dashboard-drill', { dashboardId, parameters, from: this.#openedId }, { cancelable: true });
    if (proceed) this.open(dashboardId, { parameters });
  }

  #onFiltersChange = (event: CustomEvent<FiltersChangeDetail>): void => {
    const spec = this.spec;
    if (spec) this.#setFilters(this.#sanitize(event.detail.state, spec));
  };

  #onCrossClear = (_event: CustomEvent<CrossFilterClearDetail>): void => {
    this.#setFilters({ ...this._filters, cross: undefined });
    this._announcement = 'Cross filter cleared.';
  };

  #onInventoryOpen = (event: CustomEvent<InventoryOpenDetail>): void => {
    const { dashboardId, stored, edit } = event.detail;
    this.#pending = { id: dashboardId, ...(stored ? { stored } : {}), edit, focus: true };
    if (this.dashboardId === dashboardId) void this.#load(dashboardId);
    else this.dashboardId = dashboardId;
  };

  #onDashboardDeleted = (event: CustomEvent<DashboardDeleteDetail>): void => {
    this.#session.setFilters(event.detail.dashboardId, undefined);
  };

  #button(action: string): HTMLElement | null {
    // Header buttons first: a tile's Edit button shares the name of the toolbar's.
    return this.renderRoot.querySelector<HTMLElement>(`.header [data-action="${action}"]`) ?? this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`);
  }

  #tileButton(id: string, action: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.tile[data-widget-id="${CSS.escape(id)}"] [data-action="${action}"]`);
  }

  // ------------------------------------------------------------------ render

  #items(spec: DashboardSpec): GridItem[] {
    if (this.#gridItems?.widgets !== spec.widgets) {
      this.#gridItems = { widgets: spec.widgets, items: spec.widgets.map((w) => ({ id: w.id, layout: w.layout, label: w.spec.title })) };
    }
    return this.#gridItems.items;
  }

  #renderHeader(spec: DashboardSpec): TemplateResult {
    const editing = this.#draft.active;
    return html`<div class="header" part="header">
      <button type="button" class="button button--quiet back" data-action="back" @click=${() => this.showInventory()}>
        <span aria-hidden="true">←</span> All dashboards
      </button>
      <div class="titles">
        <h2 class="title" id="dashboard-title" part="title" tabindex="-1">${spec.name}</h2>
        ${spec.description ? html`<p class="description">${spec.description}</p>` : nothing}
      </div>
      ${editing
        ? html`<div class="toolbar" part="toolbar" role="group" aria-label="Edit dashboard">
            <span class="status">${this.#draft.dirty ? 'Unsaved changes' : 'Editing'}</span>
            <button type="button" class="button" data-action="add" @click=${() => this.addWidget()}>Add widget</button>
            <button type="button" class="button button--primary" data-action="save" ?disabled=${this._saving} @click=${() => this.save()}>
              ${this._saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" class="button" data-action="cancel" @click=${() => this.cancelEdit()}>Cancel</button>
          </div>`
        : html`<div class="toolbar" part="toolbar" role="group" aria-label="Dashboard actions">
            <button type="button" class="button" data-action="refresh" @click=${() => this.refresh()}>Refresh</button>
            <button type="button" class="button button--primary" data-action="edit" @click=${() => this.edit()}>Edit</button>
          </div>`}
    </div>`;
  }

  #renderNotices(): TemplateResult {
    const remote = this._remote;
    return html`${remote && this.#draft.active
      ? html`<p class="notice" part="notice" role="status">
          This dashboard was changed elsewhere (revision ${remote.revision}, saved at ${formatSavedAt(remote.updatedAt)}). Saving will
          conflict: you can then load their version or save yours as a copy.
        </p>`
      : nothing}
    ${this._saveError ? html`<p class="save-error" part="error" role="alert">${this._saveError}</p>` : nothing}`;
  }

  #skippedNote(spec: DashboardSpec, applied: AppliedWidget | undefined): TemplateResult | typeof nothing {
    if (!applied) return nothing;
    if ('error' in applied) {
      return html`<p class="skipped" part="skipped-note" role="alert">The dashboard filters could not be applied: ${applied.error} Showing unfiltered data.</p>`;
    }
    if (!applied.skipped.length) return nothing;
    const name = (filter: string) =>
      filter === 'dateRange'
        ? (spec.filters.dateRange?.label ?? 'Date range')
        : filter === 'crossFilter'
          ? 'Cross filter'
          : (spec.filters.global.find((f) => f.id === filter)?.label ?? filter);
    const names = listFormat(applied.skipped.map((s) => name(s.filter)));
    const reasons = applied.skipped.map((s) => `${name(s.filter)}: ${s.reason}`).join('; ');
    return html`<p class="skipped" part="skipped-note" title=${reasons}>
      Not narrowed by ${names}<span class="visually-hidden"> (${reasons})</span>
    </p>`;
  }

  #renderTile(spec: DashboardSpec, widget: DashboardWidget, applied: AppliedWidget | undefined, editing: boolean): TemplateResult {
    const effective = applied && !('error' in applied) ? applied.spec : widget.spec;
    const title = widget.spec.title;
    return html`<div class="tile" part="tile" slot=${widget.id} data-widget-id=${widget.id}>
      <clv-widget part="widget" .spec=${effective} .gate=${this.#gate} .adapter=${this.adapter} .now=${this.now}>
        ${editing
          ? html`<span slot="actions" class="tile-actions" part="tile-actions">
              <button type="button" class="button button--small" data-action="edit" aria-label="Edit “${title}”" @click=${() => this.composeWidget(widget.id)}>
                Edit
              </button>
              <button type="button" class="button button--small" data-action="settings" aria-label="Settings of “${title}”" @click=${() => this.#onSettings(widget)}>
                Settings
              </button>
              <button type="button" class="button button--small" data-action="duplicate" aria-label="Duplicate “${title}”" @click=${() => this.#onDuplicate(widget)}>
                Duplicate
              </button>
              <button type="button" class="button button--small" data-action="delete" aria-label="Remove “${title}”" @click=${() => this.#onDelete(widget)}>
                Remove
              </button>
            </span>`
          : nothing}
      </clv-widget>
      ${this.#skippedNote(spec, applied)}
    </div>`;
  }

  #renderBody(spec: DashboardSpec): TemplateResult {
    const editing = this.#draft.active;
    if (!this._modelReady) return this.#renderSkeleton('Loading the data model…');
    const applied = this.#specs.compute(spec, this._filters, { now: this.now ?? this.#clock, model: this._model });
    const cross = this._filters.cross;
    return html`<clv-dashboard-filters
        part="filters"
        .filters=${spec.filters}
        .value=${this._filters}
        .adapter=${this.adapter}
        .now=${this.now}
        .cross=${cross ? { label: crossFilterLabel(spec, cross, this._model) } : undefined}
        @clv-filters-change=${this.#onFiltersChange}
        @clv-cross-filter-clear=${this.#onCrossClear}
      ></clv-dashboard-filters>
      ${spec.widgets.length === 0
        ? html`<p class="empty" part="empty">
            ${editing ? 'No widgets yet. Choose Add widget to compose one, pick one from the catalog or paste a spec.' : 'This dashboard has no widgets yet. Choose Edit, then Add widget.'}
          </p>`
        : nothing}
      <clv-dashboard-grid
        part="grid"
        .items=${this.#items(spec)}
        .rowHeight=${spec.rowHeight}
        ?editing=${editing}
        ?hidden=${spec.widgets.length === 0}
        @clv-layout-change=${this.#onLayoutChange}
        @clv-widget-click=${this.#onWidgetClick}
      >
        ${repeat(
          spec.widgets,
          (w) => w.id,
          (w) => this.#renderTile(spec, w, applied.get(w.id), editing),
        )}
      </clv-dashboard-grid>`;
  }

  #renderSkeleton(message: string): TemplateResult {
    return html`<div class="skeleton" part="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
      <p class="muted">${message}</p>`;
  }

  #renderDashboard(): TemplateResult {
    if (this._status === 'loading') {
      return html`<section class="dashboard" aria-busy="true" aria-label="Dashboard">
        <div class="header" part="header">
          <button type="button" class="button button--quiet back" data-action="back" @click=${() => this.showInventory()}>
            <span aria-hidden="true">←</span> All dashboards
          </button>
        </div>
        ${this.#renderSkeleton('Loading dashboard…')}
      </section>`;
    }
    if (this._status === 'error') {
      return html`<section class="dashboard" aria-label="Dashboard">
        <div class="load-error" part="error" role="alert">
          <p>${this._loadError}</p>
          <div class="load-error__actions">
            <button type="button" class="button" data-action="retry" @click=${() => this.dashboardId && this.#load(this.dashboardId)}>Retry</button>
            <button type="button" class="button" data-action="back" @click=${() => this.showInventory()}>All dashboards</button>
          </div>
        </div>
      </section>`;
    }
    const spec = this.spec!;
    return html`<section class="dashboard ${this.#draft.active ? 'dashboard--editing' : ''}" aria-labelledby="dashboard-title">
      ${this.#renderHeader(spec)} ${this.#renderNotices()} ${this.#renderBody(spec)}
    </section>`;
  }

  protected override render(): TemplateResult {
    return html`${this._status === 'inventory'
        ? html`<clv-dashboard-inventory
            part="inventory"
            .store=${this.store}
            .examples=${this.examples}
            @clv-inventory-open=${this.#onInventoryOpen}
            @clv-dashboard-delete=${this.#onDashboardDeleted}
          ></clv-dashboard-inventory>`
        : this.#renderDashboard()}
      <p class="visually-hidden" role="status">${this._announcement}</p>
      <clv-add-widget-dialog .catalog=${this.catalog}></clv-add-widget-dialog>
      <clv-widget-settings-dialog></clv-widget-settings-dialog>
      <clv-composer-dialog part="composer"></clv-composer-dialog>
      <clv-choice-dialog></clv-choice-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-dashboard': ClvDashboard;
  }
  interface HTMLElementEventMap {
    'clv-dashboard-open': CustomEvent<DashboardOpenDetail>;
    'clv-dashboard-save': CustomEvent<DashboardSaveDetail>;
    'clv-dashboard-drill': CustomEvent<DashboardDrillDetail>;
  }
}
