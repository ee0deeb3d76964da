// Undo and redo: steps, no-op actions, typing runs, the bound on the number of steps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HISTORY_LIMIT,
  applyToHistory,
  canRedo,
  canUndo,
  emptyComposerState,
  startHistory,
  stateToSpec,
  type ComposerHistory,
  type HistoryAction,
} from '../../src/composer/index.js';
import { catalogModel } from '../../src/widgets/index.js';

const model = catalogModel();
const apply = (h: ComposerHistory, actions: HistoryAction[]) => actions.reduce((x, a) => applyToHistory(x, a, model), h);

const compose: HistoryAction[] = [
  { type: 'chooseTable', table: 'customer_clv' },
  { type: 'assign', channel: 'x', attribute: 'customer_clv.clv_decile' },
  { type: 'assign', channel: 'y', attribute: 'customer_clv.clv_total' },
  { type: 'setMark', mark: 'line' },
];

describe('composer history', () => {
  it('undoes and redoes each step, and a new edit after undo drops the redo steps', () => {
    const start = startHistory(emptyComposerState());
    const done = apply(start, compose);
    assert.equal(done.past.length, 4);
    assert.equal(done.present.mark, 'line');
    const back = apply(done, [{ type: 'undo' }, { type: 'undo' }]);
    assert.equal(back.present.mark, 'bar');
    assert.deepEqual(Object.keys(back.present.encodings), ['x']);
    assert.ok(canRedo(back));
    const forward = apply(back, [{ type: 'redo' }, { type: 'redo' }]);
    assert.equal(forward.present, done.present);
    assert.ok(!canRedo(forward));
    const branched = apply(back, [{ type: 'setMark', mark: 'point' }]);
    assert.ok(!canRedo(branched));
    assert.equal(branched.present.mark, 'point');
    assert.deepEqual(stateToSpec(branched.present).encodings, { x: { field: 'customer_clv.clv_decile', type: 'ordinal' } });
    const all = apply(done, compose.map(() => ({ type: 'undo' as const })));
    assert.equal(all.present, start.present);
    assert.ok(!canUndo(all));
    assert.equal(applyToHistory(all, { type: 'undo' }, model), all);
    assert.equal(applyToHistory(forward, { type: 'redo' }, model), forward);
  });

  it('adds no step for an action that changes nothing', () => {
    const done = apply(startHistory(emptyComposerState()), compose);
    for (const noop of [
      { type: 'assign', channel: 'x', attribute: 'customer_clv.clv_decile' },
      { type: 'chooseTable', table: 'no_such_table' },
      { type: 'setMark', mark: 'line' },
      { type: 'assign', channel: 'theta', attribute: 'customer_clv.clv_total' },
      { type: 'setTitle', title: '' },
      { type: 'removeFilter', index: 0 },
      { type: 'setTooltip', tooltip: true },
    ] satisfies HistoryAction[]) {
      assert.equal(applyToHistory(done, noop, model), done, noop.type);
    }
  });

  it('makes one step of a run of typing in one field', () => {
    const start = startHistory(emptyComposerState());
    const typed = apply(start, [
      { type: 'setTitle', title: 'C' },
      { type: 'setTitle', title: 'CL' },
      { type: 'setTitle', title: 'CLV' },
      { type: 'setDescription', description: 'T' },
      { type: 'setDescription', description: 'Total' },
    ]);
    assert.equal(typed.past.length, 2);
    const undone = apply(typed, [{ type: 'undo' }]);
    assert.deepEqual([undone.present.title, undone.present.description], ['CLV', undefined]);
    assert.equal(apply(undone, [{ type: 'undo' }]).present.title, '');
    // Typing after an undo starts a new step.
    const retyped = apply(undone, [{ type: 'setDescription', description: 'A' }, { type: 'setDescription', description: 'AB' }]);
    assert.equal(retyped.past.length, 2);
    // Typed back to where the run began: the step is gone.
    const erased = apply(start, [{ type: 'setTitle', title: 'X' }, { type: 'setTitle', title: '' }]);
    assert.equal(erased.past.length, 0);
    assert.equal(erased.present.title, '');
  });

  it('takes an SQL run as no step, and gives its columns to the steps with the same SQL', () => {
    const result = {
      columns: [
        { name: 'decile', label: 'decile', type: 'integer' as const, role: 'dimension' as const },
        { name: 'total', label: 'total', type: 'number' as const, role: 'measure' as const },
      ],
      rows: [
        { decile: 1, total: 500 },
        { decile: 2, total: 300 },
      ],
    };
    const sql = 'SELECT clv_decile AS decile, sum(clv) AS total FROM customer_clv GROUP BY 1';
    const typed = apply(startHistory(emptyComposerState('sql')), [{ type: 'setSql', sql }, { type: 'setTitle', title: 'By decile' }]);
    assert.equal(typed.past.length, 2);
    const ran = apply(typed, [{ type: 'setSqlResult', result }]);
    assert.equal(ran.past.length, 2, 'a run adds no step');
    assert.deepEqual(ran.present.sqlColumns.map((c) => [c.key, c.fieldType]), [['decile', 'ordinal'], ['total', 'quantitative']]);
    const undone = apply(ran, [{ type: 'undo' }]);
    assert.equal(undone.present.title, '');
    assert.deepEqual(undone.present.sqlColumns.map((c) => c.key), ['decile', 'total'], 'undoing the title keeps the columns of the same SQL');
    const beforeSql = apply(undone, [{ type: 'undo' }]);
    assert.deepEqual(beforeSql.present.sqlColumns, [], 'a step with other SQL keeps its own columns');
    // Typing after a run is a new step, not part of the typing before it.
    const retyped = apply(ran, [{ type: 'setSql', sql: `${sql} ORDER BY 1` }]);
    assert.equal(retyped.past.length, 3);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const start = startHistory(emptyComposerState());
    // Alternating marks: every action is its own step (no typing run merges them).
    const marks = Array.from({ length: 130 }, (_, i): HistoryAction => ({ type: 'setMark', mark: i % 2 === 0 ? 'line' : 'bar' }));
    const long = apply(start, [{ type: 'setLegend', legend: { title: 'T' } }, ...marks]);
    assert.equal(long.past.length, HISTORY_LIMIT);
    const oldest = apply(long, Array.from({ length: HISTORY_LIMIT }, () => ({ type: 'undo' as const })));
    // 131 steps, of which the first 31 are forgotten: the oldest reachable state is the one after the
    // 31st step, the 30th mark (i = 29: "bar"), with the legend of the first step still set.
    assert.equal(oldest.present.mark, 'bar');
    assert.deepEqual(oldest.present.properties.legend, { placement: 'top', title: 'T' });
    assert.ok(!canUndo(oldest));
    const five: HistoryAction[] = (['line', 'area', 'point', 'tick', 'donut'] as const).map((mark) => ({ type: 'setMark', mark }));
    const small = apply(startHistory(emptyComposerState(), 3), five);
    assert.deepEqual(small.past.map((s) => s.mark), ['area', 'point', 'tick']);
    // A number typed digit by digit is one step too.
    const typed = apply(start, [{ type: 'setLimit', limit: 5 }, { type: 'setLimit', limit: 50 }, { type: 'setLimit', limit: 500 }]);
    assert.deepEqual([typed.past.length, typed.present.query.limit], [1, 500]);
  });
});
