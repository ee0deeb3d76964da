import { DEFAULT_LIMIT } from '../contracts/query.js';
import type { ResultSet } from '../contracts/result.js';
import { ENCODING_CHANNELS, type WidgetSpec } from './spec.js';

/** Rows a widget shows that may be only part of what its query matched. */
export interface RowLimitNotice {
  /** Rows the widget received. */
  shown: number;
  /** The semantic query's row limit. */
  limit: number;
  /** Rows before limit and offset, when the adapter reported them. */
  total?: number;
  /** The chart aggregates or bins rows itself, so its totals and counts may be too low. */
  aggregates: boolean;
  /** One or two sentences for the note under the widget. */
  text: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Whether Vega, not the query, aggregates or bins the rows (a histogram, a sum per category). */
export function aggregatesInClient(spec: WidgetSpec): boolean {
  return ENCODING_CHANNELS.some((c) => {
    const e = spec.encodings[c];
    return e !== undefined && (e.aggregate !== undefined || (e.bin !== undefined && e.bin !== false));
  });
}

/**
 * Whether the rows a widget received may be cut by its query's limit, and the note that says so.
 * A result with `total` is cut when it has fewer rows than that; without one, rows reaching the
 * default limit or more may be cut, and so may a smaller limit under a chart that aggregates. SQL widgets have no known limit; a big number shows only its first row, which
 * rows left out do not change. Returns undefined when nothing needs saying.
 */
export function rowLimitNotice(spec: WidgetSpec, result: ResultSet): RowLimitNotice | undefined {
  if (spec.data.kind !== 'semantic' || spec.mark === 'big-number') return undefined;
  const { limit, offset } = spec.data.query;
  const shown = result.rows.length;
  const total = result.total;
  const aggregates = spec.mark !== 'table' && aggregatesInClient(spec);
  // Without a total, reaching a limit below the default is taken as meant (a top 10): worth a
  // word only when the chart sums or counts the rows itself.
  const cut = total !== undefined ? shown < total : shown >= limit && (aggregates || limit >= DEFAULT_LIMIT);
  if (!cut || shown === 0) return undefined;
  const of = total !== undefined ? ` of ${count(total)}` : '';
  const which = offset > 0 ? `rows ${count(offset + 1)}–${count(offset + shown)}${of}` : `the first ${count(shown)}${of} rows`;
  const text =
    spec.mark === 'table'
      ? `Showing ${which}.`
      : `Showing ${which}${shown >= limit ? ": the query's row limit" : ''}.${aggregates ? ' Totals in this chart cover those rows only.' : ''}`;
  return { shown, limit, ...(total !== undefined ? { total } : {}), aggregates, text };
}
