// The widget spec contract: JSON Schema generation, cross-field rules that name the field at fault,
// and parseWidgetSpec's migration from version 1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { WidgetSpecSchema, parseWidgetSpec, type WidgetSpecInput } from '../../src/widgets/index.js';

const base: WidgetSpecInput = {
  version: 2,
  title: 'Revenue by tier',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] } },
  mark: 'bar',
  encodings: {
    x: { field: 'customers.loyalty_tier', type: 'nominal' },
    y: { field: 'transactions.revenue', type: 'quantitative' },
  },
};

/** "path: message" of every issue of a failed parse. */
function issues(input: unknown): string[] {
  const r = parseWidgetSpec(input);
  assert.equal(r.success, false, 'expected the spec to be rejected');
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const has = (list: string[], path: string, words: RegExp) =>
  assert.ok(list.some((l) => l.startsWith(`${path}: `) && words.test(l)), `no issue at ${path} matching ${words}: ${list.join(' | ')}`);

describe('WidgetSpecSchema', () => {
  it('fills in defaults', () => {
    const spec = WidgetSpecSchema.parse(base);
    assert.deepEqual(spec.interactions, { tooltip: true, click: { kind: 'none' } });
    assert.deepEqual(spec.properties, {});
  });

  it('has a JSON Schema (io input, unrepresentable any)', () => {
    const schema = z.toJSONSchema(WidgetSpecSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const props = schema.properties as Record<string, unknown>;
    for (const k of ['version', 'title', 'description', 'data', 'mark', 'encodings', 'properties', 'interactions']) assert.ok(k in props, k);
    assert.deepEqual(schema.required, ['version', 'title', 'data', 'mark']);
    assert.match(JSON.stringify(props.mark), /big-number/);
    JSON.stringify(schema); // plain JSON, no cycles
  });

  it('requires x and y for xy marks, color for stacked bars', () => {
    const list = issues({ ...base, mark: 'stacked-bar', encodings: { x: base.encodings!.x } });
    has(list, 'encodings.y', /stacked-bar needs encodings\.y/);
    has(list, 'encodings.color', /stacked-bar needs encodings\.color/);
  });

  it('requires color and theta for donuts and refuses x and y there', () => {
    const list = issues({ ...base, mark: 'donut' });
    has(list, 'encodings.theta', /donut needs encodings\.theta/);
    has(list, 'encodings.color', /donut needs encodings\.color/);
    has(list, 'encodings.x', /does not use encodings\.x/);
  });

  it('checks that encodings name result columns of a semantic query', () => {
    const list = issues({ ...base, encodings: { x: { field: 'customers.country', type: 'nominal' }, y: base.encodings!.y } });
    has(list, 'encodings.x.field', /"customers\.country" is not a result column.*customers\.loyalty_tier/);
  });

  it('names time-dimension columns with their granularity', () => {
    const spec = {
      ...base,
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }] } },
      encodings: { x: { field: 'transactions.ts', type: 'temporal' }, y: base.encodings!.y },
    };
    has(issues(spec), 'encodings.x.field', /transactions\.ts\.month/);
    assert.ok(parseWidgetSpec({ ...spec, encodings: { ...spec.encodings, x: { field: 'transactions.ts.month', type: 'temporal' } } }).success);
  });

  it('needs a sample value for every SQL parameter', () => {
    const list = issues({
      ...base,
      data: { kind: 'sql', sql: "SELECT tier, revenue FROM t WHERE d >= DATE '$START_DATE' AND tier = '$TIER'", params: { TIER: 'Gold' } },
      encodings: { x: { field: 'tier', type: 'nominal' }, y: { field: 'revenue', type: 'quantitative' } },
    });
    has(list, 'data.params.START_DATE', /\$START_DATE/);
    assert.equal(list.length, 1);
  });

  it('checks big-number, table and interaction references', () => {
    has(issues({ ...base, mark: 'big-number', encodings: {}, properties: { bigNumber: { comparison: { kind: 'previous-period' } } } }), 'encodings.y', /big-number needs/);
    has(
      issues({ ...base, mark: 'big-number', encodings: { y: base.encodings!.y }, properties: { bigNumber: { comparison: { kind: 'previous-period' } } } }),
      'properties.bigNumber.comparison',
      /dateRange/,
    );
    has(
      issues({
        ...base,
        mark: 'table',
        encodings: {},
        properties: { table: { columns: [{ field: 'transactions.revenue', sortable: false }], defaultSort: { field: 'transactions.revenue' } } },
      }),
      'properties.table.defaultSort.field',
      /not sortable/,
    );
    has(issues({ ...base, properties: { table: { pageSize: 10 } } }), 'properties.table', /only table widgets/);
    has(
      issues({ ...base, interactions: { click: { kind: 'drill', dashboardId: 'd', parameters: { tier: 'customers.tier' } } } }),
      'interactions.click.parameters.tier',
      /not a result column/,
    );
    has(issues({ ...base, encodings: { ...base.encodings, x: { field: 'customers.loyalty_tier', type: 'nominal', bin: true } } }), 'encodings.x.bin', /quantitative/);
  });

  it('reports structural errors with their paths', () => {
    const list = issues({ ...base, mark: 'pie', encodings: { x: { field: '', type: 'nominal' } } });
    has(list, 'mark', /.+/);
    has(list, 'encodings.x.field', /.+/);
  });
});

