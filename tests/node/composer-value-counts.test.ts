// The values a filter lists: distinct values of a dimension over the base table with their row
// counts, run on the in-memory engine over known rows (searching, limits, looked-up members, a
// model without a count measure, nulls).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readValueCounts, rowCountMeasure, valueCountsQuery, VALUE_COUNTS_LIMIT } from '../../src/composer/index.js';
import { DataModelSchema, type DataModel } from '../../src/contracts/data-model.js';
import { SemanticQuerySchema } from '../../src/contracts/query.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';

const customers = [
  { customer_id: 'c1', email: 'a@x.org', first_name: 'Ada', last_name: 'L', country: 'GB', signup_date: '2024-01-02', loyalty_tier: 'Gold' },
  { customer_id: 'c2', email: 'b@x.org', first_name: 'Alan', last_name: 'T', country: 'GB', signup_date: '2024-01-05', loyalty_tier: 'Silver' },
  { customer_id: 'c3', email: 'c@x.org', first_name: 'Grace', last_name: 'H', country: 'US', signup_date: '2024-02-11', loyalty_tier: 'Bronze' },
  { customer_id: 'c4', email: 'd@x.org', first_name: 'Edsger', last_name: 'D', country: null, signup_date: '2024-03-01', loyalty_tier: 'Gold' },
];
const tx = (id: string, customer: string, channel: string | null, quantity: number) => ({
  transaction_id: id,
  customer_id: customer,
  ts: '2024-01-02T10:00:00Z',
  amount: 10,
  quantity,
  channel,
  category: 'Books',
  order_date: '2024-01-02',
});
const transactions = [
  tx('t1', 'c1', 'web', 2),
  tx('t2', 'c1', 'store', 1),
  tx('t3', 'c2', 'web', 1),
  tx('t4', 'c2', 'mobile', 3),
  tx('t5', 'c3', 'web', 1),
  tx('t6', 'c3', 'store', 2),
  tx('t7', 'c4', null, 1),
];

const adapterFor = (model: DataModel) => new MemoryAdapter(model, { customers, transactions });
const withoutCounts = (model: DataModel, keep: (m: DataModel['measures'][number]) => boolean) => DataModelSchema.parse({ ...model, measures: model.measures.filter(keep) });

async function listed(model: DataModel, table: string, member: string, options = {}) {
  return readValueCounts(await adapterFor(model).query(valueCountsQuery(model, table, member, options)), member);
}

