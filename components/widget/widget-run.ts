import type { ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { QueryGate } from '../../src/query/gate.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { AdapterRunController, type DisplayError, type RunStatus } from '../shared/adapter-run.js';
import { fetchWidgetData, widgetTables, type WidgetData } from './widget-queries.js';

export type WidgetRunStatus = RunStatus;

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

/**
 * Runs a widget's queries (semantic or SQL, plus a big number's comparison), the sibling of
 * QueryController for widgets: a new spec, adapter, gate or "now" aborts the running run and
 * starts another; removal from the page aborts it and coming back runs it again; a data-change
 * notice of the provider for a table the widget reads runs it again.
 */
export class WidgetRunController extends AdapterRunController<WidgetSpec, readonly [QueryGate | undefined, string | undefined], WidgetData> {
  constructor(host: ReactiveControllerHost & HTMLElement, options: WidgetRunOptions) {
    super(host, {
      adapter: options.adapter,
      input: options.spec,
      extra: () => [options.gate(), options.now()] as const,
      // One "now" for the query and its previous-period comparison, even when it is not pinned.
      run: (adapter, spec, [gate, now], signal) => fetchWidgetData(adapter, spec, { signal, gate, now: now ?? new Date().toISOString() }),
      tables: widgetTables,
      onComplete: options.onComplete,
      onError: options.onError,
    });
  }

  get data(): WidgetData | undefined {
    return this.completed;
  }
}
