import type { LoadProgress, TableLoader } from '../src/contracts/loader.js';
import { CUSTOMERS_TABLE, DATES_TABLE, loadColumnsOf, TRANSACTIONS_TABLE } from '../src/model/clv-model.js';
import type { SyntheticData } from '../src/synthetic/index.js';

const TABLES = [CUSTOMERS_TABLE, TRANSACTIONS_TABLE, DATES_TABLE] as const;

/** Loads generated data into the engine, table by table; progress counts rows over all three tables. */
export async function loadSynthetic(loader: TableLoader, data: SyntheticData, onProgress: (p: LoadProgress) => void): Promise<Record<string, number>> {
  const sizes = TABLES.map((t) => data[t].customer_id?.length ?? data[t].date?.length ?? 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  const rows: Record<string, number> = {};
  let before = 0;
  for (const [i, table] of TABLES.entries()) {
    const loaded = await loader.loadColumns(table, loadColumnsOf(table), data[table], {
      mode: 'replace',
      onProgress: (p) => onProgress({ phase: table, done: before + Math.min(p.done, sizes[i]), total }),
    });
    rows[table] = loaded.rows;
    before += sizes[i];
    onProgress({ phase: table, done: before, total });
  }
  return rows;
}

/** Rows per table of generated data. */
export function syntheticCounts(data: SyntheticData): { customers: number; transactions: number; days: number } {
  return {
    customers: data.customers.customer_id.length,
    transactions: data.transactions.transaction_id.length,
    days: data.dates.date.length,
  };
}
