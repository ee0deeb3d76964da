export * from './spec.js';
export * from './store.js';
export * from './stores/index.js';
export * from './layout.js';
export * from './filters.js';
export * from './parse.js';
export * from './examples.js';
