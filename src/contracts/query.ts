import { z } from 'zod';
import { FilterValue } from './data-model.js';

/** "table.column" or "table.measure": the only way a query names data. */
export const MemberName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/, 'must be "table.member"');

export const Granularity = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type Granularity = z.infer<typeof Granularity>;

export const FilterOperator = z.enum([
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'set',
  'notSet',
  'inDateRange',
  'notInDateRange',
  'beforeDate',
  'afterDate',
]);
export type FilterOperator = z.infer<typeof FilterOperator>;

/** A calendar date or an ISO timestamp (UTC when no offset is given). */
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be YYYY-MM-DD or an ISO timestamp');

/**
 * Relative date ranges, resolved against the query's "now" (UTC):
 * today, yesterday, this|last week|month|quarter|year, last N days|weeks|months|quarters|years.
 * "last N units" is the N complete units before the current one (today is not included).
 */
export const RelativeDateRange = z
  .string()
  .regex(
    /^(today|yesterday|(this|last) (week|month|quarter|year)|last \d{1,4} (days?|weeks?|months?|quarters?|years?))$/i,
    'must be a relative range such as "last 90 days", "this month", "yesterday"',
  );

export const DateRange = z.union([z.tuple([DateString, DateString]), RelativeDateRange]);
export type DateRange = z.infer<typeof DateRange>;

export const FilterLeafSchema = z.object({
  member: MemberName,
  operator: FilterOperator,
  values: z.array(FilterValue).default([]),
});
export type FilterLeaf = z.infer<typeof FilterLeafSchema>;
export type FilterLeafInput = z.input<typeof FilterLeafSchema>;

export type FilterNode = FilterLeaf | { and: FilterNode[] } | { or: FilterNode[] };
export type FilterNodeInput = FilterLeafInput | { and: FilterNodeInput[] } | { or: FilterNodeInput[] };

export const FilterNodeSchema: z.ZodType<FilterNode, FilterNodeInput> = z.lazy(() =>
  z.union([
    FilterLeafSchema,
    z.object({ and: z.array(FilterNodeSchema).min(1) }).strict(),
    z.object({ or: z.array(FilterNodeSchema).min(1) }).strict(),
  ]),
);

export const TimeDimensionSchema = z.object({
  dimension: MemberName,
  granularity: Granularity.optional(),
  dateRange: DateRange.optional(),
});
export type TimeDimension = z.infer<typeof TimeDimensionSchema>;

export const OrderDirection = z.enum(['asc', 'desc']);
export const OrderItem = z.tuple([z.string().min(1), OrderDirection]);

export const MAX_LIMIT = 50_000;
export const DEFAULT_LIMIT = 10_000;

/**
 * A semantic query in the spirit of Cube's query format. Joins follow the model's lookups.
 * Rows are grouped by every dimension and time dimension; measures are aggregated per group.
 */
export const SemanticQuerySchema = z
  .object({
    measures: z.array(MemberName).default([]),
    dimensions: z.array(MemberName).default([]),
    timeDimensions: z.array(TimeDimensionSchema).default([]),
    filters: z.array(FilterNodeSchema).default([]),
    /** Members or time-dimension keys ("table.column.month"); nulls sort last either way. */
    order: z.array(OrderItem).default([]),
    limit: z.number().int().min(0).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    offset: z.number().int().min(0).default(0),
    /** Also return the number of rows before limit and offset. */
    total: z.boolean().default(false),
    timezone: z.literal('UTC').default('UTC'),
  })
  .refine((q) => q.measures.length + q.dimensions.length + q.timeDimensions.filter((t) => t.granularity).length > 0, {
    message: 'a query needs at least one measure, dimension or time dimension with a granularity',
    path: ['measures'],
  });
export type SemanticQuery = z.infer<typeof SemanticQuerySchema>;
export type SemanticQueryInput = z.input<typeof SemanticQuerySchema>;

/** Options of one query run. `now` pins relative date ranges (tests and reproducible reports). */
export const QueryOptionsSchema = z.object({ now: DateString.optional() });
