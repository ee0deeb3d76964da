import { css } from 'lit';
import { formDialogStyles } from '../dashboard/dialog.styles.js';
import { chipStyles } from '../shared/chips.styles.js';
import { choiceBox } from '../shared/choice.styles.js';
import { controlBox } from '../shared/controls.styles.js';
import { optionListStyles } from '../shared/option-list.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { token } from '../shared/tokens.styles.js';

export const filterDialogStyles = [
  ...formDialogStyles,
  errorTextStyles,
  optionListStyles,
  chipStyles,
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
      ${choiceBox}
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
      padding: ${token('--clv-space-2xs')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    .list-head {
      display: flex;
      justify-content: space-between;
      padding: 0 ${token('--clv-space-s')};
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .listbox:focus-visible .option--active {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: -2px;
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
    .error {
      border-radius: ${token('--clv-radius-m')};
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
