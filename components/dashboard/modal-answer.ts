import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closeNow, deepActiveElement } from './focus.js';

export interface ModalAnswerOptions {
  /** Clears the host's state of the question, once it is answered. */
  clear(): void;
  /** The element to focus when the dialog opens. */
  focus(): HTMLElement | null | undefined;
}

/**
 * What the dashboard's modal dialogs share: a question opened with `open()` shows the host's
 * `<dialog>` as a modal, and its answer (a button, Escape, or the browser closing the dialog)
 * resolves the promise `open()` returned, closes the dialog and puts focus back where it was.
 * The host renders its `<dialog>` with `@cancel=${modal.onCancel} @close=${modal.onClose}`.
 */
export class ModalAnswer<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #options: ModalAnswerOptions;
  #resolve?: (value: T) => void;
  #dismissed?: { value: T };
  #opener?: HTMLElement;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }, options: ModalAnswerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * Starts a question that a dismissal answers with `dismissed`; the host then sets the state it
   * renders. A question still pending is dismissed first.
   */
  open(dismissed: T): Promise<T> {
    this.dismiss();
    const active = deepActiveElement();
    this.#opener = active instanceof HTMLElement ? active : undefined;
    this.#dismissed = { value: dismissed };
    return new Promise<T>((resolve) => (this.#resolve = resolve));
  }

  /** Answers the question: clears the host's state, closes the dialog, restores focus, then resolves. */
  answer(value: T): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#dismissed = undefined;
    this.#options.clear();
    closeNow(this.#host.renderRoot, this.#opener);
    this.#opener = undefined;
    resolve?.(value);
  }

  /** Answers a pending question as dismissed; nothing when none is pending. */
  dismiss(): void {
    if (this.#dismissed) this.answer(this.#dismissed.value);
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.#dismissed && !dialog.open) {
      dialog.showModal();
      this.#options.focus()?.focus();
    } else if (!this.#dismissed && dialog.open) dialog.close();
  }

  /** Escape: answer as dismissed instead of letting the dialog close on its own. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.dismiss();
  };

  /** The browser closed the dialog itself (a second Escape may not be cancelable): treat it as dismissed. */
  readonly onClose = (event: Event): void => {
    // A close event of an earlier answer can arrive after the dialog opened again: only a closed dialog counts.
    if ((event.target as HTMLDialogElement).open) return;
    this.dismiss();
  };
}
