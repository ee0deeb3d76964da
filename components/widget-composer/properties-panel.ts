import { html, LitElement } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import type { ComposerState } from '../../src/composer/state.js';

/**
 * @summary The composer's properties panel: title, description, legend, axis titles, number format, table sorting and page size, big number options.
 * @tagname clv-composer-properties
 */
export class ClvComposerProperties extends LitElement {
  static override properties = {
    state: { attribute: false },
    available: { attribute: false },
  };

  declare state: ComposerState;
  declare available: readonly ComposerAttribute[];

  override render() {
    return html``;
  }
}
