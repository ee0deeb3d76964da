import type { ResultColumn, ScalarValue } from '../../src/contracts/result.js';
import { ENCODING_CHANNELS, type WidgetSpec } from '../../src/widgets/spec.js';
import { currencySymbol } from '../../src/widgets/vega-lite.js';
import { defaultNumberFormat, formatNumber, formatTime, formatValue, isNumericColumn, isTemporalColumn, MISSING_VALUE, toEpochMs } from '../shared/format.js';

/** A result value as the widget shows it in text (big number, table, summary, announcements). */
export type ValueFormatter = (value: ScalarValue | undefined, column: ResultColumn) => string;

/**
 * The formats the spec gives fields: table columns first, then encodings (the first channel that
 * names the field wins), so Lit-drawn text agrees with the axes toVegaLite draws.
 */
function specFormats(spec: WidgetSpec): Map<string, string> {
  const formats = new Map<string, string>();
  for (const c of spec.properties.table?.columns ?? []) if (c.format && !formats.has(c.field)) formats.set(c.field, c.format);
  for (const channel of ENCODING_CHANNELS) {
    const e = spec.encodings[channel];
    if (e?.format && !e.aggregate && !formats.has(e.field)) formats.set(e.field, e.format);
  }
  return formats;
}

/**
 * Formats values with the shared formatter (components/shared/format.ts), honouring the spec's
 * field formats, properties.numberFormat for numbers without one, and properties.currency ("$" in a
 * number format stands for that currency's symbol, as in the Vega locale toVegaLite sets).
 */
export function widgetFormatter(spec: WidgetSpec): ValueFormatter {
  const formats = specFormats(spec);
  const currency = spec.properties.currency;
  const symbol = currency ? (currency.symbol ?? currencySymbol(currency.code)) : undefined;
  return (value, column) => {
    if (value === null || value === undefined || value === '') return MISSING_VALUE;
    const own = formats.get(column.name);
    if (isNumericColumn(column) && typeof value === 'number') {
      const spec = own ?? column.format ?? defaultNumberFormatOf(column);
      const text = formatNumber(value, spec);
      return symbol !== undefined && spec.includes('$') ? text.replace('$', symbol) : text;
    }
    if (own && isTemporalColumn(column)) {
      const ms = toEpochMs(value);
      return Number.isNaN(ms) ? String(value) : formatTime(new Date(ms), own);
    }
    return formatValue(value, own ? { ...column, format: own } : column);
  };

  function defaultNumberFormatOf(column: ResultColumn): string {
    return spec.properties.numberFormat ?? defaultNumberFormat(column);
  }
}

/** The label of a field: the encoding's or table column's title, else the result column's label, else the field. */
export function fieldLabel(spec: WidgetSpec, field: string, columns: readonly ResultColumn[]): string {
  const tableTitle = spec.properties.table?.columns?.find((c) => c.field === field)?.title;
  if (tableTitle) return tableTitle;
  for (const channel of ENCODING_CHANNELS) {
    const e = spec.encodings[channel];
    if (e?.field === field && e.title) return e.title;
  }
  return columns.find((c) => c.name === field)?.label ?? field;
}
