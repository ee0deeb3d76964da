// The demo's data model and CLV tables: decile and customer_clv derivations kept by refresh jobs
// that run on a second DuckDB connection (a run's BEGIN/COMMIT must not catch the page's own
// queries), the customer_clv fits in the Web Worker, and generated purchases to append.
import { registerCustomerClvTable, type CustomerClvProgress } from '../src/clv/index.js';
import { runClvInWorker } from '../src/clv-worker/index.js';
import type { AppendRows } from '../src/contracts/adapter.js';
import { DataModelSchema } from '../src/contracts/data-model.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import { type DecileDefinitionInput, registerDerivedTables } from '../src/derive/index.js';
import { createDuckDbAdapter, type DuckDbBundle } from '../src/engines/duckdb/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import { CUSTOMER_CLV_DERIVATION, clvDerivations, RefreshScheduler, SqlRefreshExecutor } from '../src/refresh/index.js';
import { createRng } from '../src/synthetic/index.js';
import { CATEGORY_WEIGHTS, CHANNEL_WEIGHTS } from '../src/synthetic/params.js';
import { futureTables } from '../src/widgets/catalog.js';

/**
 * Spend deciles within each product category; asOf just after the synthetic span, so "all" is all of
 * it. The name and the 3- and 12-month windows are those the catalog's decile widgets read.
 */
export const DECILES: DecileDefinitionInput = {
  name: 'category_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'category', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
  identities: { table: 'customers', column: 'customer_id' },
  windows: [1, 3, 12, 'all'],
  asOf: '2025-01-01',
};
export const CLV_SETTINGS = { calibrationEnd: '2024-12-31', timeUnit: 'weeks', horizon: 52 } as const;

const clvModel = registerCustomerClvTable(registerDerivedTables(clvDataModel, DECILES), CLV_SETTINGS);

/**
 * The CLV model with the tables the refresh jobs write, and the audience and email tables of the
 * widget catalog (loaded from the customer_clv results), so every catalog widget can be queried.
 */
export const demoModel = DataModelSchema.parse({
  ...clvModel,
  tables: [...clvModel.tables, ...futureTables.tables],
  relations: [...clvModel.relations, ...futureTables.relations],
  measures: [...clvModel.measures, ...futureTables.measures],
});

export const JOBS = [
  { id: 'category-deciles', name: 'Spend deciles by product category', ref: DECILES.name, at: '02:30' },
  { id: 'customer-clv', name: 'Customer CLV (BG/NBD + Gamma-Gamma)', ref: CUSTOMER_CLV_DERIVATION, at: '03:00' },
] as const;

/**
 * The scheduler with both jobs (daily, UTC); the runs' customer_clv progress goes to `onClvProgress`.
 * `workerUrl` is the CLV worker script when the page is not bundled by Vite.
 */
export async function createClvRefresh(
  bundle: DuckDbBundle,
  onClvProgress: (p: CustomerClvProgress) => void,
  workerUrl?: string | URL,
): Promise<RefreshScheduler> {
  const refresh = createDuckDbAdapter({ bundle, model: demoModel });
  const scheduler = new RefreshScheduler({
    // Larger INSERTs than the default: customer_clv has a row per customer.
    executor: new SqlRefreshExecutor(refresh, { chunkSize: 1000 }),
    derivations: clvDerivations({
      model: demoModel,
      deciles: DECILES,
      customerClv: { ...CLV_SETTINGS, compute: (transactions, settings) => runClvInWorker({ transactions, ...settings }, { onProgress: onClvProgress, workerUrl }) },
    }),
  });
  for (const job of JOBS)
    await scheduler.createJob({ id: job.id, name: job.name, task: { kind: 'derivation', ref: job.ref }, output: { table: job.ref }, schedule: { kind: 'daily', at: job.at } });
  return scheduler;
}

const CATEGORIES = Object.keys(CATEGORY_WEIGHTS);
const CHANNELS = Object.keys(CHANNEL_WEIGHTS);

/** `n` purchases by existing customers in December 2024 (inside the windows and the calibration period). */
export function newPurchases(customers: ColumnarData, n: number, batch: number): AppendRows {
  const rng = createRng(batch);
  const ids = customers.customer_id!;
  const start = Date.parse('2024-12-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const ts = new Date(start + Math.floor(rng.next() * 30 * 86_400_000)).toISOString();
    return {
      transaction_id: `demo-${batch}-${i}`,
      customer_id: ids[rng.int(ids.length)] ?? null,
      ts,
      amount: Math.round((20 + rng.next() * 280) * 100) / 100,
      quantity: 1 + rng.int(3),
      channel: CHANNELS[rng.int(CHANNELS.length)]!,
      category: CATEGORIES[rng.int(CATEGORIES.length)]!,
      order_date: ts.slice(0, 10),
    };
  });
}
