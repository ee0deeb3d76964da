import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import { formatNumber, formatValue, isNumericColumn } from '../shared/format.js';
import { dataViewerStyles } from './data-viewer.styles.js';
import { rowOrder, type SortState } from './row-order.js';

export const DEFAULT_PAGE_SIZE = 500;

const count = (n: number) => formatNumber(n, ',d');

/**
 * @summary Every row of a result in a sortable, paged table.
 * @tagname clv-data-viewer
 *
 * @csspart region - The focusable scroll box around the table.
 * @csspart table - The table.
 * @csspart sort-button - The button in each column header that sorts by that column.
 * @csspart pager - The row range and the page buttons.
 * @csspart note - Says that the query matched more rows than it returned.
 * @csspart empty - "No rows." for a result without rows.
 * @csspart message - Shown when there is no result.
 *
 * @cssprop --clv-data-viewer-max-height - Height of the scroll box before it scrolls (default 60vh).
 * @cssprop --clv-color-border - Borders of the scroll box and the header.
 * @cssprop --clv-color-surface-raised - Header and striped rows.
 */
export class ClvDataViewer extends LitElement {
  static override styles = dataViewerStyles;

  static override properties = {
    result: { attribute: false },
    label: {},
    pageSize: { type: Number, attribute: 'page-size' },
    _page: { state: true },
    _sort: { state: true },
  };

  /** The rows to show. */
  declare result: ResultSet | undefined;
  /** What the data is (the widget title): names the table and its scroll box. */
  declare label: string;
  /** Rows per page (default 500). */
  declare pageSize: number;
  declare _page: number;
  declare _sort: SortState | undefined;

  #order: number[] = [];

  constructor() {
    super();
    this.label = '';
    this.pageSize = DEFAULT_PAGE_SIZE;
    this._page = 0;
  }

  /** Rows per page actually used: pageSize when it is a positive whole number. */
  get effectivePageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : DEFAULT_PAGE_SIZE;
  }

  get pageCount(): number {
    return Math.max(1, Math.ceil((this.result?.rows.length ?? 0) / this.effectivePageSize));
  }

  /** The page shown, counted from 0. */
  get page(): number {
    return Math.min(this._page, this.pageCount - 1);
  }

  /** Shows page `page` (from 0), clamped to the pages there are. */
  goToPage(page: number): void {
    this._page = Math.max(0, Math.min(this.pageCount - 1, page));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result')) {
      this._page = 0;
      if (this._sort && !this.result?.columns.some((c) => c.name === this._sort!.column)) this._sort = undefined;
    }
    if (changed.has('result') || changed.has('_sort')) this.#order = this.result ? rowOrder(this.result, this._sort) : [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new page starts at its first row.
    if (changed.has('_page') || changed.has('_sort')) {
      const region = this.renderRoot.querySelector<HTMLElement>('.scroll');
      if (region) region.scrollTop = 0;
    }
  }

  #sortBy(column: string): void {
    const current = this._sort?.column === column ? this._sort.direction : undefined;
    this._sort = { column, direction: current === 'ascending' ? 'descending' : 'ascending' };
    this._page = 0;
  }

  #onPageButton(event: Event, page: number): void {
    // The buttons stay focusable at the ends (aria-disabled), so focus is never lost to the page.
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    this.goToPage(page);
  }

  #name(): string {
    return this.label ? `${this.label}: data` : 'Data';
  }

  protected override render(): TemplateResult {
    const result = this.result;
    if (!result) return html`<p part="message" class="message">There is no data to show yet.</p>`;
    if (result.rows.length === 0) return html`<p part="empty" class="empty">No rows.</p>`;
    const size = this.effectivePageSize;
    const page = this.page;
    const first = page * size;
    const shown = this.#order.slice(first, first + size);
    const total = result.rows.length;
    return html`
      <div part="region" class="scroll" role="region" tabindex="0" aria-label=${this.#name()}>
        <table part="table" class="data-grid">
          <caption class="visually-hidden">${this.#name()}</caption>
          <thead>
            <tr>
              ${result.columns.map((c) => this.#renderHeader(c))}
            </tr>
          </thead>
          <tbody>
            ${shown.map((index) => {
              const row = result.rows[index];
              return html`<tr>
                ${result.columns.map((c) => html`<td class=${isNumericColumn(c) ? 'num' : nothing}>${formatValue(row[c.name], c)}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${result.total !== undefined && result.total > total
        ? html`<p part="note" class="note">The query matched ${count(result.total)} rows; the ${count(total)} it returned are shown.</p>`
        : nothing}
      <div part="pager" class="pager">
        <p class="pager__range" aria-live="polite">Rows ${count(first + 1)}–${count(first + shown.length)} of ${count(total)}</p>
        ${this.pageCount > 1 ? this.#renderPageButtons(page) : nothing}
      </div>
    `;
  }

  #renderHeader(column: ResultColumn): TemplateResult {
    const direction = this._sort?.column === column.name ? this._sort.direction : undefined;
    const icon = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '';
    return html`<th scope="col" class=${isNumericColumn(column) ? 'num' : nothing} aria-sort=${direction ?? nothing}>
      <button type="button" part="sort-button" class="sort" data-column=${column.name} @click=${() => this.#sortBy(column.name)}>
        ${column.label}<span class="sort__icon" aria-hidden="true">${icon}</span>
      </button>
    </th>`;
  }

  #renderPageButtons(page: number): TemplateResult {
    const last = this.pageCount - 1;
    const button = (name: string, target: number, disabled: boolean) =>
      html`<button type="button" class="button" data-page=${name} aria-disabled=${disabled ? 'true' : 'false'} @click=${(e: Event) => this.#onPageButton(e, target)}>
        ${name}
      </button>`;
    return html`<div class="pager__buttons" role="group" aria-label=${`Pages (page ${count(page + 1)} of ${count(last + 1)})`}>
      ${button('First', 0, page === 0)} ${button('Previous', page - 1, page === 0)} ${button('Next', page + 1, page === last)}
      ${button('Last', last, page === last)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-data-viewer': ClvDataViewer;
  }
}
