import type { DataAdapter, SqlParams } from '../contracts/adapter.js';
import { AdapterError } from '../contracts/errors.js';
import type { ResultSet, Row, ScalarValue } from '../contracts/result.js';
import { type RefreshJobRecord, RefreshJobRecordSchema } from './job-schema.js';
import { type CheckpointRow, CheckpointRowSchema, type CheckpointStatus, type RefreshPosition, type RefreshRun, RefreshRunSchema } from './log-schema.js';
import { Mutex } from './mutex.js';
import { type CheckpointLog, DEFAULT_RUN_LIMIT, type RefreshStore } from './store.js';

/** A DataAdapter that runs raw SQL ('$NAME' parameters bound) on one connection. */
export type SqlAdapter = DataAdapter & { sql: NonNullable<DataAdapter['sql']> };

export const REFRESH_TABLES = {
  jobs: 'clv_refresh_jobs',
  checkpoints: 'clv_refresh_checkpoints',
  runs: 'clv_refresh_runs',
} as const;

const SEQUENCE = 'clv_refresh_seq';

/** DuckDB DDL; the tables are plain so dashboards can query run history and checkpoints with SQL. */
const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS "${SEQUENCE}"`,
  `CREATE TABLE IF NOT EXISTS "${REFRESH_TABLES.jobs}" ("id" VARCHAR PRIMARY KEY, "name" VARCHAR NOT NULL, "enabled" BOOLEAN NOT NULL, "definition" VARCHAR NOT NULL, "state" VARCHAR NOT NULL, "updated_at" TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS "${REFRESH_TABLES.checkpoints}" ("seq" BIGINT NOT NULL, "process" VARCHAR NOT NULL, "status" VARCHAR NOT NULL, "last_position" VARCHAR, "last_position_type" VARCHAR, "at" TIMESTAMP NOT NULL, "run_id" VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS "${REFRESH_TABLES.runs}" ("seq" BIGINT NOT NULL, "run_id" VARCHAR NOT NULL, "job_id" VARCHAR NOT NULL, "trigger" VARCHAR NOT NULL, "scheduled_for" TIMESTAMP, "started_at" TIMESTAMP NOT NULL, "ended_at" TIMESTAMP NOT NULL, "rows_processed" BIGINT NOT NULL, "rows_written" BIGINT NOT NULL, "status" VARCHAR NOT NULL, "error" VARCHAR)`,
];

// A position keeps its JSON type (a number stays a number) as text plus a type tag, readable in SQL.
const positionText = (p: RefreshPosition): ScalarValue => (p === null ? null : String(p));
const positionType = (p: RefreshPosition): ScalarValue => (p === null ? null : typeof p === 'number' ? 'number' : 'string');
function readPosition(text: ScalarValue, type: ScalarValue): RefreshPosition {
  if (text === null) return null;
  return type === 'number' ? Number(text) : String(text);
}

const TS = (name: string) => `CAST($${name} AS TIMESTAMP)`;

function checkpointOf(r: Row): CheckpointRow {
  return CheckpointRowSchema.parse({
    process: r.process,
    status: r.status,
    lastPosition: readPosition(r.last_position ?? null, r.last_position_type ?? null),
    at: r.at,
    runId: r.run_id ?? null,
  });
}

function runOf(r: Row): RefreshRun {
  return RefreshRunSchema.parse({
    runId: r.run_id,
    jobId: r.job_id,
    trigger: r.trigger,
    scheduledFor: r.scheduled_for ?? null,
    start: r.started_at,
    end: r.ended_at,
    rowsProcessed: r.rows_processed,
    rowsWritten: r.rows_written,
    status: r.status,
    ...(r.error !== null && r.error !== undefined ? { error: r.error } : {}),
  });
}

/**
 * Jobs, runs and the checkpoint log as tables in the adapter's own database, written with bound
 * parameters only. Give it an adapter with its own connection: transactions are BEGIN/COMMIT on that
 * connection, so statements of other callers sharing it would join an open transaction.
 */
export class SqlRefreshStore implements RefreshStore {
  private readonly mutex = new Mutex();
  private created?: Promise<void>;

  constructor(readonly adapter: SqlAdapter) {
    if (typeof adapter.sql !== 'function' || !adapter.capabilities.sql)
      throw new AdapterError('unsupported', `The adapter "${adapter.id}" does not run SQL, so it cannot hold the refresh tables.`, 'adapter');
  }

  private sql(text: string, params: SqlParams = {}): Promise<ResultSet> {
    return this.adapter.sql(text, params);
  }

  private ensureTables(): Promise<void> {
    if (!this.created) {
      const created = (async () => {
        for (const ddl of DDL) await this.sql(ddl);
      })();
      created.catch(() => {
        if (this.created === created) this.created = undefined;
      });
      this.created = created;
    }
    return this.created;
  }

  /** Creates the refresh tables if they are missing (every other call does this first). */
  init(): Promise<void> {
    return this.mutex.run(() => this.ensureTables());
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      await this.ensureTables();
      return work();
    });
  }

  /** BEGIN ... COMMIT around `work`; ROLLBACK when it throws (or COMMIT fails). */
  private async atomic<T>(work: () => Promise<T>): Promise<T> {
    await this.sql('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.sql('COMMIT');
      return result;
    } catch (e) {
      // After a failed COMMIT DuckDB has already rolled back; the ROLLBACK error then means nothing.
      await this.sql('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private readonly log: CheckpointLog = {
    lastCheckpoint: (process, status) => this.latestCheckpoint(process, status),
    appendCheckpoint: (row) => this.insertCheckpoint(row),
  };

  private async latestCheckpoint(process: string, status?: CheckpointStatus): Promise<CheckpointRow | undefined> {
    const where = status === undefined ? '' : ' AND "status" = $STATUS';
    const r = await this.sql(
      `SELECT "process", "status", "last_position", "last_position_type", "at", "run_id" FROM "${REFRESH_TABLES.checkpoints}" WHERE "process" = $PROCESS${where} ORDER BY "seq" DESC LIMIT 1`,
      { PROCESS: process, ...(status === undefined ? {} : { STATUS: status }) },
    );
    return r.rows[0] ? checkpointOf(r.rows[0]) : undefined;
  }

  private async insertCheckpoint(row: CheckpointRow): Promise<void> {
    const c = CheckpointRowSchema.parse(row);
    await this.sql(
      `INSERT INTO "${REFRESH_TABLES.checkpoints}" VALUES (nextval('${SEQUENCE}'), $PROCESS, $STATUS, $POSITION, $POSITION_TYPE, ${TS('AT')}, $RUN_ID)`,
      { PROCESS: c.process, STATUS: c.status, POSITION: positionText(c.lastPosition), POSITION_TYPE: positionType(c.lastPosition), AT: c.at, RUN_ID: c.runId },
    );
  }

  private async selectJobs(where: string, params: SqlParams): Promise<RefreshJobRecord[]> {
    const r = await this.sql(`SELECT "definition", "state" FROM "${REFRESH_TABLES.jobs}"${where} ORDER BY "id"`, params);
    return r.rows.map((row) => RefreshJobRecordSchema.parse({ job: JSON.parse(String(row.definition)), state: JSON.parse(String(row.state)) }));
  }

  listJobs(): Promise<RefreshJobRecord[]> {
    return this.locked(() => this.selectJobs('', {}));
  }

  getJob(id: string): Promise<RefreshJobRecord | undefined> {
    return this.locked(async () => (await this.selectJobs(' WHERE "id" = $ID', { ID: id }))[0]);
  }

  putJob(record: RefreshJobRecord): Promise<void> {
    const { job, state } = RefreshJobRecordSchema.parse(record);
    return this.locked(async () => {
      await this.sql(`INSERT OR REPLACE INTO "${REFRESH_TABLES.jobs}" VALUES ($ID, $NAME, $ENABLED, $DEFINITION, $STATE, ${TS('UPDATED_AT')})`, {
        ID: job.id,
        NAME: job.name,
        ENABLED: job.enabled,
        DEFINITION: JSON.stringify(job),
        STATE: JSON.stringify(state),
        UPDATED_AT: state.updatedAt,
      });
    });
  }

  deleteJob(id: string): Promise<void> {
    return this.locked(() =>
      this.atomic(async () => {
        await this.sql(`DELETE FROM "${REFRESH_TABLES.jobs}" WHERE "id" = $ID`, { ID: id });
        await this.sql(`DELETE FROM "${REFRESH_TABLES.runs}" WHERE "job_id" = $ID`, { ID: id });
        await this.sql(`DELETE FROM "${REFRESH_TABLES.checkpoints}" WHERE "process" = $ID`, { ID: id });
      }),
    );
  }

  appendRun(run: RefreshRun): Promise<void> {
    const r = RefreshRunSchema.parse(run);
    return this.locked(async () => {
      await this.sql(
        `INSERT INTO "${REFRESH_TABLES.runs}" VALUES (nextval('${SEQUENCE}'), $RUN_ID, $JOB_ID, $TRIGGER, ${TS('SCHEDULED_FOR')}, ${TS('STARTED_AT')}, ${TS('ENDED_AT')}, $ROWS_PROCESSED, $ROWS_WRITTEN, $STATUS, $ERROR)`,
        {
          RUN_ID: r.runId,
          JOB_ID: r.jobId,
          TRIGGER: r.trigger,
          SCHEDULED_FOR: r.scheduledFor,
          STARTED_AT: r.start,
          ENDED_AT: r.end,
          ROWS_PROCESSED: r.rowsProcessed,
          ROWS_WRITTEN: r.rowsWritten,
          STATUS: r.status,
          ERROR: r.error ?? null,
        },
      );
    });
  }

  listRuns(jobId: string, limit = DEFAULT_RUN_LIMIT): Promise<RefreshRun[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new AdapterError('invalid_request', 'limit must be a non-negative integer', 'limit');
    return this.locked(async () => {
      const r = await this.sql(`SELECT * FROM "${REFRESH_TABLES.runs}" WHERE "job_id" = $JOB_ID ORDER BY "seq" DESC LIMIT $LIMIT`, { JOB_ID: jobId, LIMIT: limit });
      return r.rows.map(runOf);
    });
  }

  listCheckpoints(process: string): Promise<CheckpointRow[]> {
    return this.locked(async () => {
      const r = await this.sql(`SELECT * FROM "${REFRESH_TABLES.checkpoints}" WHERE "process" = $PROCESS ORDER BY "seq"`, { PROCESS: process });
      return r.rows.map(checkpointOf);
    });
  }

  lastCheckpoint(process: string, status?: CheckpointStatus): Promise<CheckpointRow | undefined> {
    return this.locked(() => this.latestCheckpoint(process, status));
  }

  appendCheckpoint(row: CheckpointRow): Promise<void> {
    return this.locked(() => this.insertCheckpoint(row));
  }

  transaction<T>(work: (log: CheckpointLog) => Promise<T>): Promise<T> {
    return this.locked(() => this.atomic(() => work(this.log)));
  }
}
