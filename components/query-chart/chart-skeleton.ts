import { html, svg, type TemplateResult } from 'lit';
import type { ChartMark } from './chart-mapping.js';

const BAR_HEIGHTS = [42, 68, 55, 80, 62, 90, 74, 48, 66, 84];

/**
 * A grey placeholder shaped like the chart that is coming, the same height as the chart, so the
 * page does not jump when the data arrives. Decorative: the loading state is announced separately.
 */
export function renderSkeleton(mark: ChartMark, height: number): TemplateResult {
  switch (mark) {
    case 'bar':
      return html`<div class="skeleton skeleton--bars" part="skeleton" style="height:${height}px" aria-hidden="true">
        ${BAR_HEIGHTS.map((h) => html`<span class="skeleton__bar" style="height:${h}%"></span>`)}
      </div>`;
    case 'line':
    case 'area':
    case 'point':
      return html`<div class="skeleton skeleton--plot" part="skeleton" style="height:${height}px" aria-hidden="true">
        <svg viewBox="0 0 100 40" preserveAspectRatio="none" class="skeleton__svg">
          ${mark === 'area'
            ? svg`<path d="M0,34 L12,26 L25,29 L38,18 L50,21 L62,12 L75,16 L88,8 L100,11 L100,40 L0,40 Z" class="skeleton__fill"></path>`
            : svg`<path d="M0,34 L12,26 L25,29 L38,18 L50,21 L62,12 L75,16 L88,8 L100,11" class="skeleton__line"></path>`}
        </svg>
      </div>`;
    case 'big-number':
      return html`<div class="skeleton skeleton--number" part="skeleton" aria-hidden="true">
        <span class="skeleton__block skeleton__block--value"></span>
        <span class="skeleton__block skeleton__block--label"></span>
      </div>`;
    case 'table':
      return html`<div class="skeleton skeleton--table" part="skeleton" style="height:${height}px" aria-hidden="true">
        ${Array.from({ length: 7 }, () => html`<span class="skeleton__row"></span>`)}
      </div>`;
  }
}
