// What the composer offers: tables with their kind, records and lookups; the attributes a base table
// reaches (own columns, measures, looked-up columns with their path); types, aggregates and search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateOptions, composerTables, searchAttributes, sqlAttributes, tableAttributes } from '../../src/composer/index.js';
import { DataModelSchema } from '../../src/contracts/data-model.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { catalogModel } from '../../src/widgets/index.js';

const model = catalogModel();
const byKey = (table: string) => new Map(tableAttributes(model, table).map((a) => [a.key, a]));

describe('composerTables', () => {
  it('lists every table with its kind, records and lookups', () => {
    const counted = DataModelSchema.parse({ ...clvDataModel, tables: clvDataModel.tables.map((t, i) => ({ ...t, rowCount: [200, 1500, 366][i] })) });
    assert.deepEqual(
      composerTables(counted).map((t) => [t.name, t.title, t.kind, t.rowCount, t.attributeCount]),
      [
        ['customers', 'Customers', 'dimension', 200, 8],
        ['transactions', 'Transactions', 'fact', 1500, 34],
        ['dates', 'Dates', 'dimension', 366, 9],
      ],
    );
    const tables = new Map(composerTables(model).map((t) => [t.name, t]));
    assert.equal(tables.get('customer_clv')?.kind, 'derived');
    assert.equal(tables.get('category_deciles_flat')?.kind, 'derived');
    assert.deepEqual(tables.get('transactions')?.lookups, [
      { name: 'transaction_customer', column: 'customer_id', table: 'customers', tableTitle: 'Customers', targetColumn: 'customer_id' },
      { name: 'transaction_date', column: 'order_date', table: 'dates', tableTitle: 'Dates', targetColumn: 'date' },
    ]);
    assert.deepEqual(tables.get('customers')?.lookups, []);
  });
});

describe('tableAttributes', () => {
  it('lists own columns, then own measures, then looked-up columns in lookup order', () => {
    const keys = tableAttributes(model, 'transactions').map((a) => a.key);
    assert.equal(keys.length, 34);
    assert.deepEqual(keys.slice(0, 10), [
      'transactions.transaction_id',
      'transactions.customer_id',
      'transactions.ts',
      'transactions.amount',
      'transactions.quantity',
      'transactions.channel',
      'transactions.category',
      'transactions.order_date',
      'transactions.count',
      'transactions.revenue',
    ]);
    assert.equal(keys[18], 'customers.customer_id');
    assert.equal(keys[25], 'dates.date');
    assert.ok(!keys.includes('customers.count'), "another table's measure cannot join a query on transactions");
    assert.ok(!keys.includes('customer_clv.clv'), 'customer_clv is not reachable from transactions');
  });

  it('gives each attribute its kind, type, encoding type, source table and lookup path', () => {
    const t = byKey('transactions');
    assert.deepEqual(t.get('customers.loyalty_tier'), {
      key: 'customers.loyalty_tier',
      label: 'Loyalty tier',
      kind: 'dimension',
      type: 'string',
      role: 'dimension',
      table: 'customers',
      tableTitle: 'Customers',
      path: ['transaction_customer'],
      fieldType: 'nominal',
      description: 'One of Bronze, Silver, Gold, Platinum.',
    });
    assert.deepEqual(t.get('transactions.revenue'), {
      key: 'transactions.revenue',
      label: 'Revenue',
      kind: 'measure',
      type: 'number',
      role: 'measure',
      table: 'transactions',
      tableTitle: 'Transactions',
      path: [],
      fieldType: 'quantitative',
      aggregation: 'sum',
      format: '$,.2f',
    });
    const kinds = (m: Map<string, { kind: string; fieldType: string }>, key: string) => [m.get(key)?.kind, m.get(key)?.fieldType];
    assert.deepEqual(kinds(t, 'transactions.ts'), ['time', 'temporal']);
    assert.deepEqual(kinds(t, 'transactions.first_purchase'), ['measure', 'temporal']);
    assert.deepEqual(kinds(t, 'transactions.amount'), ['dimension', 'quantitative']);
    assert.deepEqual(kinds(t, 'transactions.customer_id'), ['dimension', 'nominal']);
    assert.deepEqual(kinds(t, 'dates.day_of_week'), ['dimension', 'ordinal']);
    assert.deepEqual(kinds(t, 'dates.is_weekend'), ['dimension', 'nominal']);
    const clv = byKey('customer_clv');
    assert.deepEqual(kinds(clv, 'customer_clv.clv_decile'), ['dimension', 'ordinal']);
    assert.deepEqual(kinds(clv, 'customer_clv.frequency'), ['dimension', 'quantitative']);
    assert.deepEqual(byKey('email_events').get('audiences.name')?.path, ['email_event_campaign', 'campaign_audience']);
  });

  it('offers aggregates where they mean something', () => {
    const t = byKey('transactions');
    assert.deepEqual(aggregateOptions(t.get('transactions.revenue')!), []);
    assert.deepEqual(aggregateOptions(t.get('transactions.amount')!), ['count', 'sum', 'mean', 'min', 'max']);
    assert.deepEqual(aggregateOptions(t.get('transactions.quantity')!), ['count', 'sum', 'mean', 'min', 'max']);
    assert.deepEqual(aggregateOptions(t.get('dates.month')!), ['count', 'distinct']);
    assert.deepEqual(aggregateOptions(t.get('transactions.customer_id')!), ['count', 'distinct']);
    assert.deepEqual(aggregateOptions(t.get('transactions.ts')!), ['count', 'min', 'max']);
  });

  it('returns nothing for an unknown table', () => {
    assert.deepEqual(tableAttributes(model, 'nope'), []);
  });
});