describe('parseWidgetSpec and migration', () => {
  const query = { measures: ['transactions.revenue'], dimensions: ['transactions.channel'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' as const }] };

  it('upgrades a v1 line chart, inferring field types from the query', () => {
    const r = parseWidgetSpec({ version: 1, title: 'Trend', query, chart: 'line', x: 'transactions.ts.month', y: 'transactions.revenue', color: 'transactions.channel', format: '$,.0f' });
    assert.ok(r.success, r.success ? '' : r.message);
    assert.equal(r.migratedFrom, 1);
    assert.equal(r.spec.version, 2);
    assert.equal(r.spec.mark, 'line');
    assert.deepEqual(r.spec.data, { kind: 'semantic', query: { ...query, filters: [], order: [], limit: 10000, offset: 0, total: false, timezone: 'UTC' } });
    assert.deepEqual(r.spec.encodings, {
      x: { field: 'transactions.ts.month', type: 'temporal' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    });
    assert.equal(r.spec.properties.numberFormat, '$,.0f');
  });

  it('maps pie to donut, scatter to point, number to big-number, stacked bars, and accepts a v1 without version', () => {
    const pie = parseWidgetSpec({ title: 'Share', query, chart: 'pie', x: 'transactions.channel', y: 'transactions.revenue' });
    assert.ok(pie.success && pie.spec.mark === 'donut');
    assert.deepEqual(pie.success && pie.spec.encodings, {
      theta: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    });
    const scatter = parseWidgetSpec({ version: 1, title: 'S', query, chart: 'scatter', x: 'transactions.channel', y: 'transactions.revenue' });
    assert.ok(scatter.success && scatter.spec.mark === 'point');
    const num = parseWidgetSpec({ version: 1, title: 'N', query: { measures: ['transactions.revenue'] }, chart: 'number' });
    assert.ok(num.success && num.spec.mark === 'big-number' && num.spec.encodings.y?.field === 'transactions.revenue');
    const stacked = parseWidgetSpec({ version: 1, title: 'B', query, chart: 'bar', stacked: true, x: 'transactions.ts.month', y: 'transactions.revenue', color: 'transactions.channel' });
    assert.ok(stacked.success && stacked.spec.mark === 'stacked-bar');
    const table = parseWidgetSpec({ version: 1, title: 'T', query, chart: 'table' });
    assert.ok(table.success && table.spec.mark === 'table');
  });

  it('passes a v2 spec through unchanged', () => {
    const r = parseWidgetSpec(base);
    assert.ok(r.success);
    assert.equal(r.migratedFrom, undefined);
    assert.deepEqual(r.spec, WidgetSpecSchema.parse(base));
  });

  it('reports v1 errors in v1 fields, errors after migration in v2 fields, and unknown versions', () => {
    has(issues({ version: 1, title: 'x', query, chart: 'radar' }), 'chart', /.+/);
    has(issues({ version: 1, title: 'x', query, chart: 'bar', x: 'transactions.channel', y: 'transactions.nope' }), 'encodings.y.field', /not a result column/);
    has(issues({ version: 1, title: 'x', query, chart: 'bar', x: 'transactions.channel' }), 'encodings.y', /bar needs encodings\.y/);
    has(issues({ ...base, version: 3 }), 'version', /unknown widget spec version 3/);
    has(issues('not a spec'), 'version', /unknown/);
    const r = parseWidgetSpec({ ...base, mark: 'donut' });
    assert.ok(!r.success && /encodings\.theta: /.test(r.message) && /encodings\.color: /.test(r.message));
  });
});
