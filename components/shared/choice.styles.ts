import { css } from 'lit';
import { token } from './tokens.styles.js';

/**
 * The box of a checkbox or radio button, as declarations to put inside a rule with the element's
 * own selectors (like controlBox): one size, no margin, the accent colour when checked.
 */
export const choiceBox = css`
  width: 1rem;
  height: 1rem;
  margin: 0;
  accent-color: ${token('--clv-color-accent')};
`;
