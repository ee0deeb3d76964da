// Differential test: random semantic queries over one fixed dataset must give the same result in
// DuckDB-WASM (compiled SQL) and in the in-memory reference engine (JavaScript). This is the guard
// that keeps the SQL compiler and the JavaScript semantics equal.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ColumnType, DataModelInput } from '../src/contracts/data-model.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import type { FilterNodeInput, FilterOperator, Granularity, SemanticQueryInput } from '../src/contracts/query.js';
import type { ResultSet, ScalarValue } from '../src/contracts/result.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { type DuckDbAdapter, createDuckDbAdapter } from '../src/engines/duckdb/index.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };
const NOW = '2024-06-15T12:00:00Z';

const col = (name: string, type: ColumnType, role: 'identity' | 'dimension' | 'measure' | 'time' = 'dimension') => ({ name, label: name, type, role });
const model: DataModelInput = {
  name: 'diff',
  label: 'Differential',
  tables: [
    { name: 'd_regions', label: 'Regions', kind: 'dimension', columns: [col('region_id', 'string', 'identity'), col('name', 'string')] },
    {
      name: 'd_customers',
      label: 'Customers',
      kind: 'dimension',
      columns: [col('customer_id', 'string', 'identity'), col('name', 'string'), col('region_id', 'string'), col('tier', 'string'), col('signup', 'date', 'time'), col('vip', 'boolean'), col('score', 'integer', 'measure')],
    },
    {
      name: 'd_orders',
      label: 'Orders',
      kind: 'fact',
      columns: [
        col('order_id', 'integer', 'identity'),
        col('customer_id', 'string'),
        col('amount', 'number', 'measure'),
        col('qty', 'integer', 'measure'),
        col('ordered_at', 'timestamp', 'time'),
        col('ship_date', 'date', 'time'),
        col('channel', 'string'),
      ],
    },
  ],
  relations: [
    { name: 'order_customer', from: { table: 'd_orders', column: 'customer_id' }, to: { table: 'd_customers', column: 'customer_id' } },
    { name: 'customer_region', from: { table: 'd_customers', column: 'region_id' }, to: { table: 'd_regions', column: 'region_id' } },
  ],
  measures: [
    { name: 'revenue', label: 'Revenue', table: 'd_orders', aggregation: 'sum', column: 'amount' },
    { name: 'orders', label: 'Orders', table: 'd_orders', aggregation: 'count' },
    { name: 'with_amount', label: 'With amount', table: 'd_orders', aggregation: 'count', column: 'amount' },
    { name: 'avg_amount', label: 'Avg amount', table: 'd_orders', aggregation: 'avg', column: 'amount' },
    { name: 'buyers', label: 'Buyers', table: 'd_orders', aggregation: 'countDistinct', column: 'customer_id' },
    { name: 'units', label: 'Units', table: 'd_orders', aggregation: 'sum', column: 'qty' },
    { name: 'avg_qty', label: 'Avg qty', table: 'd_orders', aggregation: 'avg', column: 'qty' },
    { name: 'first_order', label: 'First order', table: 'd_orders', aggregation: 'min', column: 'ordered_at' },
    { name: 'last_ship', label: 'Last ship', table: 'd_orders', aggregation: 'max', column: 'ship_date' },
    { name: 'ship_days', label: 'Ship days', table: 'd_orders', aggregation: 'countDistinct', column: 'ship_date' },
    { name: 'first_channel', label: 'First channel', table: 'd_orders', aggregation: 'min', column: 'channel' },
    { name: 'max_amount', label: 'Max amount', table: 'd_orders', aggregation: 'max', column: 'amount' },
    {
      name: 'web_revenue',
      label: 'Web revenue',
      table: 'd_orders',
      aggregation: 'sum',
      column: 'amount',
      filter: [{ column: 'channel', operator: 'in', values: ['web', 'Web'] }],
    },
    { name: 'big_orders', label: 'Big orders', table: 'd_orders', aggregation: 'count', filter: [{ column: 'amount', operator: 'gte', values: [250] }] },
    { name: 'customers', label: 'Customers', table: 'd_customers', aggregation: 'count' },
    { name: 'avg_score', label: 'Avg score', table: 'd_customers', aggregation: 'avg', column: 'score' },
    { name: 'first_signup', label: 'First signup', table: 'd_customers', aggregation: 'min', column: 'signup' },
    { name: 'vips', label: 'VIPs', table: 'd_customers', aggregation: 'count', column: 'vip', filter: [{ column: 'vip', operator: 'equals', values: [true] }] },
  ],
};

