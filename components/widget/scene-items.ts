import type { View } from 'vega';
import { visitSceneItems, type SceneBounds } from '../shared/vega-scene.js';

/** Field added to every plotted datum: the index of its row in the result. */
export const ROW_FIELD = '__clv_row';

/** One drawn data mark (bar, point, slice, tick) that keyboard navigation can move to. */
export interface DataItem {
  /** The datum vega drew it from (a result row plus ROW_FIELD, or an aggregate of rows). */
  datum: Record<string, unknown>;
  /** Index of its result row, when the mark stands for one row (not an aggregate or a bin). */
  row?: number;
  /** Its box in view pixels (relative to the drawing's top-left corner). */
  bounds: SceneBounds;
  /** The tooltip value vega computed for it, if the spec has tooltips. */
  tooltip?: unknown;
}

/** Marks with one item per datum; lines and areas draw many data as one path and are reached through their points. */
const DATA_MARKS = new Set(['rect', 'symbol', 'arc']);

/**
 * The data marks of a drawn view, in the result's row order when they stand for rows, else left
 * to right, then top to bottom (aggregates are drawn in order of first appearance, not of place).
 * Only marks with role "mark" count: axis ticks and legend symbols are not data.
 */
export function dataItems(view: View): DataItem[] {
  const found: DataItem[] = [];
  visitSceneItems(view, (mark, item, bounds) => {
    if (mark.role !== 'mark' || !DATA_MARKS.has(mark.marktype ?? '') || !item.datum) return;
    const row = item.datum[ROW_FIELD];
    found.push({
      datum: item.datum,
      ...(typeof row === 'number' ? { row } : {}),
      bounds,
      ...(item.tooltip !== undefined ? { tooltip: item.tooltip } : {}),
    });
  });
  if (found.every((f) => f.row !== undefined)) return found.sort((a, b) => a.row! - b.row!);
  return found.sort((a, b) => a.bounds.x1 - b.bounds.x1 || a.bounds.y1 - b.bounds.y1);
}
