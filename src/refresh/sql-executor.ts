import { AdapterError } from '../contracts/errors.js';
import type { LoadColumn } from '../contracts/loader.js';
import type { ResultSet, ScalarValue } from '../contracts/result.js';
import { SQL_TYPE } from '../engines/duckdb/ddl.js';
import { quoteIdentifier as q } from '../query/sql.js';
import type { ExecuteContext, RefreshExecutor, TaskOutcome, TaskSteps, WriteOutcome } from './executor.js';
import type { IncrementalAppendTask, RefreshJob, RefreshOutput, SqlTask } from './job-schema.js';
import type { RefreshPosition } from './log-schema.js';
import { runTask } from './run-task.js';
import { type SqlAdapter, SqlRefreshStore } from './sql-store.js';
import { templateBody } from './sql-guard.js';

export interface SqlRefreshExecutorOptions {
  /** Rows per INSERT when writing a derivation's rows. Default 250. */
  chunkSize?: number;
}

/** The row count DuckDB returns for INSERT and CREATE TABLE AS. */
function affected(result: ResultSet): number {
  const n = result.rows[0]?.Count;
  if (typeof n !== 'number') throw new AdapterError('backend', 'The database did not report how many rows it inserted.');
  return n;
}

/**
 * Refresh runs in a DuckDB database through the adapter's sql(), BEGIN/COMMIT/ROLLBACK included:
 * the data and the checkpoint are written in one transaction of the store's tables, which live in
 * the same database. Identifiers come from the validated job and are quoted; values are bound.
 */
export class SqlRefreshExecutor implements RefreshExecutor {
  readonly store: SqlRefreshStore;
  private readonly chunkSize: number;
  private readonly steps: TaskSteps;

  /** Pass the store holding the refresh tables, or an adapter to create one over. */
  constructor(store: SqlRefreshStore | SqlAdapter, options: SqlRefreshExecutorOptions = {}) {
    this.store = store instanceof SqlRefreshStore ? store : new SqlRefreshStore(store);
    this.chunkSize = options.chunkSize ?? 250;
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1) throw new AdapterError('invalid_request', 'chunkSize must be a positive integer', 'chunkSize');
    this.steps = {
      adapter: this.store.adapter,
      incrementalAppend: (task, output, from) => this.incrementalAppend(task, output, from),
      appendQuery: (task, output) => this.appendQuery(task, output),
      writeRows: (output, columns, rows) => this.writeRows(output, columns, rows),
      replaceRows: async (table, columns, rows) => {
        await this.sql(`CREATE OR REPLACE TABLE ${q(table)} (${columns.map((c) => `${q(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`);
        return this.writeRows({ table, mode: 'append' }, columns, rows);
      },
    };
  }

  private get adapter(): SqlAdapter {
    return this.store.adapter;
  }

  check(_job: RefreshJob): void {
    const dialect = this.adapter.capabilities.sqlDialect;
    if (dialect !== 'duckdb')
      throw new AdapterError('unsupported', `Refresh SQL is written for DuckDB; the adapter "${this.adapter.id}" speaks ${dialect ?? 'an unnamed dialect'}.`, 'adapter');
  }

  async execute(job: RefreshJob, context: ExecuteContext): Promise<TaskOutcome> {
    this.check(job);
    return this.store.transaction((log) => runTask(this.steps, log, job, context));
  }

  private sql(text: string, params: Record<string, ScalarValue> = {}): Promise<ResultSet> {
    return this.adapter.sql(text, params);
  }

  private async incrementalAppend(task: IncrementalAppendTask, output: RefreshOutput, from: RefreshPosition): Promise<WriteOutcome & { maxPosition: RefreshPosition }> {
    const source = q(task.source);
    const target = q(output.table);
    const pos = `s.${q(task.positionColumn)}`;
    const id = `s.${q(task.eventIdColumn)}`;
    // Without a checkpoint there is no lower bound; a bound parameter would need a type to compare NULL with.
    const after = from === null ? '' : ` AND ${pos} > $AFTER`;
    const params: Record<string, ScalarValue> = from === null ? {} : { AFTER: from };
    if (output.mode === 'create-append') await this.sql(`CREATE TABLE IF NOT EXISTS ${target} AS SELECT * FROM ${source} LIMIT 0`);
    const scan = await this.sql(`SELECT COUNT(*) AS "processed", MAX(${pos}) AS "position" FROM ${source} s WHERE ${pos} IS NOT NULL${after}`, params);
    const processed = Number(scan.rows[0]?.processed ?? 0);
    if (processed === 0) return { rowsProcessed: 0, rowsWritten: 0, maxPosition: null };
    const columns = (await this.sql(`SELECT * FROM ${target} LIMIT 0`)).columns.map((c) => q(c.name));
    // The earliest row per event id not already in the target; the window runs after WHERE, so ids present are gone first.
    const inserted = await this.sql(
      `INSERT INTO ${target} (${columns.join(', ')}) SELECT ${columns.map((c) => `s.${c}`).join(', ')} FROM ${source} s ` +
        `WHERE ${pos} IS NOT NULL AND ${id} IS NOT NULL${after} ` +
        `AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.${q(task.eventIdColumn)} = ${id}) ` +
        `QUALIFY row_number() OVER (PARTITION BY ${id} ORDER BY ${pos}) = 1`,
      params,
    );
    return { rowsProcessed: processed, rowsWritten: affected(inserted), maxPosition: (scan.rows[0]?.position ?? null) as RefreshPosition };
  }

  private async appendQuery(task: SqlTask, output: RefreshOutput): Promise<WriteOutcome> {
    const query = `SELECT * FROM (${templateBody(task.sql)}) AS "refresh_query"`;
    const target = q(output.table);
    if (output.mode === 'create-append') await this.sql(`CREATE TABLE IF NOT EXISTS ${target} AS ${query} LIMIT 0`, task.params);
    const n = affected(await this.sql(`INSERT INTO ${target} BY NAME ${query}`, task.params));
    return { rowsProcessed: n, rowsWritten: n };
  }

  private async writeRows(output: RefreshOutput, columns: LoadColumn[], rows: ReadonlyArray<Record<string, ScalarValue>>): Promise<number> {
    const target = q(output.table);
    if (output.mode === 'create-append')
      await this.sql(`CREATE TABLE IF NOT EXISTS ${target} (${columns.map((c) => `${q(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`);
    const names = columns.map((c) => q(c.name)).join(', ');
    let written = 0;
    for (let start = 0; start < rows.length; start += this.chunkSize) {
      const chunk = rows.slice(start, start + this.chunkSize);
      const params: Record<string, ScalarValue> = {};
      const tuples = chunk.map((row, i) => {
        const values = columns.map((c, j) => {
          const name = `V${i}_${j}`;
          params[name] = row[c.name] ?? null;
          return `CAST($${name} AS ${SQL_TYPE[c.type]})`;
        });
        return `(${values.join(', ')})`;
      });
      written += affected(await this.sql(`INSERT INTO ${target} (${names}) VALUES ${tuples.join(', ')}`, params));
    }
    return written;
  }
}
