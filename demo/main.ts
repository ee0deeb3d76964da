// The demo portal: DuckDB-WASM in the browser, synthetic CLV data generated and loaded with
// progress, charts through the semantic layer, CLV tables kept by refresh jobs, and a file import
// into the same database.
//   ?customers=20000  synthetic customers (1,000 – 1,000,000)    ?seed=42  generator seed
import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { html, nothing, render } from 'lit';
import '../components/index.js';
import type { ClvFileImport } from '../components/file-import/file-import.js';
import type { ImportSummary } from '../components/file-import/import-summary.js';
import type { LoadState } from '../components/load-progress/load-progress.js';
import type { ClvDataProvider } from '../components/data-provider/data-provider.js';
import type { ClvQueryChart } from '../components/query-chart/query-chart.js';
import type { ChartClickDetail } from '../components/shared/events.js';
import { formatNumber, formatValue } from '../components/shared/format.js';
import type { LoadProgress } from '../src/contracts/loader.js';
import { createDuckDbAdapter, type DuckDbAdapter } from '../src/engines/duckdb/index.js';
import type { RefreshRun, RefreshScheduler } from '../src/refresh/index.js';
import { generateClvDataAsync, type SyntheticData } from '../src/synthetic/index.js';
import { loadSynthetic, syntheticCounts } from './load-synthetic.js';
import { demoQueries, type DemoQueries } from './queries.js';
import { clvQueries, createClvRefresh, demoModel, JOBS, newPurchases } from './clv-refresh.js';

const params = new URLSearchParams(location.search);
const clampInt = (value: string | null, fallback: number, min: number, max: number) => {
  const n = Math.round(Number(value ?? fallback));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};
const CUSTOMERS = clampInt(params.get('customers'), 20_000, 1_000, 1_000_000);
const SEED = clampInt(params.get('seed'), 42, -2_147_483_648, 2_147_483_647);
const SPAN = { start: '2023-01-01', end: '2024-12-31' };
const BUNDLE = { mainModule, mainWorker };
const NEW_PURCHASES = 500;

interface Stage {
  label: string;
  state: LoadState;
  progress?: LoadProgress;
  message?: string;
  phaseLabels?: Record<string, string>;
}

type Source =
  | { kind: 'synthetic'; customers: number; transactions: number }
  | { kind: 'import'; summary: ImportSummary };

interface SampleFile {
  label: string;
  path: string;
}

const state: {
  stages: Stage[];
  adapter?: DuckDbAdapter;
  synthetic?: SyntheticData;
  source?: Source;
  queries: DemoQueries;
  selection?: string;
  samples: SampleFile[];
  restoring: boolean;
  clv: { stages: Stage[]; scheduler?: RefreshScheduler; ready: boolean; busy: boolean; batches: number; note?: string };
} = {
  stages: [
    { label: 'DuckDB-WASM', state: 'loading', phaseLabels: { download: 'Downloading the engine', instantiate: 'Compiling', ready: 'Ready' } },
    { label: `Synthetic data: ${formatNumber(CUSTOMERS, ',d')} customers`, state: 'loading', phaseLabels: { customers: 'Generating customers and purchases' } },
    { label: 'Loading into DuckDB', state: 'loading', phaseLabels: { customers: 'Customers', transactions: 'Transactions', dates: 'Calendar' } },
  ],
  queries: demoQueries(),
  samples: [],
  restoring: false,
  clv: {
    stages: [
      { label: 'Spend deciles by product category', state: 'loading' },
      {
        label: 'Customer CLV (Web Worker)',
        state: 'loading',
        phaseLabels: { summary: 'Summarising purchases', bgnbd: 'Fitting BG/NBD', 'gamma-gamma': 'Fitting Gamma-Gamma', predict: 'Forecasting', rank: 'Ranking' },
      },
    ],
    ready: false,
    busy: true,
    batches: 0,
  },
};
const clvQ = clvQueries();

const app = document.getElementById('app')!;
let frame = 0;
/** Re-renders on the next frame (progress callbacks arrive far more often than frames). */
function update(): void {
  if (!frame) frame = requestAnimationFrame(() => {
    frame = 0;
    render(view(), app);
  });
}

const seconds = (since: number) => `${formatNumber((performance.now() - since) / 1000, ',.1f')} s`;

function setStage(i: number, patch: Partial<Stage>): void {
  state.stages[i] = { ...state.stages[i], ...patch };
  update();
}

