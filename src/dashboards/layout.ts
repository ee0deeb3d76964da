import { GRID_COLUMNS, LayoutSchema, MAX_WIDGET_HEIGHT, overlaps, type Layout } from './spec.js';

/**
 * Pure grid operations for dashboard editing. Widgets sit on a GRID_COLUMNS-wide grid, never
 * overlap, and fall upward until something stops them (vertical compaction, as react-grid-layout
 * does). Every operation returns a new array in the input order and never mutates its input.
 */

export { overlaps };

export interface LayoutItem {
  id: string;
  layout: Layout;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface LayoutProblem {
  /** Index of the item at fault in the input array. */
  index: number;
  id: string;
  message: string;
}

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number.isFinite(v) ? v : lo)));

/** Brings any layout inside the grid: whole cells, 1 ≤ w ≤ 12, 1 ≤ h ≤ 24, x + w ≤ 12, y ≥ 0. */
export function clampLayout(l: Layout): Layout {
  const w = clampInt(l.w, 1, GRID_COLUMNS);
  const h = clampInt(l.h, 1, MAX_WIDGET_HEIGHT);
  return { x: clampInt(l.x, 0, GRID_COLUMNS - w), y: clampInt(l.y, 0, Number.MAX_SAFE_INTEGER), w, h };
}

const withLayouts = <T extends LayoutItem>(items: readonly T[], layouts: readonly Layout[]): T[] =>
  items.map((item, i) => ({ ...item, layout: layouts[i]! }));

/** Indices sorted top to bottom, then left to right (stable). */
function readingOrder(layouts: readonly Layout[]): number[] {
  return layouts.map((_, i) => i).sort((a, b) => layouts[a]!.y - layouts[b]!.y || layouts[a]!.x - layouts[b]!.x || a - b);
}

/**
 * Vertical compaction over plain layouts: in reading order, each widget first drops below anything
 * already placed that it overlaps, then rises until the row above it is blocked.
 */
function compactLayouts(layouts: readonly Layout[]): Layout[] {
  const out: Layout[] = layouts.map((l) => ({ ...l }));
  const placed: Layout[] = [];
  for (const i of readingOrder(out)) {
    const l = out[i]!;
    for (let hit = placed.find((p) => overlaps(p, l)); hit; hit = placed.find((p) => overlaps(p, l))) l.y = hit.y + hit.h;
    // Nothing placed overlaps l now, so what shares its columns is wholly above or below it.
    const stops = placed.filter((p) => p.x < l.x + l.w && l.x < p.x + p.w && p.y + p.h <= l.y).map((p) => p.y + p.h);
    l.y = Math.max(0, ...stops);
    placed.push(l);
  }
  return out;
}

/**
 * Puts item `index` at `target` and moves every widget in the way below it (cascading), then
 * compacts. With `swap`, a widget in the way of a downward move first tries to take the space
 * right above the moved widget, so dragging one widget over the next swaps them.
 */
function place(layouts: readonly Layout[], index: number, target: Layout, swap: boolean): Layout[] {
  const out = layouts.map((l) => ({ ...l }));
  const before = out[index]!;
  out[index] = target;
  if (swap && target.y > before.y) {
    for (const [i, l] of out.entries()) {
      if (i === index || !overlaps(l, target)) continue;
      const above = { ...l, y: Math.max(target.y - l.h, 0) };
      if (!out.some((o, j) => j !== i && overlaps(o, above))) out[i] = above;
    }
  }
  const fixed: Layout[] = [target];
  for (const i of readingOrder(out)) {
    if (i === index) continue;
    const l = out[i]!;
    for (let hit = fixed.find((p) => overlaps(p, l)); hit; hit = fixed.find((p) => overlaps(p, l))) l.y = hit.y + hit.h;
    fixed.push(l);
  }
  return compactLayouts(out);
}

function indexOf(items: readonly LayoutItem[], id: string): number {
  const i = items.findIndex((item) => item.id === id);
  if (i < 0) throw new RangeError(`no widget "${id}" on the grid`);
  return i;
}

/** Compacts the grid: every widget rises until the row above it is blocked or it reaches the top. */
export function compact<T extends LayoutItem>(items: readonly T[]): T[] {
  return withLayouts(items, compactLayouts(items.map((i) => clampLayout(i.layout))));
}

/** Moves a widget's top-left corner to `to` (clamped to the grid); widgets in the way move down. */
export function moveWidget<T extends LayoutItem>(items: readonly T[], id: string, to: { x: number; y: number }): T[] {
  const i = indexOf(items, id);
  const layouts = items.map((item) => clampLayout(item.layout));
  const target = clampLayout({ ...layouts[i]!, x: to.x, y: to.y });
  return withLayouts(items, place(layouts, i, target, true));
}

