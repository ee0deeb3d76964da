#!/usr/bin/env node
// @ts-check
// `npm test`: the whole check, ending with ONE plain closing line
//   "<passed> passed, <failed> failed" (and ", <skipped> skipped" when any test was skipped)
// that sums the Node tests and the browser tests. Every stage runs even if an earlier
// one failed; the exit code is 1 if anything failed.
//
// Stages:
//   1. Chromium     scripts/find-chromium.mjs (sets CHROME_PATH for wtr)
//   2. typecheck    tsc -p tsconfig.json --noEmit          (a failure counts as 1 failed)
//   3. node tests   node --import tsx --test tests/node/**/*.test.ts   (Node's own runner)
//   4. browser      wtr (web-test-runner.config.mjs): tests/**/*.test.ts minus tests/node/**
//
// Run a subset quickly (paths or globs, relative to the project root):
//   npm test -- --files tests/toolchain.test.ts             browser file(s) only
//   npm test -- --files tests/node/smoke.test.ts            node file(s) only
//   npm test -- --files 'tests/**/duckdb*.test.ts' --skip-typecheck
//   npm test -- tests/node/smoke.test.ts                    (bare paths work too)
//   TEST_FILES="tests/a.test.ts tests/node/b.test.ts" SKIP_TYPECHECK=1 npm test
// Files under tests/node/ go to Node's runner, all others to wtr; a stage with no
// selected files is skipped. Other flags:
//   --skip-typecheck (or SKIP_TYPECHECK=1)   --node-only   --browser-only
// Any other --flag is passed on to wtr; give values as --flag=value (a bare word is
// taken as a test file). For watch/manual mode run `npx wtr --watch` directly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
/** @type {string[]} */
const fileArgs = [];
/** @type {string[]} */
const wtrExtra = [];
let skipTypecheck = process.env.SKIP_TYPECHECK === '1';
let nodeOnly = false;
let browserOnly = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--files') {
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) fileArgs.push(argv[++i]);
  } else if (a.startsWith('--files=')) fileArgs.push(...a.slice(8).split(','));
  else if (a === '--skip-typecheck') skipTypecheck = true;
  else if (a === '--node-only') nodeOnly = true;
  else if (a === '--browser-only') browserOnly = true;
  else if (a.startsWith('-')) wtrExtra.push(a);
  else fileArgs.push(a);
}
if (process.env.TEST_FILES) fileArgs.push(...process.env.TEST_FILES.split(/[\s,]+/).filter(Boolean));

/** @param {string} dir @returns {string[]} project-relative posix paths of *.test.ts */
function listTests(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && e.name.endsWith('.test.ts')) {
        out.push(path.relative(root, p).split(path.sep).join('/'));
      }
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

