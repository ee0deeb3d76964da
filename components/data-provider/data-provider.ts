import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { DATA_CHANGED_EVENT, type DataChangeDetail, DataChanges } from '../../src/query/data-changes.js';
import type { RefreshEventTarget } from '../../src/refresh/events.js';
import { adapterContext, dataChangesContext } from '../shared/adapter-context.js';
import { emit } from '../shared/events.js';
import { dataProviderStyles } from './data-provider.styles.js';

/**
 * @summary Hands a data adapter down to every clv- component inside it, and tells them when data changes.
 * @tagname clv-data-provider
 *
 * @slot - The components that query through the adapter.
 *
 * @event clv-data-changed - Tables changed (a refresh run of `scheduler`, or notifyDataChanged()); detail: `{tables, version}`, tables null for "all".
 *
 * @example
 * ```html
 * <clv-data-provider id="data">
 *   <clv-query-chart mark="bar"></clv-query-chart>
 * </clv-data-provider>
 * <script type="module">
 *   const provider = document.getElementById('data');
 *   provider.adapter = new MemoryAdapter(model, tables);
 *   provider.scheduler = scheduler; // charts re-run when a refresh run rewrites a table they read
 *   await provider.adapter.append('transactions', rows);
 *   provider.notifyDataChanged(['transactions']);
 * </script>
 * ```
 */
export class ClvDataProvider extends LitElement {
  static override styles = dataProviderStyles;

  static override properties = {
    adapter: { attribute: false },
    scheduler: { attribute: false },
  };

  /** The adapter descendants query through. Replacing it re-runs their queries. */
  declare adapter: DataAdapter | undefined;
  /** A refresh scheduler whose 'clv-refresh-table-updated' events are passed on as data changes. */
  declare scheduler: RefreshEventTarget | undefined;

  /** The notices descendants listen to; DOM-free, so non-Lit code can listen too. */
  readonly changes = new DataChanges();

  readonly #provider = new ContextProvider(this, { context: adapterContext });
  #unsubscribe?: () => void;

  constructor() {
    super();
    this.adapter = undefined;
    this.scheduler = undefined;
    new ContextProvider(this, { context: dataChangesContext, initialValue: this.changes });
  }

  /**
   * Tells the components inside that these tables changed (all tables when none are given), e.g.
   * after `adapter.append(...)`: the queries that read one of them run again.
   */
  notifyDataChanged(tables?: readonly string[]): DataChangeDetail {
    const detail = this.changes.notify(tables);
    emit<DataChangeDetail>(this, DATA_CHANGED_EVENT, detail);
    return detail;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Clearing the adapter is passed on too: consumers treat a missing adapter as "not configured".
    if (changed.has('adapter')) this.#provider.setValue(this.adapter as DataAdapter);
    if (changed.has('scheduler') && this.isConnected) this.#listen();
  }

  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.scheduler?.on('clv-refresh-table-updated', (event) => this.notifyDataChanged(event.detail.tables));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-data-provider': ClvDataProvider;
  }
  interface HTMLElementEventMap {
    'clv-data-changed': CustomEvent<DataChangeDetail>;
  }
}
