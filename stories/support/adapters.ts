// Adapters for the stories: the MSW mock REST backend (the full HTTP path), the in-memory engine,
// and adapters that stay pending, fail, or fail once, for the loading and error states.
import type { DataAdapter, QueryOptions } from '../../src/contracts/adapter.js';
import { AdapterError, type AdapterErrorCode } from '../../src/contracts/errors.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { HttpAdapter } from '../../src/engines/http/index.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { generateClvData } from '../../src/synthetic/index.js';
import { startMockWorker } from '../../mocks/browser.js';
import { createDemoBackend } from '../../mocks/demo-backend.js';

let mockBackend: Promise<HttpAdapter> | undefined;

/**
 * An HttpAdapter talking to the mock REST backend (MSW service worker over synthetic data,
 * 1,000 customers, 2023–2024), started once per page.
 */
export function mockBackendAdapter(): Promise<HttpAdapter> {
  mockBackend ??= (async () => {
    const backend = createDemoBackend({ customers: 1_000, latency: { minMs: 150, maxMs: 450 } });
    await startMockWorker(backend.handlers);
    return HttpAdapter.connect({ baseUrl: '/api' });
  })();
  return mockBackend;
}

let memory: MemoryAdapter | undefined;

/** The in-memory engine over the same kind of synthetic data (no network, no worker). */
export function memoryAdapter(): MemoryAdapter {
  if (!memory) {
    const data = generateClvData({ seed: 42, customers: 2_000, start: '2023-01-01', end: '2024-12-31' });
    memory = new MemoryAdapter(clvDataModel, { customers: data.customers, transactions: data.transactions, dates: data.dates });
  }
  return memory;
}

/** An empty in-memory engine, the target of import stories. */
export const emptyMemoryAdapter = (): MemoryAdapter => new MemoryAdapter(clvDataModel);

class ScriptedAdapter implements DataAdapter {
  readonly id: string;
  readonly capabilities = { sql: false, append: false };
  #calls = 0;

  constructor(
    id: string,
    private readonly answer: (call: number, query: SemanticQueryInput, options: QueryOptions) => Promise<ResultSet>,
  ) {
    this.id = id;
  }

  describe(): ReturnType<DataAdapter['describe']> {
    return Promise.resolve(clvDataModel);
  }

  sample(table: string): Promise<ResultSet> {
    return memoryAdapter().sample(table);
  }

  query(query: SemanticQueryInput, options: QueryOptions = {}): Promise<ResultSet> {
    return this.answer(++this.#calls, query, options);
  }
}

/** Never answers: the loading state. */
export const pendingAdapter = (): DataAdapter => new ScriptedAdapter('pending', () => new Promise<ResultSet>(() => {}));

/** Always rejects with an AdapterError: the error state. */
export const failingAdapter = (code: AdapterErrorCode, message: string): DataAdapter =>
  new ScriptedAdapter('failing', () => Promise.reject(new AdapterError(code, message)));

/** Rejects the first query (a timeout), then answers from the in-memory engine: Retry succeeds. */
export const flakyAdapter = (): DataAdapter =>
  new ScriptedAdapter('flaky', (call, query, options) =>
    call === 1 ? Promise.reject(new AdapterError('timeout', 'The query took longer than 60 s and was stopped.')) : memoryAdapter().query(query, options),
  );
