import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Row } from '../../src/contracts/result.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { planQuery } from '../../src/query/plan.js';
import { compileToSql } from '../../src/query/sql.js';
import { catalogModel, catalogSpec, widgetCatalog } from '../../src/widgets/catalog.js';
import { catalogNow, generateCatalogData } from '../../src/widgets/catalog-data.js';
import { ENCODING_CHANNELS } from '../../src/widgets/spec.js';
import { columnsOf, NativeDuck } from './derive-support.js';

// Every catalog widget over the catalog dataset in native DuckDB: semantic widgets compiled to SQL
// give the in-memory engine's rows; SQL widgets run with their sample parameters bound.

const model = catalogModel();
const close = (a: Row, b: Row) =>
  Object.keys(a).every((k) => {
    const x = a[k];
    const y = b[k];
    return typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x)) : x === y;
  });

describe('catalog widgets on native DuckDB', () => {
  let duck: NativeDuck;
  let memory: MemoryAdapter;
  before(async () => {
    const data = generateCatalogData();
    memory = new MemoryAdapter(model, data);
    duck = await NativeDuck.open();
    for (const table of model.tables) await duck.load(table.name, columnsOf(model, table.name), data[table.name]!);
  });
  after(() => duck.close());

  test('the holdout widget: BG/NBD forecasts track the purchases customers then made', async () => {
    const spec = catalogSpec('predicted-vs-actual-holdout');
    assert.equal(spec.data.kind, 'sql');
    if (spec.data.kind !== 'sql') return;
    const rows = await duck.named(spec.data.sql, spec.data.params);
    assert.deepEqual(rows.map((r) => `${r.calibration_purchases}/${r.series}`), [0, 1, 2, 3, 4, 5, 6, 7].flatMap((b) => [`${b}/Predicted`, `${b}/Actual`]));
    const total = (series: string) => rows.filter((r) => r.series === series).reduce((s, r) => s + (r.purchases as number) * (r.customers as number), 0);
    const customers = rows.filter((r) => r.series === 'Actual').reduce((s, r) => s + (r.customers as number), 0);
    const clv = await duck.rows('SELECT count(*) AS n, sum(expected_purchases) AS predicted FROM customer_clv');
    assert.equal(customers, clv[0]!.n);
    assert.ok(Math.abs(total('Predicted') - (clv[0]!.predicted as number)) < 1e-6);
    // The generator follows BG/NBD-like behaviour, so the forecast lands within 20% of reality.
    const ratio = total('Predicted') / total('Actual');
    assert.ok(ratio > 0.8 && ratio < 1.2, `predicted / actual = ${ratio}`);
  });

  for (const entry of widgetCatalog) {
    test(entry.id, async () => {
      const spec = catalogSpec(entry.id);
      if (spec.data.kind === 'semantic') {
        const compiled = compileToSql(planQuery(model, spec.data.query, { now: catalogNow() }));
        const native = await duck.rows(compiled.sql, compiled.params);
        const reference = (await memory.query(spec.data.query, { now: catalogNow() })).rows;
        assert.ok(reference.length > 0, 'no rows');
        assert.equal(native.length, reference.length);
        reference.forEach((row, i) => assert.ok(close(row, native[i]!), `row ${i}: ${JSON.stringify(row)} vs ${JSON.stringify(native[i])}`));
      } else {
        const rows = await duck.named(spec.data.sql, spec.data.params);
        assert.ok(rows.length > 0, 'no rows');
        const fields = [
          ...ENCODING_CHANNELS.map((c) => spec.encodings[c]?.field),
          ...(spec.properties.table?.columns ?? []).map((c) => c.field),
        ].filter((f): f is string => f !== undefined);
        for (const f of fields) assert.ok(f in rows[0]!, `the SQL returns no column "${f}"`);
      }
    });
  }
});
