import type { ResultColumn, ResultSet, Row } from '../../src/contracts/result.js';
import { summarizeSeries } from '../shared/chart-summary.js';
import { formatValue, plural } from '../shared/format.js';
import type { ChartMark, ResolvedMapping } from './chart-mapping.js';

const KIND_NAMES: Record<ChartMark, string> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Scatter plot',
  'big-number': 'Number',
  table: 'Table',
};

/** The fields of a row as "label value" pairs, the mapped channels first, for tooltips and announcements. */
export function describeRowFields(row: Row, columns: ResultColumn[], mapping?: ResolvedMapping): Array<{ label: string; value: string }> {
  const first = mapping ? [mapping.x, mapping.color, mapping.y].filter((c): c is ResultColumn => c !== undefined) : [];
  const ordered = [...first, ...columns.filter((c) => !first.includes(c))];
  return ordered.map((c) => ({ label: c.label, value: formatValue(row[c.name], c) }));
}

/** A plain-language summary of a query chart (see summarizeSeries). */
export function summarizeChart(mark: ChartMark, result: ResultSet, mapping: ResolvedMapping): string {
  return summarizeSeries(KIND_NAMES[mark], result, mapping);
}

/** Summary of a table view. */
export function summarizeTable(result: ResultSet): string {
  return `Table of ${plural(result.rows.length, 'row')} and ${plural(result.columns.length, 'column')}.`;
}
