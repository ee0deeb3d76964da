import type { AppendRows, CallOptions, Capabilities, DataAdapter, QueryOptions, SampleOptions, SqlParams } from '../../contracts/adapter.js';
import { AppendRowsSchema, SqlParamsSchema } from '../../contracts/adapter.js';
import type { DataModel, DataModelInput, Table } from '../../contracts/data-model.js';
import { DataModelSchema } from '../../contracts/data-model.js';
import { AdapterError, parseOrThrow, throwIfAborted } from '../../contracts/errors.js';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../../contracts/loader.js';
import type { SemanticQueryInput } from '../../contracts/query.js';
import type { ResultSet, ScalarValue } from '../../contracts/result.js';
import { planQuery } from '../../query/plan.js';
import { compileToSql, quoteIdentifier } from '../../query/sql.js';
import { bindNamedParameters } from '../../query/sql-params.js';
import { DEFAULT_SAMPLE_LIMIT, MAX_SAMPLE_LIMIT } from '../memory/sample.js';
import { type StoredValue, toStored } from '../memory/table-store.js';
import { arrowRows, columnsFromArrow, firstNumber } from './arrow-rows.js';
import type { DuckDbBundle } from './bundle.js';
import { EXISTING_TABLES_SQL, SQL_TYPE, createTableSql } from './ddl.js';
import { DEFAULT_DATABASE, type DuckDbProgressHandler, getDuckDb } from './instance.js';
import { checkLoad, loadTable } from './load.js';
import { DuckDbSession, type Statements } from './session.js';

export interface DuckDbAdapterOptions {
  /** URLs of the DuckDB-WASM module and worker, served by the app. */
  bundle: DuckDbBundle;
  model: DataModelInput;
  /**
   * Which database: adapters with the same bundle and database name share one DuckDB; another name
   * starts a separate in-memory DuckDB (its own Web Worker), whose tables the others do not see.
   * Default "default".
   */
  database?: string;
  /** Start-up progress of the shared DuckDB (download, instantiate, ready). */
  onProgress?: DuckDbProgressHandler;
  /** Longest a describe, query, sample, sql or append call may take; bulk loads are not limited. Default 60 000. */
  queryTimeoutMs?: number;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;

/** Settles with `promise`, or rejects with 'aborted' as soon as the signal fires. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AdapterError('aborted', 'The request was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * DuckDB-WASM behind the DataAdapter contract, in the browser. Nothing starts until the first
 * call (or ready()); adapters with the same bundle and database name share one database, each
 * with its own connection. Semantic queries compile to SQL with bound parameters; results follow the
 * in-memory engine's conventions exactly.
 */
export class DuckDbAdapter implements DataAdapter, TableLoader {
  readonly id = 'duckdb-wasm';
  readonly capabilities: Capabilities = { sql: true, sqlDialect: 'duckdb', append: true };
  readonly model: DataModel;
  private readonly bundle: DuckDbBundle;
  /** The database this adapter's connection opens on (see DuckDbAdapterOptions.database). */
  readonly database: string;
  private readonly onProgress?: DuckDbProgressHandler;
  private readonly timeoutMs: number;
  private session?: Promise<DuckDbSession>;

  constructor(options: DuckDbAdapterOptions) {
    this.model = parseOrThrow(DataModelSchema, options.model, 'data model');
    const { mainModule, mainWorker } = options.bundle ?? {};
    if (typeof mainModule !== 'string' || !mainModule || typeof mainWorker !== 'string' || !mainWorker)
      throw new AdapterError('invalid_request', 'bundle needs the URLs of the DuckDB-WASM module (mainModule) and worker (mainWorker)', 'bundle');
    this.bundle = { mainModule, mainWorker };
    const database = options.database ?? DEFAULT_DATABASE;
    if (typeof database !== 'string' || database.trim() === '') throw new AdapterError('invalid_request', 'database must be a non-empty name', 'database');
    this.database = database;
    this.onProgress = options.onProgress;
    this.timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new AdapterError('invalid_request', 'queryTimeoutMs must be a positive number of milliseconds', 'queryTimeoutMs');
  }

