import { css, html, LitElement, nothing } from 'lit';
import type { CatalogEntry } from '../../src/widgets/catalog.js';
import { parseWidgetSpec } from '../../src/widgets/migrate.js';
import type { WidgetMark, WidgetSpec } from '../../src/widgets/spec.js';
import { plural } from '../shared/format.js';
import { token } from '../shared/tokens.styles.js';
import { formDialogStyles } from './dialog.styles.js';
import { ModalAnswer } from './modal-answer.js';

const GROUP_LABELS: Record<string, string> = {
  sales: 'Sales',
  clv: 'Customer lifetime value',
  deciles: 'Deciles',
  audiences: 'Audiences',
  email: 'Email',
};

const MARK_LABELS: Record<WidgetMark, string> = {
  bar: 'Bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Scatter plot',
  tick: 'Tick plot',
  donut: 'Donut chart',
  'big-number': 'Big number',
  table: 'Table',
};

export const groupLabel = (group: string): string => GROUP_LABELS[group] ?? group.charAt(0).toUpperCase() + group.slice(1);

/** What a catalog entry says about itself, read defensively: a product's own catalog is not validated until picked. */
function describeEntry(entry: CatalogEntry): { title: string; description: string } {
  const spec = entry.spec as { title?: unknown; description?: unknown; mark?: unknown };
  const title = typeof spec.title === 'string' ? spec.title : entry.id;
  const kind = typeof spec.mark === 'string' && spec.mark in MARK_LABELS ? MARK_LABELS[spec.mark as WidgetMark] : '';
  const description = [kind, typeof spec.description === 'string' ? spec.description : ''].filter(Boolean).join(' · ');
  return { title, description };
}

/** A result of the dialog: the validated spec, and the catalog entry it came from (none for a pasted spec). */
export interface PickedWidget {
  spec: WidgetSpec;
  catalogId?: string;
}

/** The "Compose a new widget" answer: the caller opens the widget composer. */
export interface ComposeNewWidget {
  compose: true;
}

/** What the dialog resolves with: a widget to add, or the wish to compose one. */
export type AddWidgetChoice = PickedWidget | ComposeNewWidget;

/**
 * @summary The "Add widget" dialog of a dashboard: compose a new widget, pick one from the catalog (grouped and searchable), or paste a widget spec as JSON.
 * @tagname clv-add-widget-dialog
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart compose-button - The "Compose a new widget" button.
 * @csspart search - The search field.
 * @csspart catalog - The grouped list of catalog widgets.
 * @csspart catalog-item - One widget's button.
 * @csspart spec-input - The JSON textarea.
 * @csspart spec-error - The message naming the field at fault in the pasted spec.
 *
 * @cssprop --clv-dashboard-dialog-width - Width of the dialog (default 40rem).
 */
export class ClvAddWidgetDialog extends LitElement {
  static override styles = [
    ...formDialogStyles,
    css`
      .catalog {
        display: flex;
        flex-direction: column;
        gap: ${token('--clv-space-m')};
        max-height: min(24rem, 50vh);
        overflow: auto;
      }
      .catalog h3 {
        margin: 0 0 ${token('--clv-space-xs')};
        font-size: ${token('--clv-font-size-medium')};
      }
      .catalog ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: ${token('--clv-space-s')};
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .catalog-item {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: ${token('--clv-space-2xs')};
        width: 100%;
        height: 100%;
        padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
        border: 1px solid ${token('--clv-color-border')};
        border-radius: ${token('--clv-radius-m')};
        background: ${token('--clv-color-surface')};
        color: inherit;
        font: inherit;
        text-align: left;
        cursor: pointer;
      }
      .catalog-item:hover {
        border-color: ${token('--clv-color-accent')};
        background: ${token('--clv-color-surface-raised')};
      }
      .catalog-item .title {
        font-weight: ${token('--clv-font-weight-bold')};
      }
      .catalog-item .desc {
        color: ${token('--clv-color-text-muted')};
        font-size: ${token('--clv-font-size-small')};
      }
      details {
        border-top: 1px solid ${token('--clv-color-grid')};
        padding-top: ${token('--clv-space-m')};
      }
      summary {
        cursor: pointer;
        font-weight: ${token('--clv-font-weight-bold')};
      }
      .compose {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: ${token('--clv-space-s')} ${token('--clv-space-m')};
        padding-bottom: ${token('--clv-space-m')};
        border-bottom: 1px solid ${token('--clv-color-grid')};
      }
      .compose .hint {
        flex: 1 1 16rem;
      }
      .from-spec {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: ${token('--clv-space-s')};
        margin-top: ${token('--clv-space-s')};
      }
      .from-spec .field,
      .from-spec textarea {
        width: 100%;
      }
    `,
  ];

  static override properties = {
    catalog: { attribute: false },
    _open: { state: true },
    _query: { state: true },
    _json: { state: true },
    _specError: { state: true },
    _catalogError: { state: true },
  };

