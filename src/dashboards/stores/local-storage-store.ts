import { z } from 'zod';
import { describeZodError } from '../../contracts/errors.js';
import type { DashboardSpec } from '../spec.js';
import { DashboardStoreError, type DashboardStore, type DashboardSummary, type StoredDashboard } from '../store.js';
import {
  StoredDashboardSchema,
  checkBaseRevision,
  compareSummaries,
  conflictError,
  existsError,
  notFoundError,
  specForStore,
  summarize,
  throwIfAborted,
} from './stored.js';

/** What the store needs of a Storage; `length` and `key` let it find entries the index lost. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

export interface LocalStorageDashboardStoreOptions {
  /** Defaults to globalThis.localStorage, looked up on first use. */
  storage?: StorageLike;
  /** Prefix of every key the store writes. */
  prefix?: string;
  /** BroadcastChannel that announces saves to other store objects of the origin; false for none. Defaults to the prefix. */
  channelName?: string | false;
  /** Where the 'storage' events of other tabs arrive; defaults to window when there is one. */
  storageEvents?: EventTarget | null;
  /** The clock of `updatedAt`. */
  now?: () => Date;
}

type Options = { signal?: AbortSignal };

type Entry =
  | { kind: 'missing'; key: string }
  | { kind: 'ok'; key: string; stored: StoredDashboard }
  | { kind: 'broken'; key: string; field?: string; message: string; raw: unknown };

const IndexSchema = z.array(z.string());

/** Announced on the channel after every write; the signature lets a receiver drop the matching 'storage' event. */
const ChangeMessageSchema = z.object({
  type: z.literal('clv-kit:dashboard-changed'),
  prefix: z.string(),
  id: z.string(),
  signature: z.string(),
  source: z.string(),
});
type ChangeMessage = z.infer<typeof ChangeMessageSchema>;

const RevisionStampSchema = z.object({ revision: z.number(), updatedAt: z.string() });

/** Identifies one written state of an entry: the same in the 'storage' event and the channel message of one save. */
function signatureOf(raw: string | null): string {
  if (raw === null) return 'deleted';
  try {
    const stamp = RevisionStampSchema.safeParse(JSON.parse(raw));
    if (stamp.success) return `${stamp.data.revision}@${stamp.data.updatedAt}`;
  } catch {
    // unreadable: the text itself tells one write from another
  }
  return `raw:${raw}`;
}

/**
 * Dashboards in localStorage: one key per dashboard (`<prefix>dashboard:<id>`, a StoredDashboard as
 * JSON) and an index of ids (`<prefix>index`).
 *
 * Nothing is cached: every call reads storage again, so another tab's save is seen, and a save
 * compares revisions right before it writes (in one synchronous step, which no other script of
 * the tab can interleave). Entries are validated on every read; a corrupt one is reported (get:
 * 'invalid' naming its key and field; list: a summary with `broken`) without hiding the others.
 * `subscribe` hears other tabs through the 'storage' event and other store objects of the origin
 * (same tab, other frames) through a BroadcastChannel.
 */
export class LocalStorageDashboardStore implements DashboardStore {
  readonly prefix: string;
  readonly #given?: StorageLike;
  readonly #channelName: string | false;
  readonly #events: EventTarget | null;
  readonly #now: () => Date;
  /** Tells this object's own channel messages from other objects'. */
  readonly #source = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  readonly #listeners = new Set<(id: string) => void>();
  /** Last signature announced per id, so one save heard twice (event and channel) is reported once. */
  readonly #heard = new Map<string, string>();
  #channel?: BroadcastChannel;

  constructor(options: LocalStorageDashboardStoreOptions = {}) {
    this.prefix = options.prefix ?? 'clv-kit:dashboards:';
    this.#given = options.storage;
    this.#channelName = options.channelName ?? this.prefix;
    this.#events = options.storageEvents !== undefined ? options.storageEvents : typeof window !== 'undefined' ? window : null;
    this.#now = options.now ?? (() => new Date());
  }

  /** The key of a dashboard's entry. */
  keyOf(id: string): string {
    return `${this.prefix}dashboard:${id}`;
  }

  get indexKey(): string {
    return `${this.prefix}index`;
  }

