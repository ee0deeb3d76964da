// The decile derivation through the DuckDB-WASM adapter in Chromium: the generated statements run
// by adapter.sql() (bound parameters, CTAS, transaction) give exactly the in-memory runner's tables
// on the airline sample, a looked-up category with awkward text, and CDNOW; the derived flat table
// answers semantic queries through adapter.query() as the memory engine does.
import { expect } from '@open-wc/testing';
import { type DataModel, DataModelSchema } from '../src/contracts/data-model.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import type { Row } from '../src/contracts/result.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { type DuckDbAdapter, createDuckDbAdapter } from '../src/engines/duckdb/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import {
  type DecileDefinitionInput,
  type DerivedDeciles,
  deriveDecilesInMemory,
  loadDerivedDeciles,
  registerDerivedTables,
  runDecileDerivation,
} from '../src/derive/index.js';
import { fetchDataText } from './support/data.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };

function rowsOf(data: ColumnarData, columns: readonly string[]): Row[] {
  const n = columns.length ? data[columns[0]!]!.length : 0;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, data[c]![i] ?? null])));
}

const jsTables = (d: DerivedDeciles) => ({
  map: rowsOf(d.map.data, d.map.columns.map((c) => c.name)),
  flat: rowsOf(d.flat.data, d.flat.columns.map((c) => c.name)),
});

/** Loads the inputs, derives in DuckDB-WASM, and checks both tables against the JS runner. */
async function deriveBoth(model: DataModel, definition: DecileDefinitionInput, data: Record<string, ColumnarData>) {
  const registered = registerDerivedTables(model, definition);
  const adapter: DuckDbAdapter = createDuckDbAdapter({ bundle, model: registered });
  try {
    for (const [table, columns] of Object.entries(data)) {
      const t = registered.tables.find((x) => x.name === table)!;
      const load = Object.keys(columns).map((name) => ({ name, type: t.columns.find((c) => c.name === name)!.type }));
      await adapter.loadColumns(table, load, columns, { mode: 'replace' });
    }
    const run = await runDecileDerivation(adapter, definition);
    const sql = {
      map: (await adapter.sql(`SELECT * FROM "${run.plan.tables.map}"`)).rows,
      flat: (await adapter.sql(`SELECT * FROM "${run.plan.tables.flat}"`)).rows,
    };
    const start = performance.now();
    const js = deriveDecilesInMemory(definition, data, model);
    const jsMs = performance.now() - start;
    const expected = jsTables(js);
    expect(sql.flat).to.deep.equal(expected.flat);
    expect(sql.map).to.deep.equal(expected.map);
    return { run, sql, js, jsMs, adapter, registered };
  } catch (e) {
    await adapter.close();
    throw e;
  }
}

