import type { DashboardSpec } from './spec.js';

/**
 * Where dashboards persist. Every saved dashboard carries a revision; a save names the revision
 * it started from and is refused with a conflict when somebody else saved in between, so two
 * tabs (or two people) editing the same dashboard never overwrite each other silently.
 */

export interface StoredDashboard {
  spec: DashboardSpec;
  /** Increases by one on every save; 1 after create. */
  revision: number;
  /** ISO timestamp of the last save. */
  updatedAt: string;
}

export interface DashboardSummary {
  id: string;
  name: string;
  description?: string;
  widgetCount: number;
  revision: number;
  updatedAt: string;
  /**
   * Set when the stored entry cannot be read (say, corrupt browser storage): where it is and what is
   * wrong, so a list can offer to delete it. The other fields then hold what could be salvaged.
   */
  broken?: { key: string; field?: string; message: string };
}

export interface DashboardStore {
  list(options?: { signal?: AbortSignal }): Promise<DashboardSummary[]>;
  /** Rejects with DashboardStoreError 'not_found' when there is none. */
  get(id: string, options?: { signal?: AbortSignal }): Promise<StoredDashboard>;
  /** Rejects with 'exists' when the id is taken. */
  create(spec: DashboardSpec, options?: { signal?: AbortSignal }): Promise<StoredDashboard>;
  /** Rejects with 'conflict' (carrying the current stored version) when `baseRevision` is not the stored revision. */
  save(spec: DashboardSpec, baseRevision: number, options?: { signal?: AbortSignal }): Promise<StoredDashboard>;
  /** Rejects with 'not_found' when there is none. */
  delete(id: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Calls back when a dashboard changes outside this store object (another tab, another user); returns an unsubscribe. Optional. */
  subscribe?(listener: (id: string) => void): () => void;
}

export type DashboardStoreErrorCode = 'not_found' | 'exists' | 'conflict' | 'invalid' | 'unavailable';

export class DashboardStoreError extends Error {
  override readonly name = 'DashboardStoreError';
  constructor(
    readonly code: DashboardStoreErrorCode,
    message: string,
    /** For 'conflict': what is stored now. */
    readonly current?: StoredDashboard,
    /** For 'invalid': the field at fault ("widgets.2.layout.w"). */
    readonly field?: string,
  ) {
    super(message);
  }
}
