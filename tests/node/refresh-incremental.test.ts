// Incremental refresh, the same scenario on the in-memory engine and on native DuckDB (through a
// sql()-only adapter): batches with duplicates inside a batch, re-delivered ids of rows already
// processed and rows without an id; after every run the target equals a full recompute. A run
// that fails after writing part of its rows leaves nothing behind and the checkpoint unchanged;
// the rerun catches up. Also: query-template tasks, derivations and the SQL store on DuckDB.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataModelInput } from '../../src/contracts/data-model.js';
import type { ScalarValue } from '../../src/contracts/result.js';
import { createTableSql, SQL_TYPE } from '../../src/engines/duckdb/ddl.js';
import { MemoryAdapter } from '../../src/engines/memory/memory-adapter.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import type { RefreshExecutor } from '../../src/refresh/executor.js';
import type { RefreshJobInput } from '../../src/refresh/job-schema.js';
import { MemoryRefreshExecutor } from '../../src/refresh/memory-executor.js';
import { MemoryRefreshStore } from '../../src/refresh/memory-store.js';
import { RefreshScheduler } from '../../src/refresh/scheduler.js';
import { SqlRefreshExecutor } from '../../src/refresh/sql-executor.js';
import { REFRESH_TABLES, SqlRefreshStore } from '../../src/refresh/sql-store.js';
import { NodeDuckDbSqlAdapter } from './support/duckdb-sql-adapter.js';
import { FakeClock } from './support/refresh-fake-clock.js';

type Tx = Record<string, ScalarValue>;

const transactions = clvDataModel.tables.find((t) => t.name === 'transactions')!;
const CLEAN = 'transactions_clean';
const model: DataModelInput = {
  ...clvDataModel,
  tables: [...clvDataModel.tables, { ...transactions, name: CLEAN, label: 'Transactions (deduplicated)', kind: 'derived' }],
};

const minute = 60_000;
/** A purchase; amounts are multiples of 0.25 so every sum is exact. */
function tx(seq: number, day: string, over: Partial<Tx> = {}): Tx {
  const ts = new Date(Date.parse(`${day}T00:00:00Z`) + seq * minute).toISOString();
  return {
    transaction_id: `T${String(seq).padStart(4, '0')}`,
    customer_id: `C${seq % 37}`,
    ts,
    amount: ((seq * 7) % 400) / 4 + 1,
    quantity: 1 + (seq % 3),
    channel: ['web', 'mobile', 'store', 'phone'][seq % 4]!,
    category: 'Books',
    order_date: ts.slice(0, 10),
    ...over,
  };
}
const later = (row: Tx, ms: number, over: Partial<Tx> = {}): Tx => {
  const ts = new Date(Date.parse(String(row.ts)) + ms).toISOString();
  return { ...row, ts, order_date: ts.slice(0, 10), ...over };
};
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Batch A: 120 new rows, 10 exact copies, 5 copies 30 s later, 2 rows without an id. */
const batchA = (): Tx[] => {
  const base = range(1, 120).map((i) => tx(i, '2024-01-01'));
  return [
    ...base,
    ...base.slice(4, 14).map((r) => ({ ...r })),
    ...base.slice(19, 24).map((r) => later(r, 30_000)),
    tx(500, '2024-01-01', { transaction_id: null }),
    tx(501, '2024-01-01', { transaction_id: null }),
  ];
};
/** Batch B: 100 new rows, 15 re-deliveries of batch-A ids (later, other amounts), one in-batch copy with another amount. */
const batchB = (): Tx[] => {
  const base = range(121, 220).map((i) => tx(i, '2024-01-02'));
  return [...base, ...range(1, 15).map((i) => tx(i, '2024-01-02', { amount: 999 })), later(base[9]!, minute, { amount: 555 })];
};
/** Batch C: 40 new rows, 5 re-deliveries of batch-B ids and one more of T0001. */
const batchC = (): Tx[] => [
  ...range(221, 260).map((i) => tx(i, '2024-01-03')),
  ...range(121, 125).map((i) => tx(i, '2024-01-03', { amount: 777 })),
  tx(1, '2024-01-03', { amount: 888 }),
];

/** Deduplication from scratch: per id the earliest row (first stored on ties); rows without id or time are left out. */
function fullRecompute(source: Tx[]): Tx[] {
  const best = new Map<ScalarValue, Tx>();
  for (const r of source) {
    if (r.transaction_id === null || r.ts === null) continue;
    const seen = best.get(r.transaction_id);
    if (!seen || Date.parse(String(r.ts)) < Date.parse(String(seen.ts))) best.set(r.transaction_id, r);
  }
  return [...best.values()];
}

