import { css } from 'lit';
import { token } from './tokens.styles.js';

/** The text of an error panel: its title in the danger colour, and the error code in monospace. */
export const errorTextStyles = css`
  .error__title {
    color: ${token('--clv-color-danger')};
    font-weight: ${token('--clv-font-weight-bold')};
  }
  .error__code code {
    font-family: ${token('--clv-font-family-mono')};
    font-size: ${token('--clv-font-size-small')};
  }
`;
