import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateClvData, generateClvDataAsync, type SyntheticData } from '../../src/synthetic/index.js';
import type { ColumnarData } from '../../src/contracts/loader.js';
import { CATEGORIES, CHANNELS, LOYALTY_TIERS, isoDateToDay, loadColumnsOf } from '../../src/model/clv-model.js';

const DAY_MS = 86_400_000;
const small = { seed: 42, customers: 2_000, start: '2023-01-01', end: '2024-12-31' };

/** Every column of every table, as plain arrays, for exact comparison. */
const tables = (d: SyntheticData): Record<string, ColumnarData> => ({ ...d });
const plain = (d: SyntheticData) =>
  Object.fromEntries(
    Object.entries(tables(d)).map(([t, cols]) => [t, Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, Array.from(v)]))]),
  );

// One large dataset shared by the distribution checks (100k customers over two years).
let big: SyntheticData | undefined;
const getBig = () => (big ??= generateClvData({ seed: 7, customers: 100_000, start: '2023-01-01', end: '2024-12-31' }));

test('the same seed gives identical output; another seed does not', () => {
  const a = plain(generateClvData(small));
  const b = plain(generateClvData(small));
  assert.deepEqual(a, b);
  const c = plain(generateClvData({ ...small, seed: 43 }));
  assert.notDeepEqual(a.transactions.amount, c.transactions.amount);
  assert.notDeepEqual(a.customers.email, c.customers.email);
});

test('tables have the model shapes, all columns of equal length', () => {
  const d = generateClvData(small);
  for (const [table, cols] of Object.entries(tables(d))) {
    assert.deepEqual(Object.keys(cols), loadColumnsOf(table).map((c) => c.name), table);
    const lengths = new Set(Object.values(cols).map((v) => v.length));
    assert.equal(lengths.size, 1, `${table} columns differ in length`);
  }
  assert.equal(d.customers.customer_id.length, 2_000);
  assert.ok(d.transactions.ts instanceof Float64Array);
});

test('counts are in the documented range for 100k customers over two years', () => {
  const n = getBig().transactions.transaction_id.length;
  assert.ok(n >= 300_000 && n <= 1_000_000, `${n} transactions`);
});

test('ids are unique and well formed; every transaction belongs to a customer and follows the signup', () => {
  const { customers, transactions } = getBig();
  const ids = Array.from(customers.customer_id as string[]);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids[0], 'C0000001');
  assert.ok(ids.every((id) => /^C\d{7}$/.test(id)));
  const tids = transactions.transaction_id as string[];
  assert.equal(new Set(tids).size, tids.length);
  assert.equal(tids[0], 'T000000001');

  const signup = new Map(ids.map((id, i) => [id, isoDateToDay(customers.signup_date[i] as string) * DAY_MS]));
  const end = (isoDateToDay('2024-12-31') + 1) * DAY_MS;
  const firstTx = new Map<string, number>();
  for (let k = 0; k < tids.length; k++) {
    const c = transactions.customer_id[k] as string;
    const ts = transactions.ts[k] as number;
    const s = signup.get(c);
    assert.ok(s !== undefined, `transaction ${tids[k]} has unknown customer ${c}`);
    assert.ok(ts >= s && ts < end, `transaction ${tids[k]} at ${ts} outside [signup, end]`);
    assert.equal(transactions.order_date[k], new Date(ts).toISOString().slice(0, 10));
    firstTx.set(c, Math.min(firstTx.get(c) ?? Infinity, ts));
  }
  // Every customer bought on their signup day (the first purchase defines the signup).
  assert.equal(firstTx.size, ids.length);
  for (const [c, ts] of firstTx) assert.equal(Math.floor(ts / DAY_MS) * DAY_MS, signup.get(c));
});

test('purchase counts are heterogeneous: overdispersed, with many one-time buyers', () => {
  const per = new Map<string, number>();
  for (const c of getBig().transactions.customer_id as string[]) per.set(c, (per.get(c) ?? 0) + 1);
  let s = 0;
  let s2 = 0;
  let once = 0;
  for (const v of per.values()) {
    s += v;
    s2 += v * v;
    if (v === 1) once++;
  }
  const mean = s / per.size;
  const variance = s2 / per.size - mean * mean;
  // A Poisson count has variance = mean; gamma-mixed rates and dropout make it far larger.
  assert.ok(variance / mean > 4, `variance/mean ${variance / mean}`);
  const share = once / per.size;
  assert.ok(share > 0.2 && share < 0.6, `share of customers without a repeat purchase ${share}`);
});

test('amounts are positive whole cents, right-skewed; quantities are small positive integers, skewed', () => {
  const { transactions } = getBig();
  const amounts = Float64Array.from(transactions.amount as Float64Array);
  let sum = 0;
  for (const a of amounts) {
    assert.ok(a >= 1);
    assert.ok(Math.abs(a * 100 - Math.round(a * 100)) < 1e-6);
    sum += a;
  }
  amounts.sort();
  const mean = sum / amounts.length;
  const median = amounts[amounts.length >> 1];
  assert.ok(mean > median * 1.1, `mean ${mean} median ${median}`);
  assert.ok(mean > 50 && mean < 100, `mean amount ${mean} (documented population mean 70.40)`);
  const q = Array.from(transactions.quantity as Int32Array);
  assert.ok(q.every((x) => Number.isInteger(x) && x >= 1 && x <= 40));
  const ones = q.filter((x) => x === 1).length / q.length;
  assert.ok(ones > 0.35, `share of single-item purchases ${ones}`);
});

