import { css, html, LitElement, nothing } from 'lit';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import '../widget-composer/define.js';
import type { ComposerSaveDetail } from '../widget-composer/composer-events.js';
import { baseStyles, token } from '../shared/tokens.styles.js';
import { dialogFrameStyles } from '../shared/dialog.styles.js';
import type { ClvChoiceDialog } from './confirm-dialog.js';
import { ModalAnswer } from './modal-answer.js';

/** What `compose()` opens the composer on. */
export interface ComposeRequest {
  /** The widget to edit; none composes a new one. */
  spec?: WidgetSpec;
  adapter: DataAdapter | undefined;
  /** Pins "now" for relative date ranges in the preview. */
  now?: string;
  /** Called with each saved spec ("Save" and "Save and close"), while the composer may stay open. */
  onSave(spec: WidgetSpec): void;
}

/** The parts of `<clv-widget-composer>` the dialog relies on. */
type Composer = HTMLElement & { dirty: boolean; updateComplete: Promise<unknown>; ready?: Promise<void> };

/**
 * @summary A full-screen modal that hosts `<clv-widget-composer>` to compose a new widget or edit one.
 * @tagname clv-composer-dialog
 *
 * "Save" hands the spec over and keeps the composer open; "Save and close" hands it over and
 * closes. Cancel and Escape close at once when nothing changed, else ask first. Focus goes back to
 * the control that opened it.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart composer - The `<clv-widget-composer>`.
 *
 * @cssprop --clv-color-surface - Background of the dialog.
 */
export class ClvComposerDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogFrameStyles,
    css`
      dialog {
        width: 100vw;
        height: 100vh;
        max-width: none;
        max-height: none;
        margin: 0;
        border: 0;
        border-radius: 0;
        box-shadow: none;
        overflow: auto;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
      }
      /* At least the viewport's height; a taller composer scrolls within the dialog. */
      clv-widget-composer {
        flex: 1 0 auto;
        background: ${token('--clv-color-surface')};
      }
    `,
  ];

  static override properties = {
    _request: { state: true },
  };

  declare _request: ComposeRequest | undefined;
  #lastSaved?: WidgetSpec;
  #asking = false;
  readonly #modal = new ModalAnswer<WidgetSpec | undefined>(this, {
    clear: () => (this._request = undefined),
    // The composer decides what takes focus first; it is focused once it has rendered (see #focusComposer).
    focus: () => null,
  });

  constructor() {
    super();
    this._request = undefined;
  }

  /** Whether the composer is showing. */
  get open(): boolean {
    return this._request !== undefined;
  }

  /** The composer element, while open. */
  get composer(): Composer | null {
    return this.renderRoot.querySelector<Composer>('clv-widget-composer');
  }

  /**
   * Opens the composer on `spec` (or on nothing, for a new widget). Resolves when it closes, with
   * the last spec saved meanwhile, or undefined when nothing was saved.
   */
  compose(request: ComposeRequest): Promise<WidgetSpec | undefined> {
    const answer = this.#modal.open(undefined);
    this.#lastSaved = undefined;
    this._request = request;
    void this.#focusComposer();
    return answer;
  }

  /** Closes like Cancel: asks first when the composer has unsaved changes. Resolves true when it closed. */
  async requestClose(): Promise<boolean> {
    if (!this._request || this.#asking) return false;
    if (this.composer?.dirty) {
      this.#asking = true;
      try {
        const answer = await this.#choice?.ask({
          heading: 'Discard your changes?',
          message: 'The changes to this widget since you last saved it will be lost.',
          choices: [
            { id: 'keep', label: 'Keep editing' },
            { id: 'discard', label: 'Discard changes', kind: 'danger' },
          ],
          dismissId: 'keep',
        });
        if (answer !== 'discard') return false;
      } finally {
        this.#asking = false;
      }
    }
    this.#modal.answer(this.#lastSaved);
    return true;
  }

  get #choice(): ClvChoiceDialog | null {
    return this.renderRoot.querySelector('clv-choice-dialog');
  }

  async #focusComposer(): Promise<void> {
    await this.updateComplete;
    const composer = this.composer;
    if (!composer) return;
    // The editor shows once the data model has loaded; until then only Cancel is there.
    await (composer.ready ?? composer.updateComplete);
    if (this.composer !== composer || composer.matches(':focus-within')) return;
    const first = composer.shadowRoot?.querySelector<HTMLElement>('[part~=title-input]') ?? composer.shadowRoot?.querySelector<HTMLElement>('[part~=cancel-button]');
    first?.focus();
  }

  #onSave = (event: CustomEvent<ComposerSaveDetail>): void => {
    const request = this._request;
    if (!request) return;
    const { spec, close } = event.detail;
    this.#lastSaved = spec;
    request.onSave(spec);
    if (close) this.#modal.answer(spec);
  };

  #onCancel = (): void => {
    void this.requestClose();
  };

  /** Escape: ask (when there are changes) instead of letting the dialog close on its own. */
  #onDialogCancel = (event: Event): void => {
    event.preventDefault();
    void this.requestClose();
  };

  /** The browser closed the dialog itself (a repeated Escape may not be cancelable): show it again, then ask. */
  #onDialogClose = (event: Event): void => {
    const dialog = event.target as HTMLDialogElement;
    if (dialog.open || !this._request) return;
    if (!this.composer?.dirty) {
      this.#modal.answer(this.#lastSaved);
      return;
    }
    dialog.showModal();
    void this.requestClose();
  };

  protected override render() {
    const r = this._request;
    const label = r?.spec ? `Edit “${r.spec.title}”` : 'Compose a new widget';
    return html`<dialog part="dialog" aria-label=${label} @cancel=${this.#onDialogCancel} @close=${this.#onDialogClose}>
      ${r
        ? html`<clv-widget-composer
            part="composer"
            .adapter=${r.adapter}
            .spec=${r.spec}
            .now=${r.now}
            @clv-composer-save=${this.#onSave}
            @clv-composer-cancel=${this.#onCancel}
          ></clv-widget-composer>`
        : nothing}
      <clv-choice-dialog></clv-choice-dialog>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-dialog': ClvComposerDialog;
  }
}
