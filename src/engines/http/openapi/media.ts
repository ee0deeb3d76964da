import type { JsonSchema } from '../../../contracts/json-schema.js';

/** Building blocks of the OpenAPI document shared by its parts. */

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** An application/json media type with named examples. */
export const json = (schema: JsonSchema, examples?: Record<string, unknown>) => ({
  'application/json': {
    schema,
    ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])) } : {}),
  },
});
