// Dashboard specs and a stepping clock for the store tests (plain data: the browser tests import it too).
import { DashboardSpecSchema, type DashboardSpec, type DashboardSpecInput } from '../../../src/dashboards/spec.js';
import { widgetCatalog } from '../../../src/widgets/catalog.js';

const widget = (catalogId: string) => widgetCatalog.find((e) => e.id === catalogId)!.spec;

/** A valid dashboard with two catalog widgets side by side; `overrides` replace top-level fields. */
export function dashboardSpec(id: string, name: string, overrides: Partial<DashboardSpecInput> = {}): DashboardSpec {
  return DashboardSpecSchema.parse({
    version: 1,
    id,
    name,
    description: `${name}: revenue trend and tiers`,
    widgets: [
      { id: 'trend', spec: widget('revenue-trend'), layout: { x: 0, y: 0, w: 6, h: 4 } },
      { id: 'tiers', spec: widget('revenue-by-loyalty-tier'), layout: { x: 6, y: 0, w: 6, h: 4 }, filters: { crossFilter: true } },
    ],
    filters: { dateRange: { dimension: 'transactions.ts', default: { kind: 'preset', preset: 'last 90 days' } } },
    ...overrides,
  });
}

/** Bypasses the types on purpose: what a buggy editor or an old client might send. */
export const unchecked = (value: unknown) => value as DashboardSpec;

/** A clock that moves one minute per reading, from 2025-01-15T09:00:00Z, so every save has its own known updatedAt. */
export function steppingClock(start = Date.parse('2025-01-15T09:00:00.000Z')) {
  let next = start;
  const readings: string[] = [];
  const now = () => {
    const d = new Date(next);
    next += 60_000;
    readings.push(d.toISOString());
    return d;
  };
  return { now, readings };
}
