// Adapters for component tests: a small in-memory CLV dataset with known answers, and
// adapters that stay pending, fail, fail once, or record the signals they were given.
import type { DataAdapter, QueryOptions } from '../../../src/contracts/adapter.js';
import { AdapterError } from '../../../src/contracts/errors.js';
import type { SemanticQueryInput } from '../../../src/contracts/query.js';
import type { ResultSet } from '../../../src/contracts/result.js';
import { MemoryAdapter } from '../../../src/engines/memory/index.js';
import { clvDataModel } from '../../../src/model/clv-model.js';

export const customers = [
  { customer_id: 'c1', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', country: 'GB', signup_date: '2024-01-02', loyalty_tier: 'Gold' },
  { customer_id: 'c2', email: 'alan@example.com', first_name: 'Alan', last_name: 'Turing', country: 'GB', signup_date: '2024-01-05', loyalty_tier: 'Silver' },
  { customer_id: 'c3', email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', country: 'US', signup_date: '2024-02-11', loyalty_tier: 'Bronze' },
];

export const transactions = [
  { transaction_id: 't1', customer_id: 'c1', ts: '2024-01-02T10:00:00Z', amount: 120.5, quantity: 2, channel: 'web', category: 'Books', order_date: '2024-01-02' },
  { transaction_id: 't2', customer_id: 'c1', ts: '2024-02-14T12:30:00Z', amount: 80, quantity: 1, channel: 'store', category: 'Home', order_date: '2024-02-14' },
  { transaction_id: 't3', customer_id: 'c2', ts: '2024-01-05T09:15:00Z', amount: 45.25, quantity: 1, channel: 'web', category: 'Toys', order_date: '2024-01-05' },
  { transaction_id: 't4', customer_id: 'c2', ts: '2024-03-01T18:00:00Z', amount: 300, quantity: 3, channel: 'mobile', category: 'Electronics', order_date: '2024-03-01' },
  { transaction_id: 't5', customer_id: 'c3', ts: '2024-02-11T08:00:00Z', amount: 19.75, quantity: 1, channel: 'web', category: 'Beauty', order_date: '2024-02-11' },
  { transaction_id: 't6', customer_id: 'c3', ts: '2024-03-20T20:45:00Z', amount: 60, quantity: 2, channel: 'store', category: 'Sports', order_date: '2024-03-20' },
];

/** Sum of all amounts: 625.50. */
export const TOTAL_REVENUE = transactions.reduce((s, t) => s + t.amount, 0);

export function memoryAdapter(): MemoryAdapter {
  return new MemoryAdapter(clvDataModel, { customers, transactions });
}

export const revenueByTier: SemanticQueryInput = { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] };
export const monthlyRevenueByChannel: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }],
};
export const totalRevenue: SemanticQueryInput = { measures: ['transactions.revenue'] };
export const noRows: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel'],
  filters: [{ member: 'transactions.channel', operator: 'equals', values: ['fax'] }],
};

/** Wraps an adapter, recording every query call and its signal. */
export class RecordingAdapter implements DataAdapter {
  readonly id: string;
  readonly capabilities;
  calls: Array<{ query: SemanticQueryInput; signal?: AbortSignal }> = [];

  constructor(
    private readonly inner: DataAdapter,
    private readonly behaviour: (call: number, run: () => Promise<ResultSet>) => Promise<ResultSet> = (_call, run) => run(),
  ) {
    this.id = `recording ${inner.id}`;
    this.capabilities = inner.capabilities;
  }

  describe: DataAdapter['describe'] = (options) => this.inner.describe(options);
  sample: DataAdapter['sample'] = (table, options) => this.inner.sample(table, options);

  query(query: SemanticQueryInput, options: QueryOptions = {}): Promise<ResultSet> {
    this.calls.push({ query, signal: options.signal });
    return this.behaviour(this.calls.length, () => this.inner.query(query, options));
  }
}

/** Never answers (the loading state). */
export const pendingAdapter = (): RecordingAdapter => new RecordingAdapter(memoryAdapter(), () => new Promise<ResultSet>(() => {}));

/** Always fails with an AdapterError. */
export const failingAdapter = (code: AdapterError['code'] = 'backend', message = 'The warehouse is offline. Try again in a minute.'): RecordingAdapter =>
  new RecordingAdapter(memoryAdapter(), () => Promise.reject(new AdapterError(code, message)));

/** Fails the first call, answers the next ones. */
export const flakyAdapter = (): RecordingAdapter =>
  new RecordingAdapter(memoryAdapter(), (call, run) => (call === 1 ? Promise.reject(new AdapterError('timeout', 'The query took longer than 30 s.')) : run()));
