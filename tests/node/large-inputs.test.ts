// Sizes past the engine's argument limit: a single category of 300k identities in the JS decile
// derivation, and a 300k-row append to the in-memory engine (spreads into push() would overflow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { deriveDecilesInMemory } from '../../src/derive/index.js';

const N = 300_000;

function transactions(n: number) {
  const customer_id = Array.from({ length: n }, (_, i) => `C${String(i).padStart(7, '0')}`);
  return {
    transaction_id: customer_id.map((_, i) => `T${i}`),
    customer_id,
    ts: customer_id.map((_, i) => Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000),
    order_date: customer_id.map((_, i) => new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10)),
    amount: customer_id.map((_, i) => (i % 1000) + 1),
    quantity: customer_id.map(() => 1),
    channel: customer_id.map(() => 'web'),
    category: customer_id.map(() => 'Books'),
  };
}

test('the JS decile derivation ranks one category of 300k identities', () => {
  const tx = transactions(N);
  const out = deriveDecilesInMemory(
    {
      name: 'big_deciles',
      source: { table: 'transactions', identity: 'customer_id', category: 'category', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
      windows: ['all'],
      asOf: '2025-01-01',
    },
    { transactions: tx },
  );
  assert.equal(out.flat.rows, N);
  const deciles = out.flat.data.decile as ArrayLike<number>;
  const perDecile = new Array<number>(11).fill(0);
  for (let i = 0; i < deciles.length; i++) perDecile[deciles[i]!]!++;
  assert.deepEqual(perDecile.slice(1), new Array(10).fill(N / 10));
});

test('the memory engine appends 300k rows at once', async () => {
  const adapter = new MemoryAdapter(clvDataModel);
  await adapter.loadColumns('transactions', [], transactions(1), { mode: 'replace' });
  await adapter.loadColumns('transactions', [], transactions(N), { mode: 'append' });
  const r = await adapter.query({ measures: ['transactions.count', 'transactions.revenue'] });
  const expected = 1 + Array.from({ length: N }, (_, i) => (i % 1000) + 1).reduce((a, b) => a + b, 0);
  assert.deepEqual(r.rows, [{ 'transactions.count': N + 1, 'transactions.revenue': expected }]);
});
