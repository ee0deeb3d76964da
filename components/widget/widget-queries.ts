import type { DataAdapter } from '../../src/contracts/adapter.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { SemanticQuery } from '../../src/contracts/query.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { queryTables } from '../../src/query/data-changes.js';
import { parseInstant } from '../../src/query/dates.js';
import type { QueryGate } from '../../src/query/gate.js';
import { widgetQueries, type WidgetSpec } from '../../src/widgets/spec.js';
import { modelOf, raceAbort } from '../shared/adapter-run.js';
import { previousPeriodQuery } from './previous-period.js';

/** What one run of a widget returns: its rows and, for a big number with a comparison, the reference rows. */
export interface WidgetData {
  result: ResultSet;
  comparison?: ResultSet;
}

export interface FetchOptions {
  signal: AbortSignal;
  /** "now" (ISO) for relative date ranges: the same instant for the query and its comparison. */
  now: string;
  gate?: QueryGate;
}

/** The semantic query of a big number's comparison, if it has one. */
export function comparisonQuery(spec: WidgetSpec, now: string): SemanticQuery | undefined {
  const comparison = spec.properties.bigNumber?.comparison;
  if (!comparison || spec.mark !== 'big-number') return undefined;
  if (comparison.kind === 'query') return comparison.query;
  if (spec.data.kind !== 'semantic') return undefined;
  const at = parseInstant(now);
  if (Number.isNaN(at)) throw new AdapterError('invalid_request', `now: "${now}" is not a date or ISO timestamp`, 'now');
  return previousPeriodQuery(spec.data.query, at);
}

/**
 * Runs the widget's data request and its comparison (both at once, each through the gate when
 * there is one). A failure of either cancels the other; the SQL text and its parameters go to
 * the adapter separately, so values are bound by the engine and never become SQL.
 */
export async function fetchWidgetData(adapter: DataAdapter, spec: WidgetSpec, { signal, now, gate }: FetchOptions): Promise<WidgetData> {
  const inner = new AbortController();
  const stop = () => inner.abort(signal.reason);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  const through = <T>(work: (s: AbortSignal) => Promise<T>): Promise<T> =>
    raceAbort(gate ? gate.run(work, inner.signal) : work(inner.signal), inner.signal);

  const data = spec.data;
  const main = through((s) => {
    if (data.kind === 'semantic') return adapter.query(data.query, { signal: s, now });
    if (!adapter.capabilities.sql || !adapter.sql) {
      return Promise.reject(
        new AdapterError('unsupported', `The adapter "${adapter.id}" has no SQL: this widget's data is a SQL query, which needs an adapter with the sql capability.`),
      );
    }
    return adapter.sql(data.sql, data.params, { signal: s });
  });
  const reference = comparisonQuery(spec, now);
  const comparison = reference ? through((s) => adapter.query(reference, { signal: s, now })) : undefined;
  try {
    const [result, compared] = await Promise.all([main, comparison]);
    return compared ? { result, comparison: compared } : { result };
  } catch (error) {
    inner.abort(error);
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** Lower-cased tables the widget's queries read; null when unknown (SQL, or no model): every change concerns it. */
export function widgetTables(adapter: DataAdapter, spec: WidgetSpec): Set<string> | null {
  if (spec.data.kind !== 'semantic') return null;
  const model = modelOf(adapter);
  const tables = new Set<string>();
  for (const query of widgetQueries(spec)) {
    const read = queryTables(model, query);
    if (read === null) return null;
    for (const t of read) tables.add(t);
  }
  return tables;
}
