import { z } from 'zod';

export const AdapterErrorCode = z.enum(['invalid_request', 'not_found', 'timeout', 'backend', 'aborted', 'unsupported']);
export type AdapterErrorCode = z.infer<typeof AdapterErrorCode>;

/** The wire form of an error (REST body, worker message). */
export const AdapterErrorBody = z.object({
  error: z.object({
    code: AdapterErrorCode,
    message: z.string(),
    /** Dotted path of the offending field in the request, when there is one ("filters.0.member"). */
    field: z.string().optional(),
  }),
});
export type AdapterErrorBody = z.infer<typeof AdapterErrorBody>;

/** Every adapter failure is one of these; `message` says what to do about it. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toBody(): AdapterErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }

  static fromBody(body: AdapterErrorBody): AdapterError {
    return new AdapterError(body.error.code, body.error.message, body.error.field);
  }
}

export const isAdapterError = (e: unknown): e is AdapterError => e instanceof AdapterError;

/** Formats zod issues as "field: message" so a person sees which field is wrong. */
export function describeZodError(error: z.ZodError, prefix = ''): { message: string; field?: string } {
  const first = error.issues[0];
  const path = [prefix, ...(first?.path ?? []).map(String)].filter(Boolean).join('.');
  const all = error.issues
    .slice(0, 5)
    .map((i) => {
      const p = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
      return p ? `${p}: ${i.message}` : i.message;
    })
    .join('; ');
  return { message: all, field: path || undefined };
}

/** Parses `value` with `schema`, or throws an invalid_request AdapterError naming the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = describeZodError(r.error);
  throw new AdapterError('invalid_request', `Invalid ${what}: ${d.message}`, d.field);
}

/** Throws an aborted AdapterError when the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AdapterError('aborted', 'The request was cancelled.');
}
