// The catalog widgets' data for the stories: every table of catalogModel() filled once per page by
// generateCatalogData(), queried by the in-memory engine, and by DuckDB-WASM for the SQL widgets.
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { ColumnarData } from '../../src/contracts/loader.js';
import { createDuckDbAdapter, type DuckDbAdapter, type DuckDbBundle } from '../../src/engines/duckdb/index.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { catalogModel } from '../../src/widgets/catalog.js';
import { catalogNow, generateCatalogData } from '../../src/widgets/catalog-data.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';

/** "Now" of the catalog data (the day after it ends), for the specs' relative date ranges. */
export const CATALOG_NOW = catalogNow();

/**
 * Where the DuckDB-WASM files are served: `duckdb/` next to the page. Storybook serves them through
 * `staticDirs` (.storybook/main.ts), the test runner through a rewrite (web-test-runner.config.mjs).
 * Relative to the page, so a Storybook build published under a sub-path still finds them.
 */
export function duckDbBundle(): DuckDbBundle {
  const base = new URL('duckdb/', document.baseURI);
  return { mainModule: new URL('duckdb-eh.wasm', base).href, mainWorker: new URL('duckdb-browser-eh.worker.js', base).href };
}

let data: Record<string, ColumnarData> | undefined;

/** The generated tables (2,000 customers, 2023–2024), built on first use. */
function catalogData(): Record<string, ColumnarData> {
  data ??= generateCatalogData();
  return data;
}

let memory: MemoryAdapter | undefined;

/** The in-memory engine over the catalog data: answers every semantic catalog widget. */
export function catalogAdapter(): MemoryAdapter {
  memory ??= new MemoryAdapter(catalogModel(), catalogData());
  return memory;
}

let duckdb: Promise<DuckDbAdapter> | undefined;

/** DuckDB-WASM over the same catalog data (started and loaded once per page): answers SQL widgets too. */
export function catalogSqlAdapter(): Promise<DuckDbAdapter> {
  duckdb ??= (async () => {
    const model = catalogModel();
    const adapter = createDuckDbAdapter({ bundle: duckDbBundle(), model });
    for (const [table, columns] of Object.entries(catalogData())) {
      const definition = model.tables.find((t) => t.name === table);
      if (!definition) throw new Error(`generateCatalogData() returned "${table}", which is not a table of catalogModel()`);
      await adapter.loadColumns(table, definition.columns.map((c) => ({ name: c.name, type: c.type })), columns, { mode: 'replace' });
    }
    return adapter;
  })();
  // A failed start is not cached: the next story tries again.
  duckdb.catch(() => (duckdb = undefined));
  return duckdb;
}

/** The adapter a catalog spec needs: DuckDB for a SQL widget, else the in-memory engine. */
export function catalogAdapterFor(spec: WidgetSpec): Promise<DataAdapter> {
  return spec.data.kind === 'sql' ? catalogSqlAdapter() : Promise.resolve(catalogAdapter());
}