/** A small deterministic generator, so the dataset is the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const rand = lcg(20240615);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybe = <T,>(p: number, v: () => T): T | null => (rand() < p ? null : v());
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const NAMES = ['Ann', 'ann', 'Bob', 'BOB', 'Élodie', 'Zoë', 'Anna-Lena', "O'Brien", 'Ben', 'Dee', 'zed'];
const CHANNELS = ['web', 'Web', 'store', 'phone'];
const TIERS = ['Gold', 'Silver', 'Bronze'];

const data: Record<string, ColumnarData> = (() => {
  const regions = { region_id: ['r0', 'r1', 'r2', 'r3'], name: ['North', 'south', 'East', null] };
  const nc = 40;
  const customers: Record<string, ScalarValue[]> = { customer_id: [], name: [], region_id: [], tier: [], signup: [], vip: [], score: [] };
  for (let i = 0; i < nc; i++) {
    customers.customer_id!.push(`c${String(i).padStart(2, '0')}`);
    customers.name!.push(maybe(0.1, () => pick(NAMES)));
    customers.region_id!.push(maybe(0.15, () => pick(['r0', 'r1', 'r2', 'r3', 'r9'])));
    customers.tier!.push(maybe(0.2, () => pick(TIERS)));
    customers.signup!.push(maybe(0.1, () => dateOf(T0 - 400 * DAY + Math.floor(rand() * 900) * DAY)));
    customers.vip!.push(maybe(0.2, () => rand() < 0.4));
    customers.score!.push(maybe(0.2, () => Math.floor(rand() * 10)));
  }
  const no = 400;
  const orders: Record<string, ScalarValue[]> = { order_id: [], customer_id: [], amount: [], qty: [], ordered_at: [], ship_date: [], channel: [] };
  for (let i = 0; i < no; i++) {
    const at = T0 + Math.floor(rand() * 730 * DAY);
    orders.order_id!.push(i + 1);
    orders.customer_id!.push(maybe(0.05, () => `c${String(Math.floor(rand() * 45)).padStart(2, '0')}`));
    orders.amount!.push(maybe(0.1, () => Math.floor(rand() * 2000) / 4));
    orders.qty!.push(maybe(0.1, () => 1 + Math.floor(rand() * 9)));
    orders.ordered_at!.push(maybe(0.05, () => new Date(at).toISOString()));
    orders.ship_date!.push(maybe(0.15, () => dateOf(at + Math.floor(rand() * 10) * DAY)));
    orders.channel!.push(maybe(0.1, () => pick(CHANNELS)));
  }
  return { d_regions: regions, d_customers: customers, d_orders: orders };
})();

// ---- query generator -------------------------------------------------------------------------
type Kind = 'string' | 'number' | 'temporal' | 'boolean';
interface Member {
  name: string;
  kind: Kind;
}
const ORDER_DIMS: Member[] = [
  { name: 'd_orders.channel', kind: 'string' },
  { name: 'd_orders.customer_id', kind: 'string' },
  { name: 'd_orders.amount', kind: 'number' },
  { name: 'd_orders.qty', kind: 'number' },
  { name: 'd_orders.ordered_at', kind: 'temporal' },
  { name: 'd_orders.ship_date', kind: 'temporal' },
];
const CUSTOMER_DIMS: Member[] = [
  { name: 'd_customers.name', kind: 'string' },
  { name: 'd_customers.tier', kind: 'string' },
  { name: 'd_customers.signup', kind: 'temporal' },
  { name: 'd_customers.vip', kind: 'boolean' },
  { name: 'd_customers.score', kind: 'number' },
  { name: 'd_regions.name', kind: 'string' },
];
const ORDER_MEASURES: Member[] = [
  { name: 'd_orders.revenue', kind: 'number' },
  { name: 'd_orders.orders', kind: 'number' },
  { name: 'd_orders.with_amount', kind: 'number' },
  { name: 'd_orders.avg_amount', kind: 'number' },
  { name: 'd_orders.buyers', kind: 'number' },
  { name: 'd_orders.units', kind: 'number' },
  { name: 'd_orders.avg_qty', kind: 'number' },
  { name: 'd_orders.first_order', kind: 'temporal' },
  { name: 'd_orders.last_ship', kind: 'temporal' },
  { name: 'd_orders.ship_days', kind: 'number' },
  { name: 'd_orders.first_channel', kind: 'string' },
  { name: 'd_orders.max_amount', kind: 'number' },
  { name: 'd_orders.web_revenue', kind: 'number' },
  { name: 'd_orders.big_orders', kind: 'number' },
];
const CUSTOMER_MEASURES: Member[] = [
  { name: 'd_customers.customers', kind: 'number' },
  { name: 'd_customers.avg_score', kind: 'number' },
  { name: 'd_customers.first_signup', kind: 'temporal' },
  { name: 'd_customers.vips', kind: 'number' },
];

const stringValue = fc.constantFrom('web', 'Web', 'WEB', 'store', 'phone', 'Gold', 'gold', 'Ann', 'ann', 'an', 'o', 'e', 'É', 'é', "O'", '', 'North', 'south', 'c07', 'c41', 'zz', '5');
const numberValue = fc.oneof(fc.integer({ min: -1, max: 500 }), fc.constantFrom(0.25, 2.5, 100.75, 5, '10', '2.25'));
const dateValue = fc.oneof(
  fc.integer({ min: -60, max: 800 }).map((d) => dateOf(T0 + d * DAY)),
  fc.integer({ min: 0, max: 730 * 24 }).map((h) => new Date(T0 + h * 3_600_000).toISOString()),
);
const relative = fc.constantFrom('today', 'yesterday', 'this week', 'last week', 'this month', 'last month', 'this quarter', 'last quarter', 'this year', 'last year', 'last 90 days', 'last 3 months', 'last 2 quarters', 'last 1 year', 'last 10 weeks');
const dateRange = fc.oneof(relative, fc.tuple(dateValue, dateValue).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]));

function leafFor(m: Member): fc.Arbitrary<FilterNodeInput> {
  const leaf = (operator: FilterOperator, values: fc.Arbitrary<Array<string | number | boolean>>) => values.map((v) => ({ member: m.name, operator, values: v }));
  const none = fc.constantFrom('set', 'notSet').map((operator) => ({ member: m.name, operator: operator as FilterOperator }));
  switch (m.kind) {
    case 'string':
      return fc.oneof(
        leaf('equals', fc.tuple(stringValue)),
        leaf('notEquals', fc.tuple(stringValue)),
        fc.constantFrom<FilterOperator>('in', 'notIn', 'contains', 'notContains', 'startsWith', 'endsWith').chain((op) => leaf(op, fc.array(stringValue, { minLength: 1, maxLength: 3 }))),
        none,
      );
    case 'number':
      return fc.oneof(
        fc.constantFrom<FilterOperator>('equals', 'notEquals', 'gt', 'gte', 'lt', 'lte').chain((op) => leaf(op, fc.tuple(numberValue))),
        fc.constantFrom<FilterOperator>('in', 'notIn').chain((op) => leaf(op, fc.array(numberValue, { minLength: 1, maxLength: 3 }))),
        none,
      );
    case 'temporal':
      return fc.oneof(
        fc.constantFrom<FilterOperator>('inDateRange', 'notInDateRange').chain((op) =>
          dateRange.map((r) => ({ member: m.name, operator: op, values: typeof r === 'string' ? [r] : r })),
        ),
        fc.constantFrom<FilterOperator>('beforeDate', 'afterDate', 'equals', 'gt', 'lte').chain((op) => leaf(op, fc.tuple(dateValue))),
        leaf('in', fc.array(dateValue, { minLength: 1, maxLength: 2 })),
        none,
      );
    case 'boolean':
      return fc.oneof(
        fc.constantFrom<FilterOperator>('equals', 'notEquals').chain((op) => leaf(op, fc.tuple(fc.constantFrom<string | boolean>(true, false, 'true')))),
        none,
      );
  }
}

function filterFor(members: Member[]): fc.Arbitrary<FilterNodeInput> {
  const one = fc.constantFrom(...members).chain(leafFor);
  return fc.oneof(
    { weight: 3, arbitrary: one },
    { weight: 1, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }).map((xs) => ({ or: xs })) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 1, maxLength: 2 }).map((xs) => ({ and: [...xs, { or: xs }] })) },
  );
}

const granularity = fc.constantFrom<Granularity>('day', 'week', 'month', 'quarter', 'year');

function queryFor(dims: Member[], measures: Member[]): fc.Arbitrary<SemanticQueryInput> {
  const temporal = dims.filter((d) => d.kind === 'temporal');
  return fc
    .record({
      measures: fc.subarray(measures.map((m) => m.name), { maxLength: 3 }),
      dimensions: fc.subarray(dims.map((d) => d.name), { maxLength: 2 }),
      td: fc.option(
        fc.record({
          dimension: fc.constantFrom(...temporal.map((t) => t.name)),
          granularity: fc.option(granularity, { nil: undefined, freq: 2 }),
          dateRange: fc.option(dateRange, { nil: undefined, freq: 1 }),
        }),
        { nil: undefined, freq: 2 },
      ),
      where: fc.oneof(fc.constant<FilterNodeInput[]>([]), fc.array(filterFor(dims), { minLength: 1, maxLength: 2 })),
      having: fc.option(filterFor(measures), { nil: undefined, freq: 4 }),
      order: fc.array(fc.tuple(fc.nat(), fc.constantFrom<'asc' | 'desc'>('asc', 'desc')), { maxLength: 2 }),
      limit: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      offset: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      total: fc.boolean(),
    })
    .map((g) => {
      const timeDimensions = g.td ? [Object.fromEntries(Object.entries(g.td).filter(([, v]) => v !== undefined)) as { dimension: string }] : [];
      const keys = [...g.dimensions, ...(g.td?.granularity ? [`${g.td.dimension}.${g.td.granularity}`] : []), ...g.measures];
      const order = keys.length ? g.order.map(([i, d]) => [keys[i % keys.length]!, d] as [string, 'asc' | 'desc']) : [];
      return {
        measures: g.measures,
        dimensions: g.dimensions,
        timeDimensions,
        filters: g.having ? [...g.where, g.having] : g.where,
        order,
        total: g.total,
        ...(g.limit !== undefined ? { limit: g.limit } : {}),
        ...(g.offset !== undefined ? { offset: g.offset } : {}),
      };
    });
}

const queries = fc.oneof(
  { weight: 4, arbitrary: queryFor([...ORDER_DIMS, ...CUSTOMER_DIMS], ORDER_MEASURES) },
  { weight: 1, arbitrary: queryFor(CUSTOMER_DIMS, CUSTOMER_MEASURES) },
);

// ---- comparison ------------------------------------------------------------------------------
const close = (a: ScalarValue, b: ScalarValue) =>
  typeof a === 'number' && typeof b === 'number' ? a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

/** The first difference between two results, or null. */
function difference(duck: ResultSet, mem: ResultSet): string | null {
  if (JSON.stringify(duck.columns) !== JSON.stringify(mem.columns)) return `columns differ: ${JSON.stringify(duck.columns)} vs ${JSON.stringify(mem.columns)}`;
  if (duck.total !== mem.total) return `total: duckdb ${duck.total} vs memory ${mem.total}`;
  if (duck.rows.length !== mem.rows.length) return `row count: duckdb ${duck.rows.length} vs memory ${mem.rows.length}`;
  for (let i = 0; i < duck.rows.length; i++) {
    for (const c of mem.columns) {
      const a = duck.rows[i]![c.name] ?? null;
      const b = mem.rows[i]![c.name] ?? null;
      if (!close(a, b)) return `row ${i} ${c.name}: duckdb ${JSON.stringify(a)} vs memory ${JSON.stringify(b)}`;
    }
  }
  return null;
}

