import { css } from 'lit';
import { token } from './tokens.styles.js';

/** Chosen values as a wrapping row of pills (`.chips` > `.chip`), each with a round remove button (`.chip__remove`). */
export const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--clv-space-xs')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: ${token('--clv-space-2xs')};
    padding: 0 0 0 ${token('--clv-space-s')};
    border: 1px solid ${token('--clv-color-border')};
    border-radius: 999px;
    background: ${token('--clv-color-surface-raised')};
    font-size: ${token('--clv-font-size-small')};
  }
  .chip__remove {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.5rem;
    height: 1.5rem;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .chip__remove:hover {
    background: ${token('--clv-color-grid')};
  }
`;
