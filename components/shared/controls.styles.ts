import { css } from 'lit';
import { token } from './tokens.styles.js';

/** Small, danger and quiet variants of `.button` (buttonStyles), for toolbars, table rows and dialogs. */
export const buttonVariantStyles = css`
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
`;

/**
 * The box of a text input or select, as declarations to put inside a rule with the element's own
 * selectors (so their specificity and order stay the element's); the rule adds its text colour.
 */
export const controlBox = css`
  min-height: 2.25rem;
  padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
  border: 1px solid ${token('--clv-color-border')};
  border-radius: ${token('--clv-radius-m')};
  background: ${token('--clv-color-surface')};
  font: inherit;
`;
