import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { grow, moveWidget, nudge, resizeWidget, type Direction, type LayoutItem } from '../../src/dashboards/layout.js';
import { GRID_COLUMNS, type Layout } from '../../src/dashboards/spec.js';
import { emit } from '../shared/events.js';
import { ResizeController } from '../shared/resize-controller.js';
import { dashboardGridStyles } from './dashboard-grid.styles.js';
import { cellAt, readingOrder, type Cell, type GridMetrics } from './grid-geometry.js';
import { layoutsOf, parseGridItems, sameLayouts, type GridItem, type ParsedGridItems } from './grid-items.js';
import { cancelledText, droppedText, HANDLE_HELP, layoutText, pickedUpText, type HandleKind } from './grid-messages.js';
import { PointerDragController, type DragPoint } from './pointer-drag.js';

export type { GridItem } from './grid-items.js';
export type { HandleKind } from './grid-messages.js';

/** Detail of `clv-layout-change`: every widget's layout after the change. */
export interface LayoutChangeDetail {
  items: LayoutItem[];
}

/** Below this container width (px) the view mode shows one column. */
export const STACK_BELOW = 640;
const DEFAULT_ROW_HEIGHT = 90;
const DEFAULT_GAP = 12;

const ARROWS: Partial<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** A move or resize in progress. */
interface Operation {
  kind: HandleKind;
  via: 'keyboard' | 'pointer';
  id: string;
  /** The layout when it began: Escape returns to it, and pointer previews start from it. */
  before: GridItem[];
  /** The layout shown now (committed on drop). */
  working: GridItem[];
  /** Pointer only: how far the pointer has come (px); a moved cell follows it. */
  offset: { x: number; y: number };
  /** Pointer only: the cell under the pointer when it went down. */
  startCell?: Cell;
}

const moveIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor">
  <circle cx="5" cy="3" r="1.4" /><circle cx="11" cy="3" r="1.4" />
  <circle cx="5" cy="8" r="1.4" /><circle cx="11" cy="8" r="1.4" />
  <circle cx="5" cy="13" r="1.4" /><circle cx="11" cy="13" r="1.4" />
</svg>`;

const resizeIcon = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
  <path d="M14 6 6 14M14 10.5 10.5 14" />
</svg>`;

/**
 * @summary Lays dashboard widgets out on a 12-column grid; in edit mode they are moved and resized by pointer or keyboard.
 * @tagname clv-dashboard-grid
 *
 * @slot <id> - The content of the widget with that id (a light-DOM child with `slot="<id>"`); a widget without content shows an empty cell.
 *
 * @event clv-layout-change - A move or resize was dropped and changed the layout; detail: `{items}`, every widget's `{id, layout}`.
 *
 * @csspart base - The grid.
 * @csspart cell - The box of one widget.
 * @csspart move-handle - The button that moves a widget (edit mode).
 * @csspart resize-handle - The button at a widget's bottom-right corner that resizes it (edit mode).
 * @csspart placeholder - Where the widget being moved or resized will land.
 * @csspart error - The list of items that could not be placed.
 *
 * @cssprop --clv-color-border - Outline of the cells and the handles in edit mode.
 * @cssprop --clv-color-accent - The placeholder, and the handle of the widget being moved.
 * @cssprop --clv-color-surface - Handle background.
 * @cssprop --clv-color-text-muted - Handle icons.
 * @cssprop --clv-color-danger - The error list.
 * @cssprop --clv-color-focus - The focus ring of the handles.
 */
export class ClvDashboardGrid extends LitElement {
  static override styles = dashboardGridStyles;

  static override properties = {
    items: { attribute: false },
    rowHeight: { type: Number, attribute: 'row-height' },
    gap: { type: Number },
    editing: { type: Boolean, reflect: true },
    _operation: { state: true },
    _announcement: { state: true },
  };

