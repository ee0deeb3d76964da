// Imported purchases in a second DuckDB database, so the generated data stays: the CDNOW dataset on
// demand (fetched from the dev server's shared data, read by the import pipeline), or a file of
// the user's through <clv-file-import>.
import { z } from 'zod';
import { loadImportCore, type ImportCore } from '../components/file-import/import-core.js';
import type { ImportSummary } from '../components/file-import/import-summary.js';
import { formatNumber } from '../components/shared/format.js';
import type { LoadProgress } from '../src/contracts/loader.js';
import type { ImportResult } from '../src/import/index.js';
import { createDuckDbAdapter, type DuckDbAdapter, type DuckDbBundle } from '../src/engines/duckdb/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import { messageOf, seconds, type Stage } from './stages.js';

/** The CDNOW master file, under the shared data directory the dev server serves at /__data/. */
export const CDNOW_PATH = 'cdnow/CDNOW_master.txt';
export const CDNOW_FILE = CDNOW_PATH.split('/').pop()!;
/** The database imports go to. */
export const IMPORT_DATABASE = 'imports';

/** What the imported data is: shown above its dashboard. */
export interface ImportedSource {
  fileName: string;
  purchases: number;
  customers: number;
  dateRange: { from: string; to: string } | null;
}

const DataInfoSchema = z.object({ dir: z.string(), exists: z.boolean() });

/** Where the dev server looks for the shared data files and whether that directory exists; undefined when it serves none. */
export async function dataInfo(): Promise<z.infer<typeof DataInfoSchema> | undefined> {
  try {
    const response = await fetch('/__data-info');
    if (!response.ok) return undefined;
    const info = DataInfoSchema.safeParse(await response.json());
    return info.success ? info.data : undefined;
  } catch {
    return undefined; // not JSON: another server's page
  }
}

/** Why `path` could not be fetched, and where it is expected. */
async function notFound(path: string, status: number): Promise<Error> {
  const dir = (await dataInfo())?.dir;
  const [folder] = path.split('/');
  return new Error(
    dir
      ? `${path.split('/').pop()} was not found in ${dir}/${folder}/ (HTTP ${status}). Put it there, or start the demo with CLV_DATA_DIR set to a directory that holds ${path}.`
      : `${path} was not found (HTTP ${status}): this server does not serve the shared data directory. Start the demo with npm start, which serves ../shared/data (or CLV_DATA_DIR) at /__data/.`,
  );
}

/**
 * Fetches a file of the shared data directory with download progress. A missing file rejects with
 * a message that says where it is expected.
 */
export async function fetchDataFile(path: string, onProgress: (p: LoadProgress) => void): Promise<File> {
  const url = `/__data/${path}`;
  const name = path.split('/').pop()!;
  const response = await fetch(url).catch((error: unknown) => {
    throw new Error(`Could not fetch ${url}: ${messageOf(error)}`);
  });
  if (!response.ok) throw await notFound(path, response.status);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body?.getReader();
  if (!reader) return new File([await response.blob()], name);
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
    done += next.value.byteLength;
    onProgress({ phase: 'download', done, total });
  }
  return new File(chunks as BlobPart[], name);
}

export class ImportedData {
  readonly adapter: DuckDbAdapter;
  /** The CDNOW load's steps, once it was asked for. */
  stages?: Stage[];
  busy = false;
  source?: ImportedSource;

  constructor(
    bundle: DuckDbBundle,
    private readonly changed: () => void,
  ) {
    this.adapter = createDuckDbAdapter({
      bundle,
      model: clvDataModel,
      database: IMPORT_DATABASE,
      onProgress: (p) => this.#set(0, { progress: { phase: p.phase, done: p.loaded, total: p.total } }),
    });
  }

  #set(i: number, patch: Partial<Stage>): void {
    if (!this.stages) return;
    this.stages[i] = { ...this.stages[i]!, ...patch };
    this.changed();
  }

  /** Fetches CDNOW_master.txt, reads it with the import pipeline and replaces the imported tables; resolves true when loaded. */
  async loadCdnow(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.stages = [
      { label: 'DuckDB-WASM, second database', state: 'loading', phaseLabels: { download: 'Downloading the engine', instantiate: 'Compiling', ready: 'Ready' } },
      { label: CDNOW_FILE, state: 'loading', phaseLabels: { download: 'Downloading', reading: 'Reading', parsing: 'Parsing purchases', done: 'Read' } },
      { label: 'Loading into DuckDB', state: 'loading', phaseLabels: { transactions: 'Transactions', customers: 'Customers', dates: 'Calendar' } },
    ];
    this.changed();
    const t0 = performance.now();
    const started = this.adapter.ready().then(
      () => this.#set(0, { state: 'done', message: `Started in ${seconds(t0)}.` }),
      (error: unknown) => {
        this.#set(0, { state: 'error', message: messageOf(error) });
        throw error;
      },
    );
    started.catch(() => undefined); // reported on the stage; awaited below
    try {
      let core: ImportCore;
      let result: ImportResult;
      try {
        core = await loadImportCore();
        const file = await fetchDataFile(CDNOW_PATH, (p) => this.#set(1, { progress: p }));
        result = await core.importFile(file, file.name, {
          onProgress: (p) => this.#set(1, { progress: { phase: p.phase, done: p.bytesDone, total: p.bytesTotal } }),
        });
        this.#set(1, {
          state: 'done',
          message: `${formatNumber(result.rowCount, ',d')} purchases read (${formatNumber(result.rejected.length, ',d')} rejected) in ${seconds(t0)}.`,
        });
      } catch (error) {
        this.#set(1, { state: 'error', message: messageOf(error) });
        this.#set(2, { state: 'error', message: 'Nothing to load.' });
        return false;
      }
      try {
        await started;
      } catch {
        this.#set(2, { state: 'error', message: 'DuckDB did not start.' });
        return false;
      }
      try {
        const t2 = performance.now();
        const load = await core.loadImport(this.adapter, result, 'transactions', 'replace', { onProgress: (p) => this.#set(2, { progress: p }) });
        this.#set(2, { state: 'done', message: `${Object.entries(load.rows).map(([t, n]) => `${t} ${formatNumber(n, ',d')}`).join(', ')} rows in ${seconds(t2)}.` });
        this.source = { fileName: CDNOW_FILE, purchases: result.rowCount, customers: load.rows.customers ?? 0, dateRange: result.dateRange };
        return true;
      } catch (error) {
        this.#set(2, { state: 'error', message: messageOf(error) });
        return false;
      }
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  /** A file the user imported with <clv-file-import> into this database. */
  imported(summary: ImportSummary): void {
    this.stages = undefined; // they were CDNOW's, which the import replaced
    this.source = { fileName: summary.fileName, purchases: summary.rowsImported, customers: summary.loaded.customers ?? 0, dateRange: summary.dateRange };
    this.changed();
  }
}
