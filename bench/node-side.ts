/**
 * The Node side of the benchmarks: the generator and native DuckDB (@duckdb/node-api), the
 * baseline of the DuckDB-WASM figures, on the same generated data, plus semantic compilation.
 * Each benchmark is an Alternative (one timed run) for the interleaving harness.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { planQuery } from '../src/query/plan.js';
import { compileToSql, type CompiledSql } from '../src/query/sql.js';
import { generateClvData, type GenerateOptionsInput, type SyntheticData } from '../src/synthetic/index.js';
import { inProcess, type Alternative } from './harness.js';
import { closeNative, loadNative, nativeVersion, openNative, queryNative, type NativeDb } from './native-duckdb.js';
import type { EnvironmentInfo } from './report.js';
import { CALIBRATION_CUSTOMERS, REVENUE_QUERY, customersFor, generateOptions, type Row } from './workload.js';

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection before each run, so one run's garbage is not collected inside the next. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

export const transactionCount = (d: SyntheticData): number => d.transactions.amount.length;

export class NodeSide {
  private data?: SyntheticData;
  private db?: NativeDb;
  private threads: number | null = null;

  info(): EnvironmentInfo {
    const cpus = os.cpus();
    return {
      node: process.version,
      platform: `${process.platform} ${os.release()}`,
      arch: process.arch,
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      duckdbNative: nativeVersion(),
      duckdbNativeThreads: this.threads,
    };
  }

  /** Customers to simulate for about `target` transactions, from a small run at the same seed and span. */
  calibrate(target: number): number {
    const sample = generateClvData(generateOptions(CALIBRATION_CUSTOMERS));
    return customersFor(target, { customers: CALIBRATION_CUSTOMERS, transactions: transactionCount(sample) });
  }

  /** Generates the data set; the last one is kept for the DuckDB benchmarks. */
  generate(options: GenerateOptionsInput): Alternative<{ transactions: number }> {
    const run = inProcess(() => generateClvData(options), {
      before: () => {
        this.data = undefined;
        collectGarbage();
      },
    });
    return async () => {
      const s = await run();
      this.data = s.value;
      return { ms: s.ms, value: { transactions: transactionCount(s.value) } };
    };
  }

  /** DuckDBInstance.create(':memory:') + connect(); the previous instance is closed first (untimed), the last one kept. */
  instantiate(): Alternative<{ version: string }> {
    const run = inProcess(() => openNative(), {
      before: () => {
        if (this.db) closeNative(this.db);
        this.db = undefined;
        collectGarbage();
      },
    });
    return async () => {
      const s = await run();
      this.db = s.value;
      return { ms: s.ms, value: { version: nativeVersion() } };
    };
  }

  private needDb(): NativeDb {
    if (!this.db) throw new Error('native DuckDB is not open: run instantiate first');
    return this.db;
  }

  private need(): { db: NativeDb; data: SyntheticData } {
    if (!this.data) throw new Error('no generated data: run generate first');
    return { db: this.needDb(), data: this.data };
  }

  /** Untimed: the thread setting, and the customers and dates tables the revenue query joins. */
  async prepare(): Promise<{ customers: number; dates: number }> {
    const { db, data } = this.need();
    const threads = await queryNative(db, "SELECT current_setting('threads') AS threads");
    this.threads = Number(threads[0]?.threads ?? 0) || null;
    const customers = await loadNative(db, 'customers', loadColumnsOf('customers'), data.customers);
    const dates = await loadNative(db, 'dates', loadColumnsOf('dates'), data.dates);
    return { customers, dates };
  }

  /** CREATE OR REPLACE the transactions table from the generated columns. */
  load(): Alternative<{ rows: number }> {
    const columns = loadColumnsOf('transactions');
    return inProcess(
      async () => {
        const { db, data } = this.need();
        return { rows: await loadNative(db, 'transactions', columns, data.transactions) };
      },
      { before: collectGarbage },
    );
  }

  query(sql: string, params: CompiledSql['params'] = []): Alternative<Row[]> {
    return inProcess(() => queryNative(this.needDb(), sql, params), { before: collectGarbage });
  }

  /** planQuery + compileToSql of the revenue query, each sample the mean of `batch` compilations. */
  compile(batch: number): Alternative<CompiledSql> {
    return inProcess(() => compileToSql(planQuery(clvDataModel, REVENUE_QUERY)), { before: collectGarbage, batch });
  }

  /** Drops the generated data (the DuckDB tables hold what the queries need). */
  releaseData(): void {
    this.data = undefined;
  }

  close(): void {
    this.data = undefined;
    if (this.db) closeNative(this.db);
    this.db = undefined;
  }
}
