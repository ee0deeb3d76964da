import type { ColumnarData, LoadColumn, LoadProgress, TableLoader } from '../src/contracts/loader.js';
import { CUSTOMERS_TABLE, DATES_TABLE, loadColumnsOf, TRANSACTIONS_TABLE } from '../src/model/clv-model.js';
import type { SyntheticData } from '../src/synthetic/index.js';

/** One table to load: its name, its columns' types and the data. */
export interface TableToLoad {
  table: string;
  columns: LoadColumn[];
  data: ColumnarData;
}

const rowsOf = (data: ColumnarData): number => Object.values(data)[0]?.length ?? 0;

/** Replaces each table in turn; progress counts rows over all of them, with the table being loaded as the phase. */
export async function loadTables(loader: TableLoader, tables: readonly TableToLoad[], onProgress: (p: LoadProgress) => void): Promise<Record<string, number>> {
  const sizes = tables.map((t) => rowsOf(t.data));
  const total = sizes.reduce((a, b) => a + b, 0);
  const rows: Record<string, number> = {};
  let before = 0;
  for (const [i, { table, columns, data }] of tables.entries()) {
    const loaded = await loader.loadColumns(table, columns, data, {
      mode: 'replace',
      onProgress: (p) => onProgress({ phase: table, done: before + Math.min(p.done, sizes[i]), total }),
    });
    rows[table] = loaded.rows;
    before += sizes[i];
    onProgress({ phase: table, done: before, total });
  }
  return rows;
}

const SYNTHETIC_TABLES = [CUSTOMERS_TABLE, TRANSACTIONS_TABLE, DATES_TABLE] as const;

/** Loads generated data into the engine, table by table. */
export function loadSynthetic(loader: TableLoader, data: SyntheticData, onProgress: (p: LoadProgress) => void): Promise<Record<string, number>> {
  return loadTables(
    loader,
    SYNTHETIC_TABLES.map((table) => ({ table, columns: loadColumnsOf(table), data: data[table] })),
    onProgress,
  );
}

/** Rows per table of generated data. */
export function syntheticCounts(data: SyntheticData): { customers: number; transactions: number; days: number } {
  return {
    customers: data.customers.customer_id.length,
    transactions: data.transactions.transaction_id.length,
    days: data.dates.date.length,
  };
}
