// Grid operations: worked examples of moves, swaps and resizes, and properties over random edit
// sequences (no overlaps, inside the grid, every id kept, nothing left that could rise).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compact,
  duplicateWidget,
  grow,
  moveWidget,
  nudge,
  overlaps,
  placeNew,
  resizeWidget,
  validateLayout,
  type Direction,
  type LayoutItem,
} from '../../src/dashboards/layout.js';
import { GRID_COLUMNS, type Layout } from '../../src/dashboards/spec.js';

const item = (id: string, x: number, y: number, w: number, h: number): LayoutItem => ({ id, layout: { x, y, w, h } });
const at = (items: readonly LayoutItem[], id: string): Layout => items.find((i) => i.id === id)!.layout;
const frozen = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
};

/** Whether some widget could move up one row without overlapping another. */
function canRise(items: readonly LayoutItem[]): string | undefined {
  for (const a of items) {
    if (a.layout.y === 0) continue;
    const up = { ...a.layout, y: a.layout.y - 1 };
    if (!items.some((b) => b.id !== a.id && overlaps(b.layout, up))) return a.id;
  }
  return undefined;
}

function assertGrid(items: readonly LayoutItem[], ids: readonly string[]): void {
  assert.deepEqual(
    items.map((i) => i.id),
    ids,
  );
  assert.deepEqual(validateLayout(items), []);
  for (const { layout: l } of items) {
    assert.ok(l.x >= 0 && l.y >= 0 && l.w >= 1 && l.h >= 1 && l.h <= 24 && l.x + l.w <= GRID_COLUMNS, JSON.stringify(l));
  }
  assert.equal(canRise(items), undefined, 'compaction leaves no widget that could move up');
}

// A  A  B  B      (each letter: 6 columns x 2 rows, except C, which spans the grid)
// C  C  C  C
const grid = frozen([item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2), item('c', 0, 2, 12, 2)]);

describe('compact', () => {
  it('lifts every widget until something stops it, keeping the input order', () => {
    const out = compact([item('a', 0, 5, 4, 2), item('b', 4, 9, 4, 3), item('c', 0, 10, 6, 1)]);
    assert.deepEqual(out, [item('a', 0, 0, 4, 2), item('b', 4, 0, 4, 3), item('c', 0, 3, 6, 1)]);
  });

  it('separates widgets that overlap', () => {
    const out = compact([item('a', 0, 0, 6, 3), item('b', 2, 1, 6, 2)]);
    assert.deepEqual(at(out, 'b'), { x: 2, y: 3, w: 6, h: 2 });
  });
});

describe('moveWidget', () => {
  it('pushes the widgets in the way down and never mutates its input', () => {
    const out = moveWidget(grid, 'c', { x: 0, y: 0 });
    assert.deepEqual(at(out, 'c'), { x: 0, y: 0, w: 12, h: 2 });
    assert.deepEqual(at(out, 'a'), { x: 0, y: 2, w: 6, h: 2 });
    assert.deepEqual(at(out, 'b'), { x: 6, y: 2, w: 6, h: 2 });
    assert.deepEqual(at(grid, 'c'), { x: 0, y: 2, w: 12, h: 2 });
  });

  it('moving down onto a widget swaps the two', () => {
    const col = [item('top', 0, 0, 4, 2), item('bottom', 0, 2, 4, 3), item('side', 4, 0, 8, 5)];
    const out = moveWidget(col, 'top', { x: 0, y: 3 });
    assert.deepEqual(at(out, 'bottom'), { x: 0, y: 0, w: 4, h: 3 });
    assert.deepEqual(at(out, 'top'), { x: 0, y: 3, w: 4, h: 2 });
  });

  it('clamps to the grid', () => {
    const out = moveWidget(grid, 'a', { x: 11, y: -4 });
    assert.deepEqual(at(out, 'a'), { x: 6, y: 0, w: 6, h: 2 });
    assert.deepEqual(at(out, 'b'), { x: 6, y: 2, w: 6, h: 2 });
    assert.throws(() => moveWidget(grid, 'nope', { x: 0, y: 0 }), /no widget "nope"/);
  });
});

