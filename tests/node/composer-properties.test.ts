// Properties of the composer over random action sequences (fast-check): explainState reports nothing
// exactly when the spec parses (in its parsed form already) and its query plans; such a spec opens
// and saves unchanged; the reducer never changes its input; undo back to the start gives the start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applyToHistory,
  canUndo,
  dateFilter,
  emptyComposerState,
  explainState,
  specToState,
  startHistory,
  stateToSpec,
  tableAttributes,
  valuesFilter,
  type ComposerFilter,
  type ComposerState,
  type HistoryAction,
} from '../../src/composer/index.js';
import { planQuery } from '../../src/query/plan.js';
import { ENCODING_CHANNELS, WidgetMark, WidgetSpecSchema, catalogModel, widgetCatalog, type EncodingSort } from '../../src/widgets/index.js';

const model = catalogModel();
const TABLES = ['transactions', 'customer_clv', 'category_deciles_flat', 'email_events'];
const SQL_COLUMNS = ['decile', 'profiles', 'campaign', 'day'];
const keys = [...new Set(TABLES.flatMap((t) => tableAttributes(model, t).map((a) => a.key)))];

const sqlResult = {
  columns: [
    { name: 'decile', label: 'decile', type: 'integer' as const, role: 'measure' as const },
    { name: 'profiles', label: 'profiles', type: 'integer' as const, role: 'measure' as const },
    { name: 'campaign', label: 'campaign', type: 'string' as const, role: 'dimension' as const },
    { name: 'day', label: 'day', type: 'date' as const, role: 'time' as const },
  ],
  rows: Array.from({ length: 10 }, (_, i) => ({ decile: i + 1, profiles: 500 + i, campaign: `c${i % 3}`, day: `2024-01-0${(i % 9) + 1}` })),
};

const member = fc.constantFrom(...keys);
const attribute = fc.constantFrom(...keys, ...SQL_COLUMNS);
const channel = fc.constantFrom(...ENCODING_CHANNELS);
const granularity = fc.constantFrom('day', 'week', 'month', 'quarter', 'year', undefined);
const filter: fc.Arbitrary<ComposerFilter> = fc.oneof(
  fc.record({ m: member, values: fc.subarray(['Gold', 'web', 'Books', '12', 3, true]), exclude: fc.boolean() }).map(({ m, values, exclude }) => valuesFilter(m, values, exclude)),
  fc.record({
    kind: fc.constant('range' as const),
    member,
    lower: fc.option(fc.record({ value: fc.integer({ min: -5, max: 500 }), inclusive: fc.boolean() }), { nil: undefined }),
    upper: fc.option(fc.record({ value: fc.integer({ min: 0, max: 1000 }), inclusive: fc.boolean() }), { nil: undefined }),
  }).map(({ lower, upper, ...rest }): ComposerFilter => ({ ...rest, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) })),
  fc
    .record({ m: member, range: fc.constantFrom<string | [string, string]>('last 90 days', 'this month', 'yesterday', ['2024-01-01', '2024-03-31'], ['2024-02-30', '2024-03-01']), exclude: fc.boolean() })
    .map(({ m, range, exclude }) => dateFilter(m, range, exclude)),
  fc.constant<ComposerFilter>({
    kind: 'advanced',
    node: { or: [{ member: 'customers.loyalty_tier', operator: 'equals', values: ['Gold'] }, { member: 'customers.country', operator: 'in', values: ['GB', 'US'] }] },
  }),
);

