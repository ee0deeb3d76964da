/**
 * The Chromium side of the composer benchmarks: a vite dev server of its own serves
 * bench/composer.html (+ bench/composer-browser.ts), playwright-core drives headless Chromium
 * against it, and every run is one page.evaluate call into window.clvComposerBench, timed on the
 * page. It starts after the other benchmarks' page has closed, with its own dependency cache, so
 * the two servers never share or invalidate one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../scripts/chromium-args.mjs';
import './composer-protocol.js';
import type { ComposerMarkRun, ComposerPrepared } from './composer-protocol.js';
import type { MarkRun } from './composer-workload.js';
import type { Alternative } from './harness.js';
import { PageUnavailable } from './page-side.js';
import type { EnvironmentInfo } from './report.js';
import { errorMessage } from './runner.js';

/** As the other page: headless on a closed network, as root; gc() exposed for between-run collection. */
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, '--js-flags=--expose-gc'];

/** Vite's warnings and errors go to `note`; its source-map complaints about node_modules are dropped. */
function composerLogger(note: (message: string) => void): Logger {
  const warned = new Set<string>();
  let errorLogged = false;
  const logger: Logger = {
    hasWarned: false,
    info: () => undefined,
    warn(msg) {
      if (/sourcemap/i.test(msg) && /node_modules/.test(msg)) return;
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

async function startServer(root: string, note: (message: string) => void): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root,
    cacheDir: path.join(root, 'node_modules/.vite-bench-composer'),
    clearScreen: false,
    customLogger: composerLogger(note),
    logLevel: 'warn',
    appType: 'mpa',
    // No HMR and no file watching: edits elsewhere in the tree must not reload the page mid-run.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    // Crawl the page up front so no dependency is discovered (and the page reloaded) mid-run.
    optimizeDeps: { entries: ['bench/composer.html'] },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the vite dev server has no TCP address');
    return { server, url: `http://127.0.0.1:${address.port}/bench/composer.html` };
  } catch (e) {
    await server.close().catch(() => undefined);
    throw e;
  }
}

const packageVersion = (root: string, pkg: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

export class ComposerPageSide {
  /** Set when a run timed out or the page crashed: later runs would only queue behind it. */
  private broken: string | null = null;

  private constructor(
    private readonly server: ViteDevServer,
    private readonly browser: Browser,
    private readonly page: Page,
    readonly url: string,
    readonly info: EnvironmentInfo,
    private readonly runTimeoutMs: number,
  ) {
    page.on('crash', () => {
      this.broken = 'the page crashed';
    });
  }

  static async start(options: { root: string; chromePath: string; runTimeoutMs: number; note: (message: string) => void }): Promise<ComposerPageSide> {
    const { note } = options;
    const { server, url } = await startServer(options.root, note);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: options.chromePath, headless: true, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      page.on('pageerror', (e) => note(`[composer page] uncaught: ${errorMessage(e)}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && msg.text().startsWith('Failed to load resource')) return;
        if (msg.type() === 'error' || msg.type() === 'warning') note(`[composer page] ${msg.type()}: ${msg.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) note(`[composer page] HTTP ${r.status()} ${r.url()}`);
      });
      page.on('crash', () => note('[composer page] the page crashed'));
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => window.clvComposerBench !== undefined, undefined, { timeout: 120_000 });
      const pageInfo = await page.evaluate(() => window.clvComposerBench!.info());
      const info: EnvironmentInfo = {
        chromium: browser.version(),
        userAgent: pageInfo.userAgent,
        hardwareConcurrency: pageInfo.hardwareConcurrency,
        exposedGc: pageInfo.exposedGc,
        vite: packageVersion(options.root, 'vite'),
        playwrightCore: packageVersion(options.root, 'playwright-core'),
      };
      return new ComposerPageSide(server, browser, page, url, info, options.runTimeoutMs);
    } catch (e) {
      await browser?.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      throw e;
    }
  }

  get usable(): boolean {
    return this.broken === null;
  }

  /** One call into the page, bounded by the run timeout; a timeout marks the page unusable. */
  private async guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (this.broken) throw new PageUnavailable(`not run: ${this.broken}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.broken = `${what} did not finish within ${Math.round(this.runTimeoutMs / 1000)} s`;
        reject(new Error(this.broken));
      }, this.runTimeoutMs);
    });
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  prepare(): Promise<ComposerPrepared> {
    return this.guarded('composer set-up', () => this.page.evaluate(() => window.clvComposerBench!.prepare()));
  }

  composerMarkChange(): Alternative<ComposerMarkRun> {
    return () => this.guarded('composer mark change', () => this.page.evaluate(() => window.clvComposerBench!.composerMarkChange()));
  }

  widgetMarkChange(): Alternative<MarkRun> {
    return () => this.guarded('standalone widget mark change', () => this.page.evaluate(() => window.clvComposerBench!.widgetMarkChange()));
  }

  async close(): Promise<void> {
    if (!this.broken) await this.page.evaluate(() => window.clvComposerBench!.dispose()).catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.server.close().catch(() => undefined);
  }
}
