import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { lazyClosure, staticClosure, type ChunkNode } from '../../bench/bundle-graph.js';
import { gzipSize } from '../../bench/bundle-sizes.js';
import {
  REPORT_SCHEMA,
  buildSizeEntries,
  formatBytes,
  formatSizesTable,
  formatSummary,
  type BenchReport,
  type SizeMeasurement,
} from '../../bench/report.js';

/** A library build in miniature: two entries sharing chunks, externals, and one lazily loaded chunk. */
const chunks: ChunkNode[] = [
  { fileName: 'core.js', imports: ['errors-a.js', 'plan-b.js', 'zod'], dynamicImports: [] },
  { fileName: 'components.js', imports: ['plan-b.js', 'lit', 'zod'], dynamicImports: ['vega-embed', 'import-c.js'] },
  { fileName: 'errors-a.js', imports: ['zod'], dynamicImports: [] },
  { fileName: 'plan-b.js', imports: ['errors-a.js', 'dates-d.js'], dynamicImports: [] },
  { fileName: 'dates-d.js', imports: [], dynamicImports: [] },
  { fileName: 'import-c.js', imports: ['errors-a.js', 'papaparse', 'big-e.js'], dynamicImports: [] },
  { fileName: 'big-e.js', imports: [], dynamicImports: [] },
];

test('staticClosure: the entry, then every chunk it imports statically, each once; externals apart', () => {
  assert.deepEqual(staticClosure(chunks, 'core.js'), { files: ['core.js', 'errors-a.js', 'plan-b.js', 'dates-d.js'], external: ['zod'] });
  // Dynamic imports are not loaded with the entry.
  assert.deepEqual(staticClosure(chunks, 'components.js'), { files: ['components.js', 'plan-b.js', 'errors-a.js', 'dates-d.js'], external: ['lit', 'zod'] });
  assert.throws(() => staticClosure(chunks, 'missing.js'), /no chunk missing\.js/);
  assert.throws(() => staticClosure([...chunks, chunks[0]!], 'core.js'), /two chunks named core\.js/);
});

test('lazyClosure: what the dynamic imports add on top of what the entry already loaded', () => {
  assert.deepEqual(lazyClosure(chunks, 'components.js'), { files: ['import-c.js', 'big-e.js'], external: ['papaparse', 'vega-embed'] });
  assert.deepEqual(lazyClosure(chunks, 'core.js'), { files: [], external: [] });
  // An app build of `import('vega-embed')`: a tiny entry and the chunk it loads.
  const app: ChunkNode[] = [
    { fileName: 'assets/entry.js', imports: [], dynamicImports: ['assets/embed.js'] },
    { fileName: 'assets/embed.js', imports: ['assets/shared.js'], dynamicImports: [] },
    { fileName: 'assets/shared.js', imports: [], dynamicImports: [] },
  ];
  assert.deepEqual(lazyClosure(app, 'assets/entry.js'), { files: ['assets/embed.js', 'assets/shared.js'], external: [] });
});

test('gzipSize: the length of the level-9 gzip stream, which inflates back to the input', () => {
  const text = Buffer.from('export const a = 1;\n'.repeat(500));
  const size = gzipSize(text);
  assert.ok(size > 20 && size < text.length / 20, `repetitive text compresses well (${size} of ${text.length} bytes)`);
  const stream = gzipSync(text, { level: 9 });
  assert.equal(size, stream.length);
  assert.equal(gunzipSync(stream).toString(), text.toString());
  // an empty input is a bare gzip member: 10-byte header, an empty deflate block, 8-byte trailer
  assert.equal(gzipSize(new Uint8Array(0)), 20);
});

const sizes: SizeMeasurement[] = [
  { name: 'core', detail: 'core.js + 3 chunks', files: [{ file: 'core.js', bytes: 120_000, gzipBytes: 30_000 }, { file: 'errors-a.js', bytes: 5_000, gzipBytes: 2_000 }] },
  { name: 'components', detail: 'components.js + 3 chunks', files: [{ file: 'components.js', bytes: 240_000, gzipBytes: 48_000 }], baseline: 'core' },
  { name: 'duckdb-wasm', detail: 'wasm + worker + module', files: [{ file: 'duckdb-eh.wasm', bytes: 34_242_586, gzipBytes: 7_600_000 }, { file: 'worker.js', bytes: 772_759, gzipBytes: 160_000 }], baseline: 'core' },
  { name: 'orphan', detail: 'baseline not measured', files: [{ file: 'x.js', bytes: 10, gzipBytes: 10 }], baseline: 'missing' },
];

