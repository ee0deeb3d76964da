// computeCustomerClv in a Web Worker (runClvInWorker) on the full CDNOW cohort in Chromium: the
// main thread keeps running while the worker fits, progress arrives, aborting terminates the
// worker, the parameters equal the Node fit, and the customer_clv table loads into DuckDB-WASM and
// answers semantic queries with the registered model. Timings are printed, not asserted.
import { expect } from '@open-wc/testing';
import { customerClvLoadColumns, registerCustomerClvTable, type CustomerClvProgress, type CustomerClvResult } from '../src/clv/index.js';
import { runClvInWorker, type ClvWorkerInput } from '../src/clv-worker/index.js';
import { AdapterError } from '../src/contracts/errors.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import { createDuckDbAdapter } from '../src/engines/duckdb/index.js';
import { customersFromTransactions, importFile } from '../src/import/index.js';
import { clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { fetchDataBytes } from './support/data.js';

/** web-test-runner serves the TypeScript source unbundled, so the worker is started from the .ts file. */
const workerUrl = new URL('/src/clv-worker/clv.worker.ts', location.origin);
const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };

/** The Node fit of the same file (tests/node/clv-customer-master.test.ts pins the same numbers). */
const MASTER_FIT = {
  bgnbd: { r: 0.2516239776862211, alpha: 4.78894485849681, a: 0.72343408284556, b: 2.161090227141582 },
  gammaGamma: { p: 6.27536044690946, q: 3.6244496830344737, gamma: 14.983679770376797 },
};

const SETTINGS = { calibrationEnd: '1997-09-30', timeUnit: 'weeks', horizon: 39 } as const;

const expectRel = (got: number, want: number, rel: number, what: string): void => {
  expect(Math.abs(got / want - 1), `${what}: got ${got}, want ${want}`).to.be.at.most(rel);
};

