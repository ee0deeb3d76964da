// Dashboard filters applied to widgets, checked by running the effective specs: semantic widgets
// on the in-memory engine, SQL widgets on native DuckDB, both against sums taken directly in JS.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { SemanticQuery } from '../../src/contracts/query.js';
import type { ScalarValue } from '../../src/contracts/result.js';
import {
  applyDashboardFilters,
  crossFilterFromClick,
  describeFilterState,
  drillParameters,
  filterOptionsQuery,
  initialFilterState,
  type FilterOptionsRequest,
} from '../../src/dashboards/filters.js';
import { parseDashboardSpec } from '../../src/dashboards/parse.js';
import type { DashboardFilterState, DashboardSpec, DashboardSpecInput, DashboardWidget, GlobalFilter } from '../../src/dashboards/spec.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { catalogModel, catalogSpec } from '../../src/widgets/catalog.js';
import { WidgetSpecSchema, type WidgetSpec } from '../../src/widgets/spec.js';
import { customers, memoryAdapter, transactions } from '../components/support/adapters.js';
import { NodeDuckDbSqlAdapter } from './support/duckdb-sql-adapter.js';

const NOW = '2024-04-15T12:00:00Z';
const model = catalogModel();
const tierOf = Object.fromEntries(customers.map((c) => [c.customer_id, c.loyalty_tier]));

const TIER_SQL = [
  'SELECT c.loyalty_tier AS tier, sum(t.amount) AS revenue',
  'FROM transactions t JOIN customers c ON c.customer_id = t.customer_id',
  "WHERE t.ts >= CAST('$START_DATE' AS DATE) AND t.ts < CAST('$END_DATE' AS DATE) + INTERVAL 1 DAY",
  "  AND ($TIER = '' OR list_contains(string_split($TIER, ','), c.loyalty_tier))",
  'GROUP BY 1 ORDER BY 1',
].join('\n');

const sqlTierSpec: WidgetSpec = WidgetSpecSchema.parse({
  version: 2,
  title: 'Revenue by tier (SQL)',
  data: { kind: 'sql', sql: TIER_SQL, params: { START_DATE: '2000-01-01', END_DATE: '2099-12-31', TIER: 'Platinum' } },
  mark: 'bar',
  encodings: { x: { field: 'tier', type: 'nominal' }, y: { field: 'revenue', type: 'quantitative' } },
  interactions: { click: { kind: 'filter', fields: ['tier'] } },
});

const tierFilter = {
  id: 'tier',
  label: 'Loyalty tier',
  member: 'customers.loyalty_tier',
  param: 'TIER',
  options: {
    kind: 'semantic' as const,
    query: { dimensions: ['customers.loyalty_tier'] },
    valueField: 'customers.loyalty_tier',
    labelField: 'customers.loyalty_tier',
  },
};

const all = { dateRange: true, global: ['tier'], crossFilter: true };
const input: DashboardSpecInput = {
  version: 1,
  id: 'test',
  name: 'Test',
  widgets: [
    { id: 'tiers', spec: catalogSpec('revenue-by-loyalty-tier'), layout: { x: 0, y: 0, w: 4, h: 4 }, filters: all },
    { id: 'channels', spec: catalogSpec('revenue-by-channel'), layout: { x: 4, y: 0, w: 4, h: 4 }, filters: all },
    { id: 'trend', spec: { ...catalogSpec('revenue-trend'), interactions: { tooltip: true, click: { kind: 'filter' } } }, layout: { x: 8, y: 0, w: 4, h: 4 }, filters: all },
    { id: 'big', spec: catalogSpec('revenue-last-90-days'), layout: { x: 0, y: 4, w: 3, h: 3 }, filters: all },
    { id: 'deciles', spec: catalogSpec('clv-by-decile'), layout: { x: 3, y: 4, w: 9, h: 3 }, filters: all },
    { id: 'sql-tiers', spec: sqlTierSpec, layout: { x: 0, y: 7, w: 6, h: 4 }, filters: all },
    { id: 'email', spec: catalogSpec('email-kpis-by-campaign'), layout: { x: 6, y: 7, w: 6, h: 4 }, filters: all },
    { id: 'migration', spec: catalogSpec('decile-migration'), layout: { x: 0, y: 11, w: 6, h: 4 }, filters: all },
  ],
  filters: { dateRange: { label: 'Purchase date', dimension: 'transactions.ts' }, global: [tierFilter] },
};
const parsed = parseDashboardSpec(input);
if (!parsed.success) throw new Error(parsed.message);
const dashboard: DashboardSpec = parsed.spec;
const widget = (id: string): DashboardWidget => dashboard.widgets.find((w) => w.id === id)!;
const state = (s: Partial<DashboardFilterState>): DashboardFilterState => ({ global: {}, ...s });
const feb = { kind: 'custom', from: '2024-02-01', to: '2024-02-29' } as const;

