/**
 * The modelling steps rfm, fit and predict share: the calibration summary, and the BG/NBD and
 * Gamma-Gamma fits with progress on a terminal. Model failures become data errors.
 */
import {
  fitBgNbd,
  fitGammaGamma,
  rfmSummary,
  spendFitData,
  type BgNbdFit,
  type GammaGammaFit,
  type RfmSummary,
  type TimeUnit,
} from '../clv/index.js';
import { DataError } from './errors.js';
import { countOf, type Reporter } from './io.js';
import type { Transactions } from './input.js';

export const TIME_UNITS: readonly TimeUnit[] = ['weeks', 'days'];

export function calibrationSummary(
  tx: Transactions,
  calibrationEnd: string,
  timeUnit: TimeUnit,
  file: string,
  reporter: Reporter,
): RfmSummary {
  reporter.progress('summarising purchases', true);
  const summary = rfmSummary({ customer: tx.customer, ts: tx.ts, amount: tx.amount }, { calibrationEnd, timeUnit });
  reporter.clearProgress();
  if (summary.customers.length === 0) {
    throw new DataError(
      `no customer in ${file} made a first purchase on or before --calibration-end ${calibrationEnd} (purchases run ${tx.dateRange.from} to ${tx.dateRange.to})`,
    );
  }
  const all = new Set(tx.customer).size;
  const later = all - summary.customers.length;
  if (later > 0) reporter.warn(`${later} of ${countOf(all, 'customer')} made their first purchase after ${calibrationEnd} and ${later === 1 ? 'is' : 'are'} left out`);
  return summary;
}

const fmtLl = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : '—');

export function fitPurchaseModel(summary: RfmSummary, reporter: Reporter): BgNbdFit {
  const n = summary.customers.length;
  try {
    return fitBgNbd(summary, {
      onProgress: (p) => reporter.progress(() => `fitting BG/NBD on ${n.toLocaleString('en-US')} customers: start ${p.start + 1}, iteration ${p.iteration}, LL ${fmtLl(-p.fx * n)}`),
    });
  } catch (e) {
    throw new DataError(`the BG/NBD fit failed: ${(e as Error).message}`);
  } finally {
    reporter.clearProgress();
  }
}

/**
 * Fits Gamma-Gamma on the repeaters, skipping those with m̄ ≤ 0 (e.g. free repeat orders): the
 * density has no mass there, so one such customer would otherwise make the whole fit fail.
 */
export function fitSpendModel(summary: RfmSummary, reporter: Reporter): GammaGammaFit {
  const data = spendFitData(summary);
  if (data.skipped > 0) {
    const who = data.skipped === 1 ? '1 repeat customer with a mean repeat spend ≤ 0 is' : `${data.skipped} repeat customers with a mean repeat spend ≤ 0 are`;
    reporter.warn(`Gamma-Gamma: ${who} left out of the spend fit`);
  }
  if (data.x.length === 0) {
    throw new DataError('the Gamma-Gamma fit needs at least one customer with a repeat purchase and a positive mean repeat spend; there is none');
  }
  const n = data.x.length;
  try {
    return fitGammaGamma(data, {
      onProgress: (p) => reporter.progress(() => `fitting Gamma-Gamma on ${n.toLocaleString('en-US')} repeat customers: start ${p.start + 1}, iteration ${p.iteration}`),
    });
  } catch (e) {
    throw new DataError(`the Gamma-Gamma fit failed: ${(e as Error).message}`);
  } finally {
    reporter.clearProgress();
  }
}
