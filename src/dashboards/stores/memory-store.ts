import type { DashboardSpec } from '../spec.js';
import type { DashboardStore, DashboardSummary, StoredDashboard } from '../store.js';
import {
  checkBaseRevision,
  compareSummaries,
  conflictError,
  existsError,
  notFoundError,
  specForStore,
  summarize,
  throwIfAborted,
} from './stored.js';

export interface MemoryDashboardStoreOptions {
  /** The clock of `updatedAt`; tests pin it. */
  now?: () => Date;
}

type Options = { signal?: AbortSignal };

/**
 * The reference store: dashboards in a Map, gone with the page. Every spec is validated on the way
 * in and every result is a deep copy, so a caller mutating what it got never changes the store.
 */
export class MemoryDashboardStore implements DashboardStore {
  readonly #entries = new Map<string, StoredDashboard>();
  readonly #now: () => Date;

  constructor(options: MemoryDashboardStoreOptions = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async list(options: Options = {}): Promise<DashboardSummary[]> {
    throwIfAborted(options.signal);
    return [...this.#entries.values()].map(summarize).sort(compareSummaries);
  }

  async get(id: string, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    const stored = this.#entries.get(id);
    if (!stored) throw notFoundError(id);
    return structuredClone(stored);
  }

  async create(spec: DashboardSpec, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    const parsed = specForStore(spec);
    if (this.#entries.has(parsed.id)) throw existsError(parsed.id);
    return this.#put({ spec: parsed, revision: 1, updatedAt: this.#now().toISOString() });
  }

  async save(spec: DashboardSpec, baseRevision: number, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    const parsed = specForStore(spec);
    checkBaseRevision(baseRevision);
    const current = this.#entries.get(parsed.id);
    if (!current) throw notFoundError(parsed.id);
    if (current.revision !== baseRevision) throw conflictError(parsed.id, baseRevision, structuredClone(current));
    return this.#put({ spec: parsed, revision: current.revision + 1, updatedAt: this.#now().toISOString() });
  }

  async delete(id: string, options: Options = {}): Promise<void> {
    throwIfAborted(options.signal);
    if (!this.#entries.delete(id)) throw notFoundError(id);
  }

  #put(stored: StoredDashboard): StoredDashboard {
    // The parsed spec is already a fresh object; the copy handed back must not alias it.
    this.#entries.set(stored.spec.id, stored);
    return structuredClone(stored);
  }
}