describe('decile derivation in DuckDB-WASM', () => {
  it('airline sample: lifetime maps A → {FLYER:1}, C → {FLYER:2}, B → {SILVER:1}', async () => {
    const model = DataModelSchema.parse({
      name: 'airline',
      label: 'Airline',
      tables: [
        {
          name: 'airline_loyalty_data',
          label: 'Airline Loyalty Data',
          kind: 'fact',
          columns: [
            { name: 'membershipNumber', label: 'Membership number', type: 'string', role: 'identity' },
            { name: 'transactionDate', label: 'Transaction date', type: 'date', role: 'time' },
            { name: 'transactionType', label: 'Transaction type', type: 'string', role: 'dimension' },
            { name: 'mileage', label: 'Mileage', type: 'integer', role: 'measure' },
            { name: 'loyaltyStatus', label: 'Loyalty status', type: 'string', role: 'dimension' },
          ],
        },
      ],
    });
    const data = {
      airline_loyalty_data: {
        membershipNumber: ['C435678623', 'B789279247', 'B789279247', 'B789279247', 'A123487284'],
        transactionDate: ['2022-01-01', '2022-02-01', '2022-02-01', '2022-02-10', '2022-01-07'],
        transactionType: ['STATUS_MILES', 'AWARD_MILES', 'STATUS_MILES', 'AWARD_MILES', 'STATUS_MILES'],
        mileage: [5000, 7500, 7500, 5000, 10000],
        loyaltyStatus: ['FLYER', 'SILVER', 'SILVER', 'SILVER', 'FLYER'],
      },
    };
    const { sql, adapter } = await deriveBoth(
      model,
      {
        name: 'airline_loyalty_decile',
        source: { table: 'airline_loyalty_data', identity: 'membershipNumber', category: 'loyaltyStatus', time: 'transactionDate', metric: { aggregation: 'sum', column: 'mileage' } },
        windows: ['all'],
        asOf: '2022-03-01',
      },
      data,
    );
    await adapter.close();
    expect(sql.map).to.deep.equal([
      { membershipNumber: 'A123487284', lookback: 'all', deciles: '{"FLYER":1}' },
      { membershipNumber: 'B789279247', lookback: 'all', deciles: '{"SILVER":1}' },
      { membershipNumber: 'C435678623', lookback: 'all', deciles: '{"FLYER":2}' },
    ]);
  });

  it('a looked-up category with text JSON must escape; semantic queries on the flat table match the memory engine', async () => {
    const tiers = ['Gold', 'a"b', 'x\\y', 'line\nbreak', '\u0001', 'é', '😀', '\uE000', ''];
    const customers = { customer_id: tiers.map((_, i) => `c${i}`).concat('c_none'), loyalty_tier: [...tiers, 'Gold'] };
    const n = 60;
    const transactions = {
      customer_id: Array.from({ length: n }, (_, i) => `c${i % tiers.length}`),
      ts: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2023, i % 14, 1 + (i % 27), i % 24)).toISOString()),
      amount: Array.from({ length: n }, (_, i) => [10, 10, 2.005, -2.5, 99.99, 0.125][i % 6]!),
    };
    const definition: DecileDefinitionInput = {
      name: 'tier_deciles',
      source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
      identities: { table: 'customers', column: 'customer_id' },
      asOf: '2024-01-31',
    };
    for (const mode of ['exact', 'platform'] as const) {
      const { sql, adapter, registered, js } = await deriveBoth(clvDataModel, { ...definition, mode }, { customers, transactions });
      expect(sql.map.filter((r) => r.customer_id === 'c_none').map((r) => r.deciles)).to.deep.equal([null, null, null, null, null, null]);
      expect(sql.flat.some((r) => r.category === 'a"b')).to.equal(true);
      expect(JSON.parse(sql.map.find((r) => r.customer_id === 'c1' && r.lookback === 'all')!.deciles as string)).to.have.property('a"b');

      const query = {
        measures: ['tier_deciles_flat.identities', 'tier_deciles_flat.metric_sum', 'tier_deciles_flat.metric_max'],
        dimensions: ['tier_deciles_flat.lookback', 'customers.loyalty_tier', 'tier_deciles_flat.decile'],
      };
      const viaWasm = await adapter.query(query);
      const memory = new MemoryAdapter(registered, { customers, transactions });
      await loadDerivedDeciles(memory, js);
      // Compared as sets: the memory engine orders text by UTF-16 unit, DuckDB by code point ('😀' vs '\uE000').
      const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sorted(viaWasm.rows)).to.deep.equal(sorted((await memory.query(query)).rows));
      await adapter.close();
    }
  });

  it('CDNOW master: lifetime deciles of 23,570 customers, 2,357 each, equal to JS', async () => {
    const lines = (await fetchDataText('cdnow/CDNOW_master.txt')).split(/\r?\n/).slice(1).filter((l) => l.trim());
    const f = lines.map((l) => l.trim().split(/\s+/));
    const purchases = {
      customer_id: f.map((x) => Number(x[0])),
      date: f.map((x) => `${x[1]!.slice(0, 4)}-${x[1]!.slice(4, 6)}-${x[1]!.slice(6, 8)}`),
      dollars: f.map((x) => Number(x[3])),
      segment: f.map(() => 'all'),
    };
    const model = DataModelSchema.parse({
      name: 'cdnow',
      label: 'CDNOW',
      tables: [
        {
          name: 'purchases',
          label: 'Purchases',
          kind: 'fact',
          columns: [
            { name: 'customer_id', label: 'Customer', type: 'integer', role: 'identity' },
            { name: 'date', label: 'Date', type: 'date', role: 'time' },
            { name: 'dollars', label: 'Dollar value', type: 'number', role: 'measure' },
            { name: 'segment', label: 'Segment', type: 'string', role: 'dimension' },
          ],
        },
      ],
    });
    const { run, adapter, jsMs } = await deriveBoth(
      model,
      {
        name: 'cdnow_deciles',
        source: { table: 'purchases', identity: 'customer_id', category: 'segment', time: 'date', metric: { aggregation: 'sum', column: 'dollars' } },
        windows: [1, 3, 6, 9, 12, 'all'],
        asOf: '1998-01-31',
      },
      { purchases },
    );
    const counts = await adapter.sql(
      `SELECT decile, COUNT(*) AS n, MIN(metric) AS lo, MAX(metric) AS hi FROM cdnow_deciles_flat WHERE lookback = 'all' GROUP BY decile ORDER BY decile`,
    );
    await adapter.close();
    expect(counts.rows.map((r) => r.n)).to.deep.equal(new Array(10).fill(2357));
    expect(run.rows.map).to.equal(6 * 23_570);
    console.log(`CDNOW 6 windows in DuckDB-WASM: ${run.ms.toFixed(0)} ms (2 CTAS); JS ${jsMs.toFixed(0)} ms`);
  });
});
