/**
 * The Node side of the benchmarks: the generator and native DuckDB (@duckdb/node-api), the
 * baseline of the DuckDB-WASM figures, on the same generated data, plus semantic compilation.
 * Each benchmark is an Alternative (one timed run) for the interleaving harness.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { computeCustomerClv, type CustomerClvTransactions } from '../src/clv/index.js';
import type { ResultSet } from '../src/contracts/result.js';
import { deriveDecilesInMemory, runDecileDerivation, type DecileSqlAdapter } from '../src/derive/index.js';
import { importFile } from '../src/import/index.js';
import { clvDataModel, loadColumnsOf } from '../src/model/clv-model.js';
import { planQuery } from '../src/query/plan.js';
import { bindNamedParameters } from '../src/query/sql-params.js';
import { compileToSql, type CompiledSql } from '../src/query/sql.js';
import { generateClvData, type GenerateOptionsInput, type SyntheticData } from '../src/synthetic/index.js';
import { inProcess, type Alternative } from './harness.js';
import { closeNative, loadNative, nativeVersion, openNative, queryNative, type NativeDb } from './native-duckdb.js';
import type { EnvironmentInfo } from './report.js';
import {
  CALIBRATION_CUSTOMERS,
  CDNOW_MASTER,
  CLV_SETTINGS,
  DERIVE_DEFINITION,
  DERIVE_FLAT_SUMMARY_SQL,
  DERIVE_MAP_SUMMARY_SQL,
  REVENUE_QUERY,
  customersFor,
  generateOptions,
  summarizeDerived,
  type ClvFitSummary,
  type DeriveSummary,
  type Row,
} from './workload.js';

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection before each run, so one run's garbage is not collected inside the next. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

export const transactionCount = (d: SyntheticData): number => d.transactions.amount.length;

/** The data directory of the CDNOW files: $CLV_DATA_DIR, else ../shared/data next to the project root. */
export function dataDir(root: string): string {
  const env = process.env.CLV_DATA_DIR;
  return env && env.length > 0 ? path.resolve(env) : path.resolve(root, '../shared/data');
}

/** The CDNOW master file's bytes; throws naming the expected path when it is missing. */
export function readCdnowMaster(root: string): { file: string; bytes: Uint8Array } {
  const file = path.join(dataDir(root), CDNOW_MASTER);
  if (!existsSync(file)) throw new Error(`CDNOW master file missing: expected ${file} (set CLV_DATA_DIR to the directory holding cdnow/)`);
  return { file, bytes: new Uint8Array(readFileSync(file)) };
}

export class NodeSide {
  private data?: SyntheticData;
  private db?: NativeDb;
  private cdnow?: CustomerClvTransactions;
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

  /** A DecileSqlAdapter over native DuckDB whose sql() binds named parameters as the DuckDB-WASM adapter does. */
  private deriveAdapter(): DecileSqlAdapter {
    const db = this.needDb();
    return {
      id: 'native-duckdb',
      describe: async () => clvDataModel,
      sql: async (text, params = {}): Promise<ResultSet> => {
        const bound = bindNamedParameters(text, params);
        return { columns: [], rows: await queryNative(db, bound.sql, bound.params), provenance: { kind: 'sql', sql: bound.sql, params: bound.params } };
      },
    };
  }

  /** The derived tables' checksums (untimed, after a run). */
  private async deriveSummary(): Promise<DeriveSummary> {
    const db = this.needDb();
    return { flat: await queryNative(db, DERIVE_FLAT_SUMMARY_SQL), map: await queryNative(db, DERIVE_MAP_SUMMARY_SQL) };
  }

  /** runDecileDerivation in native DuckDB: the statements of decileSql(planDeciles(...)) in one transaction, plus the row counts. */
  deriveSql(): Alternative<DeriveSummary> {
    const run = inProcess(() => runDecileDerivation(this.deriveAdapter(), DERIVE_DEFINITION, { model: clvDataModel }), { before: collectGarbage });
    return async () => {
      const s = await run();
      return { ms: s.ms, value: await this.deriveSummary() };
    };
  }

  /** deriveDecilesInMemory over the generated columns (transactions and customers). */
  deriveJs(): Alternative<DeriveSummary> {
    const run = inProcess(
      () => {
        const data = this.data;
        if (!data) throw new Error('no generated data: run generate first');
        return deriveDecilesInMemory(DERIVE_DEFINITION, { transactions: data.transactions, customers: data.customers }, clvDataModel);
      },
      { before: collectGarbage },
    );
    return async () => {
      const s = await run();
      return { ms: s.ms, value: summarizeDerived(s.value) };
    };
  }

  /** Untimed: reads and imports CDNOW master (importFile, as the page does). */
  async prepareClv(root: string): Promise<{ file: string; rows: number }> {
    const { file, bytes } = readCdnowMaster(root);
    const imported = await importFile(bytes, path.basename(file));
    const d = imported.data;
    if (!d.customer_id || !d.ts || !d.amount) throw new Error(`${file}: the import found no customer_id, ts and amount columns`);
    this.cdnow = { customer_id: d.customer_id, ts: d.ts, amount: d.amount };
    return { file, rows: imported.rowCount };
  }

  /** computeCustomerClv on CDNOW master: summary, BG/NBD and Gamma-Gamma fits, forecasts, deciles. */
  clvFit(): Alternative<ClvFitSummary> {
    const run = inProcess(
      () => {
        if (!this.cdnow) throw new Error('CDNOW master is not loaded: run prepareClv first');
        return computeCustomerClv(this.cdnow, CLV_SETTINGS);
      },
      { before: collectGarbage },
    );
    return async () => {
      const s = await run();
      return { ms: s.ms, value: { rows: s.value.rows, bgnbd: s.value.bgnbd.params, gammaGamma: s.value.gammaGamma.params } };
    };
  }

  /** Drops the generated data (the DuckDB tables hold what the queries need). */
  releaseData(): void {
    this.data = undefined;
  }

  close(): void {
    this.data = undefined;
    this.cdnow = undefined;
    if (this.db) closeNative(this.db);
    this.db = undefined;
  }
}
