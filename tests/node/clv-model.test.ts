import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataModelSchema } from '../../src/contracts/data-model.js';
import {
  CUSTOMERS_TABLE,
  DATES_TABLE,
  TRANSACTIONS_TABLE,
  clvDataModel,
  createDateDimension,
  dayToIsoDate,
  isoDateToDay,
  isoWeek,
  loadColumnsOf,
} from '../../src/model/clv-model.js';

test('the model validates and has the agreed tables, keys and relations', () => {
  assert.deepEqual(DataModelSchema.parse(clvDataModel), clvDataModel);
  assert.deepEqual(
    clvDataModel.tables.map((t) => [t.name, t.kind, t.primaryKey]),
    [
      [CUSTOMERS_TABLE, 'dimension', 'customer_id'],
      [TRANSACTIONS_TABLE, 'fact', undefined],
      [DATES_TABLE, 'dimension', 'date'],
    ],
  );
  assert.deepEqual(
    clvDataModel.relations.map((r) => `${r.name}:${r.from.table}.${r.from.column}->${r.to.table}.${r.to.column}`),
    ['transaction_customer:transactions.customer_id->customers.customer_id', 'transaction_date:transactions.order_date->dates.date'],
  );
  const tx = clvDataModel.tables.find((t) => t.name === TRANSACTIONS_TABLE)!;
  assert.deepEqual(
    tx.columns.map((c) => `${c.name}:${c.type}:${c.role}`),
    [
      'transaction_id:string:identity',
      'customer_id:string:identity',
      'ts:timestamp:time',
      'amount:number:measure',
      'quantity:integer:measure',
      'channel:string:dimension',
      'category:string:dimension',
      'order_date:date:time',
    ],
  );
  assert.equal(tx.columns.find((c) => c.name === 'amount')!.format, '$,.2f');
  assert.deepEqual(loadColumnsOf(DATES_TABLE).map((c) => c.name), [
    'date', 'year', 'quarter', 'month', 'month_name', 'week', 'day_of_week', 'day_name', 'is_weekend',
  ]);
  assert.deepEqual(loadColumnsOf(CUSTOMERS_TABLE).map((c) => c.name), [
    'customer_id', 'email', 'first_name', 'last_name', 'country', 'signup_date', 'loyalty_tier',
  ]);
  assert.throws(() => loadColumnsOf('nope'), /not a table/);
});

test('the measures are the agreed ones', () => {
  const m = new Map(clvDataModel.measures.map((x) => [`${x.table}.${x.name}`, x]));
  const expect: Record<string, [string, string | undefined]> = {
    'transactions.count': ['count', undefined],
    'transactions.revenue': ['sum', 'amount'],
    'transactions.avg_order_value': ['avg', 'amount'],
    'transactions.customers': ['countDistinct', 'customer_id'],
    'transactions.units': ['sum', 'quantity'],
    'transactions.max_amount': ['max', 'amount'],
    'transactions.min_amount': ['min', 'amount'],
    'transactions.first_purchase': ['min', 'ts'],
    'transactions.last_purchase': ['max', 'ts'],
    'transactions.web_revenue': ['sum', 'amount'],
    'customers.count': ['count', undefined],
  };
  assert.deepEqual([...m.keys()].sort(), Object.keys(expect).sort());
  for (const [k, [agg, col]] of Object.entries(expect)) {
    assert.equal(m.get(k)!.aggregation, agg, k);
    assert.equal(m.get(k)!.column, col, k);
  }
  assert.deepEqual(m.get('transactions.web_revenue')!.filter, [{ column: 'channel', operator: 'equals', values: ['web'] }]);
});

test('day numbers round-trip and reject impossible dates', () => {
  assert.equal(isoDateToDay('1970-01-01'), 0);
  assert.equal(dayToIsoDate(isoDateToDay('2024-02-29')), '2024-02-29');
  assert.throws(() => isoDateToDay('2023-02-29'), /not a calendar date/);
  assert.throws(() => isoDateToDay('2024-1-01'), /not a YYYY-MM-DD/);
  assert.equal(dayToIsoDate(-1), '1969-12-31');
});

test('ISO weeks at year boundaries', () => {
  const w = (d: string) => isoWeek(isoDateToDay(d));
  assert.equal(w('2024-01-01'), 1);
  assert.equal(w('2024-12-30'), 1); // Monday of the week holding 2025-01-02 (Thursday)
  assert.equal(w('2021-01-03'), 53); // Sunday, still in 2020's week 53
  assert.equal(w('2021-01-04'), 1);
  assert.equal(w('2026-12-31'), 53);
});

test('createDateDimension covers the span with correct calendar attributes', () => {
  const d = createDateDimension('2023-12-30', '2024-03-01');
  const n = d.date.length;
  assert.equal(n, 2 + 31 + 29 + 1);
  assert.equal(d.date[0], '2023-12-30');
  assert.equal(d.date[n - 1], '2024-03-01');
  const i = Array.from(d.date).indexOf('2024-01-01');
  assert.equal(d.day_of_week[i], 1);
  assert.equal(d.day_name[i], 'Monday');
  assert.equal(d.is_weekend[i], false);
  assert.equal(d.is_weekend[0], true); // 2023-12-30 was a Saturday
  assert.equal(d.day_name[1], 'Sunday');
  assert.equal(d.day_of_week[1], 7);
  assert.equal(d.year[i], 2024);
  assert.equal(d.quarter[i], 1);
  assert.equal(d.month[i], 1);
  assert.equal(d.month_name[i], 'January');
  assert.equal(d.week[0], 52);
  assert.ok(Array.from(d.date).includes('2024-02-29'));
  for (const col of Object.values(d)) assert.equal(col.length, n);
  assert.deepEqual(Object.keys(d), loadColumnsOf(DATES_TABLE).map((c) => c.name));
  assert.equal(createDateDimension('2024-05-05', '2024-05-05').date.length, 1);
  assert.throws(() => createDateDimension('2024-05-05', '2024-05-04'), /before it starts/);
});
