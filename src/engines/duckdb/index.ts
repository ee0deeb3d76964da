// clv-kit/duckdb: the DuckDB-WASM engine for the browser.
export { DuckDbAdapter, createDuckDbAdapter, DEFAULT_QUERY_TIMEOUT_MS } from './duckdb-adapter.js';
export type { DuckDbAdapterOptions } from './duckdb-adapter.js';
export type { DuckDbBundle } from './bundle.js';
export { getDuckDb } from './instance.js';
export type { DuckDbProgress, DuckDbProgressHandler } from './instance.js';
export { toAdapterError } from './errors.js';
