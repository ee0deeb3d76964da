/**
 * The benchmark steps. Each comparison runs its Node and Chromium contenders interleaved run by
 * run, so a ratio compares runs made under the same machine load; result checks make sure both
 * sides did the same work.
 */
import { clvDataModel } from '../src/model/clv-model.js';
import { planQuery } from '../src/query/plan.js';
import { compileToSql } from '../src/query/sql.js';
import { measureBundleSizes } from './bundle-sizes.js';
import { NodeSide } from './node-side.js';
import { PageSide } from './page-side.js';
import { formatBytes, type Environment, type EntryRef, type EnvironmentInfo } from './report.js';
import { errorMessage, type Contender, type Runner, type Skipped } from './runner.js';
import type { ChartRun, ClvWorkerFit } from './protocol.js';
import { DASHBOARD_FILTERS, DASHBOARD_NOW, WIDGET_BOX, WIDGET_CHARTS, WIDGET_ROWS, diffWidgetRuns, shortCount, type WidgetChart, type WidgetRuns } from './widget-workload.js';
import {
  CLV_PARAMS_TOLERANCE,
  CLV_SETTINGS,
  DECILE_KEYS,
  DECILE_SQL,
  DECILE_VALUES,
  DERIVE_DEFINITION,
  REVENUE_KEYS,
  REVENUE_QUERY,
  REVENUE_SQL,
  REVENUE_VALUES,
  diffClvParams,
  diffDeriveSummaries,
  diffRows,
  generateOptions,
  summaryRows,
  total,
  type ClvFitSummary,
  type DeriveSummary,
  type Sizes,
} from './workload.js';

export const NAMES = {
  generate: 'generate',
  instantiate: 'duckdb instantiate',
  load: 'duckdb load transactions',
  decile: 'decile query',
  revenueSql: 'revenue query: hand-written SQL',
  revenueSemantic: 'revenue query: semantic',
  compile: 'semantic compile',
  deriveSql: 'decile derivation (6 windows): SQL',
  deriveJs: 'decile derivation (6 windows): JS',
  clvFit: 'clv fit (CDNOW master)',
  clvGap: 'clv fit: main-thread longest gap',
  sizes: 'bundle sizes',
  dashboard: 'dashboard: filter change, 10 widgets',
  dashboardQueries: 'dashboard: its 10 queries in sequence',
} as const;

/** "widget: point chart, 10k rows" and its baseline "vega-embed: point chart, 10k rows". */
export const widgetName = (chart: WidgetChart, rows: number): string => `widget: ${chart} chart, ${shortCount(rows)} rows`;
export const vegaEmbedName = (chart: WidgetChart, rows: number): string => `vega-embed: ${chart} chart, ${shortCount(rows)} rows`;

/** "last 12 months, tier all → last 90 days, tier Gold" */
function describeFilters(state: (typeof DASHBOARD_FILTERS)['from']): string {
  const range = state.dateRange?.kind === 'preset' ? state.dateRange.preset : 'no date range';
  const tiers = state.global.tier ?? [];
  return `${range}, tier ${tiers.length ? tiers.join('/') : 'all'}`;
}

export interface SuiteOptions {
  sizes: Sizes;
  root: string;
  /** false: Node only (--node-only). */
  chromium: boolean;
  findChromium: () => string | null;
  /** Longest a single run on the page may take before the page is given up. */
  runTimeoutMs: number;
}

export interface SuiteOutcome {
  environments: Partial<Record<Environment, EnvironmentInfo>>;
  customers: number | null;
  transactions: number | null;
}

/** Steps shown as [i/n] progress lines. */
export const stepCount = (chromium: boolean): number => (chromium ? 17 : 12);

const nodeRef = (name: string): EntryRef => ({ name, environment: 'node' });
const pageRef = (name: string): EntryRef => ({ name, environment: 'chromium' });

