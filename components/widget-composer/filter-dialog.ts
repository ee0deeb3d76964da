import { html, LitElement, nothing } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import { describeFilter } from '../../src/composer/filters.js';
import { emptyFilterForm, filterFormFor, filterFormMember, filterFormProblems, filterFromForm, filterKindsFor } from '../../src/composer/filter-forms.js';
import type { FilterFieldId, FilterForm, FilterFormKind } from '../../src/composer/filter-forms.js';
import type { ComposerFilter } from '../../src/composer/state.js';
import type { ValueCount } from '../../src/composer/value-counts.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { ModalAnswer } from '../dashboard/modal-answer.js';
import { dateFormTemplate } from './filter-date-form.js';
import { filterDialogStyles } from './filter-dialog.styles.js';
import type { FilterFormContext } from './filter-field.js';
import { rangeFormTemplate } from './filter-range-form.js';
import { FilterValuesForm, type ValuesStatus } from './filter-values-form.js';

export { filterKindsFor } from '../../src/composer/filter-forms.js';
export type { DateMode, FilterFormKind } from '../../src/composer/filter-forms.js';
export type { ValuesStatus } from './filter-values-form.js';

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

const DEFAULT_SEARCH_DELAY = 250;
const KIND_LABELS: Record<FilterFormKind, string> = { values: 'Values', range: 'Range', date: 'Dates' };

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
 * @csspart error-message - The error text in that panel.
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
  };

  /** Milliseconds after the last keystroke in the search box before the values are listed again. */
  declare searchDelay: number;
  declare _request: FilterDialogRequest | undefined;
  declare _form: FilterForm;
  declare _touched: ReadonlySet<FilterFieldId>;
  declare _attempted: boolean;

  readonly #values = new FilterValuesForm(this, {
    delay: () => this.searchDelay,
    context: () => this.#context(),
  });

  readonly #modal = new ModalAnswer<ComposerFilter | undefined>(this, {
    clear: () => this.#clear(),
    focus: () => this.#firstField(),
  });

  constructor() {
    super();
    this.searchDelay = DEFAULT_SEARCH_DELAY;
    this._request = undefined;
    this._form = emptyFilterForm('values');
    this._touched = new Set();
    this._attempted = false;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this._request !== undefined;
  }

  /** The state of the values list. */
  get status(): ValuesStatus {
    return this.#values.status;
  }

  /** The values listed now, with their counts. */
  get items(): readonly ValueCount[] {
    return this.#values.items;
  }

  /** Resolves once no search is waiting and no listing is running (stays pending while a listing hangs). */
  settled(): Promise<void> {
    return this.#values.settled();
  }

  /** Opens the dialog; resolves with the filter, or undefined when cancelled. */
  edit(request: FilterDialogRequest): Promise<ComposerFilter | undefined> {
    const answer = this.#modal.open(undefined);
    this._request = request;
    this._form = filterFormFor(this.#kinds(request), request.filter);
    this._touched = new Set();
    this._attempted = false;
    const { attribute, adapter, model, table, now } = request;
    this.#values.open({ attribute, member: filterFormMember(attribute, request.filter), adapter, model, table, ...(now ? { now } : {}) });
    if (this._form.kind === 'values') this.#values.load();
    return answer;
  }

  /** Lists the values again for the current search (what Retry does). */
  retry(): Promise<void> {
    this.#values.load();
    return this.settled();
  }

  #kinds(request = this._request): FilterFormKind[] {
    return request ? filterKindsFor(request.attribute) : [];
  }

  #clear(): void {
    this.#values.close();
    this._request = undefined;
  }

  /** The form as its parts see it: the fields, how to change them, and the messages to show. */
  #context(): FilterFormContext {
    return {
      form: this._form,
      patch: (change, touched) => this.#patch(change, touched),
      message: (field) => (this._attempted || this._touched.has(field) ? filterFormProblems(this._form)[field] : undefined),
    };
  }

  #patch(change: Partial<FilterForm>, touched?: FilterFieldId): void {
    this._form = { ...this._form, ...change };
    if (touched && !this._touched.has(touched)) this._touched = new Set([...this._touched, touched]);
  }

  #setKind(kind: FilterFormKind): void {
    this.#patch({ kind });
    this._attempted = false;
    if (kind === 'values' && !this.#values.listed) this.#values.load();
  }

  /** The field the dialog opens on: the first of its form. */
  #firstField(): HTMLElement | null {
    switch (this._form.kind) {
      case 'values':
        return this.#values.firstField();
      case 'range':
        return this.renderRoot.querySelector<HTMLElement>('#range-lower');
      case 'date':
        return this.renderRoot.querySelector<HTMLElement>('input[name=date-mode]:checked');
    }
  }

  #apply = (event?: Event): void => {
    event?.preventDefault();
    const request = this._request;
    if (!request) return;
    const first = Object.keys(filterFormProblems(this._form))[0] as FilterFieldId | undefined;
    if (first) {
      this._attempted = true;
      void this.updateComplete.then(() => {
        const target = first === 'values' ? this.#values.problemField() : this.renderRoot.querySelector<HTMLElement>(`#${first}`);
        target?.focus();
      });
      return;
    }
    this.#modal.answer(filterFromForm(this._form, filterFormMember(request.attribute, request.filter), request.filter));
  };

  #renderKindChoice(kinds: readonly FilterFormKind[]) {
    if (kinds.length < 2) return nothing;
    return html`<fieldset part="kind-choice">
      <legend>Filter by</legend>
      <div class="choices">
        ${kinds.map(
          (k) => html`<label class="choice"
            ><input type="radio" name="kind" value=${k} .checked=${this._form.kind === k} @change=${() => this.#setKind(k)} />${KIND_LABELS[k]}</label
          >`,
        )}
      </div>
    </fieldset>`;
  }

  #renderFields() {
    switch (this._form.kind) {
      case 'values':
        return this.#values.render();
      case 'range':
        return rangeFormTemplate(this.#context());
      case 'date':
        return dateFormTemplate(this.#context());
    }
  }

  #renderForm(request: FilterDialogRequest) {
    const kinds = this.#kinds(request);
    const firstProblem = Object.values(filterFormProblems(this._form))[0];
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
        : html`${this.#renderKindChoice(kinds)} ${this.#renderFields()}`}
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
