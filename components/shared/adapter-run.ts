import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { AdapterError, isAdapterError } from '../../src/contracts/errors.js';
import { isStale } from '../../src/query/data-changes.js';
import { adapterContext } from './adapter-context.js';
import { DataChangeWatcher } from './data-change-watcher.js';

export type RunStatus = 'idle' | 'loading' | 'complete' | 'error';

/** An error as a component shows it: what happened, and a machine-readable code. */
export interface DisplayError {
  message: string;
  code: string;
}

/** The message and code of anything a query can throw. */
export function toDisplayError(error: unknown): DisplayError {
  if (isAdapterError(error)) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message || error.name, code: error.name === 'Error' ? 'error' : error.name };
  return { message: String(error), code: 'error' };
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

function abortError(signal: AbortSignal): AdapterError {
  return isAdapterError(signal.reason) ? signal.reason : new AdapterError('aborted', 'The request was cancelled.');
}

/**
 * The adapter's model when it exposes one (the DuckDB and in-memory engines do), to tell which
 * tables a query reads; without it every data change re-runs the query.
 */
export function modelOf(adapter: DataAdapter): DataModel | undefined {
  const model = (adapter as { model?: unknown }).model;
  return typeof model === 'object' && model !== null && Array.isArray((model as DataModel).tables) ? (model as DataModel) : undefined;
}

/** The task's arguments: the adapter, what to run, then the other values that start a new run when they change. */
export type RunArgs<I, E extends readonly unknown[]> = readonly [DataAdapter | undefined, I | undefined, ...E];

export interface AdapterRunOptions<I, E extends readonly unknown[], T> {
  /** The host's own adapter; when it returns undefined the adapter comes from `adapterContext`. */
  adapter: () => DataAdapter | undefined;
  /** What to run; undefined leaves the controller idle. */
  input: () => I | undefined;
  /** The other arguments, compared one by one (by identity) with the previous run's. */
  extra: () => E;
  run: (adapter: DataAdapter, input: I, extra: E, signal: AbortSignal) => Promise<T>;
  /** Lower-cased tables the run reads; null when unknown, so that every data change concerns it. */
  tables: (adapter: DataAdapter, input: I) => ReadonlySet<string> | null;
  onComplete?: (value: T) => void;
  /** Called when a run fails; cancelled runs are not reported. */
  onError?: (error: DisplayError, raw: unknown) => void;
}

/**
 * Runs adapter work for its host with @lit/task: new arguments (by identity) abort the running
 * run and start another; removal from the page aborts a pending run and coming back runs it
 * again; a data-change notice of the nearest `<clv-data-provider>` for a table the run reads (or
 * one missed while away) runs it again. The adapter is the host's own, else the provider's.
 */
export class AdapterRunController<I, E extends readonly unknown[], T> implements ReactiveController {
  readonly task: Task<RunArgs<I, E>, T>;
  readonly #consumer: ContextConsumer<typeof adapterContext, ReactiveControllerHost & HTMLElement>;
  readonly #options: AdapterRunOptions<I, E, T>;
  #interrupted = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: AdapterRunOptions<I, E, T>) {
    this.#options = options;
    this.#consumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    new DataChangeWatcher(host, (tables) => this.#onDataChanged(tables));
    this.task = new Task(host, {
      args: (): RunArgs<I, E> => [this.adapter, options.input(), ...options.extra()],
      task: async ([adapter, input, ...extra], { signal }) => {
        if (!adapter || !input) return initialState;
        return options.run(adapter, input, extra, signal);
      },
      onComplete: (value) => options.onComplete?.(value),
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

  get status(): RunStatus {
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

  get error(): DisplayError | undefined {
    return this.task.status === TaskStatus.ERROR ? toDisplayError(this.task.error) : undefined;
  }

  /** Runs again with the same arguments (Retry, refresh). */
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

  /** The last run's value when it completed. */
  protected get completed(): T | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  #onDataChanged(tables: string[] | null): void {
    const adapter = this.adapter;
    const input = this.#options.input();
    // While interrupted, hostConnected runs it again anyway.
    if (!adapter || !input || this.#interrupted) return;
    if (isStale(this.#options.tables(adapter, input), tables)) void this.task.run();
  }

  hostConnected(): void {
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.#interrupted = true;
      this.task.abort(new AdapterError('aborted', 'The element was removed from the page.'));
    }
  }
}
