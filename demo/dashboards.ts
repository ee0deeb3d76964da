// The demo's dashboards: one browser store per database, seeded once with the example dashboards.
import type { ClvDashboard } from '../components/dashboard/dashboard.js';
import { cdnowDashboard } from '../src/dashboards/examples.js';
import { parseDashboardSpec } from '../src/dashboards/parse.js';
import type { DashboardSpecInput } from '../src/dashboards/spec.js';
import { DashboardStoreError } from '../src/dashboards/store.js';
import { LocalStorageDashboardStore } from '../src/dashboards/stores/local-storage-store.js';
import { widgetCatalog } from '../src/widgets/catalog.js';

/**
 * Dashboards over one database's tables. Each database gets its own store, so the inventory of a
 * dashboard lists only dashboards whose tables that database holds.
 */
export function demoStore(database: string, prefix = 'clv-kit-demo:'): LocalStorageDashboardStore {
  return new LocalStorageDashboardStore({ prefix: `${prefix}${database}:` });
}

function readMarker(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the store itself will say so
  }
}

function writeMarker(key: string): void {
  try {
    localStorage.setItem(key, new Date().toISOString());
  } catch {
    // storage blocked: nothing to remember
  }
}

/**
 * Puts `example` into the store the first time the page sees this store, unless a dashboard with
 * its id is there already: the user's edits are never overwritten, and a dashboard they deleted
 * stays deleted (the inventory still offers it as an example). Resolves with whether a dashboard
 * with that id is in the store now.
 */
export async function seedDashboard(store: LocalStorageDashboardStore, example: DashboardSpecInput): Promise<boolean> {
  const parsed = parseDashboardSpec(example);
  if (!parsed.success) throw new Error(`The example dashboard "${example.id}" is invalid: ${parsed.message}`);
  const marker = `${store.prefix}seeded:${parsed.spec.id}`;
  if (!readMarker(marker)) {
    try {
      await store.create(parsed.spec);
    } catch (error) {
      if (!(error instanceof DashboardStoreError && error.code === 'exists')) throw error;
    }
    writeMarker(marker);
  }
  try {
    await store.get(parsed.spec.id);
    return true;
  } catch (error) {
    if (error instanceof DashboardStoreError && error.code === 'not_found') return false;
    throw error;
  }
}

/** The dashboard an own file's import opens: the CDNOW sales widgets over any transactions, on their whole span. */
export const importedSalesDashboard: DashboardSpecInput = {
  ...cdnowDashboard,
  id: 'imported-sales',
  name: 'Imported sales',
  description: 'Purchases of the imported file. Click a month to narrow the other widgets to it.',
  filters: { dateRange: { label: 'Purchase date', dimension: 'transactions.ts' } },
};

/** The catalog widgets that read only customers, transactions and dates: all an import holds. */
export const salesCatalog = widgetCatalog.filter((entry) => entry.group === 'sales');

/** The day after `date` (YYYY-MM-DD): "now" for relative date ranges over data that ends on `date`. */
export function dayAfter(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return new Date(ms + 86_400_000).toISOString().slice(0, 10);
}

/** Whether the dashboard element with this id has an open dashboard to restore in this tab (see ClvDashboard). */
export function hasOpenDashboard(elementId: string): boolean {
  try {
    return sessionStorage.getItem(`clv-dashboard:${elementId}:open`) !== null;
  } catch {
    return false;
  }
}

/**
 * Resolves once the dashboard shows the open dashboard's widgets with their outcome (data, empty or
 * error) drawn; at once when it shows the inventory or an error instead.
 */
export async function widgetsDrawn(dashboard: ClvDashboard): Promise<void> {
  for (;;) {
    await dashboard.updateComplete;
    const state = dashboard.state;
    if (state === 'inventory' || state === 'error') return;
    const expected = dashboard.spec?.widgets.length ?? 0;
    if (state !== 'loading' && dashboard.widgets.length === expected) break;
    // The dashboard is loading its spec or the data model: widgets are not on the grid yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(dashboard.widgets.map((w) => w.rendered));
}
