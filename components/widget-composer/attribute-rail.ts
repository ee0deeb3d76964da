import { html, LitElement } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import type { ComposerState } from '../../src/composer/state.js';

/**
 * @summary The composer's attribute rail: searchable attributes, each placed on a channel or a filter from its menu or by drag and drop (pointer or keyboard).
 * @tagname clv-composer-attribute-rail
 */
export class ClvComposerAttributeRail extends LitElement {
  static override properties = {
    available: { attribute: false },
    state: { attribute: false },
    carrying: {},
  };

  /** What can be placed: stateAttributes(state, model). */
  declare available: readonly ComposerAttribute[];
  declare state: ComposerState;
  /** The attribute picked up from the keyboard, while one is carried. */
  declare carrying: string | undefined;

  override render() {
    return html``;
  }
}