/** Ticks of a 20 ms interval while `work` runs: how often the main thread got to run. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; ticks: number; longestGap: number }> {
  const times: number[] = [];
  const timer = setInterval(() => times.push(performance.now()), 20);
  const start = performance.now();
  try {
    const value = await work();
    const end = performance.now();
    const marks = [start, ...times.filter((t) => t >= start && t <= end), end];
    const longestGap = Math.max(...marks.slice(1).map((t, i) => t - marks[i]!));
    return { value, ms: end - start, ticks: marks.length - 2, longestGap };
  } finally {
    clearInterval(timer);
  }
}

describe('CLV in a Web Worker on CDNOW master (23,570 customers)', () => {
  let file: ColumnarData;
  let input: ClvWorkerInput;
  let result: CustomerClvResult | undefined;

  before(async () => {
    const t0 = performance.now();
    const imported = await importFile(await fetchDataBytes('cdnow/CDNOW_master.txt'), 'CDNOW_master.txt');
    file = imported.data;
    input = { transactions: { customer_id: file.customer_id!, ts: file.ts!, amount: file.amount! }, ...SETTINGS };
    console.log(`CDNOW master: ${imported.rowCount} rows imported in ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('fits in the worker while the main thread keeps running; progress arrives; parameters equal the Node fit', async () => {
    const progress: CustomerClvProgress[] = [];
    const run = await whileTicking(() => runClvInWorker(input, { workerUrl, onProgress: (p) => progress.push(p) }));
    result = run.value;
    const t = result.timings;
    console.log(
      `CLV worker: ${run.ms.toFixed(0)} ms on the main thread's clock; in the worker ${t.total.toFixed(0)} ms = summary ${t.summary.toFixed(0)} + ` +
        `BG/NBD fit ${t.bgnbd.toFixed(0)} + Gamma-Gamma fit ${t.gammaGamma.toFixed(0)} + forecasts ${t.predict.toFixed(0)} ms ` +
        `(fits ${(t.bgnbd + t.gammaGamma).toFixed(0)} ms); main thread: ${run.ticks} ticks, longest gap ${run.longestGap.toFixed(0)} ms; ` +
        `${progress.length} progress messages`,
    );
    // Responsiveness, relative to the run itself: no absolute speed is assumed.
    expect(run.ticks, 'interval ticks during the run').to.be.at.least(10);
    expect(run.longestGap, 'longest main-thread gap').to.be.below(run.ms / 5);

    expect(progress.length).to.be.at.least(2);
    progress.forEach((p, k) => k > 0 && expect(p.fraction, `progress ${k}`).to.be.at.least(progress[k - 1]!.fraction));
    expect(progress[0]!.fraction).to.be.below(progress.at(-1)!.fraction);
    expect(progress.at(-1)!.fraction).to.equal(1);
    expect(new Set(progress.map((p) => p.phase))).to.include.keys('bgnbd', 'gamma-gamma', 'predict');

    expect(result.rows).to.equal(23_570);
    expect([result.gammaGamma.customers, result.gammaGamma.skipped]).to.deep.equal([9450, 1]);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expectRel(result.bgnbd.params[k], MASTER_FIT.bgnbd[k], 1e-6, `BG/NBD ${k}`);
    for (const k of ['p', 'q', 'gamma'] as const) expectRel(result.gammaGamma.params[k], MASTER_FIT.gammaGamma[k], 1e-6, `Gamma-Gamma ${k}`);
    // Ids come back as given (the import's zero-padded text), in order of first appearance.
    expect(result.data.customer_id.slice(0, 3)).to.deep.equal(['00001', '00002', '00003']);
  });

  it('abort terminates the worker and rejects with AdapterError "aborted"', async () => {
    const terminate = Worker.prototype.terminate;
    let terminated = 0;
    Worker.prototype.terminate = function (this: Worker) {
      terminated++;
      terminate.call(this);
    };
    try {
      const controller = new AbortController();
      let afterAbort = 0;
      const run = runClvInWorker(input, {
        workerUrl,
        signal: controller.signal,
        onProgress: (p) => {
          if (controller.signal.aborted) afterAbort++;
          else if (p.phase === 'bgnbd') controller.abort();
        },
      });
      const error = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(AdapterError);
      expect((error as AdapterError).code).to.equal('aborted');
      expect(terminated).to.equal(1);
      // The fit would run for seconds more; a stopped worker sends nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(afterAbort).to.equal(0);

      const already = await runClvInWorker(input, { workerUrl, signal: AbortSignal.abort() }).catch((e: unknown) => e);
      expect((already as AdapterError).code).to.equal('aborted');
    } finally {
      Worker.prototype.terminate = terminate;
    }
  });

  it('errors: bad settings reject before a worker starts; model errors come back by customer id; a missing script is a backend error', async () => {
    const bad = await runClvInWorker({ ...input, periodLength: 10 }, { workerUrl }).catch((e: unknown) => e);
    expect(bad).to.be.instanceOf(RangeError);
    expect((bad as Error).message).to.match(/not a whole multiple of period 10/);
    const given = { bgnbd: MASTER_FIT.bgnbd, gammaGamma: { p: 6, q: 0.9, gamma: 15 } };
    const model = await runClvInWorker({ ...input, ...given }, { workerUrl }).catch((e: unknown) => e);
    expect(model).to.be.instanceOf(RangeError);
    expect((model as Error).message).to.match(/^customer \d{5}: population mean spend needs q > 1/);
    const missing = await runClvInWorker(input, { workerUrl: new URL('/src/clv-worker/no-such.worker.ts', location.origin) }).catch((e: unknown) => e);
    expect(missing).to.be.instanceOf(AdapterError);
    expect((missing as AdapterError).code).to.equal('backend');
  });

  it('the customer_clv table in DuckDB-WASM answers semantic queries with the registered model', async () => {
    if (!result) throw new Error('needs the fit of the first test');
    const r = result;
    const model = registerCustomerClvTable(clvDataModel, r.settings);
    const adapter = createDuckDbAdapter({ bundle, model });
    try {
      const customers = customersFromTransactions(file);
      await adapter.loadColumns('customers', loadColumnsOf('customers'), customers, { mode: 'replace' });
      const loaded = await adapter.loadColumns('customer_clv', customerClvLoadColumns(model), r.data, { mode: 'replace' });
      expect(loaded.rows).to.equal(23_570);

      const byDecile = await adapter.query({
        measures: ['customer_clv.customers', 'customer_clv.clv_total', 'customer_clv.p_alive_avg', 'customer_clv.expected_purchases_total'],
        dimensions: ['customer_clv.clv_decile'],
        order: [['customer_clv.clv_decile', 'asc']],
      });
      expect(byDecile.rows.map((row) => row['customer_clv.customers'])).to.deep.equal(new Array(10).fill(2357));
      const d = r.data;
      for (const row of byDecile.rows) {
        const k = row['customer_clv.clv_decile'] as number;
        let clv = 0;
        let alive = 0;
        let purchases = 0;
        d.clv_decile.forEach((dk, i) => {
          if (dk !== k) return;
          clv += d.clv[i]!;
          alive += d.p_alive[i]!;
          purchases += d.expected_purchases[i]!;
        });
        // DuckDB adds in its own order: equal up to rounding.
        expectRel(row['customer_clv.clv_total'] as number, clv, 1e-9, `decile ${k} total clv`);
        expectRel(row['customer_clv.p_alive_avg'] as number, alive / 2357, 1e-9, `decile ${k} avg P(alive)`);
        expectRel(row['customer_clv.expected_purchases_total'] as number, purchases, 1e-9, `decile ${k} expected purchases`);
      }

      // Through the lookup to customers: CLV by acquisition month (signup_date = first purchase).
      const byMonth = await adapter.query({
        measures: ['customer_clv.clv_total', 'customer_clv.customers'],
        timeDimensions: [{ dimension: 'customers.signup_date', granularity: 'month' }],
        order: [['customers.signup_date.month', 'asc']],
      });
      const signup = new Map(Array.from(customers.customer_id!, (id, i) => [id as string, customers.signup_date![i] as string]));
      const want = new Map<string, { clv: number; n: number }>();
      d.customer_id.forEach((id, i) => {
        const month = `${signup.get(id as string)!.slice(0, 7)}-01`;
        const w = want.get(month) ?? { clv: 0, n: 0 };
        w.clv += d.clv[i]!;
        w.n++;
        want.set(month, w);
      });
      expect(byMonth.rows.map((row) => row['customers.signup_date.month'])).to.deep.equal([...want.keys()].sort());
      for (const row of byMonth.rows) {
        const w = want.get(row['customers.signup_date.month'] as string)!;
        expect(row['customer_clv.customers']).to.equal(w.n);
        expectRel(row['customer_clv.clv_total'] as number, w.clv, 1e-9, `clv of ${String(row['customers.signup_date.month'])}`);
      }
    } finally {
      await adapter.close();
    }
  });
});
