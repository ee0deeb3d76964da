import { z } from 'zod';
import { Identifier } from '../contracts/data-model.js';
import { isCalendarDate } from './windows.js';

/**
 * The decile derivation's definition: which table holds the events, who they belong to, what is
 * ranked within which category, over which lookback windows, as of which date. What the windows mean
 * is stated once here (the descriptions below) and in src/derive/README.md.
 */

export const DECILE_AGGREGATIONS = ['sum', 'count', 'avg', 'max'] as const;
export const DEFAULT_DECILE_WINDOWS: ReadonlyArray<number | 'all'> = [1, 3, 6, 9, 12, 'all'];

/** Longest output table name: "<name>_flat_identity" (a relation name) must stay a 63-character identifier. */
export const MAX_DECILE_NAME_LENGTH = 40;

const EXACT_MODE =
  'exact (default): a window of K months is the half-open interval [asOf − K months, asOf): asOf itself is excluded, ' +
  'and "asOf − K months" is the same day of the month K months earlier, clamped to the end of a shorter month ' +
  '(2024-03-31 − 1 month = 2024-02-29), as SQL interval arithmetic does. "all" is everything before asOf. ' +
  'Rows without a time are in no window.';

const PLATFORM_MODE =
  'platform: mirrors the reference platform\'s documented decile query and is NOT a true window. Window N keeps every ' +
  'row with time < (first day of the asOf month) − k months, with no lower bound (cumulative up to a cutoff). ' +
  'The documented query uses k = 0, 1, 4 for windows 1, 3, 6; 9 and 12 (and any other N) extend that pattern as ' +
  'k = max(0, N − 2), so k = 7 for 9 and k = 10 for 12. "all" applies no time filter at all (the documented ' +
  'lifetime query has none), so it also keeps rows after asOf and rows without a time.';

export const DecileWindowSchema = z
  .union([z.literal('all'), z.number().int().positive().max(1200)])
  .describe('A lookback: a positive number of months (1, 3, 6, 9, 12 are the usual ones) or "all" (lifetime).');
export type DecileWindow = z.infer<typeof DecileWindowSchema>;

export const DecileMetricSchema = z
  .object({
    aggregation: z
      .enum(DECILE_AGGREGATIONS)
      .describe('How the events of one identity and category in one window add up to the ranked metric.'),
    column: Identifier.optional().describe('The aggregated column of the source table; count may leave it out (counts rows).'),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe(
        'Each value is rounded (half away from zero) to an integer number of 10^-decimals units before it is aggregated, ' +
          'so sums are exact integers in every engine (integer cents for money with 2). Default 2 for number columns, ' +
          '0 for integer columns; not used by count. The output metric is in these units.',
      ),
  })
  .refine((m) => m.aggregation === 'count' || m.column !== undefined, {
    message: 'a column is required for every aggregation except count',
    path: ['column'],
  })
  .refine((m) => m.aggregation !== 'count' || m.decimals === undefined, {
    message: 'decimals do not apply to count',
    path: ['decimals'],
  });
export type DecileMetric = z.infer<typeof DecileMetricSchema>;

export const DecileDefinitionSchema = z
  .object({
    name: Identifier.max(MAX_DECILE_NAME_LENGTH).describe(
      'The output table: one row per identity and window with a JSON map category → decile. ' +
        'The flat form (identity, lookback, category, decile, metric) is "<name>_flat".',
    ),
    source: z
      .object({
        table: Identifier.describe('The event table (e.g. transactions).'),
        identity: Identifier.describe('The column of the source naming whom an event belongs to (e.g. customer_id).'),
        category: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, 'must be "column" or "table.column"')
          .describe(
            'The category deciles are ranked within: a column of the source ("category") or of a table the source ' +
              'looks up through one relation of the model ("customers.loyalty_tier").',
          ),
        time: Identifier.describe('The date or timestamp column windows are cut on.'),
        metric: DecileMetricSchema,
      })
      .describe('Where the events are and which of their columns play which role.'),
    identities: z
      .object({ table: Identifier, column: Identifier })
      .optional()
      .describe(
        'The table listing every identity: the map table has one row per identity and window, with a null map ' +
          'where the identity has no data in the window. Default: the distinct identities of the whole source table.',
      ),
    windows: z
      .array(DecileWindowSchema)
      .min(1)
      .default([...DEFAULT_DECILE_WINDOWS])
      .refine((w) => new Set(w).size === w.length, { message: 'windows must not repeat' })
      .describe(`Lookbacks, default [1, 3, 6, 9, 12, "all"]. Their meaning depends on mode. ${EXACT_MODE} ${PLATFORM_MODE}`),
    asOf: z
      .string()
      .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
      .describe('The date the windows are measured back from (UTC midnight), YYYY-MM-DD.'),
    mode: z.enum(['exact', 'platform']).default('exact').describe(`How windows are cut. ${EXACT_MODE} ${PLATFORM_MODE}`),
  })
  .describe(
    'Decile derivation: per window, the metric of each identity and category is ranked within its category with ' +
      'NTILE(10) by metric descending, ties broken by identity ascending (deterministic); decile 1 is the top 10%. ' +
      'With n ranked rows the first n mod 10 deciles hold one row more than the others.',
  );

export type DecileDefinition = z.infer<typeof DecileDefinitionSchema>;
/** What an author writes: windows and mode may be left out. */
export type DecileDefinitionInput = z.input<typeof DecileDefinitionSchema>;
