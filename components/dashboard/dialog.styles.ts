import { css } from 'lit';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

/** Buttons of the dashboard and its dialogs: the shared look plus small, danger and quiet variants. */
export const dashboardButtonStyles = [
  buttonStyles,
  css`
    .button--small {
      min-height: 2rem;
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      font-size: ${token('--clv-font-size-small')};
    }
    .button--danger {
      border-color: ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger')};
      color: ${token('--clv-color-on-accent')};
    }
    .button--danger:hover {
      background: color-mix(in srgb, ${token('--clv-color-danger')} 85%, black);
    }
    .button--quiet {
      border-color: transparent;
      background: transparent;
    }
  `,
];

/** Form fields and their messages, shared by the inventory and the dialogs. */
export const fieldStyles = css`
  label {
    font-weight: ${token('--clv-font-weight-bold')};
  }
  input[type='text'],
  input[type='search'],
  textarea {
    min-height: 2.25rem;
    padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    border: 1px solid ${token('--clv-color-border')};
    border-radius: ${token('--clv-radius-m')};
    background: ${token('--clv-color-surface')};
    color: inherit;
    font: inherit;
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

/** The modal dialog frame: body, title, action row. */
export const dialogFrameStyles = css`
  dialog {
    width: min(var(--clv-dashboard-dialog-width, 40rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid ${token('--clv-color-border')};
    border-radius: ${token('--clv-radius-l')};
    background: ${token('--clv-color-surface')};
    color: ${token('--clv-color-text')};
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.2);
  }
  dialog::backdrop {
    background: rgb(20 24 33 / 0.45);
  }
  .dialog__body {
    display: flex;
    flex-direction: column;
    gap: ${token('--clv-space-m')};
    padding: ${token('--clv-space-xl')};
  }
  .dialog__title {
    margin: 0;
    font-size: ${token('--clv-font-size-large')};
    font-weight: ${token('--clv-font-weight-bold')};
    line-height: 1.25;
  }
  .dialog__body p {
    margin: 0;
  }
  .dialog__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${token('--clv-space-s')};
    padding-top: ${token('--clv-space-s')};
  }
`;

export const choiceDialogStyles = [
  baseStyles,
  ...dashboardButtonStyles,
  dialogFrameStyles,
  css`
    dialog {
      width: min(30rem, calc(100vw - 2rem));
    }
  `,
];
