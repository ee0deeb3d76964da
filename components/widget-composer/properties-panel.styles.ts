import { css } from 'lit';
import { buttonVariantStyles, controlBox } from '../shared/controls.styles.js';
import { baseStyles, buttonStyles, token } from '../shared/tokens.styles.js';

/** Sections stacked in a ~280px sidebar; side by side in columns when the panel is wide. */
export const propertiesPanelStyles = [
  baseStyles,
  buttonStyles,
  buttonVariantStyles,
  css`
    :host {
      display: block;
    }
    .sections {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(var(--clv-composer-properties-column-width, 16rem), 1fr));
      align-items: start;
      gap: ${token('--clv-space-l')};
    }
    fieldset.section {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-m')};
      min-width: 0;
      margin: 0;
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
    }
    legend {
      padding: 0 ${token('--clv-space-xs')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-xs')};
      min-width: 0;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
      gap: ${token('--clv-space-s')};
    }
    label {
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    input[type='text'],
    input[type='number'],
    select,
    textarea {
      ${controlBox}
      width: 100%;
      min-width: 0;
      color: inherit;
    }
    textarea {
      min-height: 4rem;
      resize: vertical;
    }
    input.code {
      font-family: ${token('--clv-font-family-mono')};
    }
    /* Placeholders show defaults (the attribute's name): italic, so they do not read as typed values. */
    input::placeholder,
    textarea::placeholder {
      color: ${token('--clv-color-text-muted')};
      font-style: italic;
    }
    [aria-invalid='true'] {
      border-color: ${token('--clv-color-danger')};
    }
    .check {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-s')};
      font-weight: ${token('--clv-font-weight-normal')};
    }
    input[type='checkbox'] {
      flex: none;
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: ${token('--clv-color-accent')};
    }
    .hint {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .hint code {
      font-family: ${token('--clv-font-family-mono')};
    }
    .field-error {
      margin: 0;
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }
    .columns {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-2xs')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .columns li {
      display: flex;
      align-items: center;
      gap: ${token('--clv-space-xs')};
      min-height: 2rem;
    }
    .columns .check {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .move {
      min-width: 2rem;
      min-height: 2rem;
      padding: 0;
    }
    .move svg {
      width: 1rem;
      height: 1rem;
    }
    .columns-title {
      margin: 0;
      font-size: ${token('--clv-font-size-small')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
  `,
];
