import { Cron } from 'croner';
import { parseInstant } from '../query/dates.js';
import type { RefreshSchedule, Weekday } from './schedule-schema.js';

/**
 * Every schedule kind becomes one 5-field cron pattern (minute hour day-of-month month day-of-week),
 * and croner computes its runs in UTC. Keeping a single definition means the preset kinds and a
 * hand-written expression can never disagree about when "daily at 02:30" is.
 */

const CRON_OPTIONS = { timezone: 'UTC', mode: '5-part', paused: true } as const;
const WEEKDAY_NUMBER: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** "HH:MM" → [minute, hour] as cron fields. */
function timeFields(at: string): [string, string] {
  const [h, m] = at.split(':');
  return [String(Number(m)), String(Number(h))];
}

/** The cron pattern a schedule stands for. */
export function scheduleToCron(schedule: RefreshSchedule): string {
  switch (schedule.kind) {
    case 'hourly':
      return `${schedule.minute} ${schedule.everyHours === 1 ? '*' : `*/${schedule.everyHours}`} * * *`;
    case 'daily': {
      const [m, h] = timeFields(schedule.at);
      return `${m} ${h} * * *`;
    }
    case 'weekly': {
      const [m, h] = timeFields(schedule.at);
      const days = [...new Set(schedule.days.map((d) => WEEKDAY_NUMBER[d]))].sort((a, b) => a - b);
      return `${m} ${h} * * ${days.join(',')}`;
    }
    case 'monthly': {
      const [m, h] = timeFields(schedule.at);
      return `${m} ${h} ${schedule.dayOfMonth === 'last' ? 'L' : schedule.dayOfMonth} * *`;
    }
    case 'yearly': {
      const [m, h] = timeFields(schedule.at);
      return `${m} ${h} ${schedule.dayOfMonth === 'last' ? 'L' : schedule.dayOfMonth} ${schedule.month} *`;
    }
    case 'cron':
      return schedule.expression.trim();
  }
}

/** Why croner rejects a 5-field expression, or undefined when it is valid. */
export function cronProblem(expression: string): string | undefined {
  try {
    new Cron(expression, CRON_OPTIONS);
    return undefined;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).replace(/^CronPattern: /, '');
  }
}

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The first instant a schedule may run (inclusive), from its `start`. */
export function scheduleStartMs(schedule: RefreshSchedule): number | undefined {
  return schedule.start === undefined ? undefined : parseInstant(schedule.start);
}

/** The instant from which a schedule no longer runs (exclusive): a date-only `end` keeps its whole day. */
export function scheduleStopMs(schedule: RefreshSchedule): number | undefined {
  if (schedule.end === undefined) return undefined;
  const end = parseInstant(schedule.end);
  return isDateOnly(schedule.end.trim()) ? end + DAY_MS : end + 1;
}

function cronOf(schedule: RefreshSchedule): Cron {
  const start = scheduleStartMs(schedule);
  const stop = scheduleStopMs(schedule);
  return new Cron(scheduleToCron(schedule), {
    ...CRON_OPTIONS,
    ...(start !== undefined ? { startAt: new Date(start) } : {}),
    ...(stop !== undefined ? { stopAt: new Date(stop) } : {}),
  });
}

const toDate = (from: Date | number | string): Date => {
  const ms = typeof from === 'string' ? parseInstant(from) : typeof from === 'number' ? from : from.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`"${String(from)}" is not a date or timestamp`);
  return new Date(ms);
};

/** The next `n` run times strictly after `from`, within the schedule's start and end (fewer when it ends). */
export function nextRuns(schedule: RefreshSchedule, from: Date | number | string, n: number): Date[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  return n === 0 ? [] : cronOf(schedule).nextRuns(n, toDate(from));
}

/** The next run time strictly after `from`, or null when the schedule has ended. */
export function nextRun(schedule: RefreshSchedule, from: Date | number | string): Date | null {
  return cronOf(schedule).nextRun(toDate(from));
}
