// CDNOW master (69,659 purchases, 23,570 customers): lifetime deciles of spend in integer cents.
// The generated SQL (native DuckDB), an independent hand-written SQL (ROW_NUMBER, no NTILE) and the
// in-memory runner must give the same deciles, counts (2,357 each), boundaries and sums; the
// total must equal the cents read straight from the file's text. Also every window, both modes:
// SQL = JS row for row. Fails, naming the path, when the file is missing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type DataModel, DataModelSchema } from '../../src/contracts/data-model.js';
import type { ColumnarData } from '../../src/contracts/loader.js';
import type { Row } from '../../src/contracts/result.js';
import { type DecileDefinitionInput, deriveDecilesInMemory, runDecileDerivation } from '../../src/derive/index.js';
import { NativeDuck, columnsOf, readCdnowMaster, rowsOf } from './derive-support.js';

const model: DataModel = DataModelSchema.parse({
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
        { name: 'cds', label: 'CDs', type: 'integer', role: 'measure' },
        { name: 'dollars', label: 'Dollar value', type: 'number', role: 'measure' },
        { name: 'segment', label: 'Segment', type: 'string', role: 'dimension' },
      ],
    },
  ],
});

interface Parsed {
  data: ColumnarData;
  /** Sum of the dollar column in cents, from the text's digits (no floating point). */
  totalCents: number;
}

/** Whitespace-separated: customer_id YYYYMMDD number_of_cds dollar_value, one header line. */
function parseMaster(text: string): Parsed {
  const customer: number[] = [];
  const date: string[] = [];
  const cds: number[] = [];
  const dollars: number[] = [];
  let totalCents = 0;
  for (const line of text.split(/\r?\n/).slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    customer.push(Number(f[0]));
    date.push(`${f[1]!.slice(0, 4)}-${f[1]!.slice(4, 6)}-${f[1]!.slice(6, 8)}`);
    cds.push(Number(f[2]));
    dollars.push(Number(f[3]));
    const [whole, frac = ''] = f[3]!.split('.');
    totalCents += Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  }
  return { data: { customer_id: customer, date, cds, dollars, segment: customer.map(() => 'all') }, totalCents };
}

const lifetime: DecileDefinitionInput = {
  name: 'cdnow_deciles',
  source: { table: 'purchases', identity: 'customer_id', category: 'segment', time: 'date', metric: { aggregation: 'sum', column: 'dollars' } },
  windows: ['all'],
  asOf: '1998-07-01', // the data ends 1998-06-30
};

/** The independent oracle: cents per customer, ROW_NUMBER by spend descending then id, 23,570 / 10 = 2,357 rows a decile. */
const HAND_SQL = `
WITH spend AS (
  SELECT customer_id, SUM(CAST(ROUND(dollars * 100) AS BIGINT)) AS cents
  FROM purchases WHERE date < DATE '1998-07-01' GROUP BY customer_id
),
numbered AS (SELECT customer_id, cents, ROW_NUMBER() OVER (ORDER BY cents DESC, customer_id ASC) AS rn FROM spend)
SELECT CAST((rn - 1) // 2357 + 1 AS BIGINT) AS decile, COUNT(*) AS customers, MIN(cents) AS min_cents, MAX(cents) AS max_cents, CAST(SUM(cents) AS BIGINT) AS sum_cents
FROM numbered GROUP BY 1 ORDER BY 1`;

const SUMMARY_SQL = `
SELECT decile, COUNT(*) AS customers, MIN(metric) AS min_cents, MAX(metric) AS max_cents, CAST(SUM(metric) AS BIGINT) AS sum_cents
FROM cdnow_deciles_flat WHERE lookback = 'all' GROUP BY decile ORDER BY decile`;

function summarize(rows: Row[]): Row[] {
  const by = new Map<number, { customers: number; min_cents: number; max_cents: number; sum_cents: number }>();
  for (const r of rows) {
    const d = r.decile as number;
    const m = r.metric as number;
    const s = by.get(d) ?? { customers: 0, min_cents: Infinity, max_cents: -Infinity, sum_cents: 0 };
    s.customers++;
    s.min_cents = Math.min(s.min_cents, m);
    s.max_cents = Math.max(s.max_cents, m);
    s.sum_cents += m;
    by.set(d, s);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([decile, s]) => ({ decile, ...s }));
}

