import { css } from 'lit';
import { token } from './tokens.styles.js';

/**
 * A table of records (the data viewer, SQL results, sample records): small type, ruled rows, and a
 * header that stays in view while the rows scroll. The element adds `class="data-grid"` to its
 * `<table>`. The selectors carry no more weight than plain `th`/`td` (`:where`), so any rule of the
 * element (a right-aligned `.num`, its header padding) wins over them.
 */
export const dataGridStyles = css`
  :where(.data-grid) {
    border-collapse: separate;
    border-spacing: 0;
    font-size: ${token('--clv-font-size-small')};
  }
  :where(.data-grid) th,
  :where(.data-grid) td {
    padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    border-bottom: 1px solid ${token('--clv-color-grid')};
    text-align: start;
    white-space: nowrap;
  }
  :where(.data-grid thead) th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: ${token('--clv-color-surface-raised')};
    border-bottom-color: ${token('--clv-color-border')};
  }
`;
