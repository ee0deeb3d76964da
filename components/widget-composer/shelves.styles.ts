import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { iconButtonBox } from '../shared/icon-button.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';
import { kindIconStyles } from './rail.styles.js';

export const shelvesStyles = [
  baseStyles,
  buttonStyles,
  buttonVariantStyles,
  kindIconStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .shelves {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    .carrying,
    .note {
      margin: 0;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border-radius: ${token('--clv-radius-m')};
      font-size: ${token('--clv-font-size-small')};
    }
    .carrying {
      border: 1px dashed ${token('--clv-color-accent')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 8%, ${token('--clv-color-surface')});
    }
    .note {
      color: ${token('--clv-color-text-muted')};
    }

    .channels {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: ${token('--clv-space-s')};
      align-items: start;
    }
    .swap {
      grid-column: 1 / -1;
      display: flex;
      order: -1;
    }
    .swap svg {
      width: 1rem;
      height: 1rem;
    }

    .shelf {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      min-width: 0;
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      transition:
        border-color ${token('--clv-transition-duration')},
        background-color ${token('--clv-transition-duration')};
    }
    .shelf--empty {
      border-style: dashed;
    }
    /* While an attribute is carried from the keyboard, every shelf is a drop target. */
    .shelf--target {
      border-color: ${token('--clv-color-accent')};
      border-style: dashed;
    }
    .shelf--over {
      border-color: ${token('--clv-color-accent')};
      border-style: solid;
      background: color-mix(in srgb, ${token('--clv-color-accent')} 10%, ${token('--clv-color-surface')});
      box-shadow: 0 0 0 1px ${token('--clv-color-accent')};
    }
    .shelf--problem {
      border-color: ${token('--clv-color-danger')};
    }
    /* Shelves are focused by script (after a drop or a removal) and, while carrying, by Tab: always show where focus is. */
    .shelf:focus-visible {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: 2px;
    }
    .shelf__head {
      display: flex;
      align-items: baseline;
      gap: ${token('--clv-space-s')};
    }
    .shelf__title {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .shelf__required {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .shelf__help {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .shelf__empty {
      margin: 0;
      padding: ${token('--clv-space-s')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-surface-raised')};
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
      text-align: center;
    }

    .pill {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
    }
    .pill__kind {
      display: inline-flex;
    }
    .pill__text {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-width: 0;
      line-height: 1.2;
    }
    .pill__label {
      overflow: hidden;
      font-weight: ${token('--clv-font-weight-bold')};
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .pill__table {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .icon-button {
      ${iconButtonBox}
      flex: none;
      width: 1.75rem;
      height: 1.75rem;
    }
    .icon-button--small {
      width: 1.5rem;
      height: 1.5rem;
    }
    .icon-button:hover {
      border-color: ${token('--clv-color-border')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-danger')};
    }
    .icon-button svg {
      width: 0.875rem;
      height: 0.875rem;
    }

    .settings {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
      gap: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    }
    .setting {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      min-width: 0;
      font-size: ${token('--clv-font-size-small')};
    }
    .setting--note {
      grid-column: 1 / -1;
      margin: 0;
      color: ${token('--clv-color-text-muted')};
    }
    .setting__label {
      color: ${token('--clv-color-text-muted')};
    }
    select {
      ${controlBox}
      min-height: 2rem;
      width: 100%;
      padding-block: ${token('--clv-space-2xs')};
      color: ${token('--clv-color-text')};
      font-size: ${token('--clv-font-size-small')};
    }

    .problem {
      margin: 0;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-danger-surface')};
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }

    .chips,
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .filters {
      flex-direction: column;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      max-width: 100%;
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: 999px;
      background: ${token('--clv-color-surface-raised')};
      font-size: ${token('--clv-font-size-small')};
    }
    .chip__text {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
    }
    .filter--problem {
      border-color: ${token('--clv-color-danger')};
    }
    .filter__row {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
    }
    .filter__text {
      flex: 1;
      min-width: 0;
      font-size: ${token('--clv-font-size-small')};
      overflow-wrap: anywhere;
    }
  `,
];
