import { css, html, LitElement, nothing } from 'lit';
import type { DashboardSpec, DashboardWidget } from '../../src/dashboards/spec.js';
import { token } from '../shared/tokens.styles.js';
import { formDialogStyles } from './dialog.styles.js';
import { ModalAnswer } from './modal-answer.js';

/** What the settings dialog changes on a widget. */
export interface WidgetSettings {
  title: string;
  filters: DashboardWidget['filters'];
}

const MAX_TITLE = 120;

/** The message for a title, or undefined when it is fine. */
export function validateWidgetTitle(title: string): string | undefined {
  const t = title.trim();
  if (!t) return 'A widget needs a title.';
  if (t.length > MAX_TITLE) return `A title has at most ${MAX_TITLE} characters (this one has ${t.length}).`;
  return undefined;
}

interface Editing {
  widget: DashboardWidget;
  filters: DashboardSpec['filters'];
  title: string;
  dateRange: boolean;
  global: string[];
  crossFilter: boolean;
  titleError?: string;
}

/**
 * @summary The settings of one dashboard widget: its title and which dashboard filters narrow it.
 * @tagname clv-widget-settings-dialog
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart title-input - The title field.
 * @csspart filters - The fieldset of filter choices.
 *
 * @cssprop --clv-dashboard-dialog-width - Width of the dialog (default 40rem).
 */
export class ClvWidgetSettingsDialog extends LitElement {
  static override styles = [
    ...formDialogStyles,
    css`
      form {
        display: contents;
      }
      .choices {
        display: flex;
        flex-direction: column;
        gap: ${token('--clv-space-s')};
      }
      .choice {
        display: flex;
        align-items: center;
        gap: ${token('--clv-space-s')};
        font-weight: ${token('--clv-font-weight-normal')};
      }
    `,
  ];

  static override properties = {
    _editing: { state: true },
  };

  declare _editing: Editing | undefined;
  readonly #modal = new ModalAnswer<WidgetSettings | undefined>(this, {
    clear: () => (this._editing = undefined),
    focus: () => this.renderRoot.querySelector<HTMLInputElement>('#title'),
  });

  constructor() {
    super();
    this._editing = undefined;
  }

  get open(): boolean {
    return this._editing !== undefined;
  }

  /** Opens the settings of `widget`; resolves with the new settings, or undefined when cancelled. */
  edit(widget: DashboardWidget, filters: DashboardSpec['filters']): Promise<WidgetSettings | undefined> {
    const answer = this.#modal.open(undefined);
    this._editing = {
      widget,
      filters,
      title: widget.spec.title,
      dateRange: widget.filters.dateRange,
      global: [...widget.filters.global],
      crossFilter: widget.filters.crossFilter,
    };
    return answer;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    const e = this._editing;
    if (!e) return;
    const titleError = validateWidgetTitle(e.title);
    if (titleError) {
      this._editing = { ...e, titleError };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus());
      return;
    }
    const known = new Set(e.filters.global.map((f) => f.id));
    this.#modal.answer({
      title: e.title.trim(),
      filters: { dateRange: e.dateRange, global: e.global.filter((id) => known.has(id)), crossFilter: e.crossFilter },
    });
  };

  /** Changes the form state as it is now (two changes in one task must not undo each other). */
  #patch(change: Partial<Editing>): void {
    if (this._editing) this._editing = { ...this._editing, ...change };
  }

  #toggleGlobal(id: string, on: boolean): void {
    const e = this._editing;
    if (!e) return;
    this.#patch({ global: on ? [...new Set([...e.global, id])] : e.global.filter((g) => g !== id) });
  }

  #renderForm(e: Editing) {
    const dateRange = e.filters.dateRange;
    return html`<form class="dialog__body" novalidate @submit=${this.#onSubmit}>
      <h2 class="dialog__title" id="settings-title">Widget settings</h2>
      <div class="field">
        <label for="title">Title</label>
        <input
          id="title"
          part="title-input"
          type="text"
          required
          aria-invalid=${e.titleError ? 'true' : 'false'}
          aria-describedby=${e.titleError ? 'title-error' : nothing}
          .value=${e.title}
          @input=${(ev: Event) => this.#patch({ title: (ev.target as HTMLInputElement).value, titleError: undefined })}
        />
        ${e.titleError ? html`<p class="field-error" id="title-error">${e.titleError}</p>` : nothing}
      </div>
      <fieldset part="filters">
        <legend>Dashboard filters this widget takes</legend>
        <div class="choices">
          ${dateRange
            ? html`<label class="choice"
                ><input
                  type="checkbox"
                  name="dateRange"
                  .checked=${e.dateRange}
                  @change=${(ev: Event) => this.#patch({ dateRange: (ev.target as HTMLInputElement).checked })}
                />${dateRange.label}</label
              >`
            : nothing}
          ${e.filters.global.map(
            (f) => html`<label class="choice"
              ><input
                type="checkbox"
                name="global"
                value=${f.id}
                .checked=${e.global.includes(f.id)}
                @change=${(ev: Event) => this.#toggleGlobal(f.id, (ev.target as HTMLInputElement).checked)}
              />${f.label}</label
            >`,
          )}
          <label class="choice"
            ><input
              type="checkbox"
              name="crossFilter"
              .checked=${e.crossFilter}
              @change=${(ev: Event) => this.#patch({ crossFilter: (ev.target as HTMLInputElement).checked })}
            />Cross filter (a click on another widget narrows this one)</label
          >
        </div>
      </fieldset>
      <div class="dialog__actions">
        <button type="button" class="button" data-action="cancel" @click=${() => this.#modal.answer(undefined)}>Cancel</button>
        <button type="submit" class="button button--primary" data-action="apply">Apply</button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="settings-title" @cancel=${this.#modal.onCancel} @close=${this.#modal.onClose}>
      ${this._editing ? this.#renderForm(this._editing) : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-widget-settings-dialog': ClvWidgetSettingsDialog;
  }
}
