// The example dashboards: valid, compact layouts, filter opt-ins that match what each query can
// reach, and every widget's effective query (filters applied) plans against the model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DataModel } from '../../src/contracts/data-model.js';
import type { SemanticQuery } from '../../src/contracts/query.js';
import type { Row } from '../../src/contracts/result.js';
import { cdnowDashboard, clvOverviewDashboard } from '../../src/dashboards/examples.js';
import { applyDashboardFilters, crossFilterFromClick, filterOptionsQuery } from '../../src/dashboards/filters.js';
import { compact } from '../../src/dashboards/layout.js';
import { parseDashboardSpec } from '../../src/dashboards/parse.js';
import type { DashboardFilterState, DashboardSpec, DashboardSpecInput, DashboardWidget } from '../../src/dashboards/spec.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { planQuery } from '../../src/query/plan.js';
import { catalogModel, catalogSpec } from '../../src/widgets/catalog.js';
import { WidgetSpecSchema, queryResultColumns, widgetQueries } from '../../src/widgets/spec.js';
import { memoryAdapter } from '../components/support/adapters.js';

const NOW = '2024-07-01';
const model = catalogModel();

function parse(input: DashboardSpecInput): DashboardSpec {
  const r = parseDashboardSpec(input);
  if (!r.success) throw new Error(r.message);
  return r.spec;
}

/** A clicked datum with a plausible value for every result column of the widget. */
function sampleDatum(w: DashboardWidget): Row {
  assert.equal(w.spec.data.kind, 'semantic');
  const query = (w.spec.data as { query: SemanticQuery }).query;
  return Object.fromEntries(queryResultColumns(query).map((c) => [c, /\.(month|week|day|quarter|year)$/.test(c) ? '2024-03-01' : c.endsWith('decile') ? 2 : 'x']));
}

/** Filter states to try: none, each filter alone, a click on every click-filter widget, and everything at once. */
function states(d: DashboardSpec): DashboardFilterState[] {
  const out: DashboardFilterState[] = [{ global: {} }, { global: {}, dateRange: { kind: 'preset', preset: 'last 90 days' } }];
  for (const f of d.filters.global) out.push({ global: { [f.id]: ['Gold'] } }, { global: { [f.id]: ['Gold', 'Silver'] } });
  for (const w of d.widgets) {
    const values = crossFilterFromClick(w.spec, sampleDatum(w));
    if (!values) continue;
    out.push({ global: {}, cross: { sourceWidgetId: w.id, values } });
    out.push({
      dateRange: { kind: 'custom', from: '2024-01-01', to: '2024-06-30' },
      global: Object.fromEntries(d.filters.global.map((f) => [f.id, ['Gold']])),
      cross: { sourceWidgetId: w.id, values },
    });
  }
  return out;
}

function assertEffectiveQueriesPlan(d: DashboardSpec, m: DataModel): void {
  for (const state of states(d)) {
    for (const w of d.widgets) {
      const eff = applyDashboardFilters(w, d, state, { now: NOW, model: m });
      const valid = WidgetSpecSchema.safeParse(eff.spec);
      assert.ok(valid.success, `${w.id}: ${valid.error?.message}`);
      for (const q of widgetQueries(eff.spec)) assert.doesNotThrow(() => planQuery(m, q, { now: NOW }), `${w.id} with ${JSON.stringify(state)}`);
    }
  }
}

/** Whether a filter the widget opted out of would have been skipped: the opt-ins match reachability. */
function assertOptInsMatchReach(d: DashboardSpec, m: DataModel): void {
  const state: DashboardFilterState = {
    dateRange: { kind: 'preset', preset: 'last 90 days' },
    global: Object.fromEntries(d.filters.global.map((f) => [f.id, ['Gold']])),
  };
  for (const w of d.widgets) {
    const everything = { ...w, filters: { dateRange: true, global: d.filters.global.map((f) => f.id), crossFilter: false } };
    const skipped = new Set(applyDashboardFilters(everything, d, state, { now: NOW, model: m }).skipped.map((s) => s.filter));
    assert.equal(w.filters.dateRange, !skipped.has('dateRange'), `${w.id}: date range opt-in`);
    assert.deepEqual(w.filters.global, d.filters.global.map((f) => f.id).filter((id) => !skipped.has(id)), `${w.id}: global opt-ins`);
  }
}

