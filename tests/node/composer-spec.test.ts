// Opening a saved widget and saving it without a change gives the identical spec: every catalog
// widget, filters the editor has no form for, v1 specs; and what the opened state looks like.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainState, openWidgetSpec, reduceComposer, specToState, stateToSpec } from '../../src/composer/index.js';
import { WidgetSpecSchema, catalogModel, catalogSpec, widgetCatalog, type WidgetSpecInput } from '../../src/widgets/index.js';

const model = catalogModel();

describe('catalog round trip', () => {
  it('has the 21 catalog widgets', () => assert.equal(widgetCatalog.length, 21));

  for (const entry of widgetCatalog) {
    it(`${entry.id}: opened and saved unchanged, with no problems`, () => {
      const spec = WidgetSpecSchema.parse(entry.spec);
      const state = specToState(spec, model);
      assert.deepStrictEqual(stateToSpec(state), spec);
      assert.deepEqual(explainState(state, model), []);
    });
  }
});

describe('specToState', () => {
  it('takes the base table the planner would choose and keeps detail fields in query order', () => {
    const s = specToState(catalogSpec('p-alive-by-clv-decile'), model);
    assert.equal(s.mode, 'guided');
    assert.equal(s.table, 'customer_clv');
    assert.deepEqual(s.fields, [
      { kind: 'dimension', member: 'customer_clv.customer_id' },
      { kind: 'dimension', member: 'customer_clv.clv_decile' },
      { kind: 'dimension', member: 'customer_clv.p_alive' },
    ]);
    assert.deepEqual(s.encodings, { x: { attribute: 'customer_clv.clv_decile', type: 'ordinal' }, y: { attribute: 'customer_clv.p_alive', type: 'quantitative' } });
    assert.equal(s.query.limit, 50_000);
    assert.equal(specToState(catalogSpec('audience-size'), model).table, 'audience_memberships');
  });

  it('splits a time dimension into its granularity (a field) and its date range (a filter)', () => {
    const s = specToState(catalogSpec('audience-growth'), model);
    assert.deepEqual(s.encodings.x, { attribute: 'audience_memberships.added_at', granularity: 'week', type: 'temporal', title: 'Week' });
    assert.deepEqual(s.filters, [{ kind: 'date', member: 'audience_memberships.added_at', range: 'last 26 weeks', exclude: false, placement: 'timeDimension' }]);
    assert.deepEqual(specToState(catalogSpec('profiles-per-decile-and-category'), model).filters, [
      { kind: 'values', member: 'category_deciles_flat.lookback', operator: 'equals', values: ['12'] },
    ]);
  });

  it('opens SQL widgets with their text and sample values', () => {
    const s = specToState(catalogSpec('decile-migration'), model);
    assert.equal(s.mode, 'sql');
    assert.equal(s.table, undefined);
    assert.deepEqual(s.params, { FROM_WINDOW: '3', TO_WINDOW: '12' });
    assert.deepEqual(s.encodings.size, { attribute: 'profiles', type: 'quantitative', title: 'Profiles', format: ',d' });
  });

  it('keeps filters without a form exactly, and edits around them leave them alone', () => {
    const input: WidgetSpecInput = {
      version: 2,
      title: 'Filtered',
      data: {
        kind: 'semantic',
        query: {
          measures: ['transactions.revenue'],
          dimensions: ['transactions.channel'],
          timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-03-31'] }, { dimension: 'transactions.ts', granularity: 'quarter' }],
          filters: [
            { or: [{ member: 'customers.loyalty_tier', operator: 'in', values: ['Gold'] }, { member: 'transactions.channel', operator: 'equals', values: ['web'] }] },
            { member: 'customers.loyalty_tier', operator: 'in', values: ['Gold'] },
            { and: [{ member: 'transactions.amount', operator: 'lte', values: [100] }, { member: 'transactions.amount', operator: 'gt', values: [5] }] },
            { member: 'customers.email', operator: 'contains', values: ['@example'] },
            { member: 'transactions.ts', operator: 'beforeDate', values: ['2024-06-01'] },
          ],
          total: true,
          offset: 20,
        },
      },
      mark: 'line',
      encodings: { x: { field: 'transactions.ts.quarter', type: 'temporal' }, y: { field: 'transactions.revenue', type: 'quantitative' }, color: { field: 'transactions.channel', type: 'nominal' } },
    };
    const spec = WidgetSpecSchema.parse(input);
    const state = specToState(spec, model);
    assert.deepEqual(
      state.filters.map((f) => f.kind),
      ['date', 'advanced', 'values', 'advanced', 'advanced', 'advanced'],
    );
    assert.deepEqual(explainState(state, model), []);
    // The date range keeps its own entry: a dashboard's date range replaces the first entry's range only.
    const saved = stateToSpec(state);
    assert.deepEqual(saved.data.kind === 'semantic' && saved.data.query.timeDimensions, [
      { dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-03-31'] },
      { dimension: 'transactions.ts', granularity: 'quarter' },
    ]);
    assert.deepStrictEqual(saved, spec);
    const again = stateToSpec(specToState(saved, model));
    assert.deepStrictEqual(again, saved);
    const retitled = stateToSpec(reduceComposer(state, { type: 'setTitle', title: 'Renamed' }, model));
    assert.deepStrictEqual({ ...retitled, title: saved.title }, saved);
  });
});

describe('openWidgetSpec', () => {
  it('upgrades a version 1 spec and opens it', () => {
    const r = openWidgetSpec(
      { title: 'Revenue by channel', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] }, chart: 'pie', x: 'transactions.channel', y: 'transactions.revenue' },
      model,
    );
    assert.ok(r.ok);
    assert.equal(r.migratedFrom, 1);
    assert.equal(r.state.mark, 'donut');
    assert.deepEqual(r.state.encodings, { theta: { attribute: 'transactions.revenue', type: 'quantitative' }, color: { attribute: 'transactions.channel', type: 'nominal' } });
  });

  it('refuses an invalid spec, naming the field', () => {
    const r = openWidgetSpec({ version: 2, title: 'x', data: { kind: 'semantic', query: { measures: ['transactions.revenue'] } }, mark: 'bar' }, model);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /encodings\.x: bar needs encodings\.x/);
  });
});