/** Resizes a widget (clamped to the grid, keeping its x); widgets in the way move down. */
export function resizeWidget<T extends LayoutItem>(items: readonly T[], id: string, size: { w: number; h: number }): T[] {
  const i = indexOf(items, id);
  const layouts = items.map((item) => clampLayout(item.layout));
  const current = layouts[i]!;
  const w = clampInt(size.w, 1, GRID_COLUMNS - current.x);
  const target = { ...current, w, h: clampInt(size.h, 1, MAX_WIDGET_HEIGHT) };
  return withLayouts(items, place(layouts, i, target, false));
}

/**
 * Keyboard move by one cell. Left and right shift one column; up moves above the widget(s) right
 * above; down moves below the widget(s) right below (under gravity a widget cannot simply step
 * down into empty space, so with nothing below it stays where it is).
 */
export function nudge<T extends LayoutItem>(items: readonly T[], id: string, key: Direction): T[] {
  const i = indexOf(items, id);
  const layouts = compactLayouts(items.map((item) => clampLayout(item.layout)));
  const l = layouts[i]!;
  switch (key) {
    case 'left':
    case 'right': {
      const x = clampInt(l.x + (key === 'left' ? -1 : 1), 0, GRID_COLUMNS - l.w);
      return withLayouts(items, x === l.x ? layouts : place(layouts, i, { ...l, x }, false));
    }
    case 'up':
      return withLayouts(items, l.y === 0 ? layouts : place(layouts, i, { ...l, y: l.y - 1 }, false));
    case 'down':
      return withLayouts(items, moveBelowNext(layouts, i));
  }
}

/** The widgets directly below item `index` rise into its place and it settles right under them. */
function moveBelowNext(layouts: readonly Layout[], index: number): Layout[] {
  const l = layouts[index]!;
  const below = { ...l, y: l.y + 1 };
  const blockers = layouts.map((o, j) => (j !== index && overlaps(o, below) ? j : -1)).filter((j) => j >= 0);
  if (blockers.length === 0) return [...layouts];
  // Take the widget out (to the very bottom) so the others compact without it, then put it back
  // right under the lowest of the widgets that were below it.
  const bottom = Math.max(...layouts.map((o) => o.y + o.h));
  const lifted = compactLayouts(layouts.map((o, j) => (j === index ? { ...o, y: bottom } : o)));
  const y = Math.max(...blockers.map((j) => lifted[j]!.y + lifted[j]!.h));
  return place(lifted, index, { ...l, y }, false);
}

/** Keyboard resize by one cell: right/down grow width/height, left/up shrink them. */
export function grow<T extends LayoutItem>(items: readonly T[], id: string, key: Direction): T[] {
  const l = clampLayout(items[indexOf(items, id)]!.layout);
  const dw = key === 'right' ? 1 : key === 'left' ? -1 : 0;
  const dh = key === 'down' ? 1 : key === 'up' ? -1 : 0;
  return resizeWidget(items, id, { w: l.w + dw, h: l.h + dh });
}

/** The first free spot for a widget of `size`, scanning rows top to bottom and each row left to right. */
export function placeNew(items: readonly LayoutItem[], size: { w: number; h: number }): Layout {
  const { w, h } = clampLayout({ x: 0, y: 0, ...size });
  const taken = items.map((item) => clampLayout(item.layout));
  for (let y = 0; ; y++) {
    for (let x = 0; x + w <= GRID_COLUMNS; x++) {
      const spot = { x, y, w, h };
      if (!taken.some((t) => overlaps(t, spot))) return spot;
    }
  }
}

/** A unique id for a copy of `id`: "<id>-copy", "<id>-copy-2", … (at most 64 characters). */
export function copyId(items: readonly LayoutItem[], id: string): string {
  const ids = new Set(items.map((item) => item.id));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = id.slice(0, 64 - suffix.length) + suffix;
    if (!ids.has(candidate)) return candidate;
  }
}

/** Adds a deep copy of a widget right after it in the list, at the first free spot of its size. */
export function duplicateWidget<T extends LayoutItem>(items: readonly T[], id: string, newId: string = copyId(items, id)): T[] {
  const i = indexOf(items, id);
  if (items.some((item) => item.id === newId)) throw new RangeError(`a widget "${newId}" is already on the grid`);
  const source = items[i]!;
  const copy: T = { ...structuredClone(source), id: newId, layout: placeNew(items, source.layout) };
  return [...items.slice(0, i + 1), copy, ...items.slice(i + 1)];
}

/** Everything wrong with a grid: ids used twice, cells off the grid, and widgets that overlap. */
export function validateLayout(items: readonly LayoutItem[]): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) problems.push({ index, id: item.id, message: `the id "${item.id}" is also used by widget ${first}` });
    else firstIndex.set(item.id, index);
    const r = LayoutSchema.safeParse(item.layout);
    r.error?.issues.forEach((issue) => {
      const path = issue.path.map(String).join('.');
      problems.push({ index, id: item.id, message: path ? `${path}: ${issue.message}` : issue.message });
    });
  });
  items.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      if (overlaps(items[j]!.layout, a.layout)) problems.push({ index: i, id: a.id, message: `overlaps widget "${items[j]!.id}"` });
    }
  });
  return problems;
}