describe('clvOverviewDashboard', () => {
  const d = parse(clvOverviewDashboard);

  it('has the ten catalog widgets on a compact 12-column grid', () => {
    assert.deepEqual(
      d.widgets.map((w) => w.id),
      [
        'revenue-last-90-days',
        'revenue-trend',
        'revenue-by-loyalty-tier',
        'revenue-by-channel',
        'customers-buying-per-month',
        'clv-by-decile',
        'clv-distribution',
        'p-alive-distribution',
        'profiles-per-decile-and-category',
        'top-customers',
      ],
    );
    for (const w of d.widgets) assert.deepEqual(w.spec, catalogSpec(w.id));
    assert.deepEqual(compact(d.widgets), d.widgets, 'no gaps to close');
    assert.equal(d.filters.dateRange?.dimension, 'transactions.ts');
    assert.deepEqual(
      d.filters.global.map((f) => [f.id, f.member]),
      [['tier', 'customers.loyalty_tier']],
    );
    assert.equal(crossFilterFromClick(d.widgets[2]!.spec, { 'customers.loyalty_tier': 'Gold' })?.['customers.loyalty_tier'], 'Gold');
    assert.equal(crossFilterFromClick(d.widgets[3]!.spec, { 'transactions.channel': 'web' })?.['transactions.channel'], 'web');
  });

  it('opts each widget into exactly the filters its query reaches', () => {
    assertOptInsMatchReach(d, model);
    assert.deepEqual(
      d.widgets.filter((w) => w.filters.dateRange).map((w) => w.id),
      ['revenue-last-90-days', 'revenue-trend', 'revenue-by-loyalty-tier', 'revenue-by-channel', 'customers-buying-per-month'],
    );
  });

  it('plans every widget with any combination of filters applied', () => {
    assertEffectiveQueriesPlan(d, model);
  });

  it('lists the tier choices from the data', async () => {
    const request = filterOptionsQuery(d.filters.global[0]!);
    assert.equal(request.kind, 'semantic');
    const rows = (await memoryAdapter().query((request as { query: SemanticQuery }).query)).rows;
    assert.deepEqual(
      rows.map((r) => r['customers.loyalty_tier']),
      ['Bronze', 'Gold', 'Silver'],
    );
  });
});

describe('cdnowDashboard', () => {
  const d = parse(cdnowDashboard);

  it('reads only customers and transactions of the plain CLV model', () => {
    for (const w of d.widgets) {
      for (const q of widgetQueries(w.spec)) {
        const plan = planQuery(clvDataModel, q, { now: NOW });
        const tables = new Set([plan.base.name, ...plan.joins.map((j) => j.table.name)]);
        for (const t of tables) assert.ok(['customers', 'transactions'].includes(t), `${w.id} reads ${t}`);
      }
    }
    assert.deepEqual(compact(d.widgets), d.widgets);
    assertOptInsMatchReach(d, clvDataModel);
    assertEffectiveQueriesPlan(d, clvDataModel);
    assertEffectiveQueriesPlan(d, model);
  });

  it('shows the right numbers for February 2024 of the test data', async () => {
    const state: DashboardFilterState = { global: {}, dateRange: { kind: 'custom', from: '2024-02-01', to: '2024-02-29' } };
    const adapter = memoryAdapter();
    const rows = async (id: string) => {
      const eff = applyDashboardFilters(d.widgets.find((w) => w.id === id)!, d, state, { now: NOW, model: clvDataModel });
      return (await adapter.query((eff.spec.data as { query: SemanticQuery }).query, { now: NOW })).rows;
    };
    assert.deepEqual(await rows('total-revenue'), [{ 'transactions.revenue': 99.75 }]);
    assert.deepEqual(await rows('revenue-by-month'), [{ 'transactions.ts.month': '2024-02-01', 'transactions.revenue': 99.75 }]);
    assert.deepEqual(await rows('customers-per-month'), [{ 'transactions.ts.month': '2024-02-01', 'transactions.customers': 2 }]);
    assert.deepEqual(
      (await rows('top-customers-by-revenue')).map((r) => [r['transactions.customer_id'], r['transactions.revenue'], r['transactions.count']]),
      [
        ['c1', 80, 1],
        ['c3', 19.75, 1],
      ],
    );
    // Opening on the default range (the CDNOW span) leaves out the 2024 test rows entirely.
    const opening = applyDashboardFilters(d.widgets[0]!, d, { global: {}, dateRange: d.filters.dateRange!.default }, { now: NOW });
    assert.equal(opening.applied.dateRange, '1997-01-01 – 1998-06-30');
  });
});
