import { html, LitElement } from 'lit';
import type { WidgetMark } from '../../src/widgets/spec.js';

/**
 * @summary The composer's mark choice: each mark with the encodings it takes.
 * @tagname clv-composer-mark-picker
 */
export class ClvComposerMarkPicker extends LitElement {
  static override properties = {
    mark: {},
  };

  declare mark: WidgetMark;

  override render() {
    return html``;
  }
}
