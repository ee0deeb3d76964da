import { z } from 'zod';
import { describeZodError } from '../../contracts/errors.js';
import { DashboardSpecSchema, type DashboardSpec } from '../spec.js';
import { DashboardStoreError, type DashboardSummary, type StoredDashboard } from '../store.js';

/** Schemas and helpers every store shares: what a stored dashboard and a summary look like, and the checks on a save. */

export const StoredDashboardSchema = z.object({
  spec: DashboardSpecSchema,
  revision: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
});

export const BrokenEntrySchema = z.object({
  /** Where the entry lives (a storage key, a file, a row id). */
  key: z.string(),
  /** The field at fault inside the entry ("spec.widgets.0.layout.w"), when one is. */
  field: z.string().optional(),
  message: z.string(),
});

export const DashboardSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  widgetCount: z.number().int().min(0),
  /** 0 when a broken entry does not say. */
  revision: z.number().int().min(0),
  /** ISO timestamp; empty when a broken entry does not say. */
  updatedAt: z.string(),
  broken: BrokenEntrySchema.optional(),
});

/** Validates a spec on its way into a store; the error names the field ("widgets.2.layout.w"). */
export function specForStore(spec: unknown): DashboardSpec {
  const r = DashboardSpecSchema.safeParse(spec);
  if (r.success) return r.data;
  const d = describeZodError(r.error);
  throw new DashboardStoreError('invalid', `Invalid dashboard: ${d.message}`, undefined, d.field);
}

export function checkBaseRevision(baseRevision: number): void {
  if (!Number.isInteger(baseRevision) || baseRevision < 1) {
    throw new DashboardStoreError('invalid', `baseRevision must be the revision the edit started from (an integer from 1), not ${String(baseRevision)}.`, undefined, 'baseRevision');
  }
}

export function summarize(stored: StoredDashboard): DashboardSummary {
  const { spec } = stored;
  return {
    id: spec.id,
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    widgetCount: spec.widgets.length,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
  };
}

/** By name as people read it, then by id so equal names keep a stable order. */
export function compareSummaries(a: DashboardSummary, b: DashboardSummary): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function conflictError(id: string, baseRevision: number, current: StoredDashboard): DashboardStoreError {
  return new DashboardStoreError(
    'conflict',
    `Dashboard "${id}" was saved elsewhere (now revision ${current.revision}) after revision ${baseRevision} was loaded; reload it and apply the changes again.`,
    current,
  );
}

export const notFoundError = (id: string) => new DashboardStoreError('not_found', `There is no dashboard "${id}".`);
export const existsError = (id: string) => new DashboardStoreError('exists', `A dashboard with the id "${id}" already exists; choose another id or save over it.`);

/** Stores reject like fetch does when the caller aborts: with the signal's reason. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason;
}
