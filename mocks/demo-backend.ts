import type { HttpHandler } from 'msw';
import { MemoryDashboardStore } from '../src/dashboards/stores/memory-store.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import { generateClvData } from '../src/synthetic/index.js';
import { createMockHandlers } from './handlers.js';
import type { LatencySetting } from './latency.js';

export interface DemoBackendOptions {
  /** Synthetic customers; 2,000 keeps startup well under a second in a browser. */
  customers?: number;
  seed?: number;
  /** Span of the purchase history (YYYY-MM-DD), fixed so the demo looks the same every day. */
  start?: string;
  end?: string;
  baseUrl?: string;
  latency?: LatencySetting;
}

export interface DemoBackend {
  adapter: MemoryAdapter;
  handlers: HttpHandler[];
  /** The store behind /dashboards (empty at start). */
  dashboards: MemoryDashboardStore;
}

export const DEMO_DEFAULTS = { customers: 2_000, seed: 42, start: '2023-01-01', end: '2024-12-31' } as const;

/** The CLV model over deterministic synthetic data, served by the mock REST backend. */
export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const { customers, seed, start, end } = { ...DEMO_DEFAULTS, ...options };
  const data = generateClvData({ seed, customers, start, end });
  const adapter = new MemoryAdapter(clvDataModel, { customers: data.customers, transactions: data.transactions, dates: data.dates });
  const dashboards = new MemoryDashboardStore();
  return { adapter, dashboards, handlers: createMockHandlers({ adapter, dashboards, baseUrl: options.baseUrl, latency: options.latency }) };
}
