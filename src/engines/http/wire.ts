import { z } from 'zod';
import { AppendRowsSchema, SqlParamsSchema } from '../../contracts/adapter.js';
import { AdapterError, type AdapterErrorCode } from '../../contracts/errors.js';
import { DateString, SemanticQuerySchema } from '../../contracts/query.js';

/**
 * The REST binding of the DataAdapter contract: request envelopes, paths and status codes,
 * shared by the HTTP client, the mock backend and the OpenAPI document so the three cannot disagree.
 */

/** Body of POST /query. */
export const QueryRequestSchema = z.object({
  query: SemanticQuerySchema,
  now: DateString.optional(),
});
export type QueryRequest = z.input<typeof QueryRequestSchema>;

/** Query string of GET /tables/{table}/sample (values arrive as strings). */
export const SampleParamsSchema = z.object({
  limit: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** Body of POST /tables/{table}/rows. */
export const AppendRequestSchema = z.object({ rows: AppendRowsSchema });
export type AppendRequest = z.input<typeof AppendRequestSchema>;

/** Response of POST /tables/{table}/rows. */
export const AppendResultSchema = z.object({ appended: z.number().int().nonnegative() });

/** Body of POST /sql. */
export const SqlRequestSchema = z.object({
  sql: z.string().min(1),
  params: SqlParamsSchema.default({}),
});
export type SqlRequest = z.input<typeof SqlRequestSchema>;

/** Paths relative to the base URL. Later resources (/audiences, /dashboards, ...) sit beside these. */
export const restPaths = {
  capabilities: '/capabilities',
  model: '/model',
  query: '/query',
  sample: (table: string) => `/tables/${encodeURIComponent(table)}/sample`,
  rows: (table: string) => `/tables/${encodeURIComponent(table)}/rows`,
  sql: '/sql',
} as const;

/** The status a server answers with for each error code. `aborted` uses nginx's 499 (client closed request). */
export const statusForCode: Record<AdapterErrorCode, number> = {
  invalid_request: 400,
  not_found: 404,
  timeout: 504,
  aborted: 499,
  unsupported: 501,
  backend: 500,
};

/** The error code a client assumes when an error response carries no AdapterErrorBody. */
export function codeForStatus(status: number): AdapterErrorCode {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 499) return 'aborted';
  if (status === 405 || status === 501) return 'unsupported';
  return 'backend';
}

/**
 * Statuses worth another attempt: overload and transient server faults. 501 is deterministic and
 * every other 4xx is the request's own fault, so neither is retried.
 */
export const isRetryableStatus = (status: number): boolean => status === 429 || (status >= 500 && status !== 501 && status !== 505);

/**
 * Statuses that say the server did not act on the request, so even a non-idempotent call
 * (append) may be sent again without risking a duplicate.
 */
export const isNotProcessedStatus = (status: number): boolean => status === 429 || status === 503;

/** Field paths that the envelope adds in front of the adapter argument; errors name fields relative to the argument. */
export function withoutEnvelope(error: z.ZodError, envelopeKey: string): z.ZodError {
  return new z.ZodError(error.issues.map((i) => (i.path[0] === envelopeKey && i.path.length > 1 ? { ...i, path: i.path.slice(1) } : i)));
}

/** A response body for an error, with its status. */
export function errorResponseInit(error: AdapterError): { status: number; body: ReturnType<AdapterError['toBody']> } {
  return { status: statusForCode[error.code], body: error.toBody() };
}
