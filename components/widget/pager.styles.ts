import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

/** The row range and the Previous/Next buttons under a table: the widget's table and the data viewer. */
export const pagerStyles = css`
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('--clv-space-s')};
  }
  .pager__buttons {
    display: flex;
    gap: ${token('--clv-space-xs')};
  }
`;
