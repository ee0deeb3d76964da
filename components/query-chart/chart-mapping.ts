import type { ResultColumn } from '../../src/contracts/result.js';
import { isNumericColumn } from '../shared/format.js';

/** The chart kinds of `<clv-query-chart>`. */
export const CHART_MARKS = ['bar', 'line', 'area', 'point', 'big-number', 'table'] as const;
export type ChartMark = (typeof CHART_MARKS)[number];

/** The kinds drawn by vega (loaded on demand); the others are rendered by Lit. */
export const VEGA_MARKS = ['bar', 'line', 'area', 'point'] as const;
export type VegaMark = (typeof VEGA_MARKS)[number];

export const isChartMark = (value: unknown): value is ChartMark => CHART_MARKS.includes(value as ChartMark);
export const isVegaMark = (mark: ChartMark): mark is VegaMark => (VEGA_MARKS as readonly string[]).includes(mark);

/** Which result columns go on which channel; each is a column name of the result ("transactions.revenue"). */
export interface FieldMapping {
  x?: string;
  y?: string;
  color?: string;
}

/** A mapping resolved against the result's columns. */
export interface ResolvedMapping {
  x: ResultColumn;
  y: ResultColumn;
  color?: ResultColumn;
}

/** A chart configuration that does not fit the result (for example a field that is not a column). */
export class ChartConfigError extends Error {
  override readonly name = 'ChartConfigError';
  readonly code = 'invalid_mapping';
}

function pick(columns: ResultColumn[], channel: string, name: string): ResultColumn {
  const column = columns.find((c) => c.name === name);
  if (!column) {
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    throw new ChartConfigError(`${channel}: "${name}" is not a column of the result; it has ${names}.`);
  }
  return column;
}

/**
 * Resolves `mapping` against the columns of a result, filling unmapped channels with sensible
 * defaults: x is the first time dimension (else the first other dimension), y the first measure,
 * and color a further dimension, if the query has one.
 */
export function resolveMapping(columns: ResultColumn[], mapping: FieldMapping, mark: VegaMark): ResolvedMapping {
  if (columns.length === 0) throw new ChartConfigError('The result has no columns to chart.');
  const measures = columns.filter((c) => c.role === 'measure');
  const others = columns.filter((c) => c.role !== 'measure');

  const x = mapping.x
    ? pick(columns, 'x', mapping.x)
    : (others.find((c) => c.role === 'time') ?? others[0] ?? (mark === 'point' ? measures[0] : undefined));
  if (!x) throw new ChartConfigError('x: the result has no dimension to put on the x axis; set the x field.');

  const y = mapping.y
    ? pick(columns, 'y', mapping.y)
    : (measures.find((c) => c !== x) ?? columns.find((c) => c !== x && isNumericColumn(c)));
  if (!y) throw new ChartConfigError('y: the result has no measure to put on the y axis; set the y field.');

  let color: ResultColumn | undefined;
  if (mapping.color) color = pick(columns, 'color', mapping.color);
  else color = others.find((c) => c !== x && c !== y);
  return color ? { x, y, color } : { x, y };
}

/** The column a big number shows: the y field, else the first measure, else the first numeric column. */
export function resolveBigNumberColumn(columns: ResultColumn[], mapping: FieldMapping): ResultColumn {
  if (mapping.y) return pick(columns, 'y', mapping.y);
  const column = columns.find((c) => c.role === 'measure') ?? columns.find(isNumericColumn) ?? columns[0];
  if (!column) throw new ChartConfigError('The result has no columns to show.');
  return column;
}
