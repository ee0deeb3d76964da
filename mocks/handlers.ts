import { http, HttpResponse, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { CapabilitiesSchema, type DataAdapter } from '../src/contracts/adapter.js';
import { AdapterError, describeZodError } from '../src/contracts/errors.js';
import { sleep } from '../src/engines/http/retry.js';
import {
  AppendRequestSchema,
  QueryRequestSchema,
  SampleParamsSchema,
  SqlRequestSchema,
  statusForCode,
  withoutEnvelope,
} from '../src/engines/http/wire.js';
import type { DashboardStore } from '../src/dashboards/store.js';
import { createDashboardHandlers } from './dashboard-handlers.js';
import { pickDelay, resolveLatency, seededRandom, type LatencySetting } from './latency.js';
import { mountPoint } from './mount-point.js';

export interface MockHandlerOptions {
  /** The engine answering the requests, usually a MemoryAdapter. */
  adapter: DataAdapter;
  /** Mount point of the REST contract: "/api" (same origin) or an absolute URL. */
  baseUrl?: string;
  /** Simulated latency; see latency.ts for the runtime overrides. */
  latency?: LatencySetting;
  /** Seed of the latency jitter. */
  seed?: number;
  /** The store behind /dashboards; a fresh MemoryDashboardStore by default. */
  dashboards?: DashboardStore;
}

const LATENCY_SEED = 0x5eed;

/**
 * MSW handlers implementing the clv-kit REST contract over a DataAdapter: request bodies are
 * checked with the contract's zod schemas, AdapterErrors become AdapterErrorBody responses with
 * the contract's status codes, and a cancelled request stops waiting and is not answered further.
 */
export function createMockHandlers(options: MockHandlerOptions): HttpHandler[] {
  const { adapter } = options;
  const base = mountPoint(options.baseUrl ?? '/api');
  const random = seededRandom(options.seed ?? LATENCY_SEED);

  type Ctx = { request: Request; params: Record<string, string | readonly string[] | undefined> };
  const route = (run: (ctx: Ctx, signal: AbortSignal) => Promise<unknown>) => async (ctx: Ctx) => {
    const { signal } = ctx.request;
    try {
      await sleep(pickDelay(resolveLatency(new URL(ctx.request.url), options.latency), random), signal);
      const data = await run(ctx, signal);
      if (signal.aborted) throw new AdapterError('aborted', 'The request was cancelled.');
      return HttpResponse.json(data as Record<string, unknown>);
    } catch (e) {
      return errorResponse(signal.aborted ? new AdapterError('aborted', 'The request was cancelled.') : e);
    }
  };

  const table = (ctx: Ctx) => String(ctx.params.table);

  return [
    http.get(`${base}/capabilities`, route(async () => CapabilitiesSchema.parse(adapter.capabilities))),

    http.get(`${base}/model`, route(async (_ctx, signal) => adapter.describe({ signal }))),

    http.post(
      `${base}/query`,
      route(async ({ request }, signal) => {
        const body = parseBody(QueryRequestSchema, await readJson(request), 'query', 'query');
        return adapter.query(body.query, { now: body.now, signal });
      }),
    ),

    http.get(
      `${base}/tables/:table/sample`,
      route(async (ctx, signal) => {
        const search = Object.fromEntries([...new URL(ctx.request.url).searchParams].filter(([k, v]) => (k === 'limit' || k === 'offset') && v !== ''));
        const params = parseBody(SampleParamsSchema, search, 'sample parameters');
        return adapter.sample(table(ctx), { ...params, signal });
      }),
    ),

    http.post(
      `${base}/tables/:table/rows`,
      route(async (ctx, signal) => {
        if (!adapter.append) throw new AdapterError('unsupported', `${adapter.id} does not accept appended rows.`);
        const body = parseBody(AppendRequestSchema, await readJson(ctx.request), 'append request');
        return adapter.append(table(ctx), body.rows, { signal });
      }),
    ),

    http.post(
      `${base}/sql`,
      route(async ({ request }, signal) => {
        if (!adapter.sql) throw new AdapterError('unsupported', `${adapter.id} does not run SQL; use POST /query.`);
        const body = parseBody(SqlRequestSchema, await readJson(request), 'sql request');
        return adapter.sql(body.sql, body.params, { signal });
      }),
    ),

    ...createDashboardHandlers({ baseUrl: options.baseUrl, store: options.dashboards, latency: options.latency }),

    // Anything else under the mount point is a contract miss, answered in the contract's error form.
    // It must stay last: handlers match in order, and later resources are added above it.
    http.all(`${base}/*`, ({ request }) =>
      errorResponse(new AdapterError('not_found', `There is no endpoint ${request.method} ${new URL(request.url).pathname}.`)),
    ),
  ];
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AdapterError('invalid_request', 'The request body is not JSON.');
  }
}

/** Validates at the boundary; fields are named relative to the adapter argument (see withoutEnvelope). */
function parseBody<S extends z.ZodType>(schema: S, value: unknown, what: string, envelopeKey?: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = describeZodError(envelopeKey ? withoutEnvelope(r.error, envelopeKey) : r.error);
  throw new AdapterError('invalid_request', `Invalid ${what}: ${d.message}`, d.field);
}

export function errorResponse(e: unknown): Response {
  const error = e instanceof AdapterError ? e : new AdapterError('backend', `The mock backend failed: ${(e as Error)?.message ?? String(e)}`);
  return HttpResponse.json(error.toBody(), { status: statusForCode[error.code] });
}
