import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { adapterContext } from '../shared/adapter-context.js';
import { dataProviderStyles } from './data-provider.styles.js';

/**
 * @summary Hands a data adapter down to every clv- component inside it.
 * @tagname clv-data-provider
 *
 * @slot - The components that query through the adapter.
 *
 * @example
 * ```html
 * <clv-data-provider id="data">
 *   <clv-query-chart mark="bar"></clv-query-chart>
 * </clv-data-provider>
 * <script type="module">
 *   document.getElementById('data').adapter = new MemoryAdapter(model, tables);
 * </script>
 * ```
 */
export class ClvDataProvider extends LitElement {
  static override styles = dataProviderStyles;

  static override properties = {
    adapter: { attribute: false },
  };

  /** The adapter descendants query through. Replacing it re-runs their queries. */
  declare adapter: DataAdapter | undefined;

  readonly #provider = new ContextProvider(this, { context: adapterContext });

  constructor() {
    super();
    this.adapter = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Clearing the adapter is passed on too: consumers treat a missing adapter as "not configured".
    if (changed.has('adapter')) this.#provider.setValue(this.adapter as DataAdapter);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-data-provider': ClvDataProvider;
  }
}
