import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile, inspectFile } from '../../src/import/index.js';

const ts = (s: string) => new Date(s + 'Z');

test('parquet round trip (hyparquet-writer, snappy): typed columns, a null customer rejected with its row', async () => {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'order_id', data: ['o1', 'o2', 'o3', 'C4'], type: 'STRING' },
      { name: 'customer_id', data: ['c1', 'c2', null, 'c1'], type: 'STRING' },
      { name: 'purchased_at', data: [ts('2024-01-01T10:00:00'), ts('2024-01-02T11:30:00'), ts('2024-01-03T09:00:00'), ts('2024-01-04T09:00:00')], type: 'TIMESTAMP' },
      { name: 'amount', data: [19.99, 5.5, 7, -19.99], type: 'DOUBLE' },
      { name: 'qty', data: [1, 2, 1, -1], type: 'INT32' },
      { name: 'category', data: ['Books', null, 'Toys', 'Books'], type: 'STRING' },
    ],
  });
  const bytes = new Uint8Array(buffer);
  const inspection = await inspectFile(bytes, 'orders.parquet');
  assert.equal(inspection.format, 'parquet');
  assert.deepEqual(inspection.columns, ['order_id', 'customer_id', 'purchased_at', 'amount', 'qty', 'category']);
  assert.equal(inspection.types.purchased_at.type, 'timestamp');
  assert.equal(inspection.types.qty.type, 'integer');

  const r = await importFile(bytes, 'orders.parquet');
  assert.deepEqual(r.mapping, { customer: 'customer_id', date: 'purchased_at', amount: 'amount', quantity: 'qty', category: 'category', id: 'order_id' });
  assert.equal(r.format, 'parquet');
  assert.equal(r.dateFormat, null);
  assert.equal(r.rowCount, 2);
  assert.deepEqual(r.data.transaction_id, ['o1', 'o2']);
  assert.deepEqual(r.data.customer_id, ['c1', 'c2']);
  assert.deepEqual(Array.from(r.data.ts), [Date.UTC(2024, 0, 1, 10), Date.UTC(2024, 0, 2, 11, 30)]);
  assert.deepEqual(Array.from(r.data.amount), [19.99, 5.5]);
  assert.deepEqual(r.data.quantity, [1, 2]);
  assert.deepEqual(r.data.category, ['Books', null]);
  assert.deepEqual(r.data.order_date, ['2024-01-01', '2024-01-02']);
  assert.deepEqual(r.rejected.map((x) => [x.line, x.reason]), [
    [3, 'missing_customer'],
    [4, 'cancellation'],
  ]);
  assert.match(r.rejected[0].raw, /^o3,,2024-01-03T09:00:00.000Z,7,1,Toys$/);
});

test('parquet written by DuckDB (zstd, DATE column, text dates, double customer ids)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clv-parquet-'));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const file = join(dir, 'lines.parquet').replace(/'/g, "''");
    await conn.run(`COPY (
      SELECT * FROM (VALUES
        ('489434', 13085.0, DATE '2009-12-01', '2009-12-01 07:45:00', 12, 6.95),
        ('489435', 13085.0, DATE '2009-12-01', '2009-12-01 07:46:00', 4, 2.10),
        ('C489449', 16321.0, DATE '2009-12-01', '2009-12-01 10:33:00', -12, 2.95),
        ('489436', NULL, DATE '2009-12-02', '2009-12-02 09:06:00', 1, 1.25)
      ) AS t("Invoice", "Customer ID", "Day", "InvoiceDate", "Quantity", "Price")
    ) TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2)`);
    const bytes = new Uint8Array(readFileSync(join(dir, 'lines.parquet')));
    // Text timestamps in parquet: the format is detected from the sample like in a CSV.
    const r = await importFile(bytes, 'lines.parquet');
    assert.deepEqual(r.mapping, {
      customer: 'Customer ID',
      date: 'InvoiceDate',
      amountFrom: { price: 'Price', quantity: 'Quantity' },
      quantity: 'Quantity',
      id: 'Invoice',
      dateFormat: 'YYYY-MM-DD HH:MM:SS',
    });
    assert.deepEqual(r.data.customer_id, ['13085', '13085']);
    assert.deepEqual(Array.from(r.data.ts), [Date.UTC(2009, 11, 1, 7, 45), Date.UTC(2009, 11, 1, 7, 46)]);
    assert.ok(Math.abs((r.data.amount[0] as number) - 83.4) < 1e-9);
    assert.deepEqual(r.rejectedCounts, { missing_customer: 1, bad_date: 0, bad_amount: 0, bad_quantity: 0, cancellation: 1 });
    // A DATE-typed column works too (parquet dates arrive as Date objects).
    const byDay = await importFile(bytes, 'lines.parquet', { mapping: { customer: 'Customer ID', date: 'Day', amountFrom: { price: 'Price', quantity: 'Quantity' } } });
    assert.deepEqual(byDay.data.order_date, ['2009-12-01', '2009-12-01']);
    assert.equal(byDay.data.ts[0], Date.UTC(2009, 11, 1));
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
