import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { importFile } from '../../src/import/index.js';
import { isAdapterError } from '../../src/contracts/errors.js';
import { dataFile } from './import-data-files.js';

const CDNOW_MASTER = 'cdnow/CDNOW_master.txt';
const CDNOW_SAMPLE = 'cdnow/CDNOW_sample.txt';
const RETAIL = 'online-retail/online_retail_II_2009-2010.csv.gz';
const RETAIL_INVOICES = 'online-retail/online_retail_II_2009-2010_invoices.csv';

const read = (rel: string) => new Uint8Array(readFileSync(dataFile(rel)));
const sum = (xs: ArrayLike<unknown>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s;
};

test('CDNOW_master.txt: whitespace layout, header and YYYYMMDD detected, every row accepted', async () => {
  const r = await importFile(read(CDNOW_MASTER), 'CDNOW_master.txt');
  assert.equal(r.format, 'text');
  assert.equal(r.delimiter, 'whitespace');
  assert.equal(r.hasHeader, true);
  assert.deepEqual(r.columns, ['customer_id', 'date', 'number_of_cds', 'dollar_value']);
  assert.equal(r.dateFormat, 'YYYYMMDD');
  assert.deepEqual(r.mapping, { customer: 'customer_id', date: 'date', amount: 'dollar_value', quantity: 'number_of_cds', dateFormat: 'YYYYMMDD' });
  assert.equal(r.rowCount, 69_659);
  assert.equal(r.rejected.length, 0);
  assert.deepEqual(Object.values(r.rejectedCounts), [0, 0, 0, 0, 0]);
  assert.equal(new Set(Array.from(r.data.customer_id)).size, 23_570);
  assert.ok(Math.abs(sum(r.data.amount) - 2_500_315.63) <= 0.005, `Σ amount ${sum(r.data.amount)}`);
  assert.deepEqual(r.dateRange, { from: '1997-01-01', to: '1998-06-30' });
  // First data row " 00001  19970101  1  11.77" on line 2: zero-padded id kept, CR stripped.
  assert.equal(r.data.customer_id[0], '00001');
  assert.equal(r.data.ts[0], Date.UTC(1997, 0, 1));
  assert.equal(r.data.order_date[0], '1997-01-01');
  assert.equal(r.data.amount[0], 11.77);
  assert.equal(r.data.quantity[0], 1);
  assert.equal(r.data.transaction_id[0], '2');
  assert.equal(r.data.channel[0], null);
  assert.equal(r.data.category[0], null);
  // 68 customers spent nothing in total: zero amounts are purchases, not errors.
  const spend = new Map<string, number>();
  for (let i = 0; i < r.rowCount; i++) spend.set(r.data.customer_id[i] as string, (spend.get(r.data.customer_id[i] as string) ?? 0) + (r.data.amount[i] as number));
  assert.equal([...spend.values()].filter((v) => v === 0).length, 68);
});

test('CDNOW_sample.txt: no header, explicit column names; matches a plain re-read of the file', async () => {
  const bytes = read(CDNOW_SAMPLE);
  const r = await importFile(bytes, 'CDNOW_sample.txt', {
    columnNames: ['master_id', 'sample_id', 'date', 'number_of_cds', 'dollar_value'],
    mapping: { customer: 'sample_id', date: 'date', amount: 'dollar_value', quantity: 'number_of_cds' },
  });
  assert.equal(r.hasHeader, false);
  assert.equal(r.delimiter, 'whitespace');
  assert.equal(r.dateFormat, 'YYYYMMDD');
  assert.equal(r.rejected.length, 0);
  // Independent reading: split lines on whitespace.
  const lines = new TextDecoder().decode(bytes).split('\r\n').filter((l) => l.trim() !== '');
  const fields = lines.map((l) => l.trim().split(/\s+/));
  assert.equal(r.rowCount, fields.length);
  assert.equal(r.rowCount, 6_919);
  assert.equal(new Set(Array.from(r.data.customer_id)).size, 2_357);
  assert.ok(Math.abs(sum(r.data.amount) - fields.reduce((s, f) => s + Number(f[4]), 0)) < 1e-6);
  assert.equal(r.data.customer_id[0], '0001');
  assert.equal(r.data.transaction_id[0], '1');
  assert.deepEqual(r.dateRange, { from: '1997-01-01', to: '1998-06-30' });
});

