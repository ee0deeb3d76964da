import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { searchAttributes, type ComposerAttribute } from '../../src/composer/attributes.js';
import { CHANNEL_LABELS } from '../../src/composer/explain.js';
import { emptyComposerState, fieldKey, type ComposerState } from '../../src/composer/state.js';
import { MARK_CHANNELS, markChannels, type EncodingChannel } from '../../src/widgets/spec.js';
import { emit } from '../shared/events.js';
import { MenuController, type MenuFocus } from '../shared/menu-controller.js';
import { KIND_LABELS, kindIcon, startAttributeDrag, typeLabel } from './attribute-drag.js';
import { requestAction, type EditFilterDetail, type PickupDetail } from './composer-events.js';
import { railStyles } from './rail.styles.js';

/** A heading and its attributes, in rail order. */
interface AttributeGroup {
  id: string;
  title: string;
  attributes: ComposerAttribute[];
}

interface MenuItem {
  /** `data-target`: a channel, `filter` or `field`. */
  target: EncodingChannel | 'filter' | 'field';
  label: string;
  /** A second line: what the choice does. */
  hint?: string;
  /** The attribute is on this channel already. */
  current?: boolean;
  /** Why the item cannot be chosen; it is shown disabled. */
  reason?: string;
  separatorBefore?: boolean;
  run: () => void;
}

/**
 * The rail's groups: the base table's own attributes, then those of each table reached through
 * lookups (nearest first, as tableAttributes lists them), then the measures. SQL result columns
 * (no table) form one group.
 */
export function groupAttributes(attributes: readonly ComposerAttribute[]): AttributeGroup[] {
  const own: ComposerAttribute[] = [];
  const measures: ComposerAttribute[] = [];
  const lookups = new Map<string, AttributeGroup>();
  for (const a of attributes) {
    if (a.kind === 'measure') measures.push(a);
    else if (a.path.length === 0) own.push(a);
    else {
      const id = `lookup-${lookups.size}`;
      const key = `${a.table}|${a.path.join('.')}`;
      let group = lookups.get(key);
      if (!group) lookups.set(key, (group = { id, title: `${a.tableTitle} (via ${a.path.join(', ')})`, attributes: [] }));
      group.attributes.push(a);
    }
  }
  const groups: AttributeGroup[] = [];
  const base = own[0] ?? measures[0];
  if (own.length) groups.push({ id: 'own', title: base?.table ? base.tableTitle : 'Result columns', attributes: own });
  groups.push(...lookups.values());
  if (measures.length) groups.push({ id: 'measures', title: 'Measures', attributes: measures });
  return groups;
}

const isTextEntry = (event: KeyboardEvent) => event.ctrlKey || event.metaKey || event.altKey;

/**
 * @summary The composer's attribute rail: searchable attributes, each placed on a channel or a filter from its menu or by drag and drop (pointer or keyboard).
 * @tagname clv-composer-attribute-rail
 *
 * Rows are one tab stop (arrow keys, Home and End move between them); Enter opens a row's menu and
 * Space picks the attribute up to drop on a shelf from the keyboard.
 *
 * @event clv-composer-action - A change to the composer state: `assign` (with granularity `month` for a time attribute) or `addField`.
 * @event clv-composer-edit-filter - "Filter…" was chosen; detail: `{attribute}`.
 * @event clv-composer-pickup - Space picked an attribute up (`{attribute: key}`), or Escape / Space again put it down (`{attribute: undefined}`).
 *
 * @csspart search - The search box.
 * @csspart count - How many attributes the search matches.
 * @csspart group - One group of attributes (base table, a lookup table, measures).
 * @csspart group-title - A group's heading.
 * @csspart attribute - One attribute row (draggable); the carried one also has part `attribute-carried`.
 * @csspart attribute-menu-button - The button that opens a row's menu.
 * @csspart menu - The menu of placements (a popover).
 * @csspart menu-item - One placement in the menu.
 * @csspart empty - The message when there are no attributes or none matches.
 *
 * @cssprop --clv-color-accent - The carried row and the current placement.
 * @cssprop --clv-color-surface-raised - Hovered rows and menu items.
 * @cssprop --clv-color-border - Search box, menu and row borders.
 * @cssprop --clv-color-category-1 - Dimension icons.
 * @cssprop --clv-color-category-3 - Time icons.
 * @cssprop --clv-color-category-4 - Measure icons.
 */
export class ClvComposerAttributeRail extends LitElement {
  static override styles = railStyles;

