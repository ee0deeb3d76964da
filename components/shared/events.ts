import type { ResultColumn, ResultSet, Row } from '../../src/contracts/result.js';

/** Detail of `clv-chart-click`: the result row behind the clicked (or keyboard-selected) mark. */
export interface ChartClickDetail {
  /** The row as the adapter returned it, keyed by column name. */
  datum: Row;
  /** Index of the row in `result.rows`. */
  index: number;
  /** Columns of the result, for labels and formats. */
  columns: ResultColumn[];
  /** How the mark was chosen. */
  source: 'pointer' | 'keyboard';
}

/** Detail of `clv-query-complete`: fired each time a query settles with a result. */
export interface QueryCompleteDetail {
  result: ResultSet;
}

/** Detail of `clv-query-error`: fired each time a query fails (not when it is cancelled). */
export interface QueryErrorDetail {
  message: string;
  code: string;
  error: unknown;
}

/**
 * Dispatches a `clv-…` CustomEvent from `target`: it bubbles and crosses shadow roots (composed).
 * Returns false when the event was cancelable and a listener called preventDefault().
 */
export function emit<T>(target: EventTarget, type: `clv-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

declare global {
  interface HTMLElementEventMap {
    'clv-chart-click': CustomEvent<ChartClickDetail>;
    'clv-query-complete': CustomEvent<QueryCompleteDetail>;
    'clv-query-error': CustomEvent<QueryErrorDetail>;
  }
}