/** RFC 4180 split of one line (no embedded line breaks in this file): written here so the check does not reuse the importer. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

test('Online Retail II csv.gz: every line accounted for, cancellations reported, totals match the invoices file', async (t) => {
  const bytes = read(RETAIL);
  // Independent count from the raw file.
  const lines = gunzipSync(bytes).toString('utf8').split('\n');
  assert.equal(lines.at(-1), '');
  const records = lines.slice(1, -1);
  assert.equal(records.length, 525_461);
  let missing = 0;
  let prefixed = 0;
  let cancel = 0;
  let cancelAndMissing = 0;
  let accepted = 0;
  let acceptedSum = 0;
  let subCentLines = 0;
  let firstMissingLine = 0;
  const acceptedCustomers = new Set<string>();
  const acceptedInvoices = new Set<string>();
  records.forEach((line, i) => {
    const [invoice, , , q, , p, customer] = csvFields(line);
    const amount = Number(q) * Number(p);
    const isMissing = customer === '';
    const isCancel = invoice.startsWith('C') || Number(q) < 0 || amount < 0;
    if (isMissing) {
      missing++;
      firstMissingLine ||= i + 2;
    }
    if (invoice.startsWith('C')) prefixed++;
    if (isCancel) cancel++;
    if (isCancel && isMissing) cancelAndMissing++;
    if (!isMissing && !isCancel) {
      accepted++;
      acceptedSum += amount;
      acceptedCustomers.add(customer);
      acceptedInvoices.add(invoice);
      if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) subCentLines++;
    }
  });
  assert.equal(missing, 107_927);
  assert.equal(prefixed, 10_206);

  const progress: number[] = [];
  const t0 = performance.now();
  const r = await importFile(bytes, 'online_retail_II_2009-2010.csv.gz', { onProgress: (p) => progress.push(p.rowsDone) });
  const seconds = (performance.now() - t0) / 1000;
  t.diagnostic(`imported ${r.rowsRead} lines (${r.rowCount} accepted) from the 7.3 MB csv.gz in ${seconds.toFixed(2)} s`);

  assert.equal(r.format, 'gzip');
  assert.equal(r.delimiter, ',');
  assert.equal(r.hasHeader, true);
  assert.equal(r.dateFormat, 'YYYY-MM-DD HH:MM:SS');
  assert.deepEqual(r.mapping, {
    customer: 'Customer ID',
    date: 'InvoiceDate',
    amountFrom: { price: 'Price', quantity: 'Quantity' },
    quantity: 'Quantity',
    id: 'Invoice',
    dateFormat: 'YYYY-MM-DD HH:MM:SS',
  });
  // Rule: one reason per line, errors before cancellations. A line with no customer id is
  // missing_customer even when it is a cancellation too; the overlap is reported separately.
  assert.equal(r.rowsRead, 525_461);
  assert.equal(r.rowCount + r.rejected.length, 525_461);
  assert.equal(r.rejectedCounts.missing_customer, 107_927);
  assert.equal(r.rejectedCounts.cancellation, cancel - cancelAndMissing);
  assert.equal(r.rejectedCounts.cancellation, 9_839);
  assert.equal(r.rejectedCounts.bad_date + r.rejectedCounts.bad_amount + r.rejectedCounts.bad_quantity, 0);
  assert.deepEqual(r.cancellations, { total: cancel, invoicePrefixed: 10_206, negative: r.cancellations.negative, alsoRejectedForError: cancelAndMissing });
  assert.equal(cancel, 12_330);
  assert.equal(cancelAndMissing, 2_491);
  assert.equal(r.rowCount, accepted);
  assert.equal(new Set(Array.from(r.data.customer_id)).size, acceptedCustomers.size);

  // The first rejected line is the first line without a customer id, with its text.
  const firstMissing = r.rejected.find((x) => x.reason === 'missing_customer')!;
  assert.equal(firstMissing.line, firstMissingLine);
  assert.equal(firstMissing.raw, lines[firstMissingLine - 1]);

  // Same products summed in the same order as the independent pass: equal to float precision.
  const imported = sum(r.data.amount);
  assert.ok(Math.abs(imported - acceptedSum) < 1e-6, `${imported} vs ${acceptedSum}`);

  // The invoices file: one row per invoice, Total = Σ round(quantity × price, cents).
  const invoices = readFileSync(dataFile(RETAIL_INVOICES), 'utf8').trim().split(/\r?\n/).slice(1).map(csvFields);
  const kept = invoices.filter((f) => f[2] !== '' && f[4] === '0');
  assert.equal(kept.length, 19_215);
  assert.equal(new Set(Array.from(r.data.transaction_id)).size, 19_215);
  assert.deepEqual(new Set(Array.from(r.data.transaction_id)), acceptedInvoices);
  const invoiceCents = kept.reduce((s, f) => s + Math.round(Number(f[7]) * 100), 0);
  assert.equal(invoiceCents, 883_200_326);
  // Rounding a line to cents moves it by at most half a cent, and only lines whose product has
  // sub-cent digits move at all, so the unrounded total is within 0.005 × those lines.
  const tolerance = 0.005 * subCentLines;
  assert.ok(subCentLines > 0 && tolerance < 50, `${subCentLines} lines with sub-cent products`);
  assert.ok(Math.abs(imported - invoiceCents / 100) <= tolerance, `Σ ${imported} vs invoices ${invoiceCents / 100} ± ${tolerance}`);

  // Local wall-clock times are kept as UTC: the first line is 2009-12-01 07:45:00.
  assert.equal(r.data.ts[0], Date.UTC(2009, 11, 1, 7, 45));
  assert.deepEqual(r.dateRange, { from: '2009-12-01', to: '2010-12-09' });
  assert.equal(progress.at(-1), 525_461);
  assert.ok(progress.length > 5);
});

test('a Blob source reads the same as bytes; progress counts bytes; abort stops the import', async () => {
  const bytes = read(CDNOW_MASTER);
  const fromBlob = await importFile(new Blob([bytes]), 'CDNOW_master.txt');
  const fromBytes = await importFile(bytes, 'CDNOW_master.txt');
  assert.deepEqual(Array.from(fromBlob.data.amount), Array.from(fromBytes.data.amount));
  assert.deepEqual(fromBlob.data.customer_id, fromBytes.data.customer_id);

  const seen: Array<{ bytesDone: number; bytesTotal: number }> = [];
  await importFile(bytes, 'CDNOW_master.txt', { onProgress: (p) => seen.push(p) });
  assert.equal(seen.at(-1)!.bytesDone, bytes.byteLength);
  assert.equal(seen.at(-1)!.bytesTotal, bytes.byteLength);

  const ac = new AbortController();
  await assert.rejects(
    importFile(read(RETAIL), 'retail.csv.gz', { signal: ac.signal, onProgress: (p) => p.rowsDone > 0 && ac.abort() }),
    (e: unknown) => isAdapterError(e) && e.code === 'aborted',
  );
});
