/**
 * The benchmark page (bench/index.html), served by vite and driven by bench/run.ts through
 * window.clvBench, one timed run per call. The DuckDB-WASM files come in as `?url` imports, so
 * vite serves them from node_modules with the right MIME types; nothing comes from a CDN.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { runClvInWorker, type ClvWorkerInput } from '../src/clv-worker/index.js';
import { runDecileDerivation } from '../src/derive/index.js';
import { createDuckDbAdapter, type DuckDbAdapter } from '../src/engines/duckdb/index.js';
import { importFile } from '../src/import/index.js';
import { CUSTOMERS_TABLE, DATES_TABLE, TRANSACTIONS_TABLE, clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { planQuery } from '../src/query/plan.js';
import { compileToSql } from '../src/query/sql.js';
import { generateClvData, type SyntheticData } from '../src/synthetic/index.js';
import { dashboardFilterChange, dashboardQueries, disposeDashboard, prepareDashboard } from './dashboard-page.js';
import { inProcess, yieldToEventLoop } from './harness.js';
import type { BrowserBench } from './protocol.js';
import { vegaEmbedChart, widgetChart } from './widget-page.js';
import {
  CDNOW_MASTER,
  CLV_SETTINGS,
  DECILE_SQL,
  DERIVE_DEFINITION,
  DERIVE_FLAT_SUMMARY_SQL,
  DERIVE_MAP_SUMMARY_SQL,
  REVENUE_QUERY,
  REVENUE_SQL,
  generateOptions,
} from './workload.js';

const bundle = { mainModule, mainWorker };
const status = document.querySelector('#status');
const show = (text: string) => {
  if (status) status.textContent = text;
};

/** Generous, so a slow (busy) machine shows as a slow figure rather than a timed-out query. */
const QUERY_TIMEOUT_MS = 600_000;

/** Before each run, outside the timed region: collect garbage (when exposed) and let pending messages through. */
async function settle(): Promise<void> {
  window.gc?.();
  await yieldToEventLoop();
}

interface RawDuckDb {
  db: AsyncDuckDB;
  worker: Worker;
  conn: AsyncDuckDBConnection;
}

/**
 * DuckDB-WASM start-up as the adapter does it (worker, instantiate the .wasm, open) plus a
 * connection, on a fresh worker. The adapter keeps one database per page for the page's
 * lifetime, so its own start can happen only once; this one can be repeated.
 */
async function startRawDuckDb(): Promise<RawDuckDb> {
  const worker = new Worker(mainWorker);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(mainModule);
  await db.open({});
  const conn = await db.connect();
  return { db, worker, conn };
}

/** The main thread's 20 ms interval ticks while `work` runs: the longest gap between them (start and end included). */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ value: T; longestGapMs: number; ticks: number }> {
  const times: number[] = [];
  const timer = setInterval(() => times.push(performance.now()), 20);
  const start = performance.now();
  try {
    const value = await work();
    const end = performance.now();
    const marks = [start, ...times.filter((t) => t >= start && t <= end), end];
    let longestGapMs = 0;
    for (let k = 1; k < marks.length; k++) longestGapMs = Math.max(longestGapMs, marks[k] - marks[k - 1]);
    return { value, longestGapMs, ticks: marks.length - 2 };
  } finally {
    clearInterval(timer);
  }
}

let data: SyntheticData | undefined;
let clvInput: ClvWorkerInput | undefined;
let raw: RawDuckDb | undefined;
let adapter: DuckDbAdapter | undefined;

async function stopRawDuckDb(): Promise<void> {
  const r = raw;
  raw = undefined;
  if (!r) return;
  await r.conn.close();
  await r.db.terminate();
  r.worker.terminate();
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`run ${what} first`);
  return value;
}

const runs = {
  decile: inProcess(() => need(adapter, 'prepare').sql(DECILE_SQL), { before: settle }),
  revenueSql: inProcess(() => need(adapter, 'prepare').sql(REVENUE_SQL), { before: settle }),
  revenueSemantic: inProcess(() => need(adapter, 'prepare').query(REVENUE_QUERY), { before: settle }),
};

