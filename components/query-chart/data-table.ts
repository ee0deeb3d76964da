import { html, nothing, type TemplateResult } from 'lit';
import type { ResultSet } from '../../src/contracts/result.js';
import { formatNumber, formatValue, isNumericColumn } from '../shared/format.js';

export interface DataTableOptions {
  caption: string;
  /** Rows beyond this are left out, with a note in the caption. */
  maxRows?: number;
  /** Hide the caption visually (it still names the table). */
  hideCaption?: boolean;
}

/** A result as an HTML table: formatted values, numbers right-aligned, header cells scoped. */
export function renderDataTable(result: ResultSet, { caption, maxRows = Infinity, hideCaption = false }: DataTableOptions): TemplateResult {
  const rows = result.rows.length > maxRows ? result.rows.slice(0, maxRows) : result.rows;
  const note = rows.length < result.rows.length ? ` (first ${formatNumber(rows.length, ',d')} of ${formatNumber(result.rows.length, ',d')} rows)` : '';
  return html`<table part="table" class="data-table">
    <caption class=${hideCaption ? 'visually-hidden' : 'data-table__caption'}>${caption}${note}</caption>
    <thead>
      <tr>
        ${result.columns.map(
          (c) => html`<th scope="col" class=${isNumericColumn(c) ? 'num' : nothing}>${c.label}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${result.columns.map(
              (c) => html`<td class=${isNumericColumn(c) ? 'num' : nothing}>${formatValue(row[c.name], c)}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
