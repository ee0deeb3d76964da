// The DuckDB-WASM adapter in Chromium: lazy start and sharing, the DataAdapter contract against a
// small hand-checked shop, raw SQL with bound parameters, appends and bulk loads, errors, abort.
import { expect } from '@open-wc/testing';
import { AdapterError } from '../src/contracts/errors.js';
import type { DataModelInput } from '../src/contracts/data-model.js';
import type { ColumnarData, LoadColumn, LoadProgress } from '../src/contracts/loader.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { Row } from '../src/contracts/result.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { type DuckDbAdapter, type DuckDbProgress, createDuckDbAdapter, getDuckDb } from '../src/engines/duckdb/index.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };

const shop: DataModelInput = {
  name: 'shop',
  label: 'Shop',
  tables: [
    {
      name: 'regions',
      label: 'Regions',
      kind: 'dimension',
      primaryKey: 'region_id',
      columns: [
        { name: 'region_id', label: 'Region ID', type: 'string', role: 'identity' },
        { name: 'name', label: 'Region', type: 'string', role: 'dimension' },
      ],
    },
    {
      name: 'customers',
      label: 'Customers',
      kind: 'dimension',
      primaryKey: 'customer_id',
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'name', label: 'Name', type: 'string', role: 'dimension' },
        { name: 'region_id', label: 'Region ID', type: 'string', role: 'dimension' },
        { name: 'tier', label: 'Tier', type: 'string', role: 'dimension' },
        { name: 'signup', label: 'Signup', type: 'date', role: 'time' },
        { name: 'vip', label: 'VIP', type: 'boolean', role: 'dimension' },
      ],
    },
    {
      name: 'orders',
      label: 'Orders',
      kind: 'fact',
      columns: [
        { name: 'order_id', label: 'Order ID', type: 'integer', role: 'identity' },
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'dimension' },
        { name: 'amount', label: 'Amount', type: 'number', role: 'measure' },
        { name: 'qty', label: 'Quantity', type: 'integer', role: 'measure' },
        { name: 'ordered_at', label: 'Ordered at', type: 'timestamp', role: 'time' },
        { name: 'ship_date', label: 'Ship date', type: 'date', role: 'time' },
        { name: 'channel', label: 'Channel', type: 'string', role: 'dimension' },
      ],
    },
  ],
  relations: [
    { name: 'order_customer', from: { table: 'orders', column: 'customer_id' }, to: { table: 'customers', column: 'customer_id' } },
    { name: 'customer_region', from: { table: 'customers', column: 'region_id' }, to: { table: 'regions', column: 'region_id' } },
  ],
  measures: [
    { name: 'revenue', label: 'Revenue', table: 'orders', aggregation: 'sum', column: 'amount' },
    { name: 'count', label: 'Orders', table: 'orders', aggregation: 'count' },
    { name: 'avg_amount', label: 'Average amount', table: 'orders', aggregation: 'avg', column: 'amount' },
    { name: 'customers', label: 'Customers', table: 'orders', aggregation: 'countDistinct', column: 'customer_id' },
    { name: 'units', label: 'Units', table: 'orders', aggregation: 'sum', column: 'qty' },
    { name: 'first_order', label: 'First order', table: 'orders', aggregation: 'min', column: 'ordered_at' },
    { name: 'last_ship', label: 'Last shipment', table: 'orders', aggregation: 'max', column: 'ship_date' },
    {
      name: 'web_revenue',
      label: 'Web revenue',
      table: 'orders',
      aggregation: 'sum',
      column: 'amount',
      filter: [{ column: 'channel', operator: 'equals', values: ['web'] }],
    },
  ],
};

const shopColumns: Record<string, LoadColumn[]> = Object.fromEntries(
  shop.tables.map((t) => [t.name, t.columns.map((c) => ({ name: c.name, type: c.type }))]),
);

