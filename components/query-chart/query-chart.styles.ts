import { css } from 'lit';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const queryChartStyles = [
  baseStyles,
  buttonStyles,
  errorTextStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .base {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .label {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }

    /* data: vega chart */
    .plot {
      position: relative;
      border-radius: ${token('--clv-radius-m')};
    }
    .plot:focus-visible {
      outline-offset: 4px;
    }
    .vega {
      width: 100%;
    }
    .vega svg,
    .vega canvas {
      display: block;
    }
    .tooltip {
      position: absolute;
      top: 0;
      left: 0;
      z-index: 1;
      display: grid;
      gap: ${token('--clv-space-2xs')};
      max-width: min(22rem, 90%);
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text')};
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.12);
      font-size: ${token('--clv-font-size-small')};
      pointer-events: none;
    }
    .tooltip[hidden] {
      display: none;
    }
    .tooltip__row {
      display: flex;
      justify-content: space-between;
      gap: ${token('--clv-space-l')};
    }
    .tooltip__label {
      color: ${token('--clv-color-text-muted')};
    }
    .tooltip__value {
      font-weight: ${token('--clv-font-weight-bold')};
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .summary {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .hint {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }

    /* data: big number */
    .big-number {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      padding: ${token('--clv-space-s')} 0;
      container-type: inline-size;
    }
    .big-number__value {
      /* Shrinks with a narrow tile instead of breaking the number across lines. */
      font-size: min(${token('--clv-font-size-display')}, 13cqi);
      font-weight: ${token('--clv-font-weight-bold')};
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .big-number__label {
      color: ${token('--clv-color-text-muted')};
    }

    /* data: table (and the visually hidden table behind charts) */
    .table-wrap {
      overflow: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    .data-table {
      width: 100%;
      border-collapse: collapse;
      font-size: ${token('--clv-font-size-small')};
    }
    .data-table__caption {
      padding: ${token('--clv-space-s')};
      text-align: start;
      color: ${token('--clv-color-text-muted')};
    }
    .data-table th,
    .data-table td {
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border-bottom: 1px solid ${token('--clv-color-grid')};
      text-align: start;
      white-space: nowrap;
    }
    .data-table th {
      position: sticky;
      top: 0;
      background: ${token('--clv-color-surface-raised')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .data-table .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    /* states */
    .message,
    .empty,
    .error {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      justify-content: center;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-l')};
      border-radius: ${token('--clv-radius-m')};
    }
    .empty,
    .error--tall {
      align-items: center;
      text-align: center;
    }
    .message,
    .empty {
      border: 1px dashed ${token('--clv-color-border')};
      color: ${token('--clv-color-text-muted')};
    }
    .error {
      border: 1px solid ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger-surface')};
    }
    .error p {
      margin: 0;
    }

    /* loading */
    .skeleton {
      position: relative;
      overflow: hidden;
      border-radius: ${token('--clv-radius-m')};
    }
    .skeleton > * {
      animation: clv-pulse 1.6s ease-in-out infinite;
    }
    .skeleton--bars {
      display: flex;
      align-items: flex-end;
      gap: 3%;
      padding: ${token('--clv-space-l')} ${token('--clv-space-l')} 0;
      border-bottom: 2px solid ${token('--clv-color-skeleton')};
    }
    .skeleton__bar {
      flex: 1;
      border-radius: ${token('--clv-radius-s')} ${token('--clv-radius-s')} 0 0;
      background: ${token('--clv-color-skeleton')};
    }
    .skeleton--plot {
      border-bottom: 2px solid ${token('--clv-color-skeleton')};
      border-left: 2px solid ${token('--clv-color-skeleton')};
    }
    .skeleton__svg {
      width: 100%;
      height: 100%;
    }
    .skeleton__line {
      fill: none;
      stroke: ${token('--clv-color-skeleton')};
      stroke-width: 2.5;
      vector-effect: non-scaling-stroke;
    }
    .skeleton__fill {
      fill: ${token('--clv-color-skeleton')};
    }
    .skeleton--number {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-s')} 0;
    }
    .skeleton__block {
      display: block;
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-skeleton')};
    }
    .skeleton__block--value {
      width: 12rem;
      max-width: 80%;
      height: 2.75rem;
    }
    .skeleton__block--label {
      width: 7rem;
      height: 1rem;
    }
    .skeleton--table {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-skeleton')};
    }
    .skeleton__row {
      height: 1.25rem;
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-skeleton')};
    }
    .skeleton__row:first-child {
      height: 1.5rem;
    }
    @keyframes clv-pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton > * {
        animation: none;
      }
    }
  `,
];
