import { css } from 'lit';
import { controlBox } from '../shared/controls.styles.js';
import { iconButtonBox } from '../shared/icon-button.styles.js';
import { menuStyles } from '../shared/menu.styles.js';
import { baseStyles, token } from '../shared/tokens.styles.js';

/** Kind icon colours, shared by the rail and the shelves. */
export const kindIconStyles = css`
  .kind-icon {
    display: block;
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  .kind-icon--dimension {
    color: ${token('--clv-color-category-1')};
  }
  .kind-icon--time {
    color: ${token('--clv-color-category-3')};
  }
  .kind-icon--measure {
    color: ${token('--clv-color-category-4')};
  }
`;

export const railStyles = [
  baseStyles,
  kindIconStyles,
  menuStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .rail {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
    }

    .search {
      position: relative;
    }
    .search__icon {
      position: absolute;
      top: 50%;
      left: ${token('--clv-space-s')};
      width: 1rem;
      height: 1rem;
      transform: translateY(-50%);
      color: ${token('--clv-color-text-muted')};
      pointer-events: none;
    }
    .search__input {
      ${controlBox}
      width: 100%;
      padding-inline-start: 1.875rem;
      color: ${token('--clv-color-text')};
    }
    .count,
    .empty {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .empty {
      padding: ${token('--clv-space-m')} 0;
    }

    .group {
      margin-top: ${token('--clv-space-s')};
    }
    .group__title {
      margin: 0 0 ${token('--clv-space-2xs')};
      padding-bottom: ${token('--clv-space-2xs')};
      border-bottom: 1px solid ${token('--clv-color-grid')};
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
      letter-spacing: 0.02em;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .row {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      min-height: 2.25rem;
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      border: 1px solid transparent;
      border-radius: ${token('--clv-radius-m')};
      cursor: grab;
      user-select: none;
    }
    .row:hover {
      background: ${token('--clv-color-surface-raised')};
    }
    .row:focus-visible {
      outline-offset: -2px;
    }
    /* Rows hold a roving tab stop: the one left with tabindex -1 still shows its ring when focused by arrow keys. */
    .row[tabindex='-1']:focus-visible {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
    }
    .row--dragging {
      opacity: 0.5;
    }
    .row--carried {
      border-color: ${token('--clv-color-accent')};
      border-style: dashed;
      background: color-mix(in srgb, ${token('--clv-color-accent')} 8%, ${token('--clv-color-surface')});
    }
    .row__kind {
      display: inline-flex;
      flex: none;
    }
    .row__text {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-width: 0;
      line-height: 1.2;
    }
    .row__label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .row__type {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .row__placed,
    .row__carried {
      flex: none;
      padding: 0 ${token('--clv-space-xs')};
      border-radius: ${token('--clv-radius-s')};
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
      white-space: nowrap;
    }
    .row__placed {
      background: ${token('--clv-color-surface-raised')};
      border: 1px solid ${token('--clv-color-border')};
      color: ${token('--clv-color-text')};
    }
    .row__carried {
      background: ${token('--clv-color-accent')};
      color: ${token('--clv-color-on-accent')};
    }
    .row__menu-button {
      ${iconButtonBox}
      flex: none;
      width: 1.75rem;
      height: 1.75rem;
    }
    .row__menu-button svg {
      width: 1rem;
      height: 1rem;
    }
    .row:hover .row__menu-button,
    .row__menu-button:hover,
    .row__menu-button[aria-expanded='true'] {
      border-color: ${token('--clv-color-border')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text')};
    }

    .menu {
      max-width: min(20rem, calc(100vw - 1rem));
    }
    .item {
      padding: ${token('--clv-space-xs')} ${token('--clv-space-l')};
    }
    .item__label {
      display: inline-flex;
      gap: ${token('--clv-space-xs')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .item--current .item__label {
      color: ${token('--clv-color-accent')};
    }
    .item__hint {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
  `,
];
