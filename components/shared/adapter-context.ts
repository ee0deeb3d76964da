import { createContext } from '@lit/context';
import type { DataAdapter } from '../../src/contracts/adapter.js';

/**
 * The data adapter handed down the DOM tree: `<clv-data-provider>` provides it and every
 * data-driven component consumes it (unless it was given its own `.adapter`).
 */
export const adapterContext = createContext<DataAdapter>(Symbol('clv-adapter'));
export type AdapterContext = typeof adapterContext;
