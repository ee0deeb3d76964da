import type { ResultColumn, ResultSet, Row } from '../../src/contracts/result.js';
import { formatValue, isTemporalColumn, listFormat, plural, toEpochMs } from '../shared/format.js';
import type { ChartMark, ResolvedMapping } from './chart-mapping.js';

const KIND_NAMES: Record<ChartMark, string> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Scatter plot',
  'big-number': 'Number',
  table: 'Table',
};

/** The words naming one row of a chart: its x value and colour group ("Mar 2024, web"). */
export function describeRowPosition(row: Row, mapping: ResolvedMapping): string {
  const parts = [formatValue(row[mapping.x.name], mapping.x)];
  if (mapping.color) parts.push(formatValue(row[mapping.color.name], mapping.color));
  return parts.join(', ');
}

/** The fields of a row as "label value" pairs, the mapped channels first, for tooltips and announcements. */
export function describeRowFields(row: Row, columns: ResultColumn[], mapping?: ResolvedMapping): Array<{ label: string; value: string }> {
  const first = mapping ? [mapping.x, mapping.color, mapping.y].filter((c): c is ResultColumn => c !== undefined) : [];
  const ordered = [...first, ...columns.filter((c) => !first.includes(c))];
  return ordered.map((c) => ({ label: c.label, value: formatValue(row[c.name], c) }));
}

/**
 * A plain-language summary of a chart for everyone, screen-reader users in particular: what is
 * plotted, over what span, and where the extremes are.
 */
export function summarizeChart(mark: ChartMark, result: ResultSet, mapping: ResolvedMapping): string {
  const { x, y, color } = mapping;
  const by = listFormat([x.label, ...(color ? [color.label] : [])]);
  const sentences = [`${KIND_NAMES[mark]} of ${y.label} by ${by}: ${plural(result.rows.length, 'data point')}`];
  if (isTemporalColumn(x) && result.rows.length > 1) {
    const times = result.rows.map((r) => toEpochMs(r[x.name] ?? null)).filter((t) => !Number.isNaN(t));
    if (times.length > 1) {
      const min = Math.min(...times);
      const max = Math.max(...times);
      sentences[0] += ` from ${formatValue(new Date(min).toISOString(), x)} to ${formatValue(new Date(max).toISOString(), x)}`;
    }
  }
  if (color) {
    const groups = new Set(result.rows.map((r) => formatValue(r[color.name], color)));
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
    sentences.push(`Highest ${y.label}: ${formatValue(highest[y.name], y)} (${describeRowPosition(highest, mapping)})`);
    sentences.push(`Lowest: ${formatValue(lowest[y.name], y)} (${describeRowPosition(lowest, mapping)})`);
  }
  return `${sentences.join('. ')}.`;
}

/** Summary of a table view. */
export function summarizeTable(result: ResultSet): string {
  return `Table of ${plural(result.rows.length, 'row')} and ${plural(result.columns.length, 'column')}.`;
}
