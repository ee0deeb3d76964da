// Refresh schedules: each kind's cron pattern and next run times (UTC) for known dates, start/end
// bounds, month ends, and validation messages that name the field.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError } from '../../src/contracts/errors.js';
import { nextRun, nextRuns, scheduleToCron } from '../../src/refresh/cron.js';
import { parseRefreshJob } from '../../src/refresh/job-schema.js';
import { type RefreshScheduleInput, parseSchedule } from '../../src/refresh/schedule-schema.js';

const runs = (input: RefreshScheduleInput, from: string, n: number) => nextRuns(parseSchedule(input), from, n).map((d) => d.toISOString());

function invalid(fn: () => unknown, field: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AdapterError, `expected an AdapterError, got ${String(e)}`);
    assert.equal(e.code, 'invalid_request');
    assert.equal(e.field, field);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('schedule kinds → cron → next runs (UTC)', () => {
  test('hourly: on the hour by default, strictly after "from"', () => {
    assert.equal(scheduleToCron(parseSchedule({ kind: 'hourly' })), '0 * * * *');
    assert.deepEqual(runs({ kind: 'hourly' }, '2024-03-10T01:00:00Z', 3), ['2024-03-10T02:00:00.000Z', '2024-03-10T03:00:00.000Z', '2024-03-10T04:00:00.000Z']);
  });

  test('hourly with a minute and every 6 hours, across midnight', () => {
    const s = { kind: 'hourly', minute: 15, everyHours: 6 } as const;
    assert.equal(scheduleToCron(parseSchedule(s)), '15 */6 * * *');
    assert.deepEqual(runs(s, '2024-12-31T13:00:00Z', 4), [
      '2024-12-31T18:15:00.000Z',
      '2025-01-01T00:15:00.000Z',
      '2025-01-01T06:15:00.000Z',
      '2025-01-01T12:15:00.000Z',
    ]);
  });

  test('daily at 02:30 is UTC, with no DST shift across the European and US switch dates', () => {
    const s = { kind: 'daily', at: '02:30' } as const;
    assert.equal(scheduleToCron(parseSchedule(s)), '30 2 * * *');
    assert.deepEqual(runs(s, '2024-03-30T12:00:00Z', 3), ['2024-03-31T02:30:00.000Z', '2024-04-01T02:30:00.000Z', '2024-04-02T02:30:00.000Z']);
    assert.deepEqual(runs(s, '2024-03-09T12:00:00Z', 2), ['2024-03-10T02:30:00.000Z', '2024-03-11T02:30:00.000Z']);
    assert.deepEqual(runs(s, '2024-10-26T12:00:00Z', 2), ['2024-10-27T02:30:00.000Z', '2024-10-28T02:30:00.000Z']);
  });

  test('a run exactly at "from" is not returned', () => {
    assert.equal(nextRun(parseSchedule({ kind: 'daily', at: '09:00' }), '2024-05-01T09:00:00Z')?.toISOString(), '2024-05-02T09:00:00.000Z');
    assert.equal(nextRun(parseSchedule({ kind: 'daily', at: '09:00' }), '2024-05-01T08:59:59.999Z')?.toISOString(), '2024-05-01T09:00:00.000Z');
  });

  test('weekly on Monday and Friday at 06:00, days in any order', () => {
    const s: RefreshScheduleInput = { kind: 'weekly', days: ['fri', 'mon'], at: '06:00' };
    assert.equal(scheduleToCron(parseSchedule(s)), '0 6 * * 1,5');
    // 2024-01-03 is a Wednesday.
    assert.deepEqual(runs(s, '2024-01-03T00:00:00Z', 4), [
      '2024-01-05T06:00:00.000Z',
      '2024-01-08T06:00:00.000Z',
      '2024-01-12T06:00:00.000Z',
      '2024-01-15T06:00:00.000Z',
    ]);
  });

  test('weekly on Sunday crosses the year end', () => {
    assert.deepEqual(runs({ kind: 'weekly', days: ['sun'], at: '23:59' }, '2024-12-25T00:00:00Z', 2), ['2024-12-29T23:59:00.000Z', '2025-01-05T23:59:00.000Z']);
  });

  test('monthly on the last day: Feb 29 in a leap year, Feb 28 otherwise, 30 and 31 as they come', () => {
    const s = { kind: 'monthly', dayOfMonth: 'last', at: '23:00' } as const;
    assert.equal(scheduleToCron(parseSchedule(s)), '0 23 L * *');
    assert.deepEqual(runs(s, '2024-01-15T00:00:00Z', 4), [
      '2024-01-31T23:00:00.000Z',
      '2024-02-29T23:00:00.000Z',
      '2024-03-31T23:00:00.000Z',
      '2024-04-30T23:00:00.000Z',
    ]);
    assert.deepEqual(runs(s, '2025-02-01T00:00:00Z', 1), ['2025-02-28T23:00:00.000Z']);
  });

  test('monthly on day 31 skips the months without one; day 1 is every month', () => {
    assert.deepEqual(runs({ kind: 'monthly', dayOfMonth: 31, at: '12:00' }, '2024-01-31T12:00:00Z', 4), [
      '2024-03-31T12:00:00.000Z',
      '2024-05-31T12:00:00.000Z',
      '2024-07-31T12:00:00.000Z',
      '2024-08-31T12:00:00.000Z',
    ]);
    assert.deepEqual(runs({ kind: 'monthly', dayOfMonth: 1, at: '00:00' }, '2024-11-15T00:00:00Z', 3), [
      '2024-12-01T00:00:00.000Z',
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
    ]);
  });

  test('yearly on Feb 29 runs only in leap years', () => {
    assert.deepEqual(runs({ kind: 'yearly', month: 2, dayOfMonth: 29, at: '08:00' }, '2024-03-01T00:00:00Z', 2), ['2028-02-29T08:00:00.000Z', '2032-02-29T08:00:00.000Z']);
  });

  test('cron expressions, including names and nicknames', () => {
    assert.deepEqual(runs({ kind: 'cron', expression: '30 * * * *' }, '2024-06-01T10:45:00Z', 2), ['2024-06-01T11:30:00.000Z', '2024-06-01T12:30:00.000Z']);
    assert.deepEqual(runs({ kind: 'cron', expression: '0 8 * * MON-FRI' }, '2024-06-07T09:00:00Z', 2), ['2024-06-10T08:00:00.000Z', '2024-06-11T08:00:00.000Z']);
    assert.deepEqual(runs({ kind: 'cron', expression: '@daily' }, '2024-06-01T10:45:00Z', 1), ['2024-06-02T00:00:00.000Z']);
  });
});

