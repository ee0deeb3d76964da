import { css } from 'lit';
import { controlBox } from '../shared/controls.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const fileImportStyles = [
  baseStyles,
  buttonStyles,
  errorTextStyles,
  css`
    :host {
      display: block;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    p {
      margin: 0;
    }
    .muted,
    .hint {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }

    /* pick */
    .dropzone {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: ${token('--clv-space-s')};
      width: 100%;
      min-height: 9rem;
      padding: ${token('--clv-space-xl')};
      border: 2px dashed ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-l')};
      background: ${token('--clv-color-surface-raised')};
      color: ${token('--clv-color-text')};
      font: inherit;
      cursor: pointer;
      transition:
        border-color ${token('--clv-transition-duration')},
        background-color ${token('--clv-transition-duration')};
    }
    .dropzone:hover,
    .dropzone--active {
      border-color: ${token('--clv-color-accent')};
      background: ${token('--clv-color-surface')};
    }
    .dropzone:disabled {
      cursor: progress;
    }
    .dropzone__icon {
      width: 2rem;
      height: 2rem;
      fill: none;
      stroke: ${token('--clv-color-accent')};
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .dropzone__title {
      font-weight: ${token('--clv-font-weight-bold')};
    }

    /* map */
    .file {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      align-items: baseline;
    }
    .notes,
    .problems {
      margin: 0;
      padding-inline-start: ${token('--clv-space-xl')};
      font-size: ${token('--clv-font-size-small')};
    }
    .notes {
      color: ${token('--clv-color-warning')};
    }
    .problems {
      color: ${token('--clv-color-text-muted')};
    }
    .note {
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-warning-surface')};
    }
    .mapping {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: ${token('--clv-space-m')} ${token('--clv-space-l')};
    }
    .fields > legend {
      margin-bottom: ${token('--clv-space-s')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      font-size: ${token('--clv-font-size-small')};
    }
    .field > label,
    .field > legend {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .field--amount {
      grid-row: span 2;
    }
    .field--amount > legend {
      padding: 0;
      margin-bottom: ${token('--clv-space-xs')};
    }
    .field--amount .field > label {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-m')};
    }
    .radios label {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
    }
    select {
      ${controlBox}
      color: ${token('--clv-color-text')};
      font-size: ${token('--clv-font-size-medium')};
    }
    .required {
      color: ${token('--clv-color-danger')};
    }
    .field__hint {
      color: ${token('--clv-color-text-muted')};
    }
    .preview {
      overflow: auto;
      max-height: 20rem;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    .preview-table,
    .reasons {
      border-collapse: collapse;
      font-size: ${token('--clv-font-size-small')};
    }
    .preview-table {
      min-width: 100%;
    }
    .preview-table caption,
    .reasons caption {
      padding: ${token('--clv-space-s')};
      text-align: start;
      color: ${token('--clv-color-text-muted')};
    }
    .preview-table th,
    .preview-table td,
    .reasons th,
    .reasons td {
      padding: ${token('--clv-space-xs')} ${token('--clv-space-s')};
      border-bottom: 1px solid ${token('--clv-color-grid')};
      text-align: start;
      white-space: nowrap;
      vertical-align: top;
    }
    .preview-table thead th {
      position: sticky;
      top: 0;
      background: ${token('--clv-color-surface-raised')};
    }
    .preview-table .mapped {
      background: color-mix(in srgb, ${token('--clv-color-accent')} 8%, ${token('--clv-color-surface')});
    }
    .preview-table thead .mapped {
      background: color-mix(in srgb, ${token('--clv-color-accent')} 14%, ${token('--clv-color-surface')});
    }
    .col-name,
    .col-type,
    .col-role {
      display: block;
    }
    .col-type {
      font-weight: ${token('--clv-font-weight-normal')};
      color: ${token('--clv-color-text-muted')};
    }
    .col-role {
      font-weight: ${token('--clv-font-weight-normal')};
      color: ${token('--clv-color-accent-hover')};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-s')};
    }

    /* errors */
    .error {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      padding: ${token('--clv-space-m')} ${token('--clv-space-l')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }

    /* done */
    .summary {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    .title {
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-m')} ${token('--clv-space-2xl')};
      margin: 0;
    }
    .stats dt {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .stats dd {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
      font-variant-numeric: tabular-nums;
    }
    .reasons {
      width: min(100%, 32rem);
    }
    .reasons th[scope='row'] {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .reasons .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
];
