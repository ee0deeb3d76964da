import { z } from 'zod';
import { DateString } from '../contracts/query.js';
import { parseInstant } from '../query/dates.js';
import { cronProblem, scheduleStartMs, scheduleStopMs } from './cron.js';
import { parseAt } from './parse.js';

/** When a refresh job runs. Every time is UTC; `start` and `end` bound the runs (a date-only end includes that day). */

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM in UTC (00:00 to 23:59)');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
/** A day of the month, or its last day. Days 29 to 31 are skipped in months without them (cron semantics). */
export const DayOfMonth = z.union([z.number().int().min(1).max(31), z.literal('last')]);

/** A date or timestamp that exists (DateString alone lets 2024-02-30 through). */
const Instant = DateString.refine((s) => Number.isFinite(parseInstant(s)), 'is not a calendar date');

const bounds = {
  /** First instant runs may happen (inclusive). */
  start: Instant.optional(),
  /** Last instant runs may happen (inclusive); a date alone includes the whole day. */
  end: Instant.optional(),
};

export const HourlySchedule = z.object({
  kind: z.literal('hourly'),
  /** Minute past the hour. */
  minute: z.number().int().min(0).max(59).default(0),
  /** Every N hours from midnight; divisors of 24 only, so the gaps are equal across midnight. */
  everyHours: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(8), z.literal(12)]).default(1),
  ...bounds,
});

export const DailySchedule = z.object({ kind: z.literal('daily'), at: TimeOfDay, ...bounds });

export const WeeklySchedule = z.object({
  kind: z.literal('weekly'),
  days: z
    .array(Weekday)
    .min(1, 'pick at least one day')
    .refine((d) => new Set(d).size === d.length, 'a day is listed twice'),
  at: TimeOfDay,
  ...bounds,
});

export const MonthlySchedule = z.object({ kind: z.literal('monthly'), dayOfMonth: DayOfMonth, at: TimeOfDay, ...bounds });

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const YearlySchedule = z
  .object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), dayOfMonth: DayOfMonth, at: TimeOfDay, ...bounds })
  .refine((s) => s.dayOfMonth === 'last' || s.dayOfMonth <= DAYS_IN_MONTH[s.month - 1]!, {
    message: 'that month never has this day',
    path: ['dayOfMonth'],
  });

export const CronSchedule = z.object({
  kind: z.literal('cron'),
  /** Five fields (minute hour day-of-month month day-of-week) in UTC; croner's L, W and # extensions and @daily-style nicknames work. */
  expression: z.string().superRefine((value, ctx) => {
    const problem = cronProblem(value.trim());
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid cron expression: ${problem}` });
  }),
  ...bounds,
});

export const RefreshScheduleSchema = z
  .discriminatedUnion('kind', [HourlySchedule, DailySchedule, WeeklySchedule, MonthlySchedule, YearlySchedule, CronSchedule])
  .superRefine((s, ctx) => {
    const start = scheduleStartMs(s);
    const stop = scheduleStopMs(s);
    if (start !== undefined && stop !== undefined && stop <= start) ctx.addIssue({ code: 'custom', message: 'ends before it starts', path: ['end'] });
  });
export type RefreshSchedule = z.infer<typeof RefreshScheduleSchema>;
export type RefreshScheduleInput = z.input<typeof RefreshScheduleSchema>;

/** Parses a schedule, or throws an invalid_request AdapterError whose field starts with "schedule." */
export function parseSchedule(value: unknown): RefreshSchedule {
  return parseAt(RefreshScheduleSchema, value, 'schedule', 'schedule');
}