  async list(options: Options = {}): Promise<DashboardSummary[]> {
    throwIfAborted(options.signal);
    const summaries = this.#ids().map((id): DashboardSummary | undefined => {
      const entry = this.#read(id);
      if (entry.kind === 'ok') return summarize(entry.stored);
      if (entry.kind === 'broken') return brokenSummary(id, entry);
      return undefined; // listed in the index, removed since
    });
    return summaries.filter((s): s is DashboardSummary => s !== undefined).sort(compareSummaries);
  }

  async get(id: string, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    return this.#readOk(id);
  }

  async create(spec: DashboardSpec, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    const parsed = specForStore(spec);
    if (this.#read(parsed.id).kind !== 'missing') throw existsError(parsed.id);
    const stored: StoredDashboard = { spec: parsed, revision: 1, updatedAt: this.#now().toISOString() };
    const key = this.keyOf(parsed.id);
    const raw = JSON.stringify(stored);
    this.#write(key, raw, `create dashboard "${parsed.id}"`);
    try {
      this.#writeIndex([...this.#ids(), parsed.id]);
    } catch (e) {
      // Undo rather than half-create; should the undo fail too, the key scan still lists the entry.
      ignoreFailure(() => this.#storage().removeItem(key));
      throw e;
    }
    this.#announce(parsed.id, raw);
    return stored;
  }

  async save(spec: DashboardSpec, baseRevision: number, options: Options = {}): Promise<StoredDashboard> {
    throwIfAborted(options.signal);
    const parsed = specForStore(spec);
    checkBaseRevision(baseRevision);
    // Read and write with nothing awaited in between: another tab's save is either seen here or comes after.
    const current = this.#readOk(parsed.id);
    if (current.revision !== baseRevision) throw conflictError(parsed.id, baseRevision, current);
    const stored: StoredDashboard = { spec: parsed, revision: current.revision + 1, updatedAt: this.#now().toISOString() };
    const raw = JSON.stringify(stored);
    this.#write(this.keyOf(parsed.id), raw, `save dashboard "${parsed.id}"`);
    this.#announce(parsed.id, raw);
    return stored;
  }

  async delete(id: string, options: Options = {}): Promise<void> {
    throwIfAborted(options.signal);
    if (this.#read(id).kind === 'missing') throw notFoundError(id);
    const storage = this.#storage();
    guard(() => storage.removeItem(this.keyOf(id)), `delete dashboard "${id}"`);
    // The delete has happened; a failed index update only leaves a stale id, which list skips.
    ignoreFailure(() => this.#writeIndex(this.#ids().filter((i) => i !== id)));
    this.#announce(id, null);
  }

  subscribe(listener: (id: string) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#attach();
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#detach();
    };
  }

  #storage(): StorageLike {
    if (this.#given) return this.#given;
    let storage: StorageLike | undefined;
    try {
      storage = globalThis.localStorage;
    } catch (e) {
      // Sandboxed frames and blocked site data throw on the mere access.
      throw new DashboardStoreError('unavailable', `Browser storage is blocked here (${(e as Error)?.message ?? String(e)}); allow site data or use another store.`);
    }
    if (!storage) throw new DashboardStoreError('unavailable', 'There is no localStorage here; pass a Storage as the `storage` option.');
    return storage;
  }

  /** Ids from the index plus any entry a key scan finds (two tabs creating at once can each drop the other's id). */
  #ids(): string[] {
    const storage = this.#storage();
    const ids = new Set<string>();
    const indexed = parseJson(guard(() => storage.getItem(this.indexKey), 'read the dashboard index'));
    const index = IndexSchema.safeParse(indexed);
    if (index.success) index.data.forEach((id) => ids.add(id));
    const entryPrefix = this.keyOf('');
    if (typeof storage.length === 'number' && storage.key) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(entryPrefix)) ids.add(key.slice(entryPrefix.length));
      }
    }
    return [...ids];
  }

  #writeIndex(ids: string[]): void {
    this.#write(this.indexKey, JSON.stringify([...new Set(ids)]), 'update the dashboard index');
  }

  #read(id: string): Entry {
    const key = this.keyOf(id);
    const raw = guard(() => this.#storage().getItem(key), `read dashboard "${id}"`);
    if (raw === null) return { kind: 'missing', key };
    const json = parseJson(raw);
    if (json === undefined) return { kind: 'broken', key, message: 'the entry is not JSON', raw };
    const r = StoredDashboardSchema.safeParse(json);
    if (!r.success) {
      const d = describeZodError(r.error);
      return { kind: 'broken', key, field: d.field, message: d.message, raw: json };
    }
    if (r.data.spec.id !== id) return { kind: 'broken', key, field: 'spec.id', message: `spec.id: "${r.data.spec.id}" is stored under the id "${id}"`, raw: json };
    return { kind: 'ok', key, stored: r.data };
  }

  #readOk(id: string): StoredDashboard {
    const entry = this.#read(id);
    if (entry.kind === 'missing') throw notFoundError(id);
    if (entry.kind === 'broken') {
      throw new DashboardStoreError('invalid', `The dashboard stored at "${entry.key}" is unreadable (${entry.message}); delete it or repair the entry.`, undefined, entry.field);
    }
    return entry.stored;
  }

  #write(key: string, value: string, what: string): void {
    const storage = this.#storage();
    guard(() => storage.setItem(key, value), what);
  }

  #announce(id: string, raw: string | null): void {
    if (this.#channelName === false || typeof BroadcastChannel !== 'function') return;
    const message: ChangeMessage = { type: 'clv-kit:dashboard-changed', prefix: this.prefix, id, signature: signatureOf(raw), source: this.#source };
    // A short-lived sender: a store that never subscribes keeps no channel (and no Node handle) open.
    const channel = new BroadcastChannel(this.#channelName);
    channel.postMessage(message);
    channel.close();
  }

  #attach(): void {
    this.#events?.addEventListener('storage', this.#onStorage);
    if (this.#channelName !== false && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.#channelName);
      this.#channel.addEventListener('message', this.#onMessage);
    }
  }

  #detach(): void {
    this.#events?.removeEventListener('storage', this.#onStorage);
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#channel?.close();
    this.#channel = undefined;
  }

  readonly #onStorage = (event: Event): void => {
    const { key, newValue, storageArea } = event as StorageEvent;
    // Changes to another Storage (sessionStorage) are not ours; an event without an area is taken as ours.
    if (storageArea && storageArea !== ignoreFailure(() => this.#storage())) return;
    const entryPrefix = this.keyOf('');
    if (!key?.startsWith(entryPrefix)) return;
    this.#notify(key.slice(entryPrefix.length), signatureOf(newValue ?? null));
  };

  readonly #onMessage = (event: Event): void => {
    const m = ChangeMessageSchema.safeParse((event as MessageEvent).data);
    if (!m.success || m.data.prefix !== this.prefix || m.data.source === this.#source) return;
    this.#notify(m.data.id, m.data.signature);
  };

  #notify(id: string, signature: string): void {
    if (this.#heard.get(id) === signature) return;
    this.#heard.set(id, signature);
    for (const listener of [...this.#listeners]) listener(id);
  }
}

function ignoreFailure<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Storage calls throw DOMExceptions (quota, blocked site data); they become 'unavailable' saying what failed. */
function guard<T>(run: () => T, what: string): T {
  try {
    return run();
  } catch (e) {
    const name = (e as { name?: unknown })?.name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
      throw new DashboardStoreError('unavailable', `Browser storage is full, so the store could not ${what}; delete dashboards you no longer need or free this site's storage.`);
    }
    throw new DashboardStoreError('unavailable', `Browser storage failed, so the store could not ${what}: ${(e as Error)?.message ?? String(e)}`);
  }
}

const SalvageSchema = z.object({
  spec: z.object({ name: z.string().catch(''), description: z.string().optional().catch(undefined), widgets: z.array(z.unknown()).catch([]) }).catch({ name: '', widgets: [] }),
  revision: z.number().int().min(0).catch(0),
  updatedAt: z.string().catch(''),
});

/** A list entry for an unreadable dashboard: what could be salvaged, and what is wrong. */
function brokenSummary(id: string, entry: Extract<Entry, { kind: 'broken' }>): DashboardSummary {
  const s = SalvageSchema.catch({ spec: { name: '', widgets: [] }, revision: 0, updatedAt: '' }).parse(entry.raw);
  return {
    id,
    name: s.spec.name.trim() || id,
    ...(s.spec.description !== undefined ? { description: s.spec.description } : {}),
    widgetCount: s.spec.widgets.length,
    revision: s.revision,
    updatedAt: s.updatedAt,
    broken: { key: entry.key, ...(entry.field ? { field: entry.field } : {}), message: entry.message },
  };
}
