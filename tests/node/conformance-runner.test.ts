// The runner itself: it must report wrong adapters precisely, tolerate float noise, and load the
// fixture through a TableLoader (node --import tsx --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataAdapter, QueryOptions, SampleOptions } from '../../src/contracts/adapter.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../../src/contracts/loader.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { ResultSet, Row } from '../../src/contracts/result.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import {
  SAMPLE_CASE_ID,
  assertConformance,
  conformanceCases,
  conformanceData,
  conformanceModel,
  conformanceTables,
  isExpectedError,
  loadConformanceData,
  numbersClose,
  runConformance,
  type ConformanceCase,
} from '../../src/conformance/index.js';

const reference = () => new MemoryAdapter(conformanceModel, conformanceData);
const byId = (...ids: string[]): ConformanceCase[] => ids.map((id) => conformanceCases.find((c) => c.id === id)!);

/** A reference adapter whose query results (or errors) pass through `change`. */
function tampered(change: (r: ResultSet, q: SemanticQueryInput) => ResultSet, id = 'tampered'): DataAdapter {
  const inner = reference();
  return {
    id,
    capabilities: inner.capabilities,
    describe: (o) => inner.describe(o),
    query: async (q: SemanticQueryInput, o?: QueryOptions) => change(await inner.query(q, o), q),
    sample: (t: string, o?: SampleOptions) => inner.sample(t, o),
  };
}

const mapRows = (r: ResultSet, f: (row: Row, i: number) => Row): ResultSet => ({ ...r, rows: r.rows.map(f) });

// Cases with dimensions, which the memory engine passes (its known bug only affects queries without dimensions).
const GROUPED = byId('filter.equals.number', 'join.two-hop', 'time.quarter', 'page.offset-total', 'filter.gt.number-ties');

test('dropping the last row is reported with the missing row', async () => {
  const report = await runConformance(tampered((r) => ({ ...r, rows: r.rows.slice(0, -1) })), { cases: byId('join.two-hop'), sample: false });
  assert.equal(report.failed, 1);
  assert.match(report.results[0]!.message, /^expected 5 rows, got 4; first missing row \(index 4\): \{"regions.region":"Nordics","orders.count":5\}$/);
});

test('a changed number is reported with its row and column', async () => {
  const adapter = tampered((r) => mapRows(r, (row, i) => (i === 1 ? { ...row, 'orders.count': (row['orders.count'] as number) + 1 } : row)));
  const report = await runConformance(adapter, { cases: byId('join.two-hop'), sample: false });
  assert.equal(report.failed, 1);
  assert.match(report.results[0]!.message, /^row 1, column "orders\.count": expected 15, got 16\n/);
});

test('numbers within relative 1e-9 pass, a relative 1e-6 drift fails', async () => {
  const scale = (k: number) =>
    tampered((r) => mapRows(r, (row) => Object.fromEntries(Object.entries(row).map(([key, v]) => [key, typeof v === 'number' && key.endsWith('revenue') ? v * k : v]))));
  const cases = byId('time.quarter', 'join.two-hop-and-one-hop');
  assert.equal((await runConformance(scale(1 + 1e-12), { cases, sample: false })).failed, 0);
  const drift = await runConformance(scale(1 + 1e-6), { cases, sample: false });
  assert.equal(drift.failed, 2);
  assert.match(drift.results[0]!.message, /^row 0, column "orders\.revenue": expected 1065\.74, got 1065\.741065/);
  assert.ok(numbersClose(0, 1e-10) && !numbersClose(0, 1e-8), 'absolute tolerance near zero');
});

test('type changes are failures: a numeric string, a bigint, a missing key, an extra key', async () => {
  const cases = byId('filter.equals.number');
  const asString = tampered((r) => mapRows(r, (row) => ({ ...row, 'orders.count': String(row['orders.count']) })));
  assert.match((await runConformance(asString, { cases, sample: false })).results[0]!.message, /expected 5, got "5"/);
  const asBigint = tampered((r) => mapRows(r, (row) => ({ ...row, 'orders.count': BigInt(row['orders.count'] as number) as never })));
  assert.match((await runConformance(asBigint, { cases, sample: false })).results[0]!.message, /expected 5, got 5n \(bigint\)/);
  const missing = tampered((r) => mapRows(r, ({ 'orders.count': _drop, ...rest }) => rest));
  assert.match((await runConformance(missing, { cases, sample: false })).results[0]!.message, /expected 5, got undefined \(missing\)/);
  const extra = tampered((r) => mapRows(r, (row) => ({ ...row, debug: 1 })));
  assert.match((await runConformance(extra, { cases, sample: false })).results[0]!.message, /keys that are not result columns: debug/);
});

test('wrong column order, wrong row order and a wrong total are reported', async () => {
  const reversed = tampered((r) => ({ ...r, columns: [...r.columns].reverse() }));
  assert.match((await runConformance(reversed, { cases: byId('join.two-hop'), sample: false })).results[0]!.message, /^columns differ: expected \["regions\.region","orders\.count"\], got \["orders\.count","regions\.region"\]$/);
  const swapped = tampered((r) => ({ ...r, rows: [r.rows[1]!, r.rows[0]!, ...r.rows.slice(2)] }));
  assert.match((await runConformance(swapped, { cases: byId('filter.gt.number-ties'), sample: false })).results[0]!.message, /^row 0, column "orders\.order_id": expected 16, got 31/);
  const total = tampered((r) => ({ ...r, total: (r.total ?? 0) + 1 }));
  assert.equal((await runConformance(total, { cases: byId('page.offset-total'), sample: false })).results[0]!.message, 'total: expected 10, got 11');
});

