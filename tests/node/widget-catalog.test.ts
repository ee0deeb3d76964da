// Every catalog widget: a valid spec, queries that plan against the extended CLV model, and a
// Vega-Lite spec that compiles and renders headless over a small synthetic result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import { planQuery } from '../../src/query/plan.js';
import { findSqlParameters } from '../../src/query/sql-params.js';
import {
  ENCODING_CHANNELS,
  WidgetSpecSchema,
  catalogModel,
  catalogSpec,
  futureTables,
  toVegaLite,
  widgetCatalog,
  widgetQueries,
  type WidgetSpec,
} from '../../src/widgets/index.js';

const model = catalogModel();

function sampleValue(c: ResultColumn, i: number): string | number | boolean {
  switch (c.type) {
    case 'integer':
      return (i % 10) + 1;
    case 'number':
      return c.format?.includes('%') ? (i + 1) / 8 : 100 + i * 37.5;
    case 'date':
      return `2024-0${i + 1}-01`;
    case 'timestamp':
      return `2024-0${i + 1}-01T00:00:00.000Z`;
    case 'boolean':
      return i % 2 === 0;
    default:
      return `${c.label} ${i % 3}`;
  }
}

/** Six rows of plausible values for the widget's result columns (from the planner, or from the SQL widget's fields). */
function sampleResult(spec: WidgetSpec): ResultSet {
  let columns: ResultColumn[];
  if (spec.data.kind === 'semantic') columns = planQuery(model, spec.data.query).columns;
  else {
    const byName = new Map<string, ResultColumn>();
    for (const ch of ENCODING_CHANNELS) {
      const e = spec.encodings[ch];
      if (e && !byName.has(e.field))
        byName.set(e.field, {
          name: e.field,
          label: e.field,
          type: e.type === 'quantitative' ? 'number' : e.type === 'ordinal' ? 'integer' : e.type === 'temporal' ? 'date' : 'string',
          role: e.type === 'quantitative' ? 'measure' : 'dimension',
        });
    }
    for (const col of spec.properties.table?.columns ?? [])
      if (!byName.has(col.field)) byName.set(col.field, { name: col.field, label: col.field, type: 'string', role: 'dimension' });
    columns = [...byName.values()];
  }
  const rows = Array.from({ length: 6 }, (_, i) => Object.fromEntries(columns.map((c) => [c.name, sampleValue(c, i)])));
  return { columns, rows, provenance: { kind: 'memory', plan: 'synthetic' } };
}

interface SceneNode {
  marktype?: string;
  name?: string;
  items?: SceneNode[];
}

/** The drawn items of the data marks in a rendered view's scenegraph. */
function markItems(view: vega.View): SceneNode[] {
  const items: SceneNode[] = [];
  const walk = (node: SceneNode) => {
    // Vega-Lite names its data marks "marks" or "layer_<n>_marks"; axes and legends are named otherwise.
    if (node.marktype && node.name?.endsWith('marks')) items.push(...(node.items ?? []));
    for (const child of node.items ?? []) walk(child);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  return items;
}

describe('widget catalog', () => {
  it('has at least ten widgets with unique ids, covering every mark', () => {
    assert.ok(widgetCatalog.length >= 10);
    assert.equal(new Set(widgetCatalog.map((e) => e.id)).size, widgetCatalog.length);
    const marks = new Set(widgetCatalog.map((e) => e.spec.mark));
    for (const m of ['bar', 'stacked-bar', 'line', 'area', 'point', 'tick', 'donut', 'big-number', 'table']) assert.ok(marks.has(m as never), m);
  });

  it('the extended model holds customer_clv, the decile tables and the future tables', () => {
    for (const t of ['customer_clv', 'category_deciles', 'category_deciles_flat', ...futureTables.tables.map((x) => x.name)])
      assert.ok(model.tables.some((x) => x.name === t), t);
  });

  for (const entry of widgetCatalog) {
    describe(entry.id, () => {
      const parsed = WidgetSpecSchema.safeParse(entry.spec);

      it('parses with WidgetSpecSchema', () => {
        assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
        assert.deepEqual(catalogSpec(entry.id), parsed.data);
      });

      it('names real members (its queries plan) or real tables and parameters (SQL)', () => {
        const spec = parsed.data!;
        for (const q of widgetQueries(spec)) planQuery(model, q);
        if (spec.data.kind === 'sql') {
          assert.deepEqual(Object.keys(spec.data.params).sort(), findSqlParameters(spec.data.sql).sort());
          const tables = [...spec.data.sql.matchAll(/\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)/gi)].map((m) => m[1]);
          assert.ok(tables.length > 0);
          // Names a WITH clause defines are not model tables.
          const ctes = new Set([...spec.data.sql.matchAll(/(?:\bWITH|,)\s+([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(/gi)].map((m) => m[1]));
          for (const t of tables) assert.ok(ctes.has(t) || model.tables.some((x) => x.name === t), `SQL table ${t}`);
        }
      });

      it('compiles to Vega-Lite that vega-lite accepts and vega renders', async () => {
        const spec = parsed.data!;
        const vl = toVegaLite(spec, sampleResult(spec), { width: 300, height: 200 });
        if (spec.mark === 'big-number' || spec.mark === 'table') {
          assert.equal(vl, null);
          return;
        }
        assert.ok(vl);
        const warnings: string[] = [];
        const logger = { level: () => logger, error: (...a: unknown[]) => warnings.push(a.join(' ')), warn: (...a: unknown[]) => warnings.push(a.join(' ')), info: () => logger, debug: () => logger } as never;
        const compiled = compile(vl, { logger }).spec;
        assert.deepEqual(warnings, []);
        const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
        await view.runAsync();
        assert.ok(markItems(view).length > 0, 'no marks drawn');
        view.finalize();
      });
    });
  }
});
