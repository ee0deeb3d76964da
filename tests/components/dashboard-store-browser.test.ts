// LocalStorageDashboardStore over Chromium's real localStorage: two store objects on one page hear
// each other's saves over the BroadcastChannel, a same-origin frame's write arrives as a 'storage'
// event, and a stale save is refused as a conflict.
import { expect } from '@open-wc/testing';
import { DashboardStoreError } from '../../src/dashboards/store.js';
import { LocalStorageDashboardStore } from '../../src/dashboards/stores/local-storage-store.js';
import { dashboardSpec } from '../node/support/dashboard-fixtures.js';

/** Resolves with the next id the store reports, or rejects after `ms`. */
function nextChange(store: LocalStorageDashboardStore, ms = 3000): { id: Promise<string>; stop: () => void } {
  let stop = () => {};
  const id = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no change reported within ${ms} ms`)), ms);
    const unsubscribe = store.subscribe((changed) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(changed);
    });
    stop = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  return { id, stop };
}

describe('LocalStorageDashboardStore in the browser', () => {
  const prefix = `clv-kit-test-${Date.now()}:`;
  const channelName = `${prefix}channel`;

  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  });

  it('B hears A over the BroadcastChannel, and B saving from an old revision is a conflict', async () => {
    const a = new LocalStorageDashboardStore({ prefix, channelName });
    const b = new LocalStorageDashboardStore({ prefix, channelName });

    const created = nextChange(b);
    await a.create(dashboardSpec('sales', 'Sales'));
    expect(await created.id).to.equal('sales');
    expect(JSON.parse(localStorage.getItem(`${prefix}dashboard:sales`)!).revision).to.equal(1);

    const seenByA = await a.get('sales');
    const seenByB = await b.get('sales');
    expect([seenByA.revision, seenByB.revision]).to.deep.equal([1, 1]);

    const savedByAHeard = nextChange(b);
    const savedByA = await a.save({ ...seenByA.spec, name: 'Sales (A)' }, 1);
    expect(savedByA.revision).to.equal(2);
    expect(await savedByAHeard.id).to.equal('sales');

    let conflict: unknown;
    try {
      await b.save({ ...seenByB.spec, name: 'Sales (B)' }, seenByB.revision);
    } catch (e) {
      conflict = e;
    }
    expect(conflict).to.be.instanceOf(DashboardStoreError);
    expect((conflict as DashboardStoreError).code).to.equal('conflict');
    expect((conflict as DashboardStoreError).current?.spec.name).to.equal('Sales (A)');
    expect((conflict as DashboardStoreError).current?.revision).to.equal(2);

    const savedByBHeard = nextChange(a);
    const reloaded = await b.get('sales');
    const savedByB = await b.save({ ...reloaded.spec, name: 'Sales (A+B)' }, reloaded.revision);
    expect(savedByB.revision).to.equal(3);
    expect(await savedByBHeard.id).to.equal('sales');
    expect((await a.get('sales')).spec.name).to.equal('Sales (A+B)');
  });

  it("a same-origin frame's write arrives as a 'storage' event", async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      // The frame is another document over the same storage area, as another tab is; no channel, so only the event can tell.
      const inFrame = new LocalStorageDashboardStore({ prefix, channelName: false, storage: frame.contentWindow!.localStorage, storageEvents: null });
      const here = new LocalStorageDashboardStore({ prefix, channelName: false });
      const heard = nextChange(here);
      await inFrame.create(dashboardSpec('ops', 'Ops'));
      expect(await heard.id).to.equal('ops');
      expect((await here.get('ops')).spec.name).to.equal('Ops');
    } finally {
      frame.remove();
    }
  });
});
