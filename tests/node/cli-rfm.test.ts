// clv-kit rfm, run as a child process: on CDNOW_sample.txt it must reproduce all 2,357 rows of
// cdnow_customers_summary_with_transactions.csv (2-dp values, so ±0.006) in CSV and in JSON, read
// the same from a gzipped copy, keep stdout/stderr clean on a pipe, and write safe, RFC 4180 CSV.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cdnowFile, loadSummary, parseCsv, runCli, sampleArgs, SAMPLE_MAPPING, tempDir } from './cli-support.js';

const TOL = 0.006;

interface Row {
  customer: string;
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
}

function checkAgainstSummary(rows: Row[], what: string): void {
  const want = loadSummary();
  assert.equal(rows.length, 2357, `${what}: customers`);
  assert.equal(want.size, 2357, 'summary rows');
  const seen = new Set<number>();
  let maxDiff = 0;
  for (const r of rows) {
    const id = Number(r.customer);
    const w = want.get(id);
    assert.ok(w, `${what}: customer ${r.customer} is not in the summary`);
    seen.add(id);
    assert.equal(r.frequency, w.x, `${what}: frequency of ${id}`);
    for (const [got, exp, name] of [
      [r.recency, w.tx, 'recency'],
      [r.T, w.T, 'T'],
      [r.monetary, w.zbar, 'monetary'],
    ] as const) {
      const d = Math.abs(got - exp);
      maxDiff = Math.max(maxDiff, d);
      assert.ok(d <= TOL, `${what}: ${name} of ${id}: ${got} vs ${exp}`);
    }
  }
  assert.equal(seen.size, 2357, `${what}: distinct customers`);
  assert.ok(maxDiff > 0 && maxDiff <= 0.005 + 1e-9, `${what}: largest difference ${maxDiff} is the 2-dp rounding`);
}

describe('clv-kit rfm on the CDNOW sample', { concurrency: true }, () => {
  it('CSV equals the published summary for all 2,357 customers; stderr stays empty on a pipe', async () => {
    const r = await runCli(['rfm', ...sampleArgs()]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no progress or warnings when stderr is a pipe');
    assert.ok(r.stdout.startsWith('customer,frequency,recency,T,monetary\n'));
    const rows = parseCsv(r.stdout).map((o) => ({
      customer: o.customer!,
      frequency: Number(o.frequency),
      recency: Number(o.recency),
      T: Number(o.T),
      monetary: Number(o.monetary),
    }));
    checkAgainstSummary(rows, 'csv');
    // Customer 1 (master 00004): purchases 01-01, 01-18, 08-02 in the calibration window.
    assert.deepEqual(rows[0], { customer: '0001', frequency: 2, recency: 213 / 7, T: 272 / 7, monetary: (29.73 + 14.96) / 2 });
  });

  it('JSON equals the published summary too', async () => {
    const r = await runCli(['rfm', ...sampleArgs(), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Row[];
    assert.deepEqual(Object.keys(rows[0]!), ['customer', 'frequency', 'recency', 'T', 'monetary']);
    assert.equal(typeof rows[0]!.customer, 'string');
    checkAgainstSummary(rows, 'json');
  });

  it('a gzipped copy gives the same output; --time-unit days scales recency and T by 7', async () => {
    const dir = tempDir();
    const gz = path.join(dir, 'CDNOW_sample.txt.gz');
    writeFileSync(gz, gzipSync(readFileSync(cdnowFile('CDNOW_sample.txt'))));
    const args = ['--input', gz, ...SAMPLE_MAPPING, '--calibration-end', '1997-09-30'];
    const [plain, zipped, days] = await Promise.all([
      runCli(['rfm', ...sampleArgs()]),
      runCli(['rfm', ...args]),
      runCli(['rfm', ...args, '--time-unit', 'days']),
    ]);
    assert.equal(zipped.code, 0, zipped.stderr);
    assert.equal(zipped.stdout, plain.stdout);
    const d = parseCsv(days.stdout)[0]!;
    assert.deepEqual([d.recency, d.T], ['213', '272']);
  });
});

describe('clv-kit rfm output safety and bad rows', { concurrency: true }, () => {
  const dir = tempDir();
  const file = path.join(dir, 'purchases.csv');
  writeFileSync(
    file,
    [
      'customer,day,value',
      '=HYPERLINK("x"),2024-01-01,10',
      '"-12",2024-01-02,5',
      '"a,""b""",2024-01-03,7',
      '@sum,2024-01-03,1',
      'plain,2024-01-04,2',
      'plain,2024-01-11,4.5',
      'plain,2024-01-12,oops',
      ',2024-01-13,3',
      'plain,2024-02-31,3',
      'plain,2024-01-20,-4',
    ].join('\n') + '\n',
  );

  it('neutralises formula-like text, quotes per RFC 4180, keeps numbers numeric, and names bad lines on stderr', async () => {
    const r = await runCli(['rfm', '--input', file, '--customer', 'customer', '--date', 'day', '--amount', 'value', '--calibration-end', '2024-01-31']);
    assert.equal(r.code, 0, r.stderr);
    const [header, ...lines] = r.stdout.trimEnd().split('\n');
    assert.equal(header, 'customer,frequency,recency,T,monetary');
    // The raw customer cell (quoted and prefixed as written) and the four numbers after it.
    const got = lines.map((line) => {
      const parts = line.split(',');
      return { cell: parts.slice(0, -4).join(','), numbers: parts.slice(-4) };
    });
    assert.deepEqual(
      got.map((g) => g.cell),
      [`"'=HYPERLINK(""x"")"`, `'-12`, '"a,""b"""', `'@sum`, 'plain'],
    );
    const want = [
      [0, 0, 30 / 7, 0],
      [0, 0, 29 / 7, 0],
      [0, 0, 4, 0],
      [0, 0, 4, 0],
      [1, 1, 27 / 7, 4.5],
    ];
    got.forEach((g, i) =>
      g.numbers.forEach((text, j) => {
        assert.match(text, /^\d+(\.\d+)?$/, 'numbers are written unquoted and unprefixed');
        assert.ok(Math.abs(Number(text) - want[i]![j]!) < 1e-12, `row ${i} field ${j}: ${text}`);
      }),
    );
    assert.match(r.stderr, /purchases\.csv: 3 of 10 rows could not be read/);
    assert.match(r.stderr, /purchases\.csv:8: amount "oops" is not a number/);
    assert.match(r.stderr, /purchases\.csv:9: customer id is empty/);
    assert.match(r.stderr, /purchases\.csv:10: date "2024-02-31"/);
    assert.match(r.stderr, /1 row with a negative amount is a return and is left out/);
  });

  it('JSON keeps the text as it is (no quote prefix)', async () => {
    const r = await runCli(['rfm', '--input', file, '--customer', 'customer', '--date', 'day', '--amount', 'value', '--calibration-end', '2024-01-31', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Row[];
    assert.deepEqual(
      rows.map((x) => x.customer),
      ['=HYPERLINK("x")', '-12', 'a,"b"', '@sum', 'plain'],
    );
  });
});
