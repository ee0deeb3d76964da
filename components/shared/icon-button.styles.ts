import { css } from 'lit';
import { token } from './tokens.styles.js';

/**
 * The box of a square, borderless icon button (a menu button, a remove button), as declarations to
 * put inside the button's own rule; the rule adds its size and its hover look.
 */
export const iconButtonBox = css`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  padding: 0;
  border: 1px solid transparent;
  border-radius: ${token('--clv-radius-m')};
  background: none;
  color: ${token('--clv-color-text-muted')};
  cursor: pointer;
`;