const key = (r: Tx) => [r.transaction_id, r.customer_id, r.ts, r.amount, r.quantity, r.channel, r.order_date].join('|');
function assertSameRows(actual: Tx[], expected: Tx[]): void {
  assert.equal(actual.length, expected.length, 'row count');
  const sum = (rows: Tx[]) => rows.reduce((s, r) => s + Number(r.amount), 0);
  assert.equal(sum(actual), sum(expected), 'total amount');
  assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
}

const incrementalJob: RefreshJobInput = {
  id: 'transactions-clean',
  name: 'Deduplicated transactions',
  task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
  output: { table: CLEAN, mode: 'create-append' },
  schedule: { kind: 'hourly' },
};

/** What each engine's test needs: append to the source, read the target, make a failure happen. */
interface Engine {
  name: string;
  executor: () => RefreshExecutor;
  appendSource(rows: Tx[]): Promise<void>;
  readTarget(): Promise<Tx[]>;
  /** Makes the next run fail after it has written part of its rows to the target; returns a check that it did. */
  failMidway(): () => void;
  healed(): void;
}

async function scenario(engine: Engine): Promise<void> {
  const clock = new FakeClock('2024-01-04T00:00:00Z');
  let n = 0;
  const scheduler = new RefreshScheduler({ executor: engine.executor(), clock, newRunId: () => `r${++n}` });
  await scheduler.createJob(incrementalJob);
  const all: Tx[] = [];
  const feed = async (rows: Tx[]) => {
    all.push(...rows);
    await engine.appendSource(rows);
  };
  const lastGood = async () => (await scheduler.store.lastCheckpoint('transactions-clean', 'SUCCESSFUL'))?.lastPosition;

  await feed(batchA());
  let run = await scheduler.runNow('transactions-clean');
  assert.deepEqual([run.status, run.rowsProcessed, run.rowsWritten], ['success', 137, 120]);
  assertSameRows(await engine.readTarget(), fullRecompute(all));
  assert.equal(await lastGood(), '2024-01-01T08:21:00.000Z'); // the last row without an id (seq 501) is the latest

  await feed(batchB());
  // Fail after part of the batch is written: nothing of it may remain, the checkpoint stays.
  const wroteSome = engine.failMidway();
  run = await scheduler.runNow('transactions-clean');
  wroteSome();
  assert.equal(run.status, 'failed');
  assertSameRows(await engine.readTarget(), fullRecompute(all.slice(0, batchA().length)));
  assert.equal(await lastGood(), '2024-01-01T08:21:00.000Z');
  engine.healed();

  run = await scheduler.runNow('transactions-clean');
  assert.deepEqual([run.status, run.rowsProcessed, run.rowsWritten], ['success', 116, 100]);
  assertSameRows(await engine.readTarget(), fullRecompute(all));
  assert.equal(await lastGood(), '2024-01-02T03:40:00.000Z');

  await feed(batchC());
  run = await scheduler.runNow('transactions-clean');
  assert.deepEqual([run.status, run.rowsProcessed, run.rowsWritten], ['success', 46, 40]);
  assertSameRows(await engine.readTarget(), fullRecompute(all));

  run = await scheduler.runNow('transactions-clean');
  assert.deepEqual([run.status, run.rowsProcessed, run.rowsWritten], ['success', 0, 0], 'nothing new');
  assert.equal(await lastGood(), '2024-01-03T04:20:00.000Z');
  assertSameRows(await engine.readTarget(), fullRecompute(all));

  const log = (await scheduler.listCheckpoints('transactions-clean')).map((c) => c.status);
  assert.deepEqual(log, ['RUNNING', 'SUCCESSFUL', 'RUNNING', 'FAILED', 'RUNNING', 'SUCCESSFUL', 'RUNNING', 'SUCCESSFUL', 'RUNNING', 'SUCCESSFUL']);
  assert.deepEqual(
    (await scheduler.listRuns('transactions-clean')).map((r) => r.status).reverse(),
    ['success', 'failed', 'success', 'success', 'success'],
  );
}

