/**
 * Native DuckDB (@duckdb/node-api) as the Node baseline of the DuckDB-WASM benchmarks: the same
 * tables, column types and SQL text as the browser side, loaded from the same generated columns.
 */
import {
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  BIGINT,
  TIMESTAMP,
  VARCHAR,
  version,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ColumnType } from '../src/contracts/data-model.js';
import type { ColumnarData, LoadColumn } from '../src/contracts/loader.js';
import type { ScalarValue } from '../src/contracts/result.js';
import { isoDateToDay } from '../src/model/clv-model.js';
import { quoteIdentifier } from '../src/query/sql.js';
import type { Row } from './workload.js';

export interface NativeDb {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

export const nativeVersion = (): string => version();

export async function openNative(options: Record<string, string> = {}): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  return { instance, connection };
}

export function closeNative(db: NativeDb): void {
  db.connection.closeSync();
  db.instance.closeSync();
}

const SQL_TYPES: Record<ColumnType, { sql: string; type: DuckDBType }> = {
  string: { sql: 'VARCHAR', type: VARCHAR },
  number: { sql: 'DOUBLE', type: DOUBLE },
  integer: { sql: 'BIGINT', type: BIGINT },
  boolean: { sql: 'BOOLEAN', type: BOOLEAN },
  date: { sql: 'DATE', type: DATE },
  timestamp: { sql: 'TIMESTAMP', type: TIMESTAMP },
};

/** Converts one column's JS values to what the appender takes for its DuckDB type. */
function converter(type: ColumnType): (v: ScalarValue) => DuckDBValue {
  switch (type) {
    case 'date': {
      const days = new Map<string, DuckDBDateValue>();
      return (v) => {
        if (v === null) return null;
        if (typeof v !== 'string') throw new TypeError(`date value ${String(v)} is not "YYYY-MM-DD"`);
        let d = days.get(v);
        if (d === undefined) days.set(v, (d = new DuckDBDateValue(isoDateToDay(v))));
        return d;
      };
    }
    case 'timestamp':
      return (v) => {
        if (v === null) return null;
        const ms = typeof v === 'number' ? v : Date.parse(String(v));
        if (!Number.isFinite(ms)) throw new TypeError(`timestamp value ${String(v)} is not epoch ms or ISO`);
        return new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n);
      };
    case 'integer':
      return (v) => {
        if (v === null) return null;
        if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`integer value ${String(v)} is not a whole number`);
        return BigInt(v);
      };
    default:
      return (v) => v;
  }
}

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

/** CREATE OR REPLACE the table, then append the columns in data chunks; returns the row count. */
export async function loadNative(db: NativeDb, table: string, columns: readonly LoadColumn[], data: ColumnarData): Promise<number> {
  const n = columns.length ? (data[columns[0].name]?.length ?? 0) : 0;
  for (const c of columns) {
    const values = data[c.name];
    if (!values) throw new Error(`no data for column ${table}.${c.name}`);
    if (values.length !== n) throw new Error(`column ${table}.${c.name} has ${values.length} values, expected ${n}`);
  }
  const ddl = columns.map((c) => `${quoteIdentifier(c.name)} ${SQL_TYPES[c.type].sql}`).join(', ');
  await db.connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} (${ddl})`);
  const types = columns.map((c) => SQL_TYPES[c.type].type);
  const convert = columns.map((c) => converter(c.type));
  const sources = columns.map((c) => data[c.name]);
  const appender = await db.connection.createAppender(table);
  try {
    for (let offset = 0; offset < n; offset += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, n - offset);
      const chunk = DuckDBDataChunk.create(types, size);
      for (let j = 0; j < columns.length; j++) {
        const src = sources[j];
        const conv = convert[j];
        const values = new Array<DuckDBValue>(size);
        for (let k = 0; k < size; k++) values[k] = conv(src[offset + k]);
        chunk.setColumnValues(j, values);
      }
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
  return n;
}

function toScalar(v: unknown): ScalarValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Runs SQL (with positional parameters) and returns plain rows (bigint as number, dates as ISO strings). */
export async function queryNative(db: NativeDb, sql: string, params: readonly ScalarValue[] = []): Promise<Row[]> {
  const reader = params.length ? await db.connection.runAndReadAll(sql, [...params]) : await db.connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) out[k] = toScalar(v);
    return out;
  });
}
