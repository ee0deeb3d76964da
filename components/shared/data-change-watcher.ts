import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataChangeDetail, DataChanges } from '../../src/query/data-changes.js';
import { dataChangesContext } from '../shared/adapter-context.js';

/**
 * Listens to the data-change notices of the nearest `<clv-data-provider>` while the host is on
 * the page, and reports a notice it missed while it was away (tables unknown) when it comes back:
 * the context callback runs again on reconnection, and #listen compares the notice counts.
 */
export class DataChangeWatcher implements ReactiveController {
  readonly #onChange: (tables: string[] | null) => void;
  #changes?: DataChanges;
  #stop?: () => void;
  /** The notice count when the host left the page. */
  #versionAway?: number;

  constructor(host: ReactiveControllerHost & HTMLElement, onChange: (tables: string[] | null) => void) {
    this.#onChange = onChange;
    new ContextConsumer(host, { context: dataChangesContext, subscribe: true, callback: (changes) => this.#listen(changes) });
    host.addController(this);
  }

  #listen(changes: DataChanges | undefined): void {
    this.#stop?.();
    this.#stop = changes?.on(this.#onNotice);
    const missed = changes !== undefined && changes === this.#changes && this.#versionAway !== undefined && changes.version !== this.#versionAway;
    this.#changes = changes;
    this.#versionAway = undefined;
    if (missed) this.#onChange(null);
  }

  #onNotice = (detail: DataChangeDetail): void => this.#onChange(detail.tables);

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#versionAway = this.#changes?.version;
  }
}