const bench: BrowserBench = {
  info() {
    return { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency, exposedGc: typeof window.gc === 'function' };
  },

  async generate({ customers }) {
    show(`generate ${customers} customers`);
    const options = generateOptions(customers);
    const before = async () => {
      data = undefined;
      await settle();
    };
    const s = await inProcess(() => generateClvData(options), { before })();
    data = s.value;
    return { ms: s.ms, value: { transactions: data.transactions.amount.length } };
  },

  async instantiate() {
    show('instantiate');
    const before = async () => {
      await stopRawDuckDb();
      await settle();
    };
    const s = await inProcess(startRawDuckDb, { before })();
    raw = s.value;
    return { ms: s.ms, value: { version: await s.value.db.getVersion() } };
  },

  async prepare() {
    await stopRawDuckDb();
    const d = need(data, 'generate');
    show('prepare: start the adapter, load customers and dates');
    const a = adapter ?? createDuckDbAdapter({ bundle, model: clvDataModel, queryTimeoutMs: QUERY_TIMEOUT_MS });
    await a.ready();
    adapter = a;
    const customers = await a.loadColumns(CUSTOMERS_TABLE, loadColumnsOf(CUSTOMERS_TABLE), d.customers, { mode: 'replace' });
    const dates = await a.loadColumns(DATES_TABLE, loadColumnsOf(DATES_TABLE), d.dates, { mode: 'replace' });
    return { customers: customers.rows, dates: dates.rows };
  },

  async load() {
    show('load transactions');
    const d = need(data, 'generate');
    const a = need(adapter, 'prepare');
    const columns = loadColumnsOf(TRANSACTIONS_TABLE);
    const s = await inProcess(() => a.loadColumns(TRANSACTIONS_TABLE, columns, d.transactions, { mode: 'replace' }), { before: settle })();
    return { ms: s.ms, value: { rows: s.value.rows } };
  },

  async decile() {
    show('decile query');
    const s = await runs.decile();
    return { ms: s.ms, value: s.value.rows };
  },

  async revenueSql() {
    show('revenue query: hand-written SQL');
    const s = await runs.revenueSql();
    return { ms: s.ms, value: s.value.rows };
  },

  async revenueSemantic() {
    show('revenue query: semantic');
    const s = await runs.revenueSemantic();
    return { ms: s.ms, value: s.value.rows };
  },

  async compile({ batch }) {
    show('semantic compile');
    const s = await inProcess(() => compileToSql(planQuery(clvDataModel, REVENUE_QUERY)), { before: settle, batch })();
    return { ms: s.ms, value: null };
  },

  async deriveSql() {
    show('decile derivation (6 windows)');
    const a = need(adapter, 'prepare');
    const s = await inProcess(() => runDecileDerivation(a, DERIVE_DEFINITION, { model: clvDataModel }), { before: settle })();
    const flat = (await a.sql(DERIVE_FLAT_SUMMARY_SQL)).rows;
    const map = (await a.sql(DERIVE_MAP_SUMMARY_SQL)).rows;
    return { ms: s.ms, value: { flat, map } };
  },

  async prepareClv() {
    show('prepare: fetch and import CDNOW master');
    const url = `/__data/${CDNOW_MASTER}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`CDNOW master file missing: GET ${url} answered HTTP ${response.status}: ${(await response.text()).trim()}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const imported = await importFile(bytes, CDNOW_MASTER.split('/').pop() ?? CDNOW_MASTER);
    const d = imported.data;
    if (!d.customer_id || !d.ts || !d.amount) throw new Error(`${url}: the import found no customer_id, ts and amount columns`);
    clvInput = { transactions: { customer_id: d.customer_id, ts: d.ts, amount: d.amount }, ...CLV_SETTINGS };
    return { rows: imported.rowCount, bytes: bytes.length };
  },

  async clvFit() {
    show('CLV fit in a Web Worker');
    const input = need(clvInput, 'prepareClv');
    await settle();
    const start = performance.now();
    const run = await whileTicking(() => runClvInWorker(input));
    const ms = performance.now() - start;
    const r = run.value;
    return {
      ms,
      value: { rows: r.rows, bgnbd: r.bgnbd.params, gammaGamma: r.gammaGamma.params, longestGapMs: run.longestGapMs, ticks: run.ticks },
    };
  },

  async widgetChart({ chart, rows }) {
    show(`widget: ${chart} chart, ${rows} rows`);
    return widgetChart(chart, rows);
  },

  async vegaEmbedChart({ chart, rows }) {
    show(`vega-embed: ${chart} chart, ${rows} rows`);
    return vegaEmbedChart(chart, rows);
  },

  async prepareDashboard() {
    show('prepare: customer_clv, decile tables and the dashboard');
    const stage = document.querySelector<HTMLElement>('#stage');
    if (!stage) throw new Error('the page has no #stage element');
    need(adapter, 'prepare');
    return prepareDashboard({ data: need(data, 'generate'), bundle, queryTimeoutMs: QUERY_TIMEOUT_MS, stage });
  },

  async dashboardFilterChange() {
    show('dashboard: filter change');
    return dashboardFilterChange();
  },

  async dashboardQueries() {
    show('dashboard: the queries one after another');
    return dashboardQueries();
  },

  async dispose() {
    await disposeDashboard();
    data = undefined;
    clvInput = undefined;
    await stopRawDuckDb();
    const a = adapter;
    adapter = undefined;
    await a?.close();
  },
};

window.clvBench = bench;
show('ready');
