/**
 * Native DuckDB (@duckdb/node-api) for the derive-* node tests: tables loaded from columnar data
 * the way the DuckDB-WASM loader does it (values through toStored, temporal values as epoch ms),
 * and an adapter shim whose sql() binds named parameters exactly as the browser adapter does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ColumnType, DataModel } from '../../src/contracts/data-model.js';
import type { ColumnarData, LoadColumn } from '../../src/contracts/loader.js';
import type { Row, ScalarValue } from '../../src/contracts/result.js';
import { toStored } from '../../src/engines/memory/table-store.js';
import { bindNamedParameters } from '../../src/query/sql-params.js';
import type { DecileSqlAdapter } from '../../src/derive/index.js';

const STAGING: Record<ColumnType, string> = {
  string: 'VARCHAR',
  number: 'DOUBLE',
  integer: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DOUBLE',
  timestamp: 'DOUBLE',
};

const FINAL: Record<ColumnType, (c: string) => string> = {
  string: (c) => c,
  number: (c) => c,
  integer: (c) => `CAST(${c} AS BIGINT)`,
  boolean: (c) => c,
  date: (c) => `CAST(make_timestamp(CAST(round(${c} * 1000) AS BIGINT)) AS DATE)`,
  timestamp: (c) => `make_timestamp(CAST(round(${c} * 1000) AS BIGINT))`,
};

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** BIGINT and HUGEINT arrive as bigint: numbers, as the browser adapter returns them. */
const plain = (v: unknown): ScalarValue => (typeof v === 'bigint' ? Number(v) : (v as ScalarValue));

export class NativeDuck {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<NativeDuck> {
    const instance = await DuckDBInstance.create(':memory:');
    return new NativeDuck(instance, await instance.connect());
  }

  /** Positional parameters. */
  async rows(sql: string, params: ScalarValue[] = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
  }

  /** Named parameters ($NAME), bound like the DuckDB-WASM adapter's sql(). */
  async named(text: string, params: Record<string, ScalarValue> = {}): Promise<Row[]> {
    const bound = bindNamedParameters(text, params);
    return this.rows(bound.sql, bound.params);
  }

  /** A DataAdapter-shaped view for runDecileDerivation. */
  adapter(model: DataModel): DecileSqlAdapter {
    return {
      id: 'native-duckdb',
      describe: async () => model,
      sql: async (text, params = {}) => {
        const bound = bindNamedParameters(text, params);
        return { columns: [], rows: await this.rows(bound.sql, bound.params), provenance: { kind: 'sql', sql: bound.sql, params: bound.params } };
      },
    };
  }

  async load(table: string, columns: readonly LoadColumn[], data: ColumnarData): Promise<void> {
    const staging = `${table}__staging`;
    await this.connection.run(`CREATE OR REPLACE TABLE ${q(staging)} (${columns.map((c) => `${q(c.name)} ${STAGING[c.type]}`).join(', ')})`);
    const appender = await this.connection.createAppender(staging);
    const n = columns.length ? data[columns[0]!.name]!.length : 0;
    for (let i = 0; i < n; i++) {
      for (const c of columns) {
        const v = toStored(data[c.name]![i] ?? null, c.type, `${table}.${i}.${c.name}`);
        if (v === null) appender.appendNull();
        else if (c.type === 'string') appender.appendVarchar(v as string);
        else if (c.type === 'boolean') appender.appendBoolean(v as boolean);
        else appender.appendDouble(v as number);
      }
      appender.endRow();
    }
    appender.closeSync();
    const select = columns.map((c) => `${FINAL[c.type](q(c.name))} AS ${q(c.name)}`).join(', ');
    await this.connection.run(`CREATE OR REPLACE TABLE ${q(table)} AS SELECT ${select} FROM ${q(staging)}`);
    await this.connection.run(`DROP TABLE ${q(staging)}`);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The columns of a model table, for load(). */
export function columnsOf(model: DataModel, table: string): LoadColumn[] {
  const t = model.tables.find((x) => x.name === table);
  if (!t) throw new Error(`no table ${table}`);
  return t.columns.map((c) => ({ name: c.name, type: c.type }));
}

/** Columnar data as rows, for comparisons. */
export function rowsOf(data: ColumnarData, columns: readonly string[]): Row[] {
  const n = columns.length ? data[columns[0]!]!.length : 0;
  const out: Row[] = [];
  for (let i = 0; i < n; i++) out.push(Object.fromEntries(columns.map((c) => [c, data[c]![i] ?? null])));
  return out;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** CDNOW_master.txt from $CLV_DATA_DIR/cdnow or ../shared/data/cdnow; throws naming the expected path. */
export function readCdnowMaster(): string {
  const dir = process.env.CLV_DATA_DIR ? path.resolve(process.env.CLV_DATA_DIR) : path.resolve(repoRoot, '../shared/data');
  const file = path.join(dir, 'cdnow', 'CDNOW_master.txt');
  if (!existsSync(file)) throw new Error(`CDNOW master file missing: expected ${file} (set CLV_DATA_DIR to the directory holding cdnow/)`);
  return readFileSync(file, 'utf8');
}
