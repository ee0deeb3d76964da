// Differential test: on random small datasets (string or integer identities, categories on the
// source or looked up, awkward category text, tied and half-cent amounts, missing values, times on
// window boundaries) and random windows, as-of dates, modes and metrics, the generated SQL run by
// native DuckDB and the in-memory runner produce identical tables, row for row.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type DataModel, DataModelSchema } from '../../src/contracts/data-model.js';
import type { ColumnarData } from '../../src/contracts/loader.js';
import { type DecileDefinitionInput, deriveDecilesInMemory, runDecileDerivation } from '../../src/derive/index.js';
import { NativeDuck, columnsOf, rowsOf } from './derive-support.js';

let duck: NativeDuck;
before(async () => {
  duck = await NativeDuck.open();
});
after(() => duck.close());

function modelFor(identityType: 'string' | 'integer'): DataModel {
  return DataModelSchema.parse({
    name: 'diff',
    label: 'Differential',
    tables: [
      {
        name: 'people',
        label: 'People',
        kind: 'dimension',
        primaryKey: 'pid',
        columns: [
          { name: 'pid', label: 'Person', type: identityType, role: 'identity' },
          { name: 'tier', label: 'Tier', type: 'string', role: 'dimension' },
        ],
      },
      {
        name: 'events',
        label: 'Events',
        kind: 'fact',
        columns: [
          { name: 'pid', label: 'Person', type: identityType, role: 'identity' },
          { name: 'at', label: 'At', type: 'timestamp', role: 'time' },
          { name: 'value', label: 'Value', type: 'number', role: 'measure' },
          { name: 'kind', label: 'Kind', type: 'string', role: 'dimension' },
        ],
      },
    ],
    relations: [{ name: 'event_person', from: { table: 'events', column: 'pid' }, to: { table: 'people', column: 'pid' } }],
  });
}

const STRING_IDS = ['a', 'b', 'B', 'aa', 'z', '😀', '\uE000', 'é', 'id 10', 'id 9'];
const INTEGER_IDS = [1, 2, 3, 9, 10, 100, -5, 0];
// Text that JSON must escape, sorts differently by code unit and code point, or looks numeric.
const CATEGORIES = ['Gold', 'gold', 'Silver', 'a"b', 'x\\y', 'line\nbreak', 'tab\t', '\u0001', 'é', '😀', '\uE000', '', '10', '9'];
// Ties (10 twice), float products just below .5 (2.005, 0.285) and halves, which SQL rounds away from zero (weighted up).
const VALUES = [0, 1, 1.5, 2.005, 10, 10, -3.25, 0.285, 0.005, -0.005, -0.005, 100.125, 2.5, -2.5, -2.5, -0.125, 999.99];

const DAY = 86_400_000;
const FROM = Date.UTC(2022, 0, 1);
const TO = Date.UTC(2025, 0, 31);
// Boundaries that windows use: first days of months, and an as-of date at a month end.
const BOUNDARY_DAYS = ['2024-03-31', '2024-02-29', '2024-03-01', '2024-01-01', '2023-12-01', '2023-09-30', '2024-06-15'];

const timeArb = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.constantFrom(...BOUNDARY_DAYS).map((d) => Date.parse(`${d}T00:00:00Z`)),
  fc.constantFrom(...BOUNDARY_DAYS).map((d) => Date.parse(`${d}T00:00:00Z`) - 1),
  fc.constant(null),
);

const asOfArb = fc.oneof(
  fc.integer({ min: Date.UTC(2022, 2, 1) / DAY, max: TO / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10)),
  fc.constantFrom(...BOUNDARY_DAYS),
);

const metricArb = fc.oneof(
  fc.record({ aggregation: fc.constantFrom('sum' as const, 'avg' as const, 'max' as const), column: fc.constant('value'), decimals: fc.constantFrom(undefined, 0, 2, 3) }),
  fc.record({ aggregation: fc.constant('count' as const), column: fc.constantFrom(undefined, 'value') }),
);

const caseArb = fc.boolean().chain((integerIds) => {
  const id = integerIds ? fc.constantFrom<string | number>(...INTEGER_IDS) : fc.constantFrom<string | number>(...STRING_IDS);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.record({
    integerIds: fc.constant(integerIds),
    events: fc.array(fc.record({ pid: maybe(id), at: timeArb, value: maybe(fc.constantFrom(...VALUES)), kind: maybe(fc.constantFrom(...CATEGORIES)) }), { maxLength: 40 }),
    people: fc.array(fc.record({ pid: maybe(id), tier: maybe(fc.constantFrom(...CATEGORIES)) }), { maxLength: 10 }),
    lookup: fc.boolean(),
    explicitIdentities: fc.boolean(),
    windows: fc.uniqueArray(fc.constantFrom<number | 'all'>(1, 2, 3, 6, 9, 12, 24, 'all'), { minLength: 1, maxLength: 6 }),
    asOf: asOfArb,
    mode: fc.constantFrom('exact' as const, 'platform' as const),
    metric: metricArb,
  });
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function columnar<T extends Record<string, unknown>>(rows: T[], keys: Array<keyof T & string>): ColumnarData {
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k] as never)]));
}

function definitionOf(c: Case): DecileDefinitionInput {
  const metric = Object.fromEntries(Object.entries(c.metric).filter(([, v]) => v !== undefined)) as DecileDefinitionInput['source']['metric'];
  return {
    name: 'diff_deciles',
    source: { table: 'events', identity: 'pid', category: c.lookup ? 'people.tier' : 'kind', time: 'at', metric },
    ...(c.explicitIdentities ? { identities: { table: 'people', column: 'pid' } } : {}),
    windows: c.windows,
    asOf: c.asOf,
    mode: c.mode,
  };
}

it('SQL (native DuckDB) and JS agree on random datasets, windows, as-of dates, modes and metrics', async () => {
  let nonEmpty = 0;
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const model = modelFor(c.integerIds ? 'integer' : 'string');
      const data = { events: columnar(c.events, ['pid', 'at', 'value', 'kind']), people: columnar(c.people, ['pid', 'tier']) };
      await duck.load('events', columnsOf(model, 'events'), data.events);
      await duck.load('people', columnsOf(model, 'people'), data.people);
      const definition = definitionOf(c);
      await runDecileDerivation(duck.adapter(model), definition);
      const js = deriveDecilesInMemory(definition, data, model);
      const flat = await duck.rows('SELECT * FROM "diff_deciles_flat"');
      const map = await duck.rows('SELECT * FROM "diff_deciles"');
      assert.deepEqual(rowsOf(js.flat.data, js.flat.columns.map((x) => x.name)), flat, 'flat table');
      assert.deepEqual(rowsOf(js.map.data, js.map.columns.map((x) => x.name)), map, 'map table');
      if (flat.length > 0) nonEmpty++;
    }),
    { numRuns: Number(process.env.DERIVE_RUNS ?? 150) },
  );
  assert.ok(nonEmpty > 30, `only ${nonEmpty} runs ranked anything`);
});