async function start(): Promise<void> {
  const t0 = performance.now();
  const adapter = createDuckDbAdapter({
    bundle: BUNDLE,
    model: demoModel,
    onProgress: (p) => setStage(0, { progress: { phase: p.phase, done: p.loaded, total: p.total } }),
  });
  const duckdb = adapter.ready().then(
    () => setStage(0, { state: 'done', message: `Started in ${seconds(t0)}.` }),
    (error: unknown) => {
      setStage(0, { state: 'error', message: messageOf(error) });
      throw error;
    },
  );
  let data: SyntheticData;
  try {
    const t1 = performance.now();
    data = await generateClvDataAsync({
      seed: SEED,
      customers: CUSTOMERS,
      ...SPAN,
      onProgress: (p) => setStage(1, { progress: p }),
    });
    const counts = syntheticCounts(data);
    setStage(1, {
      state: 'done',
      message: `${formatNumber(counts.customers, ',d')} customers and ${formatNumber(counts.transactions, ',d')} purchases (${SPAN.start} – ${SPAN.end}) in ${seconds(t1)}.`,
    });
  } catch (error) {
    setStage(1, { state: 'error', message: messageOf(error) });
    setStage(2, { state: 'error', message: 'Nothing to load.' });
    return;
  }
  try {
    await duckdb;
  } catch {
    setStage(2, { state: 'error', message: 'DuckDB did not start.' });
    return;
  }
  try {
    const t2 = performance.now();
    const rows = await loadSynthetic(adapter, data, (p) => setStage(2, { progress: p }));
    setStage(2, { state: 'done', message: `${Object.entries(rows).map(([t, n]) => `${t} ${formatNumber(n, ',d')}`).join(', ')} rows in ${seconds(t2)}.` });
    const counts = syntheticCounts(data);
    state.adapter = adapter;
    state.synthetic = data;
    state.source = { kind: 'synthetic', customers: counts.customers, transactions: counts.transactions };
    update();
  } catch (error) {
    setStage(2, { state: 'error', message: messageOf(error) });
    return;
  }
  await startClv();
}

function setClvStage(i: number, patch: Partial<Stage>): void {
  state.clv.stages[i] = { ...state.clv.stages[i], ...patch };
  update();
}

/** Runs the refresh jobs one after the other, showing each as a stage; false when one failed. */
async function runClvJobs(): Promise<boolean> {
  const scheduler = state.clv.scheduler!;
  JOBS.forEach((_, i) => setClvStage(i, { state: 'loading', progress: undefined, message: undefined }));
  for (const [i, job] of JOBS.entries()) {
    const run: RefreshRun = await scheduler.runNow(job.id);
    const ms = Date.parse(run.end) - Date.parse(run.start);
    if (run.status !== 'success') {
      setClvStage(i, { state: 'error', message: run.error });
      return false;
    }
    setClvStage(i, {
      state: 'done',
      message: `${formatNumber(run.rowsProcessed, ',d')} purchases read, ${formatNumber(run.rowsWritten, ',d')} rows written in ${formatNumber(ms / 1000, ',.1f')} s.`,
    });
  }
  return true;
}

/** Resolves when the charts on the page have drawn: DuckDB-WASM runs one statement at a time, so the CLV jobs wait. */
async function chartsDrawn(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await Promise.all([...document.querySelectorAll<ClvQueryChart>('clv-query-chart')].map((c) => c.rendered));
}

/** Derives the CLV tables once the dashboard is up, then arms the daily jobs. */
async function startClv(): Promise<void> {
  try {
    await chartsDrawn();
    state.clv.scheduler = await createClvRefresh(BUNDLE, (p) => setClvStage(1, { progress: { phase: p.phase, done: Math.round(p.fraction * 1000), total: 1000 } }));
    state.clv.ready = await runClvJobs();
    await state.clv.scheduler.start();
  } catch (error) {
    state.clv.stages.forEach((_, i) => setClvStage(i, { state: 'error', message: messageOf(error) }));
  } finally {
    state.clv.busy = false;
    update();
  }
}

