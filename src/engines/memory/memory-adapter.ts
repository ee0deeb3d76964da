import type { AppendRows, CallOptions, Capabilities, DataAdapter, QueryOptions, SampleOptions } from '../../contracts/adapter.js';
import { AppendRowsSchema } from '../../contracts/adapter.js';
import type { DataModel, DataModelInput } from '../../contracts/data-model.js';
import { DataModelSchema } from '../../contracts/data-model.js';
import { parseOrThrow, throwIfAborted } from '../../contracts/errors.js';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../../contracts/loader.js';
import type { SemanticQueryInput } from '../../contracts/query.js';
import type { ResultSet } from '../../contracts/result.js';
import { planQuery } from '../../query/plan.js';
import { executePlan } from './execute.js';
import { sampleRows } from './sample.js';
import { TableStore } from './table-store.js';

/**
 * The in-memory reference engine behind the DataAdapter contract: no wasm, no network.
 * It backs the mock REST backend and is the reference in differential tests.
 */
export class MemoryAdapter implements DataAdapter, TableLoader {
  readonly id = 'memory';
  readonly capabilities: Capabilities = { sql: false, append: true };
  readonly model: DataModel;
  readonly store: TableStore;

  constructor(model: DataModelInput, data: Record<string, ColumnarData | ReadonlyArray<Record<string, unknown>>> = {}) {
    this.model = parseOrThrow(DataModelSchema, model, 'data model');
    this.store = new TableStore(this.model);
    for (const [table, rows] of Object.entries(data)) {
      if (Array.isArray(rows)) this.store.appendRows(table, rows as ReadonlyArray<Record<string, unknown>>, true);
      else this.store.appendColumns(table, rows as ColumnarData, true);
    }
  }

  async describe(options: CallOptions = {}): Promise<DataModel> {
    throwIfAborted(options.signal);
    return {
      ...this.model,
      tables: this.model.tables.map((t) => ({ ...t, rowCount: this.store.all(t.name).length })),
    };
  }

  async query(query: SemanticQueryInput, options: QueryOptions = {}): Promise<ResultSet> {
    throwIfAborted(options.signal);
    const plan = planQuery(this.model, query, { now: options.now });
    return executePlan(plan, this.store);
  }

  async sample(table: string, options: SampleOptions = {}): Promise<ResultSet> {
    throwIfAborted(options.signal);
    return sampleRows(this.store, table, options.limit, options.offset);
  }

  async append(table: string, rows: AppendRows, options: CallOptions = {}): Promise<{ appended: number }> {
    throwIfAborted(options.signal);
    const valid = parseOrThrow(AppendRowsSchema, rows, 'rows');
    return { appended: this.store.appendRows(table, valid) };
  }

  async loadColumns(table: string, _columns: LoadColumn[], data: ColumnarData, options: LoadOptions): Promise<{ rows: number }> {
    throwIfAborted(options.signal);
    const rows = this.store.appendColumns(table, data, options.mode === 'replace');
    options.onProgress?.({ phase: 'load', done: rows, total: rows });
    return { rows };
  }
}
