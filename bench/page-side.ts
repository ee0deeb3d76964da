/**
 * The Chromium side: a programmatic vite dev server serves bench/index.html (+ bench/browser.ts),
 * playwright-core drives headless Chromium against it, and every run is one page.evaluate call
 * into window.clvBench, timed on the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { connectDataMiddleware } from '../scripts/wtr-data-middleware.mjs';
import type { Alternative } from './harness.js';
import './protocol.js';
import type { ChartRun, ClvWorkerFit, DashboardPrepared } from './protocol.js';
import type { EnvironmentInfo } from './report.js';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../scripts/chromium-args.mjs';
import { errorMessage } from './runner.js';
import type { WidgetChart, WidgetRuns } from './widget-workload.js';
import type { DeriveSummary, Row } from './workload.js';

/** Flags for headless Chromium on a closed network, as root; gc() exposed for between-run collection. */
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, '--js-flags=--expose-gc'];

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

async function startServer(root: string, note: (message: string) => void): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root,
    // Its own cache, so a run neither waits for nor invalidates the project's `vite` dev cache.
    cacheDir: path.join(root, 'node_modules/.vite-bench'),
    clearScreen: false,
    customLogger: benchLogger(note),
    logLevel: 'warn',
    appType: 'mpa',
    // GET /__data/<path> from $CLV_DATA_DIR (default ../shared/data), as `vite` and the browser tests serve it.
    plugins: [{ name: 'clv-bench-data', configureServer: (s) => void s.middlewares.use(connectDataMiddleware()) }],
    // No HMR and no file watching: edits elsewhere in the tree must not reload the page mid-run.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: {
      // Crawl the page up front so no dependency is discovered (and the page reloaded) mid-run.
      entries: ['bench/index.html'],
      exclude: ['@duckdb/duckdb-wasm'],
      include: ['@duckdb/duckdb-wasm > apache-arrow'],
    },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the vite dev server has no TCP address');
    return { server, url: `http://127.0.0.1:${address.port}/bench/index.html` };
  } catch (e) {
    await server.close().catch(() => undefined);
    throw e;
  }
}

const packageVersion = (root: string, pkg: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

export class PageUnavailable extends Error {
  override readonly name = 'PageUnavailable';
}

export class PageSide {
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

  static async start(options: { root: string; chromePath: string; runTimeoutMs: number; note: (message: string) => void }): Promise<PageSide> {
    const { note } = options;
    const { server, url } = await startServer(options.root, note);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: options.chromePath, headless: true, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      page.on('pageerror', (e) => note(`[page] uncaught: ${errorMessage(e)}`));
      page.on('console', (msg) => {
        // failed requests are reported with their URL by the response listener
        if (msg.type() === 'error' && msg.text().startsWith('Failed to load resource')) return;
        if (msg.type() === 'error' || msg.type() === 'warning') note(`[page] ${msg.type()}: ${msg.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) note(`[page] HTTP ${r.status()} ${r.url()}`);
      });
      page.on('crash', () => note('[page] the page crashed'));
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => window.clvBench !== undefined, undefined, { timeout: 120_000 });
      const pageInfo = await page.evaluate(() => window.clvBench!.info());
      const info: EnvironmentInfo = {
        chromium: browser.version(),
        userAgent: pageInfo.userAgent,
        hardwareConcurrency: pageInfo.hardwareConcurrency,
        exposedGc: pageInfo.exposedGc,
        duckdbWasm: packageVersion(options.root, '@duckdb/duckdb-wasm'),
        duckdbWasmEngine: null,
        bundle: 'eh (duckdb-eh.wasm + duckdb-browser-eh.worker.js)',
        vite: packageVersion(options.root, 'vite'),
        playwrightCore: packageVersion(options.root, 'playwright-core'),
      };
      return new PageSide(server, browser, page, url, info, options.runTimeoutMs);
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

  generate(customers: number): Alternative<{ transactions: number }> {
    return () => this.guarded('generate', () => this.page.evaluate((a) => window.clvBench!.generate(a), { customers }));
  }

  instantiate(): Alternative<{ version: string }> {
    return () => this.guarded('instantiate', () => this.page.evaluate(() => window.clvBench!.instantiate()));
  }

  prepare(): Promise<{ customers: number; dates: number }> {
    return this.guarded('prepare', () => this.page.evaluate(() => window.clvBench!.prepare()));
  }

  load(): Alternative<{ rows: number }> {
    return () => this.guarded('load', () => this.page.evaluate(() => window.clvBench!.load()));
  }

  decile(): Alternative<Row[]> {
    return () => this.guarded('decile query', () => this.page.evaluate(() => window.clvBench!.decile()));
  }

  revenueSql(): Alternative<Row[]> {
    return () => this.guarded('revenue SQL', () => this.page.evaluate(() => window.clvBench!.revenueSql()));
  }

  revenueSemantic(): Alternative<Row[]> {
    return () => this.guarded('revenue semantic', () => this.page.evaluate(() => window.clvBench!.revenueSemantic()));
  }

  compile(batch: number): Alternative<null> {
    return () => this.guarded('compile', () => this.page.evaluate((a) => window.clvBench!.compile(a), { batch }));
  }

  deriveSql(): Alternative<DeriveSummary> {
    return () => this.guarded('decile derivation', () => this.page.evaluate(() => window.clvBench!.deriveSql()));
  }

  prepareClv(): Promise<{ rows: number; bytes: number }> {
    return this.guarded('CDNOW import', () => this.page.evaluate(() => window.clvBench!.prepareClv()));
  }

  clvFit(): Alternative<ClvWorkerFit> {
    return () => this.guarded('CLV worker fit', () => this.page.evaluate(() => window.clvBench!.clvFit()));
  }

  widgetChart(chart: WidgetChart, rows: number): Alternative<ChartRun> {
    return () => this.guarded(`widget ${chart} chart`, () => this.page.evaluate((a) => window.clvBench!.widgetChart(a), { chart, rows }));
  }

  vegaEmbedChart(chart: WidgetChart, rows: number): Alternative<ChartRun> {
    return () => this.guarded(`vega-embed ${chart} chart`, () => this.page.evaluate((a) => window.clvBench!.vegaEmbedChart(a), { chart, rows }));
  }

  prepareDashboard(): Promise<DashboardPrepared> {
    return this.guarded('dashboard set-up', () => this.page.evaluate(() => window.clvBench!.prepareDashboard()));
  }

  dashboardFilterChange(): Alternative<WidgetRuns> {
    return () => this.guarded('dashboard filter change', () => this.page.evaluate(() => window.clvBench!.dashboardFilterChange()));
  }

  dashboardQueries(): Alternative<WidgetRuns> {
    return () => this.guarded('dashboard queries', () => this.page.evaluate(() => window.clvBench!.dashboardQueries()));
  }

  async close(): Promise<void> {
    if (!this.broken) await this.page.evaluate(() => window.clvBench!.dispose()).catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.server.close().catch(() => undefined);
  }
}
