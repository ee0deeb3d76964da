// The decile derivation on hand-checked data: the reference platform's airline sample (lifetime maps
// of its §1.4), exact versus platform windows on a small shop, tie-breaks, NTILE sizes, month
// arithmetic, definition checks, the derived tables in the model and the semantic layer. Every
// case runs both the generated SQL (native DuckDB) and the in-memory runner.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type DataModel, type DataModelInput, DataModelSchema } from '../../src/contracts/data-model.js';
import type { ColumnarData } from '../../src/contracts/loader.js';
import type { Row } from '../../src/contracts/result.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { planQuery } from '../../src/query/plan.js';
import { compileToSql } from '../../src/query/sql.js';
import {
  type DecileDefinitionInput,
  type DerivedDeciles,
  decileSql,
  deriveDecilesInMemory,
  loadDerivedDeciles,
  monthsBefore,
  ntile,
  planDeciles,
  platformWindow,
  registerDerivedTables,
  runDecileDerivation,
} from '../../src/derive/index.js';
import { NativeDuck, rowsOf } from './derive-support.js';

let duck: NativeDuck;
before(async () => {
  duck = await NativeDuck.open();
});
after(() => duck.close());

/** Loads every table of `data` (only the columns given) and runs the generated SQL through the adapter shim. */
async function runSql(model: DataModel, definition: DecileDefinitionInput, data: Record<string, ColumnarData>): Promise<{ map: Row[]; flat: Row[] }> {
  for (const [table, columns] of Object.entries(data)) {
    const t = model.tables.find((x) => x.name === table)!;
    await duck.load(table, Object.keys(columns).map((name) => ({ name, type: t.columns.find((c) => c.name === name)!.type })), columns);
  }
  const { plan } = await runDecileDerivation(duck.adapter(model), definition);
  return {
    map: await duck.rows(`SELECT * FROM "${plan.tables.map}"`),
    flat: await duck.rows(`SELECT * FROM "${plan.tables.flat}"`),
  };
}

function jsRows(d: DerivedDeciles): { map: Row[]; flat: Row[] } {
  return { map: rowsOf(d.map.data, d.map.columns.map((c) => c.name)), flat: rowsOf(d.flat.data, d.flat.columns.map((c) => c.name)) };
}

/** Both engines, asserted equal row for row (same order), returned once. */
async function bothEngines(model: DataModel, definition: DecileDefinitionInput, data: Record<string, ColumnarData>) {
  const sql = await runSql(model, definition, data);
  const js = jsRows(deriveDecilesInMemory(definition, data, model));
  assert.deepEqual(js.flat, sql.flat, 'flat table: JS = SQL');
  assert.deepEqual(js.map, sql.map, 'map table: JS = SQL');
  return js;
}

/** lookback → identity → map text (null when no data). */
function mapsByWindow(rows: Row[], id: string): Record<string, Record<string, string | null>> {
  const out: Record<string, Record<string, string | null>> = {};
  for (const r of rows) (out[String(r.lookback)] ??= {})[String(r[id])] = r.deciles as string | null;
  return out;
}

// ---------------------------------------------------------------- the airline sample (§1.1, verbatim)
const airlineModel: DataModel = DataModelSchema.parse({
  name: 'airline',
  label: 'Airline loyalty',
  tables: [
    {
      name: 'airline_loyalty_data',
      label: 'Airline Loyalty Data',
      kind: 'fact',
      columns: [
        { name: 'membershipNumber', label: 'Membership number', type: 'string', role: 'identity' },
        { name: 'emailAddress', label: 'Email', type: 'string', role: 'dimension' },
        { name: 'transactionDate', label: 'Transaction date', type: 'date', role: 'time' },
        { name: 'transactionType', label: 'Transaction type', type: 'string', role: 'dimension' },
        { name: 'transactionDetails', label: 'Details', type: 'string', role: 'dimension' },
        { name: 'mileage', label: 'Mileage', type: 'integer', role: 'measure' },
        { name: 'loyaltyStatus', label: 'Loyalty status', type: 'string', role: 'dimension' },
      ],
    },
  ],
} satisfies DataModelInput);

