import { css } from 'lit';
import { formDialogStyles } from '../dashboard/dialog.styles.js';
import { controlBox } from '../shared/controls.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { token } from '../shared/tokens.styles.js';

export const filterDialogStyles = [
  ...formDialogStyles,
  errorTextStyles,
  css`
    dialog {
      width: min(var(--clv-composer-filter-dialog-width, 34rem), calc(100vw - 2rem));
    }
    form {
      display: contents;
    }
    p {
      margin: 0;
    }
    .subtitle {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-l')};
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      font-weight: ${token('--clv-font-weight-normal')};
    }
    input[type='radio'] {
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: ${token('--clv-color-accent')};
    }
    input[type='date'],
    select {
      ${controlBox}
      color: inherit;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: ${token('--clv-space-m')};
    }
    .row > .field {
      flex: 1 1 10rem;
    }
    .panel {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    .listbox {
      max-height: min(15rem, 40vh);
      margin: 0;
      padding: ${token('--clv-space-2xs')};
      overflow-y: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      list-style: none;
    }
    .listbox[aria-busy='true'] {
      opacity: 0.6;
    }
    .list-head {
      display: flex;
      justify-content: space-between;
      padding: 0 ${token('--clv-space-s')};
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .option {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border-radius: ${token('--clv-radius-s')};
      cursor: pointer;
    }
    .option:hover {
      background: ${token('--clv-color-surface-raised')};
    }
    .listbox:focus-visible .option--active {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: -2px;
    }
    .option--active {
      background: ${token('--clv-color-surface-raised')};
    }
    .option[aria-disabled='true'] {
      color: ${token('--clv-color-text-muted')};
      font-style: italic;
      cursor: not-allowed;
    }
    .option__label {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .option__count {
      font-variant-numeric: tabular-nums;
      color: ${token('--clv-color-text-muted')};
    }
    .check {
      display: inline-flex;
      flex: none;
      align-items: center;
      justify-content: center;
      width: 1rem;
      height: 1rem;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-surface')};
    }
    .check--on {
      border-color: ${token('--clv-color-accent')};
      background: ${token('--clv-color-accent')};
      color: ${token('--clv-color-on-accent')};
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-2xs')};
      padding: 0 0 0 ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: 999px;
      background: ${token('--clv-color-surface-raised')};
      font-size: ${token('--clv-font-size-small')};
    }
    .chip__remove {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.5rem;
      height: 1.5rem;
      border: 0;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .chip__remove:hover {
      background: ${token('--clv-color-grid')};
    }
    .error {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('--clv-space-xs')};
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }
    .list-status {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .apply-hint {
      flex: 1 0 100%;
      text-align: end;
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }
    .button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
  `,
];
