import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportMappingSchema, suggestMapping } from '../../src/import/index.js';

test('the mapping schema needs customer, date and exactly one of amount / amountFrom', () => {
  assert.ok(ImportMappingSchema.safeParse({ customer: 'c', date: 'd', amount: 'a' }).success);
  assert.ok(ImportMappingSchema.safeParse({ customer: 'c', date: 'd', amountFrom: { price: 'p', quantity: 'q' } }).success);
  assert.ok(!ImportMappingSchema.safeParse({ customer: 'c', date: 'd' }).success);
  assert.ok(!ImportMappingSchema.safeParse({ customer: 'c', date: 'd', amount: 'a', amountFrom: { price: 'p', quantity: 'q' } }).success);
  assert.ok(!ImportMappingSchema.safeParse({ customer: 'c', date: 'd', amount: 'a', dateFormat: 'DD-MM-YY' }).success);
  assert.ok(!ImportMappingSchema.safeParse({ customer: 'c', date: 'd', amount: 'a', extra: 'x' }).success);
});

test('CDNOW names', () => {
  const s = suggestMapping(['customer_id', 'date', 'number_of_cds', 'dollar_value'], [['00001', '19970101', '1', '11.77']]);
  assert.equal(s.complete, true);
  assert.deepEqual(s.mapping, { customer: 'customer_id', date: 'date', amount: 'dollar_value', quantity: 'number_of_cds', dateFormat: 'YYYYMMDD' });
});

test('Online Retail names: price × quantity is offered when there is no amount column', () => {
  const cols = ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'];
  const s = suggestMapping(cols, [
    ['489434', '85048', 'GLASS BALL', '12', '2009-12-01 07:45:00', '6.95', '13085', 'United Kingdom'],
    ['C489449', '22087', 'PAPER BUNTING', '-12', '2009-12-01 10:33:00', '2.95', '', 'Australia'],
  ]);
  assert.equal(s.complete, true);
  assert.deepEqual(s.mapping, {
    customer: 'Customer ID',
    date: 'InvoiceDate',
    amountFrom: { price: 'Price', quantity: 'Quantity' },
    quantity: 'Quantity',
    id: 'Invoice',
    dateFormat: 'YYYY-MM-DD HH:MM:SS',
  });
  assert.match(s.notes.join(' '), /Price × Quantity/);
});

test('other common spellings', () => {
  const s = suggestMapping(['cust', 'OrderDate', 'Total Amount', 'Qty', 'Product Category', 'Order ID'], [['x1', '2024-01-31', '9.99', '2', 'Books', 'A-1']]);
  assert.deepEqual(s.mapping, {
    customer: 'cust',
    date: 'OrderDate',
    amount: 'Total Amount',
    quantity: 'Qty',
    category: 'Product Category',
    id: 'Order ID',
    dateFormat: 'YYYY-MM-DD',
  });
  // An amount column wins over price × quantity.
  const t = suggestMapping(['client', 'ts', 'amount', 'price', 'quantity'], [['a', '2024-01-01T10:00:00Z', '10', '5', '2']]);
  assert.equal(t.mapping.amount, 'amount');
  assert.equal(t.mapping.amountFrom, undefined);
});

test('types break ties and fill gaps: a date-named text column is not a date; lone date / decimal columns are used', () => {
  const s = suggestMapping(['customer', 'date_note', 'when', 'paid'], [['a', 'soon', '01/02/2024', '3.50'], ['b', 'later', '03/04/2024', '4']]);
  assert.equal(s.mapping.date, 'when');
  assert.equal(s.mapping.amount, 'paid');
  assert.equal(s.mapping.dateFormat, 'MM/DD/YYYY');
  assert.match(s.notes.join(' '), /month-first/);
  const headerless = suggestMapping(['column_1', 'column_2', 'column_3'], [['A7', '2024-01-01', '3.25'], ['B2', '2024-01-02', '1.50']]);
  assert.equal(headerless.mapping.date, 'column_2');
  assert.equal(headerless.mapping.amount, 'column_3');
  assert.deepEqual(headerless.missing, ['customer']);
  assert.equal(headerless.complete, false);
});
