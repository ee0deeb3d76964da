import type { View } from 'vega';

/** The parts of vega's scenegraph the components read (vega's own typings leave them untyped). */
export interface SceneBounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface SceneItem {
  x?: number;
  y?: number;
  bounds?: SceneBounds;
  datum?: Record<string, unknown>;
  tooltip?: unknown;
  items?: SceneMark[];
}
export interface SceneMark {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}

/**
 * Visits the items of the non-group marks of a drawn view that have bounds, in drawing order,
 * with those bounds in view pixels (the offsets of the enclosing groups and the view's origin
 * added). Stops as soon as `visit` returns true.
 */
export function visitSceneItems(view: View, visit: (mark: SceneMark, item: SceneItem, bounds: SceneBounds) => boolean | void): void {
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const [ox, oy] = view.origin();
  const walk = (mark: SceneMark, dx: number, dy: number): boolean => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'group') {
        for (const child of item.items ?? []) if (walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0))) return true;
      } else if (item.bounds) {
        const b = item.bounds;
        if (visit(mark, item, { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy }) === true) return true;
      }
    }
    return false;
  };
  walk(root, ox, oy);
}

/** `bounds` (view pixels of `drawing`, vega's svg or canvas) in the pixels of `box`, the positioned element around it. */
export function boundsIn(box: Element, drawing: Element, bounds: SceneBounds): SceneBounds {
  const outer = box.getBoundingClientRect();
  const inner = drawing.getBoundingClientRect();
  const dx = inner.left - outer.left;
  const dy = inner.top - outer.top;
  return { x1: bounds.x1 + dx, y1: bounds.y1 + dy, x2: bounds.x2 + dx, y2: bounds.y2 + dy };
}
