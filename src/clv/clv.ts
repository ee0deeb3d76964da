/**
 * Discounted customer lifetime value from a BG/NBD purchase forecast and an expected spend per
 * purchase (typically the Gamma-Gamma conditional mean).
 *
 * Units: horizon and period are in the BG/NBD model's time unit (weeks for CDNOW); the discount
 * rate is per period; expected spend and the result are in currency.
 */
import { bgnbdExpectedPurchases, type BgNbdParams } from './bgnbd.js';

/** One customer's history (x repeat purchase days, t_x and T in the model unit) and spend forecast. */
export interface ClvCustomer {
  x: number;
  tx: number;
  T: number;
  /** Expected spend per future purchase, e.g. gammaGammaExpectedSpend(…). */
  expectedSpend: number;
}

export interface ClvOptions {
  /** N: horizon, in model time units. */
  horizon: number;
  /** L: length of a discounting period, in model time units; N must be a multiple of L (default N). */
  period?: number;
  /** D: discount rate per period (default 0). */
  discountRate?: number;
}

/** Number of periods N/L, accepting floating-point noise such as 0.3/0.1. */
function periodCount(horizon: number, period: number): number {
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new RangeError(`horizon must be finite and > 0: ${horizon}`);
  if (!(Number.isFinite(period) && period > 0)) throw new RangeError(`period must be finite and > 0: ${period}`);
  const k = horizon / period;
  const rounded = Math.round(k);
  if (rounded < 1 || Math.abs(k - rounded) > 1e-9 * Math.max(1, k)) {
    throw new RangeError(`horizon ${horizon} is not a whole multiple of period ${period}`);
  }
  return rounded;
}

function checkRate(d: number): void {
  if (!(Number.isFinite(d) && d > -1)) throw new RangeError(`discount rate must be finite and > −1: ${d}`);
}

/** Checks horizon, period and discount rate as {@link customerLifetimeValue} would, before any work. */
export function checkClvOptions(options: ClvOptions): void {
  periodCount(options.horizon, options.period ?? options.horizon);
  checkRate(options.discountRate ?? 0);
}

/**
 * clv = Σ_{k=1}^{N/L} spend · (E[Y(kL)] − E[Y((k−1)L)]) / (1+D)^k: expected purchases in each
 * period, valued at the expected spend and discounted at the end of the period.
 */
export function customerLifetimeValue(bgnbd: BgNbdParams, customer: ClvCustomer, options: ClvOptions): number {
  const period = options.period ?? options.horizon;
  const periods = periodCount(options.horizon, period);
  const d = options.discountRate ?? 0;
  checkRate(d);
  if (!Number.isFinite(customer.expectedSpend)) throw new RangeError(`expectedSpend must be finite: ${customer.expectedSpend}`);
  const { x, tx, T } = customer;
  let prev = 0;
  let clv = 0;
  for (let k = 1; k <= periods; k++) {
    const cum = bgnbdExpectedPurchases(bgnbd, k * period, x, tx, T);
    clv += (customer.expectedSpend * (cum - prev)) / Math.pow(1 + d, k);
    prev = cum;
  }
  return clv;
}

/** lifetimes' `freq` codes and the model time units per month they imply. */
export const LIFETIMES_UNITS_PER_MONTH = { W: 4.345, M: 1, D: 30, H: 720 } as const;
export type LifetimesFreq = keyof typeof LIFETIMES_UNITS_PER_MONTH;

export interface LifetimesClvOptions {
  /** Horizon in months (lifetimes `time`, default 12). */
  months?: number;
  /** Discount rate per month (lifetimes `discount_rate`, default 0.01). */
  discountRate?: number;
  /**
   * Model time units per month: a lifetimes `freq` code or a number. Required, because lifetimes'
   * own default 'D' (30) is wrong for a model fitted in weeks, and silently inheriting it would be too.
   */
  unitsPerMonth: LifetimesFreq | number;
}

/**
 * Reproduces lifetimes `GammaGammaFitter.customer_lifetime_value`:
 * Σ_{i=1}^{months} spend · (E[Y(iΔ)] − E[Y(iΔ−Δ)]) / (1+d)^i with Δ = units per month.
 * For comparison with lifetimes output; prefer {@link customerLifetimeValue} otherwise.
 */
export function lifetimesCustomerLifetimeValue(
  bgnbd: BgNbdParams,
  customer: ClvCustomer,
  options: LifetimesClvOptions,
): number {
  const months = options.months ?? 12;
  if (!(Number.isInteger(months) && months >= 1)) throw new RangeError(`months must be a positive integer: ${months}`);
  const d = options.discountRate ?? 0.01;
  checkRate(d);
  const delta = typeof options.unitsPerMonth === 'number' ? options.unitsPerMonth : LIFETIMES_UNITS_PER_MONTH[options.unitsPerMonth];
  if (!(Number.isFinite(delta) && delta > 0)) throw new RangeError(`unitsPerMonth must be finite and > 0: ${String(options.unitsPerMonth)}`);
  const { x, tx, T, expectedSpend } = customer;
  let clv = 0;
  for (let i = 1; i <= months; i++) {
    // lifetimes evaluates predict(iΔ) − predict(iΔ − Δ) with iΔ from numpy's steps·factor.
    const t = i * delta;
    const inc = bgnbdExpectedPurchases(bgnbd, t, x, tx, T) - bgnbdExpectedPurchases(bgnbd, Math.max(0, t - delta), x, tx, T);
    clv += (expectedSpend * inc) / Math.pow(1 + d, i);
  }
  return clv;
}

/** {@link customerLifetimeValue} over columns; spend per customer in `expectedSpend`. */
export function customerLifetimeValues(
  bgnbd: BgNbdParams,
  data: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number>; expectedSpend: ArrayLike<number> },
  options: ClvOptions,
): Float64Array {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n || data.expectedSpend.length !== n) {
    throw new RangeError('x, tx, T and expectedSpend must have the same length');
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = customerLifetimeValue(bgnbd, { x: data.x[i], tx: data.tx[i], T: data.T[i], expectedSpend: data.expectedSpend[i] }, options);
  }
  return out;
}
