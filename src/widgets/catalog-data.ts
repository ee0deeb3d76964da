import { computeCustomerClv } from '../clv/customer-clv.js';
import type { ColumnarData } from '../contracts/loader.js';
import { deriveDecilesInMemory } from '../derive/run.js';
import { generateClvData } from '../synthetic/generate.js';
import { generateMarketingData } from '../synthetic/marketing.js';
import { CATALOG_DECILE_DEFINITION, catalogModel } from './catalog.js';

/**
 * Every table of catalogModel() filled from one synthetic customer base: customers, transactions
 * and dates from the generator, customer_clv from the BG/NBD + Gamma-Gamma fit up to the day before
 * `holdoutStart` with the holdout as its horizon (so forecasts can be checked against what the
 * customers then bought: the predicted-vs-actual-holdout widget), the catalog's decile
 * tables from the in-memory derivation, and audiences and email events from generateMarketingData.
 * What the catalog widgets' stories, tests and the mock backend show.
 */

export interface CatalogDataOptions {
  customers?: number;
  seed?: number;
  /** Span of the purchase history (YYYY-MM-DD); the CLV calibration ends on `end`. */
  start?: string;
  end?: string;
  /** First day of the holdout period (YYYY-MM-DD); the CLV fit is calibrated up to the day before. */
  holdoutStart?: string;
}

export const CATALOG_DATA_DEFAULTS = { customers: 2_000, seed: 42, start: '2023-01-01', end: '2024-12-31', holdoutStart: '2024-07-01' } as const;
const DAY = 86_400_000;

/** "Now" for the catalog's relative date ranges ("last 90 days"): the day after the data ends. */
export function catalogNow(end: string = CATALOG_DATA_DEFAULTS.end): string {
  return new Date(Date.parse(`${end}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

export function generateCatalogData(options: CatalogDataOptions = {}): Record<string, ColumnarData> {
  const { customers, seed, start, end, holdoutStart } = { ...CATALOG_DATA_DEFAULTS, ...options };
  const holdout = Date.parse(`${holdoutStart}T00:00:00Z`);
  const last = Date.parse(`${end}T00:00:00Z`);
  if (!(holdout > Date.parse(`${start}T00:00:00Z`) && holdout <= last)) throw new RangeError(`holdoutStart: ${holdoutStart} must fall after start and not after end`);
  const calibrationEnd = new Date(holdout - DAY).toISOString().slice(0, 10);
  const base = generateClvData({ seed, customers, start, end });
  const fit = computeCustomerClv(
    { customer_id: base.transactions.customer_id!, ts: base.transactions.ts!, amount: base.transactions.amount! },
    { calibrationEnd, timeUnit: 'weeks', horizon: (last + DAY - holdout) / (7 * DAY) },
  );
  const clv = fit.data as unknown as ColumnarData;
  const deciles = deriveDecilesInMemory(CATALOG_DECILE_DEFINITION, { transactions: base.transactions, customers: base.customers }, catalogModel());
  const marketing = generateMarketingData({ seed: seed + 1, clv, end });
  return {
    customers: base.customers,
    transactions: base.transactions,
    dates: base.dates,
    customer_clv: clv,
    [deciles.map.table]: deciles.map.data,
    [deciles.flat.table]: deciles.flat.data,
    ...marketing,
  };
}
