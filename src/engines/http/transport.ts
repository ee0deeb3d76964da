import type { z } from 'zod';
import { AdapterError, AdapterErrorBody, describeZodError } from '../../contracts/errors.js';
import { callSignal } from './call-signal.js';
import { backoffDelay, parseRetryAfter, sleep } from './retry.js';
import { codeForStatus, isNotProcessedStatus, isRetryableStatus } from './wire.js';

export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface TransportOptions {
  /** Where the REST contract is mounted: "/api" or "https://clv.example.com/api". */
  baseUrl: string;
  /** Defaults to the global fetch, looked up on every call so test interceptors installed later apply. */
  fetch?: typeof fetch;
  /** Deadline of one adapter call, covering every attempt and the waits between them. */
  timeoutMs?: number;
  /** Attempts after the first one. */
  retries?: number;
  /** Base of the exponential backoff. */
  backoffMs?: number;
  /** Sent with every request; a function is called per attempt (fresh auth tokens). */
  headers?: HeadersSource;
}

export interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  search?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The response schema; a body that does not fit is a backend fault naming the field. */
  schema: S;
  /** False for calls that change data: those are re-sent only when the server says it did nothing. */
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface Reply<T> {
  data: T;
  method: string;
  url: string;
}

/** HTTP with a deadline, retries, and every failure turned into an AdapterError. */
export class Transport {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    const bad = (field: string, rule: string) => new AdapterError('invalid_request', `HttpAdapter option ${field} must be ${rule}.`, field);
    if (!(this.timeoutMs > 0)) throw bad('timeoutMs', 'a positive number of milliseconds (Infinity for no deadline)');
    if (!Number.isInteger(this.retries) || this.retries < 0) throw bad('retries', 'a non-negative integer');
    if (!(this.backoffMs >= 0) || !Number.isFinite(this.backoffMs)) throw bad('backoffMs', 'a non-negative number of milliseconds');
  }

  url(path: string, search: RequestSpec<z.ZodType>['search'] = {}): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(search)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<Reply<z.output<S>>> {
    const url = this.url(spec.path, spec.search);
    const call = callSignal(this.timeoutMs, spec.signal);
    const { signal } = call;
    try {
      for (let attempt = 0; ; attempt++) {
        let failure: AdapterError;
        let retryable: boolean;
        let retryAfter: number | undefined;
        try {
          const res = await this.send(spec, url, signal);
          const text = await res.text();
          if (res.ok) return { data: this.decode(spec, url, text), method: spec.method, url };
          failure = errorFromResponse(res.status, res.statusText, text, spec.method, url);
          retryable = spec.idempotent ? isRetryableStatus(res.status) : isNotProcessedStatus(res.status);
          retryAfter = parseRetryAfter(res.headers.get('retry-after'));
        } catch (e) {
          if (signal.aborted) throw signal.reason;
          if (e instanceof AdapterError) throw e;
          failure = new AdapterError('backend', `Could not reach ${spec.method} ${url}: ${(e as Error)?.message ?? String(e)}`, undefined, {
            cause: e,
          });
          // A lost connection may have lost the answer, not the request: only idempotent calls are re-sent.
          retryable = spec.idempotent;
        }
        if (!retryable || attempt >= this.retries) throw failure;
        const delay = retryAfter ?? backoffDelay(attempt, this.backoffMs);
        // Waiting past the deadline would only turn a clear server error into a vague timeout.
        if (delay >= call.remaining()) throw failure;
        await sleep(delay, signal);
      }
    } finally {
      call.dispose();
    }
  }

  private async send(spec: RequestSpec<z.ZodType>, url: string, signal: AbortSignal): Promise<Response> {
    const headers = new Headers(typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers);
    headers.set('accept', 'application/json');
    const init: RequestInit = { method: spec.method, headers, signal };
    if (spec.body !== undefined) {
      headers.set('content-type', 'application/json');
      init.body = JSON.stringify(spec.body);
    }
    return this.options.fetch ? this.options.fetch(url, init) : globalThis.fetch(url, init);
  }

  private decode<S extends z.ZodType>(spec: RequestSpec<S>, url: string, text: string): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AdapterError('backend', `${spec.method} ${url} answered with a body that is not JSON: ${snippet(text)}`);
    }
    const r = spec.schema.safeParse(json);
    if (r.success) return r.data;
    const d = describeZodError(r.error);
    throw new AdapterError('backend', `${spec.method} ${url} answered with an invalid body: ${d.message}`, d.field);
  }
}

const snippet = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text || '(empty)');

/** The server's AdapterErrorBody when there is one; otherwise a code inferred from the status. */
export function errorFromResponse(status: number, statusText: string, text: string, method: string, url: string): AdapterError {
  try {
    const body = AdapterErrorBody.safeParse(JSON.parse(text));
    if (body.success) return AdapterError.fromBody(body.data);
  } catch {
    // not JSON: fall through to the status
  }
  const what = status === 429 ? 'rate limited the request' : `answered ${status}${statusText ? ` ${statusText}` : ''}`;
  return new AdapterError(codeForStatus(status), `${method} ${url} ${what}: ${snippet(text)}`);
}
