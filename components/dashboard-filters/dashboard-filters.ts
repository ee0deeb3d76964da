import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { describeZodError } from '../../src/contracts/errors.js';
import { DashboardFiltersSchema, type DashboardFilterState, type GlobalFilter } from '../../src/dashboards/spec.js';
import { parseInstant } from '../../src/query/dates.js';
import { adapterContext } from '../shared/adapter-context.js';
import { emit } from '../shared/events.js';
import { dashboardFiltersStyles } from './dashboard-filters.styles.js';
import {
  ALL_DATES,
  checkCustomRange,
  CUSTOM_RANGE,
  dateChoices,
  describePresetDates,
  presetOf,
  type DateDraft,
  type DateField,
} from './date-range.js';
import { clearedState, draftMatches, draftOf, hasActiveFilters, stateOf, type DashboardFilters, type FiltersDraft } from './filter-draft.js';
import { summarizeFilters } from './filter-summary.js';
import type { SelectionChangeDetail } from './multi-select.js';
import { optionLoader } from './option-source.js';
import type { OptionLoader } from './options.js';

/** Detail of `clv-filters-change`: the state to apply (the cross filter kept as it was). */
export interface FiltersChangeDetail {
  state: DashboardFilterState;
}

/** Detail of `clv-cross-filter-clear`: the label of the cross filter to remove. */
export interface CrossFilterClearDetail {
  label: string;
}

/** The definitions as the element reads them: valid, or why not. */
type ParsedFilters = { ok: true; filters: DashboardFilters } | { ok: false; message: string };

const FIELD_IDS: Record<DateField, string> = { from: 'date-from', to: 'date-to' };

/**
 * @summary The filter bar of a dashboard: a date range and one multi-select per global filter, applied together.
 * @tagname clv-dashboard-filters
 *
 * Changes are a draft until Apply; "Clear all" removes every filter and applies at once. The options
 * of each global filter are listed through the data adapter (its own `adapter`, else the nearest
 * `<clv-data-provider>`'s), narrowed on the server as the viewer types.
 *
 * @event clv-filters-change - Apply or Clear all; detail: `{state}`, the DashboardFilterState to apply (its cross filter unchanged).
 * @event clv-cross-filter-clear - The cross filter chip's clear button was pressed; detail: `{label}`.
 *
 * @csspart base - The form around everything.
 * @csspart controls - The row of date and global filter controls.
 * @csspart field - A labelled date control (range, From, To).
 * @csspart date-select - The date range select.
 * @csspart date-hint - The dates the chosen preset covers.
 * @csspart date-input - The From and To inputs of a custom range.
 * @csspart field-error - A problem shown under a date input.
 * @csspart filter - Each `<clv-multi-select>`; its button and popup are exported as `filter-trigger` and `filter-popup`.
 * @csspart actions - The row of the cross filter chip and the buttons.
 * @csspart cross-filter - The "Filtered by" chip; its button is `cross-filter-clear`.
 * @csspart cross-filter-clear - The button that clears the cross filter.
 * @csspart apply-button - Apply.
 * @csspart clear-button - Clear all.
 * @csspart summary - The text summary of the applied filters (visually hidden).
 * @csspart error - The message shown when the filter definitions are invalid.
 *
 * @cssprop --clv-color-accent - The Apply button and checkmarks.
 * @cssprop --clv-color-border - Control borders.
 * @cssprop --clv-color-surface-raised - The cross filter chip.
 * @cssprop --clv-color-text-muted - Hints.
 * @cssprop --clv-color-danger - Field problems and the definitions error.
 * @cssprop --clv-space-m - Gap between controls.
 */
export class ClvDashboardFilters extends LitElement {
  static override styles = dashboardFiltersStyles;

  static override properties = {
    filters: { attribute: false },
    value: { attribute: false },
    adapter: { attribute: false },
    now: {},
    cross: { attribute: false },
    _draft: { state: true },
    _touched: { state: true },
    _submitted: { state: true },
  };

  /** The filter definitions of the dashboard spec (`spec.filters`); checked against DashboardFiltersSchema. */
  declare filters: DashboardFilters | undefined;
  /** The filters applied now; the controls show it until the viewer changes them. */
  declare value: DashboardFilterState;
  /** The adapter that lists filter options; when unset, the one of the nearest `<clv-data-provider>`. */
  declare adapter: DataAdapter | undefined;
  /** Pins "now" (ISO date) for the dates a preset stands for and for the option queries. */
  declare now: string | undefined;
  /** A cross filter is active: its label is shown in a chip with a clear button. */
  declare cross: { label: string } | undefined;
  declare _draft: FiltersDraft;
  /** Custom date fields the viewer has changed: their problems are shown. */
  declare _touched: ReadonlySet<DateField>;
  /** After an Apply attempt, every problem is shown. */
  declare _submitted: boolean;

