/**
 * Where the DuckDB-WASM files live, as URLs the app passes in. Library code never imports the
 * .wasm itself: Vite's library mode would inline it as base64 (a 40+ MB module). In a Vite app:
 *   import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
 *   import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
 */
export interface DuckDbBundle {
  /** URL of the .wasm module (e.g. duckdb-eh.wasm). */
  mainModule: string;
  /** URL of the matching worker script (e.g. duckdb-browser-eh.worker.js). */
  mainWorker: string;
}
