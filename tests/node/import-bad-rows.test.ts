import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { importFile, rejectedToCsv } from '../../src/import/index.js';
import { neutraliseCell } from '../../src/export/csv.js';
import { isAdapterError } from '../../src/contracts/errors.js';

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');

const FILE = [
  'order_id,customer,date,amount,qty,category',
  '1,A,2024-01-05,10.00,1,Books',
  '2,,2024-01-06,5.00,1,Books',
  '3,B,2024-02-30,5.00,1,Toys',
  '4,C,2024-01-07,,1,Toys',
  '5,D,2024-01-08,abc,1,Toys',
  '6,E,2024-01-09,7.50,x,Home',
  '7,F,2024-01-10,-3.00,1,Home',
  '=1+1,,2024-01-11,4.00,1,Home',
  'C9,G,2024-01-12,12.00,2,Home',
  '',
  '10,H,2024-01-13,8.00,1,"Home, Garden"',
];

test('each bad row is rejected with its line, reason and text; good rows are kept', async () => {
  const r = await importFile(csv(FILE), 'orders.csv');
  assert.deepEqual(r.mapping, { customer: 'customer', date: 'date', amount: 'amount', quantity: 'qty', category: 'category', id: 'order_id', dateFormat: 'YYYY-MM-DD' });
  assert.deepEqual(
    r.rejected.map((x) => [x.line, x.reason]),
    [
      [3, 'missing_customer'],
      [4, 'bad_date'],
      [5, 'bad_amount'],
      [6, 'bad_amount'],
      [7, 'bad_quantity'],
      [8, 'cancellation'],
      [9, 'missing_customer'],
      [10, 'cancellation'],
    ],
  );
  assert.equal(r.rejected[1].raw, '3,B,2024-02-30,5.00,1,Toys');
  assert.match(r.rejected[1].detail, /2024-02-30/);
  assert.equal(r.rejected[2].detail, 'amount is empty');
  assert.equal(r.rejected[3].detail, 'amount "abc" is not a number');
  assert.match(r.rejected[7].detail, /starts with C/);
  assert.deepEqual(r.rejectedCounts, { missing_customer: 2, bad_date: 1, bad_amount: 2, bad_quantity: 1, cancellation: 2 });
  assert.deepEqual(r.cancellations, { total: 2, invoicePrefixed: 1, negative: 1, alsoRejectedForError: 0 });
  assert.equal(r.rowCount, 2);
  assert.deepEqual(r.data.transaction_id, ['1', '10']);
  assert.deepEqual(r.data.category, ['Books', 'Home, Garden']);
  assert.equal(r.rowsRead, 10);
  assert.ok(r.warnings.some((w) => /1 blank lines/.test(w)));
  assert.ok(r.warnings.some((w) => /6 rows could not be read/.test(w)));
});

test('the rejects CSV neutralises formula cells and round-trips through a CSV parser', async () => {
  const r = await importFile(csv(FILE), 'orders.csv');
  const out = rejectedToCsv(r.rejected);
  const rows = Papa.parse<string[]>(out.trim(), { newline: '\r\n' }).data;
  assert.deepEqual(rows[0], ['line', 'reason', 'detail', 'raw']);
  assert.equal(rows.length, r.rejected.length + 1);
  const injected = rows.find((x) => x[0] === '9')!;
  assert.equal(injected[3], "'=1+1,,2024-01-11,4.00,1,Home");
  // A negative amount's detail or raw never starts a cell with "-" un-neutralised.
  for (const row of rows) for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), cell);

  assert.equal(neutraliseCell('=SUM(A1:A3)'), "'=SUM(A1:A3)");
  assert.equal(neutraliseCell('+1'), "'+1");
  assert.equal(neutraliseCell('-2+3'), "'-2+3");
  assert.equal(neutraliseCell('@cmd'), "'@cmd");
  assert.equal(neutraliseCell('\t=1'), "'\t=1");
  assert.equal(neutraliseCell('\r=1'), "'\r=1");
  assert.equal(neutraliseCell('plain'), 'plain');
  assert.equal(rejectedToCsv([{ line: 1, reason: 'bad_date', detail: 'say "x"', raw: 'a,b' }]), 'line,reason,detail,raw\r\n1,bad_date,"say ""x""","a,b"\r\n');
});

