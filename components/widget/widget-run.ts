import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { AdapterError } from '../../src/contracts/errors.js';
import { isStale } from '../../src/query/data-changes.js';
import type { QueryGate } from '../../src/query/gate.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { adapterContext } from '../shared/adapter-context.js';
import { toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { DataChangeWatcher } from './data-change-watcher.js';
import { fetchWidgetData, widgetTables, type WidgetData } from './widget-queries.js';

export type WidgetRunStatus = 'idle' | 'loading' | 'complete' | 'error';

export interface WidgetRunOptions {
  /** The host's own adapter; when it returns undefined the adapter comes from `adapterContext`. */
  adapter: () => DataAdapter | undefined;
  /** The validated spec to run; undefined leaves the controller idle (no spec, an invalid one, or a snapshot). */
  spec: () => WidgetSpec | undefined;
  /** Admits the queries a few at a time (a dashboard's limit). */
  gate: () => QueryGate | undefined;
  /** Pins "now" for relative date ranges. */
  now: () => string | undefined;
  onComplete?: (data: WidgetData) => void;
  /** Called when a run fails; cancelled runs are not reported. */
  onError?: (error: DisplayError, raw: unknown) => void;
}

type Args = readonly [DataAdapter | undefined, WidgetSpec | undefined, QueryGate | undefined, string | undefined];

/**
 * Runs a widget's queries (semantic or SQL, plus a big number's comparison) with @lit/task, the
 * sibling of QueryController for widgets: a new spec, adapter, gate or "now" aborts the running
 * run and starts another; removal from the page aborts it and coming back runs it again; a
 * data-change notice of the provider for a table the widget reads runs it again.
 */
export class WidgetRunController implements ReactiveController {
  readonly task: Task<Args, WidgetData>;
  readonly #consumer: ContextConsumer<typeof adapterContext, ReactiveControllerHost & HTMLElement>;
  readonly #options: WidgetRunOptions;
  #interrupted = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WidgetRunOptions) {
    this.#options = options;
    this.#consumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    new DataChangeWatcher(host, (tables) => this.#onDataChanged(tables));
    this.task = new Task(host, {
      args: (): Args => [this.adapter, options.spec(), options.gate(), options.now()],
      task: async ([adapter, spec, gate, now], { signal }) => {
        if (!adapter || !spec) return initialState;
        // One "now" for the query and its previous-period comparison, even when it is not pinned.
        return fetchWidgetData(adapter, spec, { signal, gate, now: now ?? new Date().toISOString() });
      },
      onComplete: (data) => options.onComplete?.(data),
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

  get status(): WidgetRunStatus {
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

  get data(): WidgetData | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
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

  #onDataChanged(tables: string[] | null): void {
    const adapter = this.adapter;
    const spec = this.#options.spec();
    if (!adapter || !spec || this.#interrupted) return;
    if (isStale(widgetTables(adapter, spec), tables)) void this.task.run();
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
