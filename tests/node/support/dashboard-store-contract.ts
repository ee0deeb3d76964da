// The behaviour every DashboardStore promises, as one suite run against each implementation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DashboardStoreError, type DashboardStore, type DashboardStoreErrorCode } from '../../../src/dashboards/store.js';
import { dashboardSpec, steppingClock, unchecked } from './dashboard-fixtures.js';

export interface StoreUnderTest {
  /** A new client of the same dashboards: another tab, another user of the same server. */
  client(): DashboardStore;
}

/** Opens empty dashboards whose updatedAt comes from `now`. */
export type OpenStore = (now: () => Date) => StoreUnderTest | Promise<StoreUnderTest>;

export async function rejection(p: Promise<unknown>, code: DashboardStoreErrorCode): Promise<DashboardStoreError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DashboardStoreError, `expected a DashboardStoreError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected a rejection with ${code}`);
}

export function dashboardStoreContract(name: string, open: OpenStore): void {
  describe(`${name}: the DashboardStore contract`, () => {
    const setup = async () => {
      const clock = steppingClock();
      const backend = await open(clock.now);
      return { store: backend.client(), backend, readings: clock.readings };
    };

    test('create, get, list, rename and save, delete', async () => {
      const { store, readings } = await setup();
      const created = await store.create(dashboardSpec('sales', 'Sales'));
      assert.equal(created.revision, 1);
      assert.equal(created.updatedAt, '2025-01-15T09:00:00.000Z');
      assert.equal(created.spec.widgets.length, 2);

      const loaded = await store.get('sales');
      assert.deepEqual(loaded, created);
      assert.deepEqual(await store.list(), [
        { id: 'sales', name: 'Sales', description: 'Sales: revenue trend and tiers', widgetCount: 2, revision: 1, updatedAt: '2025-01-15T09:00:00.000Z' },
      ]);

      const renamed = await store.save({ ...loaded.spec, name: 'Sales by tier', widgets: loaded.spec.widgets.slice(1) }, loaded.revision);
      assert.equal(renamed.revision, 2);
      assert.equal(renamed.updatedAt, readings[1]);
      assert.equal(renamed.updatedAt, '2025-01-15T09:01:00.000Z');
      assert.equal((await store.get('sales')).spec.name, 'Sales by tier');
      assert.deepEqual(
        (await store.list()).map((s) => [s.id, s.name, s.widgetCount, s.revision]),
        [['sales', 'Sales by tier', 1, 2]],
      );

      await store.delete('sales');
      await rejection(store.get('sales'), 'not_found');
      assert.deepEqual(await store.list(), []);
      await rejection(store.delete('sales'), 'not_found');
    });

    test('list is sorted by name as people read it, then by id', async () => {
      const { store } = await setup();
      for (const [id, n] of [
        ['zeta', 'Zeta'],
        ['s2', 'Sales'],
        ['eg', 'Églantine'],
        ['s1', 'Sales'],
        ['alpha', 'Alpha'],
      ]) {
        await store.create(dashboardSpec(id!, n!));
      }
      // Code-point order would put "Églantine" after "Zeta".
      assert.deepEqual(
        (await store.list()).map((s) => s.id),
        ['alpha', 'eg', 's1', 's2', 'zeta'],
      );
    });

    test('revisions count saves; a taken id and an unknown id are refused', async () => {
      const { store } = await setup();
      const spec = dashboardSpec('ops', 'Ops');
      let current = await store.create(spec);
      for (const expected of [2, 3, 4]) {
        current = await store.save({ ...current.spec, rowHeight: 60 + expected }, current.revision);
        assert.equal(current.revision, expected);
      }
      assert.equal((await store.get('ops')).spec.rowHeight, 64);
      const exists = await rejection(store.create(dashboardSpec('ops', 'Other ops')), 'exists');
      assert.match(exists.message, /"ops"/);
      assert.equal((await store.get('ops')).spec.name, 'Ops');
      await rejection(store.save(dashboardSpec('nope', 'Nope'), 1), 'not_found');
    });

    test('two clients: the second save from an old revision is a conflict carrying the first', async () => {
      const { backend } = await setup();
      const a = backend.client();
      const b = backend.client();
      await a.create(dashboardSpec('shared', 'Shared'));
      const seenByA = await a.get('shared');
      const seenByB = await b.get('shared');
      assert.equal(seenByA.revision, 1);
      assert.equal(seenByB.revision, 1);

      const savedByA = await a.save({ ...seenByA.spec, name: 'Shared (A)' }, 1);
      assert.equal(savedByA.revision, 2);

      const conflict = await rejection(b.save({ ...seenByB.spec, name: 'Shared (B)' }, 1), 'conflict');
      assert.deepEqual(conflict.current, savedByA);
      assert.equal(conflict.current?.spec.name, 'Shared (A)');
      assert.match(conflict.message, /revision 2/);
      assert.equal((await a.get('shared')).spec.name, 'Shared (A)', 'nothing was overwritten');

      const reloaded = await b.get('shared');
      const savedByB = await b.save({ ...reloaded.spec, name: 'Shared (A+B)' }, reloaded.revision);
      assert.equal(savedByB.revision, 3);
      assert.equal((await a.get('shared')).spec.name, 'Shared (A+B)');
    });

    test('an invalid spec is refused naming the field, and nothing is stored', async () => {
      const { store } = await setup();
      const good = dashboardSpec('grid', 'Grid');
      const overflow = { ...good, widgets: [{ ...good.widgets[0]!, layout: { x: 8, y: 0, w: 6, h: 4 } }] };
      const e = await rejection(store.create(overflow), 'invalid');
      assert.equal(e.field, 'widgets.0.layout.w');
      assert.match(e.message, /widgets\.0\.layout\.w: x \+ w must not exceed 12 columns/);
      await rejection(store.get('grid'), 'not_found');

      const nameless = await rejection(store.create(unchecked({ ...good, name: '  ' })), 'invalid');
      assert.equal(nameless.field, 'name');
      assert.match(nameless.message, /name: a dashboard needs a name/);

      await store.create(good);
      const twice = await rejection(store.save({ ...good, widgets: [good.widgets[0]!, { ...good.widgets[1]!, id: 'trend' }] }, 1), 'invalid');
      assert.equal(twice.field, 'widgets.1.id');
      assert.match(twice.message, /widget id "trend" is used twice/);
      const badRevision = await rejection(store.save(good, 0), 'invalid');
      assert.equal(badRevision.field, 'baseRevision');
      assert.equal((await store.get('grid')).revision, 1);
    });

    test('results are copies: mutating them, or the spec given, never changes the store', async () => {
      const { store } = await setup();
      const spec = dashboardSpec('copy', 'Copy');
      const created = await store.create(spec);
      spec.name = 'changed input';
      spec.widgets[0]!.layout.w = 1;
      created.spec.name = 'changed result';
      created.spec.widgets.pop();
      const loaded = await store.get('copy');
      assert.equal(loaded.spec.name, 'Copy');
      assert.equal(loaded.spec.widgets.length, 2);
      assert.equal(loaded.spec.widgets[0]!.layout.w, 6);
      loaded.spec.filters.global.push({ id: 'x', label: 'X', member: 'customers.country', options: { kind: 'sql', sql: 'SELECT 1', valueField: 'a', labelField: 'a' }, default: [] });
      assert.equal((await store.get('copy')).spec.filters.global.length, 0);

      await store.save({ ...loaded.spec, filters: { global: [] }, name: 'Copy 2' }, 1);
      const conflict = await rejection(store.save(loaded.spec, 1), 'conflict');
      conflict.current!.spec.name = 'changed conflict';
      assert.equal((await store.get('copy')).spec.name, 'Copy 2');
    });

    test('an aborted signal rejects with its reason', async () => {
      const { store } = await setup();
      const controller = new AbortController();
      const reason = new Error('left the page');
      controller.abort(reason);
      await assert.rejects(store.list({ signal: controller.signal }), (e) => e === reason);
      await assert.rejects(store.create(dashboardSpec('late', 'Late'), { signal: controller.signal }), (e) => e === reason);
      await rejection(store.get('late'), 'not_found');
    });
  });
}
