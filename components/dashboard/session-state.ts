import { z } from 'zod';
import { DateRangeValueSchema, type DashboardFilterState } from '../../src/dashboards/spec.js';

/**
 * What a page reload must not lose, kept in sessionStorage (per tab, like the page's own history):
 * which dashboard is open, under `clv-dashboard:<scope>:open`, and the filters applied to each
 * dashboard, under `clv-dashboard:<scope>:filters:<dashboard id>`. The scope is the element's id,
 * so two dashboards on one page keep separate states.
 */

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const FilterStateSchema = z.object({
  dateRange: DateRangeValueSchema.optional(),
  global: z.record(z.string(), z.array(Scalar)).default({}),
  cross: z
    .object({ sourceWidgetId: z.string().min(1), values: z.record(z.string(), z.union([Scalar, z.null()])) })
    .optional(),
});

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be blocked (sandboxed iframes, privacy settings): the state just isn't kept.
    return undefined;
  }
}

function read(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked storage loses only the convenience of restoring on reload.
  }
}

export class DashboardSession {
  constructor(private readonly scope: string) {}

  get #openKey(): string {
    return `clv-dashboard:${this.scope}:open`;
  }

  #filtersKey(dashboardId: string): string {
    return `clv-dashboard:${this.scope}:filters:${dashboardId}`;
  }

  /** The dashboard open before the reload, if any. */
  get openId(): string | undefined {
    const id = read(this.#openKey);
    return typeof id === 'string' && id ? id : undefined;
  }

  set openId(id: string | undefined) {
    write(this.#openKey, id);
  }

  /** The filters last applied to this dashboard in this tab, validated (anything malformed is dropped). */
  filters(dashboardId: string): DashboardFilterState | undefined {
    const parsed = FilterStateSchema.safeParse(read(this.#filtersKey(dashboardId)));
    if (!parsed.success) return undefined;
    const { dateRange, global, cross } = parsed.data;
    return { global, ...(dateRange ? { dateRange } : {}), ...(cross ? { cross } : {}) };
  }

  setFilters(dashboardId: string, state: DashboardFilterState | undefined): void {
    write(this.#filtersKey(dashboardId), state);
  }
}
