import type { View } from 'vega';
import { INDEX_FIELD } from './chart-spec.js';

/** The parts of vega's scenegraph this module reads (vega's own typings leave them untyped). */
interface SceneBounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface SceneItem {
  x?: number;
  y?: number;
  bounds?: SceneBounds;
  datum?: Record<string, unknown>;
  items?: SceneMark[];
}
interface SceneMark {
  marktype?: string;
  items?: SceneItem[];
}

const SKIPPED = new Set(['line', 'area', 'text', 'rule']);

/**
 * The bounds, in view pixels, of the mark drawn for row `index` (its bar or point), or undefined.
 * Lines and areas are skipped: their items share one path, the overlaid points carry the positions.
 */
export function markBounds(view: View, index: number): SceneBounds | undefined {
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const [ox, oy] = view.origin();
  const walk = (mark: SceneMark, dx: number, dy: number): SceneBounds | undefined => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'group') {
        for (const child of item.items ?? []) {
          const found = walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
          if (found) return found;
        }
      } else if (!SKIPPED.has(mark.marktype ?? '') && item.datum?.[INDEX_FIELD] === index && item.bounds) {
        const b = item.bounds;
        return { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
      }
    }
    return undefined;
  };
  return walk(root, ox, oy);
}
