import { html, LitElement } from 'lit';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import type { ComposerProblem } from '../../src/composer/explain.js';
import type { ComposerState } from '../../src/composer/state.js';

/**
 * @summary The composer's encoding shelves: one drop zone per channel of the mark (aggregate, granularity, type, remove), swap X and Y, the filters and the extra fields.
 * @tagname clv-composer-shelves
 */
export class ClvComposerShelves extends LitElement {
  static override properties = {
    state: { attribute: false },
    available: { attribute: false },
    problems: { attribute: false },
    carrying: {},
  };

  declare state: ComposerState;
  declare available: readonly ComposerAttribute[];
  /** explainState's problems, shown on the shelf they concern. */
  declare problems: readonly ComposerProblem[];
  /** The attribute picked up from the keyboard, while one is carried. */
  declare carrying: string | undefined;

  override render() {
    return html``;
  }
}
