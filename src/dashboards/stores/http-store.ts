import type { z } from 'zod';
import { AdapterErrorBody, describeZodError, type AdapterErrorCode } from '../../contracts/errors.js';
import { callSignal, type CallSignal } from '../../engines/http/call-signal.js';
import { backoffDelay, parseRetryAfter, sleep } from '../../engines/http/retry.js';
import type { HeadersSource } from '../../engines/http/transport.js';
import { isRetryableStatus } from '../../engines/http/wire.js';
import type { DashboardSpec } from '../spec.js';
import { DashboardStoreError, type DashboardStore, type DashboardStoreErrorCode, type DashboardSummary, type StoredDashboard } from '../store.js';
import { DashboardErrorBody, DashboardListSchema, dashboardRestPaths, revisionTag } from './rest.js';
import { StoredDashboardSchema, checkBaseRevision, specForStore } from './stored.js';

export interface HttpDashboardStoreOptions {
  /** Where the REST contract is mounted: "/api" or "https://clv.example.com/api". */
  baseUrl: string;
  /** Defaults to the global fetch, looked up on every call so test interceptors installed later apply. */
  fetch?: typeof fetch;
  /** Sent with every request; a function is called per attempt (fresh auth tokens). */
  headers?: HeadersSource;
  /** Deadline of one call, covering every attempt and the waits between them. */
  timeoutMs?: number;
  /** Attempts after the first one, for reads only. */
  retries?: number;
  /** Base of the exponential backoff between read attempts. */
  backoffMs?: number;
}

type Options = { signal?: AbortSignal };
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Call {
  method: Method;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface Answer {
  status: number;
  text: string;
  url: string;
}

/** What a client assumes of an error answer with a body it cannot read. */
function codeForStatus(status: number, method: Method): DashboardStoreErrorCode {
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return method === 'POST' ? 'exists' : 'conflict';
  if (status === 400 || status === 422 || status === 428) return 'invalid';
  return 'unavailable';
}

/** A DataAdapter-style error body (say, from the catch-all of the REST backend) in the store's codes. */
const codeForAdapterCode: Record<AdapterErrorCode, DashboardStoreErrorCode> = {
  invalid_request: 'invalid',
  not_found: 'not_found',
  timeout: 'unavailable',
  backend: 'unavailable',
  aborted: 'unavailable',
  unsupported: 'unavailable',
};

/**
 * A DashboardStore over the dashboards REST contract (openapi/clv-kit.openapi.yaml, tag dashboards).
 *
 * Reads (list, get) are retried on network errors, 429 and 5xx with exponential backoff and jitter,
 * waiting for Retry-After when given. Writes never are: a lost answer may hide a write that
 * happened, and re-sending it would turn into a spurious conflict or a duplicate. A save sends the
 * revision it started from as If-Match, so the server refuses it with 409 when somebody saved in
 * between. Specs are validated before they are sent; answers are validated when they arrive, and
 * one that does not fit is reported as 'unavailable' naming the field.
 */
export class HttpDashboardStore implements DashboardStore {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;

  constructor(private readonly options: HttpDashboardStoreOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    const bad = (field: string, rule: string) => new DashboardStoreError('invalid', `HttpDashboardStore option ${field} must be ${rule}.`, undefined, field);
    if (!(this.timeoutMs > 0)) throw bad('timeoutMs', 'a positive number of milliseconds (Infinity for no deadline)');
    if (!Number.isInteger(this.retries) || this.retries < 0) throw bad('retries', 'a non-negative integer');
    if (!(this.backoffMs >= 0) || !Number.isFinite(this.backoffMs)) throw bad('backoffMs', 'a non-negative number of milliseconds');
  }

  async list(options: Options = {}): Promise<DashboardSummary[]> {
    const answer = await this.#read({ method: 'GET', path: dashboardRestPaths.list, signal: options.signal });
    return decode(DashboardListSchema, answer, 'GET').dashboards;
  }

  async get(id: string, options: Options = {}): Promise<StoredDashboard> {
    const answer = await this.#read({ method: 'GET', path: dashboardRestPaths.one(id), signal: options.signal });
    return decodeStored(answer, 'GET', id);
  }

  async create(spec: DashboardSpec, options: Options = {}): Promise<StoredDashboard> {
    const parsed = specForStore(spec);
    const answer = await this.#write({ method: 'POST', path: dashboardRestPaths.list, body: { spec: parsed }, signal: options.signal });
    return decodeStored(answer, 'POST', parsed.id);
  }

  async save(spec: DashboardSpec, baseRevision: number, options: Options = {}): Promise<StoredDashboard> {
    const parsed = specForStore(spec);
    checkBaseRevision(baseRevision);
    const answer = await this.#write({
      method: 'PUT',
      path: dashboardRestPaths.one(parsed.id),
      body: { spec: parsed },
      headers: { 'if-match': revisionTag(baseRevision) },
      signal: options.signal,
    });
    return decodeStored(answer, 'PUT', parsed.id);
  }

  async delete(id: string, options: Options = {}): Promise<void> {
    await this.#write({ method: 'DELETE', path: dashboardRestPaths.one(id), signal: options.signal });
  }

  /** One attempt for a write. */
  async #write(call: Call): Promise<Answer> {
    const deadline = callSignal(this.timeoutMs, call.signal);
    try {
      const res = await this.#send(call, deadline);
      if (res.ok) return res;
      throw errorFromAnswer(res, call.method);
    } finally {
      deadline.dispose();
    }
  }

  /** A read, retried with backoff while the failure is transient and the deadline allows. */
  async #read(call: Call): Promise<Answer> {
    const deadline = callSignal(this.timeoutMs, call.signal);
    try {
      for (let attempt = 0; ; attempt++) {
        let failure: DashboardStoreError;
        let retryable: boolean;
        let retryAfter: number | undefined;
        try {
          const res = await this.#send(call, deadline);
          if (res.ok) return res;
          failure = errorFromAnswer(res, call.method);
          retryable = isRetryableStatus(res.status);
          retryAfter = parseRetryAfter(res.retryAfter);
        } catch (e) {
          // #send throws when no answer came: stopped (abort, deadline) or not reached (worth another attempt).
          if (deadline.signal.aborted || !(e instanceof DashboardStoreError)) throw e;
          failure = e;
          retryable = true;
        }
        if (!retryable || attempt >= this.retries) throw failure;
        const delay = retryAfter ?? backoffDelay(attempt, this.backoffMs);
        // Waiting past the deadline would only turn a clear server error into a vague timeout.
        if (delay >= deadline.remaining()) throw failure;
        try {
          await sleep(delay, deadline.signal);
        } catch {
          throw this.#stopped(call, deadline);
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  async #send(call: Call, deadline: CallSignal): Promise<Answer & { ok: boolean; retryAfter: string | null }> {
    const url = this.#url(call.path);
    const headers = new Headers(typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers);
    headers.set('accept', 'application/json');
    for (const [k, v] of Object.entries(call.headers ?? {})) headers.set(k, v);
    const init: RequestInit = { method: call.method, headers, signal: deadline.signal };
    if (call.body !== undefined) {
      headers.set('content-type', 'application/json');
      init.body = JSON.stringify(call.body);
    }
    let res: Response;
    let text: string;
    try {
      res = await (this.options.fetch ?? globalThis.fetch)(url, init);
      text = await res.text();
    } catch (e) {
      if (deadline.signal.aborted) throw this.#stopped(call, deadline);
      throw unreachable(call.method, url, e);
    }
    return { ok: res.ok, status: res.status, text, url, retryAfter: res.headers.get('retry-after') };
  }

  /** The caller's abort rejects with the caller's reason, as fetch does; the deadline is 'unavailable'. */
  #stopped(call: Call, deadline: CallSignal): unknown {
    if (call.signal?.aborted) return call.signal.reason;
    const reason = deadline.signal.reason as Error | undefined;
    return new DashboardStoreError('unavailable', `${call.method} ${this.#url(call.path)}: ${reason?.message ?? 'no answer before the deadline'}`);
  }

  #url(path: string): string {
    return `${this.baseUrl}${path}`;
  }
}