const shopData: Record<string, ColumnarData> = {
  regions: { region_id: ['r1', 'r2', 'r3'], name: ['North', 'South', 'East'] },
  customers: {
    customer_id: ['c1', 'c2', 'c3', 'c4'],
    name: ['Ann', 'Bob', 'Cid', 'Dee'],
    region_id: ['r1', 'r1', 'r2', null],
    tier: ['Gold', 'Silver', 'Gold', null],
    signup: ['2023-01-15', '2023-02-20', '2023-03-05', '2023-04-01'],
    vip: [true, false, false, true],
  },
  orders: {
    order_id: [1, 2, 3, 4, 5, 6, 7, 8],
    customer_id: ['c1', 'c1', 'c2', 'c3', 'c3', 'c4', 'c9', 'c2'],
    amount: [100.5, 50, 20, 200, null, 75.25, 10, 30],
    qty: [1, 2, 1, 3, 1, 2, 1, 4],
    ordered_at: [
      '2024-01-03T10:00:00Z',
      '2024-01-20T12:30:00Z',
      '2024-02-01T08:00:00Z',
      '2024-02-14T18:45:00Z',
      '2024-03-01T00:00:00Z',
      '2024-03-15T23:59:59.999Z',
      Date.UTC(2024, 2, 31, 12),
      '2024-04-10T09:00:00Z',
    ],
    ship_date: ['2024-01-05', '2024-01-22', null, '2024-02-16', '2024-03-03', '2024-03-18', '2024-04-02', '2024-04-11'],
    channel: ['web', 'store', 'web', 'web', 'phone', 'store', 'web', 'mobile'],
  },
};

async function loadShop(adapter: DuckDbAdapter): Promise<void> {
  for (const table of ['regions', 'customers', 'orders']) {
    await adapter.loadColumns(table, shopColumns[table]!, shopData[table]!, { mode: 'replace' });
  }
}

