// Custom-elements manifest (custom-elements.json) for editors, Storybook and docs tools.
// Tag names come from the @tagname JSDoc on each element class, so define.ts files are not needed.
// Run through `npm run manifest`; `npm run manifest -- --check` fails when the committed file is stale.
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/define.ts', 'components/**/define-*.ts', 'components/index.ts', 'components/**/*.styles.ts', 'components/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json already carries "customElements"; the analyzer would rewrite (and reformat) it.
  packagejson: false,
};
