// toVegaLite: escaping of dotted member names, marks, stacking, legends, formats and palette,
// checked on the Vega-Lite spec and on what vega-lite compiles and vega renders from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ResultSet } from '../../src/contracts/result.js';
import { OKABE_ITO, WidgetSpecSchema, escapeField, toVegaLite, type WidgetSpec, type WidgetSpecInput } from '../../src/widgets/index.js';

const result: ResultSet = {
  columns: [
    { name: 'transactions.ts.month', label: 'Purchase time (month)', type: 'timestamp', role: 'time' },
    { name: 'transactions.channel', label: 'Channel', type: 'string', role: 'dimension' },
    { name: 'transactions.revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
  ],
  rows: [
    { 'transactions.ts.month': '2024-01-01', 'transactions.channel': 'web', 'transactions.revenue': 100 },
    { 'transactions.ts.month': '2024-01-01', 'transactions.channel': 'store', 'transactions.revenue': 50 },
    { 'transactions.ts.month': '2024-02-01', 'transactions.channel': 'web', 'transactions.revenue': 120 },
    { 'transactions.ts.month': '2024-02-01', 'transactions.channel': 'store', 'transactions.revenue': 30 },
  ],
  provenance: { kind: 'memory', plan: 'test' },
};
const query = { measures: ['transactions.revenue'], dimensions: ['transactions.channel'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' as const }] };

function spec(over: Partial<WidgetSpecInput>): WidgetSpec {
  return WidgetSpecSchema.parse({
    version: 2,
    title: 't',
    data: { kind: 'semantic', query },
    mark: 'bar',
    encodings: {
      x: { field: 'transactions.ts.month', type: 'temporal' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    },
    ...over,
  });
}
// The specs are inspected as plain JSON.
type Json = any;
const vl = (s: WidgetSpec, r: ResultSet = result): Json => toVegaLite(s, r, { width: 300, height: 200 });

interface SceneNode {
  marktype?: string;
  name?: string;
  items?: SceneNode[];
  [k: string]: unknown;
}
async function render(v: Json): Promise<SceneNode[]> {
  const view = new vega.View(vega.parse(compile(v).spec), { renderer: 'none' });
  await view.runAsync();
  const items: SceneNode[] = [];
  const walk = (n: SceneNode) => {
    if (n.marktype && n.name?.endsWith('marks')) items.push(...(n.items ?? []));
    for (const c of n.items ?? []) walk(c);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  view.finalize();
  return items;
}

describe('escapeField', () => {
  it('escapes the path syntax of Vega-Lite field names', () => {
    assert.equal(escapeField('transactions.ts.month'), 'transactions\\.ts\\.month');
    assert.equal(escapeField('a[0]'), 'a\\[0\\]');
    assert.equal(escapeField('a\\b'), 'a\\\\b');
    assert.equal(escapeField('plain'), 'plain');
  });
});

describe('toVegaLite', () => {
  it('escapes dotted fields in encodings and tooltips, keeps data keys, and vega reads the values', async () => {
    const v = vl(spec({ mark: 'stacked-bar' }));
    assert.equal(v.encoding.x.field, 'transactions\\.ts\\.month');
    assert.equal(v.encoding.y.field, 'transactions\\.revenue');
    assert.equal(v.encoding.color.field, 'transactions\\.channel');
    assert.deepEqual(v.encoding.tooltip.map((t: Json) => t.field), ['transactions\\.ts\\.month', 'transactions\\.channel', 'transactions\\.revenue']);
    assert.ok('transactions.revenue' in v.data.values[0]);
    const compiled = JSON.stringify(compile(v).spec);
    assert.ok(compiled.includes('datum[\\"transactions.revenue\\"]'), 'compiled Vega reads the flat key');
    assert.ok(!/datum\[\\"transactions\\"\]/.test(compiled), 'never a nested path');
    const items = await render(v);
    assert.equal(items.length, 4);
    const tips = items.map((i) => i.tooltip as Record<string, string>);
    assert.deepEqual(tips.map((t) => t.Revenue).sort(), ['$100.00', '$120.00', '$30.00', '$50.00']);
    assert.ok(tips.every((t) => t.Channel === 'web' || t.Channel === 'store'));
    for (const i of items) assert.ok((i.height as number) > 0 && Number.isFinite(i.y as number));
  });

  it('converts time columns to epoch ms and bins them by the granularity (UTC)', () => {
    const v = vl(spec({}));
    assert.equal(v.data.values[0]['transactions.ts.month'], Date.UTC(2024, 0, 1));
    assert.equal(v.encoding.x.timeUnit, 'utcyearmonth');
    assert.equal(v.encoding.tooltip[0].timeUnit, 'utcyearmonth');
  });

  it('stacks stacked bars, groups plain coloured bars side by side, never stacks lines', () => {
    assert.equal(vl(spec({ mark: 'stacked-bar' })).encoding.y.stack, 'zero');
    const grouped = vl(spec({ mark: 'bar' }));
    assert.equal(grouped.encoding.y.stack, null);
    assert.equal(grouped.encoding.xOffset.field, 'transactions\\.channel');
    assert.equal(vl(spec({ mark: 'line' })).encoding.y.stack, null);
    assert.equal(vl(spec({ mark: 'area' })).encoding.y.stack, 'zero');
  });

  it('draws donuts as arcs with an inner radius', async () => {
    const v = vl(
      spec({
        mark: 'donut',
        data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] } },
        encodings: { theta: { field: 'transactions.revenue', type: 'quantitative' }, color: { field: 'transactions.channel', type: 'nominal' } },
      }),
    );
    assert.equal(v.mark.type, 'arc');
    assert.ok(v.mark.innerRadius > 0);
    assert.equal(v.encoding.theta.stack, true);
    const items = await render(v);
    assert.equal(items.length, 4);
    assert.ok(items.every((i) => (i.innerRadius as number) > 0));
  });

  it('uses the tick mark, and Okabe-Ito for nominal colour', () => {
    assert.equal(vl(spec({ mark: 'tick' })).mark.type, 'tick');
    const v = vl(spec({}));
    assert.deepEqual(v.encoding.color.scale.range, [...OKABE_ITO]);
    assert.deepEqual(v.config.range.category, [...OKABE_ITO]);
  });

  it('places and titles legends, or hides them', () => {
    const v = vl(spec({ properties: { legend: { placement: 'bottom', title: 'Sales channel' } } }));
    assert.equal(v.encoding.color.legend.orient, 'bottom');
    assert.equal(v.encoding.color.legend.title, 'Sales channel');
    assert.equal(vl(spec({ properties: { legend: { placement: 'none' } } })).encoding.color.legend, null);
  });

  it('applies axis titles and labels, formats, sort and the currency symbol', async () => {
    const v = vl(
      spec({
        encodings: {
          x: { field: 'transactions.channel', type: 'nominal', sort: '-y' },
          y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' },
        },
        properties: { axis: { x: { title: 'Where', labels: false } }, currency: { code: 'EUR' } },
      }),
    );
    assert.equal(v.encoding.x.title, 'Where');
    assert.equal(v.encoding.x.axis.labels, false);
    assert.equal(v.encoding.x.sort, '-y');
    assert.equal(v.encoding.y.axis.format, '$,.0f');
    assert.equal(v.encoding.tooltip.find((t: Json) => t.title === 'Revenue').format, '$,.0f');
    assert.deepEqual(v.config.locale.number.currency, ['€', '']);
    const tips = (await render(v)).map((i) => (i.tooltip as Record<string, string>).Revenue);
    assert.ok(tips.includes('€100'), tips.join());
    // Without a format of its own, the result column's format (then properties.numberFormat) applies.
    assert.equal(vl(spec({})).encoding.y.axis.format, '$,.2f');
  });

  it('limits tooltips to encoded fields when marks aggregate, and leaves them out when off', () => {
    const hist = vl(
      spec({
        data: { kind: 'semantic', query: { dimensions: ['transactions.channel', 'transactions.amount'] } },
        encodings: {
          x: { field: 'transactions.amount', type: 'quantitative', bin: true },
          y: { field: 'transactions.channel', type: 'quantitative', aggregate: 'count' },
        },
      }),
    );
    assert.deepEqual(hist.encoding.tooltip.map((t: Json) => [t.field, t.aggregate ?? t.bin]), [
      ['transactions\\.amount', { maxbins: 20 }],
      ['transactions\\.channel', 'count'],
    ]);
    assert.equal(vl(spec({ interactions: { tooltip: false } })).encoding.tooltip, undefined);
  });

  it('returns null for big numbers and tables, and does not touch its inputs', () => {
    assert.equal(toVegaLite(spec({ mark: 'big-number', encodings: { y: { field: 'transactions.revenue', type: 'quantitative' } } }), result), null);
    assert.equal(toVegaLite(spec({ mark: 'table', encodings: {} }), result), null);
    const s = spec({});
    const before = JSON.stringify([s, result]);
    toVegaLite(s, result);
    assert.equal(JSON.stringify([s, result]), before);
  });
});

describe('default order of discrete axes', () => {
  it('keeps the query order of nominal categories and sorts ordinal codes ascending', async () => {
    const byChannel = spec({ encodings: { x: { field: 'transactions.channel', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } } });
    assert.equal(vl(byChannel).encoding.x.sort, null);
    const decile: ResultSet = {
      columns: [
        { name: 'customer_clv.clv_decile', label: 'CLV decile', type: 'integer', role: 'dimension' },
        { name: 'customer_clv.p_alive', label: 'P(alive)', type: 'number', role: 'dimension' },
      ],
      // Rows in customer order, as a per-customer query returns them.
      rows: [3, 10, 1, 2].map((d) => ({ 'customer_clv.clv_decile': d, 'customer_clv.p_alive': d / 10 })),
      provenance: { kind: 'memory', plan: 'test' },
    };
    const s = WidgetSpecSchema.parse({
      version: 2,
      title: 'P(alive) by decile',
      data: { kind: 'sql', sql: 'SELECT 1', params: {} },
      mark: 'tick',
      encodings: { x: { field: 'customer_clv.clv_decile', type: 'ordinal' }, y: { field: 'customer_clv.p_alive', type: 'quantitative' } },
    });
    const v = vl(s, decile);
    assert.equal(v.encoding.x.sort, 'ascending');
    const view = new vega.View(vega.parse(compile(v).spec), { renderer: 'none' });
    await view.runAsync();
    assert.deepEqual(view.scale('x').domain(), [1, 2, 3, 10]);
    view.finalize();
  });
});
