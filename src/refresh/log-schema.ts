import { z } from 'zod';
import { DateString } from '../contracts/query.js';

/** The checkpoint log and the run history, in the shape of the reference platform's checkpoint_log. */

export const CheckpointStatus = z.enum(['SUCCESSFUL', 'FAILED', 'RUNNING']);
export type CheckpointStatus = z.infer<typeof CheckpointStatus>;

/** A position in the source: a timestamp ("YYYY-MM-DDTHH:MM:SS.sssZ"), a date, a number or a string; null before the first run. */
export const RefreshPosition = z.union([z.string(), z.number(), z.null()]);
export type RefreshPosition = z.infer<typeof RefreshPosition>;

export const CheckpointRowSchema = z.object({
  /** The process the position belongs to: the job id. */
  process: z.string().min(1),
  status: CheckpointStatus,
  /** The last position processed: on a SUCCESSFUL row the new one, on RUNNING and FAILED rows the one the run started from. */
  lastPosition: RefreshPosition,
  at: DateString,
  runId: z.string().nullable(),
});
export type CheckpointRow = z.infer<typeof CheckpointRowSchema>;

export const RefreshRunStatus = z.enum(['success', 'failed', 'skipped']);
export type RefreshRunStatus = z.infer<typeof RefreshRunStatus>;

export const RefreshRunTrigger = z.enum(['schedule', 'manual']);
export type RefreshRunTrigger = z.infer<typeof RefreshRunTrigger>;

export const RefreshRunSchema = z.object({
  runId: z.string().min(1),
  jobId: z.string().min(1),
  trigger: RefreshRunTrigger,
  /** The schedule slot the run was for; null for manual runs. */
  scheduledFor: DateString.nullable(),
  start: DateString,
  end: DateString,
  /** Source rows the run read (for incremental appends, those past the checkpoint, duplicates included). */
  rowsProcessed: z.number().int().nonnegative(),
  /** Rows appended to the output table. */
  rowsWritten: z.number().int().nonnegative(),
  status: RefreshRunStatus,
  error: z.string().optional(),
});
export type RefreshRun = z.infer<typeof RefreshRunSchema>;
