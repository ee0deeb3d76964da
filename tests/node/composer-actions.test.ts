// The composer reducer: a CLV-by-decile bar from nothing, swapping X and Y, mark changes, filters
// (run against the in-memory engine for their answers), aggregates, granularity and SQL mode.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dateFilter,
  emptyComposerState,
  explainState,
  reduceComposer,
  relativeDateRange,
  stateToSpec,
  valuesFilter,
  type ComposerAction,
  type ComposerState,
} from '../../src/composer/index.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { MAX_LIMIT } from '../../src/contracts/query.js';
import { WidgetSpecSchema, catalogModel, catalogSpec, type WidgetSpec } from '../../src/widgets/index.js';

const model = catalogModel();
const run = (actions: ComposerAction[], from: ComposerState = emptyComposerState()) => actions.reduce((s, a) => reduceComposer(s, a, model), from);
const problems = (s: ComposerState) => explainState(s, model).map((p) => p.message);
const queryOf = (s: ComposerState) => {
  const data = stateToSpec(s).data;
  assert.equal(data.kind, 'semantic');
  return data.kind === 'semantic' ? data.query : assert.fail('not semantic');
};

describe('composing the CLV-by-decile bar from nothing', () => {
  const built = run([
    { type: 'chooseTable', table: 'customer_clv' },
    { type: 'assign', channel: 'x', attribute: 'customer_clv.clv_decile' },
    { type: 'assign', channel: 'y', attribute: 'customer_clv.clv_total' },
    { type: 'setTitle', title: 'CLV by decile' },
  ]);

  it('infers ordinal for the decile code and quantitative for the measure, and writes the expected spec', () => {
    const expected: WidgetSpec = {
      version: 2,
      title: 'CLV by decile',
      data: {
        kind: 'semantic',
        query: {
          measures: ['customer_clv.clv_total'],
          dimensions: ['customer_clv.clv_decile'],
          timeDimensions: [],
          filters: [],
          order: [],
          limit: 10000,
          offset: 0,
          total: false,
          timezone: 'UTC',
        },
      },
      mark: 'bar',
      encodings: {
        x: { field: 'customer_clv.clv_decile', type: 'ordinal' },
        y: { field: 'customer_clv.clv_total', type: 'quantitative' },
      },
      properties: {},
      interactions: { tooltip: true, click: { kind: 'none' } },
    };
    assert.deepStrictEqual(stateToSpec(built), expected);
    assert.deepStrictEqual(WidgetSpecSchema.parse(expected), expected);
    assert.deepEqual(explainState(built, model), []);
  });

  it('with detail measures, the row order, an axis title and click-to-filter it is the catalog widget', () => {
    const full = run(
      [
        { type: 'addField', attribute: 'customer_clv.clv_avg' },
        { type: 'addField', attribute: 'customer_clv.customers' },
        { type: 'setOrder', order: [['customer_clv.clv_decile', 'asc']] },
        { type: 'setChannelTitle', channel: 'x', title: 'CLV decile (1 = top 10%)' },
        { type: 'setTitle', title: 'CLV by CLV decile' },
        { type: 'setDescription', description: 'Total CLV per decile; the tooltip adds the average and the number of customers.' },
        { type: 'setClick', click: { kind: 'filter' } },
      ],
      built,
    );
    assert.deepStrictEqual(stateToSpec(full), catalogSpec('clv-by-decile'));
  });

  it('starts with problems that name the fields', () => {
    assert.deepEqual(problems(emptyComposerState()), [
      'Choose a table',
      'Give the widget a title',
      'X needs an attribute for a bar chart (the horizontal position)',
      'Y needs an attribute for a bar chart (the vertical position)',
    ]);
    const halfway = run([{ type: 'chooseTable', table: 'customer_clv' }, { type: 'assign', channel: 'x', attribute: 'customer_clv.clv_decile' }]);
    assert.deepEqual(problems(halfway), ['Give the widget a title', 'Y needs an attribute for a bar chart (the vertical position)']);
    const y = explainState(halfway, model).find((p) => p.channel === 'y');
    assert.equal(y?.path, 'encodings.y');
  });
});

