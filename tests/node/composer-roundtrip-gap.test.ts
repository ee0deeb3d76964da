// A date range on its own time dimension entry (no granularity) stays on its own entry, at its
// place, when the spec is opened and saved, even when another entry of the same dimension has a
// granularity; ranges the composer adds still go onto the time field's entry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateFilter, reduceComposer, specToState, stateToSpec, type ComposerState } from '../../src/composer/index.js';
import type { TimeDimension } from '../../src/contracts/query.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { WidgetSpecSchema, catalogModel, type WidgetSpec } from '../../src/widgets/index.js';
import { customers, transactions } from '../components/support/adapters.js';
import { clvDataModel } from '../../src/model/clv-model.js';

const model = catalogModel();

function lineSpec(timeDimensions: TimeDimension[]): WidgetSpec {
  return WidgetSpecSchema.parse({
    version: 2,
    title: 'Revenue by month',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions } },
    mark: 'line',
    encodings: { x: { field: 'transactions.ts.month', type: 'temporal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
  });
}
const timeDimensionsOf = (spec: WidgetSpec) => (spec.data.kind === 'semantic' ? spec.data.query.timeDimensions : assert.fail('not semantic'));

describe('date ranges on their own time dimension entry', () => {
  it('come back on their own entry after the granular one of the same dimension', () => {
    const spec = lineSpec([
      { dimension: 'transactions.ts', granularity: 'month' },
      { dimension: 'transactions.ts', dateRange: 'last 90 days' },
    ]);
    const state = specToState(spec, model);
    assert.deepEqual(state.filters, [{ kind: 'date', member: 'transactions.ts', range: 'last 90 days', exclude: false, placement: 'timeDimension', ownEntry: 1 }]);
    assert.deepStrictEqual(stateToSpec(state), spec);
  });

  it('keep their place before a granular entry, and among entries of other dimensions', () => {
    const before = lineSpec([
      { dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-03-31'] },
      { dimension: 'transactions.ts', granularity: 'month' },
    ]);
    assert.deepStrictEqual(stateToSpec(specToState(before, model)), before);

    const mixed = lineSpec([
      { dimension: 'transactions.ts', granularity: 'month', dateRange: 'last 12 months' },
      { dimension: 'transactions.order_date', dateRange: ['2024-01-01', '2024-06-30'] },
      { dimension: 'transactions.ts', dateRange: 'this year' },
    ]);
    const state = specToState(mixed, model);
    assert.deepEqual(
      state.filters.map((f) => (f.kind === 'date' ? [f.member, f.ownEntry] : f.kind)),
      [
        ['transactions.ts', undefined],
        ['transactions.order_date', 1],
        ['transactions.ts', 2],
      ],
    );
    assert.deepStrictEqual(stateToSpec(state), mixed);
    // Edits elsewhere leave the entries as they were.
    const retitled = stateToSpec(reduceComposer(state, { type: 'setTitle', title: 'Renamed' }, model));
    assert.deepStrictEqual({ ...retitled, title: mixed.title }, mixed);
  });

  it('still merge a range the composer adds onto the time field, and append one with no field', () => {
    const spec = lineSpec([{ dimension: 'transactions.ts', granularity: 'month' }]);
    let state = reduceComposer(specToState(spec, model), { type: 'addFilter', filter: dateFilter('transactions.ts', 'last 30 days') }, model);
    state = reduceComposer(state, { type: 'addFilter', filter: dateFilter('transactions.order_date', ['2024-01-01', '2024-01-31']) }, model);
    assert.deepEqual(timeDimensionsOf(stateToSpec(state)), [
      { dimension: 'transactions.ts', granularity: 'month', dateRange: 'last 30 days' },
      { dimension: 'transactions.order_date', dateRange: ['2024-01-01', '2024-01-31'] },
    ]);
  });

  it('keep a valid place when the fields before them are gone', () => {
    const spec = lineSpec([
      { dimension: 'transactions.ts', granularity: 'month' },
      { dimension: 'transactions.order_date', granularity: 'week' },
      { dimension: 'transactions.ts', dateRange: 'last 90 days' },
    ]);
    const state: ComposerState = { ...specToState(spec, model), fields: [{ kind: 'measure', member: 'transactions.revenue' }], encodings: {} };
    assert.deepEqual(timeDimensionsOf(stateToSpec(state)), [{ dimension: 'transactions.ts', dateRange: 'last 90 days' }]);
  });

  it('run the same query as the spec they came from', async () => {
    const spec = lineSpec([
      { dimension: 'transactions.ts', granularity: 'month' },
      { dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-02-29'] },
    ]);
    const saved = stateToSpec(specToState(spec, model));
    assert.ok(saved.data.kind === 'semantic' && spec.data.kind === 'semantic');
    const adapter = new MemoryAdapter(clvDataModel, { customers, transactions });
    const rows = (await adapter.query(saved.data.query)).rows;
    assert.deepEqual(rows, (await adapter.query(spec.data.query)).rows);
    assert.deepEqual(rows, [
      { 'transactions.ts.month': '2024-01-01', 'transactions.revenue': 165.75 },
      { 'transactions.ts.month': '2024-02-01', 'transactions.revenue': 99.75 },
    ]);
  });
});
