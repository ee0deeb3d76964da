import { createContext } from '@lit/context';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataChanges } from '../../src/query/data-changes.js';

/**
 * The data adapter handed down the DOM tree: `<clv-data-provider>` provides it and every
 * data-driven component consumes it (unless it was given its own `.adapter`).
 */
export const adapterContext = createContext<DataAdapter>(Symbol('clv-adapter'));
export type AdapterContext = typeof adapterContext;

/**
 * The data-change notices handed down with the adapter: `<clv-data-provider>` provides them and
 * every query re-runs when a table it reads changes.
 */
export const dataChangesContext = createContext<DataChanges>(Symbol('clv-data-changes'));
export type DataChangesContext = typeof dataChangesContext;
