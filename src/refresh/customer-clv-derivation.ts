import { computeCustomerClv, CUSTOMER_CLV_COLUMNS, type CustomerClvResult, type CustomerClvSettings, type CustomerClvTransactions } from '../clv/customer-clv.js';
import { CUSTOMER_CLV_TABLE, customerClvModelParts } from '../clv/customer-clv-table.js';
import type { DataAdapter } from '../contracts/adapter.js';
import type { DataModel } from '../contracts/data-model.js';
import type { ScalarValue } from '../contracts/result.js';
import { quoteIdentifier as q } from '../query/sql.js';
import type { DerivationRunner } from './derivations.js';

export interface CustomerClvDerivationOptions extends CustomerClvSettings {
  /** The model whose customers.customer_id types the identity column; default: the run adapter's describe(). */
  model?: DataModel;
  /** The purchases table, with the CLV model's customer_id, ts and amount columns. Default "transactions". */
  source?: string;
  /**
   * Does the computation; default computeCustomerClv on this thread. In a page, pass one that uses
   * runClvInWorker so the fits do not block the UI.
   */
  compute?: (transactions: CustomerClvTransactions, settings: CustomerClvSettings) => Promise<CustomerClvResult>;
}

/** Rows per sample() page where the adapter runs no SQL (the in-memory engine). */
const PAGE = 10_000;

/** customer_id, ts and amount of every purchase that has all three (computeCustomerClv rejects nulls). */
async function readPurchases(adapter: DataAdapter, source: string): Promise<{ transactions: CustomerClvTransactions; read: number }> {
  let rows: ReadonlyArray<Record<string, ScalarValue>>;
  if (adapter.sql) {
    rows = (await adapter.sql(`SELECT "customer_id", "ts", "amount" FROM ${q(source)}`)).rows;
  } else {
    const pages: Array<ReadonlyArray<Record<string, ScalarValue>>> = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = (await adapter.sample(source, { limit: PAGE, offset })).rows;
      pages.push(page);
      if (page.length < PAGE) break;
    }
    rows = pages.flat();
  }
  const complete = rows.filter((r) => r.customer_id != null && r.ts != null && r.amount != null);
  return {
    transactions: { customer_id: complete.map((r) => r.customer_id), ts: complete.map((r) => r.ts), amount: complete.map((r) => r.amount) },
    read: rows.length,
  };
}

/**
 * customer_clv as a refresh runner: reads the purchases through the run's adapter, computes the
 * per-customer forecasts and replaces the table through the run's transactional write path, so
 * the new table commits with the run's checkpoint. Works on any engine (SQL or in memory).
 */
export function customerClvDerivation(options: CustomerClvDerivationOptions): DerivationRunner {
  const { model, source = 'transactions', compute, ...settings } = options;
  const run = compute ?? (async (t: CustomerClvTransactions, s: CustomerClvSettings) => computeCustomerClv(t, s));
  return async (context) => {
    const { transactions, read } = await readPurchases(context.adapter, source);
    const result = await run(transactions, settings);
    const table = customerClvModelParts(model ?? (await context.adapter.describe()), result.settings).table;
    const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
    const data = result.data;
    const rows = Array.from({ length: result.rows }, (_, i) => Object.fromEntries(CUSTOMER_CLV_COLUMNS.map((c) => [c, data[c][i] ?? null])));
    const written = await context.writeTable(CUSTOMER_CLV_TABLE, columns, rows, 'replace');
    return { tablesWritten: [CUSTOMER_CLV_TABLE], rowsWritten: written, rowsProcessed: read };
  };
}
