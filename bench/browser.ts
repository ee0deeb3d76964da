/**
 * The benchmark page (bench/index.html), served by vite and driven by bench/run.ts through
 * window.clvBench, one timed run per call. The DuckDB-WASM files come in as `?url` imports, so
 * vite serves them from node_modules with the right MIME types; nothing comes from a CDN.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { createDuckDbAdapter, type DuckDbAdapter } from '../src/engines/duckdb/index.js';
import { CUSTOMERS_TABLE, DATES_TABLE, TRANSACTIONS_TABLE, clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { planQuery } from '../src/query/plan.js';
import { compileToSql } from '../src/query/sql.js';
import { generateClvData, type SyntheticData } from '../src/synthetic/index.js';
import { inProcess, yieldToEventLoop } from './harness.js';
import type { BrowserBench } from './protocol.js';
import { DECILE_SQL, REVENUE_QUERY, REVENUE_SQL, generateOptions } from './workload.js';

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

let data: SyntheticData | undefined;
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

  async dispose() {
    data = undefined;
    await stopRawDuckDb();
    const a = adapter;
    adapter = undefined;
    await a?.close();
  },
};

window.clvBench = bench;
show('ready');
