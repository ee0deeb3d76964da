// The generated data, step by step with progress: DuckDB-WASM starts while the customers are
// generated, the tables are loaded, the refresh jobs derive the decile and customer_clv tables,
// and the audiences and email events follow from the CLV results.
import { formatNumber } from '../components/shared/format.js';
import { createDuckDbAdapter, type DuckDbAdapter, type DuckDbBundle } from '../src/engines/duckdb/index.js';
import type { RefreshRun, RefreshScheduler } from '../src/refresh/index.js';
import { generateClvDataAsync, type SyntheticData } from '../src/synthetic/index.js';
import { createClvRefresh, demoModel, JOBS, newPurchases } from './clv-refresh.js';
import { loadSynthetic, syntheticCounts } from './load-synthetic.js';
import { loadMarketing } from './marketing.js';
import { messageOf, seconds, type Stage } from './stages.js';

export interface GeneratedOptions {
  bundle: DuckDbBundle;
  customers: number;
  seed: number;
  /** Span of the purchase history (YYYY-MM-DD). */
  span: { start: string; end: string };
  /** The CLV worker script; default: the one Vite bundles with the page. */
  clvWorkerUrl?: string | URL;
}

/** Purchases the "Add purchases" button appends. */
export const NEW_PURCHASES = 500;

const JOB_STAGES: Stage[] = [
  { label: 'Spend deciles by product category', state: 'loading' },
  {
    label: 'Customer CLV (Web Worker)',
    state: 'loading',
    phaseLabels: { summary: 'Summarising purchases', bgnbd: 'Fitting BG/NBD', 'gamma-gamma': 'Fitting Gamma-Gamma', predict: 'Forecasting', rank: 'Ranking' },
  },
];

export class GeneratedData {
  readonly adapter: DuckDbAdapter;
  /** In order: engine, generator, load, the two refresh jobs, marketing tables. */
  readonly stages: Stage[];
  scheduler?: RefreshScheduler;
  synthetic?: SyntheticData;
  /** Customers and purchases now in the database. */
  counts?: { customers: number; transactions: number };
  /** The tables are loaded and every step has finished (a failed CLV step leaves its widgets to say so). */
  settled = false;
  /** A refresh is running (the start-up jobs or "Add purchases"). */
  busy = true;
  note?: string;
  #batches = 0;

  constructor(
    readonly options: GeneratedOptions,
    private readonly changed: () => void,
  ) {
    this.stages = [
      { label: 'DuckDB-WASM', state: 'loading', phaseLabels: { download: 'Downloading the engine', instantiate: 'Compiling', ready: 'Ready' } },
      { label: `Synthetic data: ${formatNumber(options.customers, ',d')} customers`, state: 'loading', phaseLabels: { customers: 'Generating customers and purchases' } },
      { label: 'Loading into DuckDB', state: 'loading', phaseLabels: { customers: 'Customers', transactions: 'Transactions', dates: 'Calendar' } },
      ...JOB_STAGES.map((s) => ({ ...s })),
      {
        label: 'Audiences and email events',
        state: 'loading',
        phaseLabels: { audiences: 'Audiences', audience_memberships: 'Memberships', campaigns: 'Campaigns', email_events: 'Email events' },
      },
    ];
    this.adapter = createDuckDbAdapter({
      bundle: options.bundle,
      model: demoModel,
      onProgress: (p) => this.#set(0, { progress: { phase: p.phase, done: p.loaded, total: p.total } }),
    });
  }

