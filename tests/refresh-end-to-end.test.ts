// End to end in Chromium: purchases appended through the DuckDB-WASM adapter, then a refresh run
// (now, or on schedule with an injected clock), rewrite the decile and customer_clv tables inside
// the run's transaction on a second connection, and the chart inside <clv-data-provider
// .scheduler> shows the new values.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import '../components/data-provider/define.js';
import '../components/query-chart/define.js';
import type { ClvQueryChart } from '../components/query-chart/query-chart.js';
import { registerCustomerClvTable } from '../src/clv/index.js';
import { runClvInWorker } from '../src/clv-worker/index.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { Row, ScalarValue } from '../src/contracts/result.js';
import { type DecileDefinitionInput, registerDerivedTables } from '../src/derive/index.js';
import { type DuckDbAdapter, createDuckDbAdapter } from '../src/engines/duckdb/index.js';
import { clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { CUSTOMER_CLV_DERIVATION, clvDerivations } from '../src/refresh/clv-derivations.js';
import type { RefreshClock } from '../src/refresh/clock.js';
import { RefreshScheduler } from '../src/refresh/scheduler.js';
import { SqlRefreshExecutor } from '../src/refresh/sql-executor.js';
import { generateClvData } from '../src/synthetic/index.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };
const workerUrl = new URL('/src/clv-worker/clv.worker.ts', location.origin);

const deciles: DecileDefinitionInput = {
  name: 'tier_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
  identities: { table: 'customers', column: 'customer_id' },
  windows: [1, 3, 12, 'all'],
  asOf: '2024-07-01',
};
const FLAT = 'tier_deciles_flat';
const model = registerCustomerClvTable(registerDerivedTables(clvDataModel, deciles));

/** Total metric (cents) per tier over the whole history: the chart's query. */
const metricByTier: SemanticQueryInput = {
  measures: [`${FLAT}.metric_sum`],
  dimensions: [`${FLAT}.category`],
  filters: [{ member: `${FLAT}.lookback`, operator: 'equals', values: ['all'] }],
};

/** Time moved by hand: timers fire when advance() passes them. */
class ManualClock implements RefreshClock {
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 0;
  constructor(private ms: number) {}
  now = (): number => this.ms;
  setTimer = (callback: () => void, delayMs: number): unknown => {
    this.timers.set(++this.next, { at: this.ms + delayMs, callback });
    return this.next;
  };
  clearTimer = (handle: unknown): void => void this.timers.delete(handle as number);
  advance(toIso: string): void {
    this.ms = Date.parse(toIso);
    for (const [id, t] of [...this.timers]) {
      if (t.at > this.ms) continue;
      this.timers.delete(id);
      t.callback();
    }
  }
}

function purchase(id: string, customer: ScalarValue, amount: number, ts: string): Record<string, ScalarValue> {
  return { transaction_id: id, customer_id: customer, ts, amount, quantity: 1, channel: 'web', category: 'Books', order_date: ts.slice(0, 10) };
}

const byTier = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r[`${FLAT}.category`] as string, r[`${FLAT}.metric_sum`] as number]));

