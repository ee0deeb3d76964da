// Helpers shared by the <clv-dashboard> tests: mounting inside a data provider, reaching into the
// nested shadow roots (inventory, dialogs, widgets), and waiting for states.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/dashboard/define.js';
import '../../components/data-provider/define.js';
import type { ClvDashboard } from '../../components/dashboard/dashboard.js';
import type { ClvDataProvider } from '../../components/data-provider/data-provider.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import { parseDashboardSpec } from '../../src/dashboards/parse.js';
import type { DashboardSpec, DashboardSpecInput } from '../../src/dashboards/spec.js';
import type { DashboardStore, DashboardSummary } from '../../src/dashboards/store.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { catalogSpec } from '../../src/widgets/catalog.js';
import type { WidgetSpecInput } from '../../src/widgets/spec.js';

export interface Mounted {
  provider: ClvDataProvider;
  el: ClvDashboard;
}

export interface MountOptions {
  store: DashboardStore;
  adapter?: DataAdapter;
  dashboardId?: string;
  examples?: DashboardSpecInput[];
  maxConcurrentQueries?: number;
  id?: string;
}

/** `<clv-dashboard>` inside a `<clv-data-provider>` holding the adapter (as a portal embeds it). */
export async function mountDashboard(options: MountOptions): Promise<Mounted> {
  const provider = await fixture<ClvDataProvider>(html`<clv-data-provider .adapter=${options.adapter} style="display:block;width:1000px">
    <clv-dashboard
      id=${options.id ?? 'board'}
      .store=${options.store}
      .examples=${options.examples ?? []}
      dashboard-id=${ifDefined(options.dashboardId)}
      max-concurrent-queries=${options.maxConcurrentQueries ?? 4}
      now="2024-04-01"
    ></clv-dashboard>
  </clv-data-provider>`);
  const el = provider.querySelector('clv-dashboard')!;
  await el.updateComplete;
  return { provider, el };
}

/** Appends a new `<clv-dashboard>` to `provider`, as a page reload would create it again. */
export async function remount(provider: ClvDataProvider, store: DashboardStore, id = 'board'): Promise<ClvDashboard> {
  provider.querySelector('clv-dashboard')?.remove();
  const el = document.createElement('clv-dashboard');
  el.id = id;
  el.store = store;
  el.now = '2024-04-01';
  provider.append(el);
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => shadow(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...shadow(el).querySelectorAll<T>(selector)];
export const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const inventory = (el: ClvDashboard) => el.inventory!;
export const choiceDialog = (el: Element) => $(el, 'clv-choice-dialog')! as HTMLElement & { open: boolean };
export const addDialog = (el: ClvDashboard) => $(el, 'clv-add-widget-dialog')!;
export const settingsDialog = (el: ClvDashboard) => $(el, 'clv-widget-settings-dialog')!;
export const filterBar = (el: ClvDashboard) => $(el, 'clv-dashboard-filters')!;
export const grid = (el: ClvDashboard) => $(el, 'clv-dashboard-grid')!;
export const widget = (el: ClvDashboard, id: string) => $<ClvWidget>(el, `.tile[data-widget-id="${id}"] clv-widget`)!;
export const tile = (el: ClvDashboard, id: string) => $(el, `.tile[data-widget-id="${id}"]`)!;

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function waitForState(el: ClvDashboard, state: ClvDashboard['state'], message = `dashboard state ${state}`): Promise<void> {
  await waitUntil(() => el.state === state, `${message} (now ${el.state})`, { timeout: 10000 });
  await el.updateComplete;
}

/** Waits until every widget on screen has settled with data (its chart drawn). */
export async function widgetsPainted(el: ClvDashboard, count?: number): Promise<ClvWidget[]> {
  await waitUntil(() => el.widgets.length === (count ?? el.widgets.length) && el.widgets.length > 0, `${count ?? 'some'} widgets on screen`, { timeout: 10000 });
  await waitUntil(() => el.widgets.every((w) => w.state === 'data'), `every widget showing data (${el.widgets.map((w) => w.state).join(', ')})`, { timeout: 15000 });
  await Promise.all(el.widgets.map((w) => w.rendered));
  return el.widgets;
}

/** Widgets of the small test dataset; the numbers each shows are known. */
export const tierBar = () => catalogSpec('revenue-by-loyalty-tier');
export const channelDonut = () => catalogSpec('revenue-by-channel');
export const totalRevenue = (title = 'Revenue'): WidgetSpecInput => ({
  version: 2,
  title,
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'] } },
  mark: 'big-number',
  encodings: { y: { field: 'transactions.revenue', type: 'quantitative' } },
});

/** A dashboard with a tier filter over the test data: revenue (tier-filtered), tiers (click filters), channels (takes the cross filter). */
export function salesDashboard(over: Partial<DashboardSpecInput> = {}): DashboardSpecInput {
  return {
    version: 1,
    id: 'sales',
    name: 'Sales',
    description: 'Revenue by tier and channel',
    filters: {
      global: [
        {
          id: 'tier',
          label: 'Loyalty tier',
          member: 'customers.loyalty_tier',
          param: 'TIER',
          options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' },
        },
      ],
    },
    widgets: [
      { id: 'revenue', spec: totalRevenue(), layout: { x: 0, y: 0, w: 4, h: 3 }, filters: { global: ['tier'] } },
      { id: 'tiers', spec: tierBar(), layout: { x: 4, y: 0, w: 4, h: 4 }, filters: { global: ['tier'] } },
      { id: 'channels', spec: channelDonut(), layout: { x: 8, y: 0, w: 4, h: 4 }, filters: { crossFilter: true } },
    ],
    ...over,
  };
}

/** Rows of a widget's result as {label: value} for one label and one value column. */
export function valuesBy(w: ClvWidget, key: string, value: string): Record<string, unknown> {
  return Object.fromEntries((w.result?.rows ?? []).map((r) => [String(r[key]), r[value]]));
}

/** A memory store the test steers: listing and loading can be held, listing and creating can fail. */
export class SteeredStore implements DashboardStore {
  readonly inner = new MemoryDashboardStore();
  listError?: Error;
  createError?: Error;
  #hold?: { promise: Promise<void>; release: () => void };

  hold(): void {
    let release!: () => void;
    this.#hold = { promise: new Promise<void>((resolve) => (release = resolve)), release };
  }

  release(): void {
    this.#hold?.release();
    this.#hold = undefined;
  }

  async list(): Promise<DashboardSummary[]> {
    if (this.#hold) await this.#hold.promise;
    if (this.listError) throw this.listError;
    return this.inner.list();
  }
  get: DashboardStore['get'] = async (id) => {
    if (this.#hold) await this.#hold.promise;
    return this.inner.get(id);
  };
  create: DashboardStore['create'] = async (spec) => {
    if (this.createError) throw this.createError;
    return this.inner.create(spec);
  };
  save: DashboardStore['save'] = (spec, base) => this.inner.save(spec, base);
  delete: DashboardStore['delete'] = (id) => this.inner.delete(id);
}

/** Parses a dashboard input (the stores take parsed specs). */
export function dashboardSpec(input: DashboardSpecInput): DashboardSpec {
  const parsed = parseDashboardSpec(input);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.spec;
}
