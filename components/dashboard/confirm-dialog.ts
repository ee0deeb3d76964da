import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { choiceDialogStyles } from './dialog.styles.js';
import { ModalAnswer } from './modal-answer.js';

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
  readonly #modal = new ModalAnswer<string>(this, {
    clear: () => (this._request = undefined),
    focus: () => {
      const r = this._request;
      return r ? this.renderRoot.querySelector<HTMLButtonElement>(`button[data-choice="${CSS.escape(r.focusId ?? r.dismissId)}"]`) : undefined;
    },
  });

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
    const answer = this.#modal.open(request.dismissId);
    this._request = request;
    return answer;
  }

  /** Answers the question showing as if that button was pressed. */
  choose(id: string): void {
    this.#modal.answer(id);
  }

  protected override render() {
    const r = this._request;
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby="message" @cancel=${this.#modal.onCancel} @close=${this.#modal.onClose}>
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
                  @click=${() => this.#modal.answer(c.id)}
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
