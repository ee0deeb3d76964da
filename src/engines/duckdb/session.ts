import type { AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import { AdapterError, throwIfAborted } from '../../contracts/errors.js';
import type { ScalarValue } from '../../contracts/result.js';
import type { ArrowResult } from './arrow-rows.js';
import { toAdapterError } from './errors.js';

/**
 * One DuckDB connection used by one call at a time: prepared-statement names, session variables
 * and `cancelSent()` all belong to the connection, so calls queue. Abort and timeout settle the
 * caller's promise at once and cancel the running statement where DuckDB allows it; the queue
 * moves on when DuckDB has actually stopped.
 */

/** Why a call stopped early, and how to stop the statement it is running. */
class CallState {
  reason?: AdapterError;
  cancel?: () => void;

  stop(reason: AdapterError): void {
    if (this.reason) return;
    this.reason = reason;
    this.cancel?.();
  }
}

const PARAMS_VARIABLE = 'clv_params';
const STATEMENT = 'clv_statement';

/** The statements a call may run; each checks first whether the call was stopped. */
export class Statements {
  constructor(
    private readonly session: DuckDbSession,
    private readonly call: CallState,
  ) {}

  private get conn(): AsyncDuckDBConnection {
    return this.session.conn;
  }

  /** Throws the abort or timeout error once the call has stopped. */
  check(): void {
    if (this.call.reason) throw this.call.reason;
  }

  /** Short DDL and bookkeeping, run to completion. */
  async exec(sql: string): Promise<ArrowResult> {
    this.check();
    return this.conn.query(sql);
  }

  /** Statements that take effect together or not at all. */
  async transaction(statements: readonly string[]): Promise<void> {
    this.check();
    await this.conn.query('BEGIN TRANSACTION');
    try {
      for (const sql of statements) await this.conn.query(sql);
      await this.conn.query('COMMIT');
    } catch (e) {
      await this.always('ROLLBACK');
      throw e;
    }
  }

  /** Clean-up that must run even after abort (dropping a staging table); errors are ignored. */
  async always(sql: string): Promise<void> {
    await this.conn.query(sql).catch(() => undefined);
  }

  /** A statement without parameters, as a pending query that abort cancels between DuckDB tasks. */
  async stream(sql: string): Promise<ArrowResult> {
    this.check();
    this.call.cancel = () => void this.conn.cancelSent().catch(() => undefined);
    try {
      const reader = await this.conn.send(sql);
      await reader.open();
      const schema = reader.schema;
      const batches: ArrowResult['batches'][number][] = [];
      for await (const batch of reader) batches.push(batch);
      this.check();
      return { schema, batches };
    } finally {
      this.call.cancel = undefined;
    }
  }

  /**
   * Raw SQL with `?` placeholders through the prepared-statement API, which types each value from
   * its use (a string compared with a DATE is read as a date). DuckDB-WASM runs such a statement
   * in one step, so abort stops waiting for it but cannot interrupt it.
   */
  async prepared(sql: string, params: readonly ScalarValue[]): Promise<ArrowResult> {
    this.check();
    const statement = await this.conn.prepare(sql);
    try {
      this.check();
      return await statement.query(...params);
    } finally {
      await statement.close().catch(() => undefined);
    }
  }

  /**
   * Generated SQL with `?` placeholders, kept cancellable: the values go into a session variable
   * through a prepared SET (still bound, never text), then PREPARE + EXECUTE runs as a pending
   * query. The generated SQL types every placeholder itself (CAST(? AS TIMESTAMP) for dates).
   */
  async execute(sql: string, params: readonly ScalarValue[]): Promise<ArrowResult> {
    if (params.length === 0) return this.stream(sql);
    const values: ScalarValue[] = [];
    const args = params.map((v) => {
      if (v === null) return 'NULL';
      values.push(v);
      return `struct_extract(getvariable('${PARAMS_VARIABLE}'), 'p${values.length}')`;
    });
    if (values.length) {
      this.check();
      const setter = await this.session.paramSetter(values.length);
      this.check();
      await setter.query(...values);
    }
    await this.exec(`PREPARE ${STATEMENT} AS ${sql}`);
    try {
      return await this.stream(`EXECUTE ${STATEMENT}(${args.join(', ')})`);
    } finally {
      await this.always(`DEALLOCATE ${STATEMENT}`);
    }
  }

  /** Appends an Arrow IPC stream to a table (created from the stream's schema when `create`). */
  async insertArrow(ipc: Uint8Array, table: string, create: boolean): Promise<void> {
    this.check();
    await this.conn.insertArrowFromIPCStream(ipc, { name: table, create });
  }
}

export class DuckDbSession {
  private tail: Promise<void> = Promise.resolve();
  private readonly setters = new Map<number, Promise<AsyncPreparedStatement>>();

  constructor(readonly conn: AsyncDuckDBConnection) {}

  /** `SET VARIABLE clv_params = {'p1': ?, ...}` for n values, prepared once per n. */
  paramSetter(n: number): Promise<AsyncPreparedStatement> {
    let setter = this.setters.get(n);
    if (!setter) {
      const fields = Array.from({ length: n }, (_, i) => `'p${i + 1}': ?`).join(', ');
      setter = this.conn.prepare(`SET VARIABLE ${PARAMS_VARIABLE} = {${fields}}`);
      setter.catch(() => this.setters.delete(n));
      this.setters.set(n, setter);
    }
    return setter;
  }

  /**
   * Queues `work` behind earlier calls. The promise rejects with 'aborted' as soon as the signal
   * fires and with 'timeout' after timeoutMs (Infinity for none); DuckDB errors become AdapterErrors.
   */
  run<T>(signal: AbortSignal | undefined, timeoutMs: number, work: (s: Statements) => Promise<T>): Promise<T> {
    throwIfAborted(signal);
    const call = new CallState();
    return new Promise<T>((resolve, reject) => {
      const stop = (reason: AdapterError) => {
        call.stop(reason);
        reject(reason);
      };
      const onAbort = () => stop(new AdapterError('aborted', 'The request was cancelled.'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(
            () => stop(new AdapterError('timeout', `DuckDB did not answer within ${timeoutMs} ms. Narrow the query (filters, a smaller limit) or raise queryTimeoutMs.`)),
            timeoutMs,
          )
        : undefined;
      const job = this.tail.then(() => {
        if (call.reason) throw call.reason;
        return work(new Statements(this, call));
      });
      this.tail = job.then(
        () => undefined,
        () => undefined,
      );
      job
        .then(resolve, (e: unknown) => reject(call.reason ?? toAdapterError(e)))
        .finally(() => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        });
    });
  }

  async close(): Promise<void> {
    await this.tail;
    await this.conn.close();
  }
}
