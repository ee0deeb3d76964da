import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../../src/contracts/loader.js';
import { importFile, loadImport } from '../../src/import/index.js';
import { isAdapterError } from '../../src/contracts/errors.js';

/** Records what an engine would receive. */
class RecordingLoader implements TableLoader {
  calls: Array<{ table: string; columns: LoadColumn[]; data: ColumnarData; options: LoadOptions }> = [];
  async loadColumns(table: string, columns: LoadColumn[], data: ColumnarData, options: LoadOptions) {
    this.calls.push({ table, columns, data, options });
    const first = Object.values(data)[0];
    return { rows: first ? first.length : 0 };
  }
}

const FILE = new TextEncoder().encode(
  ['customer,date,amount', 'b,2024-01-03,5', 'a,2024-01-02,10', 'b,2024-01-01,7', 'a,2024-01-05,1', ',2024-01-09,3'].join('\n'),
);

test('replace: transactions, one customer row per id with the first purchase as signup, dates over the span', async () => {
  const result = await importFile(FILE, 'x.csv');
  const loader = new RecordingLoader();
  const out = await loadImport(loader, result);
  assert.deepEqual(out, { rows: { transactions: 4, customers: 2, dates: 5 }, skipped: {} });
  assert.deepEqual(loader.calls.map((c) => [c.table, c.options.mode]), [
    ['transactions', 'replace'],
    ['customers', 'replace'],
    ['dates', 'replace'],
  ]);
  const [tx, customers, dates] = loader.calls;
  assert.deepEqual(tx.columns.map((c) => `${c.name}:${c.type}`), [
    'transaction_id:string', 'customer_id:string', 'ts:timestamp', 'amount:number', 'quantity:integer', 'channel:string', 'category:string', 'order_date:date',
  ]);
  assert.equal(tx.data, result.data);
  assert.deepEqual(customers.data.customer_id, ['b', 'a']);
  assert.deepEqual(customers.data.signup_date, ['2024-01-01', '2024-01-02']);
  assert.deepEqual(customers.data.email, [null, null]);
  assert.deepEqual(customers.data.loyalty_tier, [null, null]);
  assert.deepEqual(Object.keys(customers.data), customers.columns.map((c) => c.name));
  // The rejected row's date (2024-01-09) is not part of the span.
  assert.deepEqual(Array.from(dates.data.date), ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
});

test('a custom table name; append without what exists skips the dimensions, with it adds only new keys', async () => {
  const result = await importFile(FILE, 'x.csv');
  const loader = new RecordingLoader();
  const skipped = await loadImport(loader, result, 'transactions_2024', 'append');
  assert.deepEqual(skipped.rows, { transactions_2024: 4 });
  assert.deepEqual(Object.keys(skipped.skipped), ['customers', 'dates']);

  const loader2 = new RecordingLoader();
  const out = await loadImport(loader2, result, 'transactions', 'append', {
    existing: { customerIds: new Set(['a']), dateSpan: { from: '2024-01-02', to: '2024-01-03' } },
  });
  assert.deepEqual(out.rows, { transactions: 4, customers: 1, dates: 3 });
  assert.deepEqual(loader2.calls[1].data.customer_id, ['b']);
  assert.deepEqual(Array.from(loader2.calls[2].data.date), ['2024-01-01', '2024-01-04', '2024-01-05']);
  assert.ok(loader2.calls.every((c) => c.options.mode === 'append'));
});

test('abort before loading', async () => {
  const result = await importFile(FILE, 'x.csv');
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(loadImport(new RecordingLoader(), result, 'transactions', 'replace', { signal: ac.signal }), (e: unknown) => isAdapterError(e) && e.code === 'aborted');
});
