/** clv-kit fit: BG/NBD and Gamma-Gamma maximum-likelihood parameters as JSON. */
import { writeJson } from '../format.js';
import { inputSpec, readTransactions } from '../input.js';
import { calibrationSummary, fitPurchaseModel, fitSpendModel } from '../model.js';
import { CALIBRATION_OPTIONS, calibrationOptions, type Command } from './context.js';

export const fitCommand: Command = {
  options: CALIBRATION_OPTIONS,
  async run({ values, out, reporter }) {
    const spec = inputSpec(values, 'fit');
    const { calibrationEnd, timeUnit } = calibrationOptions(values, 'fit');
    const tx = await readTransactions(spec, 'fit', reporter);
    const summary = calibrationSummary(tx, calibrationEnd, timeUnit, spec.file, reporter);
    const bg = fitPurchaseModel(summary, reporter);
    const gg = fitSpendModel(summary, reporter);
    await writeJson(out, {
      bgnbd: { r: bg.params.r, alpha: bg.params.alpha, a: bg.params.a, b: bg.params.b, ll: bg.logLikelihood },
      gammagamma: { p: gg.params.p, q: gg.params.q, gamma: gg.params.gamma, ll: gg.logLikelihood },
      customers: summary.customers.length,
    });
  },
};
