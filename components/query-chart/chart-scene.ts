import type { View } from 'vega';
import { visitSceneItems, type SceneBounds } from '../shared/vega-scene.js';
import { INDEX_FIELD } from './chart-spec.js';

const SKIPPED = new Set(['line', 'area', 'text', 'rule']);

/**
 * The bounds, in view pixels, of the mark drawn for row `index` (its bar or point), or undefined.
 * Lines and areas are skipped: their items share one path, the overlaid points carry the positions.
 */
export function markBounds(view: View, index: number): SceneBounds | undefined {
  let found: SceneBounds | undefined;
  visitSceneItems(view, (mark, item, bounds) => {
    if (SKIPPED.has(mark.marktype ?? '') || item.datum?.[INDEX_FIELD] !== index) return false;
    found = bounds;
    return true;
  });
  return found;
}
