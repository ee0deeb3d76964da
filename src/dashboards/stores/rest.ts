import { z } from 'zod';
import { DashboardSpecSchema } from '../spec.js';
import type { DashboardStoreErrorCode } from '../store.js';
import { DashboardSummarySchema, StoredDashboardSchema } from './stored.js';

/**
 * The REST binding of DashboardStore, shared by HttpDashboardStore, the mock backend and the
 * OpenAPI document so the three cannot disagree:
 *
 *   GET    /dashboards        → 200 DashboardList
 *   POST   /dashboards        {spec} → 201 StoredDashboard; 409 exists
 *   GET    /dashboards/{id}   → 200 StoredDashboard, ETag "<revision>"; 404
 *   PUT    /dashboards/{id}   {spec}, If-Match "<revision>" → 200 StoredDashboard; 409 conflict + current; 428 without If-Match
 *   DELETE /dashboards/{id}   → 204; 404
 */

export const dashboardRestPaths = {
  list: '/dashboards',
  one: (id: string) => `/dashboards/${encodeURIComponent(id)}`,
} as const;

/** Body of POST /dashboards and PUT /dashboards/{id}. */
export const DashboardWriteRequestSchema = z.object({ spec: DashboardSpecSchema });

/** Response of GET /dashboards. */
export const DashboardListSchema = z.object({ dashboards: z.array(DashboardSummarySchema) });

export const DashboardErrorCode = z.enum(['not_found', 'exists', 'conflict', 'invalid', 'unavailable']);
type WireCode = z.infer<typeof DashboardErrorCode>;
// Fails to compile when the wire enum and the store's union of codes drift apart.
const sameCodes: [WireCode, DashboardStoreErrorCode] extends [DashboardStoreErrorCode, WireCode] ? true : false = true;
void sameCodes;

/** The body of every dashboard error: AdapterErrorBody's shape with the store's codes, plus `current` on a conflict. */
export const DashboardErrorBody = z
  .object({
    error: z.object({
      code: DashboardErrorCode,
      message: z.string(),
      /** For invalid: the dotted path of the culprit inside the spec ("widgets.0.layout.w"), or the header ("If-Match"). */
      field: z.string().optional(),
    }),
    /** For conflict: the dashboard as stored now, so the client can show or merge it without another request. */
    current: StoredDashboardSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.error.code === 'conflict' && !body.current) ctx.addIssue({ code: 'custom', path: ['current'], message: 'a conflict carries the current dashboard' });
  });
export type DashboardErrorBody = z.infer<typeof DashboardErrorBody>;

export const statusForStoreCode: Record<DashboardStoreErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  exists: 409,
  conflict: 409,
  unavailable: 503,
};

/** The entity tag of a revision: ETag and If-Match carry `"3"` for revision 3. */
export const revisionTag = (revision: number): string => `"${revision}"`;

/** The revision an If-Match header names; undefined when it names none (absent, "*", or not a revision tag). */
export function parseRevisionTag(header: string | null): number | undefined {
  const m = header === null ? null : /^\s*(?:W\/)?"([1-9]\d*)"\s*$/.exec(header);
  return m ? Number(m[1]) : undefined;
}