const airlineData: Record<string, ColumnarData> = {
  airline_loyalty_data: {
    membershipNumber: ['C435678623', 'B789279247', 'B789279247', 'B789279247', 'A123487284'],
    emailAddress: ['sfeldmark1vr@studiopress.com', 'pgalton32n@barnesandnoble.com', 'pgalton32n@barnesandnoble.com', 'pgalton32n@barnesandnoble.com', 'rritson1zn@sciencedaily.com'],
    transactionDate: ['2022-01-01', '2022-02-01', '2022-02-01', '2022-02-10', '2022-01-07'],
    transactionType: ['STATUS_MILES', 'AWARD_MILES', 'STATUS_MILES', 'AWARD_MILES', 'STATUS_MILES'],
    transactionDetails: ['New member', 'JFK-FRA', 'JFK-FRA', 'FRA-JFK', 'New credit card'],
    mileage: [5000, 7500, 7500, 5000, 10000],
    loyaltyStatus: ['FLYER', 'SILVER', 'SILVER', 'SILVER', 'FLYER'],
  },
};

const airlineDefinition = (over: Partial<DecileDefinitionInput>): DecileDefinitionInput => ({
  name: 'airline_loyalty_decile',
  source: {
    table: 'airline_loyalty_data',
    identity: 'membershipNumber',
    category: 'loyaltyStatus',
    time: 'transactionDate',
    metric: { aggregation: 'sum', column: 'mileage' },
  },
  asOf: '2022-03-01',
  ...over,
});

describe('airline sample (reference §1.4)', () => {
  it('lifetime maps: A123487284 → {FLYER:1}, C435678623 → {FLYER:2}, B789279247 → {SILVER:1}, in SQL and JS', async () => {
    const out = await bothEngines(airlineModel, airlineDefinition({ windows: ['all'] }), airlineData);
    assert.deepEqual(mapsByWindow(out.map, 'membershipNumber'), {
      all: { A123487284: '{"FLYER":1}', B789279247: '{"SILVER":1}', C435678623: '{"FLYER":2}' },
    });
    // All transaction types are summed (STATUS_MILES and AWARD_MILES), as the documented query does.
    assert.deepEqual(
      out.flat.map((r) => [r.membershipNumber, r.category, r.metric, r.decile]),
      [
        ['A123487284', 'FLYER', 10000, 1],
        ['B789279247', 'SILVER', 20000, 1],
        ['C435678623', 'FLYER', 5000, 2],
      ],
    );
  });

  it('exact windows as of 2022-03-01: month 1 holds only February, so A and C get null maps', async () => {
    const out = await bothEngines(airlineModel, airlineDefinition({ windows: [1, 3, 'all'] }), airlineData);
    assert.deepEqual(mapsByWindow(out.map, 'membershipNumber'), {
      '1': { A123487284: null, B789279247: '{"SILVER":1}', C435678623: null },
      '3': { A123487284: '{"FLYER":1}', B789279247: '{"SILVER":1}', C435678623: '{"FLYER":2}' },
      all: { A123487284: '{"FLYER":1}', B789279247: '{"SILVER":1}', C435678623: '{"FLYER":2}' },
    });
  });

  it('platform windows as of 2022-03-15: cutoffs 2022-03-01, 2022-02-01, 2021-11-01 (k = 0, 1, 4)', async () => {
    const out = await bothEngines(airlineModel, airlineDefinition({ windows: [1, 3, 6], mode: 'platform', asOf: '2022-03-15' }), airlineData);
    assert.deepEqual(mapsByWindow(out.map, 'membershipNumber'), {
      '1': { A123487284: '{"FLYER":1}', B789279247: '{"SILVER":1}', C435678623: '{"FLYER":2}' },
      '3': { A123487284: '{"FLYER":1}', B789279247: null, C435678623: '{"FLYER":2}' },
      '6': { A123487284: null, B789279247: null, C435678623: null },
    });
  });
});

