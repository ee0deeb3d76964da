import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import { ENCODING_CHANNELS, type Encoding, type WidgetMark, type WidgetSpec } from '../../src/widgets/spec.js';
import { summarizeSeries, type SeriesMapping } from '../shared/chart-summary.js';
import { listFormat, plural } from '../shared/format.js';
import { fieldLabel, type ValueFormatter } from './widget-format.js';

const KIND_NAMES: Partial<Record<WidgetMark, string>> = {
  bar: 'Bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Scatter plot',
  tick: 'Strip plot',
  donut: 'Donut chart',
};

const AGGREGATE_WORDS: Record<NonNullable<Encoding['aggregate']>, string> = {
  count: 'count',
  distinct: 'distinct count',
  sum: 'sum',
  mean: 'average',
  median: 'median',
  min: 'minimum',
  max: 'maximum',
};

/** A result column named as the spec titles it. */
function titled(spec: WidgetSpec, result: ResultSet, e: Encoding | undefined): ResultColumn | undefined {
  const column = e && result.columns.find((c) => c.name === e.field);
  return column && { ...column, label: fieldLabel(spec, column.name, result.columns) };
}

function describeEncoding(spec: WidgetSpec, result: ResultSet, e: Encoding): string {
  const label = e.title ?? fieldLabel(spec, e.field, result.columns);
  if (e.aggregate) return `${label} (${AGGREGATE_WORDS[e.aggregate]})`;
  return e.bin ? `${label} (binned)` : label;
}

/**
 * The text summary under a chart. Marks that stand for rows get the series summary (extent,
 * highest, lowest); marks that aggregate or bin rows say what is counted over how many rows.
 */
export function summarizeWidget(spec: WidgetSpec, result: ResultSet, format: ValueFormatter): string {
  const kind = KIND_NAMES[spec.mark] ?? 'Chart';
  const enc = spec.encodings;
  const encoded = ENCODING_CHANNELS.map((c) => enc[c]).filter((e): e is Encoding => e !== undefined);
  if (encoded.some((e) => e.aggregate || e.bin)) {
    const value = encoded.find((e) => e.aggregate) ?? enc.theta ?? enc.y ?? encoded[0]!;
    const by = encoded.filter((e) => e !== value && e !== enc.size).map((e) => describeEncoding(spec, result, e));
    return `${kind} of ${describeEncoding(spec, result, value)}${by.length ? ` by ${listFormat(by)}` : ''}, from ${plural(result.rows.length, 'row')}.`;
  }
  // The value is the quantitative position (horizontal bars put it on x); a donut's is its angle.
  const horizontal = enc.x?.type === 'quantitative' && enc.y?.type !== 'quantitative';
  const valueEnc = spec.mark === 'donut' ? enc.theta : horizontal ? enc.x : enc.y;
  const categoryEnc = spec.mark === 'donut' ? enc.color : horizontal ? enc.y : enc.x;
  const colorEnc = spec.mark === 'donut' ? undefined : enc.color;
  const y = titled(spec, result, valueEnc);
  const x = titled(spec, result, categoryEnc);
  if (!x || !y) return `${kind} of ${plural(result.rows.length, 'row')}.`;
  const color = titled(spec, result, colorEnc);
  const mapping: SeriesMapping = color && color.name !== y.name ? { x, y, color } : { x, y };
  return summarizeSeries(kind, result, mapping, format);
}
