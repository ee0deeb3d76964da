import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import { dateFilter, describeFilter, relativeDateRange, valuesFilter, type RelativeUnit } from '../../src/composer/filters.js';
import type { ComposerFilter, DateFilter, RangeFilter } from '../../src/composer/state.js';
import { readValueCounts, valueCountsQuery, VALUE_COUNTS_LIMIT, type ValueCount } from '../../src/composer/value-counts.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel, FilterValue } from '../../src/contracts/data-model.js';
import type { DateRange } from '../../src/contracts/query.js';
import { ModalAnswer } from '../dashboard/modal-answer.js';
import { formatNumber, plural } from '../shared/format.js';
import { raceAbort, toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { filterDialogStyles } from './filter-dialog.styles.js';

/** What the filter dialog edits: a new filter on `attribute`, or `filter` (an existing one). */
export interface FilterDialogRequest {
  attribute: ComposerAttribute;
  filter?: ComposerFilter;
  adapter: DataAdapter;
  model: DataModel;
  /** The composer's base table: values are listed (with counts) over it. */
  table: string;
  /** Pins "now" for relative date ranges. */
  now?: string;
}

/** The forms of filter: values to include or exclude, a number range, a date range. */
export type FilterFormKind = 'values' | 'range' | 'date';
/** How a date range is given: two dates, the last N units, or a named period. */
export type DateMode = 'between' | 'last' | 'period';
/** What the values list shows. */
export type ValuesStatus = 'idle' | 'loading' | 'error' | 'empty' | 'data';

const RELATIVE_UNITS: readonly RelativeUnit[] = ['days', 'weeks', 'months', 'quarters', 'years'];
/** The named relative ranges the query contract knows besides "last N units". */
const PERIODS = ['today', 'yesterday', 'this week', 'last week', 'this month', 'last month', 'this quarter', 'last quarter', 'this year', 'last year'] as const;
type Period = (typeof PERIODS)[number];
const MAX_LAST = 9999;
const DEFAULT_SEARCH_DELAY = 250;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isTemporal = (a: Pick<ComposerAttribute, 'type'>) => a.type === 'date' || a.type === 'timestamp';

/**
 * The forms a filter on `attribute` can take: dates and timestamps take date ranges; numbers that
 * are amounts (quantitative dimensions) take values or a range; codes, names and flags take
 * values; a number measure (filtered after aggregation) takes a range, and other measures none.
 */
export function filterKindsFor(attribute: Pick<ComposerAttribute, 'kind' | 'type' | 'fieldType'>): FilterFormKind[] {
  if (attribute.kind === 'measure') return attribute.type === 'number' || attribute.type === 'integer' ? ['range'] : [];
  if (isTemporal(attribute)) return ['date'];
  if (attribute.fieldType === 'quantitative') return ['values', 'range'];
  return ['values'];
}

/** The filter form's fields, as typed (strings until applied). */
interface Form {
  kind: FilterFormKind;
  exclude: boolean;
  selected: FilterValue[];
  lower: string;
  lowerInclusive: boolean;
  upper: string;
  upperInclusive: boolean;
  dateMode: DateMode;
  from: string;
  to: string;
  lastN: string;
  lastUnit: RelativeUnit;
  period: Period;
}

/** Ids of the fields a message can belong to. */
type FieldId = 'values' | 'range-lower' | 'range-upper' | 'date-from' | 'date-to' | 'last-n';
type Problems = Partial<Record<FieldId, string>>;

const keyOf = (v: FilterValue) => `${typeof v}:${String(v)}`;
const showValue = (v: FilterValue) => String(v);

function emptyForm(kind: FilterFormKind): Form {
  return {
    kind,
    exclude: false,
    selected: [],
    lower: '',
    lowerInclusive: true,
    upper: '',
    upperInclusive: true,
    dateMode: 'between',
    from: '',
    to: '',
    lastN: '30',
    lastUnit: 'days',
    period: 'this month',
  };
}

/** The form fields of a date range, as the form writes them back. */
function dateFields(range: DateRange): Partial<Form> {
  if (typeof range !== 'string') return { dateMode: 'between', from: range[0].slice(0, 10), to: range[1].slice(0, 10) };
  const text = range.trim().toLowerCase().replace(/\s+/g, ' ');
  const last = /^last (\d{1,4}) (day|week|month|quarter|year)s?$/.exec(text);
  if (last) return { dateMode: 'last', lastN: last[1]!, lastUnit: `${last[2]}s` as RelativeUnit };
  const period = PERIODS.find((p) => p === text);
  return period ? { dateMode: 'period', period } : {};
}

/** The form of a new filter on `attribute`, or of the existing `filter`. */
function formFor(kinds: readonly FilterFormKind[], filter?: ComposerFilter): Form {
  // A number is filtered by a range unless it is a code; the first form otherwise.
  const fallback = kinds.includes('range') ? 'range' : (kinds[0] ?? 'values');
  const form = emptyForm(fallback);
  if (!filter || filter.kind === 'advanced' || !kinds.includes(filter.kind)) return form;
  switch (filter.kind) {
    case 'values':
      return { ...form, kind: 'values', selected: [...filter.values], exclude: filter.operator === 'notEquals' || filter.operator === 'notIn' };
    case 'range':
      return {
        ...form,
        kind: 'range',
        lower: filter.lower ? String(filter.lower.value) : '',
        lowerInclusive: filter.lower?.inclusive ?? true,
        upper: filter.upper ? String(filter.upper.value) : '',
        upperInclusive: filter.upper?.inclusive ?? true,
      };
    case 'date':
      return { ...form, kind: 'date', exclude: filter.exclude, ...dateFields(filter.range) };
  }
}

const parseNumber = (text: string): number | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** A real calendar date (input type=date gives "" for an incomplete one). */
const isDate = (text: string) => {
  const ms = ISO_DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
};

/** What stops the form from being applied, by field; each message names its field. */
function problemsOf(form: Form): Problems {
  const out: Problems = {};
  switch (form.kind) {
    case 'values':
      if (form.selected.length === 0) out.values = 'Choose at least one value.';
      break;
    case 'range': {
      const lower = parseNumber(form.lower);
      const upper = parseNumber(form.upper);
      if (Number.isNaN(lower)) out['range-lower'] = 'Lower bound must be a number.';
      if (Number.isNaN(upper)) out['range-upper'] = 'Upper bound must be a number.';
      if (lower === undefined && upper === undefined) out['range-lower'] = 'Enter a lower bound, an upper bound, or both.';
      if (lower !== undefined && upper !== undefined && !Number.isNaN(lower) && !Number.isNaN(upper)) {
        if (lower > upper) out['range-upper'] = `Upper bound must not be less than the lower bound (${lower}).`;
        else if (lower === upper && !(form.lowerInclusive && form.upperInclusive))
          out['range-upper'] = 'Upper bound equals the lower bound: include both bounds, or no value can match.';
      }
      break;
    }
    case 'date':
      if (form.dateMode === 'between') {
        if (!form.from) out['date-from'] = 'From date is required.';
        else if (!isDate(form.from)) out['date-from'] = 'From date must be a date (YYYY-MM-DD).';
        if (!form.to) out['date-to'] = 'To date is required.';
        else if (!isDate(form.to)) out['date-to'] = 'To date must be a date (YYYY-MM-DD).';
        if (!out['date-from'] && !out['date-to'] && form.from > form.to) out['date-to'] = 'To date must be on or after the From date.';
      } else if (form.dateMode === 'last') {
        const n = form.lastN.trim();
        if (!/^\d+$/.test(n) || Number(n) < 1 || Number(n) > MAX_LAST)
          out['last-n'] = `Number of ${form.lastUnit} must be a whole number from 1 to ${formatNumber(MAX_LAST, ',d')}.`;
      }
      break;
  }
  return out;
}

/** The filter a valid form stands for. */
function filterOf(form: Form, request: FilterDialogRequest): ComposerFilter {
  const member = request.filter && request.filter.kind !== 'advanced' ? request.filter.member : request.attribute.key;
  switch (form.kind) {
    case 'values':
      return valuesFilter(member, form.selected, form.exclude);
    case 'range': {
      const lower = parseNumber(form.lower);
      const upper = parseNumber(form.upper);
      const out: RangeFilter = { kind: 'range', member };
      if (lower !== undefined) out.lower = { value: lower, inclusive: form.lowerInclusive };
      if (upper !== undefined) out.upper = { value: upper, inclusive: form.upperInclusive };
      return out;
    }
    case 'date': {
      const range: DateRange =
        form.dateMode === 'between' ? [form.from, form.to] : form.dateMode === 'last' ? relativeDateRange(Number(form.lastN.trim()), form.lastUnit) : form.period;
      const before = request.filter?.kind === 'date' ? request.filter : undefined;
      // What the edited filter records beyond the form (where it sits in the spec) is kept, and an
      // included range that was a query filter stays one.
      const out: DateFilter = { ...(before ?? {}), ...dateFilter(member, range, form.exclude) };
      if (before?.placement === 'filter') out.placement = 'filter';
      return out;
    }
  }
}

const checkIcon = svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

/**
 * @summary The composer's filter dialog: include or exclude values (searchable, with counts), number and date ranges, relative dates.
 * @tagname clv-composer-filter-dialog
 *
 * `edit(request)` opens it as a modal; it resolves with the filter on Apply, or undefined on Cancel
 * and Escape, and gives the focus back to the element that had it. The form follows the attribute:
 * values for names, codes and flags; values or a range for amounts; a date range (two dates, the
 * last N days/weeks/months/quarters/years, or a named period) for dates and timestamps.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart kind-choice - The values / range choice (numbers only).
 * @csspart search - The search box of the values list (text attributes).
 * @csspart listbox - The values with their row counts.
 * @csspart option - One value; the chosen ones also have part `option-selected`.
 * @csspart count - The row count of a value.
 * @csspart status - Loading, empty and count messages of the values list.
 * @csspart error - The panel shown when the values could not be listed.
 * @csspart retry-button - Lists the values again.
 * @csspart chips - The chosen values; each is part `chip`, its remove button `chip-remove`.
 * @csspart chip - One chosen value.
 * @csspart chip-remove - Removes a chosen value.
 * @csspart apply-hint - What must be fixed before the filter can be applied.
 * @csspart apply-button - Applies the filter.
 * @csspart cancel-button - Closes the dialog without a change.
 *
 * @cssprop --clv-composer-filter-dialog-width - Width of the dialog (default 34rem).
 * @cssprop --clv-color-accent - Checkmarks and chosen radios.
 * @cssprop --clv-color-danger - Messages and the error panel.
 */
export class ClvComposerFilterDialog extends LitElement {
  static override styles = filterDialogStyles;

  static override properties = {
    searchDelay: { type: Number, attribute: 'search-delay' },
    _request: { state: true },
    _form: { state: true },
    _touched: { state: true },
    _attempted: { state: true },
    _search: { state: true },
    _items: { state: true },
    _status: { state: true },
    _error: { state: true },
    _active: { state: true },
  };

  /** Milliseconds after the last keystroke in the search box before the values are listed again. */
  declare searchDelay: number;
  declare _request: FilterDialogRequest | undefined;
  declare _form: Form;
  declare _touched: ReadonlySet<FieldId>;
  declare _attempted: boolean;
  declare _search: string;
  declare _items: ValueCount[];
  declare _status: ValuesStatus;
  declare _error: DisplayError | undefined;
  /** Index of the option the arrow keys point at, -1 for none. */
  declare _active: number;

  #controller?: AbortController;
  #cancelTimer?: () => void;
  /** The debounce wait or listing in flight; `settled()` waits for it. */
  #waiting?: Promise<void>;
  /** The values list was asked for since the dialog opened. */
  #listed = false;

  readonly #modal = new ModalAnswer<ComposerFilter | undefined>(this, {
    clear: () => this.#clear(),
    focus: () => this.#firstField(),
  });

  constructor() {
    super();
    this.searchDelay = DEFAULT_SEARCH_DELAY;
    this._request = undefined;
    this._form = emptyForm('values');
    this._touched = new Set();
    this._attempted = false;
    this._search = '';
    this._items = [];
    this._status = 'idle';
    this._error = undefined;
    this._active = -1;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this._request !== undefined;
  }

  /** The state of the values list. */
  get status(): ValuesStatus {
    return this._status;
  }

  /** The values listed now, with their counts. */
  get items(): readonly ValueCount[] {
    return this._items;
  }

  /** Resolves once no search is waiting and no listing is running (stays pending while a listing hangs). */
  async settled(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      const waiting = this.#waiting;
      if (!waiting) return;
      await waiting;
    }
  }

  /** Opens the dialog; resolves with the filter, or undefined when cancelled. */
  edit(request: FilterDialogRequest): Promise<ComposerFilter | undefined> {
    const answer = this.#modal.open(undefined);
    this.#cancelPending();
    this._request = request;
    this._form = formFor(this.#kinds(request), request.filter);
    this._touched = new Set();
    this._attempted = false;
    this._search = '';
    this._items = [];
    this._status = 'idle';
    this._error = undefined;
    this._active = -1;
    this.#listed = false;
    if (this._form.kind === 'values') this.#load();
    return answer;
  }

  /** Lists the values again for the current search (what Retry does). */
  retry(): Promise<void> {
    this.#load();
    return this.settled();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A listing cut short by a removal from the page runs again when the dialog comes back.
    if (this._request && this._status === 'loading' && !this.#controller && !this.#cancelTimer) this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelPending();
  }

  #kinds(request = this._request): FilterFormKind[] {
    return request ? filterKindsFor(request.attribute) : [];
  }

  #clear(): void {
    this.#cancelPending();
    this._request = undefined;
    this._items = [];
    this._status = 'idle';
  }

  #cancelPending(): void {
    this.#cancelTimer?.();
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #track(promise: Promise<void>): void {
    this.#waiting = promise;
    void promise.finally(() => {
      if (this.#waiting === promise) this.#waiting = undefined;
    });
  }

  /** Lists the values of the attribute for the current search, aborting the listing it replaces. */
  #load(): void {
    this.#cancelPending();
    const request = this._request;
    if (!request) return;
    this.#listed = true;
    const controller = new AbortController();
    this.#controller = controller;
    this._status = 'loading';
    this._error = undefined;
    const search = this._search;
    const member = request.filter && request.filter.kind !== 'advanced' ? request.filter.member : request.attribute.key;
    const run = (async () => {
      try {
        const query = valueCountsQuery(request.model, request.table, member, { search });
        const result = await raceAbort(
          Promise.resolve().then(() => request.adapter.query(query, { signal: controller.signal, ...(request.now ? { now: request.now } : {}) })),
          controller.signal,
        );
        if (controller.signal.aborted) return;
        this._items = readValueCounts(result, member);
        this._status = this._items.length > 0 ? 'data' : 'empty';
        this._active = -1;
      } catch (error) {
        if (controller.signal.aborted) return;
        this._items = [];
        this._active = -1;
        this._error = toDisplayError(error);
        this._status = 'error';
      } finally {
        if (this.#controller === controller) this.#controller = undefined;
      }
    })();
    this.#track(run);
  }

  /** Lists the values after the search delay; a newer keystroke restarts the wait. */
  #schedule(): void {
    this.#cancelPending();
    this._status = 'loading';
    const wait = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#cancelTimer = undefined;
        resolve();
        this.#load();
      }, Math.max(0, this.searchDelay));
      this.#cancelTimer = () => {
        clearTimeout(timer);
        this.#cancelTimer = undefined;
        resolve();
      };
    });
    this.#track(wait);
  }

  #patch(change: Partial<Form>, touched?: FieldId): void {
    this._form = { ...this._form, ...change };
    if (touched && !this._touched.has(touched)) this._touched = new Set([...this._touched, touched]);
  }

  #setKind(kind: FilterFormKind): void {
    this.#patch({ kind });
    this._attempted = false;
    if (kind === 'values' && !this.#listed) this.#load();
  }

  #isChosen(value: FilterValue): boolean {
    const key = keyOf(value);
    return this._form.selected.some((v) => keyOf(v) === key);
  }

  #toggle(item: ValueCount | undefined): void {
    if (!item || item.value === null) return;
    const value = item.value;
    const key = keyOf(value);
    this.#patch({ selected: this.#isChosen(value) ? this._form.selected.filter((v) => keyOf(v) !== key) : [...this._form.selected, value] }, 'values');
  }

  #remove(value: FilterValue): void {
    const key = keyOf(value);
    const index = this._form.selected.findIndex((v) => keyOf(v) === key);
    this.#patch({ selected: this._form.selected.filter((v) => keyOf(v) !== key) }, 'values');
    // The chip is gone: focus the next one, else the list.
    void this.updateComplete.then(() => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~=chip-remove]')];
      (buttons[Math.min(index, buttons.length - 1)] ?? this.#listbox() ?? this.#search())?.focus();
    });
  }

  #shownItems(): readonly ValueCount[] {
    return this._status === 'data' || this._status === 'loading' ? this._items : [];
  }

  #search(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[part~=search]');
  }

  #listbox(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role=listbox]');
  }

  /** The field the dialog opens on: the first of its form. */
  #firstField(): HTMLElement | null {
    const q = <E extends HTMLElement>(s: string) => this.renderRoot.querySelector<E>(s);
    switch (this._form.kind) {
      case 'values':
        return this.#search() ?? q('input[name=mode]:checked');
      case 'range':
        return q('#range-lower');
      case 'date':
        return q('input[name=date-mode]:checked');
    }
  }

  #apply = (event?: Event): void => {
    event?.preventDefault();
    const request = this._request;
    if (!request) return;
    const problems = problemsOf(this._form);
    const first = Object.keys(problems)[0] as FieldId | undefined;
    if (first) {
      this._attempted = true;
      void this.updateComplete.then(() => {
        const target = first === 'values' ? (this.#listbox() ?? this.#search()) : this.renderRoot.querySelector<HTMLElement>(`#${first}`);
        target?.focus();
      });
      return;
    }
    this.#modal.answer(filterOf(this._form, request));
  };

  #onSearchInput = (event: Event): void => {
    this._search = (event.target as HTMLInputElement).value;
    this._active = -1;
    this.#schedule();
  };

  #onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      // Search now rather than submit the form.
      event.preventDefault();
      if (this.#cancelTimer) this.#load();
    } else if (event.key === 'ArrowDown' && this._items.length > 0) {
      event.preventDefault();
      this._active = 0;
      this.#listbox()?.focus();
    }
  };

  #onListFocus = (): void => {
    if (this._active < 0 && this._items.length > 0) this._active = 0;
  };

  #onListKeyDown = (event: KeyboardEvent): void => {
    const count = this._items.length;
    if (count === 0) return;
    let next = this._active;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(count - 1, this._active + 1);
        break;
      case 'ArrowUp':
        if (this._active <= 0 && this.#search()) {
          event.preventDefault();
          this.#search()!.focus();
          return;
        }
        next = Math.max(0, this._active - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case ' ':
        event.preventDefault();
        this.#toggle(this._items[this._active]);
        return;
      default:
        return;
    }
    event.preventDefault();
    this._active = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#option-${next}`)?.scrollIntoView({ block: 'nearest' }));
  };

  #onOptionClick = (event: MouseEvent): void => {
    const item = (event.target as Element).closest<HTMLElement>('[role=option]');
    const index = Number(item?.dataset.index);
    if (!item || Number.isNaN(index)) return;
    this._active = index;
    this.#toggle(this._items[index]);
    this.#listbox()?.focus();
  };

  #onRetry = (): void => {
    this.#load();
    void this.updateComplete.then(() => (this.#search() ?? this.renderRoot.querySelector<HTMLElement>('input[name=mode]:checked'))?.focus());
  };

  /** The message of a field, once it was edited or Apply was tried. */
  #message(problems: Problems, field: FieldId): string | undefined {
    return this._attempted || this._touched.has(field) ? problems[field] : undefined;
  }

  #renderField(id: FieldId, label: string, control: (invalid: boolean, describedBy: string | typeof nothing) => TemplateResult, problems: Problems, hint?: string) {
    const message = this.#message(problems, id);
    const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control(Boolean(message), describedBy)}
      ${message
        ? html`<p class="field-error" id="${id}-error">${message}</p>`
        : hint
          ? html`<p class="hint" id="${id}-hint">${hint}</p>`
          : nothing}
    </div>`;
  }

  #renderModeChoice(valuesKind: boolean) {
    const f = this._form;
    const what = valuesKind ? 'the chosen values' : 'the range';
    return html`<fieldset>
      <legend>Rows to keep</legend>
      <div class="choices">
        <label class="choice"
          ><input type="radio" name="mode" value="include" .checked=${!f.exclude} @change=${() => this.#patch({ exclude: false })} />Include ${what}</label
        >
        <label class="choice"
          ><input type="radio" name="mode" value="exclude" .checked=${f.exclude} @change=${() => this.#patch({ exclude: true })} />Exclude ${what}</label
        >
      </div>
      ${f.exclude ? html`<p class="hint">Rows with no value are kept when excluding.</p>` : nothing}
    </fieldset>`;
  }

  #renderKindChoice(kinds: readonly FilterFormKind[]) {
    if (kinds.length < 2) return nothing;
    const labels: Record<FilterFormKind, string> = { values: 'Values', range: 'Range', date: 'Dates' };
    return html`<fieldset part="kind-choice">
      <legend>Filter by</legend>
      <div class="choices">
        ${kinds.map(
          (k) => html`<label class="choice"
            ><input type="radio" name="kind" value=${k} .checked=${this._form.kind === k} @change=${() => this.#setKind(k)} />${labels[k]}</label
          >`,
        )}
      </div>
    </fieldset>`;
  }

  #renderValues(request: FilterDialogRequest, problems: Problems) {
    const searchable = request.attribute.type === 'string';
    const message = this.#message(problems, 'values');
    return html`<div class="panel">
      ${this.#renderModeChoice(true)}
      ${searchable
        ? html`<div class="field">
            <label for="search">Search values</label>
            <input
              id="search"
              part="search"
              type="search"
              autocomplete="off"
              spellcheck="false"
              aria-controls=${this.#shownItems().length > 0 ? 'listbox' : nothing}
              aria-describedby="list-status"
              .value=${this._search}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeyDown}
            />
          </div>`
        : nothing}
      ${this.#renderChips()} ${this.#renderList(request)}
      ${message ? html`<p class="field-error" id="values-error">${message}</p>` : nothing}
    </div>`;
  }

  #renderChips() {
    const selected = this._form.selected;
    if (selected.length === 0) return nothing;
    return html`<div class="field">
      <span id="chosen-label" class="hint">Chosen (${selected.length})</span>
      <ul part="chips" class="chips" aria-labelledby="chosen-label">
        ${selected.map(
          (v) => html`<li part="chip" class="chip" data-value=${showValue(v)}>
            <span>${showValue(v)}</span>
            <button part="chip-remove" class="chip__remove" type="button" aria-label="Remove ${showValue(v)}" @click=${() => this.#remove(v)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderList(request: FilterDialogRequest) {
    if (this._status === 'error') {
      const error = this._error ?? { message: 'Unknown error.', code: 'error' };
      return html`<div part="error" class="error" role="alert">
          <p class="error__title">The values could not be listed.</p>
          <p class="error__message">${error.message}</p>
          <button part="retry-button" class="button button--small" type="button" @click=${this.#onRetry}>Retry</button>
        </div>
        <p id="list-status" class="visually-hidden">The values could not be listed.</p>`;
    }
    // While a new search runs, the previous values stay (marked busy) rather than flicker away.
    const items = this.#shownItems();
    const counted = items.some((i) => i.count !== null);
    const hasNull = items.some((i) => i.value === null);
    const search = this._search.trim();
    let status = '';
    if (this._status === 'loading') status = 'Loading values…';
    else if (this._status === 'empty') status = search && request.attribute.type === 'string' ? `No value contains “${search}”.` : 'There are no values to choose from.';
    else if (this._status === 'data')
      status = items.length >= VALUE_COUNTS_LIMIT ? `The ${formatNumber(items.length, ',d')} most frequent values; search to find others.` : plural(items.length, 'value');
    const tableTitle = request.model.tables.find((t) => t.name === request.table)?.label ?? request.table;
    const active = this._active >= 0 && this._active < items.length ? `option-${this._active}` : nothing;
    return html`<p part="status" id="list-status" class="list-status" role="status">${status}</p>
      ${items.length > 0
        ? html`<div class="field">
            <div class="list-head" aria-hidden="true"><span>Value</span>${counted ? html`<span>${tableTitle}</span>` : nothing}</div>
            <ul
              part="listbox"
              class="listbox"
              id="listbox"
              role="listbox"
              tabindex="0"
              aria-multiselectable="true"
              aria-busy=${this._status === 'loading' ? 'true' : 'false'}
              aria-label="Values of ${request.attribute.label}"
              aria-describedby=${hasNull ? 'empty-note' : nothing}
              aria-activedescendant=${active}
              @focus=${this.#onListFocus}
              @keydown=${this.#onListKeyDown}
              @click=${this.#onOptionClick}
            >
              ${items.map((item, i) => this.#renderOption(item, i, tableTitle))}
            </ul>
            ${counted ? nothing : html`<p class="hint">Counts are not available: the model has no count of ${tableTitle}.</p>`}
            ${hasNull
              ? html`<p class="hint" id="empty-note">“(empty)” stands for rows without a value. It cannot be chosen: a values filter never matches an empty value.</p>`
              : nothing}
          </div>`
        : nothing}`;
  }

  #renderOption(item: ValueCount, index: number, tableTitle: string) {
    const isNull = item.value === null;
    const chosen = !isNull && this.#isChosen(item.value!);
    const label = isNull ? '(empty)' : showValue(item.value!);
    return html`<li
      part=${chosen ? 'option option-selected' : 'option'}
      class="option ${index === this._active ? 'option--active' : ''}"
      id="option-${index}"
      role="option"
      aria-selected=${chosen ? 'true' : 'false'}
      aria-disabled=${isNull ? 'true' : nothing}
      data-index=${index}
      data-value=${isNull ? nothing : label}
      ?data-empty=${isNull}
    >
      <span class="check ${chosen ? 'check--on' : ''}">${chosen ? checkIcon : nothing}</span>
      <span class="option__label">${label}</span>
      ${item.count === null
        ? nothing
        : html`<span part="count" class="option__count" data-count=${item.count}
            >${formatNumber(item.count, ',d')}<span class="visually-hidden"> ${tableTitle.toLowerCase()}</span></span
          >`}
    </li>`;
  }

  #renderRange(problems: Problems) {
    const f = this._form;
    const input = (id: 'range-lower' | 'range-upper', value: string, key: 'lower' | 'upper') => (invalid: boolean, describedBy: string | typeof nothing) =>
      html`<input
        id=${id}
        part=${id}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${value}
        @input=${(e: Event) => this.#patch({ [key]: (e.target as HTMLInputElement).value }, id)}
      />`;
    return html`<div class="panel">
      <div class="row">
        <div class="field">
          ${this.#renderField('range-lower', 'Lower bound', input('range-lower', f.lower, 'lower'), problems)}
          <label class="choice"
            ><input
              type="checkbox"
              id="lower-inclusive"
              .checked=${f.lowerInclusive}
              @change=${(e: Event) => this.#patch({ lowerInclusive: (e.target as HTMLInputElement).checked }, 'range-upper')}
            />Include the lower bound (≥)</label
          >
        </div>
        <div class="field">
          ${this.#renderField('range-upper', 'Upper bound', input('range-upper', f.upper, 'upper'), problems)}
          <label class="choice"
            ><input
              type="checkbox"
              id="upper-inclusive"
              .checked=${f.upperInclusive}
              @change=${(e: Event) => this.#patch({ upperInclusive: (e.target as HTMLInputElement).checked }, 'range-upper')}
            />Include the upper bound (≤)</label
          >
        </div>
      </div>
      <p class="hint">Leave a bound empty for a range open on that side.</p>
    </div>`;
  }

  #renderDate(problems: Problems) {
    const f = this._form;
    const modes: Array<[DateMode, string]> = [
      ['between', 'Between two dates'],
      ['last', 'In the last…'],
      ['period', 'A calendar period'],
    ];
    const dateInput = (id: 'date-from' | 'date-to', value: string, key: 'from' | 'to') => (invalid: boolean, describedBy: string | typeof nothing) =>
      html`<input
        id=${id}
        part=${id}
        type="date"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${value}
        @input=${(e: Event) => this.#patch({ [key]: (e.target as HTMLInputElement).value }, id)}
      />`;
    return html`<div class="panel">
      <fieldset>
        <legend>Dates</legend>
        <div class="choices">
          ${modes.map(
            ([mode, label]) => html`<label class="choice"
              ><input
                type="radio"
                name="date-mode"
                value=${mode}
                .checked=${f.dateMode === mode}
                @change=${() => this.#patch({ dateMode: mode })}
              />${label}</label
            >`,
          )}
        </div>
      </fieldset>
      ${f.dateMode === 'between'
        ? html`<div class="row">
            ${this.#renderField('date-from', 'From date', dateInput('date-from', f.from, 'from'), problems)}
            ${this.#renderField('date-to', 'To date', dateInput('date-to', f.to, 'to'), problems, 'Both days are included.')}
          </div>`
        : f.dateMode === 'last'
          ? html`<div class="row">
              ${this.#renderField(
                'last-n',
                `Number of ${f.lastUnit}`,
                (invalid, describedBy) =>
                  html`<input
                    id="last-n"
                    part="last-n"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-invalid=${invalid ? 'true' : 'false'}
                    aria-describedby=${describedBy}
                    .value=${f.lastN}
                    @input=${(e: Event) => this.#patch({ lastN: (e.target as HTMLInputElement).value }, 'last-n')}
                  />`,
                problems,
                `The whole ${f.lastUnit} before the current one; the current one is not included.`,
              )}
              <div class="field">
                <label for="last-unit">Unit</label>
                <select id="last-unit" part="last-unit" @change=${(e: Event) => this.#patch({ lastUnit: (e.target as HTMLSelectElement).value as RelativeUnit })}>
                  ${RELATIVE_UNITS.map((u) => html`<option value=${u} ?selected=${f.lastUnit === u}>${capitalize(u)}</option>`)}
                </select>
              </div>
            </div>`
          : html`<div class="field">
              <label for="period">Period</label>
              <select id="period" part="period" @change=${(e: Event) => this.#patch({ period: (e.target as HTMLSelectElement).value as Period })}>
                ${PERIODS.map((p) => html`<option value=${p} ?selected=${f.period === p}>${capitalize(p)}</option>`)}
              </select>
            </div>`}
      ${this.#renderModeChoice(false)}
    </div>`;
  }

  #renderForm(request: FilterDialogRequest) {
    const kinds = this.#kinds(request);
    const problems = problemsOf(this._form);
    const firstProblem = Object.values(problems)[0];
    const editing = request.filter !== undefined;
    const attribute = request.attribute;
    const where = [attribute.tableTitle, attribute.description].filter(Boolean).join(' — ');
    return html`<form class="dialog__body" novalidate @submit=${this.#apply}>
      <div>
        <h2 class="dialog__title" id="filter-title">${editing ? 'Edit filter' : 'Add a filter'}: ${attribute.label}</h2>
        ${where ? html`<p class="subtitle">${where}</p>` : nothing}
      </div>
      ${request.filter?.kind === 'advanced'
        ? html`<p class="hint">The current filter, “${describeFilter(request.filter, [attribute])}”, has no form here; applying replaces it.</p>`
        : nothing}
      ${kinds.length === 0
        ? html`<p>${attribute.label} cannot be filtered here.</p>`
        : html`${this.#renderKindChoice(kinds)}
          ${this._form.kind === 'values' ? this.#renderValues(request, problems) : this._form.kind === 'range' ? this.#renderRange(problems) : this.#renderDate(problems)}`}
      <div class="dialog__actions">
        ${firstProblem && kinds.length > 0 ? html`<p part="apply-hint" class="apply-hint" id="apply-hint">${firstProblem}</p>` : nothing}
        <button type="button" part="cancel-button" class="button" @click=${() => this.#modal.answer(undefined)}>Cancel</button>
        ${kinds.length > 0
          ? html`<button
              type="submit"
              part="apply-button"
              class="button button--primary"
              aria-disabled=${firstProblem ? 'true' : 'false'}
              aria-describedby=${firstProblem ? 'apply-hint' : nothing}
            >
              Apply
            </button>`
          : nothing}
      </div>
    </form>`;
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="filter-title" @cancel=${this.#modal.onCancel} @close=${this.#modal.onClose}>
      ${this._request ? this.#renderForm(this._request) : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-filter-dialog': ClvComposerFilterDialog;
  }
}
