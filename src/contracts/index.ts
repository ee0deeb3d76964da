export * from './data-model.js';
export * from './query.js';
export * from './result.js';
export * from './errors.js';
export * from './adapter.js';
export * from './loader.js';
