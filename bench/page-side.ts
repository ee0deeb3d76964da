/**
 * The Chromium side: a vite dev server serves bench/index.html (+ bench/browser.ts), headless
 * Chromium is driven against it (bench/page-server.ts), and every run is one page.evaluate call
 * into window.clvBench, timed on the page.
 */
import type { Alternative } from './harness.js';
import { BenchPage, openBenchPage, packageVersion, type PageOptions } from './page-server.js';
import './protocol.js';
import type { ChartRun, ClvWorkerFit, DashboardPrepared } from './protocol.js';
import type { WidgetChart, WidgetRuns } from './widget-workload.js';
import type { DeriveSummary, Row } from './workload.js';

export class PageSide extends BenchPage {
  static async start(options: PageOptions): Promise<PageSide> {
    const opened = await openBenchPage(options, {
      html: 'bench/index.html',
      global: 'clvBench',
      cacheDir: 'node_modules/.vite-bench',
      label: 'page',
      serveData: true,
      optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], include: ['@duckdb/duckdb-wasm > apache-arrow'] },
      info: {
        duckdbWasm: packageVersion(options.root, '@duckdb/duckdb-wasm'),
        duckdbWasmEngine: null,
        bundle: 'eh (duckdb-eh.wasm + duckdb-browser-eh.worker.js)',
      },
    });
    return new PageSide(opened);
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
}
