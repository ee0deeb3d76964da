#!/usr/bin/env node
// @ts-check
// Finds a Chromium binary for the browser tests. No browser is ever downloaded.
// Order: $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
// If none is found and we run as root with apt-get available, installs Debian's
// `chromium` package (apt-get update && apt-get install -y chromium).
// Otherwise prints what to do and exits 1.
//
// CLI:    node scripts/find-chromium.mjs      -> prints the path on stdout (only the path)
//         CHROME_PATH="$(node scripts/find-chromium.mjs)"
// Module: import { findChromium } from './find-chromium.mjs'; findChromium() -> path | null
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @param {string} p */
function isExecutable(p) {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} msg */
const log = (msg) => process.stderr.write(`[find-chromium] ${msg}\n`);

function locate() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    log(`CHROME_PATH=${fromEnv} is not an executable file; trying the default locations.`);
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function aptInstall() {
  log('Chromium not found; installing Debian package "chromium" with apt-get (running as root).');
  const r = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    // keep stdout clean: it carries only the path
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) log(`apt-get failed with exit code ${r.status ?? r.signal}.`);
}

/**
 * @param {{ install?: boolean }} [options]
 * @returns {string | null}
 */
export function findChromium({ install = true } = {}) {
  let found = locate();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && hasAptGet()) {
    aptInstall();
    found = locate();
    if (found) return found;
  }
  log('No Chromium found. Browser tests need a local Chromium (none is downloaded). Either:');
  log('  sudo apt-get update && sudo apt-get install -y chromium');
  log('or point CHROME_PATH at an existing Chromium/Chrome binary:');
  log('  export CHROME_PATH=/path/to/chromium');
  return null;
}

/** @param {string} path */
export function chromiumVersion(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30000 });
  return (r.stdout || '').trim() || null;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findChromium();
  if (!found) process.exit(1);
  log(`using ${found}${(() => { const v = chromiumVersion(found); return v ? ` (${v})` : ''; })()}`);
  process.stdout.write(`${found}\n`);
}
