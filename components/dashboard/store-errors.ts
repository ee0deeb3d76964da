import { DashboardStoreError } from '../../src/dashboards/store.js';
import { toDisplayError } from '../shared/query-controller.js';

/** Is `error` a store error with this code (also across realms, where instanceof fails)? */
export function isStoreError(error: unknown, code?: DashboardStoreError['code']): error is DashboardStoreError {
  const named = error instanceof DashboardStoreError || (error instanceof Error && error.name === 'DashboardStoreError' && 'code' in error);
  return named && (code === undefined || (error as DashboardStoreError).code === code);
}

/** The sentence shown for a failed store call: the store's own message, which names the dashboard or the field. */
export function storeErrorMessage(error: unknown): string {
  if (isStoreError(error)) {
    const field = error.field && !error.message.includes(error.field) ? ` (${error.field})` : '';
    return `${error.message}${field}`;
  }
  return toDisplayError(error).message;
}
