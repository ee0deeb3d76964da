export * from './spec.js';
export * from './migrate.js';
export * from './vega-lite.js';
export * from './catalog.js';
export * from './snapshot.js';
export * from './catalog-data.js';
export * from './row-limit.js';
