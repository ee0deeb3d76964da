import { css } from 'lit';
import { chipStyles } from '../shared/chips.styles.js';
import { optionListStyles } from '../shared/option-list.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const multiSelectStyles = [
  baseStyles,
  buttonStyles,
  errorTextStyles,
  optionListStyles,
  chipStyles,
  css`
    :host {
      display: inline-block;
      position: relative;
      min-width: 0;
      max-width: 100%;
    }
    p {
      margin: 0;
    }
    .trigger {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      max-width: 100%;
      min-height: 2.25rem;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text')};
      font: inherit;
      cursor: pointer;
    }
    .trigger:hover {
      background: ${token('--clv-color-surface-raised')};
    }
    .trigger__text {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .trigger__label {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .trigger__caret {
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: translateY(-25%) rotate(45deg);
    }
    .trigger[aria-expanded='true'] .trigger__caret {
      transform: translateY(25%) rotate(225deg);
    }
    .popup {
      position: absolute;
      z-index: 10;
      top: calc(100% + ${token('--clv-space-xs')});
      left: 0;
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      width: max-content;
      min-width: 16rem;
      max-width: min(24rem, 90vw);
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.14);
    }
    .popup[hidden] {
      display: none;
    }
    .search {
      width: 100%;
      min-height: 2.25rem;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-surface')};
      color: inherit;
      font: inherit;
    }
    .actions {
      display: flex;
      justify-content: space-between;
      gap: ${token('--clv-space-s')};
    }
    .link-button {
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-xs')};
      border: 0;
      background: none;
      color: ${token('--clv-color-accent')};
      font: inherit;
      font-size: ${token('--clv-font-size-small')};
      text-decoration: underline;
      cursor: pointer;
    }
    .link-button:disabled {
      color: ${token('--clv-color-text-muted')};
      text-decoration: none;
      cursor: not-allowed;
    }
    .listbox {
      max-height: 15rem;
      padding: 0;
    }
    .option--active {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: -2px;
    }
    .error {
      border-radius: ${token('--clv-radius-s')};
    }
    .error__message {
      font-size: ${token('--clv-font-size-small')};
    }
  `,
];
