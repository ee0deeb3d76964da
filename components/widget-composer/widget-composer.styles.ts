import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { errorTextStyles } from '../shared/status.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

/**
 * The composer's frame: a header of title, mode tabs, history and save buttons; the problems strip;
 * and a workspace grid (the attribute rail beside the marks, and below the marks the shelves beside the
 * preview and properties) that folds to two columns and then one as the composer narrows (a container
 * query, so a dialog sizes it too).
 */
export const composerStyles = [
  baseStyles,
  buttonStyles,
  buttonVariantStyles,
  errorTextStyles,
  css`
    :host {
      display: block;
      container: composer / inline-size;
      background: ${token('--clv-color-surface')};
    }
    .composer {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
      padding: var(--clv-composer-padding, ${token('--clv-space-l')});
    }

    /* header */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
      padding-bottom: ${token('--clv-space-m')};
      border-bottom: 1px solid ${token('--clv-color-border')};
    }
    .title-field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      flex: 1 1 18rem;
      min-width: 0;
    }
    .title-field label,
    .field label {
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
      color: ${token('--clv-color-text-muted')};
    }
    .title-field input {
      ${controlBox}
      width: 100%;
      color: ${token('--clv-color-text')};
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    select {
      ${controlBox}
      color: ${token('--clv-color-text')};
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    .end {
      margin-inline-start: auto;
    }

    /* mode tabs: a segmented control */
    .tabs {
      display: inline-flex;
      padding: ${token('--clv-space-2xs')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface-raised')};
    }
    .tab {
      min-height: 2rem;
      padding: ${token('--clv-space-2xs')} ${token('--clv-space-l')};
      border: 0;
      border-radius: ${token('--clv-radius-s')};
      background: transparent;
      color: ${token('--clv-color-text')};
      font: inherit;
      cursor: pointer;
    }
    .tab[aria-selected='true'] {
      background: ${token('--clv-color-surface')};
      box-shadow: 0 1px 2px rgb(0 0 0 / 0.18);
      font-weight: ${token('--clv-font-weight-bold')};
    }

    /* problems strip */
    .problems {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${token('--clv-space-2xs')} ${token('--clv-space-s')};
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid transparent;
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-warning-surface')};
      font-size: ${token('--clv-font-size-small')};
    }
    .problems--none {
      background: ${token('--clv-color-success-surface')};
    }
    .problems--alert {
      border-color: ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger-surface')};
    }
    .problems h2 {
      margin: 0;
      font-size: inherit;
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .problems ul {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-2xs')} ${token('--clv-space-l')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .problems ul:focus-visible,
    .problems ul:focus {
      outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
      outline-offset: 2px;
    }
    .problems li::before {
      content: '•';
      margin-inline-end: ${token('--clv-space-xs')};
      color: ${token('--clv-color-warning')};
    }

    /* the table step and the table line */
    .step {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
    }
    .context-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .context-line h2 {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .field {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    .muted {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }

    /* the workspace */
    .workspace {
      display: grid;
      grid-template-columns: minmax(12rem, 1fr) minmax(14rem, 1.25fr) minmax(22rem, 2.5fr);
      grid-template-areas:
        'rail mark mark'
        'rail encode output';
      grid-template-rows: auto 1fr;
      align-items: start;
      gap: ${token('--clv-space-l')};
    }
    clv-composer-table-picker,
    clv-composer-attribute-rail,
    clv-composer-mark-picker,
    clv-composer-shelves,
    clv-composer-properties,
    clv-composer-sql-editor,
    clv-composer-preview {
      display: block;
      min-width: 0;
    }
    .rail {
      grid-area: rail;
      position: sticky;
      top: 0;
      max-height: var(--clv-composer-rail-height, 44rem);
      overflow-y: auto;
    }
    .mark {
      grid-area: mark;
    }
    .encode {
      grid-area: encode;
    }
    .output {
      grid-area: output;
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-l')};
      min-width: 0;
    }
    /* Narrower: the preview and properties go below the rail and the shelves. */
    @container composer (max-width: 54rem) {
      .workspace {
        grid-template-columns: minmax(12rem, 2fr) minmax(0, 3fr);
        grid-template-areas: 'rail mark' 'rail encode' 'output output';
        grid-template-rows: auto 1fr auto;
      }
    }
    @container composer (max-width: 36rem) {
      .workspace {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'rail' 'mark' 'encode' 'output';
        grid-template-rows: auto;
      }
      .rail {
        position: static;
        max-height: 24rem;
      }
    }

    /* states other than the editor */
    .state {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${token('--clv-space-m')};
      padding: ${token('--clv-space-xl')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
    }
    .state p {
      margin: 0;
    }
    .state--error {
      border-color: ${token('--clv-color-danger')};
      background: ${token('--clv-color-danger-surface')};
    }
    .spinner {
      width: 1.25rem;
      height: 1.25rem;
      border: 3px solid ${token('--clv-color-grid')};
      border-top-color: ${token('--clv-color-accent')};
      border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    .loading {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
  `,
];
