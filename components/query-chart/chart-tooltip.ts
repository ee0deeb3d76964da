import type { SceneBounds } from '../shared/vega-scene.js';

/**
 * The chart's tooltip, drawn inside the component's shadow root (vega's default tooltip handler
 * appends to document.body and styles through document.head, which shadow DOM styles cannot reach).
 * Content is set as text, never as HTML.
 */
export interface TooltipField {
  label: string;
  value: string;
}

export class ChartTooltip {
  readonly #element: () => HTMLElement | null;

  constructor(element: () => HTMLElement | null) {
    this.#element = element;
  }

  /**
   * Shows `fields` near (x, y), given in pixels relative to the tooltip's offset parent, kept inside it:
   * below and right of a pointer, or above a mark chosen with the keyboard (so it does not cover it).
   */
  show(fields: TooltipField[], x: number, y: number, placement: 'pointer' | 'above' = 'pointer'): void {
    const el = this.#element();
    if (!el) return;
    const rows = fields.map(({ label, value }) => {
      const row = document.createElement('div');
      row.className = 'tooltip__row';
      const key = document.createElement('span');
      key.className = 'tooltip__label';
      key.textContent = label;
      const val = document.createElement('span');
      val.className = 'tooltip__value';
      val.textContent = value;
      row.append(key, val);
      return row;
    });
    el.replaceChildren(...rows);
    el.hidden = false;
    const parent = el.offsetParent as HTMLElement | null;
    const maxX = (parent?.clientWidth ?? Infinity) - el.offsetWidth - 4;
    const gap = 12;
    const maxY = (parent?.clientHeight ?? Infinity) - el.offsetHeight - 4;
    let left: number;
    let top: number;
    if (placement === 'above') {
      left = Math.min(Math.max(4, x - el.offsetWidth / 2), maxX);
      top = y - gap / 2 - el.offsetHeight;
      if (top < 4) top = Math.min(y + gap, maxY);
    } else {
      left = x + gap;
      if (left > maxX) left = Math.max(4, x - gap - el.offsetWidth);
      top = y + gap;
      if (top > maxY) top = Math.max(4, y - gap - el.offsetHeight);
    }
    el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /** Shows `fields` near the pointer of `event`; `box` is the tooltip's offset parent. */
  showAtPointer(fields: TooltipField[], event: MouseEvent, box: Element): void {
    const { left, top } = box.getBoundingClientRect();
    this.show(fields, event.clientX - left, event.clientY - top);
  }

  /** Shows `fields` above a mark chosen with the keyboard; `bounds` are in the pixels of the tooltip's offset parent. */
  showAbove(fields: TooltipField[], bounds: SceneBounds): void {
    this.show(fields, (bounds.x1 + bounds.x2) / 2, bounds.y1, 'above');
  }

  hide(): void {
    const el = this.#element();
    if (el) el.hidden = true;
  }

  get visible(): boolean {
    const el = this.#element();
    return !!el && !el.hidden;
  }
}
