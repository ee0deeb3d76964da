// The demo portal: generated CLV data in DuckDB-WASM under a user-editable CLV dashboard, the
// refresh jobs that keep its CLV tables, and imported purchases (CDNOW on demand, or a file of the
// user's) in a second database under a sales dashboard.
import { html, nothing, render, type TemplateResult } from 'lit';
import '../components/dashboard/define.js';
import '../components/data-provider/define.js';
import '../components/file-import/define.js';
import '../components/load-progress/define.js';
import '../components/refresh-schedules/define.js';
import type { ClvDashboard, DashboardDrillDetail } from '../components/dashboard/define.js';
import type { ClvDataProvider } from '../components/data-provider/data-provider.js';
import type { ClvFileImport } from '../components/file-import/file-import.js';
import type { ImportSummary } from '../components/file-import/import-summary.js';
import { formatNumber } from '../components/shared/format.js';
import { cdnowDashboard, clvOverviewDashboard } from '../src/dashboards/examples.js';
import type { LocalStorageDashboardStore } from '../src/dashboards/stores/local-storage-store.js';
import type { DuckDbBundle } from '../src/engines/duckdb/index.js';
import { dayAfter, demoStore, hasOpenDashboard, importedSalesDashboard, salesCatalog, seedDashboard, widgetsDrawn } from './dashboards.js';
import { GeneratedData, NEW_PURCHASES } from './generated.js';
import { dataInfo, ImportedData, type ImportedSource } from './imported.js';
import { stagesView } from './stages.js';

export interface PortalOptions {
  bundle: DuckDbBundle;
  /** Synthetic customers to generate. */
  customers: number;
  /** Generator seed. */
  seed: number;
  /** Prefix of the dashboard stores' localStorage keys. Default "clv-kit-demo:". */
  storagePrefix?: string;
  /** The CLV worker script; default: the one Vite bundles with the page. */
  clvWorkerUrl?: string | URL;
}

export interface Portal {
  /** Resolves true once the generated data is loaded and its dashboard is on the page; false when loading failed. */
  readonly ready: Promise<boolean>;
  /** Loads CDNOW into the second database and shows its dashboard; resolves false when that failed (the stages say why). */
  loadCdnow(): Promise<boolean>;
}

/** Span of the synthetic purchase history. */
export const SPAN = { start: '2023-01-01', end: '2024-12-31' } as const;
export const GENERATED_DASHBOARD = 'generated-dashboard';
export const IMPORTED_DASHBOARD = 'imported-dashboard';

interface SampleFile {
  label: string;
  path: string;
}

/** The dashboard shown over a database: which one opens first, and "now" for its relative date ranges. */
interface Shown {
  initialId: string | undefined;
  now: string;
  /** The open dashboard's widgets are still drawing. */
  busy: boolean;
  note?: string;
}

class PortalPage implements Portal {
  readonly ready: Promise<boolean>;
  readonly #root: HTMLElement;
  readonly #options: PortalOptions;
  readonly #generated: GeneratedData;
  readonly #imported: ImportedData;
  readonly #stores: { generated: LocalStorageDashboardStore; imported: LocalStorageDashboardStore };
  #overview?: Shown;
  #sales?: Shown;
  #samples: SampleFile[] = [];
  #frame = 0;

  constructor(root: HTMLElement, options: PortalOptions) {
    this.#root = root;
    this.#options = options;
    const update = () => this.#update();
    this.#generated = new GeneratedData({ ...options, span: SPAN }, update);
    this.#imported = new ImportedData(options.bundle, update);
    this.#stores = { generated: demoStore('generated', options.storagePrefix), imported: demoStore('imports', options.storagePrefix) };
    this.#update();
    void this.#findSamples();
    this.ready = this.#start();
  }