let duck: NativeDuck;
let parsed: Parsed;
before(async () => {
  parsed = parseMaster(readCdnowMaster());
  duck = await NativeDuck.open();
  await duck.load('purchases', columnsOf(model, 'purchases'), parsed.data);
});
after(() => duck?.close());

describe('CDNOW master: lifetime spend deciles', () => {
  it('generated SQL = hand-written SQL = JS: 2,357 customers a decile, same boundaries and sums', async (t) => {
    assert.equal(parsed.data.customer_id!.length, 69_659);
    const run = await runDecileDerivation(duck.adapter(model), lifetime);
    assert.deepEqual(run.rows, { map: 23_570, flat: 23_570 });

    const generated = await duck.rows(SUMMARY_SQL);
    const hand = await duck.rows(HAND_SQL);
    const start = performance.now();
    const js = deriveDecilesInMemory(lifetime, { purchases: parsed.data }, model);
    const jsMs = performance.now() - start;
    const jsSummary = summarize(rowsOf(js.flat.data, ['decile', 'metric']));

    assert.deepEqual(generated, hand, 'generated SQL = hand-written SQL');
    assert.deepEqual(jsSummary, hand, 'JS = hand-written SQL');
    assert.deepEqual(generated.map((r) => r.customers), new Array(10).fill(2357));
    const total = generated.reduce((s, r) => s + (r.sum_cents as number), 0);
    assert.equal(total, parsed.totalCents, 'the sum of all deciles is the file total, in cents');
    // Deciles are ordered: every customer of decile d spent at least as much as any of decile d + 1.
    for (let d = 1; d < 10; d++) assert.ok((generated[d - 1]!.min_cents as number) >= (generated[d]!.max_cents as number));

    // Per customer too, and the map table: identical text.
    const flat = await duck.rows('SELECT * FROM cdnow_deciles_flat');
    assert.deepEqual(rowsOf(js.flat.data, js.flat.columns.map((c) => c.name)), flat);
    const map = await duck.rows('SELECT * FROM cdnow_deciles');
    assert.deepEqual(rowsOf(js.map.data, js.map.columns.map((c) => c.name)), map);
    assert.equal(map.find((r) => r.customer_id === 1)?.deciles, `{"all":${flat.find((r) => r.customer_id === 1)!.decile}}`);

    t.diagnostic(`boundaries (decile: customers, min..max cents, sum cents): ${generated.map((r) => `${r.decile}: ${r.customers}, ${r.min_cents}..${r.max_cents}, ${r.sum_cents}`).join('; ')}`);
    t.diagnostic(`timing: SQL (native DuckDB, 2 CTAS) ${run.ms.toFixed(0)} ms; JS ${jsMs.toFixed(0)} ms`);
  });

  for (const mode of ['exact', 'platform'] as const) {
    it(`every window (1, 3, 6, 9, 12, all), ${mode} mode, as of 1998-01-31: SQL = JS row for row`, async (t) => {
      const def: DecileDefinitionInput = { ...lifetime, windows: [1, 3, 6, 9, 12, 'all'], asOf: '1998-01-31', mode };
      const run = await runDecileDerivation(duck.adapter(model), def);
      const start = performance.now();
      const js = deriveDecilesInMemory(def, { purchases: parsed.data }, model);
      const jsMs = performance.now() - start;
      assert.deepEqual(rowsOf(js.flat.data, js.flat.columns.map((c) => c.name)), await duck.rows('SELECT * FROM cdnow_deciles_flat'));
      assert.deepEqual(rowsOf(js.map.data, js.map.columns.map((c) => c.name)), await duck.rows('SELECT * FROM cdnow_deciles'));
      assert.equal(run.rows.map, 6 * 23_570);
      const perWindow = await duck.rows('SELECT lookback, COUNT(*) AS n FROM cdnow_deciles_flat GROUP BY lookback ORDER BY n');
      t.diagnostic(`${mode}: ranked customers per window ${perWindow.map((r) => `${r.lookback}=${r.n}`).join(', ')}; SQL ${run.ms.toFixed(0)} ms, JS ${jsMs.toFixed(0)} ms`);
    });
  }
});
