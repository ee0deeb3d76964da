#!/usr/bin/env node
// @ts-check
// Screenshots of pages or Storybook stories with playwright-core driving a local Chromium.
//
//   node scripts/screenshot.mjs <url> <out.png> [options]
//       One page, e.g. the demo: node scripts/screenshot.mjs http://127.0.0.1:5173/demo/ demo.png --wait='section#overview[aria-busy=false]'
//
//   node scripts/screenshot.mjs --storybook[=<dir>] --out=<dir> <story-id> [<story-id> ...] [options]
//       Stories of a static Storybook build (default dir storybook-static, from `npm run build-storybook`),
//       served here on 127.0.0.1; one PNG per story, named <story-id>.png.
//
// Options:
//   --wait=<selector>   wait for this element first (Playwright CSS selectors pierce open shadow roots);
//                       stories are always awaited until Storybook shows them
//   --width=<px>        viewport width (default 1100)    --height=<px>  viewport height (default 760)
//   --full-page         capture the whole page, not just the viewport
//   --settle=<ms>       longest wait for charts and widgets (<clv-query-chart>, <clv-widget>) to finish drawing (default 15000)
//   --timeout=<ms>      page load / selector timeout (default 60000)
// Env: CHROME_PATH (default /usr/bin/chromium).
// Prints one line per shot with the console errors seen; exits 1 if a page failed to load or threw.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS as LAUNCH_ARGS } from './chromium-args.mjs';

/** @type {Record<string, string>} */
const options = {};
/** @type {string[]} */
const positional = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
  if (m) options[m[1]] = m[2] ?? 'true';
  else positional.push(arg);
}

const width = Number(options.width ?? 1100);
const height = Number(options.height ?? 760);
const timeout = Number(options.timeout ?? 60_000);
const settleMs = Number(options.settle ?? 15_000);
const fullPage = options['full-page'] === 'true';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** A static file server on 127.0.0.1 (a free port), for a Storybook build. @param {string} root */
function serveStatic(root) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[/** @type {keyof typeof MIME} */ (path.extname(file))] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Waits until every <clv-query-chart> and <clv-widget> on the page has drawn its outcome (its `rendered` promise),
 * or `settleMs` passed (a loading story never settles), then lets animations run briefly.
 * @param {import('playwright-core').Page} page
 */
async function settle(page) {
  await page.evaluate(async (ms) => {
    /** @param {Document | ShadowRoot} root @returns {Element[]} */
    const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const charts = all(document).filter((el) => el.localName === 'clv-query-chart' || el.localName === 'clv-widget');
    const rendered = Promise.all(charts.map((c) => /** @type {{rendered: Promise<void>}} */ (/** @type {unknown} */ (c)).rendered));
    // An import that is still reading its file gets the same time to reach its next step.
    const imports = all(document).filter((el) => el.localName === 'clv-file-import');
    const inspected = new Promise((resolve) => {
      const poll = () => (imports.every((el) => /** @type {{step: string}} */ (/** @type {unknown} */ (el)).step !== 'inspecting') ? resolve(undefined) : setTimeout(poll, 50));
      poll();
    });
    await Promise.race([Promise.all([rendered, inspected]), new Promise((r) => setTimeout(r, ms))]);
  }, settleMs);
  await page.waitForTimeout(400);
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} out
 */
async function shoot(browser, url, out) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  /** @type {string[]} */
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  const started = Date.now();
  let ok = true;
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    // Storybook marks the body once the story (loaders included) has rendered, or failed to.
    if (options.storybook) await page.locator('body.sb-show-main, body.sb-show-errordisplay').waitFor({ state: 'attached', timeout });
    if (options.wait) await page.locator(options.wait).first().waitFor({ state: 'attached', timeout });
    await settle(page);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await page.screenshot({ path: out, fullPage });
  } catch (err) {
    ok = false;
    problems.push(`failed: ${/** @type {Error} */ (err).message.split('\n')[0]}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${out} (${seconds}s) ${url}\n`);
  for (const p of problems) process.stdout.write(`     ${p}\n`);
  await page.close();
  return ok && !problems.some((p) => p.startsWith('pageerror'));
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
let allOk = true;
try {
  if (options.storybook) {
    const dir = options.storybook === 'true' ? 'storybook-static' : options.storybook;
    const outDir = options.out ?? 'screenshots';
    if (!fs.existsSync(path.join(dir, 'iframe.html'))) throw new Error(`${dir}/iframe.html not found: run npm run build-storybook first`);
    if (positional.length === 0) throw new Error('give at least one story id, e.g. components-query-chart--bar');
    const server = /** @type {http.Server} */ (await serveStatic(dir));
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    try {
      for (const id of positional) {
        const url = `http://127.0.0.1:${port}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
        allOk = (await shoot(browser, url, path.join(outDir, `${id}.png`))) && allOk;
      }
    } finally {
      server.close();
    }
  } else {
    const [url, out] = positional;
    if (!url || !out) throw new Error('usage: node scripts/screenshot.mjs <url> <out.png> [--wait=<selector>] [--full-page]');
    allOk = await shoot(browser, url, out);
  }
} catch (err) {
  process.stderr.write(`${/** @type {Error} */ (err).message}\n`);
  allOk = false;
} finally {
  await browser.close();
}
process.exitCode = allOk ? 0 : 1;
