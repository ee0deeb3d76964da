import type { TopLevelSpec } from 'vega-lite';
import type { ResultSet } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { toVegaLite, type WidgetTheme } from '../../src/widgets/vega-lite.js';
import { categoryTokens, readToken } from '../shared/tokens.styles.js';
import { ROW_FIELD } from './scene-items.js';

/** The chart theme from the design tokens on `element` (the categorical palette is Okabe–Ito unless the page overrides it). */
export function readWidgetTheme(element: Element): Omit<WidgetTheme, 'width' | 'height' | 'sequentialScheme'> {
  const palette = categoryTokens.map((t) => readToken(element, t));
  return {
    fontFamily: readToken(element, '--clv-font-family'),
    text: readToken(element, '--clv-color-text'),
    textMuted: readToken(element, '--clv-color-text-muted'),
    grid: readToken(element, '--clv-color-grid'),
    border: readToken(element, '--clv-color-border'),
    accent: readToken(element, '--clv-color-accent'),
    palette,
  };
}

type Json = Record<string, unknown>;

/**
 * toVegaLite's spec, made navigable: every datum carries the index of its result row (ROW_FIELD),
 * so a clicked or keyboard-chosen mark maps back to its row, and an area gets transparent points,
 * one per row, that carry its tooltips and keyboard positions.
 */
export function widgetVegaLite(spec: WidgetSpec, result: ResultSet, theme: Partial<WidgetTheme>): TopLevelSpec {
  const vl = toVegaLite(spec, result, theme) as unknown as Json | null;
  if (!vl) throw new Error(`a ${spec.mark} widget is not drawn by Vega-Lite`);
  const data = vl.data as { values: Json[] };
  const values = data.values.map((v, i) => ({ ...v, [ROW_FIELD]: i }));
  const mark = vl.mark as Json;
  const navigable = spec.mark === 'area' ? { ...mark, point: 'transparent' } : mark;
  return { ...vl, data: { values }, mark: navigable } as unknown as TopLevelSpec;
}
