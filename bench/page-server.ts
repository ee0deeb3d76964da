/**
 * What both benchmark pages share: a programmatic vite dev server serving one bench/*.html page,
 * headless Chromium (playwright-core) opened on it, and runs bounded by a timeout that marks the
 * page unusable. Each page names its global (window.clvBench, window.clvComposerBench) and keeps
 * its own dependency cache, so two servers never share or invalidate one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../scripts/chromium-args.mjs';
import { connectDataMiddleware } from '../scripts/wtr-data-middleware.mjs';
// Both declare their global on Window.
import './composer-protocol.js';
import './protocol.js';
import type { EnvironmentInfo } from './report.js';
import { errorMessage } from './runner.js';

/** Flags for headless Chromium on a closed network, as root; gc() exposed for between-run collection. */
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, '--js-flags=--expose-gc'];

/** The window globals the pages put their benchmarks on; both have info() and dispose(). */
export type BenchGlobal = 'clvBench' | 'clvComposerBench';

/** What the suites pass to a page's start(). */
export interface PageOptions {
  root: string;
  chromePath: string;
  runTimeoutMs: number;
  note: (message: string) => void;
}

/** Which page to open and how to serve it. */
export interface PageSetup {
  /** The page, relative to the root, e.g. `bench/index.html`. */
  html: string;
  global: BenchGlobal;
  /** Vite's dependency cache, relative to the root; one per page. */
  cacheDir: string;
  /** Prefix of the page's messages, e.g. `page` → `[page] uncaught: …`. */
  label: string;
  /** Defaults to playwright's 1280 × 720. */
  viewport?: { width: number; height: number };
  /** Serve GET /__data/<path> as `vite` and the browser tests do. */
  serveData?: boolean;
  /** Added to vite's optimizeDeps (whose entries are the page). */
  optimizeDeps?: { exclude?: string[]; include?: string[] };
  /** Page-specific environment fields, listed after the browser's. */
  info?: EnvironmentInfo;
}

/** Vite's messages go to `note`; its known-harmless source-map complaints about node_modules are dropped. */
function benchLogger(note: (message: string) => void): Logger {
  const warned = new Set<string>();
  let errorLogged = false;
  const harmless = (msg: string) => /sourcemap/i.test(msg) && /node_modules/.test(msg);
  const logger: Logger = {
    hasWarned: false,
    info: () => undefined,
    warn(msg) {
      if (harmless(msg)) return;
      logger.hasWarned = true;
      note(`[vite] ${msg.trim()}`);
    },
    warnOnce(msg) {
      if (warned.has(msg)) return;
      warned.add(msg);
      logger.warn(msg);
    },
    error(msg) {
      errorLogged = true;
      note(`[vite] error: ${msg.trim()}`);
    },
    clearScreen: () => undefined,
    hasErrorLogged: () => errorLogged,
  };
  return logger;
}

async function startServer(root: string, setup: PageSetup, note: (message: string) => void): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root,
    // Its own cache, so a run neither waits for nor invalidates the project's `vite` dev cache.
    cacheDir: path.join(root, setup.cacheDir),
    clearScreen: false,
    customLogger: benchLogger(note),
    logLevel: 'warn',
    appType: 'mpa',
    // GET /__data/<path> from $CLV_DATA_DIR (default ../shared/data).
    plugins: setup.serveData ? [{ name: 'clv-bench-data', configureServer: (s) => void s.middlewares.use(connectDataMiddleware()) }] : [],
    // No HMR and no file watching: edits elsewhere in the tree must not reload the page mid-run.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    // Crawl the page up front so no dependency is discovered (and the page reloaded) mid-run.
    optimizeDeps: { entries: [setup.html], ...setup.optimizeDeps },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the vite dev server has no TCP address');
    return { server, url: `http://127.0.0.1:${address.port}/${setup.html}` };
  } catch (e) {
    await server.close().catch(() => undefined);
    throw e;
  }
}

export const packageVersion = (root: string, pkg: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

export class PageUnavailable extends Error {
  override readonly name = 'PageUnavailable';
}

/** A page open in Chromium, once its benchmark global is there. */
export interface OpenedPage {
  server: ViteDevServer;
  browser: Browser;
  page: Page;
  url: string;
  info: EnvironmentInfo;
  global: BenchGlobal;
  runTimeoutMs: number;
}

/** Starts the server and Chromium, opens the page and waits for its global; closes both on failure. */
export async function openBenchPage(options: PageOptions, setup: PageSetup): Promise<OpenedPage> {
  const { note } = options;
  const { label, global } = setup;
  const { server, url } = await startServer(options.root, setup, note);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: options.chromePath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage(setup.viewport ? { viewport: setup.viewport } : {});
    page.on('pageerror', (e) => note(`[${label}] uncaught: ${errorMessage(e)}`));
    page.on('console', (msg) => {
      // failed requests are reported with their URL by the response listener
      if (msg.type() === 'error' && msg.text().startsWith('Failed to load resource')) return;
      if (msg.type() === 'error' || msg.type() === 'warning') note(`[${label}] ${msg.type()}: ${msg.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) note(`[${label}] HTTP ${r.status()} ${r.url()}`);
    });
    page.on('crash', () => note(`[${label}] the page crashed`));
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction((name) => window[name] !== undefined, global, { timeout: 120_000 });
    const pageInfo = await page.evaluate((name) => window[name]!.info(), global);
    const info: EnvironmentInfo = {
      chromium: browser.version(),
      userAgent: pageInfo.userAgent,
      hardwareConcurrency: pageInfo.hardwareConcurrency,
      exposedGc: pageInfo.exposedGc,
      ...setup.info,
      vite: packageVersion(options.root, 'vite'),
      playwrightCore: packageVersion(options.root, 'playwright-core'),
    };
    return { server, browser, page, url, info, global, runTimeoutMs: options.runTimeoutMs };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    throw e;
  }
}

/** The Node side of one open page: subclasses add one method per page.evaluate call, each through guarded(). */
export abstract class BenchPage {
  /** Set when a run timed out or the page crashed: later runs would only queue behind it. */
  private broken: string | null = null;
  protected readonly page: Page;
  readonly url: string;
  readonly info: EnvironmentInfo;

  protected constructor(private readonly opened: OpenedPage) {
    this.page = opened.page;
    this.url = opened.url;
    this.info = opened.info;
    this.page.on('crash', () => {
      this.broken = 'the page crashed';
    });
  }

  get usable(): boolean {
    return this.broken === null;
  }

  /** One call into the page, bounded by the run timeout; a timeout marks the page unusable. */
  protected async guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (this.broken) throw new PageUnavailable(`not run: ${this.broken}`);
    const { runTimeoutMs } = this.opened;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.broken = `${what} did not finish within ${Math.round(runTimeoutMs / 1000)} s`;
        reject(new Error(this.broken));
      }, runTimeoutMs);
    });
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const { browser, server, global } = this.opened;
    if (!this.broken) await this.page.evaluate((name) => window[name]!.dispose(), global).catch(() => undefined);
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}
