import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { choiceDialogStyles } from './dialog.styles.js';
import { closeNow, deepActiveElement } from './focus.js';

/** One button of a choice dialog. */
export interface DialogChoice {
  /** What `ask()` resolves with when this button is chosen. */
  id: string;
  label: string;
  /** primary: the suggested action; danger: a destructive one. */
  kind?: 'primary' | 'danger' | 'default';
}

export interface DialogRequest {
  heading: string;
  message: string | TemplateResult;
  choices: readonly DialogChoice[];
  /** What `ask()` resolves with when the dialog is dismissed (Escape). */
  dismissId: string;
  /** The choice focused when the dialog opens (default: the dismiss choice, so Enter never destroys by accident). */
  focusId?: string;
}

/**
 * @summary A modal question with a few answers (delete confirmation, unsaved changes, save conflict).
 * @tagname clv-choice-dialog
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart heading - The question.
 * @csspart message - The explanation under it.
 * @csspart actions - The row of answer buttons.
 *
 * @cssprop --clv-color-surface - Dialog background.
 * @cssprop --clv-color-danger - Destructive answer buttons.
 */
export class ClvChoiceDialog extends LitElement {
  static override styles = choiceDialogStyles;

  static override properties = {
    _request: { state: true },
  };

  declare _request: DialogRequest | undefined;
  #resolve?: (id: string) => void;
  #opener?: HTMLElement;

  constructor() {
    super();
    this._request = undefined;
  }

  /** Whether a question is showing. */
  get open(): boolean {
    return this._request !== undefined;
  }

  /** The question showing, if any. */
  get request(): DialogRequest | undefined {
    return this._request;
  }

  /** Shows the question; resolves with the id of the chosen answer (`dismissId` on Escape). A pending question is dismissed first. */
  ask(request: DialogRequest): Promise<string> {
    if (this._request) this.#finish(this._request.dismissId);
    const active = deepActiveElement();
    this.#opener = active instanceof HTMLElement ? active : undefined;
    this._request = request;
    return new Promise<string>((resolve) => (this.#resolve = resolve));
  }

  /** Answers the question showing as if that button was pressed. */
  choose(id: string): void {
    this.#finish(id);
  }

  #finish(id: string): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this._request = undefined;
    closeNow(this.renderRoot, this.#opener);
    this.#opener = undefined;
    resolve?.(id);
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this._request && !dialog.open) {
      dialog.showModal();
      const focus = this._request.focusId ?? this._request.dismissId;
      this.renderRoot.querySelector<HTMLButtonElement>(`button[data-choice="${CSS.escape(focus)}"]`)?.focus();
    } else if (!this._request && dialog.open) dialog.close();
  }

  #onCancel = (event: Event): void => {
    // Escape: answer with the dismiss choice instead of letting the dialog close on its own.
    event.preventDefault();
    if (this._request) this.#finish(this._request.dismissId);
  };

  /** The browser closed the dialog itself (a second Escape may not be cancelable): treat it as dismissed. */
  #onClose = (event: Event): void => {
    // A close event of an earlier answer can arrive after the dialog opened again: only a closed dialog counts.
    if ((event.target as HTMLDialogElement).open) return;
    if (this._request) this.#finish(this._request.dismissId);
  };

  protected override render() {
    const r = this._request;
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @cancel=${this.#onCancel} @close=${this.#onClose}>
      ${r
        ? html`<div class="dialog__body">
            <h2 class="dialog__title" id="heading" part="heading">${r.heading}</h2>
            <p id="message" part="message">${r.message}</p>
            <div class="dialog__actions" part="actions">
              ${r.choices.map(
                (c) => html`<button
                  type="button"
                  class="button ${c.kind === 'primary' ? 'button--primary' : c.kind === 'danger' ? 'button--danger' : ''}"
                  data-choice=${c.id}
                  @click=${() => this.#finish(c.id)}
                >
                  ${c.label}
                </button>`,
              )}
            </div>
          </div>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-choice-dialog': ClvChoiceDialog;
  }
}