test('categorical columns stay within their domains with plausible mixes', () => {
  const { customers, transactions } = getBig();
  const count = (xs: ArrayLike<unknown>) => {
    const m = new Map<unknown, number>();
    for (let i = 0; i < xs.length; i++) m.set(xs[i], (m.get(xs[i]) ?? 0) + 1);
    return m;
  };
  const ch = count(transactions.channel);
  assert.ok([...ch.keys()].every((k) => (CHANNELS as readonly unknown[]).includes(k)));
  assert.ok(ch.get('web')! > ch.get('phone')! * 3);
  const cat = count(transactions.category);
  assert.deepEqual([...cat.keys()].sort(), [...CATEGORIES].sort());
  const countries = count(customers.country);
  const top = [...countries.entries()].sort((a, b) => b[1] - a[1]);
  assert.equal(top[0][0], 'US');
  assert.ok(top.length >= 12);
  for (const c of ['GB', 'DE', 'FR', 'CA', 'AU', 'NL', 'ES', 'IT', 'SE', 'JP', 'BR']) assert.ok(countries.has(c), c);
});

test('loyalty tier rises with spend', () => {
  const { customers, transactions } = getBig();
  const spend = new Map<string, number>();
  for (let k = 0; k < transactions.customer_id.length; k++) {
    const c = transactions.customer_id[k] as string;
    spend.set(c, (spend.get(c) ?? 0) + (transactions.amount[k] as number));
  }
  const byTier = new Map<string, { n: number; s: number }>();
  for (let i = 0; i < customers.customer_id.length; i++) {
    const t = customers.loyalty_tier[i] as string;
    const e = byTier.get(t) ?? { n: 0, s: 0 };
    e.n++;
    e.s += spend.get(customers.customer_id[i] as string)!;
    byTier.set(t, e);
  }
  const means = LOYALTY_TIERS.map((t) => byTier.get(t)!.s / byTier.get(t)!.n);
  for (let i = 1; i < means.length; i++) assert.ok(means[i] > means[i - 1] * 1.5, `tier means ${means}`);
  assert.ok(byTier.get('Bronze')!.n > byTier.get('Platinum')!.n * 5);
});

test('names and emails: invented combinations on reserved example domains only', () => {
  const { customers } = getBig();
  const emails = Array.from(customers.email as string[]);
  assert.equal(new Set(emails).size, emails.length);
  for (const e of emails) {
    assert.match(e, /^[a-z0-9]+\.[a-z0-9]+\.\d+@example\.(com|org|net)$/, e);
  }
  assert.ok(new Set(customers.first_name as string[]).size > 100);
  assert.ok(new Set(customers.last_name as string[]).size > 100);
});

test('the dates table covers the span; 2024-01-01 is a Monday', () => {
  const { dates } = getBig();
  assert.equal(dates.date.length, 731);
  assert.equal(dates.date[0], '2023-01-01');
  assert.equal(dates.date[730], '2024-12-31');
  const i = Array.from(dates.date).indexOf('2024-01-01');
  assert.equal(dates.day_of_week[i], 1);
  assert.equal(dates.day_name[i], 'Monday');
});

test('options are validated', () => {
  assert.throws(() => generateClvData({ ...small, customers: 999 }));
  assert.throws(() => generateClvData({ ...small, customers: 1_000_001 }));
  assert.throws(() => generateClvData({ ...small, start: '2024-01-01', end: '2023-01-01' }));
  assert.throws(() => generateClvData({ ...small, start: '2024/01/01' }));
  assert.throws(() => generateClvData({ ...small, params: { spendQ: 1 } }));
});

test('progress is reported up to the total; the async form matches and can be aborted', async () => {
  const seen: number[] = [];
  const d = generateClvData({ ...small, onProgress: (p) => seen.push(p.done) });
  assert.equal(seen.at(-1), 2_000);
  assert.ok(seen.every((v, i) => i === 0 || v > seen[i - 1]));
  const e = await generateClvDataAsync(small);
  assert.deepEqual(plain(e), plain(d));
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(generateClvDataAsync({ ...small, signal: ac.signal }));
});

test('pure BG/NBD mode: without seasonality the repeat rate matches the model mean', () => {
  // With seasonality and weekend lift off, customers who never drop out (p→0 via b huge) buy at rate λ:
  // the mean number of repeats over T days is E[λ]·T = r/α·T.
  const T = 366;
  const d = generateClvData({
    seed: 3,
    customers: 20_000,
    start: '2024-01-01',
    end: '2024-12-31',
    params: { seasonality: 0, weekendLift: 0, acquisitionGrowth: 0, a: 1e-6, b: 1e6, r: 2, alpha: 100 },
  });
  let exposure = 0;
  for (const s of d.customers.signup_date as string[]) exposure += isoDateToDay('2024-12-31') + 1 - isoDateToDay(s);
  const repeats = d.transactions.ts.length - d.customers.customer_id.length;
  const expected = (2 / 100) * exposure;
  assert.ok(Math.abs(repeats / expected - 1) < 0.05, `repeats ${repeats} expected ≈ ${expected} (T=${T})`);
});

test('speed: about a million transactions', (t) => {
  const t0 = performance.now();
  const d = generateClvData({ seed: 11, customers: 260_000, start: '2023-01-01', end: '2024-12-31' });
  const ms = performance.now() - t0;
  const n = d.transactions.ts.length;
  t.diagnostic(`generated ${n} transactions for 260000 customers in ${(ms / 1000).toFixed(2)} s`);
  assert.ok(n > 900_000);
  // A loose bound that only catches a pathological slowdown; the figure itself is in the diagnostic.
  assert.ok(ms < 20_000, `${ms} ms`);
});
