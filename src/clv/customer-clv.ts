/**
 * The per-customer CLV table in one call: calibration summary, BG/NBD and Gamma-Gamma fits (or
 * given parameters), forecasts over a horizon and CLV deciles. The columns are those of the
 * `customer_clv` derived table (registerCustomerClvTable), so the result loads into any TableLoader.
 * Synchronous and DOM-free: run it in a Web Worker (src/clv-worker) to keep a page responsive.
 */
import { AdapterError } from '../contracts/errors.js';
import { bgnbdLogLikelihood, fitBgNbd, type BgNbdParams } from './bgnbd.js';
import { checkClvOptions } from './clv.js';
import { clvDeciles } from './clv-decile.js';
import { transactionColumns, type CustomerClvTransactions } from './customer-clv-input.js';
import { fitGammaGamma, gammaGammaLogLikelihood, type GammaGammaParams } from './gamma-gamma.js';
import { groupRfm } from './group.js';
import { predictCustomers } from './predict.js';
import { rfmSummary, utcDay, type CustomerKey, type RfmSummary, type Timestamp, type TimeUnit } from './rfm.js';
import { spendFitData } from './spend-fit-data.js';

export type { CustomerClvTransactions } from './customer-clv-input.js';

/** The serialisable part of the options (what a worker receives). */
export interface CustomerClvSettings {
  /** Last day of the calibration window, inclusive ('YYYY-MM-DD' or epoch ms, UTC day). */
  calibrationEnd: Timestamp;
  /** Unit of recency, T, the horizon, the period and BG/NBD's α. */
  timeUnit: TimeUnit;
  /** Forecast horizon in `timeUnit`s (expected purchases and CLV). */
  horizon: number;
  /** Discounting period in `timeUnit`s; the horizon must be a whole number of them (default: the horizon). */
  periodLength?: number;
  /** Discount rate per period (default 0). */
  discount?: number;
  /** Given BG/NBD parameters: no fit. Must be in `timeUnit`. */
  bgnbd?: BgNbdParams;
  /** Given Gamma-Gamma parameters: no fit. */
  gammaGamma?: GammaGammaParams;
}

export type CustomerClvPhase = 'summary' | 'bgnbd' | 'gamma-gamma' | 'predict' | 'rank';

export interface CustomerClvProgress {
  phase: CustomerClvPhase;
  /**
   * Overall completion in [0, 1], non-decreasing over a run and 1 at the end. An estimate: a fit's
   * number of iterations is not known in advance, so its share grows as iterations / (iterations + k).
   */
  fraction: number;
  /** Fits: iterations so far over all starts and restarts, and the best log-likelihood of the current start. */
  iteration?: number;
  logLikelihood?: number;
  /** Fits: index of the current start. */
  start?: number;
  /** Predict: customers done of total. */
  done?: number;
  total?: number;
}

export interface CustomerClvOptions extends CustomerClvSettings {
  onProgress?: (progress: CustomerClvProgress) => void;
  /** Aborting rejects with an AdapterError 'aborted' at the next optimiser iteration or customer. */
  signal?: AbortSignal;
}

/** Rows of `customer_clv`, one per customer acquired by the calibration end, in order of first appearance. */
export type CustomerClvColumns = {
  customer_id: CustomerKey[];
  /** x: repeat purchase days in the calibration window. */
  frequency: Int32Array;
  /** t_x: first to last purchase day, in timeUnit. */
  recency: Float64Array;
  /** First purchase day to calibration end, in timeUnit. */
  T: Float64Array;
  /** m̄: mean repeat purchase-day total (0 without repeats). */
  monetary: Float64Array;
  p_alive: Float64Array;
  expected_purchases: Float64Array;
  expected_spend: Float64Array;
  clv: Float64Array;
  clv_decile: Int32Array;
};

export const CUSTOMER_CLV_COLUMNS = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'monetary',
  'p_alive',
  'expected_purchases',
  'expected_spend',
  'clv',
  'clv_decile',
] as const satisfies readonly (keyof CustomerClvColumns)[];

