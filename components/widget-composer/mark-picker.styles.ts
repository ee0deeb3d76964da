import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

/** A grid of mark tiles: two columns in a ~280px sidebar, more as the space grows. */
export const markPickerStyles = [
  baseStyles,
  css`
    :host {
      display: block;
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
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(var(--clv-composer-mark-tile-width, 7.5rem), 1fr));
      gap: ${token('--clv-space-s')};
    }
    .tile {
      position: relative;
      display: grid;
      grid-template-columns: auto 1fr;
      grid-template-rows: auto 1fr;
      column-gap: ${token('--clv-space-xs')};
      row-gap: ${token('--clv-space-2xs')};
      align-items: center;
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      transition:
        border-color ${token('--clv-transition-duration')},
        background-color ${token('--clv-transition-duration')};
    }
    .tile:hover {
      background: ${token('--clv-color-surface-raised')};
    }
    .tile:has(input:checked) {
      border-color: ${token('--clv-color-accent')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 8%, ${token('--clv-color-surface')});
      box-shadow: inset 0 0 0 1px ${token('--clv-color-accent')};
    }
    .tile:has(input:focus-visible) {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: 2px;
    }
    /* The native radio stays in the tab order and answers the arrow keys; the tile shows its state. */
    input[type='radio'] {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    .icon {
      grid-row: 1;
      grid-column: 1;
      display: block;
      width: 1.25rem;
      height: 1.25rem;
      color: ${token('--clv-color-text-muted')};
    }
    .tile:has(input:checked) .icon {
      color: ${token('--clv-color-accent')};
    }
    label {
      grid-row: 1;
      grid-column: 2;
      font-weight: ${token('--clv-font-weight-bold')};
      font-size: ${token('--clv-font-size-small')};
      line-height: 1.25;
      pointer-events: none;
    }
    .help {
      grid-row: 2;
      grid-column: 1 / -1;
      align-self: start;
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: 0.75rem;
      line-height: 1.3;
      pointer-events: none;
    }
  `,
];
