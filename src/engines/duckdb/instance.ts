import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import { AdapterError } from '../../contracts/errors.js';
import type { DuckDbBundle } from './bundle.js';

/** Start-up progress: the .wasm download, its compilation, then ready. */
export interface DuckDbProgress {
  phase: 'download' | 'instantiate' | 'ready';
  loaded: number;
  total: number;
}
export type DuckDbProgressHandler = (progress: DuckDbProgress) => void;

interface Instance {
  readonly db: Promise<AsyncDuckDB>;
  readonly listeners: Set<DuckDbProgressHandler>;
  readonly last: DuckDbProgress | undefined;
}

/** One database per page, bundle and database name: starting DuckDB costs seconds and tens of MB. */
const instances = new Map<string, Instance>();

/** The name of the database adapters share when they name none. */
export const DEFAULT_DATABASE = 'default';

/**
 * A worker for the script; one on another origin (a CDN) is started through a same-origin blob
 * that imports it, as workers must be same-origin. The blob stays for the page's lifetime.
 */
function createWorker(url: string): Worker {
  const here = typeof location === 'undefined' ? undefined : location.href;
  if (!here || new URL(url, here).origin === new URL(here).origin) return new Worker(url);
  return new Worker(URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' })));
}

function start(bundle: DuckDbBundle): Instance {
  const listeners = new Set<DuckDbProgressHandler>();
  let last: DuckDbProgress | undefined;
  const emit = (p: DuckDbProgress) => {
    last = p;
    for (const listener of listeners) {
      try {
        listener(p);
      } catch {
        // a failing progress listener must not break start-up for everyone sharing it
      }
    }
    if (p.phase === 'ready') listeners.clear();
  };
  const db = (async () => {
    let worker: Worker | undefined;
    try {
      emit({ phase: 'download', loaded: 0, total: 0 });
      const w = (worker = createWorker(bundle.mainWorker));
      // A worker script that fails to load only fires 'error'; DuckDB's own promise would never settle.
      const failed = new Promise<never>((_, reject) =>
        w.addEventListener('error', (e) => reject(new Error(e.message || `the worker script ${bundle.mainWorker} failed to load`)), { once: true }),
      );
      failed.catch(() => undefined); // a later worker error is DuckDB's to report, not start-up's
      const duck = new AsyncDuckDB(new VoidLogger(), w);
      let total = 0;
      const instantiated = duck.instantiate(bundle.mainModule, null, (p) => {
        total = p.bytesTotal;
        const done = p.bytesTotal > 0 && p.bytesLoaded >= p.bytesTotal;
        emit({ phase: done ? 'instantiate' : 'download', loaded: p.bytesLoaded, total: p.bytesTotal });
      });
      await Promise.race([instantiated, failed]);
      await duck.open({});
      emit({ phase: 'ready', loaded: total, total });
      return duck;
    } catch (e) {
      worker?.terminate();
      const reason = e instanceof Error ? e.message : String(e);
      throw new AdapterError(
        'backend',
        `DuckDB-WASM could not start (${reason}). Check that ${bundle.mainModule} and ${bundle.mainWorker} are served, the .wasm as application/wasm.`,
        undefined,
        { cause: e },
      );
    }
  })();
  return {
    db,
    listeners,
    get last() {
      return last;
    },
  };
}

/**
 * The shared DuckDB for a bundle and database name, started on first use in its own Web Worker: a
 * database of another name is a separate, empty in-memory DuckDB. `onProgress` hears the remaining
 * start-up phases (the latest one at once), or just 'ready' when it is already running. A failed
 * start is forgotten, so the next call tries again.
 */
export function getDuckDb(bundle: DuckDbBundle, onProgress?: DuckDbProgressHandler, database: string = DEFAULT_DATABASE): Promise<AsyncDuckDB> {
  const key = `${bundle.mainModule}\n${bundle.mainWorker}\n${database}`;
  let instance = instances.get(key);
  if (!instance) {
    const created = start(bundle);
    instances.set(key, created);
    created.db.catch(() => {
      if (instances.get(key) === created) instances.delete(key);
    });
    instance = created;
  }
  if (onProgress) {
    if (instance.last) onProgress(instance.last);
    if (instance.last?.phase !== 'ready') instance.listeners.add(onProgress);
  }
  return instance.db;
}
