export { MemoryAdapter } from './memory-adapter.js';
export { TableStore } from './table-store.js';
export { executePlan, compareValues } from './execute.js';
