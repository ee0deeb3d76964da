// "Spec + data" files: create → JSON → parse round trip, older spec versions inside, errors that
// name the field; and the CSV of a result, with formula injection neutralised.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResultSet } from '../../src/contracts/result.js';
import { resultToCsv } from '../../src/export/csv.js';
import { createWidgetSnapshot, parseWidgetSnapshot, parseWidgetSpec, type WidgetSpec } from '../../src/widgets/index.js';

const spec: WidgetSpec = (() => {
  const r = parseWidgetSpec({
    version: 2,
    title: 'Revenue by tier',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] } },
    mark: 'bar',
    encodings: {
      x: { field: 'customers.loyalty_tier', type: 'nominal' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
    },
  });
  assert.ok(r.success);
  return r.spec;
})();

const result: ResultSet = {
  columns: [
    { name: 'customers.loyalty_tier', label: 'Loyalty tier', type: 'string', role: 'dimension' },
    { name: 'transactions.revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
  ],
  rows: [
    { 'customers.loyalty_tier': 'Bronze', 'transactions.revenue': 79.75 },
    { 'customers.loyalty_tier': 'Silver', 'transactions.revenue': 345.25 },
    { 'customers.loyalty_tier': null, 'transactions.revenue': -3.5 },
  ],
  total: 3,
  provenance: { kind: 'sql', sql: 'SELECT tier, sum(amount) FROM t WHERE ts >= $1 GROUP BY 1', params: ['2024-01-01'] },
};
const comparison: ResultSet = {
  columns: [result.columns[1]!],
  rows: [{ 'transactions.revenue': 400 }],
  provenance: { kind: 'request', method: 'POST', url: 'https://api.example.com/clv/query', body: { measures: ['transactions.revenue'] } },
};
const now = new Date('2024-07-01T09:30:00.000Z');

describe('widget snapshots', () => {
  it('round-trips through JSON text', () => {
    const snapshot = createWidgetSnapshot(spec, result, comparison, now);
    assert.equal(snapshot.format, 'clv-kit/widget-snapshot');
    assert.equal(snapshot.version, 1);
    assert.equal(snapshot.exportedAt, '2024-07-01T09:30:00.000Z');
    const parsed = parseWidgetSnapshot(JSON.stringify(snapshot, null, 2));
    assert.ok(parsed.success, parsed.success ? '' : parsed.message);
    assert.deepEqual(parsed.snapshot, snapshot);
    // without a comparison there is no comparison key at all
    const plain = createWidgetSnapshot(spec, result, undefined, now);
    assert.equal('comparison' in plain, false);
    const again = parseWidgetSnapshot(JSON.parse(JSON.stringify(plain)));
    assert.ok(again.success);
    assert.deepEqual(again.snapshot, plain);
  });

  it('upgrades a version 1 spec inside the file', () => {
    const v1 = {
      version: 1,
      title: 'Revenue by tier',
      query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] },
      chart: 'pie',
      x: 'customers.loyalty_tier',
      y: 'transactions.revenue',
      format: '$,.0f',
    };
    const parsed = parseWidgetSnapshot({ ...createWidgetSnapshot(spec, result, undefined, now), spec: v1 });
    assert.ok(parsed.success, parsed.success ? '' : parsed.message);
    const s = parsed.snapshot.spec;
    assert.equal(s.version, 2);
    assert.equal(s.mark, 'donut');
    assert.deepEqual(s.encodings.theta, { field: 'transactions.revenue', type: 'quantitative' });
    assert.deepEqual(s.encodings.color, { field: 'customers.loyalty_tier', type: 'nominal' });
    assert.equal(s.properties.numberFormat, '$,.0f');
  });

  it('names the field at fault', () => {
    const good = JSON.parse(JSON.stringify(createWidgetSnapshot(spec, result, undefined, now)));
    const badRow = structuredClone(good);
    badRow.result.rows[2]['transactions.revenue'] = { amount: 3 };
    const r1 = parseWidgetSnapshot(badRow);
    assert.equal(r1.success, false);
    assert.match(r1.success ? '' : r1.message, /^result\.rows\.2\.transactions\.revenue: /);

    // a v2 spec error and a v1 spec error both sit below "spec", with the field names their authors wrote
    const badSpec = { ...good, spec: { ...good.spec, encodings: { x: good.spec.encodings.x } } };
    const r2 = parseWidgetSnapshot(badSpec);
    assert.match(r2.success ? '' : r2.message, /^spec\.encodings\.y: bar needs encodings\.y/);
    const badV1 = { ...good, spec: { version: 1, title: 'T', query: { measures: ['transactions.revenue'] }, chart: 'radar' } };
    const r3 = parseWidgetSnapshot(badV1);
    assert.match(r3.success ? '' : r3.message, /^spec\.chart: /);

    const r4 = parseWidgetSnapshot({ ...good, format: 'something-else', exportedAt: 'yesterday' });
    const message = r4.success ? '' : r4.message;
    assert.match(message, /format: /);
    assert.match(message, /exportedAt: /);

    const r5 = parseWidgetSnapshot('{"format": ');
    assert.match(r5.success ? '' : r5.message, /^not valid JSON: /);
  });
});

describe('resultToCsv', () => {
  const hostile: ResultSet = {
    columns: [
      { name: 'name', label: 'Customer name', type: 'string', role: 'dimension' },
      { name: 'note', label: 'Note, "quoted"', type: 'string', role: 'dimension' },
      { name: 'amount', label: 'Amount', type: 'number', role: 'measure' },
      { name: 'vip', label: 'VIP', type: 'boolean', role: 'dimension' },
    ],
    rows: [
      { name: '=HYPERLINK("http://evil.example","click")', note: '+1', amount: -2, vip: true },
      { name: '-2', note: '@x', amount: 1234.5, vip: false },
      { name: 'Smith, Jane', note: 'said "hi"\nthen left', amount: null, vip: null },
      { name: 'plain', amount: 0 },
    ],
    provenance: { kind: 'memory', plan: 'scan' },
  };

  it('quotes and neutralises every cell through the one CSV writer', () => {
    assert.equal(
      resultToCsv(hostile),
      [
        'Customer name,"Note, ""quoted""",Amount,VIP',
        `"'=HYPERLINK(""http://evil.example"",""click"")",'+1,-2,true`,
        `'-2,'@x,1234.5,false`,
        '"Smith, Jane","said ""hi""\nthen left",,',
        'plain,,0,',
        '',
      ].join('\r\n'),
    );
  });

  it('picks and orders columns by name, and names an unknown one', () => {
    assert.equal(resultToCsv(hostile, ['amount', 'name']), `Amount,Customer name\r\n-2,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n1234.5,'-2\r\n,"Smith, Jane"\r\n0,plain\r\n`);
    assert.throws(() => resultToCsv(hostile, ['nope']), /"nope" is not a column of the result \(name, note, amount, vip\)/);
  });
});
