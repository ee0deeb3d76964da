import type { View } from 'vega';

/** Field added to every plotted datum: the index of its row in the result. */
export const ROW_FIELD = '__clv_row';

/** The parts of vega's scenegraph this module reads (vega's typings leave them untyped). */
interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface SceneItem {
  x?: number;
  y?: number;
  bounds?: Bounds;
  datum?: Record<string, unknown>;
  tooltip?: unknown;
  items?: SceneMark[];
}
interface SceneMark {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}

/** One drawn data mark (bar, point, slice, tick) that keyboard navigation can move to. */
export interface DataItem {
  /** The datum vega drew it from (a result row plus ROW_FIELD, or an aggregate of rows). */
  datum: Record<string, unknown>;
  /** Index of its result row, when the mark stands for one row (not an aggregate or a bin). */
  row?: number;
  /** Its box in view pixels (relative to the drawing's top-left corner). */
  bounds: Bounds;
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
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const [ox, oy] = view.origin();
  const found: DataItem[] = [];
  const walk = (mark: SceneMark, dx: number, dy: number): void => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'group') {
        for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
      } else if (mark.role === 'mark' && DATA_MARKS.has(mark.marktype ?? '') && item.datum && item.bounds) {
        const b = item.bounds;
        const row = item.datum[ROW_FIELD];
        found.push({
          datum: item.datum,
          ...(typeof row === 'number' ? { row } : {}),
          bounds: { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy },
          ...(item.tooltip !== undefined ? { tooltip: item.tooltip } : {}),
        });
      }
    }
  };
  walk(root, ox, oy);
  if (found.every((f) => f.row !== undefined)) return found.sort((a, b) => a.row! - b.row!);
  return found.sort((a, b) => a.bounds.x1 - b.bounds.x1 || a.bounds.y1 - b.bounds.y1);
}
