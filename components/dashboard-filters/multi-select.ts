import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../shared/events.js';
import { plural } from '../shared/format.js';
import { listboxStep } from '../shared/listbox-keys.js';
import { OptionListController, type OptionListStatus } from '../shared/option-list.js';
import { chipsTemplate, listErrorTemplate, optionTemplate } from '../shared/option-list-view.js';
import type { DisplayError } from '../shared/query-controller.js';
import { multiSelectStyles } from './multi-select.styles.js';
import { keyOf, summarizeChoice, type OptionLoader, type OptionValue, type SelectOption } from './options.js';

/** What the options list shows: idle (nothing asked yet), loading, error, empty or data. */
export type OptionsStatus = OptionListStatus;

/** Detail of `clv-selection-change`: the chosen values, in the order they were chosen. */
export interface SelectionChangeDetail {
  values: OptionValue[];
}

/** Wait after the last keystroke before the options are asked for again. */
const DEFAULT_SEARCH_DELAY = 200;

/**
 * @summary A button that opens a searchable list of options, any number of which can be chosen.
 * @tagname clv-multi-select
 *
 * The options come from `loader(search, signal)`: it is called when the popup first opens and again
 * (debounced) as the user types, and the previous call's signal is aborted.
 *
 * @event clv-selection-change - The chosen values changed; detail: `{values}`.
 *
 * @csspart trigger - The button that shows the label and the chosen values, and opens the popup.
 * @csspart popup - The popup with the search box, chips, actions and options.
 * @csspart search - The search box (a combobox).
 * @csspart chips - The list of chosen values; each chip is part `chip`, its remove button `chip-remove`.
 * @csspart chip - One chosen value.
 * @csspart chip-remove - The button that removes a chosen value.
 * @csspart actions - "Select all shown" and "Clear".
 * @csspart listbox - The list of options.
 * @csspart option - One option; the chosen ones also have part `option-selected`.
 * @csspart status - The loading, empty and count messages of the list.
 * @csspart error - The error panel; it holds `error-message` and `retry-button`.
 * @csspart error-message - The error text.
 * @csspart retry-button - The Retry button.
 *
 * @cssprop --clv-color-accent - Checkmarks and the active option's outline.
 * @cssprop --clv-color-surface - Popup and button background.
 * @cssprop --clv-color-surface-raised - Hovered and active options.
 * @cssprop --clv-color-border - Borders.
 * @cssprop --clv-color-danger - Error text.
 */
export class ClvMultiSelect extends LitElement {
  static override styles = multiSelectStyles;

  static override properties = {
    label: {},
    value: { attribute: false },
    loader: { attribute: false },
    searchDelay: { type: Number, attribute: 'search-delay' },
    _open: { state: true },
    _search: { state: true },
    _active: { state: true },
  };

  /** What the values filter ("Loyalty tier"); the button reads "<label>: <chosen values>". */
  declare label: string;
  /** The chosen values; empty means all. */
  declare value: OptionValue[];
  /** Lists the options matching a search; it should stop when the signal aborts. */
  declare loader: OptionLoader | undefined;
  /** Milliseconds after the last keystroke before the options are listed again. */
  declare searchDelay: number;
  declare _open: boolean;
  declare _search: string;
  /** Index of the option the arrow keys point at, -1 for none. */
  declare _active: number;

