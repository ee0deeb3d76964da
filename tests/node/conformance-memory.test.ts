// The in-memory reference engine against the conformance corpus (node --import tsx --test).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import {
  type CaseResult,
  type ConformanceReport,
  conformanceCases,
  conformanceData,
  conformanceModel,
  conformanceTables,
  loadConformanceData,
  runConformance,
} from '../../src/conformance/index.js';

function assertReport(report: ConformanceReport, t: TestContext) {
  return Promise.all(
    report.results.map((r: CaseResult) =>
      t.test(r.id, () => assert.ok(r.passed, `${r.id}: ${r.message}`)),
    ),
  );
}

test('the memory adapter built from the fixture passes every conformance case', async (t) => {
  const report = await runConformance(new MemoryAdapter(conformanceModel, conformanceData));
  assert.equal(report.results.length, conformanceCases.length + 1, 'every case plus the sample check ran');
  await assertReport(report, t);
});

test('the memory adapter loaded through loadConformanceData passes every conformance case', async (t) => {
  const adapter = new MemoryAdapter(conformanceModel);
  const counts = await loadConformanceData(adapter);
  assert.deepEqual(Object.keys(counts), [...conformanceTables]);
  assert.equal(counts.orders, conformanceData.orders!.order_id!.length);
  assert.equal(counts.calendar, 731, 'every day of 2023 and 2024');
  await assertReport(await runConformance(adapter), t);
});