describe('resizeWidget and grow', () => {
  it('keeps x, clamps the size and pushes what is below', () => {
    const out = resizeWidget(grid, 'b', { w: 20, h: 30 });
    assert.deepEqual(at(out, 'b'), { x: 6, y: 0, w: 6, h: 24 });
    assert.deepEqual(at(out, 'c'), { x: 0, y: 24, w: 12, h: 2 });
    assert.deepEqual(at(resizeWidget(grid, 'a', { w: 0, h: 0 }), 'a'), { x: 0, y: 0, w: 1, h: 1 });
  });

  it('grows right/down and shrinks left/up by one cell', () => {
    const g = [item('a', 0, 0, 4, 2), item('b', 0, 2, 4, 2)];
    assert.deepEqual(at(grow(g, 'a', 'right'), 'a'), { x: 0, y: 0, w: 5, h: 2 });
    assert.deepEqual(at(grow(g, 'a', 'left'), 'a'), { x: 0, y: 0, w: 3, h: 2 });
    const taller = grow(g, 'a', 'down');
    assert.deepEqual(at(taller, 'a'), { x: 0, y: 0, w: 4, h: 3 });
    assert.deepEqual(at(taller, 'b'), { x: 0, y: 3, w: 4, h: 2 });
    assert.deepEqual(at(grow(g, 'a', 'up'), 'a'), { x: 0, y: 0, w: 4, h: 1 });
    assert.deepEqual(at(grow(g, 'b', 'up'), 'b'), { x: 0, y: 2, w: 4, h: 1 });
  });
});

describe('nudge', () => {
  it('up past the widget above swaps them', () => {
    const out = nudge(grid, 'c', 'up');
    assert.deepEqual(at(out, 'c'), { x: 0, y: 0, w: 12, h: 2 });
    assert.deepEqual(at(out, 'a'), { x: 0, y: 2, w: 6, h: 2 });
    assert.deepEqual(at(out, 'b'), { x: 6, y: 2, w: 6, h: 2 });
    assert.deepEqual(nudge(grid, 'a', 'up'), grid, 'the top row stays put');
  });

  it('up past a taller widget moves above it', () => {
    const g = [item('tall', 0, 0, 6, 5), item('low', 0, 5, 6, 2)];
    const out = nudge(g, 'low', 'up');
    assert.deepEqual(at(out, 'low'), { x: 0, y: 0, w: 6, h: 2 });
    assert.deepEqual(at(out, 'tall'), { x: 0, y: 2, w: 6, h: 5 });
  });

  it('down moves below the widget(s) under it, and is undone by up', () => {
    // c cannot rise past b, so a goes below c and leaves its cells empty.
    const out = nudge(grid, 'a', 'down');
    assert.deepEqual(out, [item('a', 0, 4, 6, 2), item('b', 6, 0, 6, 2), item('c', 0, 2, 12, 2)]);
    assert.deepEqual(nudge(nudge(grid, 'c', 'up'), 'c', 'down'), grid);
    // A wide widget over two narrower ones goes below both.
    const g = [item('wide', 0, 0, 12, 2), item('l', 0, 2, 6, 3), item('r', 6, 2, 6, 1)];
    const down = nudge(g, 'wide', 'down');
    assert.deepEqual(at(down, 'wide'), { x: 0, y: 3, w: 12, h: 2 });
    assert.deepEqual(at(down, 'l'), { x: 0, y: 0, w: 6, h: 3 });
    assert.deepEqual(nudge(down, 'wide', 'down'), down, 'nothing below: gravity keeps it');
  });

  it('left and right shift one column, within the grid', () => {
    const g = [item('a', 0, 0, 4, 2), item('b', 8, 0, 4, 2)];
    assert.deepEqual(at(nudge(g, 'a', 'right'), 'a'), { x: 1, y: 0, w: 4, h: 2 });
    assert.deepEqual(nudge(g, 'a', 'left'), g);
    assert.deepEqual(nudge(g, 'b', 'right'), g);
    const pushed = nudge(grid, 'a', 'right');
    assert.deepEqual(at(pushed, 'a'), { x: 1, y: 0, w: 6, h: 2 });
    assert.deepEqual(at(pushed, 'b'), { x: 6, y: 2, w: 6, h: 2 });
    assert.deepEqual(at(pushed, 'c'), { x: 0, y: 4, w: 12, h: 2 });
  });
});

