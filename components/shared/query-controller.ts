import type { ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { queryTables } from '../../src/query/data-changes.js';
import { AdapterRunController, modelOf, raceAbort, type DisplayError, type RunStatus } from './adapter-run.js';

export { raceAbort, toDisplayError, type DisplayError } from './adapter-run.js';

export type QueryStatus = RunStatus;

export interface QueryControllerOptions {
  /** The host's own adapter; when it returns undefined the adapter comes from `adapterContext`. */
  adapter: () => DataAdapter | undefined;
  /** The query to run; undefined leaves the controller idle. */
  query: () => SemanticQueryInput | undefined;
  /** Pins "now" for relative date ranges. */
  now?: () => string | undefined;
  /** Called when a run completes with a result. */
  onComplete?: (result: ResultSet) => void;
  /** Called when a run fails; cancelled runs are not reported. */
  onError?: (error: DisplayError, raw: unknown) => void;
}

/**
 * Runs a semantic query for its host with @lit/task: re-runs when the adapter, query or "now"
 * changes (by identity), cancels the previous run through its AbortSignal, cancels a pending run
 * when the host is disconnected and runs it again when the host comes back.
 * The adapter is the host's own, else the nearest `<clv-data-provider>`'s (via @lit/context).
 * It also re-runs when that provider announces a change of a table the query reads (its base table
 * and join path), or of any table when that cannot be known.
 */
export class QueryController extends AdapterRunController<SemanticQueryInput, readonly [string | undefined], ResultSet> {
  constructor(host: ReactiveControllerHost & HTMLElement, options: QueryControllerOptions) {
    super(host, {
      adapter: options.adapter,
      input: options.query,
      extra: () => [options.now?.()] as const,
      run: (adapter, query, [now], signal) => raceAbort(adapter.query(query, { signal, ...(now ? { now } : {}) }), signal),
      tables: (adapter, query) => queryTables(modelOf(adapter), query),
      onComplete: options.onComplete,
      onError: options.onError,
    });
  }

  get result(): ResultSet | undefined {
    return this.completed;
  }
}
