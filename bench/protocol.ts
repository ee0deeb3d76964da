/**
 * The contract between the orchestrator (Node) and the benchmark page (bench/browser.ts). The page
 * puts a BrowserBench on window; every timed method performs ONE run, timed on the page, so the
 * orchestrator can interleave page runs with Node runs. Everything crossing it is plain JSON.
 */
import type { Sample } from './harness.js';
import type { WidgetChart, WidgetRuns } from './widget-workload.js';
import type { ClvFitSummary, DeriveSummary, Row } from './workload.js';

export interface BrowserInfo {
  userAgent: string;
  hardwareConcurrency: number;
  /** Whether window.gc is available (Chromium started with --js-flags=--expose-gc). */
  exposedGc: boolean;
}

/** A worker fit: the parameters, and how the main thread fared while the worker ran. */
export interface ClvWorkerFit extends ClvFitSummary {
  /** Longest time between consecutive 20 ms interval ticks (the run's start and end included), in ms. */
  longestGapMs: number;
  /** Interval ticks during the run. */
  ticks: number;
}

/** What a chart run drew: its data marks (one symbol per row in both charts). */
export interface ChartRun {
  marks: number;
}

/** What the untimed dashboard set-up made. */
export interface DashboardPrepared {
  /** customer_clv rows (customers acquired by the calibration end). */
  clvCustomers: number;
  /** Wall time of the customer_clv fit in a Web Worker (untimed set-up). */
  clvFitMs: number;
  /** Rows of category_deciles_flat. */
  decileRows: number;
  widgets: number;
  /** The dashboard's query gate limit. */
  gateLimit: number;
}

export interface BrowserBench {
  info(): BrowserInfo;
  /** generateClvData once; the data set is kept for the DuckDB benchmarks. */
  generate(args: { customers: number }): Promise<Sample<{ transactions: number }>>;
  /** One DuckDB-WASM start (fresh worker, instantiate, open, connect); the previous one is terminated first. */
  instantiate(): Promise<Sample<{ version: string }>>;
  /** Untimed: terminates the last instantiate run, starts the adapter and loads customers and dates. */
  prepare(): Promise<{ customers: number; dates: number }>;
  /** adapter.loadColumns of the transactions, replacing the table. */
  load(): Promise<Sample<{ rows: number }>>;
  decile(): Promise<Sample<Row[]>>;
  /** The revenue query as hand-written SQL through adapter.sql(). */
  revenueSql(): Promise<Sample<Row[]>>;
  /** The revenue query as a semantic query through adapter.query(). */
  revenueSemantic(): Promise<Sample<Row[]>>;
  /** planQuery + compileToSql of the revenue query: the mean of `batch` compilations. */
  compile(args: { batch: number }): Promise<Sample<null>>;
  /** runDecileDerivation (DERIVE_DEFINITION) through the adapter; the tables' checksums are computed after the timed run. */
  deriveSql(): Promise<Sample<DeriveSummary>>;
  /** Untimed: fetches CDNOW master from the data middleware (/__data/…) and imports it with importFile. */
  prepareClv(): Promise<{ rows: number; bytes: number }>;
  /** runClvInWorker on CDNOW master (default worker URL), with a 20 ms interval on the main thread meanwhile. */
  clvFit(): Promise<Sample<ClvWorkerFit>>;
  /** `<clv-widget>` given a snapshot of `rows` rows: from setting `snapshot` to `rendered`, a fresh element per run. */
  widgetChart(args: { chart: WidgetChart; rows: number }): Promise<Sample<ChartRun>>;
  /** toVegaLite + vega-embed of the same spec and rows into a plain div of the same box. */
  vegaEmbedChart(args: { chart: WidgetChart; rows: number }): Promise<Sample<ChartRun>>;
  /** Untimed: customer_clv and the catalog's decile tables over the loaded data, then `<clv-dashboard>` opened on the CLV overview. */
  prepareDashboard(): Promise<DashboardPrepared>;
  /** The dashboard's filter change until every widget is drawn again. */
  dashboardFilterChange(): Promise<Sample<WidgetRuns>>;
  /** The same widgets' effective queries one after another on the same adapter (raw query times summed). */
  dashboardQueries(): Promise<Sample<WidgetRuns>>;
  /** Releases the data and the adapter. */
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    clvBench?: BrowserBench;
    gc?: () => void;
  }
}
