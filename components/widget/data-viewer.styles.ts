import { css } from 'lit';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';
import { dataGridStyles } from '../shared/data-grid.styles.js';
import { pagerStyles } from './pager.styles.js';

export const dataViewerStyles = [
  baseStyles,
  buttonStyles,
  pagerStyles,
  dataGridStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      min-width: 0;
    }
    .scroll {
      max-height: var(--clv-data-viewer-max-height, 60vh);
      overflow: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    table {
      width: 100%;
    }
    /* The header cell holds the sort button, which carries the padding. */
    th {
      padding: 0;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .sort {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      width: 100%;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      font-weight: ${token('--clv-font-weight-bold')};
      text-align: inherit;
      cursor: pointer;
    }
    .num .sort {
      justify-content: flex-end;
    }
    .sort:hover {
      background: ${token('--clv-color-grid')};
    }
    .sort:focus-visible {
      outline-offset: -2px;
    }
    .sort__icon {
      width: 0.75em;
      color: ${token('--clv-color-text-muted')};
    }
    tbody tr:nth-child(even) td {
      background: ${token('--clv-color-surface-raised')};
    }
    .pager__range,
    .note {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .pager .button {
      min-height: 2rem;
      padding-inline: ${token('--clv-space-m')};
    }
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .message,
    .empty {
      margin: 0;
      padding: ${token('--clv-space-l')};
      border: 1px dashed ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      color: ${token('--clv-color-text-muted')};
      text-align: center;
    }
  `,
];
