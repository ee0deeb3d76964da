// Dashboards for the <clv-dashboard> stories: a small sales dashboard besides the kit's examples,
// stores filled with them, a store that never answers, and a fresh start for every story.
import { parseDashboardSpec } from '../../src/dashboards/parse.js';
import type { DashboardSpec, DashboardSpecInput } from '../../src/dashboards/spec.js';
import type { DashboardStore } from '../../src/dashboards/store.js';
import { LocalStorageDashboardStore, type StorageLike } from '../../src/dashboards/stores/local-storage-store.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { catalogSpec } from '../../src/widgets/catalog.js';

/** Three widgets and a tier filter: small enough to show two editors of it on one page. */
export const salesDashboard: DashboardSpecInput = {
  version: 1,
  id: 'sales',
  name: 'Sales by tier and channel',
  description: 'Revenue of the last 90 days; revenue by loyalty tier and by channel over the chosen dates.',
  filters: {
    dateRange: { label: 'Purchase date', dimension: 'transactions.ts', default: { kind: 'preset', preset: 'last 12 months' } },
    global: [
      {
        id: 'tier',
        label: 'Loyalty tier',
        member: 'customers.loyalty_tier',
        options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' },
      },
    ],
  },
  widgets: [
    { id: 'revenue', spec: catalogSpec('revenue-last-90-days'), layout: { x: 0, y: 0, w: 4, h: 4 }, filters: { dateRange: false, global: ['tier'] } },
    { id: 'tiers', spec: catalogSpec('revenue-by-loyalty-tier'), layout: { x: 4, y: 0, w: 4, h: 4 }, filters: { global: ['tier'], crossFilter: true } },
    { id: 'channels', spec: catalogSpec('revenue-by-channel'), layout: { x: 8, y: 0, w: 4, h: 4 }, filters: { global: ['tier'], crossFilter: true } },
  ],
};

/** Parses a dashboard (the stores take parsed specs); a mistake here fails the story loudly. */
function dashboardSpec(input: DashboardSpecInput): DashboardSpec {
  const parsed = parseDashboardSpec(input);
  if (!parsed.success) throw new Error(`story dashboard "${input.id}": ${parsed.message}`);
  return parsed.spec;
}

/** A new in-memory store holding `dashboards`. */
export async function storeWith(dashboards: readonly DashboardSpecInput[]): Promise<MemoryDashboardStore> {
  const store = new MemoryDashboardStore();
  for (const input of dashboards) await store.create(dashboardSpec(input));
  return store;
}

/** Browser storage held in a Map: a story's "local storage" that starts empty and leaves nothing behind. */
class MapStorage implements StorageLike {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}

let tabs = 0;

/**
 * Two browser-storage stores over one storage, as two tabs of one browser are: a save through one
 * is announced to the other (on a BroadcastChannel of their own), which tells its dashboard.
 */
export async function twoTabs(dashboards: readonly DashboardSpecInput[]): Promise<{ here: DashboardStore; otherTab: DashboardStore }> {
  const storage = new MapStorage();
  const options = { storage, prefix: 'clv-story:', channelName: `clv-story-tabs-${++tabs}`, storageEvents: null };
  const here = new LocalStorageDashboardStore(options);
  const otherTab = new LocalStorageDashboardStore(options);
  for (const input of dashboards) await otherTab.create(dashboardSpec(input));
  return { here, otherTab };
}

/** A store that never answers: the inventory and the dashboard stay loading. */
export function pendingStore(): DashboardStore {
  const never = <T>() => new Promise<T>(() => {});
  return { list: never, get: never, create: never, save: never, delete: never };
}

const SESSION_PREFIX = 'clv-dashboard:';

/**
 * Forgets what <clv-dashboard> keeps per tab in sessionStorage (the open dashboard and its filters),
 * so a story starts as written instead of where the last visit to it left off.
 */
export function forgetDashboardSessions(): void {
  const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)).filter((k): k is string => !!k?.startsWith(SESSION_PREFIX));
  for (const key of keys) sessionStorage.removeItem(key);
}