  #set(i: number, patch: Partial<Stage>): void {
    this.stages[i] = { ...this.stages[i]!, ...patch };
    this.changed();
  }

  /** Resolves true when the data is loaded (the CLV steps may have failed), false when it could not be. */
  async start(): Promise<boolean> {
    const loaded = await this.#loadBase();
    if (loaded) await this.#deriveClv();
    this.busy = false;
    this.settled = loaded;
    this.changed();
    return loaded;
  }

  async #loadBase(): Promise<boolean> {
    const { seed, customers, span } = this.options;
    const t0 = performance.now();
    const duckdb = this.adapter.ready().then(
      () => this.#set(0, { state: 'done', message: `Started in ${seconds(t0)}.` }),
      (error: unknown) => {
        this.#set(0, { state: 'error', message: messageOf(error) });
        throw error;
      },
    );
    duckdb.catch(() => undefined); // reported on the stage; awaited below
    let data: SyntheticData;
    try {
      const t1 = performance.now();
      data = await generateClvDataAsync({ seed, customers, ...span, onProgress: (p) => this.#set(1, { progress: p }) });
      const counts = syntheticCounts(data);
      this.#set(1, {
        state: 'done',
        message: `${formatNumber(counts.customers, ',d')} customers and ${formatNumber(counts.transactions, ',d')} purchases (${span.start} – ${span.end}) in ${seconds(t1)}.`,
      });
    } catch (error) {
      this.#set(1, { state: 'error', message: messageOf(error) });
      this.#set(2, { state: 'error', message: 'Nothing to load.' });
      return false;
    }
    try {
      await duckdb;
    } catch {
      this.#set(2, { state: 'error', message: 'DuckDB did not start.' });
      return false;
    }
    try {
      const t2 = performance.now();
      const rows = await loadSynthetic(this.adapter, data, (p) => this.#set(2, { progress: p }));
      this.#set(2, { state: 'done', message: `${rowSummary(rows)} in ${seconds(t2)}.` });
    } catch (error) {
      this.#set(2, { state: 'error', message: messageOf(error) });
      return false;
    }
    this.synthetic = data;
    const counts = syntheticCounts(data);
    this.counts = { customers: counts.customers, transactions: counts.transactions };
    return true;
  }

  /** The refresh jobs build the CLV tables, then the marketing tables follow from customer_clv; the daily jobs are armed. */
  async #deriveClv(): Promise<void> {
    const skip = (message: string) => this.#set(5, { state: 'error', message });
    try {
      this.scheduler = await createClvRefresh(
        this.options.bundle,
        (p) => this.#set(4, { progress: { phase: p.phase, done: Math.round(p.fraction * 1000), total: 1000 } }),
        this.options.clvWorkerUrl,
      );
      if (!(await this.#runJobs())) return skip('Needs the customer CLV table, whose refresh failed.');
      const t0 = performance.now();
      const rows = await loadMarketing(this.adapter, { seed: this.options.seed + 1, end: this.options.span.end }, (p) => this.#set(5, { progress: p }));
      this.#set(5, { state: 'done', message: `${rowSummary(rows)} in ${seconds(t0)}.` });
      await this.scheduler.start();
    } catch (error) {
      for (const i of [3, 4, 5]) if (this.stages[i]!.state === 'loading') this.#set(i, { state: 'error', message: messageOf(error) });
    }
  }

  /** Runs the refresh jobs one after the other, each shown as a stage; false when one failed. */
  async #runJobs(): Promise<boolean> {
    const scheduler = this.scheduler!;
    JOBS.forEach((_, i) => this.#set(3 + i, { state: 'loading', progress: undefined, message: undefined }));
    for (const [i, job] of JOBS.entries()) {
      const run: RefreshRun = await scheduler.runNow(job.id);
      if (run.status !== 'success') {
        this.#set(3 + i, { state: 'error', message: run.error });
        return false;
      }
      const ms = Date.parse(run.end) - Date.parse(run.start);
      this.#set(3 + i, {
        state: 'done',
        message: `${formatNumber(run.rowsProcessed, ',d')} purchases read, ${formatNumber(run.rowsWritten, ',d')} rows written in ${formatNumber(ms / 1000, ',.1f')} s.`,
      });
    }
    return true;
  }

  /**
   * Appends generated purchases (December 2024) and runs both refresh jobs; the page tells the
   * dashboard that transactions changed, and the scheduler tells it about the CLV tables.
   */
  async addPurchases(onAppended: () => void): Promise<void> {
    const { synthetic, counts } = this;
    if (!synthetic || !counts || this.busy) return;
    this.busy = true;
    this.note = undefined;
    this.changed();
    try {
      const t0 = performance.now();
      const rows = newPurchases(synthetic.customers, NEW_PURCHASES, ++this.#batches);
      await this.adapter.append('transactions', rows);
      this.counts = { ...counts, transactions: counts.transactions + rows.length };
      onAppended();
      const ok = this.scheduler ? await this.#runJobs() : false;
      this.note = ok ? `Added ${formatNumber(rows.length, ',d')} purchases (December 2024) and refreshed both tables in ${seconds(t0)}.` : 'A refresh job failed.';
    } catch (error) {
      this.note = messageOf(error);
    } finally {
      this.busy = false;
      this.changed();
    }
  }
}

function rowSummary(rows: Record<string, number>): string {
  return `${Object.entries(rows)
    .map(([t, n]) => `${t} ${formatNumber(n, ',d')}`)
    .join(', ')} rows`;
}