describe('searchAttributes', () => {
  const all = tableAttributes(model, 'transactions');
  it('matches label, key and table, every word, ignoring case', () => {
    assert.deepEqual(searchAttributes(all, 'tier').map((a) => a.key), ['customers.loyalty_tier']);
    assert.deepEqual(searchAttributes(all, 'CUSTOMERS id').map((a) => a.key), ['customers.customer_id']);
    assert.deepEqual(searchAttributes(all, 'dates week').map((a) => a.key), ['dates.week', 'dates.day_of_week', 'dates.is_weekend']);
    assert.deepEqual(searchAttributes(all, 'purchase').map((a) => a.key), ['transactions.ts', 'transactions.first_purchase', 'transactions.last_purchase']);
    assert.equal(searchAttributes(all, '  ').length, all.length);
    assert.deepEqual(searchAttributes(all, 'zebra'), []);
  });
});

describe('sqlAttributes', () => {
  it('types result columns; integers are ordinal only when they look like small dense codes', () => {
    const result = {
      columns: [
        { name: 'decile', label: 'decile', type: 'integer' as const, role: 'measure' as const },
        { name: 'profiles', label: 'profiles', type: 'integer' as const, role: 'measure' as const },
        { name: 'few', label: 'few', type: 'integer' as const, role: 'measure' as const },
        { name: 'share', label: 'share', type: 'number' as const, role: 'measure' as const },
        { name: 'day', label: 'day', type: 'date' as const, role: 'time' as const },
        { name: 'campaign', label: '', type: 'string' as const, role: 'dimension' as const },
      ],
      rows: Array.from({ length: 10 }, (_, i) => ({ decile: 10 - i, profiles: 1200 - i * 7, few: [3, 17, 40][i % 3]!, share: i / 10, day: '2024-01-01', campaign: 'c' })),
    };
    const attrs = sqlAttributes(result);
    assert.deepEqual(
      attrs.map((a) => [a.key, a.label, a.kind, a.fieldType]),
      [
        ['decile', 'decile', 'dimension', 'ordinal'],
        ['profiles', 'profiles', 'dimension', 'quantitative'],
        ['few', 'few', 'dimension', 'quantitative'],
        ['share', 'share', 'dimension', 'quantitative'],
        ['day', 'day', 'time', 'temporal'],
        ['campaign', 'campaign', 'dimension', 'nominal'],
      ],
    );
    assert.equal(sqlAttributes({ columns: result.columns.slice(0, 1), rows: [] })[0]?.fieldType, 'quantitative', 'no rows, no evidence of codes');
  });
});
