// Scheduled incremental refresh: jobs, schedules, the checkpoint log and run history, executors for
// the in-memory engine and DuckDB, and the scheduler. DOM-free.
export * from './schedule-schema.js';
export * from './job-schema.js';
export * from './log-schema.js';
export { scheduleToCron, cronProblem, nextRun, nextRuns } from './cron.js';
export { sqlTemplateProblem } from './sql-guard.js';
export { systemClock, MAX_TIMER_MS } from './clock.js';
export type { RefreshClock } from './clock.js';
export { RefreshEventTarget } from './events.js';
export type { ActiveRun, RefreshEventMap, RefreshEventType, RefreshEvent } from './events.js';
export type { RefreshStore, CheckpointLog } from './store.js';
export { MemoryRefreshStore } from './memory-store.js';
export { SqlRefreshStore, REFRESH_TABLES } from './sql-store.js';
export type { SqlAdapter } from './sql-store.js';
export type { RefreshExecutor, ExecuteContext, TaskOutcome } from './executor.js';
export { MemoryRefreshExecutor } from './memory-executor.js';
export type { MemoryRefreshExecutorOptions } from './memory-executor.js';
export { SqlRefreshExecutor } from './sql-executor.js';
export type { SqlRefreshExecutorOptions } from './sql-executor.js';
export { findDerivation, isDerivationWrites } from './derivations.js';
export type { DerivationContext, DerivationResult, DerivationRows, DerivationWrites, DerivationRunner, DerivationRegistry } from './derivations.js';
export { RefreshScheduler, DEFAULT_QUARANTINE_AFTER } from './scheduler.js';
export type { RefreshSchedulerOptions, RefreshJobView, RefreshJobPatch } from './scheduler.js';
