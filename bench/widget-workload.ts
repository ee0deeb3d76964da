/**
 * What the widget and dashboard benchmarks run, shared by the orchestrator and the page: the two
 * chart widgets and their snapshot rows, the box they are drawn in, the dashboard's filter change
 * and the result checks. DOM-free.
 */
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { ResultSet, Row } from '../src/contracts/result.js';
import type { DashboardFilterState } from '../src/dashboards/spec.js';
import { clvDataModel } from '../src/model/clv-model.js';
import { formatDate } from '../src/query/dates.js';
import { planQuery } from '../src/query/plan.js';
import { createRng } from '../src/synthetic/prng.js';
import { catalogNow } from '../src/widgets/catalog-data.js';
import { createWidgetSnapshot, type WidgetSnapshot } from '../src/widgets/snapshot.js';
import { WidgetSpecSchema, type WidgetSpec } from '../src/widgets/spec.js';
import { SPAN } from './workload.js';

// ---------------------------------------------------------------- one widget, 1k and 10k points

export const WIDGET_CHARTS = ['point', 'line'] as const;
export type WidgetChart = (typeof WIDGET_CHARTS)[number];

/** Rows of the snapshot (one mark each). */
export const WIDGET_ROWS = [1_000, 10_000] as const;

/** The box both contenders draw into: the widget's host width and plot height, vega-embed's width and height. */
export const WIDGET_BOX = { width: 640, height: 300 } as const;

const SEED = 20_241_129;
const DAY = 86_400_000;
/** The line chart's first day; its 10,000th is 2025-05-18. */
const LINE_START = Date.parse('1998-01-01T00:00:00Z');

const QUERIES: Record<WidgetChart, SemanticQueryInput> = {
  point: { measures: ['transactions.count', 'transactions.revenue'], dimensions: ['transactions.customer_id'] },
  line: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'day' }] },
};

/** The widget spec of a chart: revenue against purchases per customer, or revenue per day. */
export function widgetBenchSpec(chart: WidgetChart, rows: number): WidgetSpec {
  const query = { ...QUERIES[chart], limit: rows };
  return WidgetSpecSchema.parse(
    chart === 'point'
      ? {
          version: 2,
          title: 'Revenue and purchases per customer',
          data: { kind: 'semantic', query },
          mark: 'point',
          encodings: {
            x: { field: 'transactions.count', type: 'quantitative' },
            y: { field: 'transactions.revenue', type: 'quantitative' },
          },
        }
      : {
          version: 2,
          title: 'Revenue per day',
          data: { kind: 'semantic', query },
          mark: 'line',
          encodings: {
            x: { field: 'transactions.ts.day', type: 'temporal', title: 'Day' },
            y: { field: 'transactions.revenue', type: 'quantitative' },
          },
        },
  );
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * `rows` rows of the chart's query, from a seeded generator, with the result columns planQuery
 * gives that query on the CLV model: per customer a purchase count and revenue, or a revenue per
 * consecutive day (a weekly cycle on a random walk).
 */
export function widgetBenchResult(chart: WidgetChart, rows: number): ResultSet {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer (got ${rows})`);
  const rng = createRng(SEED + rows + (chart === 'line' ? 1 : 0));
  const { columns } = planQuery(clvDataModel, QUERIES[chart], { now: `${SPAN.end}T00:00:00Z` });
  const data: Row[] = [];
  if (chart === 'point') {
    const width = String(rows).length;
    for (let i = 0; i < rows; i++) {
      const count = 1 + Math.floor(-Math.log(1 - rng.next()) * 4);
      data.push({ 'transactions.customer_id': `C${String(i + 1).padStart(width, '0')}`, 'transactions.count': count, 'transactions.revenue': cents(count * (20 + 80 * rng.next())) });
    }
  } else {
    let level = 1_000;
    for (let i = 0; i < rows; i++) {
      level = Math.max(100, level + (rng.next() - 0.5) * 40);
      data.push({ 'transactions.ts.day': formatDate(LINE_START + i * DAY), 'transactions.revenue': cents(level + 250 * Math.sin((2 * Math.PI * i) / 7)) });
    }
  }
  return { columns, rows: data, provenance: { kind: 'memory', plan: `bench: ${rows} generated rows (seed ${SEED})` } };
}

/** The "spec + data" file the widget is given, written at a fixed time so it is the same on every run. */
export function widgetBenchSnapshot(chart: WidgetChart, rows: number): WidgetSnapshot {
  return createWidgetSnapshot(widgetBenchSpec(chart, rows), widgetBenchResult(chart, rows), undefined, new Date(`${SPAN.end}T00:00:00Z`));
}

/** "1k", "10k": the row count in a benchmark name. */
export const shortCount = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

// ---------------------------------------------------------------- ten-widget dashboard

/** "now" of the dashboard: the day after the generated data ends, so relative ranges cover data. */
export const DASHBOARD_NOW = catalogNow(SPAN.end);

/** The customer_clv fit of the dashboard's CLV widgets, over the generated transactions. */
export const DASHBOARD_CLV_SETTINGS = { calibrationEnd: SPAN.end, timeUnit: 'weeks', horizon: 52 } as const;

/**
 * The timed filter change: the date range narrows the five widgets on transactions, the loyalty
 * tier reaches all ten (the per-customer tables look up to customers), so every widget runs again.
 */
export const DASHBOARD_FILTERS: { from: DashboardFilterState; to: DashboardFilterState } = {
  from: { dateRange: { kind: 'preset', preset: 'last 12 months' }, global: { tier: [] } },
  to: { dateRange: { kind: 'preset', preset: 'last 90 days' }, global: { tier: ['Gold'] } },
};

/** What each widget ran and got, by widget id: its data request (canonical JSON) and row counts. */
export type WidgetRuns = Record<string, { query: string; rows: number; comparisonRows?: number }>;

/** JSON with every object's keys sorted, so two equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort()
          .map((k) => [k, sortKeys(o[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

/** Null when both sides ran the same request and got as many rows for every widget, else the first difference. */
export function diffWidgetRuns(shown: WidgetRuns, queried: WidgetRuns): string | null {
  const ids = [...new Set([...Object.keys(shown), ...Object.keys(queried)])].sort();
  for (const id of ids) {
    const a = shown[id];
    const b = queried[id];
    if (!a) return `${id}: not shown`;
    if (!b) return `${id}: not queried`;
    if (a.query !== b.query) return `${id}: the widget ran ${a.query}, the baseline ${b.query}`;
    if (a.rows !== b.rows) return `${id}: ${a.rows} rows shown vs ${b.rows} queried`;
    if (a.comparisonRows !== b.comparisonRows) return `${id}: comparison ${a.comparisonRows ?? 'none'} rows shown vs ${b.comparisonRows ?? 'none'} queried`;
  }
  return null;
}
