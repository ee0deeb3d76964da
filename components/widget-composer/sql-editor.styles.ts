import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { dataGridStyles } from '../shared/data-grid.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

/** The editor's text box and its highlighted layer share every rule that decides where a character goes. */
const editorText = css`
  margin: 0;
  padding: ${token('--clv-space-s')};
  border: 1px solid transparent;
  font-family: ${token('--clv-font-family-mono')};
  font-size: ${token('--clv-font-size-small')};
  line-height: 1.5;
  letter-spacing: normal;
  tab-size: 2;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  word-break: normal;
  scrollbar-gutter: stable;
`;

export const sqlEditorStyles = [
  baseStyles,
  buttonStyles,
  buttonVariantStyles,
  errorTextStyles,
  dataGridStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
      min-width: 0;
    }
    .label,
    legend {
      padding: 0;
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .hint {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    kbd {
      font-family: ${token('--clv-font-family-mono')};
      font-size: 0.9em;
      padding: 0 ${token('--clv-space-2xs')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-surface-raised')};
    }
    code {
      font-family: ${token('--clv-font-family-mono')};
      font-size: 0.9em;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
    }

    /* The textarea (transparent text, visible caret and selection) lies exactly over the layer. */
    .editor {
      position: relative;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
    }
    .editor:focus-within {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: 2px;
    }
    .editor__layer,
    .editor__input {
      ${editorText}
    }
    .editor__layer {
      position: absolute;
      inset: 0;
      overflow: hidden;
      color: ${token('--clv-color-text')};
      pointer-events: none;
    }
    .editor__input {
      display: block;
      width: 100%;
      min-height: var(--clv-sql-editor-min-height, 10rem);
      height: var(--clv-sql-editor-height, 12rem);
      overflow: auto;
      resize: vertical;
      position: relative;
      background: transparent;
      color: transparent;
      caret-color: ${token('--clv-color-text')};
    }
    .editor__input::selection {
      background: color-mix(in srgb, ${token('--clv-color-accent')} 28%, transparent);
      color: transparent;
    }
    /* The ring is drawn around the whole editor (focus-within). */
    .editor__input:focus-visible {
      outline: none;
    }
    .editor__input::placeholder {
      color: ${token('--clv-color-text-muted')};
    }
    .t-keyword {
      color: var(--clv-sql-keyword-color, ${token('--clv-color-accent')});
    }
    .t-string {
      color: var(--clv-sql-string-color, ${token('--clv-color-success')});
    }
    .t-number {
      color: var(--clv-sql-number-color, ${token('--clv-color-warning')});
    }
    .t-comment {
      color: var(--clv-sql-comment-color, ${token('--clv-color-text-muted')});
    }
    /* Colour only, no weight or style: those could change a glyph's width and break the alignment. */
    .t-parameter {
      border-radius: ${token('--clv-radius-s')};
      background: var(--clv-sql-parameter-background, #efe6f7);
      color: var(--clv-sql-parameter-color, #5b2d86);
    }

    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: ${token('--clv-space-xs')};
    }
    .params {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: ${token('--clv-space-s')} ${token('--clv-space-m')};
    }
    .param input {
      ${controlBox}
      color: inherit;
      width: 100%;
    }
    .param input[aria-invalid='true'] {
      border-color: ${token('--clv-color-danger')};
      border-style: dashed;
    }
    .param__missing {
      margin: 0;
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')} ${token('--clv-space-m')};
    }
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .blocked {
      margin: 0;
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .status {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }

    .tabs {
      display: flex;
      gap: ${token('--clv-space-xs')};
      border-bottom: 1px solid ${token('--clv-color-border')};
    }
    [role='tab'] {
      margin-bottom: -1px;
      padding: ${token('--clv-space-xs')} ${token('--clv-space-m')};
      border: 1px solid transparent;
      border-radius: ${token('--clv-radius-m')} ${token('--clv-radius-m')} 0 0;
      background: none;
      color: ${token('--clv-color-text-muted')};
      font: inherit;
      font-weight: ${token('--clv-font-weight-bold')};
      cursor: pointer;
    }
    [role='tab'][aria-selected='true'] {
      border-color: ${token('--clv-color-border')};
      border-bottom-color: ${token('--clv-color-surface')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text')};
    }
    [role='tabpanel'] {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
      padding-top: ${token('--clv-space-s')};
    }
    [role='tabpanel'][hidden] {
      display: none;
    }
    [role='tabpanel'][aria-busy='true'] .scroll {
      opacity: 0.5;
    }
    .count {
      margin: 0;
      font-size: ${token('--clv-font-size-small')};
      color: ${token('--clv-color-text-muted')};
    }
    /* The box hugs a narrow table, so a few columns do not spread across the panel. */
    .scroll {
      width: fit-content;
      max-width: 100%;
      max-height: var(--clv-sql-results-max-height, 20rem);
      overflow: auto;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    th {
      vertical-align: bottom;
    }
    .column__type {
      display: block;
      color: ${token('--clv-color-text-muted')};
      font-weight: ${token('--clv-font-weight-normal')};
      font-family: ${token('--clv-font-family-mono')};
      font-size: 0.9em;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    tbody tr:nth-child(even) td {
      background: ${token('--clv-color-surface-raised')};
    }
    .message,
    .empty {
      margin: 0;
      padding: ${token('--clv-space-l')};
      border: 1px dashed ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      color: ${token('--clv-color-text-muted')};
      text-align: center;
    }
    .error {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }
    .error p {
      margin: 0;
    }
    .error__message {
      font-family: ${token('--clv-font-family-mono')};
      font-size: ${token('--clv-font-size-small')};
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .unsupported {
      margin: 0;
      padding: ${token('--clv-space-l')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
    }
  `,
];
