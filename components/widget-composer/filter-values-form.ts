import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import { isChosenValue, toggleValue, withoutValue } from '../../src/composer/filter-forms.js';
import { readValueCounts, valueCountsQuery, VALUE_COUNTS_LIMIT, type ValueCount } from '../../src/composer/value-counts.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel, FilterValue } from '../../src/contracts/data-model.js';
import { formatNumber, plural } from '../shared/format.js';
import { listboxStep } from '../shared/listbox-keys.js';
import { OptionListController, type OptionListStatus } from '../shared/option-list.js';
import { chipsTemplate, listErrorTemplate, optionTemplate } from '../shared/option-list-view.js';
import { modeChoiceTemplate, type FilterFormContext } from './filter-field.js';

/** Where the values of a values filter come from. */
export interface ValuesSource {
  attribute: ComposerAttribute;
  /** The member filtered. */
  member: string;
  adapter: DataAdapter;
  model: DataModel;
  /** The composer's base table: the values are counted over its rows. */
  table: string;
  /** Pins "now" for relative date ranges. */
  now?: string;
}

/** What the values list shows. */
export type ValuesStatus = OptionListStatus;

export interface FilterValuesFormOptions {
  /** Milliseconds after the last keystroke in the search box before the values are listed again. */
  delay(): number;
  /** The dialog's form, as it is now. */
  context(): FilterFormContext;
}

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

const showValue = (v: FilterValue) => String(v);

/** The values of the source containing `search`, with their row counts. */
async function listValues(source: ValuesSource, search: string, signal: AbortSignal): Promise<ValueCount[]> {
  const query = valueCountsQuery(source.model, source.table, source.member, { search });
  const result = await source.adapter.query(query, { signal, ...(source.now ? { now: source.now } : {}) });
  return readValueCounts(result, source.member);
}

/**
 * The values form of the filter dialog: include or exclude, a search box (text attributes), the
 * chosen values as chips, and the values with their row counts as a multi-select listbox. It
 * renders into the dialog's shadow root and keeps the listing's state.
 */
export class FilterValuesForm implements ReactiveController {
  readonly #host: Host;
  readonly #options: FilterValuesFormOptions;
  readonly #list: OptionListController<ValueCount>;
  #source?: ValuesSource;
  #search = '';
  /** Index of the option the arrow keys point at, -1 for none. */
  #active = -1;