describe('valueCountsQuery', () => {
  it('groups by the member, counts with the base table count measure, by count then value, 200 at most', () => {
    const q = valueCountsQuery(clvDataModel, 'transactions', 'transactions.channel');
    assert.deepEqual(q, {
      measures: ['transactions.count'],
      dimensions: ['transactions.channel'],
      timeDimensions: [],
      filters: [],
      order: [
        ['transactions.count', 'desc'],
        ['transactions.channel', 'asc'],
      ],
      limit: 200,
      offset: 0,
      total: false,
      timezone: 'UTC',
    });
    assert.equal(VALUE_COUNTS_LIMIT, 200);
    // Already in its parsed form: parsing changes nothing.
    assert.deepEqual(SemanticQuerySchema.parse(q), q);
  });

  it('counts the rows of each value, most frequent first, ties by value, the null value last', async () => {
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.channel'), [
      { value: 'web', count: 3 },
      { value: 'store', count: 2 },
      { value: 'mobile', count: 1 },
      { value: null, count: 1 },
    ]);
  });

  it('counts rows of the base table for a member reached through a lookup', async () => {
    // Transactions per loyalty tier: c1 and c4 are Gold (2 + 1), c2 Silver (2), c3 Bronze (2).
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'customers.loyalty_tier'), [
      { value: 'Gold', count: 3 },
      { value: 'Bronze', count: 2 },
      { value: 'Silver', count: 2 },
    ]);
    // Over customers the same member counts customers.
    assert.deepEqual(await listed(clvDataModel, 'customers', 'customers.loyalty_tier'), [
      { value: 'Gold', count: 2 },
      { value: 'Bronze', count: 1 },
      { value: 'Silver', count: 1 },
    ]);
  });

  it('searches string values ignoring case, with a contains filter that never matches null', async () => {
    const q = valueCountsQuery(clvDataModel, 'transactions', 'transactions.channel', { search: '  OB ' });
    assert.deepEqual(q.filters, [{ member: 'transactions.channel', operator: 'contains', values: ['OB'] }]);
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.channel', { search: 'OB' }), [{ value: 'mobile', count: 1 }]);
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.channel', { search: 'e' }), [
      { value: 'web', count: 3 },
      { value: 'store', count: 2 },
      { value: 'mobile', count: 1 },
    ]);
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.channel', { search: 'fax' }), []);
    assert.deepEqual(valueCountsQuery(clvDataModel, 'transactions', 'transactions.channel', { search: '   ' }).filters, []);
  });

  it('ignores the search for columns that are not strings, and counts a column with the measure role', async () => {
    const q = valueCountsQuery(clvDataModel, 'transactions', 'transactions.quantity', { search: '2' });
    assert.deepEqual(q.filters, []);
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.quantity', { search: '2' }), [
      { value: 1, count: 4 },
      { value: 2, count: 2 },
      { value: 3, count: 1 },
    ]);
  });

  it('keeps the most frequent values within the limit', async () => {
    assert.equal(valueCountsQuery(clvDataModel, 'transactions', 'transactions.channel', { limit: 2 }).limit, 2);
    assert.deepEqual(await listed(clvDataModel, 'transactions', 'transactions.channel', { limit: 2 }), [
      { value: 'web', count: 3 },
      { value: 'store', count: 2 },
    ]);
  });

  it('lists values without counts, in value order, when the table has no count measure', async () => {
    const model = withoutCounts(clvDataModel, (m) => m.aggregation !== 'count');
    assert.equal(rowCountMeasure(model, 'transactions'), undefined);
    const q = valueCountsQuery(model, 'transactions', 'transactions.channel');
    assert.deepEqual(q.measures, []);
    assert.deepEqual(q.order, [['transactions.channel', 'asc']]);
    assert.deepEqual(await listed(model, 'transactions', 'transactions.channel'), [
      { value: 'mobile', count: null },
      { value: 'store', count: null },
      { value: 'web', count: null },
      { value: null, count: null },
    ]);
    assert.deepEqual(await listed(model, 'transactions', 'customers.country', { search: 'g' }), [{ value: 'GB', count: null }]);
  });

  it('does not count with a filtered count measure, and takes a count over the primary key', () => {
    const filtered = DataModelSchema.parse({
      ...clvDataModel,
      measures: [
        { name: 'web_orders', label: 'Web orders', table: 'transactions', aggregation: 'count', filter: [{ column: 'channel', operator: 'equals', values: ['web'] }] },
        { name: 'ids', label: 'Customers', table: 'customers', aggregation: 'count', column: 'customer_id' },
        { name: 'emails', label: 'Emails', table: 'customers', aggregation: 'count', column: 'email' },
      ],
    });
    assert.equal(rowCountMeasure(filtered, 'transactions'), undefined);
    assert.equal(rowCountMeasure(filtered, 'customers'), 'customers.ids');
    assert.equal(rowCountMeasure(clvDataModel, 'customers'), 'customers.count');
  });

  it('refuses a member the base table cannot reach, or that is not a column', () => {
    assert.throws(() => valueCountsQuery(clvDataModel, 'customers', 'transactions.channel'), { code: 'invalid_request', message: /"transactions" cannot be reached from "customers"/ });
    assert.throws(() => valueCountsQuery(clvDataModel, 'transactions', 'transactions.revenue'), { code: 'invalid_request', message: /not a column/ });
  });
});

describe('readValueCounts', () => {
  it('reads the named count column, or none', () => {
    const result = {
      columns: [
        { name: 'customers.loyalty_tier', label: 'Loyalty tier', type: 'string' as const, role: 'dimension' as const },
        { name: 'customers.count', label: 'Customers', type: 'integer' as const, role: 'measure' as const },
        { name: 'other', label: 'Other', type: 'integer' as const, role: 'dimension' as const },
      ],
      rows: [
        { 'customers.loyalty_tier': 'Gold', 'customers.count': 5, other: 9 },
        { 'customers.loyalty_tier': null, 'customers.count': 1, other: 8 },
      ],
    };
    assert.deepEqual(readValueCounts(result, 'customers.loyalty_tier'), [
      { value: 'Gold', count: 5 },
      { value: null, count: 1 },
    ]);
    assert.deepEqual(readValueCounts(result, 'customers.loyalty_tier', 'other'), [
      { value: 'Gold', count: 9 },
      { value: null, count: 8 },
    ]);
    assert.deepEqual(readValueCounts({ columns: result.columns.slice(0, 1), rows: [{ 'customers.loyalty_tier': 'Gold' }] }, 'customers.loyalty_tier'), [
      { value: 'Gold', count: null },
    ]);
  });
});