  /** Starts DuckDB and opens this adapter's connection; every call does this on first use. */
  async ready(options: CallOptions = {}): Promise<void> {
    await this.connect(options.signal);
  }

  /** Closes this adapter's connection; the shared database stays up for other adapters. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await (await session.catch(() => undefined))?.close();
  }

  private connect(signal?: AbortSignal): Promise<DuckDbSession> {
    if (!this.session) {
      const session = getDuckDb(this.bundle, this.onProgress, this.database).then(async (db) => new DuckDbSession(await db.connect()));
      session.catch(() => {
        if (this.session === session) this.session = undefined;
      });
      this.session = session;
    }
    return untilAborted(this.session, signal);
  }

  private async call<T>(signal: AbortSignal | undefined, work: (s: Statements) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    throwIfAborted(signal);
    const session = await this.connect(signal);
    return session.run(signal, timeoutMs, work);
  }

  private table(name: string): Table {
    const table = this.model.tables.find((t) => t.name === name);
    if (!table) throw new AdapterError('not_found', `There is no table "${name}" in the model "${this.model.name}".`, 'table');
    return table;
  }

  /** Lower-cased names of the tables and views that exist. */
  private async existing(s: Statements): Promise<Set<string>> {
    return new Set(arrowRows(await s.stream(EXISTING_TABLES_SQL)).map((r) => String(r.name)));
  }

  /** The model, with each table's row count (null for a table not loaded yet). */
  async describe(options: CallOptions = {}): Promise<DataModel> {
    return this.call(options.signal, async (s) => {
      const existing = await this.existing(s);
      const present = this.model.tables.filter((t) => existing.has(t.name.toLowerCase()));
      const counts = new Map<string, number>();
      if (present.length) {
        const sql = present.map((t, i) => `SELECT ${i} AS "i", COUNT(*) AS "n" FROM ${quoteIdentifier(t.name)}`).join(' UNION ALL ');
        for (const row of arrowRows(await s.stream(sql))) counts.set(present[row.i as number]!.name, row.n as number);
      }
      return { ...this.model, tables: this.model.tables.map((t) => ({ ...t, rowCount: counts.get(t.name) ?? null })) };
    });
  }

  async query(query: SemanticQueryInput, options: QueryOptions = {}): Promise<ResultSet> {
    throwIfAborted(options.signal);
    const plan = planQuery(this.model, query, { now: options.now });
    const compiled = compileToSql(plan);
    return this.call(options.signal, async (s) => {
      const rows = arrowRows(await s.execute(compiled.sql, compiled.params));
      const total = compiled.count ? firstNumber(await s.execute(compiled.count.sql, compiled.count.params)) : undefined;
      return {
        columns: plan.columns,
        rows,
        ...(total !== undefined ? { total } : {}),
        provenance: { kind: 'sql', sql: compiled.sql, params: compiled.params },
      };
    });
  }

  /** Rows of a model table in stored order, each column in its model type. */
  async sample(table: string, options: SampleOptions = {}): Promise<ResultSet> {
    throwIfAborted(options.signal);
    const { limit = DEFAULT_SAMPLE_LIMIT, offset = 0 } = options;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SAMPLE_LIMIT)
      throw new AdapterError('invalid_request', `limit must be an integer from 0 to ${MAX_SAMPLE_LIMIT}`, 'limit');
    if (!Number.isInteger(offset) || offset < 0) throw new AdapterError('invalid_request', 'offset must be a non-negative integer', 'offset');
    const t = this.table(table);
    const select = t.columns.map((c) => `CAST(${quoteIdentifier(c.name)} AS ${SQL_TYPE[c.type]}) AS ${quoteIdentifier(c.name)}`);
    const sql = `SELECT ${select.join(', ')} FROM ${quoteIdentifier(t.name)} LIMIT ? OFFSET ?`;
    const params: ScalarValue[] = [limit, offset];
    return this.call(options.signal, async (s) => {
      const rows = arrowRows(await s.execute(sql, params));
      const total = firstNumber(await s.stream(`SELECT COUNT(*) AS "total" FROM ${quoteIdentifier(t.name)}`));
      return {
        columns: t.columns.map((c) => ({ name: c.name, label: c.label, type: c.type, role: c.role, ...(c.format ? { format: c.format } : {}) })),
        rows,
        total,
        provenance: { kind: 'sql', sql, params },
      };
    });
  }

