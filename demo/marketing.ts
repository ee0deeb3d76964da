// Audiences and email events for the generated customers, from their CLV results: what the
// catalog's audience and email widgets read (the tables of futureTables).
import type { ColumnarData, LoadColumn, LoadProgress } from '../src/contracts/loader.js';
import type { ScalarValue } from '../src/contracts/result.js';
import type { DuckDbAdapter } from '../src/engines/duckdb/index.js';
import { generateMarketingData } from '../src/synthetic/marketing.js';
import { futureTables } from '../src/widgets/catalog.js';
import { loadTables } from './load-synthetic.js';

/** The customer_clv columns generateMarketingData needs; the names come from the model, no user value. */
const CLV_COLUMNS = ['customer_id', 'frequency', 'p_alive', 'clv_decile'] as const;
const CLV_SQL = `SELECT ${CLV_COLUMNS.join(', ')} FROM customer_clv ORDER BY customer_id`;

/** The columns of a futureTables table, typed as the model declares them. */
function loadColumnsOf(table: string): LoadColumn[] {
  const t = futureTables.tables.find((x) => x.name === table);
  if (!t) throw new Error(`"${table}" is not a table of the catalog's marketing tables`);
  return t.columns.map((c) => ({ name: c.name, type: c.type }));
}

/** customer_clv as columns (one row per customer), read after its refresh job ran. */
async function readClv(adapter: DuckDbAdapter): Promise<ColumnarData> {
  const { rows } = await adapter.sql(CLV_SQL);
  const columns: Record<string, ScalarValue[]> = Object.fromEntries(CLV_COLUMNS.map((c) => [c, new Array<ScalarValue>(rows.length)]));
  rows.forEach((row, i) => {
    for (const c of CLV_COLUMNS) columns[c]![i] = row[c] ?? null;
  });
  return columns;
}

/**
 * Generates the audience, membership, campaign and email event tables over the customers in
 * customer_clv and replaces them in the engine; resolves with the rows loaded per table.
 */
export async function loadMarketing(
  engine: DuckDbAdapter,
  options: { seed: number; end: string },
  onProgress: (p: LoadProgress) => void,
): Promise<Record<string, number>> {
  const clv = await readClv(engine);
  const data = generateMarketingData({ seed: options.seed, clv, end: options.end });
  return loadTables(
    engine,
    Object.entries(data).map(([table, columns]) => ({ table, columns: loadColumnsOf(table), data: columns })),
    onProgress,
  );
}
