import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataModelSchema, type DataModelInput } from '../../src/contracts/data-model.js';
import { AdapterError } from '../../src/contracts/errors.js';
import { planQuery } from '../../src/query/plan.js';
import { compileToSql } from '../../src/query/sql.js';
import { introspectModel } from '../../src/model/introspect.js';

const input: DataModelInput = {
  name: 'shop',
  label: 'Shop',
  tables: [
    { name: 'regions', label: 'Regions', kind: 'dimension', primaryKey: 'id', columns: [
      { name: 'id', label: 'Id', type: 'string', role: 'identity' },
      { name: 'country', label: 'Country', type: 'string', role: 'dimension' },
    ] },
    { name: 'customers', label: 'Customers', kind: 'dimension', primaryKey: 'id', rowCount: 3, columns: [
      { name: 'id', label: 'Id', type: 'string', role: 'identity' },
      { name: 'tier', label: 'Tier', type: 'string', role: 'dimension' },
      { name: 'region_id', label: 'Region', type: 'string', role: 'dimension' },
    ] },
    { name: 'orders', label: 'Orders', kind: 'fact', columns: [
      { name: 'customer_id', label: 'Customer', type: 'string', role: 'identity' },
      { name: 'ts', label: 'Time', type: 'timestamp', role: 'time' },
      { name: 'amount', label: 'Amount', type: 'number', role: 'measure' },
    ] },
  ],
  relations: [
    { name: 'order_customer', from: { table: 'orders', column: 'customer_id' }, to: { table: 'customers', column: 'id' } },
    { name: 'customer_region', from: { table: 'customers', column: 'region_id' }, to: { table: 'regions', column: 'id' } },
  ],
  measures: [
    { name: 'revenue', label: 'Revenue', table: 'orders', aggregation: 'sum', column: 'amount' },
    { name: 'count', label: 'Customers', table: 'customers', aggregation: 'count' },
  ],
};
const model = DataModelSchema.parse(input);

function rejects(query: unknown, field: string | undefined, message: RegExp) {
  assert.throws(
    () => planQuery(model, query as never),
    (e: unknown) => e instanceof AdapterError && e.code === 'invalid_request' && e.field === field && message.test(e.message),
  );
}

test('the model schema names the field of a broken relation or measure', () => {
  const bad = structuredClone(input) as DataModelInput & { relations: { to: { column: string } }[] };
  bad.relations[0]!.to.column = 'nope';
  const r = DataModelSchema.safeParse(bad);
  assert.equal(r.success, false);
  assert.deepEqual(r.error!.issues[0]!.path, ['relations', 0, 'to']);
});

test('joins follow lookups through two hops, in path order, each joined once', () => {
  const plan = planQuery(model, { measures: ['orders.revenue'], dimensions: ['regions.country', 'customers.tier'] });
  assert.equal(plan.base.name, 'orders');
  assert.deepEqual(
    plan.joins.map((j) => [j.alias, j.table.name, j.fromAlias]),
    [['t1', 'customers', 't0'], ['t2', 'regions', 't1']],
  );
  // default order: first measure descending, then every dimension ascending (a total order)
  assert.deepEqual(plan.order, [
    { key: 'orders.revenue', direction: 'desc' },
    { key: 'regions.country', direction: 'asc' },
    { key: 'customers.tier', direction: 'asc' },
  ]);
});

test('without measures the base is the table that reaches every member', () => {
  assert.equal(planQuery(model, { dimensions: ['regions.country', 'customers.tier'] }).base.name, 'customers');
});

test('SQL binds every value and quotes identifiers from the model only', () => {
  const evil = "x'); DROP TABLE orders; --";
  const { sql, params } = compileToSql(
    planQuery(model, { measures: ['orders.revenue'], dimensions: ['customers.tier'], filters: [{ member: 'customers.tier', operator: 'equals', values: [evil] }] }),
  );
  assert.ok(!sql.includes('DROP'), sql);
  assert.deepEqual(params, [evil, 10000, 0]);
  assert.match(sql, /LEFT JOIN "customers" AS "t1" ON "t1"\."id" = "t0"\."customer_id"/);
});

test('invalid queries are rejected with the field at fault', () => {
  rejects({ measures: ['orders.nope'] }, 'measures.0', /unknown measure/);
  rejects({ measures: ['orders.revenue', 'customers.count'] }, 'measures.1', /one table/);
  rejects({ measures: ['orders.revenue'], dimensions: ['orders.revenue'] }, 'dimensions.0', /is a measure/);
  rejects({ measures: ['customers.count'], dimensions: ['orders.ts'] }, 'dimensions.0', /cannot be reached/);
  rejects({ measures: ['orders.revenue'], filters: [{ member: 'orders.amount', operator: 'contains', values: ['1'] }] }, 'filters.0.values', /does not apply/);
  rejects({ measures: ['orders.revenue'], filters: [{ or: [{ member: 'orders.revenue', operator: 'gt', values: [1] }, { member: 'orders.amount', operator: 'gt', values: [1] }] }] }, 'filters.0', /cannot mix/);
  rejects({ measures: ['orders.revenue'], order: [['customers.tier', 'asc']] }, 'order.0', /cannot order/);
  rejects({ measures: ['orders.revenue'], timeDimensions: [{ dimension: 'orders.ts', dateRange: 'next year' }] }, 'timeDimensions.0.dateRange', /relative range/);
  rejects({ measures: [], dimensions: [] }, 'measures', /at least one/);
  rejects({ measures: ['orders.revenue'], limit: 50001 }, 'limit', /50000/);
});

test('introspection lists kind, records, lookups and attributes reached through lookups', () => {
  const orders = introspectModel(model).find((t) => t.name === 'orders')!;
  assert.equal(orders.kind, 'fact');
  assert.deepEqual(orders.lookups.map((l) => `${l.column}→${l.table}.${l.targetColumn}`), ['customer_id→customers.id']);
  const country = orders.attributes.find((a) => a.member === 'regions.country')!;
  assert.deepEqual(country.path, ['order_customer', 'customer_region']);
  assert.equal(country.label, 'Regions › Country');
  assert.equal(orders.attributes.length, 3 + 3 + 2);
  assert.equal(introspectModel(model).find((t) => t.name === 'customers')!.records, 3);
});

test('the memory engine orders strings by code point, like DuckDB', async () => {
  const { compareValues } = await import('../../src/engines/memory/execute.js');
  const values = ['\u{1F600}', '\uFF21', 'b', 'B', null, 'a'];
  const sorted = [...values].sort((x, y) => compareValues(x, y, 'asc'));
  assert.deepEqual(sorted, ['B', 'a', 'b', '\uFF21', '\u{1F600}', null]);
});
