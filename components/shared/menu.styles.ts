import { css } from 'lit';
import { token } from './tokens.styles.js';

/**
 * A menu popover (`.menu`) with its items (`.item`, disabled with aria-disabled) and separators.
 * The component adds the menu's max-width and the items' padding.
 */
export const menuStyles = css`
  /* The menu is a popover (top layer), so a box that clips or scrolls its content does not cut it off. */
  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    min-width: 14rem;
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
  .separator {
    height: 1px;
    margin: ${token('--clv-space-xs')} 0;
    background: ${token('--clv-color-grid')};
  }
`;
