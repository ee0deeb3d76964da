import type { z } from 'zod';
import { AdapterError, describeZodError } from '../contracts/errors.js';

/** Parses `value`, or throws an invalid_request AdapterError whose field is prefixed ("schedule.expression"). */
export function parseAt<S extends z.ZodType>(schema: S, value: unknown, prefix: string, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = describeZodError(r.error, prefix);
  throw new AdapterError('invalid_request', `Invalid ${what}: ${d.message}`, d.field);
}
