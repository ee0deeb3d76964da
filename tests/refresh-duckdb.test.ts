// Scheduled incremental refresh on DuckDB-WASM: a host adapter appends transactions (with
// duplicates and re-delivered ids) while a second adapter, on its own connection of the same
// database, runs the refresh. After every run the deduplicated table equals a full recompute; a
// run that fails after inserting its rows rolls back data and checkpoint together.
import { expect } from '@open-wc/testing';
import type { SqlParams } from '../src/contracts/adapter.js';
import type { ScalarValue } from '../src/contracts/result.js';
import { type DuckDbAdapter, createDuckDbAdapter } from '../src/engines/duckdb/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import type { RefreshEventType } from '../src/refresh/events.js';
import { RefreshScheduler } from '../src/refresh/scheduler.js';
import { SqlRefreshExecutor } from '../src/refresh/sql-executor.js';
import { REFRESH_TABLES, type SqlAdapter } from '../src/refresh/sql-store.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };

type Tx = Record<string, ScalarValue>;
const CLEAN = 'transactions_clean';
const JOB = 'transactions-clean';

function tx(seq: number, day: string, over: Partial<Tx> = {}): Tx {
  const ts = new Date(Date.parse(`${day}T00:00:00Z`) + seq * 60_000).toISOString();
  return {
    transaction_id: `T${String(seq).padStart(4, '0')}`,
    customer_id: `C${seq % 23}`,
    ts,
    amount: ((seq * 7) % 400) / 4 + 1,
    quantity: 1 + (seq % 3),
    channel: ['web', 'mobile', 'store', 'phone'][seq % 4]!,
    category: 'Books',
    order_date: ts.slice(0, 10),
    ...over,
  };
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** 80 rows, 6 exact copies, one row without an id. */
const batchA = (): Tx[] => {
  const base = range(1, 80).map((i) => tx(i, '2024-01-01'));
  return [...base, ...base.slice(10, 16).map((r) => ({ ...r })), tx(300, '2024-01-01', { transaction_id: null })];
};
/** 60 new rows and 10 re-deliveries of batch-A ids with other amounts. */
const batchB = (): Tx[] => [...range(81, 140).map((i) => tx(i, '2024-01-02')), ...range(1, 10).map((i) => tx(i, '2024-01-02', { amount: 999 }))];
/** 30 new rows and re-deliveries of batch-B ids. */
const batchC = (): Tx[] => [...range(141, 170).map((i) => tx(i, '2024-01-03')), ...range(81, 85).map((i) => tx(i, '2024-01-03', { amount: 777 }))];

const ROWS = `SELECT "transaction_id", "customer_id", strftime("ts", '%Y-%m-%dT%H:%M:%S') AS "ts", "amount" FROM`;
const FULL = `(SELECT * FROM "transactions" WHERE "transaction_id" IS NOT NULL AND "ts" IS NOT NULL QUALIFY row_number() OVER (PARTITION BY "transaction_id" ORDER BY "ts") = 1)`;

describe('scheduled incremental refresh on DuckDB-WASM', () => {
  let host: DuckDbAdapter;
  let refresh: DuckDbAdapter;
  /** The refresh adapter with a switch that fails the SUCCESSFUL checkpoint insert (the rows are in by then). */
  let failCheckpoint = false;
  let scheduler: RefreshScheduler;
  const events: string[] = [];

  before(async () => {
    host = createDuckDbAdapter({ bundle, model: clvDataModel });
    refresh = createDuckDbAdapter({ bundle, model: clvDataModel });
    await host.createTables();
    const flaky: SqlAdapter = {
      id: refresh.id,
      capabilities: refresh.capabilities,
      describe: (o) => refresh.describe(o),
      query: (q, o) => refresh.query(q, o),
      sample: (t, o) => refresh.sample(t, o),
      sql: (text: string, params: SqlParams = {}, options) => {
        if (failCheckpoint && text.startsWith(`INSERT INTO "${REFRESH_TABLES.checkpoints}"`) && params.STATUS === 'SUCCESSFUL')
          return Promise.reject(new Error('connection lost'));
        return refresh.sql(text, params, options);
      },
    };
    scheduler = new RefreshScheduler({ executor: new SqlRefreshExecutor(flaky) });
    for (const type of ['clv-refresh-start', 'clv-refresh-success', 'clv-refresh-failure', 'clv-refresh-table-updated'] as RefreshEventType[])
      scheduler.addEventListener(type, () => events.push(type.replace('clv-refresh-', '')));
    await scheduler.createJob({
      id: JOB,
      name: 'Deduplicated transactions',
      task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
      output: { table: CLEAN, mode: 'create-append' },
      schedule: { kind: 'hourly', minute: 5 },
    });
  });

  after(async () => {
    await scheduler.stop();
    await refresh.close();
    await host.close();
  });

  /** The target as the host (another connection) sees it, and the full recompute, row by row. */
  async function compare(): Promise<number> {
    const incremental = (await host.sql(`${ROWS} "${CLEAN}" ORDER BY 1`)).rows;
    const full = (await host.sql(`${ROWS} ${FULL} ORDER BY 1`)).rows;
    expect(incremental).to.deep.equal(full);
    return incremental.length;
  }

  const lastGood = async () => (await scheduler.store.lastCheckpoint(JOB, 'SUCCESSFUL'))?.lastPosition;

  it('appends only new, unseen events each run; totals equal a full recompute', async () => {
    await host.append('transactions', batchA());
    let run = await scheduler.runNow(JOB);
    expect([run.status, run.rowsProcessed, run.rowsWritten]).to.deep.equal(['success', 87, 80]);
    expect(await compare()).to.equal(80);
    expect(await lastGood()).to.equal('2024-01-01T05:00:00.000Z');

    await host.append('transactions', batchB());
    failCheckpoint = true;
    run = await scheduler.runNow(JOB);
    failCheckpoint = false;
    expect(run.status).to.equal('failed');
    expect(run.error).to.contain('connection lost');
    expect((await host.sql(`SELECT COUNT(*) AS "n" FROM "${CLEAN}"`)).rows[0]!.n).to.equal(80);
    expect(await lastGood()).to.equal('2024-01-01T05:00:00.000Z');

    run = await scheduler.runNow(JOB);
    expect([run.status, run.rowsProcessed, run.rowsWritten]).to.deep.equal(['success', 70, 60]);
    expect(await compare()).to.equal(140);

    await host.append('transactions', batchC());
    run = await scheduler.runNow(JOB);
    expect([run.status, run.rowsProcessed, run.rowsWritten]).to.deep.equal(['success', 35, 30]);
    expect(await compare()).to.equal(170);
    expect(await lastGood()).to.equal('2024-01-03T02:50:00.000Z');

    const totals = await host.sql(`SELECT SUM("amount") AS "t", COUNT(DISTINCT "customer_id") AS "c" FROM "${CLEAN}"`);
    const fullTotals = await host.sql(`SELECT SUM("amount") AS "t", COUNT(DISTINCT "customer_id") AS "c" FROM ${FULL}`);
    expect(totals.rows).to.deep.equal(fullTotals.rows);
    expect(events).to.deep.equal(['start', 'success', 'table-updated', 'start', 'failure', 'start', 'success', 'table-updated', 'start', 'success', 'table-updated']);
  });

  it('keeps the checkpoint log and run history in tables of the same database', async () => {
    const log = await host.sql(`SELECT "status", "last_position" FROM "${REFRESH_TABLES.checkpoints}" WHERE "process" = $P ORDER BY "seq"`, { P: JOB });
    expect(log.rows.map((r) => r.status)).to.deep.equal(['RUNNING', 'SUCCESSFUL', 'RUNNING', 'FAILED', 'RUNNING', 'SUCCESSFUL', 'RUNNING', 'SUCCESSFUL']);
    const runs = await scheduler.listRuns(JOB);
    expect(runs.map((r) => r.status)).to.deep.equal(['success', 'success', 'failed', 'success']);
    expect(runs[0]!.start <= runs[0]!.end).to.equal(true);
    const view = await scheduler.getJob(JOB);
    expect(view.nextRunAt).to.match(/:05:00\.000Z$/);
    expect(view.state.lastStatus).to.equal('success');
  });
});
