import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { formatNumber, isNumericColumn } from '../shared/format.js';
import { rowOrder } from './row-order.js';
import { fieldLabel, type ValueFormatter } from './widget-format.js';
import { WidgetConfigError } from './widget-errors.js';

export interface TableColumnView {
  column: ResultColumn;
  title: string;
  sortable: boolean;
}

export interface TableSort {
  field: string;
  direction: 'asc' | 'desc';
}

const DEFAULT_PAGE_SIZE = 25;

/** The shown columns: properties.table.columns in order, else every result column. */
export function tableColumns(spec: WidgetSpec, result: ResultSet): TableColumnView[] {
  const configured = spec.properties.table?.columns;
  if (!configured) return result.columns.map((column) => ({ column, title: column.label, sortable: true }));
  return configured.map((c, i) => {
    const column = result.columns.find((rc) => rc.name === c.field);
    if (!column) throw WidgetConfigError.missingField(`properties.table.columns.${i}.field`, c.field, result.columns);
    return { column, title: fieldLabel(spec, c.field, result.columns), sortable: c.sortable };
  });
}

export interface TableRenderOptions {
  spec: WidgetSpec;
  result: ResultSet;
  format: ValueFormatter;
  /** The accessible name of the table. */
  name: string;
  /** Called when a row is chosen (a click, or Enter/Space on a focused row); rows are not interactive without it. */
  onRow?: (index: number, source: 'pointer' | 'keyboard') => void;
}

/**
 * The table view of a widget, drawn by Lit: header buttons sort (aria-sort on the sorted column),
 * rows are paged per properties.table.pageSize with Previous/Next buttons. Holds the sort and page
 * of its host and asks it to update when they change.
 */
export class WidgetTable {
  sort: TableSort | undefined;
  page = 0;
  readonly #host: ReactiveControllerHost;
  #spec?: WidgetSpec;
  #result?: ResultSet;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Takes the default sort of a new spec, and goes back to the first page for a new result. */
  sync(spec: WidgetSpec | undefined, result: ResultSet | undefined): void {
    if (spec !== this.#spec) {
      this.#spec = spec;
      const d = spec?.properties.table?.defaultSort;
      this.sort = d ? { field: d.field, direction: d.direction } : undefined;
      this.page = 0;
    }
    if (result !== this.#result) {
      this.#result = result;
      this.page = 0;
    }
  }

  /** Sorts by `field`: ascending first, then toggling. */
  toggleSort(field: string): void {
    this.sort = this.sort?.field === field ? { field, direction: this.sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: 'asc' };
    this.page = 0;
    this.#host.requestUpdate();
  }

  goTo(page: number): void {
    this.page = page;
    this.#host.requestUpdate();
  }

  render({ spec, result, format, name, onRow }: TableRenderOptions): TemplateResult {
    const columns = tableColumns(spec, result);
    const pageSize = spec.properties.table?.pageSize ?? DEFAULT_PAGE_SIZE;
    const total = result.rows.length;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(this.page, pages - 1);
    const order = rowOrder(result, this.sort && { column: this.sort.field, direction: this.sort.direction === 'asc' ? 'ascending' : 'descending' });
    const shown = order.slice(page * pageSize, (page + 1) * pageSize);
    const first = page * pageSize + 1;
    const range = `Rows ${formatNumber(first, ',d')}–${formatNumber(page * pageSize + shown.length, ',d')} of ${formatNumber(total, ',d')}`;
    const sortedBy = this.sort ? columns.find((c) => c.column.name === this.sort!.field) : undefined;
    const onKey = (index: number) => (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onRow?.(index, 'keyboard');
    };
    return html`<div part="table-container" class="table-wrap" tabindex="0" role="region" aria-label=${name}>
        <table part="table" class="data-table">
          <caption class="visually-hidden">
            ${name}: ${range}${sortedBy ? `, sorted by ${sortedBy.title}, ${this.sort!.direction === 'asc' ? 'ascending' : 'descending'}` : ''}
          </caption>
          <thead>
            <tr>
              ${columns.map((c) => this.#header(c))}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (i) => html`<tr
                class=${onRow ? 'row--action' : nothing}
                tabindex=${onRow ? '0' : nothing}
                @click=${onRow ? () => onRow(i, 'pointer') : nothing}
                @keydown=${onRow ? onKey(i) : nothing}
              >
                ${columns.map((c) => html`<td class=${isNumericColumn(c.column) ? 'num' : nothing}>${format(result.rows[i]![c.column.name], c.column)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div part="pager" class="pager">
        <span class="pager__range" role="status">${range}</span>
        ${pages > 1
          ? html`<span class="pager__buttons">
              <button part="page-button" class="button" type="button" ?disabled=${page === 0} @click=${() => this.goTo(page - 1)}>Previous</button>
              <button part="page-button" class="button" type="button" ?disabled=${page >= pages - 1} @click=${() => this.goTo(page + 1)}>Next</button>
            </span>`
          : nothing}
      </div>`;
  }

  #header({ column, title, sortable }: TableColumnView): TemplateResult {
    const sorted = this.sort?.field === column.name ? this.sort.direction : undefined;
    const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : nothing;
    const num = isNumericColumn(column) ? 'num' : nothing;
    if (!sortable) return html`<th scope="col" class=${num}>${title}</th>`;
    return html`<th scope="col" class=${num} aria-sort=${ariaSort}>
      <button class="sort-button" type="button" @click=${() => this.toggleSort(column.name)}>
        ${title}<span class="sort-button__icon" aria-hidden="true">${sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>`;
  }
}

/** A plain table of every row (up to `maxRows`), for screen readers behind a chart. */
export function renderPlainTable(result: ResultSet, format: ValueFormatter, caption: string, maxRows: number): TemplateResult {
  const rows = result.rows.slice(0, maxRows);
  const note = rows.length < result.rows.length ? ` (first ${formatNumber(rows.length, ',d')} of ${formatNumber(result.rows.length, ',d')} rows)` : '';
  return html`<table class="data-table">
    <caption>${caption}${note}</caption>
    <thead>
      <tr>
        ${result.columns.map((c) => html`<th scope="col">${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map((row) => html`<tr>${result.columns.map((c) => html`<td>${format(row[c.name], c)}</td>`)}</tr>`)}
    </tbody>
  </table>`;
}