  static override properties = {
    available: { attribute: false },
    state: { attribute: false },
    carrying: {},
    _search: { state: true },
    _active: { state: true },
    _menuFor: { state: true },
    _announcement: { state: true },
    _dragging: { state: true },
  };

  /** What can be placed: stateAttributes(state, model). */
  declare available: readonly ComposerAttribute[];
  declare state: ComposerState;
  /** The attribute picked up from the keyboard, while one is carried. */
  declare carrying: string | undefined;
  declare _search: string;
  /** The row that holds the rail's tab stop. */
  declare _active: string | undefined;
  /** The attribute whose menu is open. */
  declare _menuFor: string | undefined;
  declare _announcement: string;
  /** The row being dragged with the pointer. */
  declare _dragging: string | undefined;

  #items: MenuItem[] = [];
  #menu = new MenuController(this, {
    menu: () => this.renderRoot.querySelector<HTMLElement>('[role=menu]'),
    button: () => (this._menuFor ? this.#menuButton(this._menuFor) : null),
    align: 'start',
    labels: () => this.#items.map((i) => i.label),
    close: (returnFocus) => this.#closeMenu(returnFocus),
  });

  constructor() {
    super();
    this.available = [];
    this.state = emptyComposerState();
    this.carrying = undefined;
    this._search = '';
    this._active = undefined;
    this._menuFor = undefined;
    this._announcement = '';
  }

  /** The search text. */
  get search(): string {
    return this._search;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._menuFor = undefined;
  }

  #shown(): ComposerAttribute[] {
    return searchAttributes(this.available ?? [], this._search);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('available') && this._menuFor && !(this.available ?? []).some((a) => a.key === this._menuFor)) this._menuFor = undefined;
    // The tab stop stays on a row that is shown.
    const shown = this.#shown();
    if (this._active === undefined || !shown.some((a) => a.key === this._active)) this._active = shown[0]?.key;
  }

  // ------------------------------------------------------------------ keyboard drag

  #say(text: string): void {
    // Cleared first so the same words are announced again.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  #pickUp(a: ComposerAttribute): void {
    this.#say(`Picked up ${a.label}. Move to a shelf and press Enter to drop, Escape to cancel.`);
    emit<PickupDetail>(this, 'clv-composer-pickup', { attribute: a.key });
  }

  #putDown(): void {
    const label = (this.available ?? []).find((a) => a.key === this.carrying)?.label;
    this.#say(label ? `${label} put back.` : 'Cancelled.');
    emit<PickupDetail>(this, 'clv-composer-pickup', { attribute: undefined });
  }

  // ------------------------------------------------------------------ menu

  #channelsOf(key: string): EncodingChannel[] {
    const encodings = this.state?.encodings ?? {};
    return (Object.keys(encodings) as EncodingChannel[]).filter((c) => encodings[c]?.attribute === key);
  }

  #labelOf(key: string): string {
    return (this.available ?? []).find((a) => a.key === key)?.label ?? key;
  }

  #buildItems(a: ComposerAttribute): MenuItem[] {
    const state = this.state ?? emptyComposerState();
    const rule = MARK_CHANNELS[state.mark];
    const guided = state.mode === 'guided';
    const items: MenuItem[] = markChannels(state.mark).map((channel) => {
      const placed = state.encodings[channel];
      const current = placed?.attribute === a.key;
      const hint = current ? 'It is here now' : placed ? `Replaces ${this.#labelOf(placed.attribute)}` : rule.purpose[channel];
      return {
        target: channel,
        label: CHANNEL_LABELS[channel],
        ...(hint ? { hint } : {}),
        current,
        run: () => requestAction(this, { type: 'assign', channel, attribute: a.key, ...(a.kind === 'time' && guided ? { granularity: 'month' as const } : {}) }),
      };
    });
    if (guided) {
      items.push({
        target: 'filter',
        label: 'Filter…',
        hint: 'Keep only some rows',
        separatorBefore: items.length > 0,
        run: () => emit<EditFilterDetail>(this, 'clv-composer-edit-filter', { attribute: a.key }),
      });
      const table = state.mark === 'table';
      const inQuery = state.fields.some((f) => fieldKey(f) === a.key);
      items.push({
        target: 'field',
        label: table ? 'Add as column' : 'Add to query without a channel',
        ...(inQuery ? { reason: table ? 'It is a column already' : 'It is in the query already' } : { hint: table ? 'Show it in the table' : 'Shown in tooltips' }),
        run: () => requestAction(this, { type: 'addField', attribute: a.key }),
      });
    }
    return items;
  }

  #openMenu(key: string, focus: MenuFocus): void {
    this.#menu.focusOnOpen(focus, this._menuFor === key);
    this._active = key;
    this._menuFor = key;
  }

  #closeMenu(returnFocus: boolean): void {
    const key = this._menuFor;
    this._menuFor = undefined;
    if (returnFocus && key) this.#menuButton(key)?.focus();
  }

  #row(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-attribute="${CSS.escape(key)}"]`);
  }

  #menuButton(key: string): HTMLButtonElement | null {
    return this.#row(key)?.querySelector<HTMLButtonElement>('[part~=attribute-menu-button]') ?? null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_menuFor')) this.#menu.sync(Boolean(this._menuFor));
  }

  // ------------------------------------------------------------------ events

  #onSearch = (event: Event): void => {
    this._search = (event.target as HTMLInputElement).value;
    this._active = undefined;
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.#focusRow(0);
    }
  };

  #rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-attribute]')];
  }

  /** Focuses row `index` of those shown; negative counts from the end. */
  #focusRow(index: number): void {
    const rows = this.#rows();
    const row = rows.at(Math.max(-rows.length, Math.min(index, rows.length - 1)));
    if (!row) return;
    this._active = row.dataset.attribute;
    row.focus();
  }

  #onRowFocusIn = (event: FocusEvent): void => {
    const row = (event.currentTarget as HTMLElement).dataset.attribute;
    if (row !== undefined) this._active = row;
  };

  #onRowKeydown = (event: KeyboardEvent): void => {
    const row = event.currentTarget as HTMLElement;
    if (event.target !== row || isTextEntry(event)) return;
    const key = row.dataset.attribute!;
    const rows = this.#rows();
    const at = rows.indexOf(row);
    const a = (this.available ?? []).find((x) => x.key === key);
    switch (event.key) {
      case ' ':
        event.preventDefault();
        if (!a) return;
        if (this.carrying === key) this.#putDown();
        else this.#pickUp(a);
        return;
      case 'Enter':
        event.preventDefault();
        this.#openMenu(key, 'first');
        return;
      case 'ArrowDown':
        event.preventDefault();
        this.#focusRow(at + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (at === 0) this.renderRoot.querySelector<HTMLInputElement>('[part~=search]')?.focus();
        else this.#focusRow(at - 1);
        return;
      case 'Home':
        event.preventDefault();
        this.#focusRow(0);
        return;
      case 'End':
        event.preventDefault();
        this.#focusRow(rows.length - 1);
        return;
    }
  };

  /** Escape anywhere in the rail (outside an open menu, which handles its own) puts a carried attribute down. */
  #onRailKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.carrying === undefined || event.defaultPrevented) return;
    event.preventDefault();
    this.#putDown();
  };

  #onMenuButtonClick = (event: Event): void => {
    const key = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-attribute]')!.dataset.attribute!;
    if (this._menuFor === key) this.#closeMenu(false);
    else this.#openMenu(key, 'first');
  };

  #onMenuButtonKeydown = (event: KeyboardEvent): void => {
    const focus = this.#menu.buttonKey(event);
    if (!focus) return;
    const key = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-attribute]')!.dataset.attribute!;
    this.#openMenu(key, focus);
  };

  #onItemClick = (event: Event): void => {
    const target = (event.currentTarget as HTMLElement).dataset.target;
    const item = this.#items.find((i) => i.target === target);
    if (!item || item.reason) return;
    this.#closeMenu(true);
    item.run();
  };

  #onDragStart = (event: DragEvent): void => {
    const row = event.currentTarget as HTMLElement;
    const key = row.dataset.attribute!;
    this._menuFor = undefined;
    this._dragging = key;
    startAttributeDrag(event, key);
  };

  #onDragEnd = (): void => {
    this._dragging = undefined;
  };

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const all = this.available ?? [];
    const shown = this.#shown();
    const groups = groupAttributes(shown);
    const open = this._menuFor ? all.find((a) => a.key === this._menuFor) : undefined;
    this.#items = open ? this.#buildItems(open) : [];
    return html`<div class="rail" @keydown=${this.#onRailKeydown}>
      <div class="search">
        <label class="visually-hidden" for="search">Search attributes</label>
        <svg class="search__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
          <path d="M10.5 10.5l3.5 3.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"></path>
        </svg>
        <input
          part="search"
          class="search__input"
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder="Search attributes"
          aria-describedby="count"
          .value=${this._search}
          @input=${this.#onSearch}
          @keydown=${this.#onSearchKeydown}
        />
      </div>
      <p part="count" class="count" id="count">${this.#countText(all.length, shown.length)}</p>
      ${all.length === 0
        ? html`<p part="empty" class="empty">${this.state?.mode === 'sql' ? 'Run the query: its columns are listed here.' : 'Choose a table: its attributes are listed here.'}</p>`
        : shown.length === 0
          ? html`<p part="empty" class="empty">No attribute matches “${this._search.trim()}”.</p>`
          : groups.map((g) => this.#renderGroup(g))}
      <p class="visually-hidden" id="row-help">Space picks it up to drop on a shelf; Enter opens its menu.</p>
      <div class="visually-hidden" role="status" part="announcer">${this._announcement}</div>
      <div
        part="menu"
        class="menu"
        id="attribute-menu"
        role="menu"
        aria-label=${open ? `Place ${open.label}` : 'Place attribute'}
        popover="manual"
        @keydown=${this.#menu.onMenuKeydown}
      >
        ${this.#items.map((item) => this.#renderItem(item))}
      </div>
    </div>`;
  }

  #countText(total: number, shown: number): string {
    if (total === 0) return 'No attributes';
    if (shown === total) return total === 1 ? '1 attribute' : `${total} attributes`;
    return `${shown} of ${total} attributes`;
  }

  #renderGroup(g: AttributeGroup): TemplateResult {
    return html`<section part="group" class="group" aria-labelledby="group-${g.id}">
      <h3 part="group-title" class="group__title" id="group-${g.id}">${g.title}</h3>
      <ul class="list" role="list">
        ${g.attributes.map((a) => this.#renderRow(a))}
      </ul>
    </section>`;
  }

  #renderRow(a: ComposerAttribute): TemplateResult {
    const carried = this.carrying === a.key;
    const active = this._active === a.key;
    const placed = this.#channelsOf(a.key).map((c) => CHANNEL_LABELS[c]);
    if (this.state?.mark === 'table' && this.state.fields.some((f) => f.member === a.key)) placed.push('Column');
    const open = this._menuFor === a.key;
    const tip = a.description ? `${a.label}: ${a.description}` : `${a.label} (${a.key})`;
    return html`<li
      part=${carried ? 'attribute attribute-carried' : 'attribute'}
      class="row ${carried ? 'row--carried' : ''} ${this._dragging === a.key ? 'row--dragging' : ''}"
      data-attribute=${a.key}
      data-kind=${a.kind}
      draggable="true"
      tabindex=${active ? '0' : '-1'}
      title=${tip}
      aria-describedby="row-help"
      @focusin=${this.#onRowFocusIn}
      @keydown=${this.#onRowKeydown}
      @dragstart=${this.#onDragStart}
      @dragend=${this.#onDragEnd}
    >
      <span class="row__kind">${kindIcon(a.kind)}<span class="visually-hidden">${KIND_LABELS[a.kind]}:</span></span>
      <span class="row__text">
        <span class="row__label">${a.label}</span>
        <span class="row__type">${typeLabel(a)}${a.description ? html`<span class="visually-hidden">. ${a.description}</span>` : nothing}</span>
      </span>
      ${placed.length ? html`<span class="row__placed"><span class="visually-hidden">in use: </span>${placed.join(', ')}</span>` : nothing}
      ${carried ? html`<span class="row__carried">Picked up</span>` : nothing}
      <button
        part="attribute-menu-button"
        class="row__menu-button"
        type="button"
        tabindex=${active ? '0' : '-1'}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'attribute-menu' : nothing}
        aria-label="Place ${a.label}"
        title="Place ${a.label}"
        @click=${this.#onMenuButtonClick}
        @keydown=${this.#onMenuButtonKeydown}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 3v10M3 8h10" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"></path></svg>
      </button>
    </li>`;
  }

  #renderItem(item: MenuItem): TemplateResult {
    return html`${item.separatorBefore ? html`<div role="separator" class="separator"></div>` : nothing}
      <button
        part="menu-item"
        class=${item.current ? 'item item--current' : 'item'}
        type="button"
        role="menuitem"
        tabindex="-1"
        data-target=${item.target}
        aria-disabled=${item.reason ? 'true' : 'false'}
        @click=${this.#onItemClick}
      >
        <span class="item__label">${item.label}${item.current ? html`<span class="item__check" aria-hidden="true">✓</span>` : nothing}</span>
        ${item.reason || item.hint ? html`<span class="item__hint">${item.reason ?? item.hint}</span>` : nothing}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-attribute-rail': ClvComposerAttributeRail;
  }
}
