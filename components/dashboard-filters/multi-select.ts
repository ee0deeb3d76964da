import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../shared/events.js';
import { plural } from '../shared/format.js';
import { raceAbort, toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { multiSelectStyles } from './multi-select.styles.js';
import { keyOf, summarizeChoice, type OptionLoader, type OptionValue, type SelectOption } from './options.js';

/** What the options list shows: idle (nothing asked yet), loading, error, empty or data. */
export type OptionsStatus = 'idle' | 'loading' | 'error' | 'empty' | 'data';

/** Detail of `clv-selection-change`: the chosen values, in the order they were chosen. */
export interface SelectionChangeDetail {
  values: OptionValue[];
}

/** Wait after the last keystroke before the options are asked for again. */
const DEFAULT_SEARCH_DELAY = 200;

const checkIcon = svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

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
    _options: { state: true },
    _status: { state: true },
    _error: { state: true },
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
  declare _options: SelectOption[];
  declare _status: OptionsStatus;
  declare _error: DisplayError | undefined;
  /** Index of the option the arrow keys point at, -1 for none. */
  declare _active: number;

  /** Labels of every value seen in an options list, so chosen values keep their labels when filtered out. */
  readonly #labels = new Map<string, string>();
  #controller?: AbortController;
  #loadedFor?: { loader: OptionLoader; search: string };
  /** The debounce timer or load in flight; `settled()` waits for it. */
  #waiting?: Promise<void>;
  #cancelTimer?: () => void;

  constructor() {
    super();
    this.label = '';
    this.value = [];
    this.loader = undefined;
    this.searchDelay = DEFAULT_SEARCH_DELAY;
    this._open = false;
    this._search = '';
    this._options = [];
    this._status = 'idle';
    this._error = undefined;
    this._active = -1;
  }

  /** Whether the popup is open. */
  get open(): boolean {
    return this._open;
  }

  /** The state of the options list. */
  get status(): OptionsStatus {
    return this._status;
  }

  /** The options listed now (for the current search). */
  get options(): readonly SelectOption[] {
    return this._options;
  }

  /** The error of the last listing, in the error state. */
  get error(): DisplayError | undefined {
    return this._error;
  }

  /** The label shown for a value: the one its option had, else the value itself. */
  labelOf(value: OptionValue): string {
    return this.#labels.get(keyOf(value)) ?? String(value);
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
    return this.#load(this._search);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
    if (this.#controller || this.#cancelTimer) {
      this.#cancelPending();
      // An interrupted listing is started again when the popup next opens.
      this.#loadedFor = undefined;
      if (this._status === 'loading') this._status = 'idle';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && !Array.isArray(this.value)) this.value = [];
    if (changed.has('loader') && this.hasUpdated) {
      // Another source: its options replace the old ones, now if the popup is open, else on opening.
      this.#cancelPending();
      this.#loadedFor = undefined;
      this._options = [];
      this._status = 'idle';
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
    const active = this._active >= 0 && this._active < this._options.length ? `option-${this._active}` : nothing;
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
        <button class="link-button" type="button" ?disabled=${this._options.length === 0} @click=${this.#onSelectShown}>Select all shown</button>
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
        aria-busy=${this._status === 'loading' ? 'true' : 'false'}
        @click=${this.#onOptionClick}
      >
        ${this._options.map((option, i) => this.#renderOption(option, i))}
      </ul>`;
  }

  #renderOption(option: SelectOption, index: number): TemplateResult {
    const chosen = this.#isChosen(option.value);
    return html`<li
      part=${chosen ? 'option option-selected' : 'option'}
      class="option ${index === this._active ? 'option--active' : ''}"
      id="option-${index}"
      role="option"
      aria-selected=${chosen ? 'true' : 'false'}
      data-index=${index}
    >
      <span class="check ${chosen ? 'check--on' : ''}">${chosen ? checkIcon : nothing}</span>
      <span class="option__label">${option.label}</span>
    </li>`;
  }

  #renderChips(): TemplateResult | typeof nothing {
    if (this.value.length === 0) return nothing;
    return html`<ul part="chips" class="chips" aria-label="Chosen">
      ${this.value.map((v) => {
        const label = this.labelOf(v);
        return html`<li part="chip" class="chip">
          <span>${label}</span>
          <button part="chip-remove" class="chip__remove" type="button" aria-label="Remove ${label}" @click=${() => this.#remove(v)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #renderStatus(): TemplateResult {
    if (this._status === 'error') {
      const error = this._error ?? { message: 'Unknown error.', code: 'error' };
      return html`<div part="error" class="error" role="alert">
          <p class="error__title">The options could not be listed.</p>
          <p part="error-message" class="error__message">${error.message}</p>
          <button part="retry-button" class="button" type="button" @click=${this.#onRetry}>Retry</button>
        </div>
        <p id="list-status" class="visually-hidden" role="status">The options could not be listed.</p>`;
    }
    let text = '';
    let hidden = true;
    switch (this._status) {
      case 'idle':
        text = this.loader ? '' : 'No data source to list the options from.';
        hidden = !text;
        break;
      case 'loading':
        text = 'Loading options…';
        hidden = this._options.length > 0;
        break;
      case 'empty':
        text = this._search.trim() ? 'No matches' : 'No options to choose from';
        hidden = false;
        break;
      case 'data':
        text = plural(this._options.length, 'option');
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
    const loaded = this.#loadedFor;
    const current = loaded && loaded.loader === this.loader && loaded.search === this._search;
    if (!current || this._status === 'error' || this._status === 'idle') void this.#load(this._search);
  }

  #cancelPending(): void {
    this.#cancelTimer?.();
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #load(search: string): Promise<void> {
    this.#cancelPending();
    const loader = this.loader;
    if (!loader) {
      this._status = 'idle';
      return Promise.resolve();
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#loadedFor = { loader, search };
    this._status = 'loading';
    this._error = undefined;
    const run = (async () => {
      try {
        const options = await raceAbort(
          Promise.resolve().then(() => loader(search, controller.signal)),
          controller.signal,
        );
        if (controller.signal.aborted) return;
        for (const o of options) this.#labels.set(keyOf(o.value), o.label);
        this._options = options;
        this._status = options.length > 0 ? 'data' : 'empty';
        this._active = -1;
        // Labels learnt from the options may change the button text.
        this.requestUpdate();
      } catch (error) {
        if (controller.signal.aborted) return;
        this._options = [];
        this._active = -1;
        this._error = toDisplayError(error);
        this._status = 'error';
      } finally {
        if (this.#controller === controller) this.#controller = undefined;
      }
    })();
    this.#track(run);
    return run;
  }

  /** Lists the options for `search` after the search delay; a newer keystroke restarts the wait. */
  #schedule(search: string): void {
    this.#cancelPending();
    // The previous listing is stale as soon as the search changes.
    if (this._status === 'data' || this._status === 'empty') this._status = 'loading';
    const wait = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#cancelTimer = undefined;
        resolve();
        void this.#load(search);
      }, Math.max(0, this.searchDelay));
      this.#cancelTimer = () => {
        clearTimeout(timer);
        this.#cancelTimer = undefined;
        resolve();
      };
    });
    this.#track(wait);
  }

  #track(promise: Promise<void>): void {
    this.#waiting = promise;
    void promise.finally(() => {
      if (this.#waiting === promise) this.#waiting = undefined;
    });
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
    this.#schedule(this._search);
  };

  #onSelectShown = (): void => {
    const added = this._options.filter((o) => !this.#isChosen(o.value)).map((o) => o.value);
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
    const option = this._options[index];
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
    const count = this._options.length;
    let next = this._active;
    switch (event.key) {
      case 'ArrowDown':
        next = count === 0 ? -1 : Math.min(count - 1, this._active + 1);
        break;
      case 'ArrowUp':
        next = count === 0 ? -1 : this._active < 0 ? count - 1 : Math.max(0, this._active - 1);
        break;
      case 'Home':
        // Before an option is active, Home and End move the caret in the search box.
        if (this._active < 0 || count === 0) return;
        next = 0;
        break;
      case 'End':
        if (this._active < 0 || count === 0) return;
        next = count - 1;
        break;
      case 'Enter':
        event.preventDefault();
        if (this._options[this._active]) this.#toggle(this._options[this._active]);
        return;
      case ' ':
        // Space types into the search until an option is active.
        if (!this._options[this._active]) return;
        event.preventDefault();
        this.#toggle(this._options[this._active]);
        return;
      default:
        return;
    }
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