  readonly #context = new ContextConsumer(this, { context: adapterContext, subscribe: true });
  #parsed: ParsedFilters = { ok: true, filters: { global: [] } };
  #loaders?: { adapter: DataAdapter | undefined; filters: DashboardFilters; now: string | undefined; byId: Map<string, OptionLoader> };

  constructor() {
    super();
    this.filters = undefined;
    this.value = { global: {} };
    this.adapter = undefined;
    this.now = undefined;
    this.cross = undefined;
    this._draft = { date: { choice: ALL_DATES, from: '', to: '' }, global: {} };
    this._touched = new Set();
    this._submitted = false;
  }

  /** The adapter in use: `adapter`, else the one from the nearest `<clv-data-provider>`. */
  get activeAdapter(): DataAdapter | undefined {
    return this.adapter ?? this.#context.value;
  }

  /** The valid filter definitions, or undefined when `filters` is invalid. */
  get definitions(): DashboardFilters | undefined {
    return this.#parsed.ok ? this.#parsed.filters : undefined;
  }

  /** The choices made but not applied yet. */
  get draft(): FiltersDraft {
    return this._draft;
  }

  /** The state Apply would emit now; null while a custom date range has problems. */
  get draftState(): DashboardFilterState | null {
    return stateOf(this.#definitions(), this._draft, this.value);
  }

  /** Applies the draft: emits `clv-filters-change` unless it has problems (then shows them) or changes nothing. */
  async apply(): Promise<boolean> {
    const filters = this.#definitions();
    const next = stateOf(filters, this._draft, this.value);
    if (next === null) {
      this._submitted = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return false;
    }
    if (draftMatches(filters, this._draft, this.value)) return false;
    this.#commit(next);
    return true;
  }

  /** Removes the date range and every chosen value, and applies that. */
  clearAll(): void {
    this.#commit(clearedState(this.value));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filters')) this.#parsed = parseFilters(this.filters);
    if (!this.value || typeof this.value !== 'object') this.value = { global: {} };
    const reset =
      changed.has('filters') ||
      (changed.has('value') && !sameApplied(this.#definitions(), changed.get('value'), this.value));
    if (reset) this.#resetDraft();
  }

  protected override render(): TemplateResult {
    if (!this.#parsed.ok) {
      return html`<div part="error" class="error" role="alert">
        <p class="error__title">The dashboard filters cannot be shown.</p>
        <p class="error__message">${this.#parsed.message}</p>
      </div>`;
    }
    const filters = this.#parsed.filters;
    const hasControls = !!filters.dateRange || filters.global.length > 0;
    const unchanged = draftMatches(filters, this._draft, this.value);
    const nothingToClear = unchanged && !hasActiveFilters(filters, this.value);
    return html`<form part="base" class="base" aria-label="Dashboard filters" novalidate @submit=${this.#onSubmit}>
      ${hasControls
        ? html`<div part="controls" class="controls">
            ${filters.dateRange ? this.#renderDateRange(filters.dateRange) : nothing}
            ${filters.global.map((f) => this.#renderGlobal(f))}
          </div>`
        : nothing}
      <div part="actions" class="actions">
        ${this.cross ? this.#renderCross(this.cross.label) : nothing}
        ${hasControls
          ? html`<div class="buttons">
              <button part="clear-button" class="button" type="button" ?disabled=${nothingToClear} @click=${this.#onClearAll}>Clear all</button>
              <button part="apply-button" class="button button--primary" type="submit" ?disabled=${unchanged}>Apply</button>
            </div>`
          : nothing}
      </div>
      <p part="summary" class="visually-hidden" role="status">${summarizeFilters(filters, this.value, this.cross?.label)}</p>
    </form>`;
  }

  #renderDateRange(filter: NonNullable<DashboardFilters['dateRange']>): TemplateResult {
    const draft = this._draft.date;
    const preset = presetOf(draft.choice);
    const hint = preset ? describePresetDates(preset, this.#nowMs()) : undefined;
    return html`<div part="field" class="field">
        <label for="date-range">${filter.label}</label>
        <select id="date-range" part="date-select" aria-describedby=${hint ? 'date-range-hint' : nothing} @change=${this.#onDateChoice}>
          ${dateChoices(filter, draft).map((c) => html`<option value=${c.value} ?selected=${c.value === draft.choice}>${c.label}</option>`)}
        </select>
        ${hint ? html`<span part="date-hint" class="hint" id="date-range-hint">${hint}</span>` : nothing}
      </div>
      ${draft.choice === CUSTOM_RANGE ? this.#renderCustom(draft) : nothing}`;
  }

  #renderCustom(draft: DateDraft): TemplateResult {
    const errors = checkCustomRange(draft);
    const shown = (field: DateField) => (this._submitted || this._touched.has(field) ? errors.get(field) : undefined);
    const input = (field: DateField, label: string) => {
      const id = FIELD_IDS[field];
      const error = shown(field);
      return html`<div part="field" class="field">
        <label for=${id}>${label}</label>
        <input
          part="date-input"
          id=${id}
          type="date"
          data-field=${field}
          .value=${draft[field]}
          max=${field === 'from' && draft.to ? draft.to : nothing}
          min=${field === 'to' && draft.from ? draft.from : nothing}
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @input=${this.#onDateInput}
          @change=${this.#onDateTouched}
          @blur=${this.#onDateTouched}
        />
        ${error ? html`<p part="field-error" class="field__error" id="${id}-error">${error}</p>` : nothing}
      </div>`;
    };
    return html`${input('from', 'From')} ${input('to', 'To')}`;
  }

  #renderGlobal(filter: GlobalFilter): TemplateResult {
    return html`<clv-multi-select
      part="filter"
      exportparts="trigger: filter-trigger, popup: filter-popup"
      data-filter=${filter.id}
      .label=${filter.label}
      .value=${this._draft.global[filter.id] ?? []}
      .loader=${this.#loaderFor(filter)}
      @clv-selection-change=${(event: CustomEvent<SelectionChangeDetail>) => this.#onSelection(filter.id, event.detail.values)}
    ></clv-multi-select>`;
  }

  #renderCross(label: string): TemplateResult {
    return html`<span part="cross-filter" class="cross">
      <span>Filtered by: <strong>${label}</strong></span>
      <button part="cross-filter-clear" class="cross__clear" type="button" aria-label="Clear the filter by ${label}" @click=${this.#onCrossClear}>
        <span aria-hidden="true">×</span>
      </button>
    </span>`;
  }

  #definitions(): DashboardFilters {
    return this.#parsed.ok ? this.#parsed.filters : { global: [] };
  }

  #nowMs(): number {
    const pinned = this.now ? parseInstant(this.now) : NaN;
    return Number.isNaN(pinned) ? Date.now() : pinned;
  }

  /** One loader per filter, kept while the adapter, definitions and "now" stay, so lists are not re-queried on every render. */
  #loaderFor(filter: GlobalFilter): OptionLoader | undefined {
    const adapter = this.activeAdapter;
    if (!adapter) return undefined;
    const filters = this.#definitions();
    if (!this.#loaders || this.#loaders.adapter !== adapter || this.#loaders.filters !== filters || this.#loaders.now !== this.now) {
      this.#loaders = { adapter, filters, now: this.now, byId: new Map() };
    }
    let loader = this.#loaders.byId.get(filter.id);
    if (!loader) {
      loader = optionLoader(adapter, filter, this.now);
      this.#loaders.byId.set(filter.id, loader);
    }
    return loader;
  }

  #resetDraft(): void {
    this._draft = draftOf(this.#definitions(), this.value);
    this._touched = new Set();
    this._submitted = false;
  }

  #commit(state: DashboardFilterState): void {
    this.value = state;
    this._draft = draftOf(this.#definitions(), state);
    this._touched = new Set();
    this._submitted = false;
    emit<FiltersChangeDetail>(this, 'clv-filters-change', { state });
  }

  #setDate(date: DateDraft): void {
    this._draft = { ...this._draft, date };
  }

