/** clv-kit deciles: spend deciles per customer, window and category, through the shared decile derivation. */
import { isAdapterError } from '../../contracts/errors.js';
import type { ColumnarData } from '../../contracts/loader.js';
import { DEFAULT_DECILE_WINDOWS, deriveDecilesInMemory, type DecileDefinitionInput, type DecileWindow } from '../../derive/index.js';
import { TRANSACTIONS_TABLE } from '../../model/clv-model.js';
import { choiceOption, dateOption, HELP_OPTION, INPUT_OPTIONS, stringOption, type ParsedValues } from '../args.js';
import { DataError, UsageError } from '../errors.js';
import { OUTPUT_FORMATS, writeRecords, type Cell } from '../format.js';
import { inputSpec, readTransactions } from '../input.js';
import { countOf } from '../io.js';
import type { Command } from './context.js';

export const DECILE_COLUMNS = ['customer', 'window', 'category', 'metric', 'decile'] as const;

/** The category every purchase falls in without --category. */
export const SINGLE_CATEGORY = 'all';

const MAX_WINDOW_MONTHS = 1200;
/** Amounts are summed as integers in 10^-2 units (cents), so totals are exact; output divides back. */
const METRIC_DECIMALS = 2;

function windowsOption(values: ParsedValues): DecileWindow[] {
  const v = stringOption(values, 'windows', 'deciles');
  if (v === undefined) return [...DEFAULT_DECILE_WINDOWS];
  const windows = v.split(',').map((part): DecileWindow => {
    const t = part.trim();
    if (t === 'all') return 'all';
    if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > MAX_WINDOW_MONTHS) {
      throw new UsageError(`--windows: "${t}" is neither a number of months (1 to ${MAX_WINDOW_MONTHS}) nor "all"`, 'deciles');
    }
    return Number(t);
  });
  const dup = windows.find((w, i) => windows.indexOf(w) !== i);
  if (dup !== undefined) throw new UsageError(`--windows lists ${dup} twice`, 'deciles');
  return windows;
}

export const decilesCommand: Command = {
  options: {
    ...INPUT_OPTIONS,
    ...HELP_OPTION,
    category: { type: 'string' },
    'as-of': { type: 'string' },
    windows: { type: 'string' },
    'window-mode': { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values, out, reporter }) {
    const spec = inputSpec(values, 'deciles');
    const asOf = dateOption(values, 'as-of', 'deciles');
    const windows = windowsOption(values);
    const mode = choiceOption(values, 'window-mode', 'deciles', ['exact', 'platform'] as const, 'exact');
    const format = choiceOption(values, 'format', 'deciles', OUTPUT_FORMATS, 'csv');

    const purchases = await readTransactions(spec, 'deciles', reporter);
    const data: ColumnarData = { ...purchases.data };
    if (spec.category === undefined) {
      data.category = new Array<string>(purchases.rows).fill(SINGLE_CATEGORY);
    } else {
      let empty = 0;
      for (const c of Array.from(data.category)) if (c === null) empty++;
      if (empty > 0) reporter.warn(`${countOf(empty, 'row')} with an empty ${spec.category} ${empty === 1 ? 'is' : 'are'} in no category`);
    }
    const definition: DecileDefinitionInput = {
      name: 'cli_deciles',
      source: {
        table: TRANSACTIONS_TABLE,
        identity: 'customer_id',
        category: 'category',
        time: 'ts',
        metric: { aggregation: 'sum', column: 'amount', decimals: METRIC_DECIMALS },
      },
      windows,
      asOf,
      mode,
    };
    reporter.progress('ranking customers', true);
    let flat: ColumnarData;
    try {
      flat = deriveDecilesInMemory(definition, { [TRANSACTIONS_TABLE]: data }).flat.data;
    } catch (e) {
      throw isAdapterError(e) ? new DataError(`deciles of ${spec.file}: ${e.message}`) : e;
    } finally {
      reporter.clearProgress();
    }
    const [ids, windowKeys, categories, metrics, deciles] = ['customer_id', 'lookback', 'category', 'metric', 'decile'].map((k) => flat[k]);
    function* rows(): Generator<Cell[]> {
      for (let i = 0; i < ids.length; i++) {
        const metric = (metrics[i] as number) / 10 ** METRIC_DECIMALS;
        yield [String(ids[i]), String(windowKeys[i]), String(categories[i]), metric, deciles[i] as number];
      }
    }
    await writeRecords(out, format, DECILE_COLUMNS, rows());
  },
};
