import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';
import { dashboardButtonStyles, fieldStyles } from './dialog.styles.js';
import { emptyPanelStyles, errorBox } from './panel.styles.js';

export const inventoryStyles = [
  baseStyles,
  ...dashboardButtonStyles,
  fieldStyles,
  emptyPanelStyles,
  css`
    :host {
      display: block;
    }
    .inventory {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-l')};
    }
    .heading {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      line-height: 1.25;
    }
    h3 {
      margin: 0 0 ${token('--clv-space-xs')};
      font-size: ${token('--clv-font-size-medium')};
    }
    .create {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: ${token('--clv-space-s')};
    }
    .create .field {
      flex: 1 1 16rem;
      max-width: 28rem;
    }
    /* The button lines up with the input even when an error shows under it. */
    .create .field:has(.field-error) + .button {
      margin-bottom: calc(${token('--clv-font-size-small')} * 1.45 + ${token('--clv-space-xs')});
    }
    .examples ul {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .examples li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: ${token('--clv-space-s')};
      border-bottom: 1px solid ${token('--clv-color-grid')};
      text-align: left;
      vertical-align: middle;
    }
    thead th {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    tbody th {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .description {
      color: ${token('--clv-color-text-muted')};
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .link {
      padding: 0;
      border: 0;
      background: none;
      color: ${token('--clv-color-accent')};
      font: inherit;
      font-weight: ${token('--clv-font-weight-bold')};
      text-align: left;
      text-decoration: underline;
      cursor: pointer;
    }
    .rename {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-xs')};
    }
    .rename .field-error {
      flex-basis: 100%;
    }
    .error,
    .action-error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-m')};
      ${errorBox}
    }
    .error p {
      margin: 0;
    }
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .skeleton span {
      display: block;
      height: 2.25rem;
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-skeleton')};
    }
  `,
];
