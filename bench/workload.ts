/**
 * What the benchmarks run, shared verbatim by the Node and the browser side: sizes, the generator
 * options, the SQL texts and the semantic query, and the checks that both sides computed the same
 * answer. DOM-free and Node-free.
 */
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { ScalarValue } from '../src/contracts/result.js';
import type { GenerateOptionsInput } from '../src/synthetic/index.js';

export type Mode = 'full' | 'quick';

export interface Iterations {
  generate: number;
  instantiate: number;
  load: number;
  decile: number;
  revenue: number;
  /**
   * Timed samples of the compile-only benchmark, each the mean of `compileBatch` compilations. A
   * compilation allocates enough that a young-generation GC falls every ~100 calls, so a batch
   * spans several of them and each sample includes its share of GC time.
   */
  compile: number;
  compileBatch: number;
}

export interface Sizes {
  /** Transactions aimed for; the customer count is calibrated so the generator lands near it. */
  targetTransactions: number;
  iterations: Iterations;
}

export const SIZES: Record<Mode, Sizes> = {
  full: {
    targetTransactions: 1_000_000,
    iterations: { generate: 5, instantiate: 3, load: 3, decile: 7, revenue: 10, compile: 30, compileBatch: 1000 },
  },
  quick: {
    targetTransactions: 100_000,
    iterations: { generate: 3, instantiate: 2, load: 2, decile: 5, revenue: 5, compile: 15, compileBatch: 500 },
  },
};

export const SEED = 20_241_129;
export const SPAN = { start: '2023-01-01', end: '2024-12-31' } as const;
/** Customers simulated to estimate transactions per customer before the real runs. */
export const CALIBRATION_CUSTOMERS = 20_000;

export function generateOptions(customers: number): GenerateOptionsInput {
  return { seed: SEED, customers, start: SPAN.start, end: SPAN.end };
}

/** Customers to simulate for about `target` transactions, given a calibration run; within the generator's 1k–1M bounds. */
export function customersFor(target: number, calibration: { customers: number; transactions: number }): number {
  if (calibration.transactions <= 0) throw new Error('the calibration run produced no transactions');
  const perCustomer = calibration.transactions / calibration.customers;
  return Math.min(1_000_000, Math.max(1_000, Math.round(target / perCustomer)));
}

/**
 * Customer value deciles: total spend per customer, NTILE(10) over it (highest spenders in decile 1,
 * ties broken by customer id so the split is deterministic), then customers and revenue per decile.
 */
export const DECILE_SQL = `WITH per_customer AS (
  SELECT customer_id, SUM(amount) AS total
  FROM transactions
  GROUP BY customer_id
), ranked AS (
  SELECT total, NTILE(10) OVER (ORDER BY total DESC, customer_id) AS decile
  FROM per_customer
)
SELECT CAST(decile AS INTEGER) AS decile,
       CAST(COUNT(*) AS INTEGER) AS customers,
       CAST(SUM(total) AS DOUBLE) AS revenue
FROM ranked
GROUP BY decile
ORDER BY decile`;

/** Revenue by month, channel and the customer's loyalty tier, as a semantic query of the CLV model. */
export const REVENUE_QUERY: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel', 'customers.loyalty_tier'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }],
};

/** The same question written by hand, with the semantic query's column names so the answers compare. */
export const REVENUE_SQL = `SELECT t.channel AS "transactions.channel",
       c.loyalty_tier AS "customers.loyalty_tier",
       strftime(date_trunc('month', t.ts), '%Y-%m-%d') AS "transactions.ts.month",
       CAST(SUM(t.amount) AS DOUBLE) AS "transactions.revenue"
FROM transactions AS t
LEFT JOIN customers AS c ON c.customer_id = t.customer_id
GROUP BY 1, 2, 3
ORDER BY 3, 1, 2`;

/** Columns that identify a row of the revenue query, and its value columns (for diffRows). */
export const REVENUE_KEYS = ['transactions.ts.month', 'transactions.channel', 'customers.loyalty_tier'] as const;
export const REVENUE_VALUES = ['transactions.revenue'] as const;
export const DECILE_KEYS = ['decile'] as const;
export const DECILE_VALUES = ['customers', 'revenue'] as const;

export type Row = Record<string, ScalarValue>;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function sameValue(a: ScalarValue | undefined, b: ScalarValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return close(a, b);
  return a === b;
}

/**
 * Compares two result sets as bags of rows keyed by `keys`; numbers compare with a relative
 * tolerance of 1e-9 (engines may add doubles in a different order). Returns null when equal, or
 * what differs.
 */
export function diffRows(a: readonly Row[], b: readonly Row[], keys: readonly string[], values: readonly string[]): string | null {
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  const keyOf = (r: Row) => JSON.stringify(keys.map((k) => r[k] ?? null));
  const index = new Map(b.map((r) => [keyOf(r), r]));
  if (index.size !== b.length) return 'duplicate keys in the second result';
  for (const r of a) {
    const k = keyOf(r);
    const other = index.get(k);
    if (!other) return `row ${k} missing from the second result`;
    for (const v of values) {
      if (!sameValue(r[v], other[v])) return `row ${k}: ${v} = ${String(r[v])} vs ${String(other[v])}`;
    }
  }
  return null;
}

/** Sum of a numeric column, for a one-line description of a result. */
export function total(rows: readonly Row[], column: string): number {
  return rows.reduce((s, r) => s + (typeof r[column] === 'number' ? (r[column] as number) : 0), 0);
}
