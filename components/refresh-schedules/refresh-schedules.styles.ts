import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { dialogActionStyles, dialogFrameStyles } from '../shared/dialog.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

export const refreshSchedulesStyles = [
  baseStyles,
  buttonStyles,
  buttonVariantStyles,
  dialogFrameStyles,
  dialogActionStyles,
  errorTextStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-l')};
    }
    p {
      margin: 0;
    }
    h2,
    h3 {
      margin: 0;
      line-height: 1.25;
    }
    .muted {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    code,
    .mono {
      font-family: ${token('--clv-font-family-mono')};
      font-size: 0.95em;
    }

    /* header */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .heading {
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .button[aria-disabled='true']:hover {
      background: ${token('--clv-color-surface')};
    }

    /* notices */
    .notices {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .notice {
      display: flex;
      align-items: flex-start;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid;
      border-radius: ${token('--clv-radius-m')};
    }
    .notice__text {
      flex: 1;
    }
    .notice__icon {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.1rem;
    }
    .notice--warning {
      border-color: ${token('--clv-color-warning')};
      background: ${token('--clv-color-warning-surface')};
    }
    .notice--warning .notice__icon {
      fill: ${token('--clv-color-warning')};
    }
    .notice--danger {
      border-color: ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger-surface')};
    }
    .notice--danger .notice__icon {
      fill: ${token('--clv-color-danger')};
    }
    .notice strong {
      font-weight: ${token('--clv-font-weight-bold')};
    }

    /* states */
    .empty,
    .error,
    .message {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-xl')};
      border-radius: ${token('--clv-radius-l')};
    }
    .empty,
    .message {
      border: 1px dashed ${token('--clv-color-border')};
      background: ${token('--clv-color-surface-raised')};
    }
    .empty__title {
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .empty__steps {
      margin: 0;
      padding-inline-start: ${token('--clv-space-xl')};
      color: ${token('--clv-color-text-muted')};
    }
    .error {
      border: 1px solid ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger-surface')};
    }
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-skeleton')};
      border-radius: ${token('--clv-radius-m')};
    }
    .skeleton__row {
      height: 2.75rem;
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-skeleton')};
      animation: clv-pulse 1.6s ease-in-out infinite;
    }
    .skeleton__row:first-child {
      height: 1.5rem;
    }

    /* tables */
    .table-wrap {
      overflow-x: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: ${token('--clv-font-size-small')};
    }
    caption {
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      text-align: start;
      color: ${token('--clv-color-text-muted')};
    }
    th,
    td {
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border-top: 1px solid ${token('--clv-color-grid')};
      text-align: start;
      vertical-align: top;
    }
    thead th {
      background: ${token('--clv-color-surface-raised')};
      font-weight: ${token('--clv-font-weight-bold')};
      white-space: nowrap;
    }
    thead th.wrap {
      white-space: normal;
    }
    tbody th {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .col-job {
      width: 26%;
      min-width: 14rem;
    }
    .col-schedule {
      min-width: 11rem;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .nowrap {
      white-space: nowrap;
    }
    .job__name {
      display: block;
      font-size: ${token('--clv-font-size-medium')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .job__line {
      display: block;
      color: ${token('--clv-color-text-muted')};
    }
    .job__line--output {
      color: ${token('--clv-color-text')};
    }
    .row--running {
      background: color-mix(in srgb, ${token('--clv-color-accent')} 5%, ${token('--clv-color-surface')});
    }
    .row--quarantined {
      background: ${token('--clv-color-warning-surface')};
    }
    /* Three buttons a line: Edit, Disable/Enable, Run now; then Delete and Runs. */
    .actions {
      display: grid;
      grid-template-columns: repeat(3, max-content);
      gap: ${token('--clv-space-xs')};
    }
    .action-note {
      margin-top: ${token('--clv-space-xs')};
      max-width: 18rem;
      color: ${token('--clv-color-warning')};
    }

    /* badges and run status */
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')};
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      padding: 0 ${token('--clv-space-s')};
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
      line-height: 1.6;
      white-space: nowrap;
    }
    .badge--enabled {
      color: ${token('--clv-color-success')};
      background: ${token('--clv-color-success-surface')};
    }
    .badge--disabled {
      color: ${token('--clv-color-text-muted')};
      background: ${token('--clv-color-surface-raised')};
    }
    .badge--quarantined {
      color: ${token('--clv-color-warning')};
      background: ${token('--clv-color-warning-surface')};
    }
    .badge--running {
      color: ${token('--clv-color-accent-hover')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 10%, ${token('--clv-color-surface')});
    }
    .spinner {
      width: 0.7rem;
      height: 0.7rem;
      border: 2px solid currentColor;
      border-right-color: transparent;
      border-radius: 50%;
      animation: clv-spin 0.9s linear infinite;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      font-weight: ${token('--clv-font-weight-bold')};
      white-space: nowrap;
    }
    .status--success {
      color: ${token('--clv-color-success')};
    }
    .status--failed {
      color: ${token('--clv-color-danger')};
    }
    .status--skipped {
      color: ${token('--clv-color-text-muted')};
    }
    .status--running {
      color: ${token('--clv-color-accent-hover')};
    }
    .run-error {
      color: ${token('--clv-color-danger')};
    }
    .run-error-col {
      width: 30%;
      min-width: 12rem;
    }

    /* run history */
    .runs {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .runs__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .runs__heading {
      font-size: ${token('--clv-font-size-medium')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .runs__filter {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .runs__empty {
      padding: ${token('--clv-space-m')};
      border: 1px dashed ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }

    /* form controls */
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      ${controlBox}
      width: 100%;
      color: ${token('--clv-color-text')};
    }
    .runs__filter select {
      width: auto;
    }
    textarea {
      min-height: 4rem;
      resize: vertical;
    }
    input[readonly] {
      background: ${token('--clv-color-surface-raised')};
      color: ${token('--clv-color-text-muted')};
    }
    [aria-invalid='true'] {
      border-color: ${token('--clv-color-danger')} !important;
      box-shadow: inset 0 0 0 1px ${token('--clv-color-danger')};
    }
    input[type='checkbox'],
    input[type='radio'] {
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: ${token('--clv-color-accent')};
    }

    /* dialogs */
    dialog {
      width: min(var(--clv-refresh-schedules-dialog-width, 50rem), calc(100vw - 2rem));
      /* A field scrolled into view (by focus) is not left under the sticky buttons. */
      scroll-padding-bottom: 5rem;
    }
    .dialog--confirm {
      width: min(28rem, calc(100vw - 2rem));
    }
    /* The form scrolls inside the dialog; its buttons stay in view. */
    .dialog__actions--sticky {
      position: sticky;
      bottom: 0;
      margin: 0 calc(-1 * ${token('--clv-space-xl')}) calc(-1 * ${token('--clv-space-xl')});
      padding: ${token('--clv-space-m')} ${token('--clv-space-xl')};
      border-top: 1px solid ${token('--clv-color-grid')};
      background: ${token('--clv-color-surface')};
    }
    .form-errors {
      margin: 0;
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')} ${token('--clv-space-s')} ${token('--clv-space-xl')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
      color: ${token('--clv-color-danger')};
    }
    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .group {
      padding-top: ${token('--clv-space-m')};
      border-top: 1px solid ${token('--clv-color-grid')};
    }
    /* Floated, so the legend does not interrupt the border: it becomes a heading above the fields. */
    .group__legend {
      float: left;
      width: 100%;
      margin-bottom: ${token('--clv-space-s')};
      padding: 0;
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .group__fields {
      clear: both;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr));
      gap: ${token('--clv-space-m')} ${token('--clv-space-l')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      min-width: 0;
      font-size: ${token('--clv-font-size-small')};
    }
    .field--wide {
      grid-column: 1 / -1;
    }
    .field > label,
    .field > legend {
      padding: 0;
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .field > label.choice {
      font-weight: ${token('--clv-font-weight-normal')};
    }
    .field input,
    .field select,
    .field textarea {
      font-size: ${token('--clv-font-size-medium')};
    }
    .field__hint {
      color: ${token('--clv-color-text-muted')};
    }
    .field__error {
      color: ${token('--clv-color-danger')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-m')};
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      font-size: ${token('--clv-font-size-medium')};
    }
    .choice--block {
      align-items: flex-start;
    }
    .choice--block input {
      margin-top: 0.2rem;
    }
    .choice__hint {
      display: block;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .choices--kinds {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .preview {
      grid-column: 1 / -1;
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
      font-size: ${token('--clv-font-size-small')};
    }
    .preview__title {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .preview__list {
      margin: ${token('--clv-space-xs')} 0 0;
      padding-inline-start: ${token('--clv-space-xl')};
      font-variant-numeric: tabular-nums;
    }
    .preview__words {
      margin-top: ${token('--clv-space-2xs')};
    }

    @keyframes clv-pulse {
      50% {
        opacity: 0.5;
      }
    }
    @keyframes clv-spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton__row,
      .spinner {
        animation: none;
      }
    }
  `,
];
