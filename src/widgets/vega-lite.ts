import type { TopLevelSpec } from 'vega-lite';
import type { ResultColumn, ResultSet } from '../contracts/result.js';
import { ENCODING_CHANNELS, type EncodingChannel, type Encoding, type WidgetSpec } from './spec.js';

/**
 * Widget spec + result → Vega-Lite. Pure (no DOM, no vega runtime), so it runs in the core, in
 * tests and on a server. Big numbers and tables are not charts: they get null and are drawn by Lit.
 */

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export interface WidgetTheme {
  fontFamily: string;
  text: string;
  textMuted: string;
  grid: string;
  border: string;
  /** Colour of single-series marks. */
  accent: string;
  /** Categorical colours (nominal color fields). */
  palette: readonly string[];
  /** Vega scheme for ordered and quantitative colour (viridis is perceptually uniform and colour-blind safe). */
  sequentialScheme: string;
  width: number | 'container';
  height: number | 'container';
}

export const DEFAULT_WIDGET_THEME: WidgetTheme = {
  fontFamily: 'system-ui, sans-serif',
  text: '#1f2328',
  textMuted: '#59636e',
  grid: '#e6e8eb',
  border: '#d1d9e0',
  accent: OKABE_ITO[0],
  palette: OKABE_ITO,
  sequentialScheme: 'viridis',
  width: 'container',
  height: 'container',
};

/**
 * A result column name as a Vega-Lite field: "." and "[ ]" are field-path syntax there, so
 * "transactions.revenue" would read datum.transactions.revenue unless escaped.
 */
export function escapeField(name: string): string {
  return name.replace(/[\\.[\]]/g, (c) => `\\${c}`);
}

const GRANULARITY_UNITS: Record<string, string> = {
  day: 'utcyearmonthdate',
  week: 'utcyearmonthdate',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
};

/** The UTC time unit of a time-dimension column ("transactions.ts.month"), if it has a granularity. */
function timeUnitOf(name: string, column: ResultColumn | undefined): string | undefined {
  if (column && column.role !== 'time') return undefined;
  const suffix = name.slice(name.lastIndexOf('.') + 1);
  return GRANULARITY_UNITS[suffix] ?? (column?.type === 'date' ? 'utcyearmonthdate' : undefined);
}

const NUMERIC = new Set(['number', 'integer']);

/** Result rows → Vega data values; temporal fields become epoch milliseconds so parsing never depends on the host's time zone. */
function dataValues(spec: WidgetSpec, result: ResultSet): Array<Record<string, unknown>> {
  const temporal = new Set(ENCODING_CHANNELS.map((c) => spec.encodings[c]).filter((e) => e?.type === 'temporal').map((e) => e!.field));
  for (const c of result.columns) if (c.type === 'date' || c.type === 'timestamp') temporal.add(c.name);
  return result.rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const f of temporal) {
      const v = row[f];
      if (typeof v === 'string') {
        // A bare date is midnight UTC, as the ResultSet contract says.
        const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
        out[f] = Number.isNaN(ms) ? null : ms;
      }
    }
    return out;
  });
}

type Def = Record<string, unknown>;