/** Appends generated purchases through the adapter and refreshes: every chart reading a changed table re-runs. */
async function addPurchasesAndRefresh(): Promise<void> {
  const { adapter, synthetic, source } = state;
  if (!adapter || !synthetic || state.clv.busy) return;
  state.clv.busy = true;
  state.clv.note = undefined;
  update();
  try {
    const t0 = performance.now();
    const rows = newPurchases(synthetic.customers, NEW_PURCHASES, ++state.clv.batches);
    await adapter.append('transactions', rows);
    // The overview charts read transactions; the CLV charts follow the scheduler's table updates.
    document.querySelector<ClvDataProvider>('clv-data-provider')?.notifyDataChanged(['transactions']);
    if (source?.kind === 'synthetic') state.source = { ...source, transactions: source.transactions + rows.length };
    const ok = await runClvJobs();
    state.clv.note = ok ? `Added ${formatNumber(rows.length, ',d')} purchases (December 2024) and refreshed both tables in ${seconds(t0)}.` : 'A refresh job failed.';
  } catch (error) {
    state.clv.note = messageOf(error);
  } finally {
    state.clv.busy = false;
    update();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Offers the shared sample files when the dev server serves them (npm start inside the workspace). */
async function findSamples(): Promise<void> {
  try {
    const info = (await (await fetch('/__data-info')).json()) as { exists: boolean };
    if (!info.exists) return;
    state.samples = [
      { label: 'CDNOW purchases (whitespace text, no header)', path: 'cdnow/CDNOW_master.txt' },
      { label: 'Online Retail II 2009–2010 (gzipped CSV)', path: 'online-retail/online_retail_II_2009-2010.csv.gz' },
    ];
    update();
  } catch {
    // No shared data on this server: the picker alone is offered.
  }
}

async function importSample(sample: SampleFile): Promise<void> {
  const importer = document.querySelector<ClvFileImport>('clv-file-import');
  if (!importer) return;
  const response = await fetch(`/__data/${sample.path}`);
  if (!response.ok) return;
  const name = sample.path.split('/').pop()!;
  await importer.selectFile(new File([await response.blob()], name));
}

function onImported(event: CustomEvent<ImportSummary>): void {
  if (event.detail.rowsImported === 0) return;
  state.source = { kind: 'import', summary: event.detail };
  state.queries = demoQueries();
  state.selection = undefined;
  update();
}

async function restoreSynthetic(): Promise<void> {
  if (!state.adapter || !state.synthetic) return;
  state.restoring = true;
  update();
  try {
    await loadSynthetic(state.adapter, state.synthetic, () => undefined);
    const counts = syntheticCounts(state.synthetic);
    state.source = { kind: 'synthetic', customers: counts.customers, transactions: counts.transactions };
    state.queries = demoQueries();
    state.selection = undefined;
  } finally {
    state.restoring = false;
    update();
  }
}

function onChartClick(event: CustomEvent<ChartClickDetail>): void {
  const { datum, columns } = event.detail;
  state.selection = columns.map((c) => `${c.label}: ${formatValue(datum[c.name], c)}`).join(' · ');
  update();
}

function sourceLine(source: Source): string {
  if (source.kind === 'synthetic')
    return `Synthetic data (seed ${SEED}): ${formatNumber(source.customers, ',d')} customers, ${formatNumber(source.transactions, ',d')} purchases, ${SPAN.start} – ${SPAN.end}.`;
  const s = source.summary;
  const span = s.dateRange ? `, ${s.dateRange.from} – ${s.dateRange.to}` : '';
  return `Imported ${s.fileName}: ${formatNumber(s.rowsImported, ',d')} purchases of ${formatNumber(s.loaded.customers ?? 0, ',d')} customers${span}.`;
}

function setupView() {
  const ready = state.stages.every((s) => s.state === 'done');
  return html`<section class="card" aria-labelledby="setup-title">
    <h2 id="setup-title">${ready ? 'Ready' : 'Getting ready'}</h2>
    <div class="stages">
      ${state.stages.map(
        (s) => html`<clv-load-progress
          label=${s.label}
          state=${s.state}
          .progress=${s.progress}
          .phaseLabels=${s.phaseLabels ?? {}}
          message=${s.message ?? nothing}
        >
          <button slot="actions" class="button" type="button" @click=${() => location.reload()}>Reload the page</button>
        </clv-load-progress>`,
      )}
    </div>
  </section>`;
}

function clvView() {
  const clv = state.clv;
  return html`<section class="card" aria-labelledby="clv-title">
    <div class="card__head">
      <h2 id="clv-title">CLV</h2>
      <p class="muted">
        Refresh jobs rebuild the decile and customer_clv tables on a second DuckDB connection (daily, UTC); the CLV model is fitted in a Web Worker.
      </p>
    </div>
    <div class="stages">
      ${clv.stages.map(
        (s) => html`<clv-load-progress label=${s.label} state=${s.state} .progress=${s.progress} .phaseLabels=${s.phaseLabels ?? {}} message=${s.message ?? nothing}></clv-load-progress>`,
      )}
    </div>
    ${clv.ready
      ? html`<div class="clv-actions">
            <button class="button" type="button" ?disabled=${clv.busy} @click=${addPurchasesAndRefresh}>
              ${clv.busy ? 'Refreshing…' : `Add ${NEW_PURCHASES} new purchases and refresh`}
            </button>
            <p class="muted" role="status">${clv.note ?? ''}</p>
          </div>
          <div class="numbers">
            <clv-query-chart mark="big-number" label="Total CLV, next 52 weeks" .query=${clvQ.totals} y="customer_clv.clv_total"></clv-query-chart>
            <clv-query-chart mark="big-number" label="Average P(alive)" .query=${clvQ.totals} y="customer_clv.p_alive_avg"></clv-query-chart>
            <clv-query-chart mark="big-number" label="Customers with a forecast" .query=${clvQ.totals} y="customer_clv.customers"></clv-query-chart>
          </div>
          <div class="grid">
            <clv-query-chart mark="bar" label="CLV by decile" .query=${clvQ.clvByDecile} height="260"></clv-query-chart>
            <clv-query-chart mark="bar" label="P(alive) by CLV decile" .query=${clvQ.pAliveByDecile} height="260"></clv-query-chart>
          </div>
          <clv-query-chart
            mark="bar"
            label="Top-decile spenders per product category, December 2024"
            .query=${clvQ.topDecileLastMonth}
            height="260"
          ></clv-query-chart>`
      : nothing}
  </section>`;
}

function dashboardView(adapter: DuckDbAdapter, source: Source) {
  const q = state.queries;
  return html`<clv-data-provider .adapter=${adapter} .scheduler=${state.clv.scheduler} @clv-chart-click=${onChartClick}>
    <section class="card" aria-labelledby="overview-title">
      <div class="card__head">
        <h2 id="overview-title">Overview</h2>
        <p class="muted">${sourceLine(source)}</p>
        ${source.kind === 'import'
          ? html`<button class="button" type="button" ?disabled=${state.restoring} @click=${restoreSynthetic}>
              ${state.restoring ? 'Restoring…' : 'Back to the synthetic data'}
            </button>`
          : nothing}
      </div>
      <div class="numbers">
        <clv-query-chart mark="big-number" label="Revenue" .query=${q.totals} y="transactions.revenue"></clv-query-chart>
        <clv-query-chart mark="big-number" label="Purchases" .query=${q.totals} y="transactions.count"></clv-query-chart>
        <clv-query-chart mark="big-number" label="Customers" .query=${q.totals} y="transactions.customers"></clv-query-chart>
        <clv-query-chart mark="big-number" label="Average order value" .query=${q.totals} y="transactions.avg_order_value"></clv-query-chart>
      </div>
    </section>
    <section class="card" aria-labelledby="revenue-title">
      <h2 id="revenue-title" class="visually-hidden">Revenue</h2>
      <clv-query-chart mark="bar" label="Monthly revenue by channel" .query=${q.monthlyRevenueByChannel} height="320"></clv-query-chart>
      <p class="selection muted" role="status">${state.selection ? `Selected: ${state.selection}` : 'Click a bar, or focus the chart and use the arrow keys and Enter, to select a month.'}</p>
    </section>
    <div class="grid">
      <section class="card" aria-label="Revenue by loyalty tier">
        <clv-query-chart mark="bar" label="Revenue by loyalty tier" .query=${q.revenueByTier} height="260"></clv-query-chart>
      </section>
      <section class="card" aria-label="Customers per month">
        <clv-query-chart mark="line" label="Customers buying each month" .query=${q.monthlyCustomers} height="260"></clv-query-chart>
      </section>
    </div>
    <section class="card" aria-label="Categories">
      <clv-query-chart mark="table" label="Revenue by product category" .query=${q.categories} height="320"></clv-query-chart>
    </section>
    ${source.kind === 'synthetic' ? clvView() : nothing}
  </clv-data-provider>`;
}

function importView(adapter: DuckDbAdapter | undefined) {
  return html`<section class="card" aria-labelledby="import-title">
    <h2 id="import-title">Import your own transactions</h2>
    <p class="muted">
      The file is read in this browser and loaded into the same DuckDB, replacing the synthetic tables; the charts above then show
      it.
    </p>
    ${adapter
      ? html`<clv-file-import .loader=${adapter} @clv-import-complete=${onImported}></clv-file-import>
          ${state.samples.length
            ? html`<div class="samples">
                <span class="muted">Or try a sample file:</span>
                ${state.samples.map((s) => html`<button class="button" type="button" @click=${() => importSample(s)}>${s.label}</button>`)}
              </div>`
            : nothing}`
      : html`<p class="muted">Available once DuckDB is ready.</p>`}
  </section>`;
}

function view() {
  return html`${setupView()} ${state.adapter && state.source ? dashboardView(state.adapter, state.source) : nothing} ${importView(state.adapter)}`;
}

update();
void findSamples();
void start();
