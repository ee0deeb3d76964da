import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

/** The note where the inventory or a dashboard has nothing to show yet. */
export const emptyPanelStyles = css`
  .empty {
    margin: 0;
    padding: ${token('--clv-space-xl')};
    border: 1px dashed ${token('--clv-color-border')};
    border-radius: ${token('--clv-radius-m')};
    color: ${token('--clv-color-text-muted')};
    text-align: center;
  }
`;

/** The box of a failed load, save or action, as declarations to put inside a rule with the element's own selectors. */
export const errorBox = css`
  margin: 0;
  padding: ${token('--clv-space-m')};
  border: 1px solid ${token('--clv-color-danger')};
  border-radius: ${token('--clv-radius-m')};
  background: ${token('--clv-color-danger-surface')};
  color: ${token('--clv-color-danger')};
`;