describe('incremental append: in-memory engine', () => {
  test('equals a full recompute after every run; a failure midway leaves nothing', async () => {
    const adapter = new MemoryAdapter(model);
    let restore: (() => void) | undefined;
    await scenario({
      name: 'memory',
      executor: () => new MemoryRefreshExecutor(adapter, new MemoryRefreshStore(), { chunkSize: 10 }),
      appendSource: async (rows) => void (await adapter.append('transactions', rows)),
      readTarget: async () => (await adapter.sample(CLEAN, { limit: 10_000 })).rows,
      failMidway: () => {
        const store = adapter.store;
        const append = store.appendRows.bind(store);
        let chunks = 0;
        let peak = 0;
        store.appendRows = (name, rows, replace) => {
          if (name === CLEAN && !replace && ++chunks === 3) {
            peak = store.all(CLEAN).length;
            throw new Error('disk full');
          }
          return append(name, rows, replace);
        };
        restore = () => (store.appendRows = append);
        return () => assert.equal(peak, 140, 'two chunks of 10 were written before the failure');
      },
      healed: () => restore?.(),
    });
  });

  test('checks the job against the model', async () => {
    const executor = new MemoryRefreshExecutor(new MemoryAdapter(model));
    const scheduler = new RefreshScheduler({ executor, clock: new FakeClock('2024-01-01T00:00:00Z') });
    const bad = (task: Partial<typeof incrementalJob.task>, field: string) =>
      assert.rejects(scheduler.createJob({ ...incrementalJob, task: { ...incrementalJob.task, ...task } as RefreshJobInput['task'] }), { field });
    await bad({ source: 'nope' } as never, 'task.source');
    await bad({ positionColumn: 'nope' } as never, 'task.positionColumn');
    await bad({ positionColumn: 'is_weekend', source: 'dates' } as never, 'task.positionColumn');
    await bad({ eventIdColumn: 'nope' } as never, 'task.eventIdColumn');
    await assert.rejects(scheduler.createJob({ ...incrementalJob, task: { ...incrementalJob.task, source: 'dates', positionColumn: 'date', eventIdColumn: 'date' } as RefreshJobInput['task'] }), {
      field: 'output.table',
    });
  });
});

