import { css } from 'lit';
import { dialogFrameStyles } from '../shared/dialog.styles.js';
import { iconButtonBox } from '../shared/icon-button.styles.js';
import { menuStyles } from '../shared/menu.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const widgetMenuStyles = [
  baseStyles,
  buttonStyles,
  dialogFrameStyles,
  menuStyles,
  css`
    :host {
      display: inline-block;
    }
    .menu-button {
      ${iconButtonBox}
      width: 2rem;
      height: 2rem;
    }
    .menu-button:hover,
    .menu-button[aria-expanded='true'] {
      border-color: ${token('--clv-color-border')};
      background: ${token('--clv-color-surface-raised')};
      color: ${token('--clv-color-text')};
    }
    .menu-button svg {
      width: 1.25rem;
      height: 1.25rem;
      fill: currentColor;
    }

    .menu {
      max-width: min(22rem, calc(100vw - 1rem));
    }
    .item {
      padding: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .item__reason {
      font-size: ${token('--clv-font-size-small')};
    }

    dialog {
      width: min(var(--clv-widget-dialog-width, 60rem), calc(100vw - 2rem));
    }
    .dialog__header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: ${token('--clv-space-m')};
    }
    .dialog__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    .section-title {
      margin: 0;
      font-size: ${token('--clv-font-size-medium')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .code {
      max-height: 50vh;
      margin: 0;
      padding: ${token('--clv-space-m')};
      overflow: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
      font-family: ${token('--clv-font-family-mono')};
      font-size: ${token('--clv-font-size-small')};
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .params {
      margin: 0;
      padding-inline-start: ${token('--clv-space-xl')};
      font-family: ${token('--clv-font-family-mono')};
      font-size: ${token('--clv-font-size-small')};
    }
    .request-line {
      margin: 0;
      font-family: ${token('--clv-font-family-mono')};
      overflow-wrap: anywhere;
    }
    .muted,
    .status {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .status--error,
    .error {
      color: ${token('--clv-color-danger')};
    }
    .error {
      margin: 0;
    }
  `,
];
