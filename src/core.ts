/**
 * clv-kit/core: the DOM-free core. Contracts, the query planner and SQL compiler, the in-memory
 * engine, the CLV data model, synthetic data, file import and the CLV models. Imports in plain Node.
 */
export * from './contracts/index.js';
export * from './contracts/json-schema.js';
export { planQuery, shortestPaths } from './query/plan.js';
export type { QueryPlan, DimensionRef, MeasureRef, PlannedFilter, PlannedLeaf, JoinStep, OrderTerm } from './query/plan.js';
export { compileToSql, quoteIdentifier } from './query/sql.js';
export { DataChanges, DATA_CHANGED_EVENT, queryTables, isStale } from './query/data-changes.js';
export type { DataChangeDetail } from './query/data-changes.js';
export type { CompiledSql } from './query/sql.js';
export { findSqlParameters, bindNamedParameters } from './query/sql-params.js';
export { operatorsFor, operandKind } from './query/operators.js';
export type { OperandKind } from './query/operators.js';
export { parseInstant, formatDate, formatTimestamp, resolveDateRange, truncate } from './query/dates.js';
export type { Interval } from './query/dates.js';
export * from './engines/memory/index.js';
export * from './model/clv-model.js';
export * from './model/introspect.js';
export * from './synthetic/index.js';
export * from './import/index.js';
export * from './clv/index.js';
export * from './derive/index.js';
export * from './refresh/index.js';
export * from './widgets/index.js';
export * from './export/csv.js';
export * from './dashboards/index.js';
export * from './composer/index.js';
export type { QueryGate } from './query/gate.js';
export { createQueryGate } from './query/query-gate.js';
export type { CountingQueryGate } from './query/query-gate.js';
export { slugify as slugifyText, type SlugOptions } from './text/slug.js';