  /** The widgets offered. */
  declare catalog: readonly CatalogEntry[];
  declare _open: boolean;
  declare _query: string;
  declare _json: string;
  declare _specError: string | undefined;
  declare _catalogError: string | undefined;
  readonly #modal = new ModalAnswer<AddWidgetChoice | undefined>(this, {
    clear: () => (this._open = false),
    focus: () => this.renderRoot.querySelector<HTMLInputElement>('#search'),
  });

  constructor() {
    super();
    this.catalog = [];
    this._open = false;
    this._query = '';
    this._json = '';
    this._specError = undefined;
    this._catalogError = undefined;
  }

  get open(): boolean {
    return this._open;
  }

  /** Opens the dialog; resolves with the chosen widget, `{compose: true}` for "Compose a new widget", or undefined when it is cancelled. */
  pick(): Promise<AddWidgetChoice | undefined> {
    const answer = this.#modal.open(undefined);
    this._open = true;
    this._query = '';
    this._specError = undefined;
    this._catalogError = undefined;
    return answer;
  }

  /** The entries matching the search, grouped in catalog order. */
  get groups(): Array<{ group: string; entries: CatalogEntry[] }> {
    const q = this._query.trim().toLowerCase();
    const groups = new Map<string, CatalogEntry[]>();
    for (const entry of this.catalog) {
      const { title, description } = describeEntry(entry);
      const haystack = `${title} ${description} ${entry.id} ${groupLabel(entry.group)}`.toLowerCase();
      if (q && !q.split(/\s+/).every((word) => haystack.includes(word))) continue;
      const list = groups.get(entry.group) ?? [];
      list.push(entry);
      groups.set(entry.group, list);
    }
    return [...groups].map(([group, entries]) => ({ group, entries }));
  }

  #pickEntry(entry: CatalogEntry): void {
    const parsed = parseWidgetSpec(entry.spec);
    if (!parsed.success) {
      this._catalogError = `“${describeEntry(entry).title}” is not a valid widget spec: ${parsed.message}`;
      return;
    }
    this.#modal.answer({ spec: parsed.spec, catalogId: entry.id });
  }

  #addFromSpec(): void {
    let input: unknown;
    try {
      input = JSON.parse(this._json);
    } catch (error) {
      this._specError = `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
      this.#focusSpec();
      return;
    }
    const parsed = parseWidgetSpec(input);
    if (!parsed.success) {
      this._specError = parsed.message;
      this.#focusSpec();
      return;
    }
    this._specError = undefined;
    this.#modal.answer({ spec: parsed.spec });
  }

  #focusSpec(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('#spec-json')?.focus());
  }

  #renderCatalog() {
    const groups = this.groups;
    const count = groups.reduce((n, g) => n + g.entries.length, 0);
    return html`<p class="visually-hidden" role="status">${this._query.trim() ? `${plural(count, 'widget')} found` : ''}</p>
      <div class="catalog" part="catalog">
        ${groups.length === 0
          ? html`<p class="muted">No widget matches “${this._query.trim()}”. Try another word, or paste a spec below.</p>`
          : groups.map(
              ({ group, entries }) => html`<div role="group" aria-labelledby="group-${group}">
                <h3 id="group-${group}">${groupLabel(group)}</h3>
                <ul>
                  ${entries.map((entry) => {
                    const { title, description } = describeEntry(entry);
                    return html`<li>
                      <button
                        type="button"
                        class="catalog-item"
                        part="catalog-item"
                        data-catalog-id=${entry.id}
                        aria-describedby="desc-${entry.id}"
                        @click=${() => this.#pickEntry(entry)}
                      >
                        <span class="title">${title}</span>
                        <span class="desc" id="desc-${entry.id}">${description}</span>
                      </button>
                    </li>`;
                  })}
                </ul>
              </div>`,
            )}
      </div>`;
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="add-title" @cancel=${this.#modal.onCancel} @close=${this.#modal.onClose}>
      ${this._open
        ? html`<div class="dialog__body">
            <h2 class="dialog__title" id="add-title">Add a widget</h2>
            <div class="compose">
              <button
                type="button"
                class="button button--primary"
                part="compose-button"
                data-action="compose"
                aria-describedby="compose-hint"
                @click=${() => this.#modal.answer({ compose: true })}
              >
                Compose a new widget
              </button>
              <p class="hint" id="compose-hint">Choose a table, then put its attributes on a chart or write SQL.</p>
            </div>
            <div class="field">
              <label for="search">Search widgets</label>
              <input
                id="search"
                part="search"
                type="search"
                autocomplete="off"
                .value=${this._query}
                @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
              />
            </div>
            ${this._catalogError ? html`<p class="field-error" role="alert">${this._catalogError}</p>` : nothing} ${this.#renderCatalog()}
            <details>
              <summary>From a spec (JSON)</summary>
              <div class="from-spec">
                <div class="field">
                  <label for="spec-json">Widget spec (JSON)</label>
                  <textarea
                    id="spec-json"
                    part="spec-input"
                    rows="10"
                    spellcheck="false"
                    aria-invalid=${this._specError ? 'true' : 'false'}
                    aria-describedby=${this._specError ? 'spec-error' : 'spec-hint'}
                    .value=${this._json}
                    @input=${(e: Event) => (this._json = (e.target as HTMLTextAreaElement).value)}
                  ></textarea>
                  ${this._specError
                    ? html`<p class="field-error" id="spec-error" part="spec-error" role="alert">${this._specError}</p>`
                    : html`<p class="hint" id="spec-hint">A widget spec, version 1 or 2, as exported from a widget's menu.</p>`}
                </div>
                <button type="button" class="button" data-action="add-spec" @click=${() => this.#addFromSpec()}>Add from spec</button>
              </div>
            </details>
            <div class="dialog__actions">
              <button type="button" class="button" data-action="cancel" @click=${() => this.#modal.answer(undefined)}>Cancel</button>
            </div>
          </div>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-add-widget-dialog': ClvAddWidgetDialog;
  }
}
