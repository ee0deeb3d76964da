import type { ReactiveControllerHost } from 'lit';
import { raceAbort, toDisplayError, type DisplayError } from './query-controller.js';

/** What a searchable option list shows: idle (nothing asked yet), loading, error, empty or data. */
export type OptionListStatus = 'idle' | 'loading' | 'error' | 'empty' | 'data';

/** Lists the options matching `search`; it should stop when `signal` aborts. */
export type OptionFetch<T> = (search: string, signal: AbortSignal) => Promise<T[]> | T[];

export interface OptionListOptions<T> {
  /** What lists the options now; undefined when there is nothing to list them from. */
  source(): OptionFetch<T> | undefined;
  /** Milliseconds after the last keystroke before the options are listed again. */
  delay(): number;
  /** A listing ended, with its options ([] when it failed). */
  onListed?(items: readonly T[]): void;
  /**
   * Whether the list turns to loading as soon as a search is typed ('always'), or only when it was
   * showing a result ('listed'), so that an error stays until the new listing starts.
   */
  busyOnType?: 'always' | 'listed';
}

/**
 * The options of a searchable list, listed through `source()`: a listing for a search aborts the
 * one it replaces, and typing waits for a pause (`delay()`) before listing again. The host renders
 * `items`, `status` and `error`; each change requests an update. The host stops it (`cancel`,
 * `interrupt`) when it leaves the page.
 */
export class OptionListController<T> {
  items: T[] = [];
  status: OptionListStatus = 'idle';
  error: DisplayError | undefined = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: OptionListOptions<T>;
  #controller?: AbortController;
  #cancelTimer?: () => void;
  /** The debounce wait or listing in flight; `settled()` waits for it. */
  #waiting?: Promise<void>;
  /** The source and search of the last listing started. */
  #listedFor?: { source: OptionFetch<T>; search: string };

  constructor(host: ReactiveControllerHost, options: OptionListOptions<T>) {
    this.#host = host;
    this.#options = options;
  }

  /** Whether a search waits for its pause or a listing runs. */
  get pending(): boolean {
    return this.#controller !== undefined || this.#cancelTimer !== undefined;
  }

  /** Whether a typed search still waits for its pause. */
  get waiting(): boolean {
    return this.#cancelTimer !== undefined;
  }

  /** Whether a listing was started since the last reset (or forget). */
  get listed(): boolean {
    return this.#listedFor !== undefined;
  }

  /** Whether the last listing started was from `source` for `search`. */
  listedFor(source: OptionFetch<T> | undefined, search: string): boolean {
    const last = this.#listedFor;
    return last !== undefined && last.source === source && last.search === search;
  }

  /** Resolves once no search is waiting and no listing is running (stays pending while a listing hangs). */
  async settled(): Promise<void> {
    for (;;) {
      await this.#host.updateComplete;
      const waiting = this.#waiting;
      if (!waiting) return;
      await waiting;
    }
  }

  /** Lists the options for `search` now, aborting the listing or wait it replaces. */
  load(search: string): Promise<void> {
    this.cancel();
    const source = this.#options.source();
    if (!source) {
      this.#set({ status: 'idle' });
      return Promise.resolve();
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#listedFor = { source, search };
    this.#set({ status: 'loading', error: undefined });
    const run = (async () => {
      try {
        const items = await raceAbort(
          Promise.resolve().then(() => source(search, controller.signal)),
          controller.signal,
        );
        if (controller.signal.aborted) return;
        this.#set({ items, status: items.length > 0 ? 'data' : 'empty' });
        this.#options.onListed?.(items);
      } catch (error) {
        if (controller.signal.aborted) return;
        this.#set({ items: [], error: toDisplayError(error), status: 'error' });
        this.#options.onListed?.([]);
      } finally {
        if (this.#controller === controller) this.#controller = undefined;
      }
    })();
    this.#track(run);
    return run;
  }

  /** Lists the options for `search` after the delay; a newer keystroke restarts the wait. */
  schedule(search: string): void {
    this.cancel();
    // The shown result is stale as soon as the search changes.
    if (this.#options.busyOnType === 'always' || this.status === 'data' || this.status === 'empty') this.#set({ status: 'loading' });
    const wait = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#cancelTimer = undefined;
        resolve();
        void this.load(search);
      }, Math.max(0, this.#options.delay()));
      this.#cancelTimer = () => {
        clearTimeout(timer);
        this.#cancelTimer = undefined;
        resolve();
      };
    });
    this.#track(wait);
  }

  /** Stops the wait or listing in flight; the list keeps what it shows. */
  cancel(): void {
    this.#cancelTimer?.();
    this.#controller?.abort();
    this.#controller = undefined;
  }

  /** Forgets what was listed: `listed` is false until the next listing starts. */
  forget(): void {
    this.#listedFor = undefined;
  }

  /** Stops what is in flight and empties the list. */
  reset(): void {
    this.cancel();
    this.forget();
    this.#set({ items: [], status: 'idle', error: undefined });
  }

  /** Marks an interrupted listing as not started (idle), to be started again later. */
  interrupt(): void {
    if (!this.pending) return;
    this.cancel();
    this.forget();
    if (this.status === 'loading') this.#set({ status: 'idle' });
  }

  #set(change: Partial<Pick<OptionListController<T>, 'items' | 'status' | 'error'>>): void {
    Object.assign(this, change);
    this.#host.requestUpdate();
  }

  #track(promise: Promise<void>): void {
    this.#waiting = promise;
    void promise.finally(() => {
      if (this.#waiting === promise) this.#waiting = undefined;
    });
  }
}