  /** Labels of every value seen in an options list, so chosen values keep their labels when filtered out. */
  readonly #labels = new Map<string, string>();
  readonly #list = new OptionListController<SelectOption>(this, {
    source: () => this.loader,
    delay: () => this.searchDelay,
    busyOnType: 'listed',
    onListed: (options) => {
      for (const o of options) this.#labels.set(keyOf(o.value), o.label);
      this._active = -1;
    },
  });

  constructor() {
    super();
    this.label = '';
    this.value = [];
    this.loader = undefined;
    this.searchDelay = DEFAULT_SEARCH_DELAY;
    this._open = false;
    this._search = '';
    this._active = -1;
  }

  /** Whether the popup is open. */
  get open(): boolean {
    return this._open;
  }

  /** The state of the options list. */
  get status(): OptionsStatus {
    return this.#list.status;
  }

  /** The options listed now (for the current search). */
  get options(): readonly SelectOption[] {
    return this.#list.items;
  }

  /** The error of the last listing, in the error state. */
  get error(): DisplayError | undefined {
    return this.#list.error;
  }

  /** The label shown for a value: the one its option had, else the value itself. */
  labelOf(value: OptionValue): string {
    return this.#labels.get(keyOf(value)) ?? String(value);
  }

  /** Resolves once no search is waiting and no listing is running (stays pending while a listing hangs). */
  settled(): Promise<void> {
    return this.#list.settled();
  }

  /** Opens the popup, focuses the search box and lists the options if they are not listed yet. */
  async show(): Promise<void> {
    this._open = true;
    this.#ensureLoaded();
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    await this.updateComplete;
    this.#input()?.focus();
  }

  /** Closes the popup; with `returnFocus`, the button gets the focus back. */
  close(returnFocus = false): void {
    if (!this._open) return;
    this._open = false;
    this._active = -1;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    if (returnFocus) void this.updateComplete.then(() => this.#trigger()?.focus());
  }

  /** Lists the options again for the current search (what Retry does). */
  retry(): Promise<void> {
    return this.#list.load(this._search);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
    // An interrupted listing is started again when the popup next opens.
    this.#list.interrupt();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && !Array.isArray(this.value)) this.value = [];
    if (changed.has('loader') && this.hasUpdated) {
      // Another source: its options replace the old ones, now if the popup is open, else on opening.
      this.#list.reset();
      this._active = -1;
      if (this._open) this.#ensureLoaded();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_active') && this._active >= 0) {
      this.renderRoot.querySelector(`#option-${this._active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="base" @focusout=${this.#onFocusOut} @keydown=${this.#onKeyDown}>
      <button
        part="trigger"
        class="trigger"
        type="button"
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="popup"
        @click=${this.#onTriggerClick}
      >
        <span class="trigger__text"><span class="trigger__label">${this.label}:</span> ${summarizeChoice(this.value.map((v) => this.labelOf(v)))}</span>
        <span class="trigger__caret" aria-hidden="true"></span>
      </button>
      <div part="popup" class="popup" id="popup" role="group" aria-label="Choose ${this.label}" ?hidden=${!this._open} @mousedown=${this.#keepFocus}>
        ${this._open ? this.#renderPopup() : nothing}
      </div>
    </div>`;
  }

  #renderPopup(): TemplateResult {
    const options = this.#list.items;
    const active = this._active >= 0 && this._active < options.length ? `option-${this._active}` : nothing;
    return html`<label class="visually-hidden" for="search">Search ${this.label}</label>
      <input
        part="search"
        class="search"
        id="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder="Search…"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="listbox"
        aria-activedescendant=${active}
        aria-describedby="list-status"
        .value=${this._search}
        @input=${this.#onInput}
      />
      ${this.#renderChips()}
      <div part="actions" class="actions">
        <button class="link-button" type="button" ?disabled=${options.length === 0} @click=${this.#onSelectShown}>Select all shown</button>
        <button class="link-button" type="button" ?disabled=${this.value.length === 0} @click=${this.#onClear}>Clear</button>
      </div>
      ${this.#renderStatus()}
      <ul
        part="listbox"
        class="listbox"
        id="listbox"
        role="listbox"
        aria-multiselectable="true"
        aria-label=${this.label}
        aria-busy=${this.#list.status === 'loading' ? 'true' : 'false'}
        @click=${this.#onOptionClick}
      >
        ${options.map((option, index) =>
          optionTemplate({ index, label: option.label, chosen: this.#isChosen(option.value), active: index === this._active }),
        )}
      </ul>`;
  }

  #renderChips(): TemplateResult | typeof nothing {
    if (this.value.length === 0) return nothing;
    return chipsTemplate(
      this.value.map((v) => ({ label: this.labelOf(v) })),
      (i) => this.#remove(this.value[i]!),
      { label: 'Chosen' },
    );
  }

  #renderStatus(): TemplateResult {
    const { status, items } = this.#list;
    if (status === 'error') {
      return html`${listErrorTemplate('The options could not be listed.', this.#list.error, this.#onRetry)}
        <p id="list-status" class="visually-hidden" role="status">The options could not be listed.</p>`;
    }
    let text = '';
    let hidden = true;
    switch (status) {
      case 'idle':
        text = this.loader ? '' : 'No data source to list the options from.';
        hidden = !text;
        break;
      case 'loading':
        text = 'Loading options…';
        hidden = items.length > 0;
        break;
      case 'empty':
        text = this._search.trim() ? 'No matches' : 'No options to choose from';
        hidden = false;
        break;
      case 'data':
        text = plural(items.length, 'option');
        break;
    }
    return html`<p part="status" id="list-status" class="list-status ${hidden ? 'visually-hidden' : ''}" role="status">${text}</p>`;
  }

  #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#search');
  }

  #trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('.trigger');
  }

  #isChosen(value: OptionValue): boolean {
    const key = keyOf(value);
    return this.value.some((v) => keyOf(v) === key);
  }

  #ensureLoaded(): void {
    const { status } = this.#list;
    if (!this.#list.listedFor(this.loader, this._search) || status === 'error' || status === 'idle') void this.#list.load(this._search);
  }

  #setValue(values: OptionValue[]): void {
    this.value = values;
    emit<SelectionChangeDetail>(this, 'clv-selection-change', { values });
  }

  #toggle(option: SelectOption): void {
    const key = keyOf(option.value);
    this.#setValue(this.#isChosen(option.value) ? this.value.filter((v) => keyOf(v) !== key) : [...this.value, option.value]);
  }

  #remove(value: OptionValue): void {
    const key = keyOf(value);
    this.#setValue(this.value.filter((v) => keyOf(v) !== key));
    // The chip is gone: keep the focus in the popup.
    this.#input()?.focus();
  }

  #onTriggerClick = (): void => {
    if (this._open) this.close(true);
    else void this.show();
  };

  #onInput = (event: Event): void => {
    this._search = (event.target as HTMLInputElement).value;
    this._active = -1;
    this.#list.schedule(this._search);
  };

  #onSelectShown = (): void => {
    const added = this.#list.items.filter((o) => !this.#isChosen(o.value)).map((o) => o.value);
    if (added.length > 0) this.#setValue([...this.value, ...added]);
  };

  #onClear = (): void => {
    this.#setValue([]);
    this.#input()?.focus();
  };

  #onRetry = (): void => {
    void this.retry();
    this.#input()?.focus();
  };

  #onOptionClick = (event: MouseEvent): void => {
    const item = (event.target as Element).closest<HTMLElement>('[role=option]');
    const index = Number(item?.dataset.index);
    const option = this.#list.items[index];
    if (!option) return;
    this._active = index;
    this.#toggle(option);
  };

  /** Clicks on options and blank popup space must not take the focus from the search box. */
  #keepFocus = (event: MouseEvent): void => {
    const target = event.target as Element;
    if (!target.closest('input, button')) event.preventDefault();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (!this._open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    }
    if (event.composedPath()[0] !== this.#input()) return;
    const options = this.#list.items;
    const current = options[this._active];
    if (event.key === 'Enter' || (event.key === ' ' && current)) {
      // Space types into the search until an option is active.
      event.preventDefault();
      if (current) this.#toggle(current);
      return;
    }
    // Before an option is active, Home and End move the caret in the search box.
    if ((event.key === 'Home' || event.key === 'End') && (this._active < 0 || options.length === 0)) return;
    const next = listboxStep(event.key, this._active, options.length);
    if (next === undefined) return;
    event.preventDefault();
    this._active = next;
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && next !== this && !this.contains(next) && !this.renderRoot.contains(next)) this.close();
  };

  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.close();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-multi-select': ClvMultiSelect;
  }
  interface HTMLElementEventMap {
    'clv-selection-change': CustomEvent<SelectionChangeDetail>;
  }
}
