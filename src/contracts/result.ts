import { z } from 'zod';
import { ColumnType } from './data-model.js';

export const ScalarValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ScalarValue = z.infer<typeof ScalarValue>;

export const ResultColumnSchema = z.object({
  /** The member key ("transactions.revenue", "transactions.ts.month") or the SQL column name. */
  name: z.string().min(1),
  label: z.string(),
  type: ColumnType,
  role: z.enum(['identity', 'dimension', 'measure', 'time']),
  format: z.string().optional(),
});
export type ResultColumn = z.infer<typeof ResultColumnSchema>;

export const ProvenanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sql'), sql: z.string(), params: z.array(ScalarValue) }),
  z.object({ kind: z.literal('request'), method: z.string(), url: z.string(), body: z.unknown().optional() }),
  z.object({ kind: z.literal('memory'), plan: z.string() }),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * Rows are objects keyed by column name. Dates are "YYYY-MM-DD", timestamps ISO 8601 in UTC
 * ("YYYY-MM-DDTHH:MM:SS.sssZ"), time dimensions with a granularity the first day of their period.
 */
export const ResultSetSchema = z.object({
  columns: z.array(ResultColumnSchema),
  rows: z.array(z.record(z.string(), ScalarValue)),
  total: z.number().int().nonnegative().optional(),
  provenance: ProvenanceSchema,
});
export type ResultSet = z.infer<typeof ResultSetSchema>;
export type Row = ResultSet['rows'][number];
