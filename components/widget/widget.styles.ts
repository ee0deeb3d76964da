import { css } from 'lit';
import { queryChartStyles } from '../query-chart/query-chart.styles.js';
import { token } from '../shared/tokens.styles.js';
import { pagerStyles } from './pager.styles.js';

/** The query chart's look (plot, tooltip, big number, table, states, skeletons), plus the widget's header, sizing, delta and pager. */
export const widgetStyles = [
  ...queryChartStyles,
  pagerStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    /* A host with a definite height (a dashboard tile) is filled; otherwise the plot is "height" tall. */
    .base {
      height: 100%;
      min-height: 0;
    }
    /* Host actions (a dashboard's edit buttons) wrap below the title rather than squeeze it. */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    }
    .titles {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .title {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    .description {
      margin: ${token('--clv-space-2xs')} 0 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .actions {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
    }
    .body {
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .plot {
      flex: 1 1 auto;
      min-height: 80px;
    }
    .vega {
      position: absolute;
      inset: 0;
    }
    .highlight {
      position: absolute;
      top: 0;
      left: 0;
      z-index: 1;
      border: 2px solid ${token('--clv-color-text')};
      border-radius: ${token('--clv-radius-s')};
      box-shadow: 0 0 0 2px ${token('--clv-color-surface')};
      pointer-events: none;
    }
    .highlight[hidden] {
      display: none;
    }
    .tooltip {
      z-index: 2;
    }

    /* placeholders keep the plot's size, so a dashboard does not reflow when a tile loads or fails */
    .state-box {
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .state-box > * {
      flex: 1 1 auto;
    }
    .state-box > .skeleton {
      height: auto !important;
    }
    .skeleton--donut {
      display: flex;
      justify-content: center;
    }
    .skeleton--donut .skeleton__svg {
      width: auto;
      max-width: 100%;
    }
    .skeleton__ring {
      fill: none;
      stroke: ${token('--clv-color-skeleton')};
      stroke-width: 18;
    }

    /* rows cut by the query's limit: visible, not alarming */
    .limit-note {
      margin: 0;
      padding-inline-start: ${token('--clv-space-s')};
      border-inline-start: 3px solid ${token('--clv-color-warning')};
      color: ${token('--clv-color-text')};
      font-size: ${token('--clv-font-size-small')};
    }

    /* big number */
    .big-number {
      justify-content: center;
      flex: 1 1 auto;
    }
    .delta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${token('--clv-space-xs')};
      margin: 0;
      font-size: ${token('--clv-font-size-small')};
    }
    .delta__value {
      font-weight: ${token('--clv-font-weight-bold')};
      font-variant-numeric: tabular-nums;
    }
    .delta--good .delta__arrow,
    .delta--good .delta__value {
      color: ${token('--clv-color-success')};
    }
    .delta--bad .delta__arrow,
    .delta--bad .delta__value {
      color: ${token('--clv-color-danger')};
    }
    .delta__text {
      color: ${token('--clv-color-text-muted')};
    }

    /* table */
    .table-wrap {
      flex: 0 1 auto;
      min-height: 0;
    }
    .sort-button {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .sort-button__icon {
      color: ${token('--clv-color-text-muted')};
      font-size: 0.75em;
    }
    .row--action {
      cursor: pointer;
    }
    .row--action:hover,
    .row--action:focus-visible {
      background: ${token('--clv-color-surface-raised')};
    }
    .row--action:focus-visible {
      outline-offset: -2px;
    }
    .pager {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
  `,
];
