import { css } from 'lit';
import { dataGridStyles } from '../shared/data-grid.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { controlBox } from '../shared/controls.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const tablePickerStyles = [
  baseStyles,
  buttonStyles,
  errorTextStyles,
  dataGridStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      min-width: 0;
    }
    p,
    h3 {
      margin: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(15rem, 1fr) minmax(0, 2fr);
      gap: ${token('--clv-space-l')};
      align-items: start;
    }
    @container (max-width: 40rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .list-pane {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      min-width: 0;
    }
    .search {
      ${controlBox}
      width: 100%;
      color: ${token('--clv-color-text')};
    }
    .list-status {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .table-list {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      max-height: var(--clv-composer-table-picker-height, 28rem);
      margin: 0;
      padding: ${token('--clv-space-2xs')};
      overflow: auto;
      list-style: none;
    }
    .option {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
      cursor: pointer;
    }
    .option:hover {
      background: ${token('--clv-color-surface-raised')};
    }
    /* The previewed table: a thicker accent border and a bar, not colour alone. */
    .option--previewed {
      border-color: ${token('--clv-color-accent')};
      box-shadow: inset 4px 0 0 ${token('--clv-color-accent')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 6%, ${token('--clv-color-surface')});
    }
    .option:focus-visible {
      outline-offset: 1px;
    }
    .option__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    }
    .option__title {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .option__meta,
    .option__lookups,
    .option__description {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .option__description {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .lookup {
      white-space: nowrap;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      padding: 0 ${token('--clv-space-s')};
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
      line-height: 1.5;
    }
    .badge--fact {
      color: ${token('--clv-color-accent-hover')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 10%, ${token('--clv-color-surface')});
    }
    .badge--dimension {
      color: ${token('--clv-color-success')};
      background: ${token('--clv-color-success-surface')};
    }
    .badge--derived {
      color: ${token('--clv-color-warning')};
      background: ${token('--clv-color-warning-surface')};
    }
    .badge--current {
      color: ${token('--clv-color-text')};
      background: ${token('--clv-color-surface-raised')};
      border-style: dashed;
    }
    .preview {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      min-width: 0;
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    .preview__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('--clv-space-s')};
    }
    .preview__heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-s')};
    }
    .preview__title {
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .preview__name,
    code {
      font-family: ${token('--clv-font-family-mono')};
      font-size: ${token('--clv-font-size-small')};
    }
    .preview__name {
      color: ${token('--clv-color-text-muted')};
    }
    .preview__description {
      color: ${token('--clv-color-text-muted')};
    }
    .tabs {
      display: flex;
      gap: ${token('--clv-space-xs')};
      border-bottom: 1px solid ${token('--clv-color-border')};
    }
    .tab {
      margin-bottom: -1px;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-m')};
      border: 1px solid transparent;
      border-bottom: 3px solid transparent;
      background: none;
      color: ${token('--clv-color-text-muted')};
      font: inherit;
      cursor: pointer;
    }
    .tab:hover {
      color: ${token('--clv-color-text')};
    }
    /* The shown tab: bold text and a thick underline. */
    .tab[aria-selected='true'] {
      border-bottom-color: ${token('--clv-color-accent')};
      color: ${token('--clv-color-text')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .panel {
      max-height: var(--clv-composer-table-picker-height, 28rem);
      overflow: auto;
    }
    .panel:focus-visible {
      outline-offset: -2px;
    }
    .grid {
      width: 100%;
    }
    .grid tbody th {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .attribute__label {
      display: block;
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .attribute__key {
      color: ${token('--clv-color-text-muted')};
    }
    /* Sources can be long lookup paths: they wrap rather than widen the table. */
    .source {
      min-width: 10rem;
      white-space: normal !important;
    }
    .grid .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .source--lookup {
      font-style: italic;
    }
    .note {
      padding-top: ${token('--clv-space-xs')};
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .message,
    .placeholder {
      padding: ${token('--clv-space-l')};
      border: 1px dashed ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      color: ${token('--clv-color-text-muted')};
      text-align: center;
    }
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      padding-top: ${token('--clv-space-s')};
    }
    .skeleton__row {
      height: 1.25rem;
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-skeleton')};
    }
    .error {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }
  `,
];
