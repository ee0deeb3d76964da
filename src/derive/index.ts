// The decile derivation: one plan, compiled to DuckDB SQL and executed in memory. See README.md.
export {
  DecileDefinitionSchema,
  DecileMetricSchema,
  DecileWindowSchema,
  DECILE_AGGREGATIONS,
  DEFAULT_DECILE_WINDOWS,
  MAX_DECILE_NAME_LENGTH,
} from './definition.js';
export type { DecileDefinition, DecileDefinitionInput, DecileMetric, DecileWindow } from './definition.js';
export { planDeciles, DECILE_COLUMNS, FLAT_SUFFIX } from './plan.js';
export type { DecilePlan, DecileLookup, DecileMetricPlan, PlanColumn } from './plan.js';
export { decileSql } from './sql.js';
export type { DecileStatement } from './sql.js';
export { runDecilePlan, loadColumnsOfDeciles } from './memory.js';
export type { DerivedDeciles, DerivedTableData } from './memory.js';
export { registerDerivedTables, withDerivedTables, derivedModelParts } from './model.js';
export type { DerivedModelParts } from './model.js';
export { runDecileDerivation, deriveDecilesInMemory, loadDerivedDeciles } from './run.js';
export type { DecileSqlAdapter, DecileRunOptions, DecileRunResult } from './run.js';
export { exactWindow, platformWindow, platformOffset, monthsBefore } from './windows.js';
export type { WindowBounds } from './windows.js';
export { ntile, compareCodePoints, decileMapJson } from './order.js';
