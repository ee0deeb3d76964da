import { css } from 'lit';
import { controlBox } from '../shared/controls.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const dashboardFiltersStyles = [
  baseStyles,
  buttonStyles,
  errorTextStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    p {
      margin: 0;
    }
    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: ${token('--clv-space-m')};
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: ${token('--clv-space-m')};
      min-width: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      min-width: 0;
    }
    .field label {
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    select,
    input[type='date'] {
      ${controlBox}
      color: inherit;
    }
    input[aria-invalid='true'] {
      border-color: ${token('--clv-color-danger')};
    }
    .hint {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .field__error {
      max-width: 16rem;
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')};
      margin-left: auto;
    }
    .buttons {
      display: flex;
      gap: ${token('--clv-space-s')};
    }
    .cross {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      padding: 0 0 0 ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: 999px;
      background: ${token('--clv-color-surface-raised')};
      font-size: ${token('--clv-font-size-small')};
    }
    .cross__clear {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2rem;
      height: 2rem;
      border: 0;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: ${token('--clv-font-size-medium')};
      cursor: pointer;
    }
    .cross__clear:hover {
      background: ${token('--clv-color-grid')};
    }
    .error {
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }
  `,
];