export interface CustomerClvResult {
  data: CustomerClvColumns;
  rows: number;
  /** Distinct customers of the input whose first purchase is after the calibration end (not in the table). */
  notYetAcquired: number;
  bgnbd: {
    params: BgNbdParams;
    /** Σ ln L over all rows, at `params`. */
    logLikelihood: number;
    /** False when the parameters were given. */
    fitted: boolean;
  };
  gammaGamma: {
    params: GammaGammaParams;
    /** Σ ln f over the repeaters used, at `params`. */
    logLikelihood: number;
    fitted: boolean;
    /** Repeaters with m̄ > 0: the customers the spend likelihood is over. */
    customers: number;
    /** Repeaters with m̄ ≤ 0, left out of the likelihood (they still get a forecast). */
    skipped: number;
  };
  /** The settings as applied, defaults filled in; calibrationEnd as 'YYYY-MM-DD'. */
  settings: Required<Pick<CustomerClvSettings, 'timeUnit' | 'horizon' | 'periodLength' | 'discount'>> & { calibrationEnd: string };
  /** Wall-clock milliseconds per step (a fit step is ~0 when its parameters were given). */
  timings: { summary: number; bgnbd: number; gammaGamma: number; predict: number; total: number };
}

/** Where each phase sits in the overall fraction (start, share). */
const SPAN: Record<CustomerClvPhase, readonly [number, number]> = {
  summary: [0, 0.05],
  bgnbd: [0.05, 0.65],
  'gamma-gamma': [0.7, 0.15],
  predict: [0.85, 0.14],
  rank: [0.99, 0.01],
};
/**
 * Iterations (over all starts) after which a fit counts as half done. CDNOW takes about four times
 * as many (BG/NBD ≈ 1,050, Gamma-Gamma ≈ 760, sample and master alike), so a fit typically ends
 * near 80 % of its share and the rest is one step to the next phase.
 */
const HALF_DONE_ITERATIONS = { bgnbd: 260, 'gamma-gamma': 190 } as const;

const at = (phase: CustomerClvPhase, part: number): number => SPAN[phase][0] + SPAN[phase][1] * Math.min(1, Math.max(0, part));

/** Turns the optimiser's per-start iteration counts into one running count and a fraction. */
function fitProgress(phase: 'bgnbd' | 'gamma-gamma', customers: number, emit: ((p: CustomerClvProgress) => void) | undefined) {
  if (!emit) return undefined;
  let done = 0; // iterations of finished starts
  let start = 0;
  let last = 0;
  return (p: { start: number; iteration: number; fx: number }) => {
    if (p.start !== start) {
      done += last;
      start = p.start;
    }
    last = p.iteration;
    const iteration = done + p.iteration;
    const fraction = at(phase, iteration / (iteration + HALF_DONE_ITERATIONS[phase]));
    emit({ phase, fraction, iteration, start: p.start, logLikelihood: -p.fx * customers });
  };
}

/** BG/NBD fitted on the grouped summary, or the given parameters with their log-likelihood. */
function purchaseModel(s: RfmSummary, options: CustomerClvOptions): CustomerClvResult['bgnbd'] {
  const grouped = groupRfm(s);
  if (options.bgnbd) return { params: options.bgnbd, logLikelihood: bgnbdLogLikelihood(options.bgnbd, grouped), fitted: false };
  const onProgress = fitProgress('bgnbd', s.customers.length, options.onProgress);
  const fit = fitBgNbd(grouped, { signal: options.signal, onProgress });
  return { params: fit.params, logLikelihood: fit.logLikelihood, fitted: true };
}

