/** clv-kit rfm: the calibration summary per customer. */
import { choiceOption } from '../args.js';
import { OUTPUT_FORMATS, writeRecords, type Cell } from '../format.js';
import { inputSpec, readTransactions } from '../input.js';
import { calibrationSummary } from '../model.js';
import { CALIBRATION_OPTIONS, calibrationOptions, type Command } from './context.js';

export const RFM_COLUMNS = ['customer', 'frequency', 'recency', 'T', 'monetary'] as const;

export const rfmCommand: Command = {
  options: { ...CALIBRATION_OPTIONS, format: { type: 'string' } },
  async run({ values, out, reporter }) {
    // Every flag is checked before the file is read, so usage errors come back at once.
    const spec = inputSpec(values, 'rfm');
    const { calibrationEnd, timeUnit } = calibrationOptions(values, 'rfm');
    const format = choiceOption(values, 'format', 'rfm', OUTPUT_FORMATS, 'csv');
    const tx = await readTransactions(spec, 'rfm', reporter);
    const s = calibrationSummary(tx, calibrationEnd, timeUnit, spec.file, reporter);
    function* rows(): Generator<Cell[]> {
      for (let i = 0; i < s.customers.length; i++) yield [String(s.customers[i]), s.x[i], s.tx[i], s.T[i], s.monetary[i]];
    }
    await writeRecords(out, format, RFM_COLUMNS, rows());
  },
};