type Outcome = { result: ResultSet } | { error: { code?: string; field?: string; message: string } };
const outcome = (p: Promise<ResultSet>): Promise<Outcome> =>
  p.then(
    (result) => ({ result }),
    (e: { code?: string; field?: string; message: string }) => ({ error: { code: e.code, field: e.field, message: e.message } }),
  );

describe('DuckDB and the in-memory engine agree', () => {
  let duck: DuckDbAdapter;
  const memory = new MemoryAdapter(model, data);

  before(async () => {
    duck = createDuckDbAdapter({ bundle, model });
    for (const t of model.tables) {
      await duck.loadColumns(t.name, t.columns.map((c) => ({ name: c.name, type: c.type })), data[t.name]!, { mode: 'replace' });
    }
  });

  it('loaded the same rows', async () => {
    for (const t of model.tables) {
      const a = await duck.sample(t.name, { limit: 1000 });
      const b = await memory.sample(t.name, { limit: 1000 });
      expect(a.rows, t.name).to.deep.equal(b.rows);
      expect(a.total).to.equal(b.total);
    }
  });

  it('on random semantic queries', async () => {
    let compared = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        const [a, b] = await Promise.all([outcome(duck.query(query, { now: NOW })), outcome(memory.query(query, { now: NOW }))]);
        const context = `\nquery: ${JSON.stringify(query)}`;
        if ('error' in b) {
          errors++;
          expect('error' in a, `memory rejected (${b.error.code} ${b.error.message}) but duckdb answered${context}`).to.equal(true);
          if ('error' in a) expect([a.error.code, a.error.field], `${a.error.message}${context}`).to.deep.equal([b.error.code, b.error.field]);
          return;
        }
        if ('error' in a) throw new Error(`duckdb rejected (${a.error.code}): ${a.error.message}${context}`);
        const diff = difference(a.result, b.result);
        if (diff) {
          const sql = a.result.provenance.kind === 'sql' ? `\nsql: ${a.result.provenance.sql}\nparams: ${JSON.stringify(a.result.provenance.params)}` : '';
          throw new Error(`${diff}${context}${sql}`);
        }
        compared++;
      }),
      { numRuns: 250, verbose: 1 },
    );
    console.log(`differential: ${compared} queries agreed, ${errors} rejected alike`);
    expect(compared).to.be.greaterThan(100);
  });
});
