import { html, LitElement } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { ComposerState } from '../../src/composer/state.js';

/**
 * @summary The composer's SQL mode: an editor with highlighting, the parameters found in the text with their sample values, Run, and the results.
 * @tagname clv-composer-sql-editor
 */
export class ClvComposerSqlEditor extends LitElement {
  static override properties = {
    state: { attribute: false },
    adapter: { attribute: false },
  };

  declare state: ComposerState;
  declare adapter: DataAdapter | undefined;

  override render() {
    return html``;
  }
}
