import type { RefreshJob, RefreshOutput, RefreshTask } from '../../src/refresh/job-schema.js';
import type { RefreshSchedule, Weekday } from '../../src/refresh/schedule-schema.js';
import { formatTime, listFormat } from '../shared/format.js';

/**
 * Refresh jobs in words, for the list and the form: "Weekly on Mon, Thu at 06:00 UTC",
 * "Append new rows of transactions …", "transactions_clean (create, then append)".
 */

/** Weekdays in display order (Monday first), with their short and long names. */
export const WEEKDAYS: ReadonlyArray<{ value: Weekday; short: string; long: string }> = [
  { value: 'mon', short: 'Mon', long: 'Monday' },
  { value: 'tue', short: 'Tue', long: 'Tuesday' },
  { value: 'wed', short: 'Wed', long: 'Wednesday' },
  { value: 'thu', short: 'Thu', long: 'Thursday' },
  { value: 'fri', short: 'Fri', long: 'Friday' },
  { value: 'sat', short: 'Sat', long: 'Saturday' },
  { value: 'sun', short: 'Sun', long: 'Sunday' },
];

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s.trim());

/** A schedule bound as written: a date stays a date, a timestamp is shown in UTC. */
function boundText(value: string): string {
  if (isDateOnly(value)) return value.trim();
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? formatInstant(new Date(ms).toISOString(), '%Y-%m-%d %H:%M UTC') : value;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dayOfMonthText(day: number | 'last'): string {
  return day === 'last' ? 'the last day' : `the ${ordinal(day)}`;
}

/** When the schedule runs, without its start and end: "Weekly on Mon, Thu at 06:00 UTC". */
export function describeCadence(schedule: RefreshSchedule): string {
  switch (schedule.kind) {
    case 'hourly': {
      const minute = pad2(schedule.minute);
      if (schedule.everyHours === 1) return `Hourly at :${minute}`;
      const times = Array.from({ length: 24 / schedule.everyHours }, (_, i) => `${pad2(i * schedule.everyHours)}:${minute}`);
      return times.length <= 4
        ? `Every ${schedule.everyHours} hours at ${listFormat(times)} UTC`
        : `Every ${schedule.everyHours} hours at :${minute}, from 00:${minute} UTC`;
    }
    case 'daily':
      return `Daily at ${schedule.at} UTC`;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => schedule.days.includes(d.value));
      if (days.length === 7) return `Every day at ${schedule.at} UTC`;
      return `Weekly on ${days.map((d) => d.short).join(', ')} at ${schedule.at} UTC`;
    }
    case 'monthly': {
      const shorter = schedule.dayOfMonth !== 'last' && schedule.dayOfMonth > 28 ? ' (not in months without that day)' : '';
      return `Monthly on ${dayOfMonthText(schedule.dayOfMonth)} at ${schedule.at} UTC${shorter}`;
    }
    case 'yearly': {
      const month = MONTH_NAMES[schedule.month - 1];
      const day = schedule.dayOfMonth === 'last' ? `the last day of ${month}` : `${month} ${schedule.dayOfMonth}`;
      const leap = schedule.month === 2 && schedule.dayOfMonth === 29 ? ' (leap years only)' : '';
      return `Yearly on ${day} at ${schedule.at} UTC${leap}`;
    }
    case 'cron':
      return `Cron ${schedule.expression.trim()} (UTC)`;
  }
}

/** The schedule's start and end in words: ["from 2024-06-01", "until 2024-12-31"], none when unbounded. */
export function describeBounds(schedule: RefreshSchedule): string[] {
  const parts: string[] = [];
  if (schedule.start) parts.push(`from ${boundText(schedule.start)}`);
  if (schedule.end) parts.push(`until ${boundText(schedule.end)}`);
  return parts;
}

/** The schedule in words: "Weekly on Mon, Thu at 06:00 UTC, from 2024-06-01, until 2024-12-31". */
export function describeSchedule(schedule: RefreshSchedule): string {
  return [describeCadence(schedule), ...describeBounds(schedule)].join(', ');
}

const SQL_SUMMARY_LENGTH = 60;

/** What the job computes: "Append new rows of transactions (by ts, once per transaction_id)". */
export function describeTask(task: RefreshTask): string {
  switch (task.kind) {
    case 'incremental-append':
      return `Append new rows of ${task.source} (by ${task.positionColumn}, once per ${task.eventIdColumn})`;
    case 'sql': {
      const text = task.sql.replace(/\s+/g, ' ').trim();
      return `SQL template: ${text.length > SQL_SUMMARY_LENGTH ? `${text.slice(0, SQL_SUMMARY_LENGTH - 1)}…` : text}`;
    }
    case 'derivation':
      return `Derivation “${task.ref}”`;
  }
}

export const OUTPUT_MODE_LABELS: Record<RefreshOutput['mode'], string> = {
  'create-append': 'create, then append',
  append: 'append to an existing table',
};

/** An ISO instant with a d3-time-format string, in UTC. */
export function formatInstant(iso: string, spec = '%a %b %-d, %Y %H:%M UTC'): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatTime(new Date(ms), spec) : iso;
}

/** A job's name in quotes, for messages: “Deduplicated transactions”. */
export function quotedName(job: Pick<RefreshJob, 'name'>): string {
  return `“${job.name}”`;
}