describe('placeNew and duplicateWidget', () => {
  it('finds the first free spot, rows top to bottom, left to right', () => {
    const g = [item('a', 0, 0, 4, 2), item('b', 8, 0, 4, 4), item('c', 0, 2, 8, 2)];
    assert.deepEqual(placeNew(g, { w: 4, h: 2 }), { x: 4, y: 0, w: 4, h: 2 });
    assert.deepEqual(placeNew(g, { w: 5, h: 1 }), { x: 0, y: 4, w: 5, h: 1 });
    assert.deepEqual(placeNew([], { w: 40, h: 0 }), { x: 0, y: 0, w: 12, h: 1 });
  });

  it('copies a widget (deeply) under a fresh id, right after it in the list', () => {
    const widgets: Array<LayoutItem & { spec?: { title: string } }> = [{ ...item('a', 0, 0, 6, 2), spec: { title: 'A' } }, item('a-copy', 6, 0, 6, 2)];
    const out = duplicateWidget(widgets, 'a');
    assert.deepEqual(
      out.map((w) => w.id),
      ['a', 'a-copy-2', 'a-copy'],
    );
    const copy = out[1]!;
    assert.deepEqual(copy.layout, { x: 0, y: 2, w: 6, h: 2 });
    assert.deepEqual(copy.spec, { title: 'A' });
    assert.notEqual(copy.spec, widgets[0]!.spec);
    assert.throws(() => duplicateWidget(widgets, 'a', 'a-copy'), /already on the grid/);
    assertGrid(out, ['a', 'a-copy-2', 'a-copy']);
  });
});

describe('validateLayout', () => {
  it('lists duplicate ids, cells off the grid and overlaps', () => {
    const problems = validateLayout([item('a', 0, 0, 6, 2), item('a', 8, 0, 6, 2), item('c', 3, 1, 2, 2)]);
    assert.deepEqual(problems, [
      { index: 1, id: 'a', message: 'the id "a" is also used by widget 0' },
      { index: 1, id: 'a', message: 'w: x + w must not exceed 12 columns' },
      { index: 2, id: 'c', message: 'overlaps widget "a"' },
    ]);
  });
});

describe('properties over random edits', () => {
  const size = fc.record({ w: fc.integer({ min: 1, max: 12 }), h: fc.integer({ min: 1, max: 6 }) });
  const direction = fc.constantFrom<Direction>('left', 'right', 'up', 'down');
  const op = (n: number) =>
    fc.oneof(
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(n - 1), x: fc.integer({ min: -3, max: 14 }), y: fc.integer({ min: -3, max: 30 }) }),
      fc.record({ kind: fc.constant('resize' as const), i: fc.nat(n - 1), w: fc.integer({ min: -1, max: 14 }), h: fc.integer({ min: -1, max: 26 }) }),
      fc.record({ kind: fc.constant('nudge' as const), i: fc.nat(n - 1), key: direction }),
      fc.record({ kind: fc.constant('grow' as const), i: fc.nat(n - 1), key: direction }),
    );
  const scenario = fc.array(size, { minLength: 1, maxLength: 9 }).chain((sizes) =>
    fc.record({ sizes: fc.constant(sizes), ops: fc.array(op(sizes.length), { maxLength: 25 }) }),
  );

  it('no overlaps, inside the grid, all ids kept, nothing could rise; inputs untouched', () => {
    fc.assert(
      fc.property(scenario, ({ sizes, ops }) => {
        let items: LayoutItem[] = [];
        for (const [i, s] of sizes.entries()) items = [...items, { id: `w${i}`, layout: placeNew(items, s) }];
        const ids = items.map((i) => i.id);
        assertGrid(items, ids);
        for (const o of ops) {
          const before = frozen(items);
          const snapshot = JSON.stringify(before);
          const id = ids[o.i]!;
          if (o.kind === 'move') items = moveWidget(before, id, o);
          else if (o.kind === 'resize') items = resizeWidget(before, id, o);
          else if (o.kind === 'nudge') items = nudge(before, id, o.key);
          else items = grow(before, id, o.key);
          assert.equal(JSON.stringify(before), snapshot);
          assertGrid(items, ids);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('compaction is idempotent, and a widget moved to the top stays there', () => {
    fc.assert(
      fc.property(scenario, ({ sizes }) => {
        let items: LayoutItem[] = [];
        for (const [i, s] of sizes.entries()) items = [...items, { id: `w${i}`, layout: placeNew(items, s) }];
        assert.deepEqual(compact(items), items, 'placeNew leaves a compact grid');
        for (const { id } of items) {
          const moved = moveWidget(items, id, { x: 0, y: 0 });
          assert.deepEqual(compact(moved), moved);
          assert.equal(at(moved, id).y, 0, 'a widget moved to the top stays there');
        }
      }),
      { numRuns: 200 },
    );
  });
});