test('price × quantity: a missing or bad price is a bad amount; negative quantity a return', async () => {
  const r = await importFile(
    csv(['Invoice,Customer ID,InvoiceDate,Quantity,Price', '1,A,2010-12-01 08:26:00,2,1.25', '2,B,2010-12-01 08:27:00,3,', '3,C,2010-12-01 08:28:00,-1,2.00', '4,D,2010-12-01 08:29:00,1,x', '5,E,2010-12-01 08:30:00,4,0.5', '6,F,2010-12-01 08:31:00,1,1.00']),
    'lines.csv',
  );
  assert.deepEqual(r.mapping.amountFrom, { price: 'Price', quantity: 'Quantity' });
  assert.deepEqual(r.rejected.map((x) => [x.line, x.reason, x.detail]), [
    [3, 'bad_amount', 'price is empty'],
    [4, 'cancellation', 'negative quantity or amount (return)'],
    [5, 'bad_amount', 'price "x" is not a number'],
  ]);
  assert.deepEqual(Array.from(r.data.amount), [2.5, 2, 1]);
  assert.deepEqual(r.data.quantity, [2, 4, 1]);
});

test('semicolon, tab and pipe files; day-first dates; a BOM; CRLF', async () => {
  const semi = await importFile(new TextEncoder().encode('\ufeffkunde;datum;betrag\r\nk1;31/01/2024;10\r\nk2;01/02/2024;20\r\n'), 'de.csv', {
    mapping: { customer: 'kunde', date: 'datum', amount: 'betrag' },
  });
  assert.equal(semi.delimiter, ';');
  assert.equal(semi.dateFormat, 'DD/MM/YYYY');
  assert.deepEqual(semi.data.order_date, ['2024-01-31', '2024-02-01']);
  assert.deepEqual(semi.data.customer_id, ['k1', 'k2']);
  const tab = await importFile(csv(['customer\tdate\tamount', 'a\t2024-01-01\t1.5']), 't.tsv');
  assert.equal(tab.delimiter, '\t');
  assert.equal(tab.rowCount, 1);
  const pipe = await importFile(csv(['customer|date|amount', 'a|2024-01-01|1.5']), 'p.txt');
  assert.equal(pipe.delimiter, '|');
  assert.equal(pipe.rowCount, 1);
});

test('ambiguous dates and zone-less times are reported as warnings', async () => {
  const r = await importFile(csv(['customer,date,amount', 'a,01/02/2024 10:00,1', 'b,03/04/2024 11:00,2']), 'x.csv');
  assert.equal(r.dateFormat, 'MM/DD/YYYY');
  assert.ok(r.warnings.some((w) => /day-first and month-first/.test(w)));
  assert.ok(r.warnings.some((w) => /UTC wall-clock/.test(w)));
  const forced = await importFile(csv(['customer,date,amount', 'a,01/02/2024,1']), 'x.csv', {
    mapping: { customer: 'customer', date: 'date', amount: 'amount', dateFormat: 'DD/MM/YYYY' },
  });
  assert.deepEqual(forced.data.order_date, ['2024-02-01']);
});

test('unusable files and mappings fail with a message that says what to do', async () => {
  const noCustomer = importFile(csv(['when,amount', '2024-01-01,1']), 'x.csv');
  await assert.rejects(noCustomer, (e: unknown) => isAdapterError(e) && e.code === 'invalid_request' && /customer/.test(e.message) && /options\.mapping/.test(e.message));
  const badColumn = importFile(csv(['customer,date,amount', 'a,2024-01-01,1']), 'x.csv', { mapping: { customer: 'cust', date: 'date', amount: 'amount' } });
  await assert.rejects(badColumn, (e: unknown) => isAdapterError(e) && e.field === 'mapping.customer' && /Columns: customer, date, amount/.test(e.message));
  const badMapping = importFile(csv(['customer,date,amount', 'a,2024-01-01,1']), 'x.csv', { mapping: { customer: 'customer', date: 'date' } });
  await assert.rejects(badMapping, (e: unknown) => isAdapterError(e) && /amountFrom/.test(e.message));
  const badDates = importFile(csv(['customer,date,amount', 'a,tomorrow,1', 'b,yesterday,2']), 'x.csv', { mapping: { customer: 'customer', date: 'date', amount: 'amount' } });
  await assert.rejects(badDates, (e: unknown) => isAdapterError(e) && e.field === 'mapping.dateFormat');
  await assert.rejects(importFile(new Uint8Array(), 'empty.csv'), (e: unknown) => isAdapterError(e) && /no data/.test(e.message));
  const notGzip = importFile(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5]), 'broken.csv.gz');
  await assert.rejects(notGzip, (e: unknown) => isAdapterError(e) && /gzip/.test(e.message));
});

test('a header-only file gives an empty table', async () => {
  const r = await importFile(csv(['customer,date,amount']), 'x.csv', { mapping: { customer: 'customer', date: 'date', amount: 'amount' } });
  assert.equal(r.rowCount, 0);
  assert.equal(r.dateRange, null);
  assert.deepEqual(Object.keys(r.data), ['transaction_id', 'customer_id', 'ts', 'amount', 'quantity', 'channel', 'category', 'order_date']);
});
