import { html, svg, type TemplateResult } from 'lit';
import type { WidgetMark } from '../../src/widgets/spec.js';
import type { ChartMark } from '../query-chart/chart-mapping.js';
import { renderSkeleton } from '../query-chart/chart-skeleton.js';

/** The query chart's placeholder that looks like each widget mark. */
const LIKE: Record<Exclude<WidgetMark, 'donut'>, ChartMark> = {
  bar: 'bar',
  'stacked-bar': 'bar',
  line: 'line',
  area: 'area',
  point: 'point',
  tick: 'point',
  'big-number': 'big-number',
  table: 'table',
};

/**
 * The loading placeholder, shaped like the mark that is coming and as tall as its plot (the query
 * chart's skeletons, plus a ring for donuts). Decorative: the loading state is announced apart.
 */
export function renderWidgetSkeleton(mark: WidgetMark, height: number): TemplateResult {
  if (mark !== 'donut') return renderSkeleton(LIKE[mark], height);
  return html`<div class="skeleton skeleton--donut" part="skeleton" style="height:${height}px" aria-hidden="true">
    <svg viewBox="0 0 100 100" class="skeleton__svg">${svg`<circle cx="50" cy="50" r="36" class="skeleton__ring"></circle>`}</svg>
  </div>`;
}