  /** The widgets: id (the slot name of the content), layout on the grid and title. Replaced after each committed change. */
  declare items: GridItem[];
  /** Height of one grid row in pixels. */
  declare rowHeight: number;
  /** Space between cells in pixels. */
  declare gap: number;
  /** Shows the move and resize handles. */
  declare editing: boolean;
  declare _operation: Operation | undefined;
  declare _announcement: string;

  #parsed: ParsedGridItems = { valid: [], problems: [] };
  /** The handle to keep focused once the DOM order follows a committed layout. */
  #refocus?: { id: string; kind: HandleKind };
  readonly #size = new ResizeController(this, () => this.requestUpdate());
  readonly #drag = new PointerDragController<{ id: string; kind: HandleKind }>(this, {
    move: (_drag, point) => this.#pointerMoved(point),
    drop: (drag, point) => {
      this.#pointerMoved(point);
      const operation = this._operation;
      if (operation) this.#commit(operation.working, drag.id, drag.kind);
    },
    cancel: () => this.#revert(),
  });

  constructor() {
    super();
    this.items = [];
    this.rowHeight = DEFAULT_ROW_HEIGHT;
    this.gap = DEFAULT_GAP;
    this.editing = false;
    this._operation = undefined;
    this._announcement = '';
  }

  /** True when the view shows one column (narrow container, not editing). */
  get stacked(): boolean {
    const width = this.#size.size.width;
    return !this.editing && width > 0 && width < STACK_BELOW;
  }

  get #rowHeight(): number {
    return Number.isFinite(this.rowHeight) && this.rowHeight > 0 ? this.rowHeight : DEFAULT_ROW_HEIGHT;
  }

  get #gap(): number {
    return Number.isFinite(this.gap) && this.gap >= 0 ? this.gap : DEFAULT_GAP;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items')) {
      this.#parsed = parseGridItems(this.items);
      // A layout from outside replaces whatever was being dragged.
      this.#abandon();
    }
    if (changed.has('editing') && !this.editing) this.#abandon();
  }

  protected override updated(): void {
    const refocus = this.#refocus;
    if (!refocus) return;
    this.#refocus = undefined;
    const handle = this.#handle(refocus.id, refocus.kind);
    if (handle && this.shadowRoot?.activeElement !== handle) handle.focus();
  }

  #handle(id: string, kind: HandleKind): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`.cell[data-id="${CSS.escape(id)}"] [part~='${kind}-handle']`);
  }

  #label(id: string): string {
    return this.#parsed.valid.find((item) => item.id === id)?.label ?? id;
  }

  #layoutIn(items: readonly GridItem[], id: string): Layout | undefined {
    return items.find((item) => item.id === id)?.layout;
  }

  #metrics(): GridMetrics | undefined {
    const grid = this.renderRoot.querySelector<HTMLElement>('[part~=base]');
    if (!grid) return undefined;
    return { box: grid.getBoundingClientRect(), columns: GRID_COLUMNS, rowHeight: this.#rowHeight, gap: this.#gap };
  }

  /** Drops an operation without a word (the items or the mode changed under it). */
  #abandon(): void {
    const operation = this._operation;
    this._operation = undefined;
    if (operation?.via === 'pointer') this.#drag.cancel();
  }

  /** Puts the layout back as it was before the operation and says so. */
  #revert(): void {
    const operation = this._operation;
    if (!operation) return;
    this._operation = undefined;
    const layout = this.#layoutIn(operation.before, operation.id);
    if (layout) this._announcement = cancelledText(operation.kind, this.#label(operation.id), layout);
  }

  #commit(next: GridItem[], id: string, kind: HandleKind): void {
    const via = this._operation?.via;
    this._operation = undefined;
    this.#refocus = { id, kind };
    const unchanged = sameLayouts(next, this.#parsed.valid);
    const layout = this.#layoutIn(next, id);
    // A plain click on a handle is a drag that went nowhere: nothing to say.
    if (layout && (via === 'keyboard' || !unchanged)) this._announcement = droppedText(kind, this.#label(id), layout);
    if (unchanged) return;
    const placed = new Map(next.map((item) => [item.id, item.layout]));
    // Keep whatever else the caller put on its items; only layouts change.
    this.items = this.items.map((item) => {
      const changed = placed.get(item.id);
      return changed ? { ...item, layout: { ...changed } } : item;
    });
    emit<LayoutChangeDetail>(this, 'clv-layout-change', { items: layoutsOf(next) });
  }

  #onPointerDown(event: PointerEvent, id: string, kind: HandleKind): void {
    if (this._operation?.via === 'keyboard') this.#revert();
    const metrics = this.#metrics();
    if (!metrics || this._operation || !this.#drag.begin(event, { id, kind })) return;
    const before = this.#parsed.valid;
    this._operation = {
      kind,
      via: 'pointer',
      id,
      before,
      working: before,
      offset: { x: 0, y: 0 },
      startCell: cellAt(metrics, event.clientX, event.clientY),
    };
  }

  /** The preview follows the cell under the pointer: the widget moves (or its corner goes) as many cells as the pointer has. */
  #pointerMoved(point: DragPoint): void {
    const operation = this._operation;
    const metrics = this.#metrics();
    const origin = operation && this.#layoutIn(operation.before, operation.id);
    if (!operation?.startCell || !metrics || !origin) return;
    const cell = cellAt(metrics, point.clientX, point.clientY);
    const dx = cell.col - operation.startCell.col;
    const dy = cell.row - operation.startCell.row;
    const working =
      operation.kind === 'move'
        ? moveWidget(operation.before, operation.id, { x: origin.x + dx, y: origin.y + dy })
        : resizeWidget(operation.before, operation.id, { w: origin.w + dx, h: origin.h + dy });
    this._operation = {
      ...operation,
      working: sameLayouts(working, operation.working) ? operation.working : working,
      offset: { x: point.clientX - point.startX, y: point.clientY - point.startY },
    };
  }

  /**
   * Space and Enter on a button click it with detail 0, as do screen readers' own activation
   * commands; a pointer click (detail ≥ 1) only ends a drag, which the pointer handlers own.
   */
  #onHandleClick(event: MouseEvent, id: string, kind: HandleKind): void {
    if (event.detail !== 0) return;
    const operation = this._operation;
    if (operation?.via === 'keyboard' && operation.id === id && operation.kind === kind) {
      this.#commit(operation.working, id, kind);
      return;
    }
    if (operation) this.#revert();
    const before = this.#parsed.valid;
    this._operation = { kind, via: 'keyboard', id, before, working: before, offset: { x: 0, y: 0 } };
    this._announcement = pickedUpText(kind, this.#label(id));
  }

  #onHandleKeyDown(event: KeyboardEvent, id: string, kind: HandleKind): void {
    const operation = this._operation;
    if (operation?.via !== 'keyboard' || operation.id !== id || operation.kind !== kind) return;
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const working = kind === 'move' ? nudge(operation.working, id, direction) : grow(operation.working, id, direction);
      this._operation = { ...operation, working };
      const layout = this.#layoutIn(working, id);
      if (layout) this._announcement = layoutText(kind, this.#label(id), layout);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#revert();
    }
  }

  /** Leaving a picked-up handle (Tab, a click elsewhere) puts the widget back. */
  #onHandleBlur(id: string, kind: HandleKind): void {
    const operation = this._operation;
    if (operation?.via === 'keyboard' && operation.id === id && operation.kind === kind) this.#revert();
  }

  protected override render(): TemplateResult {
    const operation = this._operation;
    const stacked = this.stacked;
    const shown = new Map((operation?.working ?? this.#parsed.valid).map((item) => [item.id, item.layout]));
    const base = {
      base: true,
      'base--stacked': stacked,
      'base--editing': this.editing,
      'base--dragging': operation?.via === 'pointer',
    };
    const gridStyle = { '--columns': String(GRID_COLUMNS), '--row-height': `${this.#rowHeight}px`, '--gap': `${this.#gap}px` };
    const target = operation && shown.get(operation.id);
    // DOM order is the reading order of the committed layout, so it stays put while a widget is dragged.
    return html`<div part="base" class=${classMap(base)} style=${styleMap(gridStyle)}>
        ${repeat(
          readingOrder(this.#parsed.valid),
          (item) => item.id,
          (item) => this.#renderCell(item, shown.get(item.id) ?? item.layout, stacked),
        )}
        ${target && this.editing
          ? html`<div part="placeholder" class="placeholder" aria-hidden="true" style=${styleMap(this.#placement(target))}></div>`
          : nothing}
      </div>
      ${this.#parsed.problems.length
        ? html`<div part="error" class="error" role="alert">
            Some widgets could not be placed:
            <ul>
              ${this.#parsed.problems.map((problem) => html`<li>${problem}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.editing
        ? html`<span id="move-help" class="visually-hidden">${HANDLE_HELP.move}</span>
            <span id="resize-help" class="visually-hidden">${HANDLE_HELP.resize}</span>`
        : nothing}
      <span class="visually-hidden" role="status">${this._announcement}</span>`;
  }

  #placement(layout: Layout): Record<string, string> {
    return { 'grid-column': `${layout.x + 1} / span ${layout.w}`, 'grid-row': `${layout.y + 1} / span ${layout.h}` };
  }

  #renderCell(item: GridItem, layout: Layout, stacked: boolean): TemplateResult {
    const operation = this._operation?.id === item.id ? this._operation : undefined;
    // A moved cell keeps its place and follows the pointer; the placeholder shows where it lands.
    const following = operation?.via === 'pointer' && operation.kind === 'move';
    const origin = following ? (this.#layoutIn(operation.before, item.id) ?? layout) : layout;
    const style = stacked
      ? { height: `${layout.h * this.#rowHeight}px` }
      : {
          ...this.#placement(origin),
          transform: following ? `translate(${operation.offset.x}px, ${operation.offset.y}px)` : undefined,
        };
    const classes = {
      cell: true,
      'cell--editing': this.editing,
      'cell--active': !!operation,
      'cell--dragging': following,
    };
    return html`<div
      part="cell"
      class=${classMap(classes)}
      data-id=${item.id}
      role=${this.editing ? 'group' : nothing}
      aria-label=${this.editing && item.label ? item.label : nothing}
      style=${styleMap(style)}
    >
      <slot name=${item.id}></slot>
      ${this.editing ? [this.#renderHandle(item, 'move', operation), this.#renderHandle(item, 'resize', operation)] : nothing}
    </div>`;
  }

  #renderHandle(item: GridItem, kind: HandleKind, operation: Operation | undefined): TemplateResult {
    const pressed = operation?.kind === kind;
    return html`<button
      type="button"
      part="${kind}-handle"
      class="handle handle--${kind}"
      aria-label="${kind === 'move' ? 'Move' : 'Resize'} ${item.label}"
      aria-describedby="${kind}-help"
      aria-pressed=${pressed ? 'true' : 'false'}
      @pointerdown=${(event: PointerEvent) => this.#onPointerDown(event, item.id, kind)}
      @click=${(event: MouseEvent) => this.#onHandleClick(event, item.id, kind)}
      @keydown=${(event: KeyboardEvent) => this.#onHandleKeyDown(event, item.id, kind)}
      @blur=${() => this.#onHandleBlur(item.id, kind)}
    >
      ${kind === 'move' ? moveIcon : resizeIcon}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-dashboard-grid': ClvDashboardGrid;
  }
  interface HTMLElementEventMap {
    'clv-layout-change': CustomEvent<LayoutChangeDetail>;
  }
}