/** Resolves with the AdapterError the promise rejects with (fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(AdapterError);
    return e as AdapterError;
  }
  throw new Error('expected a rejection');
}

const HEAVY = 'SELECT SUM(a.range * b.range) AS s FROM range(300000) a CROSS JOIN range(300000) b';

describe('DuckDbAdapter', () => {
  let adapter: DuckDbAdapter;
  const memory = new MemoryAdapter(shop, shopData);

  describe('start-up', () => {
    it('starts nothing before the first call, then one worker shared by every adapter', async () => {
      const RealWorker = globalThis.Worker;
      let started = 0;
      globalThis.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started++;
        }
      };
      try {
        const progress: DuckDbProgress[] = [];
        adapter = createDuckDbAdapter({ bundle, model: shop, onProgress: (p) => progress.push(p) });
        const second = createDuckDbAdapter({ bundle, model: shop });
        await new Promise((r) => setTimeout(r, 50));
        expect(started, 'no worker before the first call').to.equal(0);
        expect(progress).to.deep.equal([]);

        const t0 = performance.now();
        await adapter.ready();
        console.log(`DUCKDB-WASM instantiate + connect: ${Math.round(performance.now() - t0)} ms`);
        expect(started).to.equal(1);
        expect(progress.at(-1)?.phase).to.equal('ready');
        expect(progress.map((p) => p.phase)).to.include('download');
        const order = ['download', 'instantiate', 'ready'];
        progress.forEach((p, i) => {
          if (i > 0) expect(order.indexOf(p.phase)).to.be.at.least(order.indexOf(progress[i - 1]!.phase));
        });
        const ready = progress.at(-1)!;
        expect(ready.total).to.be.greaterThan(1_000_000, 'the .wasm size');
        expect(ready.loaded).to.equal(ready.total);

        const late: DuckDbProgress[] = [];
        const third = createDuckDbAdapter({ bundle, model: shop, onProgress: (p) => late.push(p) });
        await second.describe();
        await third.ready();
        expect(started, 'adapters share the instance').to.equal(1);
        expect(late.map((p) => p.phase)).to.deep.equal(['ready']);
        expect(await getDuckDb(bundle)).to.equal(await getDuckDb(bundle));
      } finally {
        globalThis.Worker = RealWorker;
      }
    });

    it('declares its capabilities', () => {
      expect(adapter.id).to.equal('duckdb-wasm');
      expect(adapter.capabilities).to.deep.equal({ sql: true, sqlDialect: 'duckdb', append: true });
    });

    it('keeps databases of different names apart; adapters naming the same one share it', async () => {
      const RealWorker = globalThis.Worker;
      let started = 0;
      globalThis.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started++;
        }
      };
      const table = (name: string) => ({ name, label: name, kind: 'fact' as const, columns: [{ name: 'n', label: 'N', type: 'integer' as const, role: 'measure' as const }] });
      const twoTables: DataModelInput = { name: 'two', label: 'Two', tables: [table('left_only'), table('right_only')], relations: [], measures: [] };
      const column: LoadColumn[] = [{ name: 'n', type: 'integer' }];
      const left = createDuckDbAdapter({ bundle, model: twoTables, database: 'left' });
      const leftAgain = createDuckDbAdapter({ bundle, model: twoTables, database: 'left' });
      const right = createDuckDbAdapter({ bundle, model: twoTables, database: 'right' });
      const main = createDuckDbAdapter({ bundle, model: twoTables });
      try {
        await left.loadColumns('left_only', column, { n: [1, 2] }, { mode: 'replace' });
        await right.loadColumns('right_only', column, { n: [3, 4, 5] }, { mode: 'replace' });
        expect(started, 'one new worker per new database name').to.equal(2);

        const counts = async (a: DuckDbAdapter) => (await a.describe()).tables.map((t) => [t.name, t.rowCount]);
        expect(await counts(left)).to.deep.equal([['left_only', 2], ['right_only', null]]);
        expect(await counts(leftAgain), 'same name, same database').to.deep.equal([['left_only', 2], ['right_only', null]]);
        expect(await counts(right)).to.deep.equal([['left_only', null], ['right_only', 3]]);
        expect(await counts(main), 'the default database holds neither').to.deep.equal([['left_only', null], ['right_only', null]]);
        expect((await right.sql('SELECT sum(n) AS s FROM right_only')).rows).to.deep.equal([{ s: 12 }]);
        expect((await rejection(left.sql('SELECT * FROM right_only'))).message).to.contain('right_only');
        expect(started, 'the default database was already running').to.equal(2);
        expect([left.database, right.database, main.database]).to.deep.equal(['left', 'right', 'default']);
        expect(await getDuckDb(bundle, undefined, 'left')).to.not.equal(await getDuckDb(bundle, undefined, 'right'));
        expect(await getDuckDb(bundle, undefined, 'default')).to.equal(await getDuckDb(bundle));
      } finally {
        globalThis.Worker = RealWorker;
        await Promise.all([left, leftAgain, right, main].map((a) => a.close()));
      }
      expect(() => createDuckDbAdapter({ bundle, model: twoTables, database: ' ' })).to.throw(AdapterError, 'database');
    });
  });

  describe('describe and createTables', () => {
    it('reports null row counts for tables that do not exist, then counts', async () => {
      const ghost = createDuckDbAdapter({
        bundle,
        model: { ...shop, name: 'ghosts', tables: [{ name: 'ghost_table', label: 'Ghost', kind: 'fact', columns: [{ name: 'g', label: 'G', type: 'integer', role: 'measure' }] }], relations: [], measures: [] },
      });
      const before = await ghost.describe();
      expect(before.tables[0]!.rowCount).to.equal(null);
      const err = await rejection(ghost.sample('ghost_table'));
      expect(err.code).to.equal('not_found');
      expect(err.message).to.contain('ghost_table');
      expect(await ghost.createTables()).to.deep.equal({ created: ['ghost_table'] });
      expect(await ghost.createTables()).to.deep.equal({ created: [] });
      expect((await ghost.describe()).tables[0]!.rowCount).to.equal(0);
      expect((await ghost.sample('ghost_table')).total).to.equal(0);
    });

    it('counts the rows of every loaded table', async () => {
      await loadShop(adapter);
      const model = await adapter.describe();
      expect(model.tables.map((t) => [t.name, t.rowCount])).to.deep.equal([
        ['regions', 3],
        ['customers', 4],
        ['orders', 8],
      ]);
      expect(model.measures.length).to.equal(8);
    });
  });

  describe('query', () => {
    const cases: Array<{ name: string; query: SemanticQueryInput; rows: Row[]; total?: number }> = [
      {
        name: 'two-hop lookup, nulls for missing matches, first measure descending',
        query: { measures: ['orders.revenue', 'orders.count'], dimensions: ['regions.name'] },
        rows: [
          { 'regions.name': 'North', 'orders.revenue': 200.5, 'orders.count': 4 },
          { 'regions.name': 'South', 'orders.revenue': 200, 'orders.count': 2 },
          { 'regions.name': null, 'orders.revenue': 85.25, 'orders.count': 2 },
        ],
      },
      {
        name: 'month granularity, date range including its last day, filter',
        query: {
          measures: ['orders.revenue', 'orders.customers'],
          timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
          filters: [{ member: 'orders.channel', operator: 'in', values: ['web', 'store'] }],
        },
        rows: [
          { 'orders.ordered_at.month': '2024-01-01', 'orders.revenue': 150.5, 'orders.customers': 1 },
          { 'orders.ordered_at.month': '2024-02-01', 'orders.revenue': 220, 'orders.customers': 2 },
          { 'orders.ordered_at.month': '2024-03-01', 'orders.revenue': 85.25, 'orders.customers': 2 },
        ],
      },
      {
        name: 'filter on a looked-up column, avg ignoring nulls, explicit order',
        query: {
          measures: ['orders.avg_amount', 'orders.units'],
          dimensions: ['customers.name'],
          filters: [{ member: 'customers.tier', operator: 'equals', values: ['Gold'] }],
          order: [['orders.units', 'desc']],
        },
        rows: [
          { 'customers.name': 'Cid', 'orders.avg_amount': 200, 'orders.units': 4 },
          { 'customers.name': 'Ann', 'orders.avg_amount': 75.25, 'orders.units': 3 },
        ],
      },
      {
        name: 'measure filter with total and paging',
        query: {
          measures: ['orders.count'],
          dimensions: ['orders.channel'],
          filters: [{ member: 'orders.count', operator: 'gte', values: [2] }],
          order: [['orders.channel', 'asc']],
          total: true,
          limit: 1,
          offset: 1,
        },
        rows: [{ 'orders.channel': 'web', 'orders.count': 4 }],
        total: 2,
      },
      {
        name: 'temporal min/max, filtered measure, no dimensions',
        query: { measures: ['orders.first_order', 'orders.last_ship', 'orders.web_revenue'] },
        rows: [{ 'orders.first_order': '2024-01-03T10:00:00.000Z', 'orders.last_ship': '2024-04-11', 'orders.web_revenue': 330.5 }],
      },
      {
        name: 'timestamp dimension keeps milliseconds; contains ignores case',
        query: { dimensions: ['orders.ordered_at', 'customers.name'], filters: [{ member: 'customers.name', operator: 'contains', values: ['DE'] }] },
        rows: [{ 'orders.ordered_at': '2024-03-15T23:59:59.999Z', 'customers.name': 'Dee' }],
      },
      {
        name: 'boolean dimension with an unmatched lookup',
        query: { measures: ['orders.count'], dimensions: ['customers.vip'] },
        rows: [
          { 'customers.vip': false, 'orders.count': 4 },
          { 'customers.vip': true, 'orders.count': 3 },
          { 'customers.vip': null, 'orders.count': 1 },
        ],
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const result = await adapter.query(c.query);
        expect(result.rows).to.deep.equal(c.rows);
        expect(result.total).to.equal(c.total);
        expect(result.provenance.kind).to.equal('sql');
        const reference = await memory.query(c.query);
        expect(result.columns).to.deep.equal(reference.columns);
        expect(result.rows).to.deep.equal(reference.rows);
      });
    }

    it('groups a date column by week, Monday first, nulls last', async () => {
      const result = await adapter.query({ measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.ship_date', granularity: 'week' }] });
      expect(result.rows.map((r) => r['orders.ship_date.week'])).to.deep.equal([
        '2024-01-01',
        '2024-01-22',
        '2024-02-12',
        '2024-02-26',
        '2024-03-18',
        '2024-04-01',
        '2024-04-08',
        null,
      ]);
      expect(result.rows.every((r) => r['orders.count'] === 1)).to.equal(true);
    });

    it('binds every value: the SQL holds placeholders only', async () => {
      const result = await adapter.query({
        measures: ['orders.count'],
        filters: [{ member: 'orders.channel', operator: 'equals', values: ["web' OR '1'='1"] }],
      });
      expect(result.rows).to.deep.equal([{ 'orders.count': 0 }]);
      if (result.provenance.kind !== 'sql') throw new Error('sql provenance expected');
      expect(result.provenance.sql).not.to.contain("OR '1'");
      expect(result.provenance.params).to.include("web' OR '1'='1");
    });

    it('rejects an invalid query before touching DuckDB', async () => {
      const err = await rejection(adapter.query({ measures: ['orders.nope'] }));
      expect(err.code).to.equal('invalid_request');
      expect(err.field).to.equal('measures.0');
    });
  });

  describe('sample', () => {
    it('returns rows in stored order in the model types, with the total', async () => {
      const result = await adapter.sample('customers', { limit: 2, offset: 1 });
      expect(result.total).to.equal(4);
      expect(result.rows).to.deep.equal([
        { customer_id: 'c2', name: 'Bob', region_id: 'r1', tier: 'Silver', signup: '2023-02-20', vip: false },
        { customer_id: 'c3', name: 'Cid', region_id: 'r2', tier: 'Gold', signup: '2023-03-05', vip: false },
      ]);
      expect(result.columns.map((c) => c.type)).to.deep.equal(['string', 'string', 'string', 'string', 'date', 'boolean']);
      expect(result).to.deep.equal({ ...(await memory.sample('customers', { limit: 2, offset: 1 })), provenance: result.provenance });
      const orders = await adapter.sample('orders', { limit: 1, offset: 5 });
      expect(orders.rows).to.deep.equal([
        { order_id: 6, customer_id: 'c4', amount: 75.25, qty: 2, ordered_at: '2024-03-15T23:59:59.999Z', ship_date: '2024-03-18', channel: 'store' },
      ]);
    });

    it('rejects tables outside the model and bad paging', async () => {
      expect((await rejection(adapter.sample('pg_tables'))).code).to.equal('not_found');
      const err = await rejection(adapter.sample('orders', { limit: -1 }));
      expect([err.code, err.field]).to.deep.equal(['invalid_request', 'limit']);
    });
  });

  describe('sql', () => {
    it("binds '$NAME' and $NAME parameters and types columns from Arrow", async () => {
      const evil = "x'; DROP TABLE orders; --";
      const result = await adapter.sql(
        `SELECT c.name, SUM(o.qty) AS units, SUM(o.amount) AS revenue, COUNT(*) AS n, MIN(o.ship_date) AS first_ship,
                MIN(o.ordered_at) AS first_at, bool_or(c.vip) AS vip, 1.5::DECIMAL(10, 2) AS price, '$EVIL' AS echo
           FROM orders o JOIN customers c USING (customer_id)
          WHERE o.ordered_at >= '$FROM' AND c.name <> '$EVIL' AND o.channel = $CHANNEL -- '$NOT_A_PARAM'
          GROUP BY c.name ORDER BY c.name`,
        { FROM: '2024-01-15', EVIL: evil, CHANNEL: 'web' },
      );
      expect(result.rows).to.deep.equal([
        { name: 'Bob', units: 1, revenue: 20, n: 1, first_ship: null, first_at: '2024-02-01T08:00:00.000Z', vip: false, price: 1.5, echo: evil },
        { name: 'Cid', units: 3, revenue: 200, n: 1, first_ship: '2024-02-16', first_at: '2024-02-14T18:45:00.000Z', vip: false, price: 1.5, echo: evil },
      ]);
      expect(result.columns.map((c) => [c.name, c.type])).to.deep.equal([
        ['name', 'string'],
        ['units', 'integer'],
        ['revenue', 'number'],
        ['n', 'integer'],
        ['first_ship', 'date'],
        ['first_at', 'timestamp'],
        ['vip', 'boolean'],
        ['price', 'number'],
        ['echo', 'string'],
      ]);
      expect(result.provenance).to.deep.equal({
        kind: 'sql',
        sql: result.provenance.kind === 'sql' ? result.provenance.sql : '',
        params: [evil, '2024-01-15', evil, 'web'],
      });
      expect((await adapter.sql('SELECT COUNT(*) AS n FROM orders')).rows).to.deep.equal([{ n: 8 }]);
    });

    it('binds typed literals and reports missing parameters', async () => {
      const r = await adapter.sql("SELECT DATE '$D' + 1 AS next_day, $N * 2 AS twice, $FLAG AS flag, $NOTHING AS nothing, TIME '$T' AS at", {
        D: '2024-02-28',
        N: 21,
        FLAG: true,
        NOTHING: null,
        T: '09:05:03.25',
      });
      expect(r.rows).to.deep.equal([{ next_day: '2024-02-29', twice: 42, flag: true, nothing: null, at: '09:05:03.250000' }]);
      const err = await rejection(adapter.sql('SELECT $MISSING', {}));
      expect([err.code, err.field, err.message]).to.deep.equal(['invalid_request', 'params.MISSING', 'parameter $MISSING needs a value']);
    });

    it('maps DuckDB errors to codes with DuckDB’s message', async () => {
      const missing = await rejection(adapter.sql('SELECT * FROM no_such_table'));
      expect(missing.code).to.equal('not_found');
      expect(missing.message).to.contain('no_such_table');
      const syntax = await rejection(adapter.sql('SELEC 1'));
      expect(syntax.code, syntax.message).to.equal('invalid_request');
      expect(syntax.message).to.match(/Parser Error: syntax error at or near "SELEC"/);
      const binder = await rejection(adapter.sql('SELECT no_such_column FROM orders'));
      expect(binder.code).to.equal('invalid_request');
      expect(binder.message).to.contain('no_such_column');
      const conversion = await rejection(adapter.sql("SELECT CAST('$V' AS INTEGER)", { V: 'abc' }));
      expect(conversion.code, conversion.message).to.equal('invalid_request');
      expect((await adapter.sql('SELECT 1 AS ok')).rows).to.deep.equal([{ ok: 1 }]);
    });
  });

  describe('abort and timeout', () => {
    it('cancels a running heavy query and stays usable', async () => {
      const controller = new AbortController();
      const t0 = performance.now();
      const pending = adapter.sql(HEAVY, {}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      const err = await rejection(pending);
      expect(err.code).to.equal('aborted');
      expect(performance.now() - t0).to.be.below(2000);
      const t1 = performance.now();
      expect((await adapter.sql('SELECT 42 AS answer')).rows).to.deep.equal([{ answer: 42 }]);
      expect(performance.now() - t1, 'DuckDB really stopped').to.be.below(5000);
    });

    it('rejects at once when already aborted, and drops a queued call', async () => {
      const aborted = AbortSignal.abort();
      expect((await rejection(adapter.query({ measures: ['orders.count'] }, { signal: aborted }))).code).to.equal('aborted');
      const heavy = new AbortController();
      const queued = new AbortController();
      const running = adapter.sql(HEAVY, {}, { signal: heavy.signal });
      const waiting = adapter.query({ measures: ['orders.count'] }, { signal: queued.signal });
      setTimeout(() => queued.abort(), 100);
      expect((await rejection(waiting)).code).to.equal('aborted');
      heavy.abort();
      expect((await rejection(running)).code).to.equal('aborted');
      expect((await adapter.query({ measures: ['orders.count'] })).rows).to.deep.equal([{ 'orders.count': 8 }]);
    });

    it('times out a query after queryTimeoutMs', async () => {
      const impatient = createDuckDbAdapter({ bundle, model: shop, queryTimeoutMs: 1000 });
      await impatient.ready();
      const err = await rejection(impatient.sql(HEAVY));
      expect(err.code).to.equal('timeout');
      expect(err.message).to.contain('1000 ms');
      expect((await impatient.sql('SELECT 1 AS one')).rows, 'the connection is free again').to.deep.equal([{ one: 1 }]);
    });
  });

  describe('append', () => {
    it('appends checked rows that queries then see', async () => {
      const before = (await adapter.query({ measures: ['orders.count', 'orders.revenue'] })).rows[0]!;
      const r = await adapter.append('orders', [
        { order_id: 9, customer_id: 'c1', amount: 12.5, qty: 1, ordered_at: '2024-05-01T10:00:00Z', ship_date: '2024-05-02', channel: 'web' },
        { order_id: 10, customer_id: 'c3', amount: null, qty: 2, ordered_at: '2024-05-03', channel: 'store' },
      ]);
      expect(r).to.deep.equal({ appended: 2 });
      const after = (await adapter.query({ measures: ['orders.count', 'orders.revenue'] })).rows[0]!;
      expect(after).to.deep.equal({ 'orders.count': (before['orders.count'] as number) + 2, 'orders.revenue': (before['orders.revenue'] as number) + 12.5 });
      const tail = await adapter.sample('orders', { offset: 8 });
      expect(tail.rows.map((x) => [x.order_id, x.ordered_at, x.ship_date])).to.deep.equal([
        [9, '2024-05-01T10:00:00.000Z', '2024-05-02'],
        [10, '2024-05-03T00:00:00.000Z', null],
      ]);
    });

    it('creates a missing table on the first append', async () => {
      const notes = createDuckDbAdapter({
        bundle,
        model: { name: 'notes', label: 'Notes', tables: [{ name: 'notes', label: 'Notes', kind: 'fact', columns: [{ name: 'body', label: 'Body', type: 'string', role: 'dimension' }, { name: 'at', label: 'At', type: 'date', role: 'time' }] }] },
      });
      expect(await notes.append('notes', [{ body: "it's; DROP TABLE notes; --", at: '2024-01-31' }])).to.deep.equal({ appended: 1 });
      expect((await notes.sample('notes')).rows).to.deep.equal([{ body: "it's; DROP TABLE notes; --", at: '2024-01-31' }]);
    });

    it('rejects unknown columns and bad values, naming the field, and appends nothing', async () => {
      const unknown = await rejection(adapter.append('orders', [{ order_id: 11, bogus: 1 }]));
      expect([unknown.code, unknown.field]).to.deep.equal(['invalid_request', 'rows.0.bogus']);
      const bad = await rejection(adapter.append('orders', [{ order_id: 11 }, { order_id: 12, qty: 1.5 }]));
      expect([bad.code, bad.field]).to.deep.equal(['invalid_request', 'rows.1.qty']);
      expect((await rejection(adapter.append('nope', [{ a: 1 }]))).code).to.equal('not_found');
      expect((await rejection(adapter.append('orders', []))).code).to.equal('invalid_request');
      expect((await adapter.sample('orders')).total).to.equal(10);
    });
  });

  describe('loadColumns', () => {
    const bigModel: DataModelInput = {
      name: 'bulk',
      label: 'Bulk',
      tables: [
        {
          name: 'big',
          label: 'Big',
          kind: 'fact',
          columns: [
            { name: 'id', label: 'ID', type: 'integer', role: 'identity' },
            { name: 'customer', label: 'Customer', type: 'string', role: 'dimension' },
            { name: 'amount', label: 'Amount', type: 'number', role: 'measure' },
            { name: 'qty', label: 'Qty', type: 'integer', role: 'measure' },
            { name: 'ts', label: 'Time', type: 'timestamp', role: 'time' },
            { name: 'day', label: 'Day', type: 'date', role: 'time' },
            { name: 'flag', label: 'Flag', type: 'boolean', role: 'dimension' },
          ],
        },
      ],
      measures: [
        { name: 'revenue', label: 'Revenue', table: 'big', aggregation: 'sum', column: 'amount' },
        { name: 'buyers', label: 'Buyers', table: 'big', aggregation: 'countDistinct', column: 'customer' },
      ],
    };
    const bigColumns: LoadColumn[] = bigModel.tables[0]!.columns.map((c) => ({ name: c.name, type: c.type }));
    const START = Date.UTC(2023, 0, 1);

    function generate(n: number) {
      const id = new Array<number>(n);
      const customer = new Array<string | null>(n);
      const amount = new Array<number | null>(n);
      const qty = new Array<number>(n);
      const ts = new Array<number>(n);
      const day = new Array<string>(n);
      const flag = new Array<boolean | null>(n);
      for (let i = 0; i < n; i++) {
        id[i] = i;
        customer[i] = i % 50 === 0 ? null : `cust-${(i * 7919) % 4999}${i % 997 === 0 ? '-é€😀' : ''}`;
        amount[i] = i % 13 === 0 ? null : ((i * 37) % 1000) / 4;
        qty[i] = (i % 7) + 1;
        ts[i] = START + i * 61_000 + (i % 1000);
        day[i] = new Date(START + (i % 730) * 86_400_000).toISOString().slice(0, 10);
        flag[i] = i % 3 === 0 ? null : i % 2 === 0;
      }
      return { id, customer, amount, qty, ts, day, flag };
    }

    let bulk: DuckDbAdapter;
    before(() => {
      bulk = createDuckDbAdapter({ bundle, model: bigModel });
    });

    it('loads 100k rows with progress; aggregates equal a JS computation', async () => {
      const n = 100_000;
      const data = generate(n);
      const progress: LoadProgress[] = [];
      expect(await bulk.loadColumns('big', bigColumns, data, { mode: 'replace', onProgress: (p) => progress.push(p) })).to.deep.equal({ rows: n });
      expect(progress.filter((p) => p.phase === 'load').length).to.be.at.least(1);
      expect(progress.at(-1)).to.deep.equal({ phase: 'done', done: n, total: n });

      let sum = 0;
      let counted = 0;
      let units = 0;
      let flagged = 0;
      let emoji = 0;
      const buyers = new Set<string>();
      const byMonth = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const a = data.amount[i]!;
        if (a !== null) {
          sum += a;
          counted++;
          const month = new Date(data.ts[i]!).toISOString().slice(0, 7) + '-01';
          byMonth.set(month, (byMonth.get(month) ?? 0) + a);
        }
        units += data.qty[i]!;
        if (data.flag[i] === true) flagged++;
        const c = data.customer[i];
        if (c !== null) buyers.add(c!);
        if (c?.endsWith('😀')) emoji++;
      }
      const r = await bulk.sql(
        "SELECT COUNT(*) AS n, SUM(amount) AS sum, COUNT(amount) AS counted, SUM(qty) AS units, COUNT(DISTINCT customer) AS buyers, COUNT(*) FILTER (WHERE flag) AS flagged, COUNT(*) FILTER (WHERE customer LIKE '%😀') AS emoji, MIN(ts) AS first_ts, MAX(ts) AS last_ts, MAX(day) AS last_day FROM big",
      );
      expect(r.rows[0]).to.deep.equal({
        n,
        sum,
        counted,
        units,
        buyers: buyers.size,
        flagged,
        emoji,
        first_ts: new Date(data.ts[0]!).toISOString(),
        last_ts: new Date(data.ts[n - 1]!).toISOString(),
        last_day: '2024-12-30',
      });
      const types = await bulk.sql("SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = 'big' ORDER BY ordinal_position");
      expect(types.rows.map((x) => `${x.c} ${x.t}`)).to.deep.equal(['id BIGINT', 'customer VARCHAR', 'amount DOUBLE', 'qty BIGINT', 'ts TIMESTAMP', 'day DATE', 'flag BOOLEAN']);
      const months = await bulk.query({ measures: ['big.revenue'], timeDimensions: [{ dimension: 'big.ts', granularity: 'month' }], limit: 1000 });
      expect(months.rows.map((x) => [x['big.ts.month'], x['big.revenue']])).to.deep.equal([...byMonth.entries()].sort());
    });

    it('appends in append mode and rejects bad data naming the field', async () => {
      const more = generate(10);
      await bulk.loadColumns('big', bigColumns, more, { mode: 'append' });
      expect((await bulk.sql('SELECT COUNT(*) AS n FROM big')).rows).to.deep.equal([{ n: 100_010 }]);
      const bad = await rejection(bulk.loadColumns('big', [{ name: 'qty', type: 'integer' }], { qty: [1, 2, 'x'] }, { mode: 'append' }));
      expect([bad.code, bad.field]).to.deep.equal(['invalid_request', 'rows.2.qty']);
      const ragged = await rejection(bulk.loadColumns('big', [{ name: 'id', type: 'integer' }, { name: 'qty', type: 'integer' }], { id: [1], qty: [1, 2] }, { mode: 'append' }));
      expect([ragged.code, ragged.field]).to.deep.equal(['invalid_request', 'data.qty']);
      const unknown = await rejection(bulk.loadColumns('big', [{ name: 'nope', type: 'integer' }], { nope: [1] }, { mode: 'append' }));
      expect([unknown.code, unknown.field]).to.deep.equal(['invalid_request', 'columns.0.name']);
      expect((await bulk.sql('SELECT COUNT(*) AS n FROM big')).rows).to.deep.equal([{ n: 100_010 }]);
    });

    it('leaves the table as it was when a load is aborted', async () => {
      const controller = new AbortController();
      const data = generate(300_000);
      const err = await rejection(
        bulk.loadColumns('big', bigColumns, data, {
          mode: 'replace',
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase === 'load') controller.abort();
          },
        }),
      );
      expect(err.code).to.equal('aborted');
      expect((await bulk.sql('SELECT COUNT(*) AS n FROM big')).rows).to.deep.equal([{ n: 100_010 }]);
      const staging = await bulk.sql("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name LIKE '__clv_staging%'");
      expect(staging.rows).to.deep.equal([{ n: 0 }]);
    });

    it('replaces a table from some columns: the others stay in the model, empty', async () => {
      await bulk.loadColumns('big', [{ name: 'qty', type: 'integer' }, { name: 'id', type: 'integer' }], { id: [3, 1, 2], qty: [30, 10, 20] }, { mode: 'replace' });
      const r = await bulk.sample('big');
      expect(r.total).to.equal(3);
      expect(r.rows[0]).to.deep.equal({ id: 3, customer: null, amount: null, qty: 30, ts: null, day: null, flag: null });
      const empty = await bulk.loadColumns('big', bigColumns, generate(0), { mode: 'replace' });
      expect(empty).to.deep.equal({ rows: 0 });
      expect((await bulk.describe()).tables[0]!.rowCount).to.equal(0);
    });

    it('loads 1M rows (timed) and answers a semantic query over them', async () => {
      const n = 1_000_000;
      const data = generate(n);
      const t0 = performance.now();
      await bulk.loadColumns('big', bigColumns, data, { mode: 'replace' });
      const loadMs = performance.now() - t0;
      const t1 = performance.now();
      const r = await bulk.query({ measures: ['big.revenue', 'big.buyers'], dimensions: ['big.flag'], total: true });
      const queryMs = performance.now() - t1;
      console.log(`DUCKDB-WASM loadColumns 1M rows x 7 columns: ${Math.round(loadMs)} ms; semantic query: ${Math.round(queryMs)} ms`);
      expect(r.total).to.equal(3);
      expect(r.rows.map((x) => x['big.flag'])).to.have.members([true, false, null]);
      expect((await bulk.describe()).tables[0]!.rowCount).to.equal(n);
    });
  });
});
