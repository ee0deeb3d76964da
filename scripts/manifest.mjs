#!/usr/bin/env node
// @ts-check
// Writes custom-elements.json (the custom-elements manifest) from the components' JSDoc with
// @custom-elements-manifest/analyzer (config: custom-elements-manifest.config.mjs).
// `--check` writes nothing and exits 1, naming what differs, when the committed file is stale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committedPath = join(root, 'custom-elements.json');
const cem = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
const check = process.argv.includes('--check');

/**
 * The analyzer lists modules in the order the file system gives them, which differs between
 * checkouts: sorted by path, the file is the same everywhere.
 * @param {string} text @returns {string}
 */
function sortedModules(text) {
  const manifest = JSON.parse(text);
  manifest.modules?.sort((/** @type {{path: string}} */ a, /** @type {{path: string}} */ b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** @returns {string} the generated manifest text */
function generate() {
  const out = mkdtempSync(join(tmpdir(), 'clv-cem-'));
  try {
    // The analyzer joins --outdir onto its cwd, so it must be relative to the project root.
    const args = [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out), '--quiet'];
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`cem analyze failed (${run.status}):\n${run.stderr}${run.stdout}`);
    return sortedModules(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Names what differs: modules/declarations added, removed or changed, else the first differing line.
 * @param {string} before @param {string} after @returns {string[]}
 */
function describeDifference(before, after) {
  /** @param {string} text @returns {Map<string, string>} */
  const entries = (text) => {
    const map = new Map();
    for (const mod of JSON.parse(text).modules ?? []) {
      const decls = mod.declarations ?? [];
      if (!decls.length) map.set(mod.path, JSON.stringify(mod));
      for (const d of decls) map.set(`${mod.path}: ${d.tagName ?? d.name}`, JSON.stringify(d));
      map.set(`${mod.path} (exports)`, JSON.stringify(mod.exports ?? []));
    }
    return map;
  };
  const lines = [];
  try {
    const a = entries(before);
    const b = entries(after);
    for (const [key, value] of b) {
      if (!a.has(key)) lines.push(`added ${key}`);
      else if (a.get(key) !== value) lines.push(`changed ${key}`);
    }
    for (const key of a.keys()) if (!b.has(key)) lines.push(`removed ${key}`);
  } catch (error) {
    lines.push(`committed file is not valid JSON (${error instanceof Error ? error.message : error})`);
  }
  if (!lines.length) {
    const x = before.split('\n');
    const y = after.split('\n');
    const i = x.findIndex((line, n) => line !== y[n]);
    const at = i === -1 ? Math.min(x.length, y.length) : i;
    lines.push(`line ${at + 1}: committed ${JSON.stringify(x[at] ?? '<end>')}, generated ${JSON.stringify(y[at] ?? '<end>')}`);
  }
  return lines;
}

const generated = generate();
let committed;
try {
  committed = readFileSync(committedPath, 'utf8');
} catch {
  committed = undefined;
}

if (committed === generated) {
  console.log('up to date');
} else if (check) {
  console.error('custom-elements.json is out of date: run npm run manifest');
  if (committed === undefined) console.error('  custom-elements.json is missing');
  else for (const line of describeDifference(committed, generated)) console.error(`  ${line}`);
  process.exitCode = 1;
} else {
  writeFileSync(committedPath, generated);
  console.log('wrote custom-elements.json');
}