  constructor(host: Host, options: FilterValuesFormOptions) {
    this.#host = host;
    this.#options = options;
    this.#list = new OptionListController<ValueCount>(host, {
      source: () => {
        const source = this.#source;
        return source ? (search, signal) => listValues(source, search, signal) : undefined;
      },
      delay: options.delay,
      busyOnType: 'always',
      onListed: () => this.#setActive(-1),
    });
    host.addController(this);
  }

  get status(): ValuesStatus {
    return this.#list.status;
  }

  get items(): readonly ValueCount[] {
    return this.#list.items;
  }

  /** Whether the values were asked for since the form was opened. */
  get listed(): boolean {
    return this.#list.listed;
  }

  settled(): Promise<void> {
    return this.#list.settled();
  }

  /** Starts afresh on `source`, with nothing listed yet. */
  open(source: ValuesSource): void {
    this.#list.reset();
    this.#source = source;
    this.#search = '';
    this.#active = -1;
  }

  close(): void {
    this.#list.reset();
    this.#source = undefined;
  }

  /** Lists the values for the current search now, aborting the listing it replaces. */
  load(): void {
    void this.#list.load(this.#search);
  }

  hostConnected(): void {
    // A listing cut short by a removal from the page runs again when the dialog comes back.
    if (this.#source && this.#list.status === 'loading' && !this.#list.pending) this.load();
  }

  hostDisconnected(): void {
    this.#list.cancel();
  }

  /** The field the form opens on. */
  firstField(): HTMLElement | null {
    return this.#searchBox() ?? this.#modeRadio();
  }

  /** Where the focus goes when no value is chosen and Apply is tried. */
  problemField(): HTMLElement | null {
    return this.#listbox() ?? this.#searchBox();
  }

  render(): TemplateResult | typeof nothing {
    const source = this.#source;
    if (!source) return nothing;
    const ctx = this.#options.context();
    const message = ctx.message('values');
    return html`<div class="panel">
      ${modeChoiceTemplate(ctx, 'the chosen values')}
      ${source.attribute.type === 'string'
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
              .value=${this.#search}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeyDown}
            />
          </div>`
        : nothing}
      ${this.#renderChips(ctx.form.selected)} ${this.#renderList(source, ctx.form.selected)}
      ${message ? html`<p class="field-error" id="values-error">${message}</p>` : nothing}
    </div>`;
  }

  #renderChips(selected: readonly FilterValue[]) {
    if (selected.length === 0) return nothing;
    return html`<div class="field">
      <span id="chosen-label" class="hint">Chosen (${selected.length})</span>
      ${chipsTemplate(
        selected.map((v) => ({ label: showValue(v), value: showValue(v) })),
        (i) => this.#remove(selected[i]!),
        { labelledBy: 'chosen-label' },
      )}
    </div>`;
  }

  #statusText(source: ValuesSource, items: readonly ValueCount[]): string {
    const search = this.#search.trim();
    switch (this.#list.status) {
      case 'loading':
        return 'Loading values…';
      case 'empty':
        return search && source.attribute.type === 'string' ? `No value contains “${search}”.` : 'There are no values to choose from.';
      case 'data':
        return items.length >= VALUE_COUNTS_LIMIT ? `The ${formatNumber(items.length, ',d')} most frequent values; search to find others.` : plural(items.length, 'value');
      default:
        return '';
    }
  }

  #renderList(source: ValuesSource, selected: readonly FilterValue[]) {
    if (this.#list.status === 'error') {
      return html`${listErrorTemplate('The values could not be listed.', this.#list.error, this.#onRetry, 'button button--small')}
        <p id="list-status" class="visually-hidden">The values could not be listed.</p>`;
    }
    // While a new search runs, the previous values stay (marked busy) rather than flicker away.
    const items = this.#shownItems();
    const counted = items.some((i) => i.count !== null);
    const hasNull = items.some((i) => i.value === null);
    const tableTitle = source.model.tables.find((t) => t.name === source.table)?.label ?? source.table;
    const active = this.#active >= 0 && this.#active < items.length ? `option-${this.#active}` : nothing;
    return html`<p part="status" id="list-status" class="list-status" role="status">${this.#statusText(source, items)}</p>
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
              aria-busy=${this.#list.status === 'loading' ? 'true' : 'false'}
              aria-label="Values of ${source.attribute.label}"
              aria-describedby=${hasNull ? 'empty-note' : nothing}
              aria-activedescendant=${active}
              @focus=${this.#onListFocus}
              @keydown=${this.#onListKeyDown}
              @click=${this.#onOptionClick}
            >
              ${items.map((item, index) => this.#renderOption(item, index, selected, tableTitle))}
            </ul>
            ${counted ? nothing : html`<p class="hint">Counts are not available: the model has no count of ${tableTitle}.</p>`}
            ${hasNull
              ? html`<p class="hint" id="empty-note">“(empty)” stands for rows without a value. It cannot be chosen: a values filter never matches an empty value.</p>`
              : nothing}
          </div>`
        : nothing}`;
  }

  #renderOption(item: ValueCount, index: number, selected: readonly FilterValue[], tableTitle: string) {
    const value = item.value;
    return optionTemplate({
      index,
      label: value === null ? '(empty)' : showValue(value),
      chosen: value !== null && isChosenValue(selected, value),
      active: index === this.#active,
      ...(value === null ? { empty: true } : { value: showValue(value) }),
      end:
        item.count === null
          ? nothing
          : html`<span part="count" class="option__count" data-count=${item.count}
              >${formatNumber(item.count, ',d')}<span class="visually-hidden"> ${tableTitle.toLowerCase()}</span></span
            >`,
    });
  }

  #setActive(index: number): void {
    this.#active = index;
    this.#host.requestUpdate();
  }

  #shownItems(): readonly ValueCount[] {
    const { status, items } = this.#list;
    return status === 'data' || status === 'loading' ? items : [];
  }

  #query<E extends HTMLElement>(selector: string): E | null {
    return this.#host.renderRoot.querySelector<E>(selector);
  }

  #searchBox(): HTMLInputElement | null {
    return this.#query<HTMLInputElement>('input[part~=search]');
  }

  #listbox(): HTMLElement | null {
    return this.#query('[role=listbox]');
  }

  #modeRadio(): HTMLElement | null {
    return this.#query('input[name=mode]:checked');
  }

  #toggle(item: ValueCount | undefined): void {
    if (!item || item.value === null) return;
    const ctx = this.#options.context();
    ctx.patch({ selected: toggleValue(ctx.form.selected, item.value) }, 'values');
  }

  #remove(value: FilterValue): void {
    const ctx = this.#options.context();
    const index = ctx.form.selected.findIndex((v) => isChosenValue([v], value));
    ctx.patch({ selected: withoutValue(ctx.form.selected, value) }, 'values');
    // The chip is gone: focus the next one, else the list.
    void this.#host.updateComplete.then(() => {
      const buttons = [...this.#host.renderRoot.querySelectorAll<HTMLButtonElement>('[part~=chip-remove]')];
      (buttons[Math.min(index, buttons.length - 1)] ?? this.#listbox() ?? this.#searchBox())?.focus();
    });
  }

  #onSearchInput = (event: Event): void => {
    this.#search = (event.target as HTMLInputElement).value;
    this.#setActive(-1);
    this.#list.schedule(this.#search);
  };

  #onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      // Search now rather than submit the form.
      event.preventDefault();
      if (this.#list.waiting) this.load();
    } else if (event.key === 'ArrowDown' && this.#list.items.length > 0) {
      event.preventDefault();
      this.#setActive(0);
      this.#listbox()?.focus();
    }
  };

  #onListFocus = (): void => {
    if (this.#active < 0 && this.#list.items.length > 0) this.#setActive(0);
  };

  #onListKeyDown = (event: KeyboardEvent): void => {
    const items = this.#list.items;
    if (items.length === 0) return;
    if (event.key === ' ') {
      event.preventDefault();
      this.#toggle(items[this.#active]);
      return;
    }
    const search = this.#searchBox();
    if (event.key === 'ArrowUp' && this.#active <= 0 && search) {
      event.preventDefault();
      search.focus();
      return;
    }
    const next = listboxStep(event.key, this.#active, items.length);
    if (next === undefined) return;
    event.preventDefault();
    this.#setActive(next);
    void this.#host.updateComplete.then(() => this.#query(`#option-${next}`)?.scrollIntoView({ block: 'nearest' }));
  };

  #onOptionClick = (event: MouseEvent): void => {
    const item = (event.target as Element).closest<HTMLElement>('[role=option]');
    const index = Number(item?.dataset.index);
    if (!item || Number.isNaN(index)) return;
    this.#setActive(index);
    this.#toggle(this.#list.items[index]);
    this.#listbox()?.focus();
  };

  #onRetry = (): void => {
    this.load();
    void this.#host.updateComplete.then(() => this.firstField()?.focus());
  };
}
