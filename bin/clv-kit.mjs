#!/usr/bin/env node
// clv-kit command line. In a source checkout (src/cli/main.ts present and tsx installed) it runs
// the TypeScript source, so it can never run a stale build; in the published package (no src/)
// it runs the compiled dist/cli.js, which needs only Node >= 20. CLV_KIT_FROM=dist forces the
// compiled build (to check it from a checkout after `npm run build`).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli.js', import.meta.url);

async function load() {
  if (process.env.CLV_KIT_FROM !== 'dist' && existsSync(source)) {
    let tsImport;
    try {
      ({ tsImport } = await import('tsx/esm/api'));
    } catch {
      tsImport = undefined; // a checkout without devDependencies: fall through to the build
    }
    if (tsImport) return tsImport(source.href, import.meta.url);
  }
  if (existsSync(compiled)) return import(compiled.href);
  process.stderr.write(
    'clv-kit: cannot start: dist/cli.js is missing and the TypeScript source cannot be run ' +
      '(run `npm install`, or `npm run build` for the compiled CLI).\n',
  );
  process.exit(1);
}

const cli = await load();
await cli.main();
