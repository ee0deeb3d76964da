// A fast native check of the SQL compiler: every data case is planned, compiled to DuckDB SQL and run
// in native DuckDB over the fixture, then compared with the stored expectations (node --import tsx --test).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/query/plan.js';
import { compileToSql } from '../../src/query/sql.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { compareResult, conformanceModel, dataCases, errorCases, isExpectedError } from '../../src/conformance/index.js';
import { type FixtureDatabase, openFixtureDatabase, runSql } from '../../scripts/conformance-oracle.js';

let db: FixtureDatabase;
before(async () => {
  db = await openFixtureDatabase();
});
after(() => db?.close());

test('compiled SQL returns the expected rows in native DuckDB', async (t) => {
  for (const c of dataCases) {
    await t.test(c.id, async () => {
      assert.ok(!isExpectedError(c.expect));
      const plan = planQuery(conformanceModel, c.query, { now: c.now });
      const compiled = compileToSql(plan);
      const main = await runSql(db.connection, compiled.sql, compiled.params);
      const result: ResultSet = { columns: plan.columns, rows: main.rows, provenance: { kind: 'sql', sql: compiled.sql, params: compiled.params } };
      assert.deepEqual(main.columns, plan.columns.map((col) => col.name), 'SQL column names are the plan columns');
      if (compiled.count) {
        const count = await runSql(db.connection, compiled.count.sql, compiled.count.params);
        result.total = count.rows[0]!.total as number;
      }
      const diff = compareResult(c.expect, result);
      assert.equal(diff, null, `${diff}\n--- SQL:\n${compiled.sql}\n--- params: ${JSON.stringify(compiled.params)}`);
    });
  }
});

test('error cases are rejected by the planner before any SQL is produced', async (t) => {
  for (const c of errorCases) {
    await t.test(c.id, () => {
      assert.ok(isExpectedError(c.expect));
      const expected = c.expect;
      assert.throws(
        () => compileToSql(planQuery(conformanceModel, c.query, { now: c.now })),
        (e: unknown) => {
          const err = e as { code?: string; field?: string };
          assert.equal(err.code, expected.error);
          if (expected.field !== undefined) assert.equal(err.field, expected.field);
          return true;
        },
      );
    });
  }
});
