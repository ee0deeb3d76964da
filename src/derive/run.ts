import type { CallOptions, DataAdapter } from '../contracts/adapter.js';
import type { DataModel } from '../contracts/data-model.js';
import { AdapterError, throwIfAborted } from '../contracts/errors.js';
import type { ColumnarData, LoadOptions, TableLoader } from '../contracts/loader.js';
import { quoteIdentifier } from '../query/sql.js';
import { clvDataModel } from '../model/clv-model.js';
import type { DecileDefinitionInput } from './definition.js';
import { type DerivedDeciles, runDecilePlan } from './memory.js';
import { withDerivedTables } from './model.js';
import { type DecilePlan, planDeciles } from './plan.js';
import { type DecileStatement, decileSql } from './sql.js';

/** What the SQL path needs of an adapter: DuckDB SQL with named parameters, and its model. */
export type DecileSqlAdapter = Pick<DataAdapter, 'id' | 'describe' | 'sql'>;

export interface DecileRunOptions extends CallOptions {
  /** The model the definition is checked against; default: adapter.describe(). */
  model?: DataModel;
  /**
   * Wrap the statements in BEGIN/COMMIT (default true). Pass false when the caller already holds a
   * transaction on the adapter's connection, as a refresh run does: DuckDB does not nest them.
   */
  transaction?: boolean;
}

export interface DecileRunResult {
  /** The model with the derived tables registered (give it to an adapter to query them). */
  model: DataModel;
  plan: DecilePlan;
  /** What ran, in order, with the bound values. */
  statements: DecileStatement[];
  rows: { map: number; flat: number };
  /** Wall time of the statements, in ms. */
  ms: number;
}

/**
 * Creates or replaces the two derived tables inside the adapter's database with
 * CREATE OR REPLACE TABLE ... AS SELECT, every value bound, in one transaction so a failure
 * leaves the previous tables as they were (the caller's transaction with `transaction: false`).
 */
export async function runDecileDerivation(
  adapter: DecileSqlAdapter,
  definition: DecileDefinitionInput,
  options: DecileRunOptions = {},
): Promise<DecileRunResult> {
  const { signal } = options;
  throwIfAborted(signal);
  const sql = adapter.sql?.bind(adapter);
  if (!sql)
    throw new AdapterError('unsupported', `${adapter.id} runs no SQL; use deriveDecilesInMemory() and loadDerivedDeciles() instead`);
  const model = options.model ?? (await adapter.describe({ signal }));
  const plan = planDeciles(model, definition);
  const statements = decileSql(plan);
  const start = performance.now();
  const own = options.transaction ?? true;
  if (own) await sql('BEGIN TRANSACTION', {}, { signal });
  try {
    for (const s of statements) await sql(s.sql, s.params, { signal });
    if (own) await sql('COMMIT', {}, { signal });
  } catch (e) {
    if (own) await sql('ROLLBACK').catch(() => undefined); // the first error is the one to report
    throw e;
  }
  const ms = performance.now() - start;
  const counted = await sql(
    `SELECT (SELECT COUNT(*) FROM ${quoteIdentifier(plan.tables.map)}) AS "map", (SELECT COUNT(*) FROM ${quoteIdentifier(plan.tables.flat)}) AS "flat"`,
    {},
    { signal },
  );
  const row = counted.rows[0] ?? {};
  return { model: withDerivedTables(model, plan), plan, statements, rows: { map: Number(row.map), flat: Number(row.flat) }, ms };
}

/**
 * The derivation computed in JavaScript over columnar arrays keyed by table name (the source, the
 * looked-up table and the identities table), for the in-memory engine, the mock backend and CLIs.
 * The model defaults to the CLV model.
 */
export function deriveDecilesInMemory(
  definition: DecileDefinitionInput,
  data: Record<string, ColumnarData>,
  model: DataModel = clvDataModel,
): DerivedDeciles {
  return runDecilePlan(planDeciles(model, definition), data);
}

/** Replaces both derived tables in an engine that bulk-loads (e.g. a MemoryAdapter built on the registered model). */
export async function loadDerivedDeciles(
  loader: TableLoader,
  derived: DerivedDeciles,
  options: Omit<LoadOptions, 'mode'> = {},
): Promise<{ map: number; flat: number }> {
  const flat = await loader.loadColumns(derived.flat.table, derived.flat.columns, derived.flat.data, { ...options, mode: 'replace' });
  const map = await loader.loadColumns(derived.map.table, derived.map.columns, derived.map.data, { ...options, mode: 'replace' });
  return { map: map.rows, flat: flat.rows };
}
