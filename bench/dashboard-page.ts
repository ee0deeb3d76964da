/**
 * The dashboard benchmark on the page: `<clv-dashboard>` showing the CLV overview example (ten
 * widgets, one query gate of 4) over the generated data in DuckDB-WASM, timed from a filter
 * change to every widget's `rendered`; against the same ten effective queries (and the big
 * number's comparison) run one after another on the same adapter.
 */
import '../components/dashboard/define.js';
import type { ClvDashboard } from '../components/dashboard/dashboard.js';
import type { ClvWidget } from '../components/widget/widget.js';
import { comparisonQuery } from '../components/widget/widget-queries.js';
import { runClvInWorker } from '../src/clv-worker/index.js';
import { customerClvLoadColumns } from '../src/clv/customer-clv-table.js';
import type { DataModel } from '../src/contracts/data-model.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import type { ResultSet } from '../src/contracts/result.js';
import { clvOverviewDashboard } from '../src/dashboards/examples.js';
import { applyDashboardFilters } from '../src/dashboards/filters.js';
import { parseDashboardSpec } from '../src/dashboards/parse.js';
import type { DashboardFilterState, DashboardSpec } from '../src/dashboards/spec.js';
import { MemoryDashboardStore } from '../src/dashboards/stores/memory-store.js';
import { runDecileDerivation } from '../src/derive/index.js';
import { createDuckDbAdapter, type DuckDbAdapter, type DuckDbBundle } from '../src/engines/duckdb/index.js';
import type { SyntheticData } from '../src/synthetic/index.js';
import { CATALOG_DECILE_DEFINITION, catalogModel } from '../src/widgets/catalog.js';
import type { Sample } from './harness.js';
import type { DashboardPrepared } from './protocol.js';
import { canonicalJson, DASHBOARD_CLV_SETTINGS, DASHBOARD_FILTERS, DASHBOARD_NOW, type WidgetRuns } from './widget-workload.js';

interface Open {
  adapter: DuckDbAdapter;
  element: ClvDashboard;
  spec: DashboardSpec;
  model: DataModel;
}

let open: Open | undefined;

function need(): Open {
  if (!open) throw new Error('run prepareDashboard first');
  return open;
}

/** Polls `ready` after each update of the element, up to `timeoutMs`. */
async function until(element: ClvDashboard, ready: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`the dashboard did not get there within ${timeoutMs / 1000} s: ${what}`);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const widgetId = (w: ClvWidget): string => w.closest<HTMLElement>('[data-widget-id]')?.dataset.widgetId ?? '?';

/** Applies a filter state and waits until every widget shows its outcome. */
async function show(o: Open, state: DashboardFilterState): Promise<void> {
  o.element.applyFilters(state);
  await o.element.updateComplete;
  await Promise.all(o.element.widgets.map((w) => w.rendered));
}

/** What each widget shows: its effective query and row counts; a widget in the error state fails the run. */
function shown(o: Open): WidgetRuns {
  const out: WidgetRuns = {};
  for (const w of o.element.widgets) {
    const id = widgetId(w);
    if (w.state === 'error') throw new Error(`widget ${id} failed: ${w.error?.message ?? 'unknown error'}`);
    const spec = w.effectiveSpec;
    if (!spec || (w.state !== 'data' && w.state !== 'empty')) throw new Error(`widget ${id} ended in state ${w.state}`);
    const comparison = w.comparison;
    out[id] = { query: canonicalJson(spec.data), rows: w.result?.rows.length ?? 0, ...(comparison ? { comparisonRows: comparison.rows.length } : {}) };
  }
  return out;
}

/**
 * Untimed: the tables the ten widgets read besides customers, transactions and dates —
 * customer_clv (BG/NBD + Gamma-Gamma fitted in a Web Worker over the generated transactions) and
 * the catalog's decile tables (runDecileDerivation in DuckDB) — then the dashboard, opened on
 * the "from" filters with every widget drawn.
 */
