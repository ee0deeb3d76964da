/**
 * Native DuckDB (@duckdb/node-api) behind the sql() part of the DataAdapter contract, for node
 * tests of SQL-engine code. '$NAME' parameters are bound exactly as the DuckDB-WASM adapter binds
 * them; results follow the shared conventions (timestamps ISO UTC, dates YYYY-MM-DD, BIGINT as
 * numbers). `beforeSql` lets a test fail a chosen statement.
 */
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Capabilities, DataAdapter, SqlParams } from '../../../src/contracts/adapter.js';
import type { ColumnType, DataModel } from '../../../src/contracts/data-model.js';
import { AdapterError } from '../../../src/contracts/errors.js';
import type { ResultColumn, ResultSet, ScalarValue } from '../../../src/contracts/result.js';
import { toAdapterError } from '../../../src/engines/duckdb/errors.js';
import { bindNamedParameters } from '../../../src/query/sql-params.js';

const TYPE: Partial<Record<DuckDBTypeId, ColumnType>> = {
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.TINYINT]: 'integer',
  [DuckDBTypeId.SMALLINT]: 'integer',
  [DuckDBTypeId.INTEGER]: 'integer',
  [DuckDBTypeId.BIGINT]: 'integer',
  [DuckDBTypeId.HUGEINT]: 'integer',
  [DuckDBTypeId.UTINYINT]: 'integer',
  [DuckDBTypeId.USMALLINT]: 'integer',
  [DuckDBTypeId.UINTEGER]: 'integer',
  [DuckDBTypeId.UBIGINT]: 'integer',
  [DuckDBTypeId.FLOAT]: 'number',
  [DuckDBTypeId.DOUBLE]: 'number',
  [DuckDBTypeId.DECIMAL]: 'number',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamp',
};

function scalar(value: unknown, type: ColumnType): ScalarValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export class NodeDuckDbSqlAdapter implements DataAdapter {
  readonly id = 'duckdb-node (tests)';
  readonly capabilities: Capabilities = { sql: true, sqlDialect: 'duckdb', append: false };
  /** Called before each statement with the text and parameters; throw to fail that statement. */
  beforeSql?: (text: string, params: SqlParams) => void;
  /** Statements run, in order (texts as given, before binding). */
  readonly log: string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<NodeDuckDbSqlAdapter> {
    const instance = await DuckDBInstance.create(':memory:');
    return new NodeDuckDbSqlAdapter(instance, await instance.connect());
  }

  async sql(text: string, params: SqlParams = {}): Promise<ResultSet> {
    this.log.push(text);
    this.beforeSql?.(text, params);
    const bound = bindNamedParameters(text, params);
    let reader;
    try {
      reader = await this.connection.runAndReadAll(bound.sql, bound.params as DuckDBValue[]);
    } catch (e) {
      throw toAdapterError(e);
    }
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => TYPE[t.typeId] ?? 'string');
    const columns: ResultColumn[] = names.map((name, i) => ({ name, label: name, type: types[i]!, role: 'dimension' }));
    const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(names.map((n, i) => [n, scalar(r[n], types[i]!)])));
    return { columns, rows, provenance: { kind: 'sql', sql: bound.sql, params: bound.params } };
  }

  describe(): Promise<DataModel> {
    return Promise.reject(new AdapterError('unsupported', 'this test adapter only runs SQL'));
  }

  query(): Promise<ResultSet> {
    return Promise.reject(new AdapterError('unsupported', 'this test adapter only runs SQL'));
  }

  sample(): Promise<ResultSet> {
    return Promise.reject(new AdapterError('unsupported', 'this test adapter only runs SQL'));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