function unreachable(method: Method, url: string, e: unknown): DashboardStoreError {
  return new DashboardStoreError('unavailable', `Could not reach ${method} ${url}: ${(e as Error)?.message ?? String(e)}`);
}

const snippet = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text || '(empty)');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function decode<S extends z.ZodType>(schema: S, answer: Answer, method: Method): z.output<S> {
  const json = parseJson(answer.text);
  if (json === undefined) throw new DashboardStoreError('unavailable', `${method} ${answer.url} answered with a body that is not JSON: ${snippet(answer.text)}`);
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const d = describeZodError(r.error);
  throw new DashboardStoreError('unavailable', `${method} ${answer.url} answered with an invalid body: ${d.message}`, undefined, d.field);
}

function decodeStored(answer: Answer, method: Method, id: string): StoredDashboard {
  const stored = decode(StoredDashboardSchema, answer, method);
  if (stored.spec.id !== id) {
    throw new DashboardStoreError('unavailable', `${method} ${answer.url} answered with the dashboard "${stored.spec.id}" instead of "${id}".`, undefined, 'spec.id');
  }
  return stored;
}

/** The server's error body when it has one (a conflict's `current` validated like any answer), else a code from the status. */
function errorFromAnswer(answer: Answer, method: Method): DashboardStoreError {
  const json = parseJson(answer.text);
  const body = DashboardErrorBody.safeParse(json);
  if (body.success) return new DashboardStoreError(body.data.error.code, body.data.error.message, body.data.current, body.data.error.field);
  const adapterBody = AdapterErrorBody.safeParse(json);
  if (adapterBody.success) {
    const { code, message, field } = adapterBody.data.error;
    return new DashboardStoreError(codeForAdapterCode[code], message, undefined, field);
  }
  if ((json as { error?: { code?: unknown } } | undefined)?.error?.code === 'conflict') {
    // A conflict whose `current` does not fit is a broken answer, not a conflict the caller could resolve.
    const d = describeZodError(body.error);
    return new DashboardStoreError('unavailable', `${method} ${answer.url} answered with an invalid conflict body: ${d.message}`, undefined, d.field);
  }
  return new DashboardStoreError(codeForStatus(answer.status, method), `${method} ${answer.url} answered ${answer.status}: ${snippet(answer.text)}`);
}
