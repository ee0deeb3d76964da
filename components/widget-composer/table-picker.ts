import { html, LitElement } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { DataModel } from '../../src/contracts/data-model.js';

/**
 * @summary The composer's table step: every table of the model with its kind, records, lookups and attributes, and a preview (sample records; attributes with type and source table).
 * @tagname clv-composer-table-picker
 */
export class ClvComposerTablePicker extends LitElement {
  static override properties = {
    model: { attribute: false },
    adapter: { attribute: false },
    selected: {},
  };

  /** The data model whose tables are listed. */
  declare model: DataModel | undefined;
  /** Where sample records come from. */
  declare adapter: DataAdapter | undefined;
  /** The chosen table's name. */
  declare selected: string | undefined;

  override render() {
    return html``;
  }
}
