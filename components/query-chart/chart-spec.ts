import type { TopLevelSpec } from 'vega-lite';
import type { Granularity } from '../../src/contracts/query.js';
import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import { formatValue, granularityOf, isNumericColumn, isTemporalColumn, toEpochMs } from '../shared/format.js';
import type { ResolvedMapping, VegaMark } from './chart-mapping.js';

/** Colours and type the chart is drawn with, read from the design tokens of the host. */
export interface ChartTheme {
  text: string;
  textMuted: string;
  grid: string;
  border: string;
  accent: string;
  fontFamily: string;
  categories: string[];
}

/** Field of each plotted datum holding the index of its row in the result. */
export const INDEX_FIELD = '_i';
/** Vega signal holding the index of the keyboard-selected row (-1: none). */
export const ACTIVE_SIGNAL = 'clv_active';

type Encoding = Record<string, unknown>;
type VlType = 'quantitative' | 'temporal' | 'ordinal' | 'nominal';

const TIME_UNITS: Record<Granularity, { unit: string; step?: number }> = {
  day: { unit: 'utcyearmonthdate' },
  week: { unit: 'utcyearmonthdate', step: 7 },
  month: { unit: 'utcyearmonth' },
  quarter: { unit: 'utcyearquarter' },
  year: { unit: 'utcyear' },
};

/** How a column is encoded: measures are quantitative, dates temporal, numeric dimensions ordinal (quantitative in scatter plots). */
export function encodingType(column: ResultColumn, mark: VegaMark): VlType {
  if (isTemporalColumn(column)) return 'temporal';
  if (isNumericColumn(column)) return column.role === 'measure' || mark === 'point' ? 'quantitative' : 'ordinal';
  return 'nominal';
}

/** A compact d3-format for axis labels: SI prefixes for large magnitudes, the column's own format otherwise. */
export function axisFormat(column: ResultColumn, maxAbs: number): string {
  const currency = column.format?.includes('$') ?? false;
  const percent = column.format?.includes('%') ?? false;
  if (percent) return column.format!.replace(/\.\d+/, '.0');
  if (maxAbs >= 10_000) return `${currency ? '$' : ''}.3~s`;
  if (currency) return maxAbs >= 100 ? '$,.0f' : '$,.2~f';
  return column.type === 'integer' ? ',d' : ',.2~f';
}

/** The value a row contributes to the plotted field of `column`. */
function plotValue(value: unknown, column: ResultColumn, type: VlType): unknown {
  if (value === null || value === undefined) return type === 'nominal' || type === 'ordinal' ? NO_VALUE_CATEGORY : null;
  if (type === 'temporal') {
    const ms = toEpochMs(value as string | number);
    return Number.isNaN(ms) ? null : ms;
  }
  if (type === 'quantitative') return typeof value === 'number' ? value : Number(value);
  if (type === 'ordinal' && typeof value === 'number') return value;
  return formatValue(value as string | number | boolean, column);
}

/** The category shown for a missing dimension value (an axis label or legend entry). */
export const NO_VALUE_CATEGORY = '(none)';

export interface PlotData {
  values: Array<Record<string, unknown>>;
  types: { x: VlType; y: VlType; color?: VlType };
}

/** The rows of `result` as vega data: fields x, y, c (color) and the row index, typed for their encodings. */
export function plotData(result: ResultSet, mapping: ResolvedMapping, mark: VegaMark): PlotData {
  const types = {
    x: encodingType(mapping.x, mark),
    y: encodingType(mapping.y, mark),
    ...(mapping.color ? { color: 'nominal' as const } : {}),
  };
  const values = result.rows.map((row, i) => {
    const datum: Record<string, unknown> = {
      [INDEX_FIELD]: i,
      x: plotValue(row[mapping.x.name], mapping.x, types.x),
      y: plotValue(row[mapping.y.name], mapping.y, types.y),
    };
    if (mapping.color) datum.c = plotValue(row[mapping.color.name], mapping.color, 'nominal');
    return datum;
  });
  return { values, types };
}

function positionDef(channel: 'x' | 'y', column: ResultColumn, type: VlType, values: Array<Record<string, unknown>>, mark: VegaMark): Encoding {
  const def: Encoding = { field: channel, type, title: column.label };
  const axis: Encoding = {};
  if (type === 'temporal') {
    const granularity = granularityOf(column);
    const tu = granularity ? TIME_UNITS[granularity] : column.type === 'date' ? TIME_UNITS.day : undefined;
    if (tu) def.timeUnit = { unit: tu.unit, ...(tu.step ? { step: tu.step } : {}), binned: true };
    else def.scale = { type: 'utc' };
    // Keep the first and last points of lines and scatter plots clear of the plot's edges.
    if (mark === 'line' || mark === 'point') def.scale = { ...(def.scale as object | undefined), padding: 8 };
    if (granularity === 'quarter') axis.format = '%Y Q%q';
  } else if (type === 'quantitative') {
    const maxAbs = values.reduce((m, d) => Math.max(m, Math.abs(Number(d[channel]) || 0)), 0);
    axis.format = axisFormat(column, maxAbs);
    axis.tickCount = 5;
    if (mark === 'point') def.scale = { zero: false };
  } else {
    def.sort = null;
    axis.labelLimit = 140;
    if (channel === 'x') {
      const distinct = new Set(values.map((d) => d[channel])).size;
      axis.labelAngle = distinct > 8 ? -40 : 0;
    }
  }
  def.axis = axis;
  return def;
}