export function toVegaLite(spec: WidgetSpec, result: ResultSet, theme: Partial<WidgetTheme> = {}): TopLevelSpec | null {
  if (spec.mark === 'big-number' || spec.mark === 'table') return null;
  const t: WidgetTheme = { ...DEFAULT_WIDGET_THEME, ...theme };
  const columns = new Map(result.columns.map((c) => [c.name, c]));
  const props = spec.properties;
  const enc = spec.encodings;

  const numberFormat = (e: Encoding): string | undefined => {
    if (e.format) return e.format;
    if (e.aggregate === 'count' || e.aggregate === 'distinct') return ',d';
    const col = columns.get(e.field);
    if (col?.format && NUMERIC.has(col.type)) return col.format;
    return props.numberFormat;
  };

  const fieldDef = (channel: EncodingChannel, e: Encoding): Def => {
    const col = columns.get(e.field);
    const def: Def = { field: escapeField(e.field), type: e.type, title: e.title ?? col?.label ?? e.field };
    if (e.aggregate) def.aggregate = e.aggregate;
    if (e.bin) def.bin = e.bin === true ? { maxbins: 20 } : e.bin;
    if (e.sort !== undefined) def.sort = e.sort;
    // Nominal categories keep the query's order (its ORDER BY); ordered codes such as deciles ascend.
    else if (e.type === 'nominal') def.sort = null;
    else if (e.type === 'ordinal') def.sort = 'ascending';
    const guide: Def = {};
    if (e.type === 'temporal') {
      const unit = timeUnitOf(e.field, col);
      if (unit) def.timeUnit = unit;
      else def.scale = { type: 'utc' };
      if (e.format) Object.assign(guide, { format: e.format, formatType: 'utc' });
      else if (unit === 'utcyearquarter') guide.format = '%Y Q%q';
    } else if (e.type === 'quantitative') {
      const f = numberFormat(e);
      if (f) guide.format = f;
    } else if (e.format) {
      guide.format = e.format;
    }
    if (channel === 'x' || channel === 'y') {
      const a = props.axis?.[channel];
      const axis: Def = { ...guide };
      if (a?.title !== undefined) def.title = a.title;
      if (a && !a.labels) axis.labels = false;
      if (a?.labelAngle !== undefined) axis.labelAngle = a.labelAngle;
      def.axis = axis;
    } else if (channel === 'color' || channel === 'size') {
      const l = props.legend;
      if (l?.placement === 'none') def.legend = null;
      else def.legend = { ...guide, orient: l?.placement ?? 'top', ...(l?.title !== undefined ? { title: l.title } : {}) };
      if (channel === 'color') def.scale = e.type === 'nominal' ? { range: [...t.palette] } : { scheme: t.sequentialScheme };
    }
    return def;
  };

  const encoding: Record<string, Def> = {};
  for (const c of ENCODING_CHANNELS) {
    const e = enc[c];
    if (e) encoding[c] = fieldDef(c, e);
  }

  // Stack only where the spec asks for it; a coloured plain bar is grouped side by side instead.
  const valueChannel = enc.y?.type === 'quantitative' ? 'y' : enc.x?.type === 'quantitative' ? 'x' : undefined;
  const categoryChannel = valueChannel === 'y' ? 'x' : 'y';
  if (valueChannel && spec.mark !== 'donut') {
    const stacked = spec.mark === 'stacked-bar' || (spec.mark === 'area' && enc.color !== undefined);
    encoding[valueChannel].stack = stacked ? 'zero' : null;
  }
  if (spec.mark === 'bar' && enc.color && valueChannel && enc[categoryChannel]?.type !== 'quantitative') {
    encoding[categoryChannel === 'x' ? 'xOffset' : 'yOffset'] = { field: escapeField(enc.color.field), type: enc.color.type, sort: null };
  }
  if (spec.mark === 'donut') encoding.theta.stack = true;

  if (spec.interactions.tooltip) encoding.tooltip = tooltip(spec, result, numberFormat) as unknown as Def;

  let mark: Def;
  switch (spec.mark) {
    case 'bar':
    case 'stacked-bar':
      mark = { type: 'bar', ...(spec.mark === 'bar' && !enc.color ? { cornerRadiusEnd: 2 } : {}) };
      break;
    case 'line':
      mark = { type: 'line', point: true, strokeWidth: 2 };
      break;
    case 'area':
      mark = { type: 'area', opacity: 0.85, line: true };
      break;
    case 'point':
      mark = { type: 'point', filled: true, opacity: 0.8 };
      break;
    case 'tick':
      mark = { type: 'tick', thickness: 2 };
      break;
    case 'donut':
      mark = { type: 'arc', innerRadius: 50, padAngle: 0.01 };
      break;
  }

  const locale = props.currency ? { number: { decimal: '.', thousands: ',', grouping: [3], currency: [props.currency.symbol ?? currencySymbol(props.currency.code), ''] } } : undefined;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(spec.description ? { description: spec.description } : {}),
    width: t.width,
    height: t.height,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values: dataValues(spec, result) },
    mark,
    encoding,
    config: {
      font: t.fontFamily,
      background: null,
      view: { stroke: null },
      axis: { labelColor: t.textMuted, titleColor: t.text, gridColor: t.grid, domainColor: t.border, tickColor: t.border },
      axisX: { grid: false },
      legend: { labelColor: t.text, titleColor: t.text, symbolType: 'square' },
      range: { category: [...t.palette] },
      mark: { color: t.accent },
      ...(locale ? { locale } : {}),
    },
  } as unknown as TopLevelSpec;
}

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', CHF: 'CHF ', CAD: 'CA$', AUD: 'A$' };
/** The symbol "$" in a d3-format stands for with properties.currency (what the axes and the Lit-drawn values both show). */
export function currencySymbol(code: string): string {
  return SYMBOLS[code] ?? `${code} `;
}

/**
 * Tooltip fields: every result column when the marks are rows of the result (so a bar also shows
 * e.g. the average beside the plotted total), only the encoded fields when marks aggregate or bin rows.
 */
function tooltip(spec: WidgetSpec, result: ResultSet, numberFormat: (e: Encoding) => string | undefined): Def[] {
  const encoded = ENCODING_CHANNELS.map((c) => spec.encodings[c]).filter((e): e is Encoding => e !== undefined);
  const aggregated = encoded.some((e) => e.aggregate || e.bin);
  const byField = new Map(encoded.map((e) => [e.field, e]));
  const items: Encoding[] = aggregated
    ? encoded
    : result.columns.map((c) => byField.get(c.name) ?? { field: c.name, type: columnType(c) });
  const seen = new Set<string>();
  return items
    .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)))
    .map((e) => {
      const col = result.columns.find((c) => c.name === e.field);
      const def: Def = { field: escapeField(e.field), type: e.type, title: e.title ?? col?.label ?? e.field };
      if (e.aggregate) def.aggregate = e.aggregate;
      if (e.bin) def.bin = e.bin === true ? { maxbins: 20 } : e.bin;
      if (e.type === 'quantitative') {
        const f = numberFormat(e);
        if (f) def.format = f;
      } else if (e.type === 'temporal') {
        const unit = timeUnitOf(e.field, col);
        if (unit) def.timeUnit = unit;
        if (e.format) Object.assign(def, { format: e.format, formatType: 'utc' });
      }
      return def;
    });
}

function columnType(c: ResultColumn): Encoding['type'] {
  if (c.type === 'date' || c.type === 'timestamp') return 'temporal';
  if (c.role === 'measure' && NUMERIC.has(c.type)) return 'quantitative';
  return 'nominal';
}
