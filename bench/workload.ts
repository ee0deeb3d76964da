/**
 * What the benchmarks run, shared verbatim by the Node and the browser side: sizes, the generator
 * options, the SQL texts and the semantic query, and the checks that both sides computed the same
 * answer. DOM-free and Node-free.
 */
import type { BgNbdParams, CustomerClvSettings, GammaGammaParams } from '../src/clv/index.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { ScalarValue } from '../src/contracts/result.js';
import type { DecileDefinitionInput, DerivedDeciles } from '../src/derive/index.js';
import { quoteIdentifier } from '../src/query/sql.js';
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
  /** The decile derivation (six windows) in native DuckDB, DuckDB-WASM and JS. */
  derive: number;
  /** The BG/NBD + Gamma-Gamma fit of CDNOW master in Node and in a browser Web Worker. */
  clvFit: number;
  /** Each `<clv-widget>` chart and its vega-embed baseline (1k and 10k rows). */
  widget: number;
  /** The ten-widget dashboard's filter change and its sequential-queries baseline. */
  dashboard: number;
}

export interface Sizes {
  /** Transactions aimed for; the customer count is calibrated so the generator lands near it. */
  targetTransactions: number;
  iterations: Iterations;
}

export const SIZES: Record<Mode, Sizes> = {
  full: {
    targetTransactions: 1_000_000,
    iterations: { generate: 5, instantiate: 3, load: 3, decile: 7, revenue: 10, compile: 30, compileBatch: 1000, derive: 5, clvFit: 5, widget: 7, dashboard: 5 },
  },
  quick: {
    targetTransactions: 100_000,
    iterations: { generate: 3, instantiate: 2, load: 2, decile: 5, revenue: 5, compile: 15, compileBatch: 500, derive: 3, clvFit: 3, widget: 3, dashboard: 3 },
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

// ---------------------------------------------------------------- decile derivation

/**
 * The decile derivation benchmarked: total spend per customer within each loyalty tier (looked up
 * in customers), ranked over six windows ending the day after the generated span, every customer
 * in the map table.
 */
export const DERIVE_DEFINITION: DecileDefinitionInput = {
  name: 'bench_tier_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
  identities: { table: 'customers', column: 'customer_id' },
  windows: [1, 3, 6, 9, 12, 'all'],
  asOf: '2025-01-01',
  mode: 'exact',
};

const DERIVE_MAP = quoteIdentifier(DERIVE_DEFINITION.name);
const DERIVE_FLAT = quoteIdentifier(`${DERIVE_DEFINITION.name}_flat`);

/**
 * A checksum of the derived flat table: per window, category and decile the rows, the metric's
 * sum, min and max (integer cents, so exact in every engine) and the sum of decile × metric.
 */
export const DERIVE_FLAT_SUMMARY_SQL = `SELECT lookback, category, CAST(decile AS INTEGER) AS decile,
       CAST(COUNT(*) AS INTEGER) AS "rows",
       CAST(SUM(metric) AS DOUBLE) AS metric_sum,
       CAST(MIN(metric) AS DOUBLE) AS metric_min,
       CAST(MAX(metric) AS DOUBLE) AS metric_max
FROM ${DERIVE_FLAT}
GROUP BY lookback, category, decile
ORDER BY lookback, category, decile`;

/** A checksum of the map table: per window the rows, the identities with a map, and the maps' total JSON text length. */
export const DERIVE_MAP_SUMMARY_SQL = `SELECT lookback,
       CAST(COUNT(*) AS INTEGER) AS "rows",
       CAST(COUNT(deciles) AS INTEGER) AS mapped,
       CAST(COALESCE(SUM(length(deciles)), 0) AS DOUBLE) AS text_length
FROM ${DERIVE_MAP}
GROUP BY lookback
ORDER BY lookback`;

export const DERIVE_FLAT_KEYS = ['lookback', 'category', 'decile'] as const;
export const DERIVE_FLAT_VALUES = ['rows', 'metric_sum', 'metric_min', 'metric_max'] as const;
export const DERIVE_MAP_KEYS = ['lookback'] as const;
export const DERIVE_MAP_VALUES = ['rows', 'mapped', 'text_length'] as const;

/** Both checksums of one derivation (what every side returns from a run, for the result check). */
export interface DeriveSummary {
  flat: Row[];
  map: Row[];
}

/** Total rows of the flat and the map table in a summary. */
export const summaryRows = (s: DeriveSummary): { flat: number; map: number } => ({ flat: total(s.flat, 'rows'), map: total(s.map, 'rows') });

/** The checksums of DERIVE_FLAT_SUMMARY_SQL and DERIVE_MAP_SUMMARY_SQL computed from the in-memory runner's tables. */
export function summarizeDerived(derived: DerivedDeciles): DeriveSummary {
  const f = derived.flat.data;
  const flat = new Map<string, Row>();
  for (let i = 0; i < derived.flat.rows; i++) {
    const lookback = String(f.lookback[i]);
    const category = String(f.category[i]);
    const decile = Number(f.decile[i]);
    const metric = Number(f.metric[i]);
    const key = JSON.stringify([lookback, category, decile]);
    const row = flat.get(key);
    if (!row) flat.set(key, { lookback, category, decile, rows: 1, metric_sum: metric, metric_min: metric, metric_max: metric });
    else {
      row.rows = (row.rows as number) + 1;
      row.metric_sum = (row.metric_sum as number) + metric;
      row.metric_min = Math.min(row.metric_min as number, metric);
      row.metric_max = Math.max(row.metric_max as number, metric);
    }
  }
  const m = derived.map.data;
  const map = new Map<string, Row>();
  for (let i = 0; i < derived.map.rows; i++) {
    const lookback = String(m.lookback[i]);
    const text = m.deciles[i];
    const row = map.get(lookback) ?? { lookback, rows: 0, mapped: 0, text_length: 0 };
    row.rows = (row.rows as number) + 1;
    if (typeof text === 'string') {
      row.mapped = (row.mapped as number) + 1;
      // SQL length() counts code points.
      row.text_length = (row.text_length as number) + [...text].length;
    }
    map.set(lookback, row);
  }
  return { flat: [...flat.values()], map: [...map.values()] };
}

/** Compares two derivation summaries; null when they agree, else what differs. */
export function diffDeriveSummaries(a: DeriveSummary, b: DeriveSummary): string | null {
  const flat = diffRows(a.flat, b.flat, DERIVE_FLAT_KEYS, DERIVE_FLAT_VALUES);
  if (flat) return `flat table: ${flat}`;
  const map = diffRows(a.map, b.map, DERIVE_MAP_KEYS, DERIVE_MAP_VALUES);
  return map ? `map table: ${map}` : null;
}

// ---------------------------------------------------------------- CLV fit (CDNOW master)

/** The CDNOW master file, under the data directory ($CLV_DATA_DIR, else ../shared/data next to the project). */
export const CDNOW_MASTER = 'cdnow/CDNOW_master.txt';

/** The settings of tests/node/clv-customer-master.test.ts and tests/clv-worker.test.ts. */
export const CLV_SETTINGS: CustomerClvSettings = { calibrationEnd: '1997-09-30', timeUnit: 'weeks', horizon: 39 };

/** Relative tolerance of the worker/Node parameter check. */
export const CLV_PARAMS_TOLERANCE = 1e-6;

/** The fitted parameters of one run (what both sides return for the result check). */
export interface ClvFitSummary {
  rows: number;
  bgnbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
}

/** Compares fitted parameters with a relative tolerance; null when all agree, else the first that differs. */
export function diffClvParams(a: ClvFitSummary, b: ClvFitSummary, tolerance = CLV_PARAMS_TOLERANCE): string | null {
  if (a.rows !== b.rows) return `${a.rows} customers vs ${b.rows}`;
  const pairs: Array<[string, number, number]> = [
    ...(['r', 'alpha', 'a', 'b'] as const).map((k): [string, number, number] => [`BG/NBD ${k}`, a.bgnbd[k], b.bgnbd[k]]),
    ...(['p', 'q', 'gamma'] as const).map((k): [string, number, number] => [`Gamma-Gamma ${k}`, a.gammaGamma[k], b.gammaGamma[k]]),
  ];
  for (const [name, x, y] of pairs) {
    const rel = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), Number.MIN_VALUE);
    if (!(rel <= tolerance)) return `${name}: ${x} vs ${y} (relative difference ${rel.toExponential(2)} > ${tolerance})`;
  }
  return null;
}
