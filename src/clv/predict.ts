/**
 * Per-customer forecasts from fitted (or given) BG/NBD and Gamma-Gamma parameters: P(alive),
 * expected purchases over a horizon, expected spend per purchase and discounted CLV. One function
 * for every caller (the customer_clv table, the CLI), so the definitions cannot drift apart.
 */
import { bgnbdExpectedPurchases, bgnbdProbabilityAlive, type BgNbdParams } from './bgnbd.js';
import { checkClvOptions, customerLifetimeValue, type ClvOptions } from './clv.js';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma.js';
import type { CustomerKey } from './rfm.js';

/** Calibration summary columns (an RfmSummary fits); `customers` names rows in error messages. */
export interface PredictionInput {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  monetary: ArrayLike<number>;
  customers?: ArrayLike<CustomerKey>;
}

export interface CustomerPredictions {
  /** P(alive | x, t_x, T). */
  pAlive: Float64Array;
  /** E[Y(horizon) | x, t_x, T]: repeat purchases expected in the horizon. */
  expectedPurchases: Float64Array;
  /** Gamma-Gamma E[M | x, m̄]; the population mean for customers without repeats. */
  expectedSpend: Float64Array;
  /** Discounted CLV over the horizon (see customerLifetimeValue). */
  clv: Float64Array;
}

export interface PredictOptions extends ClvOptions {
  /** Called after each customer. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between customers; aborting throws `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Forecasts every row. Customers without repeats get the population mean spend pγ/(q−1), which
 * needs q > 1. Model errors are RangeErrors whose message starts with the customer they concern.
 */
export function predictCustomers(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  data: PredictionInput,
  options: PredictOptions,
): CustomerPredictions {
  checkClvOptions(options);
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n || data.monetary.length !== n) {
    throw new RangeError(`x, tx, T and monetary lengths differ: ${n}, ${data.tx.length}, ${data.T.length}, ${data.monetary.length}`);
  }
  const out: CustomerPredictions = {
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    clv: new Float64Array(n),
  };
  const clvOptions: ClvOptions = { horizon: options.horizon, period: options.period, discountRate: options.discountRate };
  for (let i = 0; i < n; i++) {
    options.signal?.throwIfAborted();
    const [x, tx, T] = [data.x[i], data.tx[i], data.T[i]];
    try {
      const expectedSpend = gammaGammaExpectedSpend(gammaGamma, x, data.monetary[i]);
      out.pAlive[i] = bgnbdProbabilityAlive(bgnbd, x, tx, T);
      out.expectedPurchases[i] = bgnbdExpectedPurchases(bgnbd, options.horizon, x, tx, T);
      out.expectedSpend[i] = expectedSpend;
      out.clv[i] = customerLifetimeValue(bgnbd, { x, tx, T, expectedSpend }, clvOptions);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      const who = data.customers ? String(data.customers[i]) : `at row ${i}`;
      throw new RangeError(`customer ${who}: ${e.message}`, { cause: e });
    }
    options.onProgress?.(i + 1, n);
  }
  return out;
}