describe('start and end bounds', () => {
  test('no run before start (inclusive) or after end', () => {
    const s = { kind: 'daily', at: '09:00', start: '2024-02-01T09:00:00Z', end: '2024-02-03T09:00:00Z' } as const;
    assert.deepEqual(runs(s, '2024-01-01T00:00:00Z', 10), ['2024-02-01T09:00:00.000Z', '2024-02-02T09:00:00.000Z', '2024-02-03T09:00:00.000Z']);
    assert.equal(nextRun(parseSchedule(s), '2024-02-03T09:00:00Z'), null);
  });

  test('a date-only end includes that whole day; a date-only start begins at its midnight', () => {
    const s = { kind: 'hourly', minute: 0, everyHours: 12, start: '2024-02-01', end: '2024-02-02' } as const;
    assert.deepEqual(runs(s, '2024-01-01T00:00:00Z', 10), [
      '2024-02-01T00:00:00.000Z',
      '2024-02-01T12:00:00.000Z',
      '2024-02-02T00:00:00.000Z',
      '2024-02-02T12:00:00.000Z',
    ]);
  });

  test('an offset in start is honoured (the times are UTC)', () => {
    assert.deepEqual(runs({ kind: 'daily', at: '00:00', start: '2024-02-01T00:30:00+01:00' }, '2024-01-01T00:00:00Z', 1), ['2024-02-01T00:00:00.000Z']);
  });
});

