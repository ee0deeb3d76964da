import { http, HttpResponse, type HttpHandler } from 'msw';
import { describeZodError } from '../src/contracts/errors.js';
import { sleep } from '../src/engines/http/retry.js';
import { withoutEnvelope } from '../src/engines/http/wire.js';
import { DashboardStoreError, type DashboardStore } from '../src/dashboards/store.js';
import { MemoryDashboardStore } from '../src/dashboards/stores/memory-store.js';
import {
  DashboardWriteRequestSchema,
  dashboardRestPaths,
  parseRevisionTag,
  revisionTag,
  statusForStoreCode,
  type DashboardErrorBody,
} from '../src/dashboards/stores/rest.js';
import type { DashboardSpec } from '../src/dashboards/spec.js';
import { pickDelay, resolveLatency, seededRandom, type LatencySetting } from './latency.js';
import { mountPoint } from './mount-point.js';

export interface DashboardHandlerOptions {
  /** Mount point of the REST contract: "/api" (same origin) or an absolute URL. */
  baseUrl?: string;
  /** Where the dashboards live; a fresh MemoryDashboardStore by default. */
  store?: DashboardStore;
  /** Simulated latency; see latency.ts for the runtime overrides. */
  latency?: LatencySetting;
  /** Seed of the latency jitter. */
  seed?: number;
}

const LATENCY_SEED = 0xda5b;

/**
 * MSW handlers implementing the dashboards REST contract (src/dashboards/stores/rest.ts) over a
 * DashboardStore: bodies are validated with the contract's zod schemas, the If-Match revision is
 * required on PUT, and DashboardStoreErrors become DashboardErrorBody answers with their status.
 */
export function createDashboardHandlers(options: DashboardHandlerOptions = {}): HttpHandler[] {
  const store = options.store ?? new MemoryDashboardStore();
  const base = mountPoint(options.baseUrl ?? '/api');
  const random = seededRandom(options.seed ?? LATENCY_SEED);
  const list = `${base}${dashboardRestPaths.list}`;
  const one = `${base}${dashboardRestPaths.list}/:id`;

  type Ctx = { request: Request; params: Record<string, string | readonly string[] | undefined> };
  const route = (run: (ctx: Ctx, signal: AbortSignal) => Promise<Response>) => async (ctx: Ctx) => {
    const { signal } = ctx.request;
    try {
      await sleep(pickDelay(resolveLatency(new URL(ctx.request.url), options.latency), random), signal);
      return await run(ctx, signal);
    } catch (e) {
      return dashboardErrorResponse(signal.aborted ? new DashboardStoreError('unavailable', 'The request was cancelled.') : e, signal.aborted ? 499 : undefined);
    }
  };
  const idOf = (ctx: Ctx) => String(ctx.params.id);
  const stored = (value: { revision: number }, status = 200) => HttpResponse.json(value, { status, headers: { ETag: revisionTag(value.revision) } });

  return [
    http.get(
      list,
      route(async (_ctx, signal) => HttpResponse.json({ dashboards: await store.list({ signal }) })),
    ),

    http.post(
      list,
      route(async ({ request }, signal) => stored(await store.create(await readSpec(request), { signal }), 201)),
    ),

    http.get(
      one,
      route(async (ctx, signal) => stored(await store.get(idOf(ctx), { signal }))),
    ),

    http.put(
      one,
      route(async (ctx, signal) => {
        const header = ctx.request.headers.get('if-match');
        if (header === null) {
          const message = 'A save must say which revision it started from: send If-Match: "<revision>" (the ETag of the GET).';
          return dashboardErrorResponse(new DashboardStoreError('invalid', message, undefined, 'If-Match'), 428);
        }
        const baseRevision = parseRevisionTag(header);
        if (baseRevision === undefined) {
          throw new DashboardStoreError('invalid', `If-Match must name one revision, such as "3" (with the quotes), not ${header}.`, undefined, 'If-Match');
        }
        const spec = await readSpec(ctx.request);
        if (spec.id !== idOf(ctx)) throw new DashboardStoreError('invalid', `id: the spec is "${spec.id}" but the path names "${idOf(ctx)}".`, undefined, 'id');
        return stored(await store.save(spec, baseRevision, { signal }));
      }),
    ),

    http.delete(
      one,
      route(async (ctx, signal) => {
        await store.delete(idOf(ctx), { signal });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}

/** The request's {spec}, validated; fields are named inside the spec, as the stores name them. */
async function readSpec(request: Request): Promise<DashboardSpec> {
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    throw new DashboardStoreError('invalid', 'The request body is not JSON.');
  }
  const r = DashboardWriteRequestSchema.safeParse(json);
  if (r.success) return r.data.spec;
  const d = describeZodError(withoutEnvelope(r.error, 'spec'));
  throw new DashboardStoreError('invalid', `Invalid dashboard: ${d.message}`, undefined, d.field);
}

export function dashboardErrorResponse(e: unknown, status?: number): Response {
  const error = e instanceof DashboardStoreError ? e : new DashboardStoreError('unavailable', `The mock backend failed: ${(e as Error)?.message ?? String(e)}`);
  const body: DashboardErrorBody = {
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
    ...(error.current ? { current: error.current } : {}),
  };
  return HttpResponse.json(body, { status: status ?? (e instanceof DashboardStoreError ? statusForStoreCode[error.code] : 500) });
}
