#!/usr/bin/env node
// @ts-check
// `npm run bench [-- --quick] [-- --node-only]`: benchmarks in Node and headless Chromium.
// The benchmarks are TypeScript under bench/ (entry bench/run.ts), loaded here through tsx.
// See `npm run bench -- --help`. Results: bench-results/bench-<timestamp>.json and latest.json.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { findChromium } from './find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
register();

let code = 1;
try {
  const { main } = await import('../bench/run.ts');
  code = await main(process.argv.slice(2), { root, findChromium: () => findChromium({ install: false }) });
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  code = 1;
}
process.exitCode = code;
// Everything is closed by now; should a library keep a handle open, do not hang on it.
setTimeout(() => process.exit(code), 2000).unref();
