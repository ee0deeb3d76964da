import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { explainState, type ComposerProblem } from '../../src/composer/explain.js';
import { openWidgetSpec, specToState } from '../../src/composer/from-spec.js';
import { applyToHistory, canRedo, canUndo, startHistory, type ComposerHistory, type HistoryAction } from '../../src/composer/history.js';
import { emptyComposerState, type ComposerState } from '../../src/composer/state.js';
import { stateToSpec } from '../../src/composer/to-spec.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';
import { WidgetSpecSchema, type WidgetSpec } from '../../src/widgets/spec.js';
import { adapterContext } from '../shared/adapter-context.js';
import { toDisplayError, type DisplayError } from '../shared/adapter-run.js';

/** What the composer shows: no adapter yet, the model loading or failing, a spec it cannot open, or the editor. */
export type ComposerPhase = 'idle' | 'loading' | 'error' | 'invalid' | 'editor';

export interface ComposerControllerOptions {
  /** The host's own adapter; when it returns undefined the adapter comes from `adapterContext`. */
  adapter: () => DataAdapter | undefined;
  /** The spec to open (any known version), or undefined for a new widget. */
  spec: () => unknown;
}

/** Structural equality of JSON-like values; a key set to undefined counts as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}

interface Opened {
  model: DataModel;
  spec: unknown;
  /** The spec as opened (the one Save gives back unchanged); undefined while the spec cannot be opened. */
  baseline?: WidgetSpec;
  history?: ComposerHistory;
  invalid?: string;
}

/**
 * The composer's data: loads the adapter's model with @lit/task (a new adapter aborts the pending
 * describe() and starts another), opens the spec against it, and keeps the undo history every
 * action goes through. Derived values (spec, problems) are computed once per state.
 */
export class ComposerController implements ReactiveController {
  readonly task: Task<readonly [DataAdapter | undefined], DataModel>;
  readonly #host: ReactiveControllerHost;
  readonly #options: ComposerControllerOptions;
  readonly #consumer: ContextConsumer<typeof adapterContext, ReactiveControllerHost & HTMLElement>;
  #opened?: Opened;
  #derived?: { state: ComposerState; model: DataModel; spec: WidgetSpec; problems: ComposerProblem[] };

  constructor(host: ReactiveControllerHost & HTMLElement, options: ComposerControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#consumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    this.task = new Task(host, {
      args: () => [this.adapter] as const,
      task: async ([adapter], { signal }) => {
        if (!adapter) return initialState;
        return adapter.describe({ signal });
      },
    });
    host.addController(this);
  }

  /** The adapter in use: the host's own, else the one of the nearest `<clv-data-provider>`. */
  get adapter(): DataAdapter | undefined {
    return this.#options.adapter() ?? this.#consumer.value;
  }

  get phase(): ComposerPhase {
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return 'error';
      case TaskStatus.COMPLETE:
        return this.#sync()?.history ? 'editor' : 'invalid';
      default:
        return 'idle';
    }
  }

  /** The loaded data model. */
  get model(): DataModel | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  /** Why the model could not be loaded. */
  get error(): DisplayError | undefined {
    return this.task.status === TaskStatus.ERROR ? toDisplayError(this.task.error) : undefined;
  }

  /** Why the spec could not be opened (openWidgetSpec's message, naming the field). */
  get invalidMessage(): string | undefined {
    return this.#sync()?.invalid;
  }

  get history(): ComposerHistory | undefined {
    return this.#sync()?.history;
  }

  get state(): ComposerState | undefined {
    return this.history?.present;
  }

  get canUndo(): boolean {
    const h = this.history;
    return h ? canUndo(h) : false;
  }

  get canRedo(): boolean {
    const h = this.history;
    return h ? canRedo(h) : false;
  }

  /** The spec the current state stands for (stateToSpec), whether or not it is valid. */
  get spec(): WidgetSpec | undefined {
    return this.#derive()?.spec;
  }

  /** What stops the current state from being saved (explainState). */
  get problems(): ComposerProblem[] {
    return this.#derive()?.problems ?? [];
  }

  /** The current spec, parsed, when nothing stops it from being saved. */
  get value(): WidgetSpec | undefined {
    const d = this.#derive();
    if (!d || d.problems.length > 0) return undefined;
    const r = WidgetSpecSchema.safeParse(d.spec);
    return r.success ? r.data : undefined;
  }

  /** Whether the current spec differs from the one opened (or last saved). */
  get dirty(): boolean {
    const opened = this.#sync();
    const spec = this.spec;
    if (!opened?.baseline || !spec) return false;
    return !sameJson(spec, opened.baseline);
  }

  /** Applies an action (or undo/redo) to the history; returns whether the state changed. */
  apply(action: HistoryAction): boolean {
    const opened = this.#sync();
    if (!opened?.history) return false;
    const next = applyToHistory(opened.history, action, opened.model);
    if (next === opened.history) return false;
    const changed = next.present !== opened.history.present;
    opened.history = next;
    this.#host.requestUpdate();
    return changed;
  }

  /** Loads the model again (the Retry of the error state). */
  retry(): Promise<void> {
    return this.task.run();
  }

  /** Leaves a spec that cannot be opened and starts a new widget instead. */
  startNew(): void {
    const opened = this.#sync();
    if (!opened) return;
    this.#begin(opened, emptyComposerState());
    this.#host.requestUpdate();
  }

  /** Takes `spec` as the new baseline of `dirty` (after a save). */
  markSaved(spec: WidgetSpec): void {
    const opened = this.#sync();
    if (opened) opened.baseline = spec;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#sync();
  }

  /** Opens the spec again when the spec changed (by identity); a new model keeps the edits so far. */
  #sync(): Opened | undefined {
    const model = this.model;
    if (!model) return undefined;
    const spec = this.#options.spec();
    const current = this.#opened;
    if (current && current.model === model && current.spec === spec) return current;
    const opened: Opened = { model, spec };
    if (current?.history && current.spec === spec) {
      // Another data model (a source chosen) for the same widget: the edits so far come along,
      // and whatever the new model lacks is named by explainState (choosing a table drops it).
      opened.history = startHistory(specToState(stateToSpec(current.history.present), model));
      if (current.baseline) opened.baseline = current.baseline;
    } else if (spec === undefined || spec === null) this.#begin(opened, emptyComposerState());
    else {
      const r = openWidgetSpec(spec, model);
      if (r.ok) this.#begin(opened, r.state);
      else opened.invalid = r.message;
    }
    this.#opened = opened;
    return opened;
  }

  #begin(opened: Opened, state: ComposerState): void {
    opened.invalid = undefined;
    opened.history = startHistory(state);
    opened.baseline = stateToSpec(state);
  }

  #derive() {
    const opened = this.#sync();
    const state = opened?.history?.present;
    if (!opened || !state) return undefined;
    const d = this.#derived;
    if (d && d.state === state && d.model === opened.model) return d;
    this.#derived = { state, model: opened.model, spec: stateToSpec(state), problems: explainState(state, opened.model) };
    return this.#derived;
  }
}