function themeConfig(theme: ChartTheme): Record<string, unknown> {
  const axis = {
    labelColor: theme.textMuted,
    titleColor: theme.text,
    gridColor: theme.grid,
    domainColor: theme.border,
    tickColor: theme.border,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelFont: theme.fontFamily,
    titleFont: theme.fontFamily,
    titlePadding: 8,
  };
  return {
    font: theme.fontFamily,
    background: null,
    aria: false,
    view: { stroke: null },
    axis,
    axisX: { grid: false },
    legend: {
      orient: 'top',
      direction: 'horizontal',
      labelColor: theme.text,
      titleColor: theme.text,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 600,
      labelFont: theme.fontFamily,
      titleFont: theme.fontFamily,
      symbolType: 'square',
    },
    range: { category: theme.categories },
    bar: { color: theme.accent },
    line: { color: theme.accent },
    area: { color: theme.accent },
    point: { color: theme.accent },
  };
}

export interface SpecInput {
  mark: VegaMark;
  result: ResultSet;
  mapping: ResolvedMapping;
  width: number;
  height: number;
  theme: ChartTheme;
}

/**
 * The Vega-Lite spec of a query chart. Every plotted datum carries its row index (INDEX_FIELD) so
 * clicks, tooltips and keyboard selection map back to the result row; the signal ACTIVE_SIGNAL
 * highlights the keyboard-selected row.
 */
export function buildSpec({ mark, result, mapping, width, height, theme }: SpecInput): TopLevelSpec {
  const { values, types } = plotData(result, mapping, mark);
  const isActive = `datum.${INDEX_FIELD} === ${ACTIVE_SIGNAL}`;
  const noneOrActive = `${ACTIVE_SIGNAL} < 0 || ${isActive}`;
  const stacked = mapping.color !== undefined && (mark === 'bar' || mark === 'area');

  const x = positionDef('x', mapping.x, types.x, values, mark);
  const y = positionDef('y', mapping.y, types.y, values, mark);
  const valueChannel = types.y === 'quantitative' ? y : types.x === 'quantitative' ? x : undefined;
  if (valueChannel) valueChannel.stack = stacked ? 'zero' : null;

  const shared: Encoding = { x, y, tooltip: { field: INDEX_FIELD, type: 'nominal' } };
  if (mapping.color) {
    shared.color = {
      field: 'c',
      type: 'nominal',
      title: mapping.color.label,
      sort: null,
      scale: { range: theme.categories },
    };
  }
  const dim = { condition: { test: noneOrActive, value: 1 }, value: 0.35 };
  const points = {
    mark: { type: 'point', filled: true, stroke: theme.text, strokeOpacity: 0 },
    encoding: {
      ...shared,
      size: { condition: { test: isActive, value: 160 }, value: values.length > 400 ? 12 : 40 },
      opacity: dim,
      strokeOpacity: { condition: { test: isActive, value: 1 }, value: 0 },
      strokeWidth: { value: 2 },
    },
  };

  let body: Record<string, unknown>;
  switch (mark) {
    case 'bar':
      body = {
        // Rounded ends only on unstacked bars: on stacks Vega-Lite groups the segments, which loses binned time fields.
        mark: { type: 'bar', stroke: theme.text, strokeWidth: 2, ...(stacked ? {} : { cornerRadiusEnd: 2 }) },
        encoding: { ...shared, opacity: dim, strokeOpacity: { condition: { test: isActive, value: 1 }, value: 0 } },
      };
      break;
    case 'point':
      body = points;
      break;
    case 'line':
      body = {
        layer: [{ mark: { type: 'line', strokeWidth: 2 }, encoding: { x: shared.x, y: shared.y, ...(shared.color ? { color: shared.color } : {}) } }, points],
      };
      break;
    case 'area':
      body = {
        layer: [
          {
            mark: { type: 'area', opacity: 0.8, line: { strokeWidth: 1.5 } },
            encoding: { x: shared.x, y: shared.y, ...(shared.color ? { color: shared.color } : {}) },
          },
          points,
        ],
      };
      break;
  }

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: { left: 4, right: 8, top: 4, bottom: 4 },
    params: [{ name: ACTIVE_SIGNAL, value: -1 }],
    data: { values },
    config: themeConfig(theme),
    ...body,
  } as unknown as TopLevelSpec;
}