export async function runSuite(runner: Runner, options: SuiteOptions): Promise<SuiteOutcome> {
  const { sizes } = options;
  const it = sizes.iterations;
  const node = new NodeSide();
  const outcome: SuiteOutcome = { environments: {}, customers: null, transactions: null };
  const note = (message: string) => runner.progress.note(message);
  const envs = (options.chromium ? 'node⇄chromium' : 'node').padEnd(14);
  let page: PageSide | undefined;
  /** Why the page cannot run anything (null: it can). */
  let pageDown: string | null = null;

  /** The Chromium contender(s): none for --node-only, or skipped with the reason something it needs failed. */
  function onPage<T>(refName: string, make: (p: PageSide) => Contender<T>, needs: string | null = null): Array<Contender<T> | Skipped> {
    if (!options.chromium) return [];
    const down = pageDown ?? (page && !page.usable ? 'the page stopped answering' : null) ?? needs;
    if (down || !page) return [{ ref: pageRef(refName), skip: down ?? 'the benchmark page did not start' }];
    return [make(page)];
  }

  try {
    // 0. Bundle sizes: bytes, not times (the builds go to memory, never to dist/).
    const bundle = await runner.task(
      `${'node'.padEnd(14)} ${NAMES.sizes} (vite build in memory, gzip level 9)`,
      [nodeRef(NAMES.sizes)],
      () => measureBundleSizes(options.root),
      (b) => `${b.sizes.map((x) => `${x.name} ${formatBytes(x.files.reduce((n, f) => n + f.gzipBytes, 0))}`).join(', ')} (gzip)`,
    );
    if (bundle) {
      runner.sizes.push(...bundle.sizes);
      const staticVega = bundle.componentsExternal.filter((m) => /^vega($|-|\/)/.test(m));
      runner.check(
        'vega loads with the first chart: the components entry imports none of it statically',
        staticVega.length ? `the components entry imports ${staticVega.join(', ')} statically` : null,
        bundle.componentsDynamic.includes('vega-embed') ? 'vega-embed is a dynamic import of the components entry' : 'no vega module among its imports',
      );
    }

    // 1. Calibration: customers for ~target transactions at this seed and span.
    const customers = await runner.task(
      `${'node'.padEnd(14)} calibrate generator size`,
      [nodeRef(NAMES.generate), ...(options.chromium ? [pageRef(NAMES.generate)] : [])],
      async () => node.calibrate(sizes.targetTransactions),
      (n) => `${n.toLocaleString('en-US')} customers for ~${sizes.targetTransactions.toLocaleString('en-US')} transactions`,
    );

    // 2. The page: vite dev server + headless Chromium.
    if (options.chromium) {
      page = await runner.task(
        `${'chromium'.padEnd(14)} start the benchmark page (vite + playwright-core)`,
        [pageRef('start page')],
        async () => {
          const chromePath = options.findChromium();
          if (!chromePath) throw new Error('no Chromium found: install chromium or set CHROME_PATH');
          return PageSide.start({ root: options.root, chromePath, runTimeoutMs: options.runTimeoutMs, note });
        },
        (p) => `Chromium ${String(p.info.chromium)} at ${p.url}`,
      );
      if (!page) pageDown = 'the benchmark page did not start';
    }

    // 3. Generator throughput, the same options on both sides.
    const gen = customers === undefined ? undefined : generateOptions(customers);
    const genDetail = gen ? `generateClvData, ${gen.customers} customers, ${gen.start}..${gen.end}, seed ${gen.seed}` : '';
    const txWork = (last: { transactions: number }) => ({ count: last.transactions, unit: 'tx' });
    const [genNode, genPage] = await runner.compare<{ transactions: number }>(
      `${envs} generate${customers ? ` (${customers.toLocaleString('en-US')} customers)` : ''}`,
      [
        gen
          ? { ref: nodeRef(NAMES.generate), run: node.generate(gen), detail: genDetail, work: txWork }
          : { ref: nodeRef(NAMES.generate), skip: 'calibration failed' },
        ...onPage(
          NAMES.generate,
          (p) => ({
            ref: pageRef(NAMES.generate),
            run: p.generate(customers ?? 0),
            detail: `${genDetail}, on the page's main thread`,
            work: txWork,
            baseline: nodeRef(NAMES.generate),
          }),
          gen ? null : 'calibration failed',
        ),
      ],
      { iterations: it.generate },
    );
    if (genNode) {
      outcome.customers = customers ?? null;
      outcome.transactions = genNode.last.transactions;
    }
    if (genNode && genPage) {
      const [a, b] = [genNode.last.transactions, genPage.last.transactions];
      runner.check(
        'same generated data in Node and Chromium (transaction count)',
        a === b ? null : `${b} transactions in Chromium vs ${a} in Node`,
        `${a.toLocaleString('en-US')} transactions`,
      );
    }

    // 4. Engine start-up.
    const [instNode, instPage] = await runner.compare<{ version: string }>(
      `${envs} ${NAMES.instantiate}`,
      [
        { ref: nodeRef(NAMES.instantiate), run: node.instantiate(), detail: "@duckdb/node-api: DuckDBInstance.create(':memory:') + connect()" },
        ...onPage(NAMES.instantiate, (p) => ({
          ref: pageRef(NAMES.instantiate),
          run: p.instantiate(),
          detail:
            'DuckDB-WASM start as the adapter does it (new Worker + AsyncDuckDB.instantiate(duckdb-eh.wasm) + open) plus connect, a fresh worker per run',
          baseline: nodeRef(NAMES.instantiate),
        })),
      ],
      { iterations: it.instantiate },
    );
    if (instPage && page) page.info.duckdbWasmEngine = instPage.last.version;

    // 5. Untimed set-up: customers and dates in both engines (the revenue query joins customers).
    let nodeReady: string | null = !genNode ? 'no generated data' : !instNode ? 'native DuckDB did not start' : null;
    let pageReady: string | null = genPage ? null : 'no generated data on the page';
    const pageCan = options.chromium && page !== undefined && pageDown === null && page.usable && pageReady === null;
    const prepareLabel = `${envs} prepare tables (untimed: customers, dates${options.chromium ? ', adapter start' : ''})`;
    if (nodeReady && !pageCan) runner.skip(prepareLabel, [], nodeReady);
    else {
      await runner.task(
        prepareLabel,
        [],
        async () => {
          const parts: string[] = [];
          if (!nodeReady) {
            try {
              const r = await node.prepare();
              parts.push(`node: ${r.customers.toLocaleString('en-US')} customers, ${r.dates} dates`);
            } catch (e) {
              nodeReady = `preparing the tables failed: ${errorMessage(e)}`;
              runner.error(nodeRef('prepare tables'), nodeReady);
              parts.push(`node: ERROR ${nodeReady}`);
            }
          }
          if (pageCan && page) {
            try {
              const r = await page.prepare();
              parts.push(`chromium: ${r.customers.toLocaleString('en-US')} customers, ${r.dates} dates`);
            } catch (e) {
              pageReady = `preparing the tables failed: ${errorMessage(e)}`;
              runner.error(pageRef('prepare tables'), pageReady);
              parts.push(`chromium: ERROR ${pageReady}`);
            }
          }
          return parts.join('; ');
        },
        (s) => s,
      );
    }

    // 6. Bulk load of the transactions.
    const rowsWork = (last: { rows: number }) => ({ count: last.rows, unit: 'rows' });
    const [loadNode, loadPage] = await runner.compare<{ rows: number }>(
      `${envs} ${NAMES.load}`,
      [
        nodeReady
          ? { ref: nodeRef(NAMES.load), skip: nodeReady }
          : {
              ref: nodeRef(NAMES.load),
              run: node.load(),
              detail: 'native DuckDB: CREATE OR REPLACE TABLE + appender data chunks of the generated columns (8 columns)',
              work: rowsWork,
            },
        ...onPage(
          NAMES.load,
          (p) => ({
            ref: pageRef(NAMES.load),
            run: p.load(),
            detail: "DuckDB-WASM: adapter.loadColumns('transactions', …, { mode: 'replace' }) of the generated columns (8 columns)",
            work: rowsWork,
            baseline: nodeRef(NAMES.load),
          }),
          pageReady,
        ),
      ],
      { iterations: it.load },
    );
    const nodeLoaded = loadNode ? null : (nodeReady ?? 'the load failed');
    const pageLoaded = loadPage ? null : (pageReady ?? 'the load failed');
    const scanned = () => ({ count: outcome.transactions ?? 0, unit: 'tx' });

    // 7. Decile query: the same SQL text in both engines.
    const [decNode, decPage] = await runner.compare(
      `${envs} ${NAMES.decile}`,
      [
        nodeLoaded
          ? { ref: nodeRef(NAMES.decile), skip: nodeLoaded }
          : {
              ref: nodeRef(NAMES.decile),
              run: node.query(DECILE_SQL),
              detail: 'native DuckDB: per-customer SUM, NTILE(10) window, per-decile COUNT/SUM',
              work: scanned,
            },
        ...onPage(
          NAMES.decile,
          (p) => ({
            ref: pageRef(NAMES.decile),
            run: p.decile(),
            detail: 'DuckDB-WASM through adapter.sql(): the same SQL text as native',
            work: scanned,
            baseline: nodeRef(NAMES.decile),
          }),
          pageLoaded,
        ),
      ],
      { iterations: it.decile },
    );
    if (decNode && decPage) {
      runner.check(
        'decile query: DuckDB-WASM = native DuckDB',
        diffRows(decPage.last, decNode.last, DECILE_KEYS, DECILE_VALUES),
        `10 deciles, ${total(decPage.last, 'customers').toLocaleString('en-US')} customers, revenue ${total(decPage.last, 'revenue').toFixed(2)}`,
      );
    }

    // 8. Decile derivation, six windows: the statements of decileSql(planDeciles(...)) in both engines, and the JS runner.
    const windows = (DERIVE_DEFINITION.windows ?? []).join(',');
    const deriveDetail = `sum of amount per customer within customers.loyalty_tier, windows ${windows}, as of ${DERIVE_DEFINITION.asOf}, ${DERIVE_DEFINITION.mode} mode`;
    const [derNode, derJs, derPage] = await runner.compare<DeriveSummary>(
      `${envs} decile derivation (windows ${windows}): SQL + JS`,
      [
        nodeLoaded
          ? { ref: nodeRef(NAMES.deriveSql), skip: nodeLoaded }
          : {
              ref: nodeRef(NAMES.deriveSql),
              run: node.deriveSql(),
              detail: `native DuckDB: runDecileDerivation (BEGIN, the two CREATE OR REPLACE TABLE … AS statements of decileSql(planDeciles(…)) with bound parameters, COMMIT, row counts); ${deriveDetail}`,
              work: scanned,
            },
        genNode
          ? {
              ref: nodeRef(NAMES.deriveJs),
              run: node.deriveJs(),
              detail: `deriveDecilesInMemory over the generated columns (transactions, customers); ${deriveDetail}`,
              work: scanned,
              baseline: nodeRef(NAMES.deriveSql),
            }
          : { ref: nodeRef(NAMES.deriveJs), skip: 'no generated data' },
        ...onPage(
          NAMES.deriveSql,
          (p) => ({
            ref: pageRef(NAMES.deriveSql),
            run: p.deriveSql(),
            detail: `DuckDB-WASM: runDecileDerivation through the adapter's sql(), the same statements and bound values as native; ${deriveDetail}`,
            work: scanned,
            baseline: nodeRef(NAMES.deriveSql),
          }),
          pageLoaded,
        ),
      ],
      { iterations: it.derive },
    );
    node.releaseData();
    if (derNode) {
      const rows = summaryRows(derNode.last);
      const agreed = `${rows.flat.toLocaleString('en-US')} flat rows, ${rows.map.toLocaleString('en-US')} map rows; per window × tier × decile: rows, Σ/min/max metric; per window: rows, maps, JSON length`;
      if (derPage) runner.check('decile derivation: DuckDB-WASM = native DuckDB', diffDeriveSummaries(derPage.last, derNode.last), agreed);
      if (derJs) runner.check('decile derivation: JS (deriveDecilesInMemory) = native DuckDB', diffDeriveSummaries(derJs.last, derNode.last), agreed);
    }

    // 9. Revenue by month × channel × loyalty tier: hand-written SQL in both engines, and the semantic query.
    const [revNode, revPage, semPage] = await runner.compare(
      `${envs} revenue query: hand-written SQL${options.chromium ? ' + semantic' : ''}`,
      [
        nodeLoaded
          ? { ref: nodeRef(NAMES.revenueSql), skip: nodeLoaded }
          : {
              ref: nodeRef(NAMES.revenueSql),
              run: node.query(REVENUE_SQL),
              detail: 'native DuckDB: revenue by month, channel and loyalty tier (LEFT JOIN customers), hand-written SQL',
              work: scanned,
            },
        ...onPage(
          NAMES.revenueSql,
          (p) => ({
            ref: pageRef(NAMES.revenueSql),
            run: p.revenueSql(),
            detail: 'DuckDB-WASM through adapter.sql(): the same hand-written SQL text as native',
            work: scanned,
            baseline: nodeRef(NAMES.revenueSql),
          }),
          pageLoaded,
        ),
        ...onPage(
          NAMES.revenueSemantic,
          (p) => ({
            ref: pageRef(NAMES.revenueSemantic),
            run: p.revenueSemantic(),
            detail: 'DuckDB-WASM through adapter.query(): validate + planQuery + compileToSql + bound parameters + run + rows',
            work: scanned,
            baseline: pageRef(NAMES.revenueSql),
          }),
          pageLoaded,
        ),
      ],
      { iterations: it.revenue },
    );
    if (revNode && revPage) {
      runner.check('revenue query: DuckDB-WASM = native DuckDB', diffRows(revPage.last, revNode.last, REVENUE_KEYS, REVENUE_VALUES), `${revPage.last.length} rows agree`);
    }
    if (revPage && semPage) {
      runner.check(
        'revenue query: semantic = hand-written (DuckDB-WASM)',
        diffRows(semPage.last, revPage.last, REVENUE_KEYS, REVENUE_VALUES),
        `${semPage.last.length} rows agree`,
      );
    }
    // The compiled semantic SQL must answer like the hand-written SQL natively too.
    if (revNode) {
      const name = 'compiled semantic SQL = hand-written SQL (native)';
      try {
        const compiled = compileToSql(planQuery(clvDataModel, REVENUE_QUERY));
        const rows = (await node.query(compiled.sql, compiled.params)()).value;
        runner.check(name, diffRows(rows, revNode.last, REVENUE_KEYS, REVENUE_VALUES), `${rows.length} rows agree`);
      } catch (e) {
        runner.check(name, `the compiled SQL failed: ${errorMessage(e)}`, '');
      }
    }

    // 10. Compile only: planQuery + compileToSql, per query; compared with running the SQL natively.
    const batch = it.compileBatch;
    const perQuery = () => ({ count: 1, unit: 'queries' });
    await runner.compare<unknown>(
      `${envs} ${NAMES.compile}`,
      [
        {
          ref: nodeRef(NAMES.compile),
          run: node.compile(batch),
          detail: 'planQuery + compileToSql of the revenue query (mean per query over each batch)',
          work: perQuery,
          baseline: nodeRef(NAMES.revenueSql),
          batch,
        },
        ...onPage<unknown>(NAMES.compile, (p) => ({
          ref: pageRef(NAMES.compile),
          run: p.compile(batch),
          detail: 'planQuery + compileToSql of the revenue query on the page (mean per query over each batch)',
          work: perQuery,
          baseline: nodeRef(NAMES.compile),
          batch,
        })),
      ],
      { iterations: it.compile },
    );

    const pageUp = () => options.chromium && page !== undefined && pageDown === null && page.usable;

    // Ten-widget dashboard over the loaded data: untimed set-up, then a filter change against its queries in sequence.
    if (options.chromium) {
      let dashReady: string | null = pageLoaded ?? (pageUp() ? null : 'the page is not usable');
      const label = `${'chromium'.padEnd(14)} prepare the dashboard (untimed: customer_clv fit in a worker, decile tables, <clv-dashboard>)`;
      if (dashReady) runner.skip(label, [], dashReady);
      else {
        const prepared = await runner.task(
          label,
          [pageRef('prepare dashboard')],
          () => page!.prepareDashboard(),
          (r) =>
            `${r.clvCustomers.toLocaleString('en-US')} customers in customer_clv (fit ${(r.clvFitMs / 1000).toFixed(1)} s), ` +
            `${r.decileRows.toLocaleString('en-US')} rows in category_deciles_flat, ${r.widgets} widgets, gate limit ${r.gateLimit}`,
        );
        if (!prepared) dashReady = 'the dashboard set-up failed';
      }
      const change = `${describeFilters(DASHBOARD_FILTERS.from)} → ${describeFilters(DASHBOARD_FILTERS.to)}`;
      const [dashRun, queriesRun] = await runner.compare<WidgetRuns>(
        `${'chromium'.padEnd(14)} dashboard: filter change vs its queries in sequence`,
        [
          ...onPage(
            NAMES.dashboard,
            (p) => ({
              ref: pageRef(NAMES.dashboard),
              run: p.dashboardFilterChange(),
              detail:
                `<clv-dashboard> with the CLV overview example (10 widgets, one query gate of 4) over DuckDB-WASM, now ${DASHBOARD_NOW}: ` +
                `applyFilters(${change}) until every widget's rendered has resolved (queries, validation, formatting, charts, tables)`,
              baseline: pageRef(NAMES.dashboardQueries),
            }),
            dashReady,
          ),
          ...onPage(
            NAMES.dashboardQueries,
            (p) => ({
              ref: pageRef(NAMES.dashboardQueries),
              run: p.dashboardQueries(),
              detail: `the same widgets' effective specs (applyDashboardFilters, ${describeFilters(DASHBOARD_FILTERS.to)}): each adapter.query()/sql() and the big number's comparison one after another on the same adapter, their times summed`,
            }),
            dashReady,
          ),
        ],
        { iterations: it.dashboard },
      );
      if (dashRun && queriesRun) {
        const widgets = Object.values(queriesRun.last);
        runner.check(
          'dashboard: every widget ran the effective query of the baseline and shows its rows',
          diffWidgetRuns(dashRun.last, queriesRun.last),
          `${widgets.length} widgets, ${widgets.reduce((n, w) => n + w.rows + (w.comparisonRows ?? 0), 0).toLocaleString('en-US')} rows`,
        );
      }
    }

    // 11. Untimed: CDNOW master read and imported (importFile) in Node and on the page.
    let clvNode: string | null = null;
    let clvPage: string | null = pageUp() ? null : 'the page is not usable';
    await runner.task(
      `${envs} prepare CDNOW master (untimed: read + importFile)`,
      [],
      async () => {
        const parts: string[] = [];
        try {
          const r = await node.prepareClv(options.root);
          parts.push(`node: ${r.rows.toLocaleString('en-US')} rows from ${r.file}`);
        } catch (e) {
          clvNode = `preparing CDNOW master failed: ${errorMessage(e)}`;
          runner.error(nodeRef('prepare CDNOW master'), clvNode);
          parts.push(`node: ERROR ${clvNode}`);
        }
        if (options.chromium && page && clvPage === null) {
          try {
            const r = await page.prepareClv();
            parts.push(`chromium: ${r.rows.toLocaleString('en-US')} rows (${r.bytes.toLocaleString('en-US')} bytes over /__data)`);
          } catch (e) {
            clvPage = `preparing CDNOW master failed: ${errorMessage(e)}`;
            runner.error(pageRef('prepare CDNOW master'), clvPage);
            parts.push(`chromium: ERROR ${clvPage}`);
          }
        }
        return parts.join('; ');
      },
      (s) => s,
    );

    // 12. BG/NBD + Gamma-Gamma fit (and forecasts) of CDNOW master: in Node, and in a Web Worker of the page.
    const customersWork = (last: ClvFitSummary) => ({ count: last.rows, unit: 'customers' });
    const workerFits: ClvWorkerFit[] = [];
    const clvDetail = `calibration end ${String(CLV_SETTINGS.calibrationEnd)}, ${CLV_SETTINGS.horizon} ${CLV_SETTINGS.timeUnit} horizon`;
    const [fitNode, fitPage] = await runner.compare<ClvFitSummary>(
      `${envs} ${NAMES.clvFit}`,
      [
        clvNode
          ? { ref: nodeRef(NAMES.clvFit), skip: clvNode }
          : {
              ref: nodeRef(NAMES.clvFit),
              run: node.clvFit(),
              detail: `computeCustomerClv on the main thread: RFM summary, BG/NBD and Gamma-Gamma fits, forecasts, deciles; ${clvDetail}`,
              work: customersWork,
            },
        ...onPage<ClvFitSummary>(
          NAMES.clvFit,
          (p) => {
            const fit = p.clvFit();
            return {
              ref: pageRef(NAMES.clvFit),
              run: async () => {
                const s = await fit();
                workerFits.push(s.value);
                return s;
              },
              detail: `runClvInWorker (default worker URL, bundled by vite): pack + transfer, a fresh Web Worker running computeCustomerClv, result back; ${clvDetail}`,
              work: customersWork,
              baseline: nodeRef(NAMES.clvFit),
            };
          },
          clvPage,
        ),
      ],
      { iterations: it.clvFit },
    );
    if (fitNode && fitPage) {
      runner.check(
        `clv fit: Web Worker = Node (parameters within ${CLV_PARAMS_TOLERANCE.toExponential()} relative)`,
        diffClvParams(fitPage.last, fitNode.last),
        `${fitNode.last.rows.toLocaleString('en-US')} customers; BG/NBD r ${fitNode.last.bgnbd.r.toPrecision(7)}, α ${fitNode.last.bgnbd.alpha.toPrecision(7)}, ` +
          `a ${fitNode.last.bgnbd.a.toPrecision(7)}, b ${fitNode.last.bgnbd.b.toPrecision(7)}; Gamma-Gamma p ${fitNode.last.gammaGamma.p.toPrecision(7)}, ` +
          `q ${fitNode.last.gammaGamma.q.toPrecision(7)}, γ ${fitNode.last.gammaGamma.gamma.toPrecision(7)}`,
      );
    }
    // The first worker run is the warm-up; the rest line up with the fit's samples.
    if (fitPage && workerFits.length === fitPage.samplesMs.length + 1) {
      const [warm, ...timed] = workerFits;
      runner.record({
        name: NAMES.clvGap,
        environment: 'chromium',
        detail:
          "longest time between consecutive ticks of a 20 ms setInterval on the page's main thread during each runClvInWorker run (run start and end included); ratio = that gap / the run's time",
        samplesMs: timed.map((f) => f.longestGapMs),
        warmupMs: warm.longestGapMs,
        baseline: pageRef(NAMES.clvFit),
      });
      note(`main thread during the worker fits: longest gaps ${timed.map((f) => `${f.longestGapMs.toFixed(0)} ms`).join(', ')}; ticks ${timed.map((f) => f.ticks).join(', ')}`);
    }

    // One widget from a snapshot (no query) against vega-embed of the same Vega-Lite spec.
    if (options.chromium) {
      for (const rows of WIDGET_ROWS) {
        const contenders = WIDGET_CHARTS.flatMap((chart) => [
          ...onPage<ChartRun>(widgetName(chart, rows), (p) => ({
            ref: pageRef(widgetName(chart, rows)),
            run: p.widgetChart(chart, rows),
            detail:
              `<clv-widget> (svg, ${WIDGET_BOX.width} px wide, plot ${WIDGET_BOX.height} px) given a clv-kit/widget-snapshot of ${rows} rows: ` +
              'from setting snapshot to rendered (validation, formatting, summary, screen-reader table, shadow DOM, chart); a fresh element per run',
            baseline: pageRef(vegaEmbedName(chart, rows)),
          })),
          ...onPage<ChartRun>(vegaEmbedName(chart, rows), (p) => ({
            ref: pageRef(vegaEmbedName(chart, rows)),
            run: p.vegaEmbedChart(chart, rows),
            detail: `toVegaLite(spec, result) of the same snapshot, then vega-embed (svg) into a plain ${WIDGET_BOX.width}×${WIDGET_BOX.height} px div; a fresh div per run`,
          })),
        ]);
        const results = await runner.compare<ChartRun>(
          `${'chromium'.padEnd(14)} widget charts, ${shortCount(rows)} rows (<clv-widget> vs vega-embed)`,
          contenders,
          { iterations: it.widget },
        );
        WIDGET_CHARTS.forEach((chart, i) => {
          const [widget, vega] = [results[2 * i], results[2 * i + 1]];
          if (!widget || !vega) return;
          const [a, b] = [widget.last.marks, vega.last.marks];
          runner.check(
            `${chart} chart, ${shortCount(rows)} rows: <clv-widget> and vega-embed drew a mark per row`,
            a === rows && b === rows ? null : `<clv-widget> drew ${a} marks, vega-embed ${b}, for ${rows} rows`,
            `${rows.toLocaleString('en-US')} marks each`,
          );
        });
      }
    }
  } finally {
    outcome.environments.node = node.info();
    node.close();
    if (page) {
      outcome.environments.chromium = page.info;
      await page.close();
    }
  }
  return outcome;
}
