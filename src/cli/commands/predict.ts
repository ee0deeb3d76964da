/** clv-kit predict: P(alive), expected purchases and spend, and discounted CLV per customer. */
import { predictCustomers, type BgNbdParams, type CustomerPredictions, type GammaGammaParams } from '../../clv/index.js';
import { choiceOption, numberOption, positiveListOption, type ParsedValues } from '../args.js';
import { DataError, UsageError } from '../errors.js';
import { OUTPUT_FORMATS, writeRecords, type Cell } from '../format.js';
import { inputSpec, readTransactions } from '../input.js';
import { calibrationSummary, fitPurchaseModel, fitSpendModel } from '../model.js';
import { CALIBRATION_OPTIONS, calibrationOptions, type Command } from './context.js';
import { RFM_COLUMNS } from './rfm.js';

export const PREDICT_COLUMNS = [...RFM_COLUMNS, 'p_alive', 'expected_purchases', 'expected_spend', 'clv'] as const;

interface Horizon {
  horizon: number;
  period: number;
  discountRate: number;
}

/** N, L and D, with N a whole multiple of L (up to floating-point noise such as 0.3 / 0.1). */
function horizonOptions(values: ParsedValues): Horizon {
  const horizon = numberOption(values, 'horizon', 'predict', 'a number > 0', (n) => n > 0);
  if (horizon === undefined) throw new UsageError('--horizon is required', 'predict');
  const period = numberOption(values, 'period-length', 'predict', 'a number > 0', (n) => n > 0) ?? horizon;
  const k = horizon / period;
  if (Math.round(k) < 1 || Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, k)) {
    throw new UsageError(`--horizon ${horizon} is not a whole multiple of --period-length ${period}`, 'predict');
  }
  const discountRate = numberOption(values, 'discount', 'predict', 'a number > -1', (n) => n > -1) ?? 0;
  return { horizon, period, discountRate };
}

function givenParams(values: ParsedValues): { bgnbd?: BgNbdParams; gg?: GammaGammaParams } {
  const bg = positiveListOption(values, 'bgnbd', 'predict', ['r', 'alpha', 'a', 'b']);
  const gg = positiveListOption(values, 'gg', 'predict', ['p', 'q', 'gamma']);
  return {
    bgnbd: bg && { r: bg[0], alpha: bg[1], a: bg[2], b: bg[3] },
    gg: gg && { p: gg[0], q: gg[1], gamma: gg[2] },
  };
}

export const predictCommand: Command = {
  options: {
    ...CALIBRATION_OPTIONS,
    horizon: { type: 'string' },
    'period-length': { type: 'string' },
    discount: { type: 'string' },
    bgnbd: { type: 'string' },
    gg: { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values, out, reporter }) {
    const spec = inputSpec(values, 'predict');
    const { calibrationEnd, timeUnit } = calibrationOptions(values, 'predict');
    const h = horizonOptions(values);
    const given = givenParams(values);
    const format = choiceOption(values, 'format', 'predict', OUTPUT_FORMATS, 'csv');

    const purchases = await readTransactions(spec, 'predict', reporter);
    const s = calibrationSummary(purchases, calibrationEnd, timeUnit, spec.file, reporter);
    const bg = given.bgnbd ?? fitPurchaseModel(s, reporter).params;
    const gg = given.gg ?? fitSpendModel(s, reporter).params;

    // Customers without repeats get the population mean spend pγ/(q−1), which needs q > 1.
    if (gg.q <= 1 && s.x.some((x) => x === 0)) {
      const why = `Gamma-Gamma q = ${gg.q} ≤ 1 leaves the population mean spend (used for customers without repeat purchases) undefined`;
      if (given.gg) throw new UsageError(`--gg: ${why}`, 'predict');
      throw new DataError(why);
    }

    // All rows are computed before any is written, so a failure leaves stdout empty rather than cut short.
    let p: CustomerPredictions;
    try {
      p = predictCustomers(bg, gg, s, {
        ...h,
        onProgress: (done, total) => reporter.progress(() => `predicting: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers`),
      });
    } catch (e) {
      // RangeErrors name the customer they concern; anything else is a bug and is reported as such.
      if (e instanceof RangeError) throw new DataError(e.message);
      throw e;
    } finally {
      reporter.clearProgress();
    }
    const rows = s.customers.map((c, i): Cell[] => [
      String(c),
      s.x[i],
      s.tx[i],
      s.T[i],
      s.monetary[i],
      p.pAlive[i],
      p.expectedPurchases[i],
      p.expectedSpend[i],
      p.clv[i],
    ]);
    await writeRecords(out, format, PREDICT_COLUMNS, rows);
  },
};
