import type { ResultColumn, ResultSet, Row, ScalarValue } from '../../src/contracts/result.js';
import { formatValue, isTemporalColumn, listFormat, plural, toEpochMs } from './format.js';

/** The columns a chart plots: positions x (the category or time) and y (the value), and a colour group. */
export interface SeriesMapping {
  x: ResultColumn;
  y: ResultColumn;
  color?: ResultColumn;
}

/** How a component writes a value (its own formats; the column's by default). */
export type SummaryFormat = (value: ScalarValue | undefined, column: ResultColumn) => string;

/** The words naming one row of a chart: its x value and colour group ("Mar 2024, web"). */
export function describeRowPosition(row: Row, mapping: SeriesMapping, format: SummaryFormat = formatValue): string {
  const parts = [format(row[mapping.x.name], mapping.x)];
  if (mapping.color) parts.push(format(row[mapping.color.name], mapping.color));
  return parts.join(', ');
}

/**
 * A plain-language summary of a chart for everyone, screen-reader users in particular: what is
 * plotted (`kind`: "Bar chart"), over what span, and where the extremes are.
 */
export function summarizeSeries(kind: string, result: ResultSet, mapping: SeriesMapping, format: SummaryFormat = formatValue): string {
  const { x, y, color } = mapping;
  const by = listFormat([x.label, ...(color ? [color.label] : [])]);
  const sentences = [`${kind} of ${y.label} by ${by}: ${plural(result.rows.length, 'data point')}`];
  if (isTemporalColumn(x) && result.rows.length > 1) {
    const times = result.rows.map((r) => toEpochMs(r[x.name] ?? null)).filter((t) => !Number.isNaN(t));
    if (times.length > 1) {
      const min = Math.min(...times);
      const max = Math.max(...times);
      sentences[0] += ` from ${format(new Date(min).toISOString(), x)} to ${format(new Date(max).toISOString(), x)}`;
    }
  }
  if (color) {
    const groups = new Set(result.rows.map((r) => format(r[color.name], color)));
    sentences[0] += ` in ${plural(groups.size, 'group')}`;
  }
  let highest: Row | undefined;
  let lowest: Row | undefined;
  for (const row of result.rows) {
    const v = row[y.name];
    if (typeof v !== 'number') continue;
    if (!highest || v > (highest[y.name] as number)) highest = row;
    if (!lowest || v < (lowest[y.name] as number)) lowest = row;
  }
  if (highest && lowest && highest !== lowest) {
    sentences.push(`Highest ${y.label}: ${format(highest[y.name], y)} (${describeRowPosition(highest, mapping, format)})`);
    sentences.push(`Lowest: ${format(lowest[y.name], y)} (${describeRowPosition(lowest, mapping, format)})`);
  }
  return `${sentences.join('. ')}.`;
}