  #onDateChoice = (event: Event): void => {
    const choice = (event.target as HTMLSelectElement).value;
    this.#setDate({ ...this._draft.date, choice });
    this._touched = new Set();
    this._submitted = false;
  };

  #onDateInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const field = input.dataset.field as DateField;
    this.#setDate({ ...this._draft.date, [field]: input.value });
  };

  #onDateTouched = (event: Event): void => {
    const field = (event.target as HTMLInputElement).dataset.field as DateField;
    if (!this._touched.has(field)) this._touched = new Set([...this._touched, field]);
  };

  #onSelection(id: string, values: GlobalFilterValues): void {
    this._draft = { ...this._draft, global: { ...this._draft.global, [id]: values } };
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.apply();
  };

  #onClearAll = (): void => {
    this.clearAll();
  };

  #onCrossClear = (): void => {
    emit<CrossFilterClearDetail>(this, 'clv-cross-filter-clear', { label: this.cross?.label ?? '' });
  };
}

type GlobalFilterValues = DashboardFilterState['global'][string];

function parseFilters(filters: unknown): ParsedFilters {
  const parsed = DashboardFiltersSchema.safeParse(filters);
  if (parsed.success) return { ok: true, filters: parsed.data };
  return { ok: false, message: `Invalid filter definitions: ${describeZodError(parsed.error, 'filters').message}` };
}

/** Whether two applied states set the same date range and values (cross filters aside). */
function sameApplied(filters: DashboardFilters, a: DashboardFilterState | undefined, b: DashboardFilterState | undefined): boolean {
  return draftMatches(filters, draftOf(filters, a), b);
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-dashboard-filters': ClvDashboardFilters;
  }
  interface HTMLElementEventMap {
    'clv-filters-change': CustomEvent<FiltersChangeDetail>;
    'clv-cross-filter-clear': CustomEvent<CrossFilterClearDetail>;
  }
}
