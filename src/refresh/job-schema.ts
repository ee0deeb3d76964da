import { z } from 'zod';
import { SqlParamsSchema } from '../contracts/adapter.js';
import { Identifier } from '../contracts/data-model.js';
import { DateString } from '../contracts/query.js';
import { RefreshRunStatus } from './log-schema.js';
import { parseAt } from './parse.js';
import { RefreshScheduleSchema } from './schedule-schema.js';
import { missingSqlParameters, sqlTemplateProblem } from './sql-guard.js';

/** A refresh job: what to compute (task), where the rows go (output) and when (schedule). */

/** Also the checkpoint log's process name, so it stays short and printable. */
export const RefreshJobId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must start with a letter or digit and contain only letters, digits, _, . and -')
  .max(64);

/** A query template whose rows are written to the output table. $NAME parameters are bound from `params`. */
export const SqlTaskSchema = z
  .object({
    kind: z.literal('sql'),
    sql: z.string().superRefine((sql, ctx) => {
      const problem = sql.trim() === '' ? 'is empty' : sqlTemplateProblem(sql);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    params: SqlParamsSchema.default({}),
  })
  .superRefine((t, ctx) => {
    for (const name of missingSqlParameters(t.sql, t.params))
      ctx.addIssue({ code: 'custom', message: `the query uses $${name}: give it a value`, path: ['params', name] });
  });

/**
 * Rows of `source` newer than the last successful checkpoint (by `positionColumn`), appended to the
 * output table once per `eventIdColumn` value. The position must grow as rows arrive (an ingestion
 * time or sequence): a row arriving later with a position at or below the checkpoint is not seen.
 */
export const IncrementalAppendTaskSchema = z.object({
  kind: z.literal('incremental-append'),
  source: Identifier,
  positionColumn: Identifier,
  eventIdColumn: Identifier,
});

/** A named derivation the host registers with the scheduler (e.g. CLV deciles); its rows are written to the output table. */
export const DerivationTaskSchema = z.object({
  kind: z.literal('derivation'),
  ref: z.string().min(1).max(128),
});

export const RefreshTaskSchema = z.discriminatedUnion('kind', [SqlTaskSchema, IncrementalAppendTaskSchema, DerivationTaskSchema]);
export type RefreshTask = z.infer<typeof RefreshTaskSchema>;
export type SqlTask = z.infer<typeof SqlTaskSchema>;
export type IncrementalAppendTask = z.infer<typeof IncrementalAppendTaskSchema>;
export type DerivationTask = z.infer<typeof DerivationTaskSchema>;

/** create-append: the first run creates the table, later runs append. append: the table must exist. */
export const RefreshOutputSchema = z.object({
  table: Identifier,
  mode: z.enum(['create-append', 'append']).default('create-append'),
});
export type RefreshOutput = z.infer<typeof RefreshOutputSchema>;

export const RefreshJobSchema = z
  .object({
    id: RefreshJobId,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    task: RefreshTaskSchema,
    output: RefreshOutputSchema,
    schedule: RefreshScheduleSchema,
    enabled: z.boolean().default(true),
  })
  .superRefine((job, ctx) => {
    if (job.task.kind === 'incremental-append' && job.task.source.toLowerCase() === job.output.table.toLowerCase())
      ctx.addIssue({ code: 'custom', message: 'the output table must differ from the source table', path: ['output', 'table'] });
  });
export type RefreshJob = z.infer<typeof RefreshJobSchema>;
export type RefreshJobInput = z.input<typeof RefreshJobSchema>;

/** What the scheduler tracks about a job besides its definition. */
export const RefreshJobStateSchema = z.object({
  consecutiveFailures: z.number().int().nonnegative(),
  /** Set after too many consecutive failures (the job is then disabled); enabling the job clears it. */
  quarantined: z.boolean(),
  quarantinedAt: DateString.nullable(),
  lastRunAt: DateString.nullable(),
  lastStatus: RefreshRunStatus.nullable(),
  createdAt: DateString,
  updatedAt: DateString,
});
export type RefreshJobState = z.infer<typeof RefreshJobStateSchema>;

export const RefreshJobRecordSchema = z.object({ job: RefreshJobSchema, state: RefreshJobStateSchema });
export type RefreshJobRecord = z.infer<typeof RefreshJobRecordSchema>;

/** Parses a job, or throws an invalid_request AdapterError naming the field ("schedule.expression"). */
export function parseRefreshJob(value: unknown): RefreshJob {
  return parseAt(RefreshJobSchema, value, '', 'refresh job');
}
