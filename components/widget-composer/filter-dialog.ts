import { html, LitElement } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import type { ComposerFilter } from '../../src/composer/state.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';

/** What the filter dialog edits: a new filter on `attribute`, or `filter` (an existing one). */
export interface FilterDialogRequest {
  attribute: ComposerAttribute;
  filter?: ComposerFilter;
  adapter: DataAdapter;
  model: DataModel;
  /** The composer's base table: values are listed (with counts) over it. */
  table: string;
  /** Pins "now" for relative date ranges. */
  now?: string;
}

/**
 * @summary The composer's filter dialog: include or exclude values (searchable, with counts), number and date ranges, relative dates.
 * @tagname clv-composer-filter-dialog
 */
export class ClvComposerFilterDialog extends LitElement {
  /** Opens the dialog; resolves with the filter, or undefined when cancelled. */
  edit(_request: FilterDialogRequest): Promise<ComposerFilter | undefined> {
    return Promise.resolve(undefined);
  }

  override render() {
    return html``;
  }
}