export async function prepareDashboard(options: { data: SyntheticData; bundle: DuckDbBundle; queryTimeoutMs: number; stage: HTMLElement }): Promise<DashboardPrepared> {
  await disposeDashboard();
  const model = catalogModel();
  // Same bundle, so the same database as the other benchmarks: the tables loaded there are shared.
  const adapter = createDuckDbAdapter({ bundle: options.bundle, model, queryTimeoutMs: options.queryTimeoutMs });
  const t = options.data.transactions;
  if (!t.customer_id || !t.ts || !t.amount) throw new Error('the generated transactions lack customer_id, ts or amount');
  const fitStart = performance.now();
  const fit = await runClvInWorker({ transactions: { customer_id: t.customer_id, ts: t.ts, amount: t.amount }, ...DASHBOARD_CLV_SETTINGS });
  const clvFitMs = performance.now() - fitStart;
  await adapter.loadColumns('customer_clv', customerClvLoadColumns(model), fit.data as unknown as ColumnarData, { mode: 'replace' });
  const deciles = await runDecileDerivation(adapter, CATALOG_DECILE_DEFINITION, { model });

  const parsed = parseDashboardSpec(clvOverviewDashboard);
  if (!parsed.success) throw new Error(`the CLV overview dashboard is not valid: ${parsed.message}`);
  const store = new MemoryDashboardStore();
  const stored = await store.create(parsed.spec);
  const element = document.createElement('clv-dashboard') as ClvDashboard;
  element.id = 'clv-bench-dashboard';
  element.store = store;
  element.adapter = adapter;
  element.now = DASHBOARD_NOW;
  element.dashboardId = stored.spec.id;
  options.stage.append(element);
  open = { adapter, element, spec: stored.spec, model: await adapter.describe() };
  const count = stored.spec.widgets.length;
  await until(element, () => element.state === 'view' && element.widgets.length === count, `view with ${count} widgets`);
  await show(open, DASHBOARD_FILTERS.from);
  shown(open);
  return { clvCustomers: fit.rows, clvFitMs, decileRows: deciles.rows.flat, widgets: count, gateLimit: element.maxConcurrentQueries };
}

async function settle(): Promise<void> {
  window.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** One timed filter change: back on the "from" filters first (untimed), then from → to until every widget is drawn. */
export async function dashboardFilterChange(): Promise<Sample<WidgetRuns>> {
  const o = need();
  await show(o, DASHBOARD_FILTERS.from);
  await settle();
  const start = performance.now();
  await show(o, DASHBOARD_FILTERS.to);
  const ms = performance.now() - start;
  return { ms, value: shown(o) };
}

/** The baseline: each widget's effective query under the "to" filters (and a big number's comparison), one after another, raw query times summed. */
export async function dashboardQueries(): Promise<Sample<WidgetRuns>> {
  const { adapter, spec, model } = need();
  await settle();
  const out: WidgetRuns = {};
  let ms = 0;
  const timed = async (run: () => Promise<ResultSet>): Promise<ResultSet> => {
    const start = performance.now();
    const result = await run();
    ms += performance.now() - start;
    return result;
  };
  for (const widget of spec.widgets) {
    const effective = applyDashboardFilters(widget, spec, DASHBOARD_FILTERS.to, { now: DASHBOARD_NOW, model }).spec;
    const data = effective.data;
    const result = await timed(() => (data.kind === 'semantic' ? adapter.query(data.query, { now: DASHBOARD_NOW }) : adapter.sql(data.sql, data.params)));
    const reference = comparisonQuery(effective, DASHBOARD_NOW);
    const comparison = reference ? await timed(() => adapter.query(reference, { now: DASHBOARD_NOW })) : undefined;
    out[widget.id] = { query: canonicalJson(data), rows: result.rows.length, ...(comparison ? { comparisonRows: comparison.rows.length } : {}) };
  }
  return { ms, value: out };
}

export async function disposeDashboard(): Promise<void> {
  const o = open;
  open = undefined;
  if (!o) return;
  o.element.remove();
  await o.adapter.close();
}
