import type { Layout } from '../../src/dashboards/spec.js';

/** What it takes to turn a pointer position into a grid cell. */
export interface GridMetrics {
  /** The grid's box in viewport coordinates (getBoundingClientRect). */
  box: Pick<DOMRect, 'left' | 'top' | 'width'>;
  columns: number;
  rowHeight: number;
  gap: number;
}

export interface Cell {
  col: number;
  row: number;
}

/** Width in pixels of one column track. */
export function columnWidth({ box, columns, gap }: GridMetrics): number {
  return Math.max(0, (box.width - gap * (columns - 1)) / columns);
}

/**
 * The cell under a viewport point. A point in the gap after a track belongs to that track;
 * points outside the grid land on the nearest column, and on row 0 above the grid.
 */
export function cellAt(metrics: GridMetrics, clientX: number, clientY: number): Cell {
  const colStep = columnWidth(metrics) + metrics.gap;
  const rowStep = metrics.rowHeight + metrics.gap;
  const col = colStep > 0 ? Math.floor((clientX - metrics.box.left) / colStep) : 0;
  const row = rowStep > 0 ? Math.floor((clientY - metrics.box.top) / rowStep) : 0;
  return { col: clamp(col, 0, metrics.columns - 1), row: Math.max(0, row) };
}

/** Items sorted top to bottom, then left to right: the order a reader meets them. */
export function readingOrder<T extends { layout: Layout }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
