// The stored expectations are what the hand-written SQL oracles return in native DuckDB, and the
// corpus covers what it claims to (node --import tsx --test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FilterNodeInput, SemanticQueryInput } from '../../src/contracts/query.js';
import { FilterOperator, Granularity } from '../../src/contracts/query.js';
import { conformanceCases, dataCaseSpecs, errorCaseSpecs, compareResult } from '../../src/conformance/index.js';
import { expectedResults } from '../../src/conformance/expected.js';
import { type FixtureDatabase, openFixtureDatabase, renderExpected, runAllOracles } from '../../scripts/conformance-oracle.js';
import type { ExpectedRows } from '../../src/conformance/types.js';
import type { ResultSet } from '../../src/contracts/result.js';

/** The oracle's rows in result-set form, so the suite's own comparison (with its float tolerance) applies. */
const asResultSet = (r: ExpectedRows, sql: string): ResultSet => ({
  columns: (r.columns ?? []).map((name) => ({ name, label: name, type: 'string', role: 'dimension' })),
  rows: r.rows,
  ...(r.total !== undefined ? { total: r.total } : {}),
  provenance: { kind: 'sql', sql, params: [] },
});

let db: FixtureDatabase;
let fresh: Record<string, ExpectedRows>;

before(async () => {
  db = await openFixtureDatabase();
  fresh = await runAllOracles(db.connection);
});
after(() => db?.close());

test('every stored expectation equals its oracle re-run in native DuckDB', async (t) => {
  for (const spec of dataCaseSpecs) {
    await t.test(spec.id, () => {
      const stored = expectedResults[spec.id];
      assert.ok(stored, `no stored expectation: run scripts/conformance-oracle.ts --write`);
      const now = fresh[spec.id]!;
      assert.deepEqual(stored.columns, now.columns, 'columns');
      assert.equal(stored.total, now.total, 'total');
      const diff = compareResult(stored, asResultSet(now, spec.oracle));
      assert.equal(diff, null, `stored rows differ from the oracle: ${diff}`);
    });
  }
});

test('expected.ts is exactly what the generator writes (no hand edits, no stale entries)', () => {
  assert.deepEqual(Object.keys(expectedResults), dataCaseSpecs.map((s) => s.id), 'one expectation per data case, in corpus order');
  // Rendering the stored object and the fresh results must agree byte for byte.
  assert.equal(renderExpected(expectedResults), renderExpected(fresh));
});

test('oracles are plain SQL with literal values, and totals come from their own query', () => {
  for (const spec of dataCaseSpecs) {
    assert.doesNotMatch(spec.oracle, /\?|\$\d|"t\d"/, `${spec.id}: the oracle must not use parameters or compiler aliases`);
    assert.equal(spec.oracleTotal !== undefined, spec.query.total === true, `${spec.id}: oracleTotal is required exactly when the query asks for total`);
  }
});

function leaves(node: FilterNodeInput): Array<{ member: string; operator: string }> {
  if ('and' in node) return node.and.flatMap(leaves);
  if ('or' in node) return node.or.flatMap(leaves);
  return [node];
}

const queries = (): SemanticQueryInput[] => dataCaseSpecs.map((s) => s.query);

test('the corpus has unique ids and at least 60 cases', () => {
  const ids = conformanceCases.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate case id');
  assert.ok(ids.length >= 60, `only ${ids.length} cases`);
  assert.ok(errorCaseSpecs.length >= 10);
});

test('every filter operator appears in a data case', () => {
  const used = new Set(queries().flatMap((q) => (q.filters ?? []).flatMap(leaves)).map((l) => l.operator));
  for (const q of queries()) if (q.timeDimensions?.some((td) => td.dateRange !== undefined)) used.add('inDateRange');
  assert.deepEqual(FilterOperator.options.filter((op) => !used.has(op)), []);
});

test('every granularity and every kind of relative range appears', () => {
  const granularities = new Set(queries().flatMap((q) => (q.timeDimensions ?? []).map((td) => td.granularity)));
  assert.deepEqual(Granularity.options.filter((g) => !granularities.has(g)), []);
  const ranges = queries()
    .flatMap((q) => [
      ...(q.timeDimensions ?? []).map((td) => td.dateRange),
      ...(q.filters ?? []).flatMap(leaves).flatMap((l) => ('values' in l && Array.isArray(l.values) && l.values.length === 1 ? l.values : [])),
    ])
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.toLowerCase());
  for (const r of ['today', 'yesterday', 'this week', 'last week', 'this month', 'last month', 'this quarter', 'last quarter', 'this year', 'last year']) {
    assert.ok(ranges.includes(r), `no case uses "${r}"`);
  }
  assert.ok(ranges.some((r) => /^last \d+ days?$/.test(r)), 'no "last N days"');
  assert.ok(ranges.some((r) => /^last \d+ months?$/.test(r)), 'no "last N months"');
  assert.ok(dataCaseSpecs.filter((s) => s.now).length >= 10, 'relative cases pin now');
});
