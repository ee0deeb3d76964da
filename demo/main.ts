// The demo portal's entry: the DuckDB-WASM files as URLs Vite serves, and the page's options.
//   ?customers=20000  synthetic customers (1,000 – 1,000,000)    ?seed=42  generator seed
import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { mountPortal } from './portal.js';

const params = new URLSearchParams(location.search);
const clampInt = (value: string | null, fallback: number, min: number, max: number) => {
  const n = Math.round(Number(value ?? fallback));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

mountPortal(document.getElementById('app')!, {
  bundle: { mainModule, mainWorker },
  customers: clampInt(params.get('customers'), 20_000, 1_000, 1_000_000),
  seed: clampInt(params.get('seed'), 42, -2_147_483_648, 2_147_483_647),
});