const action: fc.Arbitrary<HistoryAction> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('chooseTable' as const), table: fc.constantFrom(...TABLES, 'nope') }) },
  { weight: 8, arbitrary: fc.record({ type: fc.constant('assign' as const), channel, attribute, granularity }).map(({ granularity: g, ...a }) => (g ? { ...a, granularity: g } : a)) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('unassign' as const), channel }) },
  { weight: 2, arbitrary: fc.constant({ type: 'swapXY' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setAggregate' as const), channel, aggregate: fc.constantFrom('count', 'distinct', 'sum', 'mean', 'median', 'min', 'max', undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setBin' as const), channel, bin: fc.constantFrom(true as const, { maxbins: 12 }, undefined) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setGranularity' as const), channel, granularity }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setFieldType' as const), channel, fieldType: fc.constantFrom('quantitative', 'temporal', 'ordinal', 'nominal') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setSort' as const), channel, sort: fc.constantFrom<EncodingSort | undefined>('ascending', 'descending', '-x', 'y', '-color', ['Gold', 'Silver'], undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setChannelTitle' as const), channel, title: fc.constantFrom('Tier', '', undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setChannelFormat' as const), channel, format: fc.constantFrom('$,.0f', undefined) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('setMark' as const), mark: fc.constantFrom(...WidgetMark.options) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('addField' as const), attribute, granularity }).map(({ granularity: g, ...a }) => (g ? { ...a, granularity: g } : a)) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('removeField' as const), key: fc.constantFrom(...keys, 'transactions.ts.month') }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('addFilter' as const), filter }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('updateFilter' as const), index: fc.nat(2), filter }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('removeFilter' as const), index: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setOrder' as const), order: fc.array(fc.tuple(member, fc.constantFrom('asc' as const, 'desc' as const)), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setLimit' as const), limit: fc.constantFrom(0, 100, 10_000, 60_000) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setTitle' as const), title: fc.constantFrom('', 'Revenue', 'CLV by decile') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setDescription' as const), description: fc.constantFrom('About it', undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setLegend' as const), legend: fc.constantFrom({ placement: 'right' as const }, { title: 'Tier' }, undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setAxis' as const), axis: fc.constantFrom('x' as const, 'y' as const), options: fc.constantFrom({ title: 'T' }, { labels: false, labelAngle: -45 }, { labelAngle: 120 }, undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setNumberFormat' as const), format: fc.constantFrom(',.2f', undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setTableSort' as const), sort: fc.option(fc.record({ field: member, direction: fc.constantFrom('asc' as const, 'desc' as const) }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setTableColumns' as const), columns: fc.option(fc.array(fc.record({ field: member }), { minLength: 1, maxLength: 2 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setBigNumber' as const), options: fc.constantFrom({ comparison: { kind: 'previous-period' as const } }, { deltaKind: 'absolute' as const }, undefined) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setClick' as const), click: fc.constantFrom({ kind: 'none' as const }, { kind: 'filter' as const }, { kind: 'drill' as const, dashboardId: 'detail', parameters: { id: 'customer_clv.customer_id' } }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setMode' as const), mode: fc.constantFrom('guided' as const, 'sql' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setSql' as const), sql: fc.constantFrom('', "SELECT decile, count(*) AS profiles FROM t WHERE w = '$WINDOW' GROUP BY decile", 'SELECT 1 AS decile') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setParam' as const), name: fc.constantFrom('WINDOW', 'OTHER'), value: fc.constantFrom('12', 3) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'setSqlResult' as const, result: sqlResult }) },
  { weight: 2, arbitrary: fc.constant({ type: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'redo' as const }) },
);

const starts = [emptyComposerState(), ...widgetCatalog.map((e) => specToState(WidgetSpecSchema.parse(e.spec), model))];
const scenario = fc.record({ start: fc.constantFrom(...starts), actions: fc.array(action, { maxLength: 40 }) });

/** Whether the state's spec parses and (for a semantic query) plans against the model. */
function savable(state: ComposerState): boolean {
  const spec = stateToSpec(state);
  const parsed = WidgetSpecSchema.safeParse(spec);
  if (!parsed.success) return false;
  assert.deepStrictEqual(parsed.data, spec, 'stateToSpec writes the parsed form');
  if (spec.data.kind === 'sql') return true;
  try {
    planQuery(model, spec.data.query);
    return true;
  } catch {
    return false;
  }
}

describe('composer properties', () => {
  it('explainState reports nothing exactly when the spec parses and plans; such specs round-trip; the reducer is pure', () => {
    let clean = 0;
    fc.assert(
      fc.property(scenario, ({ start, actions }) => {
        let h = startHistory(start);
        for (const a of actions) {
          const previous = h.present;
          const before = structuredClone(previous);
          h = applyToHistory(h, a, model);
          assert.deepStrictEqual(previous, before, `${a.type} changed the state it was given`);
          const s = h.present;
          const problems = explainState(s, model);
          assert.equal(problems.length === 0, savable(s), JSON.stringify(problems));
          for (const p of problems) assert.ok(p.message.length > 0 && p.path.length > 0, JSON.stringify(p));
          if (problems.length === 0) {
            clean++;
            const spec = stateToSpec(s);
            assert.deepStrictEqual(stateToSpec(specToState(spec, model)), spec);
          }
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(clean > 100, `only ${clean} states without problems were checked`);
  });

  it('undo back to the start gives the start state (with the columns of the last run of its SQL)', () => {
    fc.assert(
      fc.property(scenario, ({ start, actions }) => {
        let h = startHistory(start);
        for (const a of actions) h = applyToHistory(h, a, model);
        while (canUndo(h)) h = applyToHistory(h, { type: 'undo' }, model);
        // An SQL run is no step: it only refreshes the columns of the steps with the same SQL.
        if (actions.some((a) => a.type === 'setSqlResult')) assert.deepStrictEqual({ ...h.present, sqlColumns: start.sqlColumns }, start);
        else assert.equal(h.present, start);
      }),
      { numRuns: 400 },
    );
  });
});
