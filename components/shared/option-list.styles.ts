import { css } from 'lit';
import { token } from './tokens.styles.js';

/**
 * The look of option-list-view.ts: the listbox and its options with their checkbox marks, the
 * status line and the error panel (the chips are chipStyles). The element adds the listbox's size
 * and frame, the active option's outline and the error panel's corner radius.
 */
export const optionListStyles = css`
  .list-status {
    color: ${token('--clv-color-text-muted')};
    font-size: ${token('--clv-font-size-small')};
  }
  .listbox {
    margin: 0;
    overflow-y: auto;
    list-style: none;
  }
  .listbox[aria-busy='true'] {
    opacity: 0.6;
  }
  .option {
    display: flex;
    align-items: center;
    gap: ${token('--clv-space-s')};
    padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    border-radius: ${token('--clv-radius-s')};
    cursor: pointer;
  }
  .option:hover,
  .option--active {
    background: ${token('--clv-color-surface-raised')};
  }
  .check {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 1rem;
    height: 1rem;
    border: 1px solid ${token('--clv-color-border')};
    border-radius: ${token('--clv-radius-s')};
    background: ${token('--clv-color-surface')};
  }
  .check--on {
    border-color: ${token('--clv-color-accent')};
    background: ${token('--clv-color-accent')};
    color: ${token('--clv-color-on-accent')};
  }
  .error {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${token('--clv-space-xs')};
    padding: ${token('--clv-space-s')};
    border: 1px solid ${token('--clv-color-danger')};
    background: ${token('--clv-color-danger-surface')};
  }
`;
