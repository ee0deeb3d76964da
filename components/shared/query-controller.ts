import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { AdapterError, isAdapterError } from '../../src/contracts/errors.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { type DataChangeDetail, type DataChanges, isStale, queryTables } from '../../src/query/data-changes.js';
import { adapterContext, dataChangesContext } from './adapter-context.js';

export type QueryStatus = 'idle' | 'loading' | 'complete' | 'error';

/** An error as a component shows it: what happened, and a machine-readable code. */
export interface DisplayError {
  message: string;
  code: string;
}

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

/** Rejects with an `aborted` AdapterError as soon as `signal` fires, even if `promise` never settles. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * The adapter's model when it exposes one (the DuckDB and in-memory engines do), to tell which
 * tables a query reads; without it every data change re-runs the query.
 */
function modelOf(adapter: DataAdapter): DataModel | undefined {
  const model = (adapter as { model?: unknown }).model;
  return typeof model === 'object' && model !== null && Array.isArray((model as DataModel).tables) ? (model as DataModel) : undefined;
}

function abortError(signal: AbortSignal): AdapterError {
  return isAdapterError(signal.reason) ? signal.reason : new AdapterError('aborted', 'The request was cancelled.');
}

/** The message and code of anything a query can throw. */
export function toDisplayError(error: unknown): DisplayError {
  if (isAdapterError(error)) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message || error.name, code: error.name === 'Error' ? 'error' : error.name };
  return { message: String(error), code: 'error' };
}

/**
 * Runs a semantic query for its host with @lit/task: re-runs when the adapter, query or "now"
 * changes (by identity), cancels the previous run through its AbortSignal, cancels a pending run
 * when the host is disconnected and runs it again when the host comes back.
 * The adapter is the host's own, else the nearest `<clv-data-provider>`'s (via @lit/context).
 * It also re-runs when that provider announces a change of a table the query reads (its base table
 * and join path), or of any table when that cannot be known.
 */
export class QueryController implements ReactiveController {
  readonly task: Task<readonly [DataAdapter | undefined, SemanticQueryInput | undefined, string | undefined], ResultSet>;
  readonly #consumer: ContextConsumer<typeof adapterContext, ReactiveControllerHost & HTMLElement>;
  readonly #options: QueryControllerOptions;
  #interrupted = false;
  #changes?: DataChanges;
  #stopListening?: () => void;
  /** The notice count when the host left the page: a change meanwhile re-runs on return. */
  #versionAway?: number;

  constructor(host: ReactiveControllerHost & HTMLElement, options: QueryControllerOptions) {
    this.#options = options;
    this.#consumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    new ContextConsumer(host, { context: dataChangesContext, subscribe: true, callback: (changes) => this.#listen(changes) });
    this.task = new Task(host, {
      args: () => [this.adapter, options.query(), options.now?.()] as const,
      task: async ([adapter, query, now], { signal }) => {
        if (!adapter || !query) return initialState;
        return raceAbort(adapter.query(query, { signal, ...(now ? { now } : {}) }), signal);
      },
      onComplete: (result) => options.onComplete?.(result),
      onError: (error) => {
        const shown = toDisplayError(error);
        if (shown.code !== 'aborted') options.onError?.(shown, error);
      },
    });
    host.addController(this);
  }

  /** The adapter in use: the host's own, else the one from context. */
  get adapter(): DataAdapter | undefined {
    return this.#options.adapter() ?? this.#consumer.value;
  }

  get status(): QueryStatus {
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return 'complete';
      case TaskStatus.ERROR:
        return 'error';
      default:
        return 'idle';
    }
  }

  get result(): ResultSet | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  get error(): DisplayError | undefined {
    return this.task.status === TaskStatus.ERROR ? toDisplayError(this.task.error) : undefined;
  }

  /** Runs the query again with the same arguments (the Retry button). */
  rerun(): Promise<void> {
    return this.task.run();
  }

  /** Resolves when the current run has settled, whatever its outcome. */
  async settled(): Promise<void> {
    try {
      await this.task.taskComplete;
    } catch {
      // the outcome is read from status/error
    }
  }

  #listen(changes: DataChanges | undefined): void {
    this.#stopListening?.();
    this.#stopListening = changes?.on(this.#onDataChanged);
    const missed = changes !== undefined && changes === this.#changes && this.#versionAway !== undefined && changes.version !== this.#versionAway;
    this.#changes = changes;
    this.#versionAway = undefined;
    if (missed && !this.#interrupted) void this.task.run();
  }

  #onDataChanged = (detail: DataChangeDetail): void => {
    const adapter = this.adapter;
    const query = this.#options.query();
    if (!adapter || !query) return;
    if (isStale(queryTables(modelOf(adapter), query), detail.tables)) void this.task.run();
  };

  hostConnected(): void {
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#versionAway = this.#changes?.version;
    if (this.task.status === TaskStatus.PENDING) {
      this.#interrupted = true;
      this.task.abort(new AdapterError('aborted', 'The element was removed from the page.'));
    }
  }
}
