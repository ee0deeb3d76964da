import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DASHBOARD_FILTERS,
  DASHBOARD_NOW,
  WIDGET_CHARTS,
  WIDGET_ROWS,
  canonicalJson,
  diffWidgetRuns,
  shortCount,
  widgetBenchResult,
  widgetBenchSnapshot,
  widgetBenchSpec,
  type WidgetRuns,
} from '../../bench/widget-workload.js';
import { clvOverviewDashboard } from '../../src/dashboards/examples.js';
import { applyDashboardFilters } from '../../src/dashboards/filters.js';
import { parseDashboardSpec } from '../../src/dashboards/parse.js';
import { catalogModel } from '../../src/widgets/catalog.js';
import { parseWidgetSnapshot } from '../../src/widgets/snapshot.js';
import { queryResultColumns } from '../../src/widgets/spec.js';
import { toVegaLite } from '../../src/widgets/vega-lite.js';

test('the benchmarked charts: a point and a line widget whose fields are result columns of their query', () => {
  const point = widgetBenchSpec('point', 1_000);
  assert.equal(point.mark, 'point');
  assert.equal(point.data.kind, 'semantic');
  assert.deepEqual(point.data.kind === 'semantic' && queryResultColumns(point.data.query), ['transactions.customer_id', 'transactions.count', 'transactions.revenue']);
  assert.equal(point.data.kind === 'semantic' && point.data.query.limit, 1_000);
  const line = widgetBenchSpec('line', 10_000);
  assert.equal(line.mark, 'line');
  assert.deepEqual([line.encodings.x?.field, line.encodings.x?.type], ['transactions.ts.day', 'temporal']);
  assert.deepEqual(WIDGET_CHARTS, ['point', 'line']);
  assert.deepEqual(WIDGET_ROWS, [1_000, 10_000]);
});

test('point rows: one customer each, whole purchase counts, positive revenue, the same on every call', () => {
  const r = widgetBenchResult('point', 1_000);
  assert.equal(r.rows.length, 1_000);
  assert.deepEqual(
    r.columns.map((c) => [c.name, c.type, c.role]),
    [
      ['transactions.customer_id', 'string', 'identity'],
      ['transactions.count', 'integer', 'measure'],
      ['transactions.revenue', 'number', 'measure'],
    ],
  );
  assert.equal(new Set(r.rows.map((row) => row['transactions.customer_id'])).size, 1_000);
  assert.equal(r.rows[0]!['transactions.customer_id'], 'C0001');
  for (const row of r.rows) {
    const count = row['transactions.count'] as number;
    const revenue = row['transactions.revenue'] as number;
    assert.ok(Number.isInteger(count) && count >= 1, `count ${count}`);
    assert.ok(revenue >= 20 * count && revenue <= 100 * count, `revenue ${revenue} for ${count} purchases`);
  }
  assert.deepEqual(widgetBenchResult('point', 1_000), r);
  assert.notDeepEqual(widgetBenchResult('point', 10_000).rows.slice(0, 5), r.rows.slice(0, 5));
  assert.throws(() => widgetBenchResult('point', 0), RangeError);
});

test('line rows: consecutive days from 1998-01-01, revenue never below the floor of the walk', () => {
  const r = widgetBenchResult('line', 10_000);
  assert.equal(r.rows.length, 10_000);
  assert.deepEqual(r.columns.map((c) => c.name), ['transactions.ts.day', 'transactions.revenue']);
  assert.equal(r.rows[0]!['transactions.ts.day'], '1998-01-01');
  assert.equal(r.rows[999]!['transactions.ts.day'], '2000-09-26');
  assert.equal(r.rows[9_999]!['transactions.ts.day'], '2025-05-18');
  assert.ok(r.rows.every((row) => (row['transactions.revenue'] as number) >= 100 - 250));
});

test('the snapshots are valid clv-kit/widget-snapshot files and compile to Vega-Lite with one value per row', () => {
  for (const chart of WIDGET_CHARTS) {
    const snapshot = widgetBenchSnapshot(chart, 1_000);
    assert.equal(snapshot.exportedAt, '2024-12-31T00:00:00.000Z');
    const parsed = parseWidgetSnapshot(JSON.parse(JSON.stringify(snapshot)));
    assert.ok(parsed.success, parsed.success ? '' : parsed.message);
    const vl = toVegaLite(snapshot.spec, snapshot.result, { width: 640, height: 300 }) as unknown as { data: { values: Array<Record<string, unknown>> }; width: number };
    assert.equal(vl.data.values.length, 1_000);
    assert.equal(vl.width, 640);
    if (chart === 'line') assert.equal(vl.data.values[0]!['transactions.ts.day'], Date.parse('1998-01-01T00:00:00Z'));
  }
});

test('shortCount names row counts as the benchmark names show them', () => {
  assert.equal(shortCount(1_000), '1k');
  assert.equal(shortCount(10_000), '10k');
  assert.equal(shortCount(1_500), '1500');
});

test('canonicalJson: the same text whatever the key order; undefined members dropped; arrays keep their order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
  assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
  assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
});

test('diffWidgetRuns: same query and row counts per widget, else the first difference', () => {
  const base: WidgetRuns = {
    trend: { query: '{"q":1}', rows: 3 },
    kpi: { query: '{"q":2}', rows: 1, comparisonRows: 1 },
  };
  assert.equal(diffWidgetRuns(base, structuredClone(base)), null);
  assert.equal(diffWidgetRuns(base, { ...base, trend: { query: '{"q":1}', rows: 4 } }), 'trend: 3 rows shown vs 4 queried');
  assert.equal(diffWidgetRuns(base, { ...base, kpi: { query: '{"q":2}', rows: 1 } }), 'kpi: comparison 1 rows shown vs none queried');
  assert.equal(diffWidgetRuns(base, { ...base, trend: { query: '{"q":9}', rows: 3 } }), 'trend: the widget ran {"q":1}, the baseline {"q":9}');
  assert.equal(diffWidgetRuns({ trend: base.trend! }, base), 'kpi: not shown');
  assert.equal(diffWidgetRuns(base, { kpi: base.kpi! }), 'trend: not queried');
});

test('the timed filter change gives every widget of the CLV overview another effective spec, with no filter skipped', () => {
  const parsed = parseDashboardSpec(clvOverviewDashboard);
  assert.ok(parsed.success);
  const spec = parsed.spec;
  const model = catalogModel();
  assert.equal(DASHBOARD_NOW, '2025-01-01');
  assert.equal(spec.widgets.length, 10);
  for (const widget of spec.widgets) {
    const from = applyDashboardFilters(widget, spec, DASHBOARD_FILTERS.from, { now: DASHBOARD_NOW, model });
    const to = applyDashboardFilters(widget, spec, DASHBOARD_FILTERS.to, { now: DASHBOARD_NOW, model });
    assert.notEqual(canonicalJson(from.spec.data), canonicalJson(to.spec.data), `${widget.id} runs again`);
    assert.deepEqual(to.skipped, [], `${widget.id}: nothing skipped`);
    assert.deepEqual(to.applied.global, ['tier'], `${widget.id}: the tier reaches it`);
    if (widget.filters.dateRange) assert.equal(to.applied.dateRange, '2024-10-03 – 2024-12-31');
  }
});