  /** Re-renders on the next frame (progress callbacks arrive far more often than frames). */
  #update(): void {
    if (!this.#frame)
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        render(this.#view(), this.#root);
      });
  }

  /** Renders now, so elements of the new state can be reached. */
  #renderNow(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    render(this.#view(), this.#root);
  }

  async #start(): Promise<boolean> {
    if (!(await this.#generated.start())) return false;
    const seeded = await this.#seed(this.#stores.generated, clvOverviewDashboard);
    // A reload comes back to the dashboard that was open in this tab; the first visit opens the overview.
    this.#overview = { initialId: seeded && !hasOpenDashboard(GENERATED_DASHBOARD) ? clvOverviewDashboard.id : undefined, now: dayAfter(SPAN.end), busy: true };
    this.#renderNow();
    await this.#whenDrawn(GENERATED_DASHBOARD, this.#overview);
    return true;
  }

  /** Seeds the example; a storage failure is left to the dashboard element to show (it reads the same store). */
  async #seed(store: LocalStorageDashboardStore, example: typeof clvOverviewDashboard): Promise<boolean> {
    try {
      return await seedDashboard(store, example);
    } catch {
      return false;
    }
  }

  #dashboard(id: string): ClvDashboard | null {
    return this.#root.querySelector<ClvDashboard>(`clv-dashboard#${id}`);
  }

  /** Marks the section busy until the open dashboard's widgets have drawn. */
  async #whenDrawn(id: string, shown: Shown): Promise<void> {
    const dashboard = this.#dashboard(id);
    shown.busy = true;
    this.#update();
    if (dashboard) await widgetsDrawn(dashboard);
    shown.busy = false;
    this.#renderNow();
  }

  loadCdnow = async (): Promise<boolean> => {
    if (!(await this.#imported.loadCdnow())) return false;
    await this.#showImported(cdnowDashboard);
    return true;
  };

  #onImported = async (event: CustomEvent<ImportSummary>): Promise<void> => {
    if (event.detail.rowsImported === 0) return;
    this.#imported.imported(event.detail);
    await this.#showImported(importedSalesDashboard);
  };

  /** Opens `example` (seeded on first use) over the imported data; the widgets already shown re-run. */
  async #showImported(example: typeof cdnowDashboard): Promise<void> {
    const seeded = await this.#seed(this.#stores.imported, example);
    const to = this.#imported.source?.dateRange?.to;
    const now = to ? dayAfter(to) : dayAfter(new Date().toISOString().slice(0, 10));
    const existing = this.#dashboard(IMPORTED_DASHBOARD);
    this.#sales = { initialId: this.#sales?.initialId ?? (seeded ? example.id : undefined), now, busy: true };
    this.#renderNow();
    if (existing) {
      this.#root.querySelector<ClvDataProvider>('#imported-data')?.notifyDataChanged();
      if (seeded) existing.open(example.id);
    }
    await this.#whenDrawn(IMPORTED_DASHBOARD, this.#sales);
  }

  /** A drill-through to a dashboard this store does not have: say so instead of opening an error. */
  #onDrill = (event: CustomEvent<DashboardDrillDetail>): void => {
    const { dashboardId, parameters } = event.detail;
    // Cancelling must happen now, so the store's entry is looked up directly rather than through its async get().
    if (storedEntry(this.#stores.generated.keyOf(dashboardId)) !== null) return;
    event.preventDefault();
    const values = Object.entries(parameters)
      .map(([name, value]) => `${name} ${String(value)}`)
      .join(', ');
    if (this.#overview) this.#overview.note = `There is no “${dashboardId}” dashboard here to open for ${values}.`;
    this.#update();
  };

  #addPurchases = (): void => {
    void this.#generated.addPurchases(() => this.#root.querySelector<ClvDataProvider>('#generated-data')?.notifyDataChanged(['transactions']));
  };

  /** Offers a shared sample file to the file import when the dev server serves the data directory (npm start). */
  async #findSamples(): Promise<void> {
    if (!(await dataInfo())?.exists) return; // no shared data on this server: the picker alone is offered
    this.#samples = [{ label: 'Online Retail II 2009–2010 (gzipped CSV)', path: 'online-retail/online_retail_II_2009-2010.csv.gz' }];
    this.#update();
  }

  async #importSample(sample: SampleFile): Promise<void> {
    const importer = this.#root.querySelector<ClvFileImport>('clv-file-import');
    if (!importer) return;
    const response = await fetch(`/__data/${sample.path}`);
    if (!response.ok) return;
    await importer.selectFile(new File([await response.blob()], sample.path.split('/').pop()!));
  }

  // ------------------------------------------------------------------ views

  #view(): TemplateResult {
    return html`${this.#overview ? this.#overviewView(this.#overview) : this.#setupView()}
    ${this.#overview ? this.#refreshView() : nothing} ${this.#importedView()}`;
  }

  #setupView(): TemplateResult {
    const g = this.#generated;
    const failed = !g.busy && !g.settled;
    return html`<section class="card" aria-labelledby="setup-title" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="setup-title">${failed ? 'The data could not be loaded' : 'Getting the CLV dashboard ready'}</h2>
      <p class="muted">DuckDB-WASM starts in this browser while synthetic customers are generated; then the refresh jobs derive their CLV tables.</p>
      ${stagesView(g.stages, () => html`<button slot="actions" class="button" type="button" @click=${() => location.reload()}>Reload the page</button>`)}
    </section>`;
  }

  #overviewView(shown: Shown): TemplateResult {
    const g = this.#generated;
    const counts = g.counts!;
    return html`<section id="overview" class="card card--dashboard" aria-label="CLV dashboard over generated data" aria-busy=${shown.busy ? 'true' : 'false'}>
      <p class="muted">
        Synthetic data (seed ${this.#options.seed}): ${formatNumber(counts.customers, ',d')} customers, ${formatNumber(counts.transactions, ',d')}
        purchases, ${SPAN.start} – ${SPAN.end}. Dates are relative to ${shown.now}. Dashboards you save are kept in this browser.
      </p>
      ${shown.note ? html`<p class="note" role="status">${shown.note}</p>` : nothing}
      <clv-data-provider id="generated-data" .adapter=${g.adapter} .scheduler=${g.scheduler}>
        <clv-dashboard
          id=${GENERATED_DASHBOARD}
          .store=${this.#stores.generated}
          .examples=${[clvOverviewDashboard]}
          .dashboardId=${shown.initialId}
          now=${shown.now}
          @clv-dashboard-drill=${this.#onDrill}
          @clv-dashboard-open=${() => void this.#whenDrawn(GENERATED_DASHBOARD, shown)}
        ></clv-dashboard>
      </clv-data-provider>
      <details class="details">
        <summary>How the data was loaded</summary>
        ${stagesView(g.stages)}
      </details>
    </section>`;
  }

  #refreshView(): TemplateResult {
    const g = this.#generated;
    return html`<section class="card" aria-labelledby="refresh-title">
      <div class="card__head">
        <h2 id="refresh-title">CLV refresh</h2>
        <p class="muted">
          Refresh jobs rebuild the decile and customer_clv tables on a second DuckDB connection (daily, UTC); the CLV model is fitted in a Web Worker. The
          dashboard re-runs the widgets that read a rebuilt table.
        </p>
      </div>
      <div class="actions">
        <button class="button" type="button" ?disabled=${g.busy || !g.scheduler} @click=${this.#addPurchases}>
          ${g.busy ? 'Refreshing…' : `Add ${NEW_PURCHASES} new purchases and refresh`}
        </button>
        <p class="muted" role="status">${g.note ?? ''}</p>
      </div>
      ${g.scheduler ? html`<clv-refresh-schedules label="Refresh schedules" .scheduler=${g.scheduler}></clv-refresh-schedules>` : nothing}
    </section>`;
  }

  #importedView(): TemplateResult {
    const imp = this.#imported;
    const sales = imp.source ? this.#sales : undefined;
    // The CDNOW steps stay in view while they run or when one failed; after a load they fold away.
    const stagesOpen = imp.stages && (imp.busy || !sales || imp.stages.some((s) => s.state === 'error'));
    return html`<section id="imported" class="card card--dashboard" aria-labelledby="imported-title" aria-busy=${imp.busy || sales?.busy ? 'true' : 'false'}>
      <div class="card__head">
        <h2 id="imported-title">CDNOW, or your own purchases</h2>
        <p class="muted">Loaded into a second DuckDB database in this browser: the generated data above stays as it is.</p>
      </div>
      <div class="actions">
        <button class="button button--primary" type="button" ?disabled=${imp.busy} @click=${() => void this.loadCdnow()}>
          ${imp.busy ? 'Loading the CDNOW dataset…' : 'Load the CDNOW dataset'}
        </button>
        <span class="muted">The purchases of the CDNOW cohort, January 1997 to June 1998 (Fader, Hardie &amp; Lee 2005), from the shared data directory.</span>
      </div>
      ${stagesOpen ? stagesView(imp.stages!) : nothing}
      ${sales && imp.source
        ? html`<p class="muted">${sourceLine(imp.source)} Dates are relative to ${sales.now}.</p>
            <clv-data-provider id="imported-data" .adapter=${imp.adapter}>
              <clv-dashboard
                id=${IMPORTED_DASHBOARD}
                .store=${this.#stores.imported}
                .examples=${[cdnowDashboard, importedSalesDashboard]}
                .catalog=${salesCatalog}
                .dashboardId=${sales.initialId}
                now=${sales.now}
                @clv-dashboard-open=${() => void this.#whenDrawn(IMPORTED_DASHBOARD, sales)}
              ></clv-dashboard>
            </clv-data-provider>`
        : nothing}
      ${imp.stages && !stagesOpen
        ? html`<details class="details">
            <summary>How the data was loaded</summary>
            ${stagesView(imp.stages)}
          </details>`
        : nothing}
      <h3 class="subheading">Import your own transactions</h3>
      <p class="muted">A CSV, CSV.gz, Parquet or whitespace-separated file, read in this browser; it replaces what the second database holds.</p>
      <clv-file-import .loader=${imp.adapter} @clv-import-complete=${this.#onImported}></clv-file-import>
      ${this.#samples.length
        ? html`<div class="actions">
            <span class="muted">Or try a sample file:</span>
            ${this.#samples.map((s) => html`<button class="button" type="button" @click=${() => void this.#importSample(s)}>${s.label}</button>`)}
          </div>`
        : nothing}
    </section>`;
  }
}

function storedEntry(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the store has nothing either
  }
}

function sourceLine(source: ImportedSource): string {
  const span = source.dateRange ? `, ${source.dateRange.from} – ${source.dateRange.to}` : '';
  return `${source.fileName}: ${formatNumber(source.purchases, ',d')} purchases of ${formatNumber(source.customers, ',d')} customers${span}.`;
}

/** Renders the portal into `root` and starts loading the generated data. */
export function mountPortal(root: HTMLElement, options: PortalOptions): Portal {
  return new PortalPage(root, options);
}