function queryOf(spec: WidgetSpec): SemanticQuery {
  assert.equal(spec.data.kind, 'semantic');
  return (spec.data as { query: SemanticQuery }).query;
}

/** Runs a semantic effective spec: revenue per value of its first dimension ("total" without one). */
async function run(spec: WidgetSpec, adapter: MemoryAdapter = memoryAdapter()): Promise<Record<string, ScalarValue>> {
  assert.ok(WidgetSpecSchema.safeParse(spec).success, 'the effective spec is still a valid widget spec');
  const result = await adapter.query(queryOf(spec), { now: NOW });
  const key = result.columns.find((c) => c.role !== 'measure')?.name;
  return Object.fromEntries(result.rows.map((r) => [key ? String(r[key]) : 'total', r['transactions.revenue']!]));
}

const apply = (id: string, s: DashboardFilterState, withModel = true) =>
  applyDashboardFilters(widget(id), dashboard, s, { now: NOW, ...(withModel ? { model } : {}) });

describe('date range on semantic widgets', () => {
  it('narrows the first time dimension: revenue in February 2024 only', async () => {
    const eff = apply('trend', state({ dateRange: feb }));
    assert.deepEqual(queryOf(eff.spec).timeDimensions, [{ dimension: 'transactions.ts', granularity: 'month', dateRange: ['2024-02-01', '2024-02-29'] }]);
    assert.deepEqual(await run(eff.spec), { '2024-02-01': 80 + 19.75 });
    assert.deepEqual(eff.applied, { dateRange: '2024-02-01 – 2024-02-29', global: [] });
    assert.deepEqual(eff.skipped, []);
  });

  it('adds the dashboard dimension to a query without one; presets stay relative', async () => {
    const eff = apply('tiers', state({ dateRange: { kind: 'preset', preset: 'last month' } }));
    assert.deepEqual(queryOf(eff.spec).timeDimensions, [{ dimension: 'transactions.ts', dateRange: 'last month' }]);
    assert.equal(eff.applied.dateRange, '2024-03-01 – 2024-03-31');
    assert.deepEqual(await run(eff.spec), { Bronze: 60, Silver: 300 });
  });

  it('moves a big number range, and its previous-period comparison follows', async () => {
    const own = queryOf(widget('big').spec);
    assert.deepEqual(await run(widget('big').spec), { total: 80 + 300 + 19.75 + 60 }, 'last 90 days before the filter');
    const eff = apply('big', state({ dateRange: { kind: 'custom', from: '2024-03-01', to: '2024-03-31' } }));
    const range = queryOf(eff.spec).timeDimensions[0]!.dateRange!;
    assert.deepEqual(range, ['2024-03-01', '2024-03-31']);
    assert.deepEqual(await run(eff.spec), { total: 360 });
    // The comparison runs the same query over the 31 days before: 30 January to 29 February 2024.
    const previous = { ...own, timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2024-01-30', '2024-02-29'] as [string, string] }] };
    const prev = await memoryAdapter().query(previous, { now: NOW });
    assert.equal(prev.rows[0]!['transactions.revenue'], 99.75);
  });

  it('is skipped, with the reason, where the model cannot reach the dimension', () => {
    const eff = apply('deciles', state({ dateRange: feb }));
    assert.deepEqual(eff.spec, widget('deciles').spec);
    assert.equal(eff.applied.dateRange, undefined);
    assert.equal(eff.skipped.length, 1);
    assert.equal(eff.skipped[0]!.filter, 'dateRange');
    assert.match(eff.skipped[0]!.reason, /"transactions" cannot be reached from "customer_clv"/);
    // Without a model nothing can be checked, so the filter is applied.
    assert.equal(queryOf(apply('deciles', state({ dateRange: feb }), false).spec).timeDimensions.length, 1);
  });

  it('does nothing for widgets that opted out, and skips an invalid chosen range', () => {
    const optedOut = { ...widget('trend'), filters: { ...widget('trend').filters, dateRange: false } };
    assert.deepEqual(applyDashboardFilters(optedOut, dashboard, state({ dateRange: feb }), { now: NOW }).spec, optedOut.spec);
    const bad = apply('trend', state({ dateRange: { kind: 'custom', from: '2024-03-01', to: '2024-02-01' } }));
    assert.deepEqual(bad.spec, widget('trend').spec);
    assert.deepEqual(bad.skipped, [{ filter: 'dateRange', reason: 'the chosen date range is invalid: the range ends before it starts' }]);
  });
});

describe('global filters on semantic widgets', () => {
  it('one value is equals, several are in, none is no filter', async () => {
    const gold = apply('channels', state({ global: { tier: ['Gold'] } }));
    assert.deepEqual(queryOf(gold.spec).filters, [{ member: 'customers.loyalty_tier', operator: 'equals', values: ['Gold'] }]);
    assert.deepEqual(await run(gold.spec), { store: 80, web: 120.5 });
    assert.deepEqual(gold.applied.global, ['tier']);
    const two = apply('trend', state({ global: { tier: ['Gold', 'Bronze'] } }));
    assert.deepEqual(queryOf(two.spec).filters, [{ member: 'customers.loyalty_tier', operator: 'in', values: ['Gold', 'Bronze'] }]);
    assert.deepEqual(await run(two.spec), { '2024-01-01': 120.5, '2024-02-01': 80 + 19.75, '2024-03-01': 60 });
    const none = apply('trend', state({ global: { tier: [] } }));
    assert.deepEqual(none.spec, widget('trend').spec);
    assert.deepEqual(none.applied.global, []);
  });

  it('reaches customer tables through their lookup, and combines with the date range', async () => {
    assert.deepEqual(apply('deciles', state({ global: { tier: ['Gold'] } })).applied.global, ['tier']);
    const both = apply('tiers', state({ dateRange: feb, global: { tier: ['Gold', 'Silver'] } }));
    assert.deepEqual(await run(both.spec), { Gold: 80 });
  });
});

describe('cross filters', () => {
  const channelSpec = widget('channels').spec;

  it('a donut click filters by its color field; other widgets narrow, the source does not', async () => {
    const values = crossFilterFromClick(channelSpec, { 'transactions.channel': 'web', 'transactions.revenue': 185.5 });
    assert.deepEqual(values, { 'transactions.channel': 'web' });
    const s = state({ cross: { sourceWidgetId: 'channels', values: values! } });
    const eff = apply('tiers', s);
    assert.deepEqual(await run(eff.spec), { Bronze: 19.75, Gold: 120.5, Silver: 45.25 });
    assert.equal(eff.applied.cross, 'channels');
    assert.deepEqual(apply('channels', s).spec, channelSpec);
  });

  it('a clicked null filters with notSet', async () => {
    const adapter = new MemoryAdapter(clvDataModel, {
      customers,
      transactions: [...transactions, { ...transactions[0]!, transaction_id: 't7', amount: 10, channel: null }],
    });
    const eff = apply('tiers', state({ cross: { sourceWidgetId: 'channels', values: { 'transactions.channel': null } } }));
    assert.deepEqual(queryOf(eff.spec).filters, [{ member: 'transactions.channel', operator: 'notSet', values: [] }]);
    assert.deepEqual(await run(eff.spec, adapter), { Gold: 10 });
  });

  it('a clicked month becomes a date range, intersected with a ranged time dimension', async () => {
    const values = crossFilterFromClick(widget('trend').spec, { 'transactions.ts.month': '2024-02-01', 'transactions.revenue': 99.75 });
    assert.deepEqual(values, { 'transactions.ts.month': '2024-02-01' });
    const s = state({ cross: { sourceWidgetId: 'trend', values: values! } });
    const tiers = apply('tiers', s);
    assert.deepEqual(queryOf(tiers.spec).filters, [{ member: 'transactions.ts', operator: 'inDateRange', values: ['2024-02-01', '2024-02-29'] }]);
    assert.deepEqual(await run(tiers.spec), { Bronze: 19.75, Gold: 80 });
    // The big number's own "last 90 days" (16 January to 14 April) overlaps February whole.
    const big = apply('big', s);
    assert.deepEqual(queryOf(big.spec).timeDimensions[0]!.dateRange, ['2024-02-01', '2024-02-29']);
    assert.deepEqual(await run(big.spec), { total: 99.75 });
    // A dashboard range of 10 January to 10 February leaves 1–10 February.
    const narrowed = apply('big', { ...s, dateRange: { kind: 'custom', from: '2024-01-10', to: '2024-02-10' } });
    assert.deepEqual(queryOf(narrowed.spec).timeDimensions[0]!.dateRange, ['2024-02-01', '2024-02-10']);
    // No overlap at all: both conditions stay, so nothing matches.
    const apart = apply('big', { ...s, dateRange: { kind: 'custom', from: '2024-03-01', to: '2024-03-31' } });
    assert.deepEqual(await run(apart.spec), { total: null });
  });

  it('skips fields the widget cannot reach or that are not dimensions, with reasons', () => {
    const s = state({ cross: { sourceWidgetId: 'channels', values: { 'transactions.channel': 'web', 'customers.loyalty_tier': 'Gold' } } });
    const eff = apply('deciles', s);
    assert.deepEqual(queryOf(eff.spec).filters, [{ member: 'customers.loyalty_tier', operator: 'equals', values: ['Gold'] }]);
    assert.equal(eff.skipped.length, 1);
    assert.match(eff.skipped[0]!.reason, /"transactions" cannot be reached/);
    const odd = apply('tiers', state({ cross: { sourceWidgetId: 'migration', values: { decile_from: 3, 'transactions.revenue': 5 } } }));
    assert.deepEqual(odd.skipped, [
      { filter: 'crossFilter', reason: '"decile_from" is not a member of the data model' },
      { filter: 'crossFilter', reason: '"transactions.revenue" is a measure; only dimensions filter other widgets' },
    ]);
    assert.equal(odd.applied.cross, undefined);
    const gone = apply('tiers', state({ cross: { sourceWidgetId: 'removed', values: { 'transactions.channel': 'web' } } }));
    assert.deepEqual(gone.skipped, [{ filter: 'crossFilter', reason: 'the widget "removed" that set it is no longer on the dashboard' }]);
  });
});

describe('clicks', () => {
  it('default fields: x then color, a donut its color, never a measure axis', () => {
    assert.deepEqual(crossFilterFromClick(catalogSpec('clv-by-decile'), { 'customer_clv.clv_decile': 3, 'customer_clv.clv_total': 9 }), {
      'customer_clv.clv_decile': 3,
    });
    assert.deepEqual(crossFilterFromClick(catalogSpec('revenue-by-loyalty-tier'), { 'customers.loyalty_tier': 'Gold' }), { 'customers.loyalty_tier': 'Gold' });
    assert.deepEqual(crossFilterFromClick(widget('trend').spec, { 'transactions.ts.month': new Date('2024-02-01T00:00:00Z') }), {
      'transactions.ts.month': '2024-02-01T00:00:00.000Z',
    });
    const horizontal = WidgetSpecSchema.parse({
      ...catalogSpec('audience-size'),
      interactions: { click: { kind: 'filter' } },
    });
    assert.deepEqual(crossFilterFromClick(horizontal, { 'audiences.name': 'VIP', 'audience_memberships.current_members': 4 }), { 'audiences.name': 'VIP' });
    assert.equal(crossFilterFromClick(catalogSpec('revenue-trend'), { 'transactions.ts.month': '2024-02-01' }), undefined, 'no filter click');
    assert.equal(crossFilterFromClick(widget('channels').spec, {}), undefined, 'no field in the datum');
  });

  it('drill parameters come from the clicked datum', () => {
    assert.deepEqual(drillParameters(catalogSpec('top-customers'), { 'customer_clv.customer_id': 'c1', 'customer_clv.clv': 310 }), {
      dashboardId: 'customer-detail',
      parameters: { customer_id: 'c1' },
    });
    assert.equal(drillParameters(catalogSpec('revenue-by-channel'), { 'transactions.channel': 'web' }), undefined);
  });
});

describe('SQL widgets', () => {
  let db: NodeDuckDbSqlAdapter;
  before(async () => {
    db = await NodeDuckDbSqlAdapter.open();
    const text = (v: string) => `'${v.replace(/'/g, "''")}'`;
    await db.sql('CREATE TABLE customers (customer_id VARCHAR, loyalty_tier VARCHAR)');
    await db.sql(`INSERT INTO customers VALUES ${customers.map((c) => `(${text(c.customer_id)}, ${text(c.loyalty_tier)})`).join(', ')}`);
    await db.sql('CREATE TABLE transactions (customer_id VARCHAR, ts TIMESTAMP, amount DOUBLE)');
    await db.sql(`INSERT INTO transactions VALUES ${transactions.map((t) => `(${text(t.customer_id)}, ${text(t.ts.slice(0, 19))}, ${t.amount})`).join(', ')}`);
  });
  after(() => db.close());

  const runSql = async (spec: WidgetSpec) => {
    assert.equal(spec.data.kind, 'sql');
    const data = spec.data as { sql: string; params: Record<string, ScalarValue> };
    assert.equal(data.sql, TIER_SQL, 'the SQL text never changes');
    return Object.fromEntries((await db.sql(data.sql, data.params)).rows.map((r) => [String(r.tier), r.revenue!]));
  };

  it('binds the inclusive dates and the tier list as parameters', async () => {
    const eff = apply('sql-tiers', state({ dateRange: { kind: 'preset', preset: 'last month' }, global: { tier: ['Silver', 'Bronze'] } }));
    const params = (eff.spec.data as { params: Record<string, ScalarValue> }).params;
    assert.deepEqual(params, { START_DATE: '2024-03-01', END_DATE: '2024-03-31', TIER: 'Silver,Bronze' });
    assert.deepEqual(eff.applied, { dateRange: '2024-03-01 – 2024-03-31', global: ['tier'] });
    assert.deepEqual(await runSql(eff.spec), { Bronze: 60, Silver: 300 });
    // No tier chosen binds '' (all tiers), replacing the sample value.
    const allTiers = apply('sql-tiers', state({ dateRange: feb }));
    assert.deepEqual(await runSql(allTiers.spec), { Bronze: 19.75, Gold: 80 });
  });

  it('applies a cross filter only through a parameter of the same name', async () => {
    const eff = apply('sql-tiers', state({ cross: { sourceWidgetId: 'tiers', values: { 'customers.loyalty_tier': 'Gold', TIER: 'Gold' } } }));
    assert.deepEqual(eff.skipped, [{ filter: 'crossFilter', reason: 'the SQL has no parameter named "customers.loyalty_tier"' }]);
    assert.equal(eff.applied.cross, 'tiers');
    assert.deepEqual(await runSql(eff.spec), { Gold: 200.5 });
  });

  it('skips what the SQL has no parameter for', () => {
    const migration = apply('migration', state({ dateRange: feb, global: { tier: ['Gold'] } }));
    assert.deepEqual(migration.spec, widget('migration').spec);
    assert.deepEqual(migration.skipped, [
      { filter: 'dateRange', reason: "the SQL uses neither '$START_DATE' nor '$END_DATE'" },
      { filter: 'tier', reason: "the SQL does not use '$TIER'" },
    ]);
    const email = apply('email', state({ dateRange: feb }));
    assert.deepEqual((email.spec.data as { params: Record<string, ScalarValue> }).params, { START_DATE: '2024-02-01', END_DATE: '2024-02-29' });
  });

  it('a SQL options source gets $SEARCH bound', async () => {
    const sql = "SELECT DISTINCT loyalty_tier AS v FROM customers WHERE contains(lower(loyalty_tier), lower('$SEARCH')) ORDER BY 1";
    const sqlFilter: GlobalFilter = { ...dashboard.filters.global[0]!, options: { kind: 'sql', sql, valueField: 'v', labelField: 'v' } };
    const searched = filterOptionsQuery(sqlFilter, ' go ');
    assert.deepEqual(searched, { kind: 'sql', sql, params: { SEARCH: 'go' } });
    const choices = async (r: FilterOptionsRequest) => (r.kind === 'sql' ? (await db.sql(r.sql, r.params)).rows.map((row) => row.v) : []);
    assert.deepEqual(await choices(searched), ['Gold']);
    assert.deepEqual(await choices(filterOptionsQuery(sqlFilter)), ['Bronze', 'Gold', 'Silver']);
  });

  it('differential: random ranges and tier choices give the JS sums, on both engines', async () => {
    const day = fc.integer({ min: 0, max: 150 }).map((n) => new Date(Date.UTC(2023, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const tiers = fc.subarray(['Gold', 'Silver', 'Bronze', 'Platinum']);
    const adapter = memoryAdapter();
    await fc.assert(
      fc.asyncProperty(day, day, tiers, async (a, b, chosen) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const s = state({ dateRange: { kind: 'custom', from, to }, global: { tier: chosen } });
        const expected = new Map<string, number>();
        for (const t of transactions) {
          const d = t.ts.slice(0, 10);
          const tier = tierOf[t.customer_id]!;
          if (d >= from && d <= to && (chosen.length === 0 || chosen.includes(tier))) expected.set(tier, (expected.get(tier) ?? 0) + t.amount);
        }
        const close = (got: Record<string, ScalarValue>) => {
          assert.deepEqual(Object.keys(got).sort(), [...expected.keys()].sort());
          for (const [tier, sum] of expected) assert.ok(Math.abs(Number(got[tier]) - sum) < 1e-9, `${tier}: ${got[tier]} vs ${sum}`);
        };
        close(await run(apply('tiers', s).spec, adapter));
        close(await runSql(apply('sql-tiers', s).spec));
      }),
      { numRuns: 60 },
    );
  });
});

describe('state helpers', () => {
  it('initialFilterState takes the defaults', () => {
    const withDefaults = parseDashboardSpec({
      ...input,
      filters: {
        dateRange: { dimension: 'transactions.ts', default: { kind: 'preset', preset: 'last 30 days' } },
        global: [{ ...tierFilter, default: ['Gold'] }],
      },
    });
    assert.ok(withDefaults.success);
    assert.deepEqual(initialFilterState(withDefaults.spec), { dateRange: { kind: 'preset', preset: 'last 30 days' }, global: { tier: ['Gold'] } });
    assert.deepEqual(initialFilterState(dashboard), { global: { tier: [] } });
  });

  it('describeFilterState summarises what is active', () => {
    assert.equal(describeFilterState(dashboard, state({})), 'No filters');
    assert.equal(
      describeFilterState(
        dashboard,
        state({
          dateRange: { kind: 'preset', preset: 'last 90 days' },
          global: { tier: ['Gold', 'Silver'] },
          cross: { sourceWidgetId: 'trend', values: { 'transactions.ts.month': '2024-02-01', 'transactions.channel': null } },
        }),
      ),
      'Purchase date: last 90 days · Loyalty tier: Gold, Silver · Revenue by month: Month = 2024-02-01, channel = (empty)',
    );
    assert.equal(describeFilterState(dashboard, state({ dateRange: feb })), 'Purchase date: 2024-02-01 – 2024-02-29');
  });
});

describe('filterOptionsQuery', () => {
  const filter = dashboard.filters.global[0]!;

  it('lists the choices, narrowed by a case-insensitive search, at most 200', async () => {
    const plain = filterOptionsQuery(filter);
    assert.equal(plain.kind, 'semantic');
    const q = (plain as { query: SemanticQuery }).query;
    assert.equal(q.limit, 200);
    const rows = async (query: SemanticQuery) => (await memoryAdapter().query(query)).rows.map((r) => r['customers.loyalty_tier']);
    assert.deepEqual(await rows(q), ['Bronze', 'Gold', 'Silver']);
    const searched = filterOptionsQuery(filter, '  gO ') as { query: SemanticQuery };
    assert.deepEqual(searched.query.filters, [{ member: 'customers.loyalty_tier', operator: 'contains', values: ['gO'] }]);
    assert.deepEqual(await rows(searched.query), ['Gold']);
  });
});
