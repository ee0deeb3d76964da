// A dark theme made only of clv-kit's design tokens (components/shared/tokens.styles.ts), as a page
// would set them on a container. Text colours keep at least 4.5:1 against the surface.

const darkTokens: Record<string, string> = {
  '--clv-color-text': '#e8ebf2',
  '--clv-color-text-muted': '#aab3c5',
  '--clv-color-surface': '#161b26',
  '--clv-color-surface-raised': '#232a39',
  '--clv-color-border': '#4a5468',
  '--clv-color-grid': '#2c3446',
  '--clv-color-skeleton': '#2c3446',
  '--clv-color-accent': '#56b4e9',
  '--clv-color-accent-hover': '#86cbf1',
  '--clv-color-on-accent': '#0b1220',
  '--clv-color-focus': '#86cbf1',
  '--clv-color-danger': '#ff8f85',
  '--clv-color-danger-surface': '#3b1f22',
  '--clv-color-success': '#6fdc9f',
  '--clv-color-success-surface': '#173325',
  '--clv-color-warning': '#ffcf66',
  '--clv-color-warning-surface': '#3a3018',
  // Okabe–Ito again, light hues first; the dark blue that leads on white goes last.
  '--clv-color-category-1': '#56b4e9',
  '--clv-color-category-2': '#e69f00',
  '--clv-color-category-3': '#2fc79a',
  '--clv-color-category-4': '#f0e442',
  '--clv-color-category-5': '#cc79a7',
  '--clv-color-category-6': '#ff8c42',
  '--clv-color-category-7': '#d9dde6',
  '--clv-color-category-8': '#3d8fd1',
};

/** Inline style of a dark container: the tokens, plus the background and text colour they stand for. */
export const darkThemeStyle = [
  ...Object.entries(darkTokens).map(([name, value]) => `${name}: ${value}`),
  `background: ${darkTokens['--clv-color-surface']}`,
  `color: ${darkTokens['--clv-color-text']}`,
  'padding: 1.5rem',
  'border-radius: 10px',
].join('; ');