describe('incremental append: native DuckDB', () => {
  let db: NodeDuckDbSqlAdapter;
  before(async () => {
    db = await NodeDuckDbSqlAdapter.open();
    await db.sql(createTableSql(transactions, true));
  });
  after(() => db.close());

  async function insert(table: string, rows: Tx[]): Promise<void> {
    const cols = transactions.columns;
    for (let start = 0; start < rows.length; start += 50) {
      const params: Record<string, ScalarValue> = {};
      const tuples = rows.slice(start, start + 50).map((r, i) => `(${cols.map((c, j) => ((params[`V${i}_${j}`] = r[c.name] ?? null), `CAST($V${i}_${j} AS ${SQL_TYPE[c.type]})`)).join(', ')})`);
      await db.sql(`INSERT INTO "${table}" VALUES ${tuples.join(', ')}`, params);
    }
  }

  test('equals a full recompute after every run; a failure midway rolls back data and checkpoint together', async () => {
    let targetInserted = false;
    await scenario({
      name: 'duckdb',
      executor: () => new SqlRefreshExecutor(db),
      appendSource: (rows) => insert('transactions', rows),
      readTarget: async () => (await db.sql(`SELECT * FROM "${CLEAN}"`)).rows,
      failMidway: () => {
        targetInserted = false;
        db.beforeSql = (text, params) => {
          if (text.startsWith(`INSERT INTO "${CLEAN}"`)) targetInserted = true;
          // The rows are in; the SUCCESSFUL checkpoint is the transaction's last write.
          if (text.startsWith(`INSERT INTO "${REFRESH_TABLES.checkpoints}"`) && params.STATUS === 'SUCCESSFUL') throw new Error('connection lost');
        };
        return () => assert.ok(targetInserted, 'the target rows were inserted before the failure');
      },
      healed: () => (db.beforeSql = undefined),
    });
    // The refresh tables are plain tables a dashboard can query.
    const runs = await db.sql(`SELECT "status", COUNT(*) AS "n" FROM "${REFRESH_TABLES.runs}" GROUP BY ALL ORDER BY ALL`);
    assert.deepEqual(runs.rows, [
      { status: 'failed', n: 1 },
      { status: 'success', n: 4 },
    ]);
  });

  test('the SQL also matches a full recompute done by DuckDB itself', async () => {
    const full = await db.sql(
      `SELECT COUNT(*) AS "n", SUM("amount") AS "total", COUNT(DISTINCT "customer_id") AS "customers" FROM (SELECT * FROM "transactions" WHERE "transaction_id" IS NOT NULL AND "ts" IS NOT NULL QUALIFY row_number() OVER (PARTITION BY "transaction_id" ORDER BY "ts") = 1)`,
    );
    const inc = await db.sql(`SELECT COUNT(*) AS "n", SUM("amount") AS "total", COUNT(DISTINCT "customer_id") AS "customers" FROM "${CLEAN}"`);
    assert.deepEqual(inc.rows, full.rows);
    assert.equal(inc.rows[0]!.n, 260);
  });

  test('a query template appends its rows each run (create-append), parameters bound', async () => {
    const clock = new FakeClock('2024-01-05T00:00:00Z');
    const scheduler = new RefreshScheduler({ executor: new SqlRefreshExecutor(db), clock });
    await scheduler.createJob({
      id: 'revenue-snapshot',
      name: "Revenue by channel (O'Brien's view)",
      task: {
        kind: 'sql',
        sql: `SELECT "channel", SUM("amount") AS "revenue", COUNT(*) AS "orders", CAST('$AS_OF' AS TIMESTAMP) AS "as_of" FROM "${CLEAN}" WHERE "amount" < $CAP GROUP BY "channel";`,
        params: { AS_OF: '2024-01-05T00:00:00Z', CAP: 500 },
      },
      output: { table: 'revenue_snapshots', mode: 'create-append' },
      schedule: { kind: 'daily', at: '00:00' },
    });
    const first = await scheduler.runNow('revenue-snapshot');
    assert.deepEqual([first.status, first.rowsWritten], ['success', 4]);
    const second = await scheduler.runNow('revenue-snapshot');
    assert.equal(second.rowsWritten, 4);
    const rows = (await db.sql('SELECT "channel", "revenue", "orders", "as_of" FROM "revenue_snapshots" ORDER BY "channel"')).rows;
    assert.equal(rows.length, 8);
    assert.equal(rows[0]!.as_of, '2024-01-05T00:00:00.000Z');
    const total = (await db.sql(`SELECT SUM("amount") AS "t" FROM "${CLEAN}"`)).rows[0]!.t;
    assert.equal(rows.reduce((s, r) => s + Number(r.revenue), 0), 2 * Number(total));
    // Values travel as parameters: the job name with quotes never appears in SQL text.
    assert.ok(!db.log.some((s) => s.includes("O'Brien")));

    const appendOnly = await scheduler.createJob({
      id: 'into-missing',
      name: 'Append to a table that does not exist',
      task: { kind: 'sql', sql: 'SELECT 1 AS "x"' },
      output: { table: 'no_such_table', mode: 'append' },
      schedule: { kind: 'hourly' },
    });
    const failed = await scheduler.runNow(appendOnly.job.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, /no_such_table/);
  });

  test('a derivation failing after its first INSERT chunk leaves no table and no checkpoint', async () => {
    const clock = new FakeClock('2024-01-05T00:00:00Z');
    let calls = 0;
    const scheduler = new RefreshScheduler({
      executor: new SqlRefreshExecutor(new SqlRefreshStore(db), { chunkSize: 2 }),
      clock,
      derivations: {
        spend: async ({ adapter, lastPosition }) => {
          calls++;
          const r = await adapter.sql!(`SELECT "customer_id", SUM("amount") AS "spend", MAX("ts") AS "last" FROM "${CLEAN}" GROUP BY 1 ORDER BY 1 LIMIT 5`);
          return {
            columns: [
              { name: 'customer_id', type: 'string' },
              { name: 'spend', type: 'number' },
              { name: 'last', type: 'timestamp' },
            ],
            rows: r.rows,
            position: (Number(lastPosition) || 0) + 1,
          };
        },
      },
    });
    await scheduler.createJob({
      id: 'spend',
      name: 'Spend',
      task: { kind: 'derivation', ref: 'spend' },
      output: { table: 'customer_spend' },
      schedule: { kind: 'hourly' },
    });
    let inserts = 0;
    db.beforeSql = (text) => {
      if (text.startsWith('INSERT INTO "customer_spend"') && ++inserts === 2) throw new Error('out of memory');
    };
    const failed = await scheduler.runNow('spend');
    db.beforeSql = undefined;
    assert.equal(failed.status, 'failed');
    assert.equal(inserts, 2);
    const exists = await db.sql(`SELECT COUNT(*) AS "n" FROM information_schema.tables WHERE table_name = 'customer_spend'`);
    assert.equal(exists.rows[0]!.n, 0, 'the CREATE TABLE was rolled back too');
    assert.equal(await scheduler.store.lastCheckpoint('spend', 'SUCCESSFUL'), undefined);

    const ok = await scheduler.runNow('spend');
    assert.deepEqual([ok.status, ok.rowsWritten], ['success', 5]);
    assert.equal((await scheduler.store.lastCheckpoint('spend', 'SUCCESSFUL'))?.lastPosition, 1);
    assert.equal(calls, 2);
    const spend = await db.sql('SELECT COUNT(*) AS "n", MIN("last") AS "first_last" FROM "customer_spend"');
    assert.equal(spend.rows[0]!.n, 5);
    assert.match(String(spend.rows[0]!.first_last), /^2024-01-0\dT/);
  });

  test('a runner writing its own tables (CREATE OR REPLACE ... AS, as the decile derivation does) joins the transaction', async () => {
    let failAfterFirst = false;
    const scheduler = new RefreshScheduler({
      executor: new SqlRefreshExecutor(db),
      clock: new FakeClock('2024-01-05T00:00:00Z'),
      derivations: {
        totals: async ({ adapter, now }) => {
          await adapter.sql!(`CREATE OR REPLACE TABLE "customer_totals" AS SELECT "customer_id", SUM("amount") AS "total", CAST($NOW AS TIMESTAMP) AS "as_of" FROM "${CLEAN}" GROUP BY 1`, { NOW: now });
          if (failAfterFirst) throw new Error('second statement failed');
          await adapter.sql!(`CREATE OR REPLACE TABLE "customer_total_ranks" AS SELECT "customer_id", ntile(10) OVER (ORDER BY "total" DESC, "customer_id") AS "decile" FROM "customer_totals"`);
          const n = await adapter.sql!('SELECT COUNT(*) AS "n" FROM "customer_totals"');
          return { tablesWritten: ['customer_totals', 'customer_total_ranks'], rowsWritten: 2 * Number(n.rows[0]!.n) };
        },
      },
    });
    const updated: string[][] = [];
    scheduler.on('clv-refresh-table-updated', (e) => updated.push(e.detail.tables));
    await scheduler.createJob({
      id: 'customer-totals',
      name: 'Customer totals and deciles',
      task: { kind: 'derivation', ref: 'totals' },
      output: { table: 'customer_totals' },
      schedule: { kind: 'daily', at: '03:00' },
    });
    const first = await scheduler.runNow('customer-totals');
    assert.deepEqual([first.status, first.rowsWritten], ['success', 74]);
    assert.deepEqual(updated, [['customer_totals', 'customer_total_ranks']]);
    const before = (await db.sql('SELECT MIN("as_of") AS "as_of", COUNT(*) AS "n" FROM "customer_totals"')).rows[0];
    assert.deepEqual(before, { as_of: '2024-01-05T00:00:00.000Z', n: 37 });

    failAfterFirst = true;
    const failed = await scheduler.runNow('customer-totals');
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, /second statement failed/);
    // The first table's replacement was rolled back with the rest.
    assert.deepEqual((await db.sql('SELECT MIN("as_of") AS "as_of", COUNT(*) AS "n" FROM "customer_totals"')).rows[0], before);
    assert.equal(updated.length, 1);
  });

  test('jobs persist in clv_refresh_jobs: a new scheduler on the same database finds them', async () => {
    const clock = new FakeClock('2024-01-06T00:00:00Z');
    const scheduler = new RefreshScheduler({ executor: new SqlRefreshExecutor(db), clock });
    const views = await scheduler.listJobs();
    assert.deepEqual(
      views.map((v) => [v.job.id, v.state.lastStatus]),
      [
        ['customer-totals', 'failed'],
        ['into-missing', 'failed'],
        ['revenue-snapshot', 'success'],
        ['spend', 'success'],
        ['transactions-clean', 'success'],
      ],
    );
    const tc = views.find((v) => v.job.id === 'transactions-clean')!;
    assert.deepEqual(tc.job, { ...incrementalJob, enabled: true, schedule: { kind: 'hourly', minute: 0, everyHours: 1 } });
    assert.equal(tc.nextRunAt, '2024-01-06T01:00:00.000Z');
    await scheduler.disableJob('into-missing');
    await scheduler.deleteJob('into-missing');
    const left = await db.sql(`SELECT COUNT(*) AS "n" FROM "${REFRESH_TABLES.runs}" WHERE "job_id" = 'into-missing'`);
    assert.equal(left.rows[0]!.n, 0);
    const cps = await scheduler.listCheckpoints('transactions-clean');
    assert.equal(cps.at(-1)!.lastPosition, '2024-01-03T04:20:00.000Z');
  });
});
