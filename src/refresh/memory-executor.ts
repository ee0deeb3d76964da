import type { Table } from '../contracts/data-model.js';
import { AdapterError } from '../contracts/errors.js';
import type { ScalarValue } from '../contracts/result.js';
import type { MemoryAdapter } from '../engines/memory/memory-adapter.js';
import { type StoredRow, type StoredValue, toStored } from '../engines/memory/table-store.js';
import { formatDate, formatTimestamp } from '../query/dates.js';
import type { ExecuteContext, RefreshExecutor, TaskOutcome, TaskSteps, WriteOutcome } from './executor.js';
import type { IncrementalAppendTask, RefreshJob, RefreshOutput } from './job-schema.js';
import type { RefreshPosition } from './log-schema.js';
import { MemoryRefreshStore } from './memory-store.js';
import { runTask } from './run-task.js';

export interface MemoryRefreshExecutorOptions {
  /** Rows per append; bounded because appending spreads the rows into one call. Default 5000. */
  chunkSize?: number;
}

const ORDERED_TYPES = new Set(['timestamp', 'date', 'number', 'integer', 'string']);

/** A stored position (epoch ms for dates and timestamps) in the output form the checkpoint log keeps. */
function positionOf(value: StoredValue, type: string): RefreshPosition {
  if (value === null) return null;
  if (type === 'timestamp') return formatTimestamp(value as number);
  if (type === 'date') return formatDate(value as number);
  return value as string | number;
}

/**
 * Refresh runs over the in-memory engine. A transaction remembers every table's row array and
 * length (no copy): appends push onto the array and a replace swaps it, so when the run fails,
 * each changed table gets its first `length` rows of the remembered array back, and the store
 * drops the run's checkpoint rows. Writes by others to those tables during a failing run are undone too.
 */
export class MemoryRefreshExecutor implements RefreshExecutor {
  private readonly chunkSize: number;
  private readonly steps: TaskSteps;

  constructor(
    readonly adapter: MemoryAdapter,
    readonly store: MemoryRefreshStore = new MemoryRefreshStore(),
    options: MemoryRefreshExecutorOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? 5000;
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1) throw new AdapterError('invalid_request', 'chunkSize must be a positive integer', 'chunkSize');
    this.steps = {
      adapter,
      incrementalAppend: (task, output, from) => this.incrementalAppend(task, output, from),
      appendQuery: async () => {
        throw new AdapterError('unsupported', 'The in-memory engine runs no SQL.', 'task.kind');
      },
      writeRows: async (output, _columns, rows) => this.append(output.table, rows),
      // Swapping in an empty array is a replace that the run's restore() undoes like any other.
      replaceRows: async (table, _columns, rows) => {
        this.adapter.store.appendRows(table, [], true);
        return this.append(table, rows);
      },
    };
  }

  private table(name: string, field: string): Table {
    const t = this.adapter.model.tables.find((x) => x.name === name);
    if (!t) throw new AdapterError('invalid_request', `There is no table "${name}" in the model "${this.adapter.model.name}".`, field);
    return t;
  }

  check(job: RefreshJob): void {
    const task = job.task;
    if (task.kind === 'sql')
      throw new AdapterError('unsupported', 'The in-memory engine runs no SQL: use an incremental-append or derivation task, or a SQL engine.', 'task.kind');
    const target = this.table(job.output.table, 'output.table');
    if (task.kind !== 'incremental-append') return;
    const source = this.table(task.source, 'task.source');
    const column = (name: string, field: string) => {
      const c = source.columns.find((x) => x.name === name);
      if (!c) throw new AdapterError('invalid_request', `"${name}" is not a column of "${source.name}".`, field);
      return c;
    };
    const position = column(task.positionColumn, 'task.positionColumn');
    if (!ORDERED_TYPES.has(position.type))
      throw new AdapterError('invalid_request', `"${position.name}" is a ${position.type} column: a position must be a timestamp, date, number or string.`, 'task.positionColumn');
    column(task.eventIdColumn, 'task.eventIdColumn');
    const missing = target.columns.filter((c) => !source.columns.some((s) => s.name === c.name)).map((c) => c.name);
    if (missing.length) throw new AdapterError('invalid_request', `"${target.name}" has columns "${source.name}" lacks: ${missing.join(', ')}.`, 'output.table');
    if (!target.columns.some((c) => c.name === task.eventIdColumn))
      throw new AdapterError('invalid_request', `"${target.name}" needs the event id column "${task.eventIdColumn}" to skip rows it already has.`, 'output.table');
  }

  async execute(job: RefreshJob, context: ExecuteContext): Promise<TaskOutcome> {
    this.check(job);
    return this.store.transaction(async (log) => {
      const restore = this.remember();
      try {
        return await runTask(this.steps, log, job, context);
      } catch (e) {
        restore();
        throw e;
      }
    });
  }

  /** Notes every table's state; the returned function puts back any table that changed. */
  private remember(): () => void {
    const tables = this.adapter.store;
    const marks = this.adapter.model.tables.map((t) => {
      const rows = tables.all(t.name);
      return { name: t.name, rows, length: rows.length };
    });
    return () => {
      for (const m of marks) {
        const now = tables.all(m.name);
        if (now !== m.rows || now.length !== m.length) tables.appendRows(m.name, m.rows.slice(0, m.length), true);
      }
    };
  }

  private async incrementalAppend(task: IncrementalAppendTask, output: RefreshOutput, from: RefreshPosition): Promise<WriteOutcome & { maxPosition: RefreshPosition }> {
    const tables = this.adapter.store;
    const positionType = tables.table(task.source).columns.find((c) => c.name === task.positionColumn)!.type;
    const targetColumns = tables.table(output.table).columns.map((c) => c.name);
    const after = from === null ? null : toStored(from, positionType, 'checkpoint.lastPosition');
    const pos = task.positionColumn;
    const id = task.eventIdColumn;
    const present = new Set(tables.all(output.table).map((r) => r[id] ?? null));
    // Earliest row per new event id; on equal positions the first stored wins.
    const batch = new Map<StoredValue, StoredRow>();
    let processed = 0;
    let max: StoredValue = null;
    for (const row of tables.all(task.source)) {
      const p = row[pos] ?? null;
      if (p === null || (after !== null && !(p > after))) continue;
      processed++;
      if (max === null || p > max) max = p;
      const key = row[id] ?? null;
      if (key === null || present.has(key)) continue;
      const seen = batch.get(key);
      if (!seen || p < (seen[pos] as number | string)) batch.set(key, row);
    }
    const rows = [...batch.values()].map((r) => Object.fromEntries(targetColumns.map((c) => [c, r[c] ?? null])));
    const written = this.append(output.table, rows);
    return { rowsProcessed: processed, rowsWritten: written, maxPosition: positionOf(max, positionType) };
  }

  private append(table: string, rows: ReadonlyArray<Record<string, ScalarValue | StoredValue>>): number {
    let written = 0;
    for (let i = 0; i < rows.length; i += this.chunkSize) written += this.adapter.store.appendRows(table, rows.slice(i, i + this.chunkSize));
    return written;
  }
}
