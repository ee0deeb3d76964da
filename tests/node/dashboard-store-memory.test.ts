// MemoryDashboardStore: the reference implementation of the DashboardStore contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { dashboardStoreContract } from './support/dashboard-store-contract.js';
import { dashboardSpec } from './support/dashboard-fixtures.js';

dashboardStoreContract('MemoryDashboardStore', (now) => {
  const store = new MemoryDashboardStore({ now });
  // One Map: every client is the same object.
  return { client: () => store };
});

test('stores are independent of each other and the clock defaults to the wall clock', async () => {
  const a = new MemoryDashboardStore();
  const b = new MemoryDashboardStore();
  const before = Date.now();
  const created = await a.create(dashboardSpec('one', 'One'));
  assert.ok(Date.parse(created.updatedAt) >= before && Date.parse(created.updatedAt) <= Date.now());
  assert.deepEqual(await b.list(), []);
});
