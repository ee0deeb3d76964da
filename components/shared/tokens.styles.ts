import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens of clv-kit: CSS custom properties with their defaults.
 *
 * Components read every token through `token(name)`, which expands to `var(--clv-…, default)`.
 * Nothing sets the properties themselves, so a page themes the kit from anywhere up the tree:
 *
 * ```css
 * :root { --clv-color-accent: #6a3d9a; --clv-font-family: 'Inter', sans-serif; }
 * .dark-panel { --clv-color-surface: #1d2230; --clv-color-text: #f3f4f6; }
 * ```
 */
export const tokenDefaults = {
  // Text and surfaces
  '--clv-color-text': '#1d2433',
  '--clv-color-text-muted': '#545d6e',
  '--clv-color-surface': '#ffffff',
  '--clv-color-surface-raised': '#f5f6f8',
  '--clv-color-border': '#cfd4dc',
  '--clv-color-grid': '#e3e6eb',
  '--clv-color-skeleton': '#e8ebef',
  // Interaction
  '--clv-color-accent': '#0072b2',
  '--clv-color-accent-hover': '#005a8c',
  '--clv-color-on-accent': '#ffffff',
  '--clv-color-focus': '#0072b2',
  // Status
  '--clv-color-danger': '#b3261e',
  '--clv-color-danger-surface': '#fdf0ef',
  '--clv-color-success': '#1b7a4b',
  '--clv-color-success-surface': '#eef8f2',
  '--clv-color-warning': '#8a5a00',
  '--clv-color-warning-surface': '#fff7e6',
  // Categorical palette: Okabe-Ito (distinguishable with the common colour-vision deficiencies),
  // reordered so that the darkest hues come first; yellow is last because it is faint on white.
  '--clv-color-category-1': '#0072b2',
  '--clv-color-category-2': '#e69f00',
  '--clv-color-category-3': '#009e73',
  '--clv-color-category-4': '#d55e00',
  '--clv-color-category-5': '#cc79a7',
  '--clv-color-category-6': '#56b4e9',
  '--clv-color-category-7': '#000000',
  '--clv-color-category-8': '#f0e442',
  // Type
  '--clv-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  '--clv-font-family-mono': "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  '--clv-font-size-small': '0.8125rem',
  '--clv-font-size-medium': '0.9375rem',
  '--clv-font-size-large': '1.125rem',
  '--clv-font-size-display': '2.5rem',
  '--clv-font-weight-normal': '400',
  '--clv-font-weight-bold': '600',
  '--clv-line-height': '1.45',
  // Space and shape
  '--clv-space-2xs': '0.125rem',
  '--clv-space-xs': '0.25rem',
  '--clv-space-s': '0.5rem',
  '--clv-space-m': '0.75rem',
  '--clv-space-l': '1rem',
  '--clv-space-xl': '1.5rem',
  '--clv-space-2xl': '2rem',
  '--clv-radius-s': '3px',
  '--clv-radius-m': '6px',
  '--clv-radius-l': '10px',
  '--clv-focus-ring-width': '2px',
  '--clv-transition-duration': '150ms',
} as const;

export type TokenName = keyof typeof tokenDefaults;

/** `var(--clv-…, default)` for use inside a `css` template. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(${name}, ${tokenDefaults[name]})`);
}

/** Names of the categorical palette tokens, in order. */
export const categoryTokens: readonly TokenName[] = [
  '--clv-color-category-1',
  '--clv-color-category-2',
  '--clv-color-category-3',
  '--clv-color-category-4',
  '--clv-color-category-5',
  '--clv-color-category-6',
  '--clv-color-category-7',
  '--clv-color-category-8',
];

/** The value of a token as computed on `element` (its default when nothing sets it). */
export function readToken(element: Element, name: TokenName): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim();
  return value || tokenDefaults[name];
}

/** Base styles every clv- component starts from: font, colour, box sizing, focus ring, hidden attribute. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: ${token('--clv-font-family')};
    font-size: ${token('--clv-font-size-medium')};
    line-height: ${token('--clv-line-height')};
    color: ${token('--clv-color-text')};
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: ${token('--clv-focus-ring-width')} solid ${token('--clv-color-focus')};
    outline-offset: 2px;
  }
  /* Elements focused by script to guide screen readers (a summary title, an error) show no ring. */
  [tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** A button look shared by Retry, Browse and Import buttons. `.button--primary` for the main action. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('--clv-space-xs')};
    min-height: 2.25rem;
    padding: ${token('--clv-space-xs')} ${token('--clv-space-l')};
    border: 1px solid ${token('--clv-color-border')};
    border-radius: ${token('--clv-radius-m')};
    background: ${token('--clv-color-surface')};
    color: ${token('--clv-color-text')};
    font: inherit;
    font-weight: ${token('--clv-font-weight-bold')};
    cursor: pointer;
    transition: background-color ${token('--clv-transition-duration')};
  }
  .button:hover {
    background: ${token('--clv-color-surface-raised')};
  }
  .button--primary {
    border-color: ${token('--clv-color-accent')};
    background: ${token('--clv-color-accent')};
    color: ${token('--clv-color-on-accent')};
  }
  .button--primary:hover {
    border-color: ${token('--clv-color-accent-hover')};
    background: ${token('--clv-color-accent-hover')};
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
`;