test('error cases fail when the adapter succeeds, throws a plain Error, or names another code or field', async () => {
  const errorCase = conformanceCases.find((c) => c.id === 'error.mixed-filter-group')!;
  assert.ok(isExpectedError(errorCase.expect));
  const lenient: DataAdapter = { ...tampered((r) => r), query: async () => ({ columns: [], rows: [], provenance: { kind: 'memory', plan: '' } }) };
  const plain: DataAdapter = { ...lenient, query: async () => Promise.reject(new Error('boom')) };
  const code: DataAdapter = { ...lenient, query: async () => Promise.reject(new AdapterError('backend', 'Binder Error', 'filters.0')) };
  const field: DataAdapter = { ...lenient, query: async () => Promise.reject(new AdapterError('invalid_request', 'bad', 'filters')) };
  // An AdapterError from another copy of the package (same name and code, other class) is accepted.
  const foreign: DataAdapter = { ...lenient, query: async () => Promise.reject(Object.assign(new Error('x'), { name: 'AdapterError', code: 'invalid_request', field: 'filters.0' })) };
  const run = async (a: DataAdapter) => (await runConformance(a, { cases: [errorCase], sample: false })).results[0]!;
  assert.match((await run(lenient)).message, /^expected AdapterError invalid_request \(field "filters\.0"\), but the query succeeded with 0 rows$/);
  assert.match((await run(plain)).message, /got Error: boom$/);
  assert.match((await run(code)).message, /got AdapterError backend \(field "filters\.0"\): Binder Error$/);
  assert.equal((await run(field)).message, 'error field: expected "filters.0", got "filters" (bad)');
  assert.equal((await run(foreign)).passed, true);
});

test('a data case that rejects is reported with the error', async () => {
  const failing: DataAdapter = { ...tampered((r) => r), query: async () => Promise.reject(new AdapterError('timeout', 'took too long')) };
  const report = await runConformance(failing, { cases: GROUPED.slice(0, 1), sample: false });
  assert.equal(report.results[0]!.message, 'query failed: AdapterError timeout: took too long');
});

test('sample() is checked on customers: columns in model order and every row', async () => {
  const inner = reference();
  const dropRow: DataAdapter = { ...tampered((r) => r), sample: async (t, o) => { const r = await inner.sample(t, o); return { ...r, rows: r.rows.slice(1) }; } };
  const report = await runConformance(dropRow, { cases: [] });
  assert.equal(report.results.length, 1);
  assert.equal(report.results[0]!.id, SAMPLE_CASE_ID);
  assert.match(report.results[0]!.message, /^row 0, column "customer_id": expected 1, got 2/);
  const noSample: DataAdapter = { ...tampered((r) => r), sample: async () => Promise.reject(new AdapterError('not_found', 'no table')) };
  assert.match((await runConformance(noSample, { cases: [] })).results[0]!.message, /^sample\("customers"\) failed: AdapterError not_found/);
  assert.equal((await runConformance(reference(), { cases: [] })).results[0]!.passed, true);
});

test('assertConformance throws one Error listing every failure, and resolves when all pass', async () => {
  const broken = tampered((r) => ({ ...r, rows: r.rows.slice(0, -1) }), 'broken');
  await assert.rejects(assertConformance(broken, { cases: GROUPED, sample: false }), (e: Error) => {
    assert.match(e.message, /^conformance of "broken": 0 passed, 5 failed/);
    for (const c of GROUPED) assert.ok(e.message.includes(`✗ ${c.id}`), `lists ${c.id}`);
    return true;
  });
  const report = await assertConformance(reference(), { cases: GROUPED });
  assert.equal(report.failed, 0);
  assert.equal(report.passed, GROUPED.length + 1);
});

test('an aborted signal stops the run with AdapterError aborted', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(runConformance(reference(), { signal: controller.signal }), (e: unknown) => e instanceof AdapterError && e.code === 'aborted');
});

test('loadConformanceData replaces every table through the TableLoader, dimensions first', async () => {
  const calls: Array<{ table: string; columns: LoadColumn[]; rows: number; mode: string }> = [];
  const loader: TableLoader = {
    async loadColumns(table: string, columns: LoadColumn[], data: ColumnarData, options: LoadOptions) {
      const rows = data[columns[0]!.name]!.length;
      for (const c of columns) assert.equal(data[c.name]!.length, rows, `${table}.${c.name} has every row`);
      calls.push({ table, columns, rows, mode: options.mode });
      return { rows };
    },
  };
  const counts = await loadConformanceData(loader);
  assert.deepEqual(calls.map((c) => c.table), [...conformanceTables]);
  assert.ok(calls.every((c) => c.mode === 'replace'));
  assert.deepEqual(counts, { regions: 5, customers: 12, calendar: 731, orders: 62 });
  const orders = calls.find((c) => c.table === 'orders')!;
  assert.deepEqual(orders.columns.map((c) => `${c.name}:${c.type}`), [
    'order_id:integer', 'customer_id:integer', 'ordered_at:timestamp', 'order_date:date',
    'amount:number', 'quantity:integer', 'status:string', 'is_gift:boolean',
  ]);
});