/** Gamma-Gamma on the repeaters with m̄ > 0, fitted or at the given parameters. */
function spendModel(s: RfmSummary, options: CustomerClvOptions): CustomerClvResult['gammaGamma'] {
  const data = spendFitData(s);
  const counts = { customers: data.x.length, skipped: data.skipped };
  if (options.gammaGamma) {
    return { params: options.gammaGamma, logLikelihood: gammaGammaLogLikelihood(options.gammaGamma, data), fitted: false, ...counts };
  }
  if (data.x.length === 0) {
    throw new RangeError('the Gamma-Gamma fit needs at least one customer with a repeat purchase and a positive mean repeat spend; there is none');
  }
  const onProgress = fitProgress('gamma-gamma', data.x.length, options.onProgress);
  const fit = fitGammaGamma(data, { signal: options.signal, onProgress });
  return { params: fit.params, logLikelihood: fit.logLikelihood, fitted: true, ...counts };
}

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Predict progress is reported every this many customers (and after the last). */
const PREDICT_PROGRESS_EVERY = 256;

/**
 * Computes the customer_clv table. Gamma-Gamma is fitted on the repeaters with m̄ > 0 (the others
 * are counted in `gammaGamma.skipped`); customers without repeats get the population mean spend,
 * which needs q > 1. Throws a RangeError for bad input or options, naming the row or customer.
 */
export function computeCustomerClv(transactions: CustomerClvTransactions, options: CustomerClvOptions): CustomerClvResult {
  try {
    return compute(transactions, options);
  } catch (e) {
    if (options.signal?.aborted) throw new AdapterError('aborted', 'The CLV computation was cancelled.', undefined, { cause: e });
    throw e;
  }
}

function compute(transactions: CustomerClvTransactions, options: CustomerClvOptions): CustomerClvResult {
  const t0 = performance.now();
  const { signal, onProgress: emit } = options;
  const periodLength = options.periodLength ?? options.horizon;
  const discount = options.discount ?? 0;
  // Checked before the fits, so a typo in the horizon does not cost a fit first.
  checkClvOptions({ horizon: options.horizon, period: periodLength, discountRate: discount });
  const calibrationEnd = isoDay(utcDay(options.calibrationEnd));
  signal?.throwIfAborted();

  emit?.({ phase: 'summary', fraction: at('summary', 0) });
  const cols = transactionColumns(transactions);
  const s = rfmSummary(cols, { calibrationEnd, timeUnit: options.timeUnit });
  const n = s.customers.length;
  if (n === 0) throw new RangeError(`no customer made a first purchase on or before the calibration end ${calibrationEnd}`);
  const notYetAcquired = new Set(Array.from(cols.customer)).size - n;
  const t1 = performance.now();

  const bg = purchaseModel(s, options);
  const t2 = performance.now();
  const gg = spendModel(s, options);
  const t3 = performance.now();

  const predictions = predictCustomers(bg.params, gg.params, s, {
    horizon: options.horizon,
    period: periodLength,
    discountRate: discount,
    signal,
    onProgress: emit
      ? (done, total) => {
          if (done % PREDICT_PROGRESS_EVERY === 0 || done === total) emit({ phase: 'predict', fraction: at('predict', done / total), done, total });
        }
      : undefined,
  });
  const t4 = performance.now();

  signal?.throwIfAborted();
  emit?.({ phase: 'rank', fraction: at('rank', 0) });
  const clvDecile = clvDeciles(predictions.clv, s.customers);
  emit?.({ phase: 'rank', fraction: 1 });
  const t5 = performance.now();

  return {
    data: {
      customer_id: s.customers,
      frequency: Int32Array.from(s.x),
      recency: s.tx,
      T: s.T,
      monetary: s.monetary,
      p_alive: predictions.pAlive,
      expected_purchases: predictions.expectedPurchases,
      expected_spend: predictions.expectedSpend,
      clv: predictions.clv,
      clv_decile: clvDecile,
    },
    rows: n,
    notYetAcquired,
    bgnbd: bg,
    gammaGamma: gg,
    settings: { calibrationEnd, timeUnit: options.timeUnit, horizon: options.horizon, periodLength, discount },
    timings: { summary: t1 - t0, bgnbd: t2 - t1, gammaGamma: t3 - t2, predict: t4 - t3, total: t5 - t0 },
  };
}
