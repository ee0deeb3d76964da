import { css } from 'lit';
import { dialogFrameStyles } from '../shared/dialog.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const widgetMenuStyles = [
  baseStyles,
  buttonStyles,
  dialogFrameStyles,
  css`
    :host {
      display: inline-block;
    }
    .menu-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2rem;
      height: 2rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: ${token('--clv-radius-m')};
      background: none;
      color: ${token('--clv-color-text-muted')};
      cursor: pointer;
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

    /* The menu is a popover (top layer), so a tile that clips its content does not cut it off. */
    .menu {
      position: fixed;
      inset: auto;
      margin: 0;
      min-width: 14rem;
      max-width: min(22rem, calc(100vw - 1rem));
      padding: ${token('--clv-space-xs')} 0;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text')};
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.16);
      font-family: ${token('--clv-font-family')};
      font-size: ${token('--clv-font-size-medium')};
    }
    .item {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      width: 100%;
      padding: ${token('--clv-space-s')} ${token('--clv-space-l')};
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .item:hover,
    .item:focus {
      background: ${token('--clv-color-surface-raised')};
      outline: none;
    }
    .item:focus-visible {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: -2px;
    }
    .item[aria-disabled='true'] {
      color: ${token('--clv-color-text-muted')};
      cursor: not-allowed;
    }
    .item__reason {
      font-size: ${token('--clv-font-size-small')};
    }
    .separator {
      height: 1px;
      margin: ${token('--clv-space-xs')} 0;
      background: ${token('--clv-color-grid')};
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