describe('validation names the field', () => {
  test('a bad cron expression → schedule.expression', () => {
    invalid(() => parseSchedule({ kind: 'cron', expression: '61 * * * *' }), 'schedule.expression', /minute: 61/);
    invalid(() => parseSchedule({ kind: 'cron', expression: '0 9 * *' }), 'schedule.expression', /not a valid cron expression/);
    invalid(() => parseSchedule({ kind: 'cron', expression: '0 0 9 * * *' }), 'schedule.expression', /5 parts/);
  });

  test('times, days and kinds', () => {
    invalid(() => parseSchedule({ kind: 'daily', at: '24:00' }), 'schedule.at', /HH:MM/);
    invalid(() => parseSchedule({ kind: 'daily', at: '9:00' }), 'schedule.at');
    invalid(() => parseSchedule({ kind: 'weekly', days: [], at: '09:00' }), 'schedule.days', /at least one/);
    invalid(() => parseSchedule({ kind: 'weekly', days: ['mon', 'mon'], at: '09:00' }), 'schedule.days', /twice/);
    invalid(() => parseSchedule({ kind: 'weekly', days: ['monday'], at: '09:00' }), 'schedule.days.0');
    invalid(() => parseSchedule({ kind: 'monthly', dayOfMonth: 32, at: '09:00' }), 'schedule.dayOfMonth');
    invalid(() => parseSchedule({ kind: 'yearly', month: 2, dayOfMonth: 30, at: '09:00' }), 'schedule.dayOfMonth', /never has this day/);
    invalid(() => parseSchedule({ kind: 'hourly', everyHours: 5 }), 'schedule.everyHours');
    invalid(() => parseSchedule({ kind: 'fortnightly' }), 'schedule.kind');
  });

  test('end before start → schedule.end', () => {
    invalid(() => parseSchedule({ kind: 'daily', at: '09:00', start: '2024-03-01', end: '2024-02-01' }), 'schedule.end', /ends before it starts/);
    invalid(() => parseSchedule({ kind: 'daily', at: '09:00', start: '2024-02-30' }), 'schedule.start');
  });

  test('inside a job the path is the job field', () => {
    const job = {
      id: 'tx-clean',
      name: 'Clean transactions',
      task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
      output: { table: 'transactions_clean' },
      schedule: { kind: 'cron', expression: 'every day' },
    };
    invalid(() => parseRefreshJob(job), 'schedule.expression');
    invalid(() => parseRefreshJob({ ...job, schedule: { kind: 'daily', at: '09:00' }, output: { table: 'transactions' } }), 'output.table', /differ/);
    invalid(() => parseRefreshJob({ ...job, id: 'a b', schedule: { kind: 'hourly' } }), 'id');
  });

  test('query templates: no INSERT INTO or CREATE TABLE AS, one query, every $PARAM given', () => {
    const base = { id: 'q', name: 'Q', output: { table: 'out' }, schedule: { kind: 'hourly' } };
    const task = (sql: string, params = {}) => ({ ...base, task: { kind: 'sql', sql, params } });
    invalid(() => parseRefreshJob(task('INSERT INTO out SELECT * FROM t')), 'task.sql', /INSERT INTO/);
    invalid(() => parseRefreshJob(task('CREATE TABLE out AS SELECT 1')), 'task.sql', /CREATE TABLE/);
    invalid(() => parseRefreshJob(task('SELECT 1; SELECT 2')), 'task.sql', /single query/);
    invalid(() => parseRefreshJob(task('DELETE FROM t')), 'task.sql', /must be a query/);
    invalid(() => parseRefreshJob(task('SELECT * FROM t WHERE ts > $SINCE')), 'task.params.SINCE', /\$SINCE/);
    // A keyword inside a string or comment is data, not a statement.
    assert.equal(parseRefreshJob(task("SELECT 'INSERT INTO x' AS note -- CREATE TABLE y AS\n FROM t;")).task.kind, 'sql');
    assert.deepEqual(parseRefreshJob(task('SELECT * FROM t WHERE ts > $SINCE', { SINCE: '2024-01-01' })).task, {
      kind: 'sql',
      sql: 'SELECT * FROM t WHERE ts > $SINCE',
      params: { SINCE: '2024-01-01' },
    });
  });

  test('defaults: output mode create-append, enabled, hourly on the hour', () => {
    const job = parseRefreshJob({ id: 'd', name: 'D', task: { kind: 'derivation', ref: 'deciles' }, output: { table: 'deciles' }, schedule: { kind: 'hourly' } });
    assert.equal(job.output.mode, 'create-append');
    assert.equal(job.enabled, true);
    assert.deepEqual(job.schedule, { kind: 'hourly', minute: 0, everyHours: 1 });
  });
});