describe('refresh end to end: append, refresh, chart', () => {
  let host: DuckDbAdapter;
  let refresh: DuckDbAdapter;
  let scheduler: RefreshScheduler;
  let chart: ClvQueryChart;
  const container = document.createElement('div');
  const clock = new ManualClock(Date.parse('2024-07-01T00:00:00Z'));

  before(async () => {
    // The refresh runs BEGIN/COMMIT on its adapter's connection, so it gets its own adapter (same database).
    host = createDuckDbAdapter({ bundle, model });
    refresh = createDuckDbAdapter({ bundle, model });
    const data = generateClvData({ seed: 7, customers: 1_000, start: '2023-01-01', end: '2024-06-30' });
    for (const table of ['customers', 'transactions'] as const) await host.loadColumns(table, loadColumnsOf(table), data[table], { mode: 'replace' });
    scheduler = new RefreshScheduler({
      executor: new SqlRefreshExecutor(refresh),
      clock,
      derivations: clvDerivations({
        model,
        deciles,
        customerClv: {
          calibrationEnd: '2024-06-30',
          timeUnit: 'weeks',
          horizon: 52,
          compute: (transactions, settings) => runClvInWorker({ transactions, ...settings }, { workerUrl }),
        },
      }),
    });
    const daily = { kind: 'daily', at: '02:30' } as const;
    await scheduler.createJob({ id: 'tier-deciles', name: 'Tier deciles', task: { kind: 'derivation', ref: deciles.name }, output: { table: deciles.name }, schedule: daily });
    await scheduler.createJob({ id: 'customer-clv', name: 'Customer CLV', task: { kind: 'derivation', ref: CUSTOMER_CLV_DERIVATION }, output: { table: 'customer_clv' }, schedule: daily });
    for (const id of ['tier-deciles', 'customer-clv']) expect((await scheduler.runNow(id)).status).to.equal('success');
    // Not fixture(): that removes the element after the first test, and a detached provider stops listening.
    render(
      html`<clv-data-provider .adapter=${host} .scheduler=${scheduler}>
        <clv-query-chart mark="bar" label="Total spend per tier" .query=${metricByTier}></clv-query-chart>
      </clv-data-provider>`,
      document.body.appendChild(container),
    );
    chart = container.querySelector('clv-query-chart')!;
    await chart.rendered;
  });

  after(async () => {
    container.remove();
    await scheduler.stop();
    await refresh.close();
    await host.close();
  });

  /** The customer with the lowest lifetime total in a tier (decile 10), and that tier's highest total. */
  async function lowestInTier() {
    const rows = (
      await host.sql(
        `SELECT "customer_id", "category", "metric", "decile", MAX("metric") OVER (PARTITION BY "category") AS "top"
         FROM "${FLAT}" WHERE "lookback" = 'all' QUALIFY row_number() OVER (PARTITION BY "category" ORDER BY "metric", "customer_id") = 1
         ORDER BY "category" LIMIT 1`,
      )
    ).rows;
    return rows[0] as { customer_id: string; category: string; metric: number; decile: number; top: number };
  }

  const decileRow = async (customer: string, lookback: string) =>
    (await host.sql(`SELECT "decile", "metric" FROM "${FLAT}" WHERE "customer_id" = $C AND "lookback" = $L`, { C: customer, L: lookback })).rows[0];
  const clvRow = async (customer: string) =>
    (await host.sql(`SELECT "frequency", "monetary", "clv" FROM "customer_clv" WHERE "customer_id" = $C`, { C: customer })).rows[0] as Record<string, number>;

  it('runNow: the appended purchase moves the customer to decile 1 and the chart shows the new total', async () => {
    const c = await lowestInTier();
    expect(c.decile).to.equal(10);
    const before = byTier(chart.result!.rows);
    const clvBefore = await clvRow(c.customer_id);
    const amount = Math.ceil(c.top / 100) + 1000.25;
    const cents = Math.round(amount * 100);
    const [{ n: transactions }] = (await host.sql(`SELECT COUNT(*) AS "n" FROM "transactions"`)).rows as [{ n: number }];

    await host.append('transactions', [purchase('E2E-1', c.customer_id, amount, '2024-06-15T12:00:00Z')]);
    const updated = new Promise<string[]>((resolve) => scheduler.on('clv-refresh-table-updated', (e) => resolve(e.detail.tables), { once: true }));
    const run = await scheduler.runNow('tier-deciles');
    expect(run.status, run.error).to.equal('success');
    expect(run.rowsProcessed).to.equal(transactions + 1);
    expect(run.rowsWritten).to.be.greaterThan(4_000); // 1,000 customers × 4 lookbacks in the map table, plus the flat rows
    expect(await updated).to.deep.equal([FLAT, deciles.name]);

    expect(await decileRow(c.customer_id, 'all')).to.deep.equal({ decile: 1, metric: c.metric + cents });
    expect((await decileRow(c.customer_id, '1'))!.decile).to.equal(1);

    await chart.rendered;
    const after = byTier(chart.result!.rows);
    expect(after).to.deep.equal({ ...before, [c.category]: before[c.category]! + cents });

    const clvRun = await scheduler.runNow('customer-clv');
    expect(clvRun.status, clvRun.error).to.equal('success');
    expect(clvRun.rowsProcessed).to.equal(transactions + 1);
    const acquired = (await host.sql(`SELECT COUNT(DISTINCT "customer_id") AS "n" FROM "transactions" WHERE "ts" < TIMESTAMP '2024-07-01'`)).rows[0]!.n;
    expect(clvRun.rowsWritten).to.equal(acquired);
    const clvAfter = await clvRow(c.customer_id);
    expect(clvAfter.frequency).to.equal(clvBefore.frequency + 1);
    expect(clvAfter.clv).to.be.greaterThan(clvBefore.clv);
  });

  it('on schedule: advancing the clock runs the job and the chart updates', async () => {
    await scheduler.start();
    const c = await lowestInTier();
    const before = byTier(chart.result!.rows);
    const amount = 4321.5;
    await host.append('transactions', [purchase('E2E-2', c.customer_id, amount, '2024-06-20T09:30:00Z')]);
    const done = new Promise<void>((resolve) => scheduler.on('clv-refresh-table-updated', () => resolve(), { once: true }));
    clock.advance('2024-07-01T02:30:00Z');
    await done;
    const runs = await scheduler.listRuns('tier-deciles', 1);
    expect([runs[0]!.trigger, runs[0]!.status, runs[0]!.scheduledFor]).to.deep.equal(['schedule', 'success', '2024-07-01T02:30:00.000Z']);
    expect((await decileRow(c.customer_id, 'all'))!.metric).to.equal(c.metric + 432_150);
    await scheduler.idle();
    await chart.rendered;
    expect(byTier(chart.result!.rows)).to.deep.equal({ ...before, [c.category]: before[c.category]! + 432_150 });
  });
});
