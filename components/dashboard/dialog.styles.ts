import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { dialogActionStyles, dialogFrameStyles } from '../shared/dialog.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

/** Buttons of the dashboard and its dialogs: the shared look plus small, danger and quiet variants. */
export const dashboardButtonStyles = [buttonStyles, buttonVariantStyles];

/** Form fields and their messages, shared by the inventory and the dialogs. */
export const fieldStyles = css`
  label {
    font-weight: ${token('--clv-font-weight-bold')};
  }
  input[type='text'],
  input[type='search'],
  textarea {
    ${controlBox}
    color: inherit;
  }
  textarea {
    font-family: ${token('--clv-font-family-mono')};
    font-size: ${token('--clv-font-size-small')};
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: ${token('--clv-color-danger')};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: ${token('--clv-space-xs')};
  }
  .field-error {
    margin: 0;
    color: ${token('--clv-color-danger')};
    font-size: ${token('--clv-font-size-small')};
  }
  .hint,
  .muted {
    margin: 0;
    color: ${token('--clv-color-text-muted')};
    font-size: ${token('--clv-font-size-small')};
  }
  input[type='checkbox'] {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: ${token('--clv-color-accent')};
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: ${token('--clv-space-s')};
    font-weight: ${token('--clv-font-weight-bold')};
  }
`;

/** The dashboard's dialogs: the shared frame and action row, 40rem wide unless the page sets --clv-dashboard-dialog-width. */
export const dashboardDialogStyles = [
  dialogFrameStyles,
  dialogActionStyles,
  css`
    dialog {
      width: min(var(--clv-dashboard-dialog-width, 40rem), calc(100vw - 2rem));
    }
    .dialog__title {
      line-height: 1.25;
    }
    .dialog__body p {
      margin: 0;
    }
  `,
];

/** The base of a dialog with form fields (add widget, widget settings); the element adds its own rules. */
export const formDialogStyles = [baseStyles, ...dashboardButtonStyles, fieldStyles, ...dashboardDialogStyles];

export const choiceDialogStyles = [
  baseStyles,
  ...dashboardButtonStyles,
  ...dashboardDialogStyles,
  css`
    dialog {
      width: min(30rem, calc(100vw - 2rem));
    }
  `,
];
