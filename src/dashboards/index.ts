export * from './spec.js';
export * from './store.js';
export * from './stores/index.js';
export * from './layout.js';
export * from './filters.js';
export * from './parse.js';
export * from './examples.js';
// stores/ has an internal parseDashboardSpec that throws; the public one returns a result.
export { parseDashboardSpec } from './parse.js';