test('size entries: files summed, gzip ratio to the baseline measured in the same run', () => {
  const [core, components, duck, orphan] = buildSizeEntries(sizes);
  assert.equal(core!.bytes, 125_000);
  assert.equal(core!.gzipBytes, 32_000);
  assert.equal(core!.baseline, null);
  assert.equal(core!.gzipRatio, null);
  assert.equal(components!.gzipRatio, 1.5);
  assert.equal(components!.baseline, 'core');
  assert.equal(duck!.bytes, 35_015_345);
  assert.equal(duck!.gzipBytes, 7_760_000);
  assert.equal(duck!.gzipRatio, 7_760_000 / 32_000);
  assert.equal(orphan!.gzipRatio, null);
  assert.deepEqual(duck!.files, sizes[2]!.files);
  assert.notEqual(duck!.files[0], sizes[2]!.files[0], 'entries keep copies of the files');
});

test('size entries refuse duplicates, empty figures and byte counts that are not whole and non-negative', () => {
  assert.throws(() => buildSizeEntries([sizes[0]!, sizes[0]!]), /duplicate size core/);
  assert.throws(() => buildSizeEntries([{ name: 'x', detail: '', files: [] }]), /size x has no files/);
  assert.throws(() => buildSizeEntries([{ name: 'x', detail: '', files: [{ file: 'a.js', bytes: 1.5, gzipBytes: 1 }] }]), /a\.js has no valid byte counts/);
  assert.throws(() => buildSizeEntries([{ name: 'x', detail: '', files: [{ file: 'a.js', bytes: 1, gzipBytes: -1 }] }]), RangeError);
});

test('byte counts are shown with a decimal prefix and 3–4 significant digits', () => {
  assert.equal(formatBytes(850), '850 B');
  assert.equal(formatBytes(5_478), '5.48 kB');
  assert.equal(formatBytes(127_967), '128.0 kB');
  assert.equal(formatBytes(999_949), '999.9 kB');
  assert.equal(formatBytes(999_999), '1.00 MB');
  assert.equal(formatBytes(34_242_586), '34.24 MB');
  assert.equal(formatBytes(Number.NaN), '—');
});

test('the sizes table: files, bytes, gzip, baseline and gzip ratio per figure', () => {
  const lines = formatSizesTable(buildSizeEntries(sizes)).split('\n');
  assert.equal(lines.length, 2 + sizes.length);
  assert.match(lines[0]!, /^size\s+files\s+bytes\s+gzip\s+baseline\s+gzip ratio$/);
  assert.match(lines[2]!, /^core\s+2\s+125\.0 kB\s+32\.00 kB\s+—\s+—$/);
  assert.match(lines[3]!, /^components\s+1\s+240\.0 kB\s+48\.00 kB\s+core\s+1\.50×$/);
  assert.match(lines[4]!, /^duckdb-wasm\s+2\s+35\.02 MB\s+7\.76 MB\s+core\s+243×$/);
});

test('the summary shows the sizes after the timings, and none when no size was measured', () => {
  const report: BenchReport = {
    schema: REPORT_SCHEMA,
    startedAt: '2026-11-29T10:21:33.456Z',
    finishedAt: '2026-11-29T10:23:00.000Z',
    durationMs: 86_544,
    mode: 'quick',
    config: {},
    environments: {},
    entries: [],
    sizes: buildSizeEntries(sizes.slice(0, 2)),
    checks: [],
    errors: [],
  };
  const text = formatSummary(report);
  assert.match(text, /^\(no benchmark completed\)\n.*\n\nsize\s+files/);
  assert.match(text, /components\s+1\s+240\.0 kB\s+48\.00 kB\s+core\s+1\.50×\n.*gzip level 9/);
  assert.doesNotMatch(formatSummary({ ...report, sizes: [] }), /gzip/);
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});