  /** Raw DuckDB SQL; '$NAME' and $NAME are bound from `params`, never spliced into the text. */
  async sql(text: string, params: SqlParams = {}, options: CallOptions = {}): Promise<ResultSet> {
    throwIfAborted(options.signal);
    if (typeof text !== 'string' || text.trim() === '') throw new AdapterError('invalid_request', 'the SQL text is empty', 'text');
    const values = parseOrThrow(SqlParamsSchema, params, 'params');
    const bound = bindNamedParameters(text, values);
    return this.call(options.signal, async (s) => {
      const result = bound.params.length ? await s.prepared(bound.sql, bound.params) : await s.stream(bound.sql);
      return { columns: columnsFromArrow(result), rows: arrowRows(result), provenance: { kind: 'sql', sql: bound.sql, params: bound.params } };
    });
  }

  /** Appends rows (keys are column names), checked as the in-memory engine checks them, in one statement. */
  async append(table: string, rows: AppendRows, options: CallOptions = {}): Promise<{ appended: number }> {
    throwIfAborted(options.signal);
    const valid = parseOrThrow(AppendRowsSchema, rows, 'rows');
    const t = this.table(table);
    const names = new Set(t.columns.map((c) => c.name));
    const data: Record<string, StoredValue[]> = Object.fromEntries(t.columns.map((c) => [c.name, []]));
    valid.forEach((row, i) => {
      for (const k of Object.keys(row)) {
        if (!names.has(k)) throw new AdapterError('invalid_request', `rows.${i}: "${k}" is not a column of "${table}"`, `rows.${i}.${k}`);
      }
      for (const c of t.columns) data[c.name]!.push(toStored(row[c.name], c.type, `rows.${i}.${c.name}`));
    });
    const columns = t.columns.map((c) => ({ name: c.name, type: c.type }));
    const appended = await this.call(options.signal, (s) => loadTable(s, { table: t, columns, data, rows: valid.length, mode: 'append' }));
    return { appended };
  }

  /**
   * Bulk load of columnar data into a model table, in chunks with progress. replace recreates the
   * table typed from `columns`; append inserts (creating the table if needed). Not time-limited.
   */
  async loadColumns(table: string, columns: LoadColumn[], data: ColumnarData, options: LoadOptions): Promise<{ rows: number }> {
    throwIfAborted(options.signal);
    if (options.mode !== 'replace' && options.mode !== 'append') throw new AdapterError('invalid_request', 'mode must be "replace" or "append"', 'mode');
    const t = this.table(table);
    const count = checkLoad(t, columns, data);
    const rows = await this.call(
      options.signal,
      (s) => loadTable(s, { table: t, columns, data, rows: count, mode: options.mode, onProgress: options.onProgress }),
      Infinity,
    );
    return { rows };
  }

  /** Creates an empty typed table for every model table that does not exist yet, so a fresh model answers queries. */
  async createTables(options: CallOptions = {}): Promise<{ created: string[] }> {
    return this.call(options.signal, async (s) => {
      const existing = await this.existing(s);
      const missing = this.model.tables.filter((t) => !existing.has(t.name.toLowerCase()));
      for (const t of missing) await s.exec(createTableSql(t, true));
      return { created: missing.map((t) => t.name) };
    });
  }
}

export function createDuckDbAdapter(options: DuckDbAdapterOptions): DuckDbAdapter {
  return new DuckDbAdapter(options);
}