// ---------------------------------------------------------------- exact versus platform on a small shop (CLV model)
const shopData: Record<string, ColumnarData> = {
  customers: {
    customer_id: ['c1', 'c2', 'c3', 'c4', 'c5'],
    loyalty_tier: ['Gold', 'Gold', 'Silver', 'Silver', 'Gold'],
  },
  transactions: {
    customer_id: ['c1', 'c1', 'c1', 'c2', 'c2', 'c3', 'c4', 'c4'],
    ts: [
      '2024-07-10T12:00:00Z',
      '2024-01-20T08:00:00Z',
      '2024-08-01T00:00:00Z', // after asOf
      '2024-06-30T23:00:00Z',
      '2023-12-01T00:00:00Z',
      '2024-05-15T10:00:00Z',
      '2024-07-15T00:00:00Z', // exactly asOf: excluded by exact windows
      '2024-02-29T09:00:00Z',
    ],
    amount: [100, 50, 1000, 80, 500, 30, 999.99, 20],
  },
};

const shopDefinition = (mode: 'exact' | 'platform'): DecileDefinitionInput => ({
  name: 'tier_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
  identities: { table: 'customers', column: 'customer_id' },
  windows: [1, 3, 6, 9, 12, 'all'],
  asOf: '2024-07-15',
  mode,
});

