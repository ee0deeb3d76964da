// The CLV derivation runners in the in-memory engine: customer_clv reads the purchases through the
// run's adapter (sample pages: no SQL here) and replaces the table through the run's write path,
// which a failing run undoes; the decile runner needs SQL and says so; clvDerivations names them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCustomerClv, registerCustomerClvTable } from '../../src/clv/index.js';
import { registerDerivedTables } from '../../src/derive/index.js';
import { MemoryAdapter } from '../../src/engines/memory/memory-adapter.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { CUSTOMER_CLV_DERIVATION, clvDerivations } from '../../src/refresh/clv-derivations.js';
import type { DerivationRunner } from '../../src/refresh/derivations.js';
import { MemoryRefreshExecutor } from '../../src/refresh/memory-executor.js';
import { RefreshScheduler } from '../../src/refresh/scheduler.js';
import { generateClvData } from '../../src/synthetic/index.js';

const deciles = {
  name: 'tier_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum' as const, column: 'amount' } },
  asOf: '2024-07-01',
};
const settings = { calibrationEnd: '2024-06-30', timeUnit: 'weeks' as const, horizon: 26 };
const daily = { kind: 'daily', at: '02:30' } as const;

describe('CLV derivations in the in-memory engine', () => {
  const model = registerCustomerClvTable(registerDerivedTables(clvDataModel, deciles));
  const data = generateClvData({ seed: 3, customers: 3_000, start: '2023-01-01', end: '2024-06-30' });
  const adapter = new MemoryAdapter(model, { customers: data.customers, transactions: data.transactions });
  const broken: DerivationRunner = async (context) => {
    await context.writeTable('customer_clv', [{ name: 'customer_id', type: 'string' }], [{ customer_id: 'x' }], 'replace');
    throw new Error('failed after writing');
  };
  const scheduler = new RefreshScheduler({
    executor: new MemoryRefreshExecutor(adapter),
    derivations: { ...clvDerivations({ model, deciles, customerClv: settings }), broken },
  });

  test('customer_clv: every purchase read, one row per acquired customer, as computeCustomerClv gives', async () => {
    await scheduler.createJob({ id: 'clv', name: 'CLV', task: { kind: 'derivation', ref: CUSTOMER_CLV_DERIVATION }, output: { table: 'customer_clv' }, schedule: daily });
    const run = await scheduler.runNow('clv');
    assert.equal(run.status, 'success', run.error);
    const n = data.transactions.transaction_id!.length;
    assert.ok(n > 10_000, 'more than one sample page');
    assert.equal(run.rowsProcessed, n);
    const expected = computeCustomerClv({ customer_id: data.transactions.customer_id!, ts: data.transactions.ts!, amount: data.transactions.amount! }, settings);
    assert.equal(run.rowsWritten, expected.rows);
    const total = await adapter.query({ measures: ['customer_clv.customers', 'customer_clv.clv_total'] });
    assert.equal(total.rows[0]!['customer_clv.customers'], expected.rows);
    const sum = expected.data.clv.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs((total.rows[0]!['customer_clv.clv_total'] as number) - sum) < 1e-6 * sum);
  });

  test('a run that fails after replacing a table puts the table back', async () => {
    await scheduler.createJob({ id: 'broken', name: 'Broken', task: { kind: 'derivation', ref: 'broken' }, output: { table: 'customer_clv' }, schedule: daily });
    const before = adapter.store.all('customer_clv').length;
    const run = await scheduler.runNow('broken');
    assert.equal(run.status, 'failed');
    assert.equal(adapter.store.all('customer_clv').length, before);
  });

  test('the decile runner needs an adapter that runs SQL', async () => {
    await scheduler.createJob({ id: 'deciles', name: 'Deciles', task: { kind: 'derivation', ref: 'tier_deciles' }, output: { table: 'tier_deciles' }, schedule: daily });
    const run = await scheduler.runNow('deciles');
    assert.equal(run.status, 'failed');
    assert.match(run.error!, /runs no SQL/);
  });

  test('clvDerivations registers each decile definition under its name, once', () => {
    assert.deepEqual(Object.keys(clvDerivations({ deciles: [deciles, { ...deciles, name: 'other' }], customerClv: settings })), ['tier_deciles', 'other', 'customer_clv']);
    assert.throws(() => clvDerivations({ deciles: [deciles, deciles] }), /Two derivations are named "tier_deciles"/);
  });
});