/** Minimal glob -> RegExp: **, *, ? (enough for test file selection). @param {string} g */
function globToRegExp(g) {
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      re += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isNodeTest = (f) => f.startsWith('tests/node/');
const allTests = listTests('tests');
let nodeFiles = allTests.filter(isNodeTest);
let browserFiles = allTests.filter((f) => !isNodeTest(f));
/** @type {string[]} */
const problems = [];
if (fileArgs.length > 0) {
  /** @type {Set<string>} */
  const selected = new Set();
  for (const raw of fileArgs) {
    const rel = path.relative(root, path.resolve(root, raw)).split(path.sep).join('/');
    if (/[*?]/.test(rel)) {
      const re = globToRegExp(rel);
      const hits = allTests.filter((f) => re.test(f));
      if (hits.length === 0) problems.push(`no test file matches ${raw}`);
      hits.forEach((f) => selected.add(f));
    } else if (fs.existsSync(rel) && fs.statSync(rel).isDirectory()) {
      const hits = allTests.filter((f) => f.startsWith(`${rel.replace(/\/$/, '')}/`));
      if (hits.length === 0) problems.push(`no test file under ${raw}`);
      hits.forEach((f) => selected.add(f));
    } else if (fs.existsSync(rel)) selected.add(rel);
    else problems.push(`test file not found: ${raw}`);
  }
  nodeFiles = [...selected].filter(isNodeTest);
  browserFiles = [...selected].filter((f) => !isNodeTest(f));
}
if (nodeOnly) browserFiles = [];
if (browserOnly) nodeFiles = [];

// ---------------------------------------------------------------- helpers
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clv-test-'));
/** @type {{stage: string, passed: number, failed: number, skipped: number, seconds: number, note: string}[]} */
const results = [];
const t0 = Date.now();

/** @param {string} title */
function banner(title) {
  process.stdout.write(`\n=== ${title} ===\n`);
}

/**
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      process.stderr.write(`failed to start ${cmd}: ${err.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** @param {string} stage @param {number} start @param {Partial<(typeof results)[number]>} r */
function record(stage, start, r) {
  results.push({ stage, passed: 0, failed: 0, skipped: 0, note: '', ...r, seconds: (Date.now() - start) / 1000 });
}

for (const p of problems) {
  process.stderr.write(`test selection: ${p}\n`);
  results.push({ stage: 'selection', passed: 0, failed: 1, skipped: 0, seconds: 0, note: p });
}

// ---------------------------------------------------------------- 1. Chromium
let chromePath = /** @type {string | null} */ (null);
if (browserFiles.length > 0) {
  banner('chromium');
  const start = Date.now();
  chromePath = findChromium();
  if (chromePath) {
    process.stdout.write(`CHROME_PATH=${chromePath}\n`);
    record('chromium', start, { note: chromePath });
  } else record('chromium', start, { failed: 1, note: 'no Chromium: browser tests not run' });
}

// ---------------------------------------------------------------- 2. typecheck
if (!skipTypecheck) {
  banner('typecheck: tsc -p tsconfig.json --noEmit');
  const start = Date.now();
  const code = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit', '--pretty', 'false']);
  record('typecheck', start, code === 0 ? { note: 'ok' } : { failed: 1, note: `tsc exit ${code}` });
  process.stdout.write(code === 0 ? 'typecheck ok\n' : `typecheck FAILED (tsc exit ${code})\n`);
}

// ---------------------------------------------------------------- 3. node tests
if (nodeFiles.length > 0) {
  banner(`node tests (${nodeFiles.length} file${nodeFiles.length === 1 ? '' : 's'})`);
  const start = Date.now();
  const tap = path.join(tmp, 'node.tap');
  // Node 20's --test takes no globs: the files are listed explicitly.
  const code = await run(process.execPath, [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...nodeFiles,
  ]);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  /** @param {string} key */
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = count('pass');
  if (pass === undefined) {
    record('node', start, { failed: 1, note: `no summary from node --test (exit ${code})` });
  } else {
    let failed = (count('fail') ?? 0) + (count('cancelled') ?? 0);
    if (code !== 0 && failed === 0) failed = 1;
    record('node', start, { passed: pass, failed, skipped: (count('skipped') ?? 0) + (count('todo') ?? 0), note: `exit ${code}` });
  }
}

// ---------------------------------------------------------------- 4. browser tests
if (browserFiles.length > 0 && chromePath) {
  banner(`browser tests: wtr (${browserFiles.length} file${browserFiles.length === 1 ? '' : 's'})`);
  const start = Date.now();
  const summaryFile = path.join(tmp, 'wtr.json');
  const args = ['--config', 'web-test-runner.config.mjs', ...wtrExtra];
  if (fileArgs.length > 0) args.push('--files', ...browserFiles);
  const code = await run(bin('wtr'), args, { CHROME_PATH: chromePath, CLV_TEST_SUMMARY_FILE: summaryFile });
  if (!fs.existsSync(summaryFile)) {
    record('browser', start, { failed: 1, note: `wtr exit ${code} without a summary` });
  } else {
    const s = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    let failed = s.failed;
    if (code !== 0 && failed === 0) failed = 1;
    record('browser', start, { passed: s.passed, failed, skipped: s.skipped, note: `exit ${code}, ${s.files} files` });
  }
}

// ---------------------------------------------------------------- summary
fs.rmSync(tmp, { recursive: true, force: true });
const total = results.reduce(
  (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
banner(`summary (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
for (const r of results) {
  process.stdout.write(
    `  ${r.stage.padEnd(10)} ${String(r.passed).padStart(4)} ok ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped  ${r.seconds.toFixed(1).padStart(6)}s  ${r.note}\n`,
  );
}
if (total.passed + total.failed === 0) process.stdout.write('  warning: no test ran\n');
process.stdout.write(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