describe('exact and platform windows differ (hand-computed, as of 2024-07-15)', () => {
  it('exact: [asOf − K months, asOf)', async () => {
    const out = await bothEngines(clvDataModel, shopDefinition('exact'), shopData);
    const c5 = null; // c5 has no transactions: listed by the identities table, null everywhere
    assert.deepEqual(mapsByWindow(out.map, 'customer_id'), {
      // [2024-06-15, 2024-07-15): c1 100.00, c2 80.00
      '1': { c1: '{"Gold":1}', c2: '{"Gold":2}', c3: null, c4: null, c5 },
      // [2024-04-15, ...): + c3 30.00
      '3': { c1: '{"Gold":1}', c2: '{"Gold":2}', c3: '{"Silver":1}', c4: null, c5 },
      // [2024-01-15, ...): c1 150.00, c2 80.00, c3 30.00, c4 20.00
      '6': { c1: '{"Gold":1}', c2: '{"Gold":2}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
      // [2023-10-15, ...): c2 580.00 overtakes c1
      '9': { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
      '12': { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
      all: { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
    });
    const metric = (w: string, id: string) => out.flat.find((r) => r.lookback === w && r.customer_id === id)?.metric;
    assert.equal(metric('6', 'c1'), 15000, 'sums are integer cents');
    assert.equal(metric('all', 'c2'), 58000);
    assert.equal(metric('all', 'c4'), 2000, 'the 999.99 at asOf itself is excluded');
  });

  it('platform: cumulative before (2024-07-01 − k months), k = max(0, N − 2); "all" unfiltered', async () => {
    const out = await bothEngines(clvDataModel, shopDefinition('platform'), shopData);
    const c5 = null;
    assert.deepEqual(mapsByWindow(out.map, 'customer_id'), {
      // < 2024-07-01: c1 50.00, c2 580.00, c3 30.00, c4 20.00
      '1': { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
      // < 2024-06-01: c2 500.00 (06-30 excluded)
      '3': { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: '{"Silver":1}', c4: '{"Silver":2}', c5 },
      // < 2024-03-01: c1 50.00, c2 500.00, c4 20.00 (02-29)
      '6': { c1: '{"Gold":2}', c2: '{"Gold":1}', c3: null, c4: '{"Silver":1}', c5 },
      // < 2023-12-01: nothing (c2's 2023-12-01 is not before the cutoff)
      '9': { c1: null, c2: null, c3: null, c4: null, c5 },
      '12': { c1: null, c2: null, c3: null, c4: null, c5 },
      // every row, even after asOf: c1 1150.00, c2 580.00, c4 1019.99, c3 30.00
      all: { c1: '{"Gold":1}', c2: '{"Gold":2}', c3: '{"Silver":2}', c4: '{"Silver":1}', c5 },
    });
    const metric = (w: string, id: string) => out.flat.find((r) => r.lookback === w && r.customer_id === id)?.metric;
    assert.equal(metric('all', 'c4'), 101999);
    assert.equal(metric('3', 'c2'), 50000);
  });

  it('the window bounds are bound parameters, not SQL text', () => {
    const plan = planDeciles(clvDataModel, shopDefinition('exact'));
    const [flat, map] = decileSql(plan);
    assert.equal(flat!.params.w0_start, '2024-06-15');
    assert.equal(flat!.params.w0_end, '2024-07-15');
    assert.equal(flat!.params.metric_scale, 100);
    assert.equal(flat!.params.w5_key, 'all');
    for (const s of [flat!, map!]) {
      assert.ok(!s.sql.includes('2024'), 'no date in the text');
      assert.ok(/^CREATE OR REPLACE TABLE "tier_deciles(_flat)?" AS/.test(s.sql));
    }
    const platform = planDeciles(clvDataModel, shopDefinition('platform'));
    assert.deepEqual(
      platform.windows.map((w) => [w.key, w.start, w.end, w.unfiltered]),
      [
        ['1', null, '2024-07-01', false],
        ['3', null, '2024-06-01', false],
        ['6', null, '2024-03-01', false],
        ['9', null, '2023-12-01', false],
        ['12', null, '2023-09-01', false],
        ['all', null, null, true],
      ],
    );
  });
});

// ---------------------------------------------------------------- ranking rules
describe('NTILE and the tie-break', () => {
  it('with n rows the first n mod 10 deciles get one more row (SQL NTILE)', () => {
    const sizes = (n: number) => {
      const s = new Array<number>(10).fill(0);
      for (let i = 0; i < n; i++) s[ntile(i, n, 10)! - 1]!++;
      return s;
    };
    assert.deepEqual(sizes(13), [2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(sizes(3), [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(sizes(23570), new Array(10).fill(2357));
    assert.deepEqual(sizes(29), [3, 3, 3, 3, 3, 3, 3, 3, 3, 2]);
  });

  it('equal metrics are ranked by identity ascending (code point order), in SQL and JS', async () => {
    // 12 equal totals: deciles 1 and 2 get two each. '\uE000' < '😀' by code point, though not by UTF-16 unit.
    const ids = ['k', 'b', '😀', 'a', 'j', 'c', '\uE000', 'd', 'i', 'e', 'h', 'f'];
    const model = DataModelSchema.parse({
      name: 'ties',
      label: 'Ties',
      tables: [
        {
          name: 'events',
          label: 'Events',
          kind: 'fact',
          columns: [
            { name: 'who', label: 'Who', type: 'string', role: 'identity' },
            { name: 'kind', label: 'Kind', type: 'string', role: 'dimension' },
            { name: 'at', label: 'At', type: 'date', role: 'time' },
            { name: 'points', label: 'Points', type: 'number', role: 'measure' },
          ],
        },
      ],
    });
    const data = { events: { who: ids, kind: ids.map(() => 'x'), at: ids.map(() => '2024-01-01'), points: ids.map(() => 7.5) } };
    const def: DecileDefinitionInput = {
      name: 'tie_deciles',
      source: { table: 'events', identity: 'who', category: 'kind', time: 'at', metric: { aggregation: 'sum', column: 'points' } },
      windows: ['all'],
      asOf: '2024-02-01',
    };
    const out = await bothEngines(model, def, data);
    assert.deepEqual(
      out.flat.map((r) => [r.who, r.decile]),
      [['a', 1], ['b', 1], ['c', 2], ['d', 2], ['e', 3], ['f', 4], ['h', 5], ['i', 6], ['j', 7], ['k', 8], ['\uE000', 9], ['😀', 10]],
    );
  });

  it('avg, max and count metrics agree in both engines', async () => {
    for (const metric of [{ aggregation: 'avg', column: 'amount' }, { aggregation: 'max', column: 'amount' }, { aggregation: 'count' }] as const) {
      const def = { ...shopDefinition('exact'), source: { ...shopDefinition('exact').source, metric } };
      const out = await bothEngines(clvDataModel, def, shopData);
      const c1 = out.flat.find((r) => r.lookback === '6' && r.customer_id === 'c1')?.metric;
      assert.equal(c1, { avg: 7500, max: 10000, count: 2 }[metric.aggregation]);
    }
  });
});

// ---------------------------------------------------------------- dates and definitions
describe('window arithmetic and definition checks', () => {
  it('months back clamp to the end of a shorter month, as SQL interval arithmetic', () => {
    assert.equal(monthsBefore('2024-03-31', 1), '2024-02-29');
    assert.equal(monthsBefore('2023-03-31', 1), '2023-02-28');
    assert.equal(monthsBefore('2024-01-15', 12), '2023-01-15');
    assert.equal(monthsBefore('2024-01-31', 2), '2023-11-30');
    // The documented query's 6-month cutoff: first of the month minus 4 months.
    assert.equal(platformWindow(6, '2022-03-10').end, '2021-11-01');
  });

  it('rejects identifiers the model does not have, ambiguous or unsafe outputs, and bad values', () => {
    const base = shopDefinition('exact');
    const bad: Array<[DecileDefinitionInput, RegExp]> = [
      [{ ...base, source: { ...base.source, table: 'nope' } }, /no table "nope"/],
      [{ ...base, source: { ...base.source, metric: { aggregation: 'sum', column: 'channel' } } }, /needs a number or integer column/],
      [{ ...base, source: { ...base.source, category: 'dates.nope' } }, /"nope" is not a column of "dates"/],
      [{ ...base, source: { ...base.source, time: 'amount' } }, /not a date or timestamp/],
      [{ ...base, name: 'transactions' }, /would replace the fact table/],
      [{ ...base, name: 'Customers' }, /would replace/],
      [{ ...base, asOf: '2024-02-30' }, /asOf: must be a calendar date/],
      [{ ...base, windows: [1, 1] }, /must not repeat/],
      [{ ...base, windows: [0] }, /windows/],
      [{ ...base, source: { ...base.source, metric: { aggregation: 'sum' } } }, /column is required/],
      [{ ...base, name: 'x; DROP TABLE customers' }, /name/],
    ];
    for (const [def, message] of bad) assert.throws(() => planDeciles(clvDataModel, def), message, JSON.stringify(def));
    const unrelated = { ...clvDataModel, relations: [] };
    assert.throws(() => planDeciles(unrelated, base), /"transactions" has no relation to "customers"/);
  });
});

// ---------------------------------------------------------------- the derived tables in the model
describe('registerDerivedTables', () => {
  const def = shopDefinition('exact');

  it('adds the map and flat tables (kind derived, roles, lookups to customers) and measures', () => {
    const model = registerDerivedTables(clvDataModel, def);
    const map = model.tables.find((t) => t.name === 'tier_deciles')!;
    const flat = model.tables.find((t) => t.name === 'tier_deciles_flat')!;
    assert.equal(map.kind, 'derived');
    assert.deepEqual(map.columns.map((c) => [c.name, c.type, c.role]), [
      ['customer_id', 'string', 'identity'],
      ['lookback', 'string', 'dimension'],
      ['deciles', 'string', 'dimension'],
    ]);
    assert.deepEqual(flat.columns.map((c) => [c.name, c.type, c.role]), [
      ['customer_id', 'string', 'identity'],
      ['lookback', 'string', 'dimension'],
      ['category', 'string', 'dimension'],
      ['decile', 'integer', 'dimension'],
      ['metric', 'integer', 'measure'],
    ]);
    assert.deepEqual(
      model.relations.filter((r) => r.from.table.startsWith('tier_deciles')).map((r) => [r.from.table, r.to.table, r.to.column]),
      [
        ['tier_deciles', 'customers', 'customer_id'],
        ['tier_deciles_flat', 'customers', 'customer_id'],
      ],
    );
    // Idempotent: registering again replaces, and the original model is untouched.
    const again = registerDerivedTables(model, { ...def, windows: ['all'] });
    assert.equal(again.tables.filter((t) => t.name === 'tier_deciles').length, 1);
    assert.equal(again.measures.filter((m) => m.table === 'tier_deciles_flat').length, 5);
    assert.ok(!clvDataModel.tables.some((t) => t.name === 'tier_deciles'));
  });

  it('the flat table answers semantic queries in DuckDB and in the memory engine alike', async () => {
    const model = registerDerivedTables(clvDataModel, def);
    await runSql(clvDataModel, def, shopData);
    const query = {
      measures: ['tier_deciles_flat.identities', 'tier_deciles_flat.metric_sum'],
      dimensions: ['tier_deciles_flat.lookback', 'customers.loyalty_tier', 'tier_deciles_flat.decile'],
      filters: [{ member: 'tier_deciles_flat.lookback', operator: 'in' as const, values: ['3', 'all'] }],
    };
    const compiled = compileToSql(planQuery(model, query));
    const viaSql = await duck.rows(compiled.sql, compiled.params);

    const memory = new MemoryAdapter(model, { customers: shopData.customers!, transactions: shopData.transactions! });
    await loadDerivedDeciles(memory, deriveDecilesInMemory(def, shopData));
    const viaMemory = await memory.query(query);
    assert.deepEqual(viaMemory.rows, viaSql);
    assert.deepEqual(viaSql, [
      { 'tier_deciles_flat.lookback': '3', 'customers.loyalty_tier': 'Gold', 'tier_deciles_flat.decile': 1, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 10000 },
      { 'tier_deciles_flat.lookback': '3', 'customers.loyalty_tier': 'Gold', 'tier_deciles_flat.decile': 2, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 8000 },
      { 'tier_deciles_flat.lookback': '3', 'customers.loyalty_tier': 'Silver', 'tier_deciles_flat.decile': 1, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 3000 },
      { 'tier_deciles_flat.lookback': 'all', 'customers.loyalty_tier': 'Gold', 'tier_deciles_flat.decile': 1, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 58000 },
      { 'tier_deciles_flat.lookback': 'all', 'customers.loyalty_tier': 'Gold', 'tier_deciles_flat.decile': 2, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 15000 },
      { 'tier_deciles_flat.lookback': 'all', 'customers.loyalty_tier': 'Silver', 'tier_deciles_flat.decile': 1, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 3000 },
      { 'tier_deciles_flat.lookback': 'all', 'customers.loyalty_tier': 'Silver', 'tier_deciles_flat.decile': 2, 'tier_deciles_flat.identities': 1, 'tier_deciles_flat.metric_sum': 2000 },
    ]);
  });

  it('a failing statement rolls back: the earlier tables stay', async () => {
    await runSql(clvDataModel, def, shopData);
    const before = await duck.rows('SELECT COUNT(*) AS n FROM "tier_deciles_flat"');
    const failing = duck.adapter(clvDataModel);
    const sql = failing.sql!;
    let calls = 0;
    failing.sql = async (text, params, options) => {
      if (text.includes('"tier_deciles" AS') && calls++ === 0) throw new Error('injected failure');
      return sql(text, params, options);
    };
    await assert.rejects(runDecileDerivation(failing, { ...def, windows: ['all'] }), /injected failure/);
    assert.deepEqual(await duck.rows('SELECT COUNT(*) AS n FROM "tier_deciles_flat"'), before);
  });
});
