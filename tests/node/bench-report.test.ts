import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REPORT_SCHEMA,
  buildEntries,
  formatDuration,
  formatEntriesTable,
  formatRate,
  formatRatio,
  formatSummary,
  median,
  min,
  renderTable,
  reportFileName,
  reportSucceeded,
  type BenchReport,
  type Measurement,
} from '../../bench/report.js';
import {
  DERIVE_DEFINITION,
  customersFor,
  diffClvParams,
  diffDeriveSummaries,
  diffRows,
  summarizeDerived,
  summaryRows,
  type ClvFitSummary,
} from '../../bench/workload.js';
import { failed, inProcess, interleave } from '../../bench/harness.js';
import { Progress } from '../../bench/progress.js';
import { Runner } from '../../bench/runner.js';
import { deriveDecilesInMemory, type DerivedDeciles } from '../../src/derive/index.js';
import { generateClvData } from '../../src/synthetic/index.js';

test('median: middle value, mean of the two middle values for an even count, input untouched', () => {
  const odd = [5, 1, 3];
  assert.equal(median(odd), 3);
  assert.deepEqual(odd, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.equal(min([3, 0.5, 2]), 0.5);
});

test('statistics refuse empty or non-finite samples', () => {
  assert.throws(() => median([]), RangeError);
  assert.throws(() => min([]), RangeError);
  assert.throws(() => median([1, Number.NaN]), RangeError);
  assert.throws(() => min([Number.POSITIVE_INFINITY]), RangeError);
});

const measurements: Measurement[] = [
  { name: 'decile query', environment: 'node', detail: 'native', samplesMs: [100, 90, 110], warmupMs: 150, work: { count: 1_000_000, unit: 'tx' } },
  {
    name: 'decile query',
    environment: 'chromium',
    detail: 'wasm',
    samplesMs: [250, 200, 300, 210],
    warmupMs: 800,
    work: { count: 1_000_000, unit: 'tx' },
    baseline: { name: 'decile query', environment: 'node' },
  },
  {
    name: 'semantic compile',
    environment: 'node',
    detail: 'compile only',
    samplesMs: [0.02, 0.018, 0.021],
    warmupMs: 0.3,
    batch: 1000,
    work: { count: 1, unit: 'queries' },
    baseline: { name: 'missing', environment: 'node' },
  },
];

test('entries: median, min, throughput from the median, ratio against the baseline of the same run', () => {
  const [native, wasm, compile] = buildEntries(measurements);
  assert.equal(native.medianMs, 100);
  assert.equal(native.minMs, 90);
  assert.equal(native.iterations, 3);
  assert.deepEqual(native.throughput, { perSecond: 10_000_000, unit: 'tx/s' });
  assert.equal(native.baseline, null);
  assert.equal(native.ratio, null);
  assert.equal(native.minRatio, null);

  assert.equal(wasm.medianMs, 230);
  assert.equal(wasm.baseline, 'decile query@node');
  assert.equal(wasm.ratio, 2.3);
  assert.equal(wasm.minRatio, 200 / 90);
  assert.equal(wasm.warmupMs, 800);
  assert.equal(wasm.batch, 1);

  // A baseline that did not run leaves the ratio empty rather than failing.
  assert.equal(compile.baseline, 'missing@node');
  assert.equal(compile.ratio, null);
  assert.equal(compile.minRatio, null);
  assert.equal(compile.batch, 1000);
  assert.equal(Math.round(compile.throughput!.perSecond), 50_000);
});

test('entries: one entry per benchmark and environment', () => {
  assert.throws(() => buildEntries([measurements[0], { ...measurements[0] }]), /duplicate benchmark decile query@node/);
});

test('durations, rates and ratios are formatted with units and a few significant digits', () => {
  assert.equal(formatDuration(0.0123), '12.3 µs');
  assert.equal(formatDuration(0.004), '4.00 µs');
  assert.equal(formatDuration(3.14159), '3.14 ms');
  assert.equal(formatDuration(104.25), '104.3 ms');
  assert.equal(formatDuration(3412), '3.41 s');
  assert.equal(formatDuration(Number.NaN), '—');
  assert.equal(formatRate({ perSecond: 2_853_000, unit: 'tx/s' }), '2.85 Mtx/s');
  assert.equal(formatRate({ perSecond: 412_345, unit: 'rows/s' }), '412 krows/s');
  assert.equal(formatRate({ perSecond: 950, unit: 'queries/s' }), '950 queries/s');
  assert.equal(formatRate(null), '—');
  assert.equal(formatRatio(2.3), '2.30×');
  assert.equal(formatRatio(14.24), '14.2×');
  assert.equal(formatRatio(123.4), '123×');
  assert.equal(formatRatio(0.0042), '0.0042×');
  assert.equal(formatRatio(null), '—');
});

test('the table pads columns, right-aligns numbers and shows batches as runs×batch', () => {
  assert.equal(
    renderTable(['a', 'num'], [['long', '1'], ['x', '22']], ['left', 'right']),
    ['a     num', '----  ---', 'long    1', 'x      22'].join('\n'),
  );
  const lines = formatEntriesTable(buildEntries(measurements)).split('\n');
  assert.equal(lines.length, 2 + measurements.length);
  assert.match(lines[0], /^benchmark\s+env\s+runs\s+median\s+min\s+warm-up\s+throughput\s+baseline\s+ratio\s+min ratio$/);
  assert.match(lines[2], /^decile query\s+node\s+3\s+100\.0 ms\s+90\.0 ms\s+150\.0 ms\s+10\.0 Mtx\/s\s+—\s+—\s+—$/);
  assert.match(lines[3], /^decile query\s+chromium\s+4\s+230\.0 ms\s+200\.0 ms\s+800\.0 ms\s+4\.35 Mtx\/s\s+decile query@node\s+2\.30×\s+2\.22×$/);
  assert.match(lines[4], /\s3×1000\s/);
  // every row has the header's width once trailing blanks are trimmed away
  const width = Math.max(...lines.map((l) => l.length));
  assert.ok(lines.every((l) => l.length <= width));
});

function report(partial: Partial<BenchReport>): BenchReport {
  return {
    schema: REPORT_SCHEMA,
    startedAt: '2026-11-29T10:21:33.456Z',
    finishedAt: '2026-11-29T10:23:00.000Z',
    durationMs: 86_544,
    mode: 'quick',
    config: { seed: 1 },
    environments: { node: { node: 'v20.20.2' } },
    entries: buildEntries(measurements),
    sizes: [],
    checks: [],
    errors: [],
    ...partial,
  };
}

test('the report is plain JSON: it survives a round trip unchanged', () => {
  const r = report({ checks: [{ name: 'same deciles', ok: true, detail: '10 rows' }] });
  const back = JSON.parse(JSON.stringify(r)) as BenchReport;
  assert.deepEqual(back, r);
  assert.equal(back.schema, 'clv-kit-bench/2');
  for (const e of back.entries) {
    for (const key of ['name', 'environment', 'iterations', 'medianMs', 'minMs', 'warmupMs', 'throughput', 'baseline', 'ratio', 'minRatio'])
      assert.ok(key in e, `entry lacks ${key}`);
  }
});

test('report file names sort by time and contain no colons', () => {
  assert.equal(reportFileName(new Date('2026-11-29T10:21:33.456Z')), 'bench-2026-11-29T10-21-33Z.json');
  const a = reportFileName(new Date('2026-11-29T09:59:59Z'));
  const b = reportFileName(new Date('2026-11-29T10:00:00Z'));
  assert.ok(a < b);
});

test('a run fails on errors and failed checks only, never on slowness', () => {
  const slow = report({ entries: buildEntries([{ ...measurements[1], baseline: undefined }, { ...measurements[0], samplesMs: [1] }]) });
  assert.equal(reportSucceeded(slow), true);
  assert.equal(reportSucceeded(report({ errors: [{ name: 'load', environment: 'chromium', message: 'worker died' }] })), false);
  assert.equal(reportSucceeded(report({ checks: [{ name: 'same deciles', ok: false, detail: 'decile 3 differs' }] })), false);
});

test('the summary lists the table, then checks and errors', () => {
  const text = formatSummary(
    report({
      checks: [{ name: 'deciles agree', ok: false, detail: 'row [3]: revenue = 1 vs 2' }],
      errors: [{ name: 'decile query', environment: 'chromium', message: 'Out of memory' }],
    }),
  );
  assert.match(text, /^benchmark/);
  assert.match(text, /FAILED deciles agree: row \[3\]: revenue = 1 vs 2/);
  assert.match(text, /errors \(1\):\n {2}decile query@chromium: Out of memory/);
  assert.match(formatSummary(report({ entries: [] })), /^\(no benchmark completed\)/);
});

test('diffRows compares results as bags keyed by columns, numbers with a relative tolerance', () => {
  const a = [
    { decile: 1, customers: 10, revenue: 1000.0000000001 },
    { decile: 2, customers: 10, revenue: 500 },
  ];
  const b = [
    { decile: 2, customers: 10, revenue: 500 },
    { decile: 1, customers: 10, revenue: 1000 },
  ];
  assert.equal(diffRows(a, b, ['decile'], ['customers', 'revenue']), null);
  assert.equal(diffRows(a, b.slice(1), ['decile'], ['revenue']), '2 rows vs 1');
  assert.equal(diffRows(a, [b[0], { ...b[1], customers: 11 }], ['decile'], ['customers']), 'row [1]: customers = 10 vs 11');
  assert.equal(diffRows([{ k: 'x' }], [{ k: 'y' }], ['k'], []), 'row ["x"] missing from the second result');
});

test('customersFor scales the calibration run to the target, within the generator bounds', () => {
  assert.equal(customersFor(1_000_000, { customers: 20_000, transactions: 80_000 }), 250_000);
  assert.equal(customersFor(1_000, { customers: 20_000, transactions: 80_000 }), 1_000);
  assert.equal(customersFor(10_000_000, { customers: 1_000, transactions: 1_000 }), 1_000_000);
  assert.throws(() => customersFor(10, { customers: 1_000, transactions: 0 }));
});

test('inProcess: housekeeping outside the timed region, a batch timed as the mean per call', async () => {
  const calls: string[] = [];
  let n = 0;
  const run = inProcess(() => ++n, { batch: 4, before: () => void calls.push('before') });
  const s = await run();
  assert.equal(n, 4);
  assert.equal(s.value, 4);
  assert.deepEqual(calls, ['before']);
  assert.ok(s.ms >= 0 && Number.isFinite(s.ms));
  assert.throws(() => inProcess(() => 0, { batch: 0 }), RangeError);
});

test('interleave: warm-ups first, then rounds in rotating order; a failing alternative drops out alone', async () => {
  const order: string[] = [];
  const alt = (name: string) => async () => {
    order.push(name);
    return { ms: 1, value: name };
  };
  const [a, b, c] = await interleave([alt('a'), alt('b'), alt('c')], { iterations: 3 });
  assert.deepEqual(order.join(''), 'abc' + 'abc' + 'bca' + 'cab');
  for (const o of [a, b, c]) {
    assert.ok(!failed(o));
    assert.deepEqual(o.samplesMs, [1, 1, 1]);
    assert.equal(o.warmupMs, 1);
  }

  let calls = 0;
  const flaky = async () => {
    if (++calls === 2) throw new Error('worker died');
    return { ms: 2, value: 'flaky' };
  };
  const runs: number[] = [];
  const [ok, bad] = await interleave([alt('x'), flaky], { iterations: 3, onRun: (done) => runs.push(done) });
  assert.ok(!failed(ok) && ok.samplesMs.length === 3);
  assert.ok(failed(bad) && (bad.error as Error).message === 'worker died');
  assert.equal(runs.length, 6); // x: 1 + 3, flaky: 2 (the second threw)
  await assert.rejects(interleave([alt('a')], { iterations: 0 }), RangeError);
});

/** A derivation's two tables by hand: two windows, one tier, a few customers. */
function derived(flat: Array<[string, string, string, number, number]>, map: Array<[string, string, string | null]>): DerivedDeciles {
  return {
    flat: {
      table: 't_flat',
      columns: [],
      rows: flat.length,
      data: {
        customer_id: flat.map((r) => r[0]),
        lookback: flat.map((r) => r[1]),
        category: flat.map((r) => r[2]),
        decile: flat.map((r) => r[3]),
        metric: flat.map((r) => r[4]),
      },
    },
    map: {
      table: 't',
      columns: [],
      rows: map.length,
      data: { customer_id: map.map((r) => r[0]), lookback: map.map((r) => r[1]), deciles: map.map((r) => r[2]) },
    },
  };
}

test('summarizeDerived: per window × category × decile rows and Σ/min/max metric; per window rows, maps and JSON length', () => {
  const d = derived(
    [
      ['c1', '1', 'Gold', 1, 500],
      ['c2', '1', 'Gold', 2, 100],
      ['c1', 'all', 'Gold', 1, 900],
      ['c2', 'all', 'Gold', 1, 700],
      ['c3', 'all', 'Gold', 2, 100],
    ],
    [
      ['c1', '1', '{"Gold":1}'],
      ['c2', '1', '{"Gold":2}'],
      ['c3', '1', null],
      ['c1', 'all', '{"Gold":1}'],
      ['c2', 'all', '{"Gold":1}'],
      ['c3', 'all', '{"Gold":é}'],
    ],
  );
  const s = summarizeDerived(d);
  assert.deepEqual(s.flat, [
    { lookback: '1', category: 'Gold', decile: 1, rows: 1, metric_sum: 500, metric_min: 500, metric_max: 500 },
    { lookback: '1', category: 'Gold', decile: 2, rows: 1, metric_sum: 100, metric_min: 100, metric_max: 100 },
    { lookback: 'all', category: 'Gold', decile: 1, rows: 2, metric_sum: 1600, metric_min: 700, metric_max: 900 },
    { lookback: 'all', category: 'Gold', decile: 2, rows: 1, metric_sum: 100, metric_min: 100, metric_max: 100 },
  ]);
  // Text length in code points, as SQL length() counts.
  assert.deepEqual(s.map, [
    { lookback: '1', rows: 3, mapped: 2, text_length: 20 },
    { lookback: 'all', rows: 3, mapped: 3, text_length: 30 },
  ]);
  assert.deepEqual(summaryRows(s), { flat: 5, map: 6 });
  assert.equal(diffDeriveSummaries(s, summarizeDerived(d)), null);

  const moved = derived(
    [
      ['c1', '1', 'Gold', 1, 500],
      ['c2', '1', 'Gold', 2, 100],
      ['c1', 'all', 'Gold', 1, 900],
      ['c2', 'all', 'Gold', 2, 700],
      ['c3', 'all', 'Gold', 1, 100],
    ],
    [],
  );
  assert.match(diffDeriveSummaries(summarizeDerived(moved), s) ?? '', /^flat table: row \["all","Gold",1\]: metric_sum = 1000 vs 1600$/);
  assert.equal(diffDeriveSummaries({ flat: s.flat, map: s.map.slice(1) }, s), 'map table: 1 rows vs 2');
});

test('the benchmarked derivation: six windows over generated data, every customer in every window of the map table', () => {
  const data = generateClvData({ seed: 7, customers: 1_000, start: '2023-01-01', end: '2024-12-31' });
  const d = deriveDecilesInMemory(DERIVE_DEFINITION, { transactions: data.transactions, customers: data.customers });
  const s = summarizeDerived(d);
  assert.deepEqual(
    s.map.map((r) => [r.lookback, r.rows]),
    ['1', '3', '6', '9', '12', 'all'].map((w) => [w, 1_000]),
  );
  assert.equal(summaryRows(s).flat, d.flat.rows);
  assert.ok(s.flat.every((r) => (r.decile as number) >= 1 && (r.decile as number) <= 10));
  const all = s.flat.filter((r) => r.lookback === 'all');
  assert.equal(all.reduce((n, r) => n + (r.rows as number), 0), s.map.find((r) => r.lookback === 'all')!.mapped);
});

test('diffClvParams: all seven parameters within a relative tolerance, and the same customer count', () => {
  const fit: ClvFitSummary = { rows: 23_570, bgnbd: { r: 0.25, alpha: 4.8, a: 0.72, b: 2.16 }, gammaGamma: { p: 6.3, q: 3.6, gamma: 15 } };
  assert.equal(diffClvParams(fit, { ...fit, bgnbd: { ...fit.bgnbd, r: 0.25 * (1 + 5e-7) } }), null);
  assert.match(diffClvParams(fit, { ...fit, gammaGamma: { ...fit.gammaGamma, q: 3.6 * (1 + 2e-6) } }) ?? '', /^Gamma-Gamma q: 3\.6 vs 3\.6000072\d* \(relative difference 2\.00e-6 > 0\.000001\)$/);
  assert.equal(diffClvParams(fit, { ...fit, rows: 1 }), '23570 customers vs 1');
  assert.match(diffClvParams(fit, { ...fit, bgnbd: { ...fit.bgnbd, a: Number.NaN } }) ?? '', /^BG\/NBD a: /);
});

test('Runner.record: an observed figure becomes an entry with a ratio to the run it was observed in', () => {
  const runner = new Runner(new Progress(1));
  runner.measurements.push({ name: 'clv fit', environment: 'chromium', detail: 'worker', samplesMs: [2000, 1800, 2200], warmupMs: 2500 });
  runner.record({ name: 'longest gap', environment: 'chromium', detail: 'gaps', samplesMs: [40, 20, 60], warmupMs: 35, baseline: { name: 'clv fit', environment: 'chromium' } });
  const gap = buildEntries(runner.measurements)[1];
  assert.equal(gap.medianMs, 40);
  assert.equal(gap.ratio, 0.02);
  assert.equal(gap.minRatio, 20 / 1800);
  assert.equal(typeof gap.loadAverage, 'number');
});
