import { css } from 'lit';
import { token } from './tokens.styles.js';

/** The modal dialog frame: box, backdrop, body and title. Each element sets the width (its own `--clv-…-dialog-width`). */
export const dialogFrameStyles = css`
  dialog {
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
  }
`;

/** The row of buttons that ends a dialog, aligned to the end. */
export const dialogActionStyles = css`
  .dialog__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${token('--clv-space-s')};
    padding-top: ${token('--clv-space-s')};
  }
`;