describe('channels', () => {
  const tierBar = run([
    { type: 'chooseTable', table: 'transactions' },
    { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' },
    { type: 'assign', channel: 'y', attribute: 'transactions.revenue' },
    { type: 'setTitle', title: 'Revenue by tier' },
  ]);

  it('refuses attributes the table cannot reach, measures of other tables and channels the mark does not use', () => {
    assert.equal(reduceComposer(tierBar, { type: 'assign', channel: 'color', attribute: 'customer_clv.clv_decile' }, model), tierBar);
    assert.equal(reduceComposer(tierBar, { type: 'assign', channel: 'color', attribute: 'customers.count' }, model), tierBar);
    assert.equal(reduceComposer(tierBar, { type: 'assign', channel: 'theta', attribute: 'transactions.revenue' }, model), tierBar);
    assert.equal(reduceComposer(tierBar, { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' }, model), tierBar);
  });

  it('swaps X and Y with their sorts and axis settings, and back', () => {
    const sorted = run(
      [
        { type: 'setSort', channel: 'x', sort: '-y' },
        { type: 'setAxis', axis: 'x', options: { title: 'Tier' } },
      ],
      tierBar,
    );
    assert.deepEqual(sorted.query.order, [['transactions.revenue', 'desc']]);
    const swapped = reduceComposer(sorted, { type: 'swapXY' }, model);
    const spec = stateToSpec(swapped);
    assert.deepEqual(spec.encodings, {
      x: { field: 'transactions.revenue', type: 'quantitative' },
      y: { field: 'customers.loyalty_tier', type: 'nominal', sort: '-x' },
    });
    assert.deepEqual(spec.properties.axis, { y: { title: 'Tier', labels: true } });
    assert.deepEqual(explainState(swapped, model), []);
    assert.deepStrictEqual(reduceComposer(swapped, { type: 'swapXY' }, model), sorted);
  });

  it('replacing or removing an attribute takes its field out of the query, detail stays', () => {
    const withDetail = reduceComposer(tierBar, { type: 'addField', attribute: 'transactions.customers' }, model);
    const replaced = reduceComposer(withDetail, { type: 'assign', channel: 'x', attribute: 'transactions.channel' }, model);
    assert.deepEqual(queryOf(replaced).dimensions, ['transactions.channel']);
    assert.deepEqual(queryOf(replaced).measures, ['transactions.revenue', 'transactions.customers']);
    const removed = reduceComposer(replaced, { type: 'unassign', channel: 'y' }, model);
    assert.deepEqual(queryOf(removed).measures, ['transactions.customers']);
    assert.deepEqual(problems(removed), ['Y needs an attribute for a bar chart (the vertical position)']);
  });

  it('puts time on a channel by month, changes the granularity in place and renames the order term', () => {
    const monthly = run(
      [
        { type: 'chooseTable', table: 'transactions' },
        { type: 'assign', channel: 'x', attribute: 'transactions.ts' },
        { type: 'assign', channel: 'y', attribute: 'transactions.revenue' },
        { type: 'setSort', channel: 'x', sort: 'descending' },
      ],
    );
    assert.deepEqual(stateToSpec(monthly).encodings.x, { field: 'transactions.ts.month', type: 'temporal', sort: 'descending' });
    assert.deepEqual(queryOf(monthly).timeDimensions, [{ dimension: 'transactions.ts', granularity: 'month' }]);
    const weekly = reduceComposer(monthly, { type: 'setGranularity', channel: 'x', granularity: 'week' }, model);
    assert.deepEqual(queryOf(weekly).timeDimensions, [{ dimension: 'transactions.ts', granularity: 'week' }]);
    assert.deepEqual(queryOf(weekly).order, [['transactions.ts.week', 'desc']]);
    assert.equal(stateToSpec(weekly).encodings.x?.field, 'transactions.ts.week');
    assert.equal(reduceComposer(weekly, { type: 'setGranularity', channel: 'y', granularity: 'day' }, model), weekly);
  });

  it('offers aggregates only for row-level attributes, and keeps one row per table row while it aggregates', () => {
    const clv = run([
      { type: 'chooseTable', table: 'customer_clv' },
      { type: 'setMark', mark: 'bar' },
      { type: 'assign', channel: 'x', attribute: 'customer_clv.clv_decile' },
      { type: 'assign', channel: 'y', attribute: 'customer_clv.clv' },
      { type: 'setTitle', title: 'Mean CLV' },
    ]);
    assert.equal(reduceComposer(clv, { type: 'setAggregate', channel: 'x', aggregate: 'sum' }, model), clv, 'no sum of a decile code');
    const mean = reduceComposer(clv, { type: 'setAggregate', channel: 'y', aggregate: 'mean' }, model);
    assert.deepEqual(stateToSpec(mean).encodings.y, { field: 'customer_clv.clv', type: 'quantitative', aggregate: 'mean' });
    assert.deepEqual(queryOf(mean).dimensions, ['customer_clv.clv_decile', 'customer_clv.clv', 'customer_clv.customer_id']);
    assert.equal(queryOf(mean).limit, MAX_LIMIT);
    assert.deepEqual(explainState(mean, model), []);
    const plain = reduceComposer(mean, { type: 'setAggregate', channel: 'y', aggregate: undefined }, model);
    assert.deepEqual(queryOf(plain).dimensions, ['customer_clv.clv_decile', 'customer_clv.clv']);
    const measure = run([{ type: 'assign', channel: 'y', attribute: 'customer_clv.clv_total' }, { type: 'setAggregate', channel: 'y', aggregate: 'sum' }], plain);
    assert.equal(stateToSpec(measure).encodings.y?.aggregate, undefined, 'a measure keeps its own aggregation');
  });

  it('choosing another table keeps what it still reaches', () => {
    const onClv = reduceComposer(tierBar, { type: 'chooseTable', table: 'customer_clv' }, model);
    assert.deepEqual(stateToSpec(onClv).encodings, { x: { field: 'customers.loyalty_tier', type: 'nominal' } });
    assert.deepEqual(onClv.fields, [{ kind: 'dimension', member: 'customers.loyalty_tier' }]);
    assert.equal(reduceComposer(onClv, { type: 'chooseTable', table: 'nope' }, model), onClv);
  });
});

describe('mark changes', () => {
  const tierBar = run([
    { type: 'chooseTable', table: 'transactions' },
    { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' },
    { type: 'assign', channel: 'y', attribute: 'transactions.revenue' },
    { type: 'setTitle', title: 'Revenue by tier' },
  ]);

  it('bar → donut moves the value to the angle and the category to color, and back', () => {
    const donut = reduceComposer(tierBar, { type: 'setMark', mark: 'donut' }, model);
    assert.deepEqual(stateToSpec(donut).encodings, {
      theta: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'customers.loyalty_tier', type: 'nominal' },
    });
    assert.deepEqual(explainState(donut, model), []);
    assert.deepStrictEqual(stateToSpec(reduceComposer(donut, { type: 'setMark', mark: 'bar' }, model)), stateToSpec(tierBar));
  });

  it('a coloured line becomes a big number of its value and drops the rest from the query', () => {
    const line = run(
      [
        { type: 'setMark', mark: 'line' },
        { type: 'assign', channel: 'x', attribute: 'transactions.ts' },
        { type: 'assign', channel: 'color', attribute: 'transactions.channel' },
      ],
      tierBar,
    );
    assert.deepEqual(queryOf(line).dimensions, ['transactions.channel']);
    const big = reduceComposer(line, { type: 'setMark', mark: 'big-number' }, model);
    assert.deepEqual(stateToSpec(big).encodings, { y: { field: 'transactions.revenue', type: 'quantitative' } });
    const q = queryOf(big);
    assert.deepEqual([q.measures, q.dimensions, q.timeDimensions], [['transactions.revenue'], [], []]);
    const compared = run(
      [
        { type: 'addFilter', filter: dateFilter('transactions.ts', relativeDateRange(90, 'days')) },
        { type: 'setBigNumber', options: { comparison: { kind: 'previous-period' } } },
      ],
      big,
    );
    assert.deepEqual(stateToSpec(compared).properties.bigNumber, { comparison: { kind: 'previous-period' }, deltaFormat: '+.1%', deltaKind: 'relative', higherIsBetter: true });
    assert.deepEqual(explainState(compared, model), []);
    const back = reduceComposer(compared, { type: 'setMark', mark: 'line' }, model);
    assert.equal(stateToSpec(back).properties.bigNumber, undefined);
    assert.deepEqual(problems(back), ['X needs an attribute for a line chart (the horizontal position)']);
  });

  it('drops channels a mark cannot draw: size on an area, everything on a table (whose fields stay as columns)', () => {
    const sized = reduceComposer(tierBar, { type: 'assign', channel: 'size', attribute: 'transactions.units' }, model);
    assert.deepEqual(queryOf(sized).measures, ['transactions.revenue', 'transactions.units']);
    const area = reduceComposer(sized, { type: 'setMark', mark: 'area' }, model);
    assert.equal(area.encodings.size, undefined);
    assert.deepEqual(queryOf(area).measures, ['transactions.revenue']);
    const table = reduceComposer(tierBar, { type: 'setMark', mark: 'table' }, model);
    assert.deepEqual(stateToSpec(table).encodings, {});
    assert.deepEqual(queryOf(table).dimensions, ['customers.loyalty_tier']);
    const sorted = reduceComposer(table, { type: 'setTableSort', sort: { field: 'transactions.revenue', direction: 'desc' } }, model);
    assert.deepEqual(stateToSpec(sorted).properties.table, { pageSize: 25, defaultSort: { field: 'transactions.revenue', direction: 'desc' } });
    assert.deepEqual(queryOf(sorted).order, [['transactions.revenue', 'desc']]);
    assert.deepEqual(explainState(sorted, model), []);
    const stacked = reduceComposer(tierBar, { type: 'setMark', mark: 'stacked-bar' }, model);
    assert.deepEqual(problems(stacked), ['Color needs an attribute for a stacked bar chart (what the segments of a stack are)']);
  });
});

describe('filters', () => {
  const rows = {
    customers: [
      { customer_id: 'c1', email: 'a@x', first_name: 'Ada', last_name: 'L', country: 'GB', signup_date: '2024-01-02', loyalty_tier: 'Gold' },
      { customer_id: 'c2', email: 'b@x', first_name: 'Alan', last_name: 'T', country: 'GB', signup_date: '2024-01-05', loyalty_tier: 'Silver' },
      { customer_id: 'c3', email: 'c@x', first_name: 'Grace', last_name: 'H', country: 'US', signup_date: '2024-02-11', loyalty_tier: 'Platinum' },
    ],
    transactions: [
      { transaction_id: 't1', customer_id: 'c1', ts: '2024-01-02T10:00:00Z', amount: 120.5, quantity: 2, channel: 'web', category: 'Books', order_date: '2024-01-02' },
      { transaction_id: 't2', customer_id: 'c1', ts: '2024-02-14T12:30:00Z', amount: 80, quantity: 1, channel: 'store', category: 'Home', order_date: '2024-02-14' },
      { transaction_id: 't3', customer_id: 'c2', ts: '2024-01-05T09:15:00Z', amount: 45.25, quantity: 1, channel: 'web', category: 'Toys', order_date: '2024-01-05' },
      { transaction_id: 't4', customer_id: 'c3', ts: '2024-03-01T18:00:00Z', amount: 300, quantity: 3, channel: 'mobile', category: 'Electronics', order_date: '2024-03-01' },
      { transaction_id: 't5', customer_id: 'c3', ts: '2024-03-20T20:45:00Z', amount: 19.75, quantity: 1, channel: 'web', category: 'Beauty', order_date: '2024-03-20' },
    ],
  };
  const adapter = new MemoryAdapter(model, rows);
  const revenueByTier = async (s: ComposerState) => {
    assert.deepEqual(explainState(s, model), []);
    const r = await adapter.query(queryOf(s), { now: '2024-04-02' });
    return Object.fromEntries(r.rows.map((row) => [row['customers.loyalty_tier'], row['transactions.revenue']]));
  };
  const tierBar = run([
    { type: 'chooseTable', table: 'transactions' },
    { type: 'assign', channel: 'x', attribute: 'customers.loyalty_tier' },
    { type: 'assign', channel: 'y', attribute: 'transactions.revenue' },
    { type: 'setTitle', title: 'Revenue by tier' },
  ]);

  it('includes and excludes values', async () => {
    const gold = reduceComposer(tierBar, { type: 'addFilter', filter: valuesFilter('customers.loyalty_tier', ['Gold', 'Platinum']) }, model);
    assert.deepEqual(queryOf(gold).filters, [{ member: 'customers.loyalty_tier', operator: 'in', values: ['Gold', 'Platinum'] }]);
    assert.deepEqual(await revenueByTier(gold), { Gold: 200.5, Platinum: 319.75 });
    const notWeb = reduceComposer(gold, { type: 'updateFilter', index: 0, filter: valuesFilter('transactions.channel', ['web'], true) }, model);
    assert.deepEqual(queryOf(notWeb).filters, [{ member: 'transactions.channel', operator: 'notEquals', values: ['web'] }]);
    assert.deepEqual(await revenueByTier(notWeb), { Gold: 80, Platinum: 300 });
  });

  it('number ranges with open or closed bounds, on a column or a measure', async () => {
    const range = reduceComposer(
      tierBar,
      { type: 'addFilter', filter: { kind: 'range', member: 'transactions.amount', lower: { value: 45.25, inclusive: false }, upper: { value: 120.5, inclusive: true } } },
      model,
    );
    assert.deepEqual(queryOf(range).filters, [
      {
        and: [
          { member: 'transactions.amount', operator: 'gt', values: [45.25] },
          { member: 'transactions.amount', operator: 'lte', values: [120.5] },
        ],
      },
    ]);
    assert.deepEqual(await revenueByTier(range), { Gold: 200.5 });
    const having = reduceComposer(tierBar, { type: 'addFilter', filter: { kind: 'range', member: 'transactions.revenue', lower: { value: 100, inclusive: true } } }, model);
    assert.deepEqual(await revenueByTier(having), { Gold: 200.5, Platinum: 319.75 });
  });

  it('relative and absolute date ranges: in the time dimension, or excluded as a filter', async () => {
    const recent = reduceComposer(tierBar, { type: 'addFilter', filter: dateFilter('transactions.ts', relativeDateRange(2, 'months')) }, model);
    assert.deepEqual(queryOf(recent).timeDimensions, [{ dimension: 'transactions.ts', dateRange: 'last 2 months' }]);
    assert.deepEqual(await revenueByTier(recent), { Gold: 80, Platinum: 319.75 });
    const monthly = reduceComposer(recent, { type: 'assign', channel: 'color', attribute: 'transactions.ts' }, model);
    assert.deepEqual(queryOf(monthly).timeDimensions, [{ dimension: 'transactions.ts', granularity: 'month', dateRange: 'last 2 months' }]);
    const notJanuary = reduceComposer(tierBar, { type: 'addFilter', filter: dateFilter('transactions.ts', ['2024-01-01', '2024-01-31'], true) }, model);
    assert.deepEqual(queryOf(notJanuary).filters, [{ member: 'transactions.ts', operator: 'notInDateRange', values: ['2024-01-01', '2024-01-31'] }]);
    assert.deepEqual(await revenueByTier(notJanuary), { Gold: 80, Platinum: 319.75 });
  });

  it('refuses filters that do not fit the attribute, names unfinished ones, and removes them', () => {
    assert.equal(reduceComposer(tierBar, { type: 'addFilter', filter: dateFilter('customers.loyalty_tier', 'last 7 days') }, model), tierBar);
    assert.equal(reduceComposer(tierBar, { type: 'addFilter', filter: { kind: 'range', member: 'transactions.channel' } }, model), tierBar);
    assert.equal(reduceComposer(tierBar, { type: 'addFilter', filter: valuesFilter('customer_clv.clv_decile', [1]) }, model), tierBar);
    const empty = run(
      [
        { type: 'addFilter', filter: valuesFilter('customers.loyalty_tier', []) },
        { type: 'addFilter', filter: { kind: 'range', member: 'transactions.amount' } },
      ],
      tierBar,
    );
    assert.deepEqual(problems(empty), ['Filter 1 (Loyalty tier): choose at least one value', 'Filter 2 (Amount): give a lower or an upper bound']);
    assert.deepEqual(explainState(empty, model).map((p) => p.filter), [0, 1]);
    const bad = reduceComposer(tierBar, { type: 'addFilter', filter: dateFilter('transactions.ts', ['2024-02-30', '2024-03-01']) }, model);
    assert.match(problems(bad).join(), /^Filter 1 \(Purchase time\): .*2024-02-30/);
    assert.deepStrictEqual(run([{ type: 'removeFilter', index: 1 }, { type: 'removeFilter', index: 0 }], empty), tierBar);
  });
});

describe('SQL mode', () => {
  const sql = "SELECT decile, count(*) AS profiles FROM category_deciles_flat WHERE lookback = '$WINDOW' GROUP BY decile";
  const result = {
    columns: [
      { name: 'decile', label: 'decile', type: 'integer' as const, role: 'measure' as const },
      { name: 'profiles', label: 'profiles', type: 'integer' as const, role: 'measure' as const },
    ],
    rows: Array.from({ length: 10 }, (_, i) => ({ decile: i + 1, profiles: 400 + 13 * i })),
  };

  it('finds parameters, needs their sample values, and uses the result columns as attributes', () => {
    const written = run([
      { type: 'setMode', mode: 'sql' },
      { type: 'setSql', sql },
      { type: 'setTitle', title: 'Profiles per decile' },
    ]);
    assert.deepEqual(problems(written), [
      'X needs an attribute for a bar chart (the horizontal position)',
      'Y needs an attribute for a bar chart (the vertical position)',
      'Give $WINDOW a sample value',
    ]);
    assert.equal(reduceComposer(written, { type: 'setParam', name: 'OTHER', value: '1' }, model), written);
    const composed = run(
      [
        { type: 'setParam', name: 'WINDOW', value: '12' },
        { type: 'setSqlResult', result },
        { type: 'assign', channel: 'x', attribute: 'decile' },
        { type: 'assign', channel: 'y', attribute: 'profiles' },
      ],
      written,
    );
    const spec = stateToSpec(composed);
    assert.deepEqual(spec.data, { kind: 'sql', sql, params: { WINDOW: '12' } });
    assert.deepEqual(spec.encodings, { x: { field: 'decile', type: 'ordinal' }, y: { field: 'profiles', type: 'quantitative' } });
    assert.deepEqual(explainState(composed, model), []);
    const edited = reduceComposer(composed, { type: 'setSql', sql: 'SELECT decile, count(*) AS n FROM category_deciles_flat GROUP BY decile' }, model);
    assert.deepEqual(edited.params, {});
    const rerun = reduceComposer(edited, { type: 'setSqlResult', result: { columns: [result.columns[0]!, { ...result.columns[1]!, name: 'n' }], rows: [] } }, model);
    assert.deepEqual(Object.keys(rerun.encodings), ['x'], 'y read a column the new result does not have');
  });
});
