// clv-kit deciles, run as a child process: lifetime deciles of CDNOW_master.txt (23,570 customers,
// so 2,357 a decile, and the file's grand total of $2,500,315.63), and window edges, both window
// modes and --category worked out by hand on a small file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cdnowFile, parseCsv, runCli, tempDir } from './cli-support.js';

describe('clv-kit deciles on CDNOW_master.txt', () => {
  it('--as-of 1998-07-01 --windows all: 2,357 customers in each decile; totals add up to the file', async () => {
    const r = await runCli(['deciles', '--input', cdnowFile('CDNOW_master.txt'), '--as-of', '1998-07-01', '--windows', 'all']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('customer,window,category,metric,decile\n'));
    const rows = parseCsv(r.stdout);
    assert.equal(rows.length, 23_570);
    const perDecile = new Map<string, number>();
    let cents = 0;
    let previousMin = Infinity;
    const byDecile = new Map<number, number[]>();
    for (const row of rows) {
      assert.equal(row.window, 'all');
      assert.equal(row.category, 'all');
      perDecile.set(row.decile!, (perDecile.get(row.decile!) ?? 0) + 1);
      cents += Math.round(Number(row.metric) * 100);
      const d = Number(row.decile);
      byDecile.set(d, [...(byDecile.get(d) ?? []), Number(row.metric)]);
    }
    assert.deepEqual(
      [...perDecile.entries()].sort((a, b) => Number(a[0]) - Number(b[0])),
      Array.from({ length: 10 }, (_, i) => [String(i + 1), 2357]),
    );
    assert.equal(cents, 250_031_563, 'grand total in cents (SOURCE.md: $2,500,315.63)');
    // Decile 1 is the top: every decile's smallest spend is ≥ the next decile's largest.
    for (let d = 1; d <= 10; d++) {
      const values = byDecile.get(d)!;
      assert.ok(Math.max(...values) <= previousMin, `decile ${d} overlaps decile ${d - 1}`);
      previousMin = Math.min(...values);
    }
    // Customer ids keep their leading zeros.
    assert.equal(rows.filter((x) => x.customer === '00001').length, 1);
  });
});

describe('clv-kit deciles windows and categories (hand-checked)', { concurrency: true }, () => {
  const dir = tempDir();
  const file = path.join(dir, 'purchases.tsv');
  writeFileSync(
    file,
    [
      'customer_id\torder_date\tamount\tcat',
      'a\t2024-03-30\t100\tx',
      'a\t2024-02-29\t10.25\tx', // the first day of the 1-month window before 2024-03-31
      'a\t2024-01-15\t1000\ty',
      'b\t2024-02-28\t50\tx', // one day before the 1-month window
      'b\t2024-03-31\t500\ty', // the as-of day itself: outside every exact window
      'c\t2024-03-01\t20\ty',
      'd\t2023-01-01\t5\tx',
    ].join('\n') + '\n',
  );
  const base = ['deciles', '--input', file, '--as-of', '2024-03-31'];
  const lines = (stdout: string) => parseCsv(stdout).map((r) => [r.customer, r.window, r.category, r.metric, r.decile].join(' '));

  it('exact windows: [as-of − K months, as-of), month-end clamped; metric in currency', async () => {
    const r = await runCli([...base, '--windows', '1,3,all']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), [
      'a 1 all 110.25 1',
      'c 1 all 20 2',
      'a 3 all 1110.25 1',
      'b 3 all 50 2',
      'c 3 all 20 3',
      'a all all 1110.25 1',
      'b all all 50 2',
      'c all all 20 3',
      'd all all 5 4',
    ]);
  });

  it('platform windows: everything before (first of the as-of month) − max(0, N − 2) months; "all" unfiltered', async () => {
    const r = await runCli([...base, '--windows', '1,all', '--window-mode', 'platform', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ customer: string; window: string; category: string; metric: number; decile: number }>;
    assert.deepEqual(
      rows.map((x) => `${x.customer} ${x.window} ${x.metric} ${x.decile}`),
      ['a 1 1010.25 1', 'b 1 50 2', 'd 1 5 3', 'a all 1110.25 1', 'b all 550 2', 'c all 20 3', 'd all 5 4'],
    );
  });

  it('--category ranks within each value of the column', async () => {
    const r = await runCli([...base, '--windows', 'all', '--category', 'cat']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), ['a all x 110.25 1', 'a all y 1000 1', 'b all x 50 2', 'c all y 20 2', 'd all x 5 3']);
  });

  it('--windows and --category are checked', async () => {
    const [zero, twice, missing] = await Promise.all([
      runCli([...base, '--windows', '0,all']),
      runCli([...base, '--windows', '3,3']),
      runCli([...base, '--category', 'segment']),
    ]);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--windows: "0" is neither a number of months/);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /--windows lists 3 twice/);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--category: there is no column "segment"/);
  });
});
