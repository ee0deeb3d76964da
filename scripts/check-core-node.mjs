#!/usr/bin/env node
// @ts-check
// After `vite build`: the core entry must load in plain Node, with no DOM around and
// without defining DOM globals itself, and without importing the UI/browser-only
// packages. Fails loudly (exit 1) otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The build directory: dist/ by default, or the first argument (the build test builds elsewhere).
const distDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const entry = path.join(distDir, 'core.js');
const DOM_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'Node', 'Element', 'localStorage'];
// Packages the DOM-free core must not import (directly or through its chunks).
const FORBIDDEN = [/^lit($|\/)/, /^@lit\//, /^vega-embed($|\/)/, /^@duckdb\/duckdb-wasm($|\/)/, /^msw($|\/)/];

/** @param {string} msg */
function fail(msg) {
  process.stderr.write(`\ncheck-core-node: FAILED: ${msg}\n\n`);
  process.exit(1);
}

if (!fs.existsSync(entry)) fail(`${path.relative(root, entry)} does not exist: run \`vite build\` first`);

const present = DOM_GLOBALS.filter((g) => g in globalThis);
if (present.length) fail(`this Node process already has DOM globals (${present.join(', ')}); cannot check`);

// Static import graph of dist/core.js over the local chunks.
/** @type {Set<string>} */
const bare = new Set();
const seen = new Set();
const importRe = /(?:^|[;\s}])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
/** @param {string} file */
function scan(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) {
      const next = path.resolve(path.dirname(file), spec);
      if (fs.existsSync(next)) scan(next);
    } else if (!spec.startsWith('node:')) bare.add(spec);
  }
}
scan(entry);
const bad = [...bare].filter((s) => FORBIDDEN.some((re) => re.test(s)));
if (bad.length) fail(`dist/core.js imports browser/UI packages: ${bad.join(', ')}`);

let mod;
try {
  mod = await import(pathToFileURL(entry).href);
} catch (err) {
  fail(`import('./dist/core.js') threw in plain Node:\n${err instanceof Error ? err.stack : String(err)}`);
}
const defined = DOM_GLOBALS.filter((g) => g in globalThis);
if (defined.length) fail(`importing dist/core.js defined DOM globals: ${defined.join(', ')}`);

const names = Object.keys(mod ?? {});
process.stdout.write(
  `check-core-node: ok: dist/core.js loads in plain Node ${process.version}; ` +
    `${names.length} export${names.length === 1 ? '' : 's'}${names.length ? ` (${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''})` : ''}; ` +
    `external imports: ${bare.size ? [...bare].sort().join(', ') : 'none'}\n`,
);
if (names.length === 0) process.stdout.write('check-core-node: warning: dist/core.js has no exports yet\n');
