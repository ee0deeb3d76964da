// LocalStorageDashboardStore in Node over an in-memory Storage: the store contract, the key layout,
// corrupt entries, quota errors, and change notifications (storage events and BroadcastChannel).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalStorageDashboardStore, type LocalStorageDashboardStoreOptions, type StorageLike } from '../../src/dashboards/stores/local-storage-store.js';
import { dashboardSpec, steppingClock } from './support/dashboard-fixtures.js';
import { dashboardStoreContract, rejection } from './support/dashboard-store-contract.js';

/** localStorage's behaviour in a Map: string values, key enumeration, and a quota in characters. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  constructor(
    private readonly quota = Infinity,
    /** Writes to these keys fail as if the quota were reached. */
    readonly fullFor: (key: string) => boolean = () => false,
  ) {}
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (this.fullFor(key) || used + key.length + value.length > this.quota) {
      throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const PREFIX = 'clv-kit:dashboards:';
const isolated = (storage: StorageLike, options: Partial<LocalStorageDashboardStoreOptions> = {}) =>
  new LocalStorageDashboardStore({ storage, channelName: false, storageEvents: null, ...options });

dashboardStoreContract('LocalStorageDashboardStore', (now) => {
  const storage = new MemoryStorage();
  // Each client is its own object over the same Storage, as two tabs are.
  return { client: () => isolated(storage, { now }) };
});

describe('LocalStorageDashboardStore: storage layout and reads', () => {
  test('one key per dashboard plus an index; the prefix separates stores', async () => {
    const storage = new MemoryStorage();
    const store = isolated(storage, { now: steppingClock().now });
    const created = await store.create(dashboardSpec('sales', 'Sales'));
    await store.create(dashboardSpec('ops', 'Ops'));
    assert.deepEqual([...storage.items.keys()].sort(), [`${PREFIX}dashboard:ops`, `${PREFIX}dashboard:sales`, `${PREFIX}index`]);
    assert.deepEqual(JSON.parse(storage.getItem(`${PREFIX}dashboard:sales`)!), created);
    assert.deepEqual(JSON.parse(storage.getItem(`${PREFIX}index`)!), ['sales', 'ops']);
    await store.delete('sales');
    assert.deepEqual(JSON.parse(storage.getItem(`${PREFIX}index`)!), ['ops']);
    assert.deepEqual(await isolated(storage, { prefix: 'elsewhere:' }).list(), []);
  });

  test('every read goes to storage, so a write by another tab is seen and a stale save conflicts', async () => {
    const storage = new MemoryStorage();
    const mine = isolated(storage, { now: steppingClock().now });
    const loaded = await mine.create(dashboardSpec('sales', 'Sales'));
    // Another tab (its own store object and clock) saves revision 2.
    const otherTab = isolated(storage, { now: () => new Date('2025-02-01T12:00:00.000Z') });
    await otherTab.save({ ...loaded.spec, name: 'Sales (other tab)' }, 1);
    assert.equal((await mine.list())[0]!.name, 'Sales (other tab)');
    const conflict = await rejection(mine.save({ ...loaded.spec, name: 'Sales (mine)' }, loaded.revision), 'conflict');
    assert.equal(conflict.current?.revision, 2);
    assert.equal(conflict.current?.updatedAt, '2025-02-01T12:00:00.000Z');
    assert.equal(JSON.parse(storage.getItem(`${PREFIX}dashboard:sales`)!).spec.name, 'Sales (other tab)');
  });

  test('a corrupt entry is reported, listed as broken, and hides none of the others', async () => {
    const storage = new MemoryStorage();
    const store = isolated(storage, { now: steppingClock().now });
    await store.create(dashboardSpec('good', 'Good'));
    const victim = await store.create(dashboardSpec('bad', 'Bad layout'));
    await store.create(dashboardSpec('other', 'Other'));
    victim.spec.widgets[1]!.layout.x = 9; // 9 + 6 > 12
    storage.setItem(`${PREFIX}dashboard:bad`, JSON.stringify(victim));
    storage.setItem(`${PREFIX}dashboard:junk`, '{"spec": {"name": "Half writ');

    const list = await store.list();
    assert.deepEqual(
      list.map((s) => [s.id, s.name, s.broken?.field, s.broken?.key]),
      [
        ['bad', 'Bad layout', 'spec.widgets.1.layout.w', `${PREFIX}dashboard:bad`],
        ['good', 'Good', undefined, undefined],
        ['junk', 'junk', undefined, `${PREFIX}dashboard:junk`],
        ['other', 'Other', undefined, undefined],
      ],
    );
    const bad = list[0]!;
    assert.equal(bad.revision, 1);
    assert.equal(bad.widgetCount, 2);
    assert.match(bad.broken!.message, /spec\.widgets\.1\.layout\.w: x \+ w must not exceed 12 columns/);
    assert.equal(list[2]!.broken!.message, 'the entry is not JSON');

    const e = await rejection(store.get('bad'), 'invalid');
    assert.equal(e.field, 'spec.widgets.1.layout.w');
    assert.match(e.message, /clv-kit:dashboards:dashboard:bad/);
    await rejection(store.save(dashboardSpec('bad', 'Bad layout'), 1), 'invalid');
    await rejection(store.create(dashboardSpec('junk', 'Junk')), 'exists');
    assert.equal((await store.get('good')).spec.name, 'Good');

    await store.delete('bad');
    await store.delete('junk');
    assert.deepEqual((await store.list()).map((s) => s.id), ['good', 'other']);
  });

  test('an entry under the wrong key is broken, not served as another dashboard', async () => {
    const storage = new MemoryStorage();
    const store = isolated(storage);
    const ops = await store.create(dashboardSpec('ops', 'Ops'));
    storage.setItem(`${PREFIX}dashboard:copy`, JSON.stringify(ops));
    const e = await rejection(store.get('copy'), 'invalid');
    assert.equal(e.field, 'spec.id');
  });

  test('a lost or corrupt index is recovered from the keys', async () => {
    const storage = new MemoryStorage();
    const store = isolated(storage);
    await store.create(dashboardSpec('a', 'A'));
    await store.create(dashboardSpec('b', 'B'));
    storage.setItem(`${PREFIX}index`, 'not an index');
    assert.deepEqual((await store.list()).map((s) => s.id), ['a', 'b']);
    storage.setItem(`${PREFIX}index`, '["a"]'); // two tabs creating at once lost "b"
    assert.deepEqual((await store.list()).map((s) => s.id), ['a', 'b']);
    await store.create(dashboardSpec('c', 'C'));
    assert.deepEqual(JSON.parse(storage.getItem(`${PREFIX}index`)!), ['a', 'b', 'c']);
  });

  test('a Storage without key enumeration works from the index', async () => {
    const backing = new MemoryStorage();
    const minimal: StorageLike = {
      getItem: (k) => backing.getItem(k),
      setItem: (k, v) => backing.setItem(k, v),
      removeItem: (k) => backing.removeItem(k),
    };
    const store = isolated(minimal);
    await store.create(dashboardSpec('b', 'Beta'));
    await store.create(dashboardSpec('a', 'Alpha'));
    assert.deepEqual((await store.list()).map((s) => s.name), ['Alpha', 'Beta']);
  });
});

describe('LocalStorageDashboardStore: failures', () => {
  test('a full storage is "unavailable" and writes nothing', async () => {
    const storage = new MemoryStorage(200);
    const store = isolated(storage);
    const e = await rejection(store.create(dashboardSpec('big', 'Big')), 'unavailable');
    assert.match(e.message, /Browser storage is full, so the store could not create dashboard "big"/);
    assert.equal(storage.length, 0);
    await rejection(store.get('big'), 'not_found');
  });

  test('a failed index write undoes the create; a failed save keeps the stored revision', async () => {
    let indexFull = true;
    const storage = new MemoryStorage(Infinity, (key) => key.endsWith('index') && indexFull);
    const store = isolated(storage);
    const e = await rejection(store.create(dashboardSpec('half', 'Half')), 'unavailable');
    assert.match(e.message, /could not update the dashboard index/);
    assert.equal(storage.getItem(`${PREFIX}dashboard:half`), null);

    indexFull = false;
    const created = await store.create(dashboardSpec('whole', 'Whole'));
    const tight = new MemoryStorage(storage.items.get(`${PREFIX}dashboard:whole`)!.length + 200);
    for (const [k, v] of storage.items) tight.items.set(k, v);
    const tightStore = isolated(tight);
    const big = { ...created.spec, description: 'x'.repeat(5000) };
    await rejection(tightStore.save(big, 1), 'unavailable');
    assert.equal((await tightStore.get('whole')).revision, 1);
  });

  test('without a localStorage (plain Node) every call says so', async () => {
    const e = await rejection(new LocalStorageDashboardStore({ channelName: false }).list(), 'unavailable');
    assert.match(e.message, /There is no localStorage here; pass a Storage as the `storage` option/);
  });
});

describe('LocalStorageDashboardStore: change notifications', () => {
  const storageEvent = (init: { key: string | null; newValue: string | null; storageArea?: unknown }) => Object.assign(new Event('storage'), init);
  const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

  test("another tab's 'storage' event names the dashboard; other keys and storages are ignored", async () => {
    const storage = new MemoryStorage();
    const events = new EventTarget();
    const store = isolated(storage, { storageEvents: events });
    const heard: string[] = [];
    const unsubscribe = store.subscribe((id) => heard.push(id));
    const value = JSON.stringify({ revision: 2, updatedAt: '2025-01-15T09:05:00.000Z' });
    events.dispatchEvent(storageEvent({ key: `${PREFIX}dashboard:sales`, newValue: value, storageArea: storage }));
    events.dispatchEvent(storageEvent({ key: `${PREFIX}index`, newValue: '["sales"]', storageArea: storage }));
    events.dispatchEvent(storageEvent({ key: `other:dashboard:ops`, newValue: value, storageArea: storage }));
    events.dispatchEvent(storageEvent({ key: `${PREFIX}dashboard:ops`, newValue: value, storageArea: new MemoryStorage() }));
    events.dispatchEvent(storageEvent({ key: `${PREFIX}dashboard:sales`, newValue: null, storageArea: storage }));
    assert.deepEqual(heard, ['sales', 'sales']);
    unsubscribe();
    events.dispatchEvent(storageEvent({ key: `${PREFIX}dashboard:ops`, newValue: value, storageArea: storage }));
    assert.deepEqual(heard, ['sales', 'sales']);
  });

  test('a save by another store object arrives over the BroadcastChannel once, and never echoes to the writer', async () => {
    const storage = new MemoryStorage();
    const channelName = `dashboards-test-${process.pid}`;
    const eventsOfB = new EventTarget();
    const a = new LocalStorageDashboardStore({ storage, channelName, storageEvents: null });
    const b = new LocalStorageDashboardStore({ storage, channelName, storageEvents: eventsOfB });
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    const stopA = a.subscribe((id) => heardByA.push(id));
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const stopB = b.subscribe((id) => {
      heardByB.push(id);
      arrived();
    });
    try {
      const created = await a.create(dashboardSpec('sales', 'Sales'));
      await arrival;
      assert.deepEqual(heardByB, ['sales']);
      // The same save, also reported by the 'storage' event (as in another tab), is not reported again.
      eventsOfB.dispatchEvent(storageEvent({ key: `${PREFIX}dashboard:sales`, newValue: storage.getItem(`${PREFIX}dashboard:sales`), storageArea: storage }));
      await a.save({ ...created.spec, name: 'Sales 2' }, 1);
      await tick();
      assert.deepEqual(heardByB, ['sales', 'sales']);
      assert.deepEqual(heardByA, [], 'a store does not hear its own writes');
      const loadedByB = await b.get('sales');
      assert.equal(loadedByB.revision, 2);
    } finally {
      stopA();
      stopB();
    }
    await a.delete('sales');
    await tick();
    assert.deepEqual(heardByB, ['sales', 'sales'], 'nothing after unsubscribe');
  });
});
