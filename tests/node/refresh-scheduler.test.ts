// The refresh scheduler over the in-memory engine with a hand-moved clock: automatic runs, job
// rules (enable/disable/delete), one run per job, the delay event, quarantine after exactly 10
// consecutive failures, event order, run history and checkpoint rows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError } from '../../src/contracts/errors.js';
import type { DataModelInput } from '../../src/contracts/data-model.js';
import { MemoryAdapter } from '../../src/engines/memory/memory-adapter.js';
import type { DerivationResult, DerivationRunner } from '../../src/refresh/derivations.js';
import type { RefreshEventType } from '../../src/refresh/events.js';
import type { RefreshJobInput } from '../../src/refresh/job-schema.js';
import { MemoryRefreshExecutor } from '../../src/refresh/memory-executor.js';
import { MemoryRefreshStore } from '../../src/refresh/memory-store.js';
import { RefreshScheduler } from '../../src/refresh/scheduler.js';
import { FakeClock, settle } from './support/refresh-fake-clock.js';

const model: DataModelInput = {
  name: 'shop',
  label: 'Shop',
  tables: [
    {
      name: 'scores',
      label: 'Scores',
      kind: 'derived',
      columns: [
        { name: 'customer_id', label: 'Customer', type: 'string', role: 'identity' },
        { name: 'score', label: 'Score', type: 'number', role: 'measure' },
      ],
    },
  ],
};

/** A derivation the test steers: succeed, fail, or wait for a gate the test opens. */
class Steered {
  mode: 'ok' | 'fail' = 'ok';
  calls = 0;
  private gate?: { promise: Promise<void>; open: () => void };

  hold(): void {
    let open!: () => void;
    this.gate = { promise: new Promise<void>((r) => (open = r)), open };
  }

  release(): void {
    const g = this.gate;
    this.gate = undefined;
    g?.open();
  }

  readonly runner: DerivationRunner = async ({ lastPosition }): Promise<DerivationResult> => {
    this.calls++;
    if (this.gate) await this.gate.promise;
    if (this.mode === 'fail') throw new Error(`scoring failed (call ${this.calls})`);
    return {
      columns: [
        { name: 'customer_id', type: 'string' },
        { name: 'score', type: 'number' },
      ],
      rows: [{ customer_id: `C${this.calls}`, score: this.calls }],
      rowsProcessed: 5,
      position: (typeof lastPosition === 'number' ? lastPosition : 0) + 5,
    };
  };
}

function setup(start = '2024-05-01T10:30:00Z', store = new MemoryRefreshStore(), adapter = new MemoryAdapter(model)) {
  const clock = new FakeClock(start);
  const steered = new Steered();
  let n = 0;
  const scheduler = new RefreshScheduler({
    executor: new MemoryRefreshExecutor(adapter, store),
    derivations: { scores: steered.runner },
    clock,
    newRunId: () => `run-${++n}`,
  });
  const events: Array<{ type: RefreshEventType; runId?: string; detail: unknown }> = [];
  for (const type of [
    'clv-refresh-start',
    'clv-refresh-success',
    'clv-refresh-failure',
    'clv-refresh-quarantine',
    'clv-refresh-delay',
    'clv-refresh-table-updated',
    'clv-refresh-error',
  ] as const) {
    scheduler.on(type, (e) => {
      const d = e.detail as { run?: { runId: string } };
      events.push({ type, runId: d.run?.runId, detail: e.detail });
    });
  }
  return { clock, steered, scheduler, store, adapter, events, types: () => events.map((e) => e.type.replace('clv-refresh-', '')) };
}

const job = (over: Partial<RefreshJobInput> = {}): RefreshJobInput => ({
  id: 'scores',
  name: 'Customer scores',
  task: { kind: 'derivation', ref: 'scores' },
  output: { table: 'scores', mode: 'append' },
  schedule: { kind: 'hourly' },
  ...over,
});

async function rejects(p: Promise<unknown>, code: string, field: string, message?: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AdapterError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.field, field);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('automatic runs', () => {
  test('an hourly job runs at every hour, with history in the store', async () => {
    const { clock, scheduler, adapter } = setup();
    await scheduler.start();
    const view = await scheduler.createJob(job());
    assert.equal(view.nextRunAt, '2024-05-01T11:00:00.000Z');
    assert.deepEqual(await scheduler.upcomingRuns('scores', 2), ['2024-05-01T11:00:00.000Z', '2024-05-01T12:00:00.000Z']);
    await clock.advanceTo('2024-05-01T13:30:00Z');
    await scheduler.idle();
    const runs = await scheduler.listRuns('scores');
    assert.deepEqual(
      runs.map((r) => [r.scheduledFor, r.trigger, r.status]),
      [
        ['2024-05-01T13:00:00.000Z', 'schedule', 'success'],
        ['2024-05-01T12:00:00.000Z', 'schedule', 'success'],
        ['2024-05-01T11:00:00.000Z', 'schedule', 'success'],
      ],
    );
    assert.equal(adapter.store.all('scores').length, 3);
    assert.equal((await scheduler.getJob('scores')).nextRunAt, '2024-05-01T14:00:00.000Z');
    await scheduler.stop();
  });

  test('a weekly job and a monthly one wait days, and a yearly one longer than one timer can', async () => {
    const { clock, scheduler } = setup('2024-01-03T00:00:00Z');
    await scheduler.start();
    await scheduler.createJob(job({ id: 'weekly', schedule: { kind: 'weekly', days: ['mon', 'fri'], at: '06:00' } }));
    await scheduler.createJob(job({ id: 'monthly', schedule: { kind: 'monthly', dayOfMonth: 'last', at: '23:00' } }));
    await scheduler.createJob(job({ id: 'yearly', schedule: { kind: 'yearly', month: 12, dayOfMonth: 31, at: '12:00' } }));
    await clock.advanceTo('2024-03-01T00:00:00Z');
    await scheduler.idle();
    const at = async (id: string) => (await scheduler.listRuns(id)).map((r) => r.scheduledFor).reverse();
    const weekly = await at('weekly');
    assert.equal(weekly.length, 16); // 8 Mondays and 8 Fridays from Jan 5 to Feb 26
    assert.deepEqual(weekly.slice(0, 3), ['2024-01-05T06:00:00.000Z', '2024-01-08T06:00:00.000Z', '2024-01-12T06:00:00.000Z']);
    assert.deepEqual(await at('monthly'), ['2024-01-31T23:00:00.000Z', '2024-02-29T23:00:00.000Z']);
    assert.deepEqual(await at('yearly'), []);
    await clock.advanceTo('2025-01-01T00:00:00Z');
    await scheduler.idle();
    assert.deepEqual(await at('yearly'), ['2024-12-31T12:00:00.000Z']);
    assert.equal((await at('monthly')).length, 12);
    await scheduler.stop();
  });

  test('a schedule with an end stops arming; nothing runs before start()', async () => {
    const { clock, scheduler } = setup('2024-05-01T10:30:00Z');
    await scheduler.createJob(job({ schedule: { kind: 'hourly', end: '2024-05-01T12:00:00Z' } }));
    await clock.advanceTo('2024-05-01T11:30:00Z');
    assert.equal((await scheduler.listRuns('scores')).length, 0, 'not started yet');
    await scheduler.start();
    await clock.advanceTo('2024-05-01T20:00:00Z');
    await scheduler.idle();
    assert.deepEqual(
      (await scheduler.listRuns('scores')).map((r) => r.scheduledFor),
      ['2024-05-01T12:00:00.000Z'],
    );
    assert.equal((await scheduler.getJob('scores')).nextRunAt, null);
    assert.equal(clock.pendingTimers, 0);
    await scheduler.stop();
  });

  test('a restarted scheduler reloads jobs from the store and resumes from the checkpoint', async () => {
    const store = new MemoryRefreshStore();
    const adapter = new MemoryAdapter(model);
    const first = setup('2024-05-01T10:30:00Z', store, adapter);
    await first.scheduler.start();
    await first.scheduler.createJob(job());
    await first.clock.advanceTo('2024-05-01T11:00:00Z');
    await first.scheduler.stop();
    const second = setup('2024-05-01T11:10:00Z', store, adapter);
    await second.scheduler.start();
    assert.equal((await second.scheduler.listJobs()).length, 1);
    await second.clock.advanceTo('2024-05-01T12:00:00Z');
    await second.scheduler.idle();
    const checkpoints = (await store.listCheckpoints('scores')).filter((c) => c.status === 'SUCCESSFUL');
    assert.deepEqual(
      checkpoints.map((c) => c.lastPosition),
      [5, 10],
    );
    await second.scheduler.stop();
  });
});

describe('job rules', () => {
  test('create validates the definition, the derivation ref and what the engine can run', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(job());
    await rejects(scheduler.createJob(job()), 'invalid_request', 'id', /already exists/);
    await rejects(scheduler.createJob(job({ id: 'x', task: { kind: 'derivation', ref: 'nope' } })), 'invalid_request', 'task.ref', /No derivation "nope"/);
    await rejects(scheduler.createJob(job({ id: 'x', task: { kind: 'sql', sql: 'SELECT 1 AS score' } })), 'unsupported', 'task.kind');
    await rejects(scheduler.createJob(job({ id: 'x', output: { table: 'nope' } })), 'invalid_request', 'output.table');
    await rejects(scheduler.createJob(job({ id: 'x', schedule: { kind: 'cron', expression: '* * *' } })), 'invalid_request', 'schedule.expression');
    await rejects(scheduler.getJob('x'), 'not_found', 'id');
  });

  test('update re-validates and re-arms; a rejected update changes nothing', async () => {
    const { clock, scheduler } = setup();
    await scheduler.start();
    await scheduler.createJob(job());
    await rejects(scheduler.updateJob('scores', { schedule: { kind: 'cron', expression: '99 * * * *' } }), 'invalid_request', 'schedule.expression');
    assert.equal((await scheduler.getJob('scores')).nextRunAt, '2024-05-01T11:00:00.000Z');
    const v = await scheduler.updateJob('scores', { name: 'Scores', schedule: { kind: 'daily', at: '02:00' } });
    assert.equal(v.job.name, 'Scores');
    assert.equal(v.nextRunAt, '2024-05-02T02:00:00.000Z');
    await clock.advanceTo('2024-05-01T23:00:00Z');
    assert.equal((await scheduler.listRuns('scores')).length, 0);
    await scheduler.stop();
  });

  test('a disabled job does not run on schedule; delete needs it disabled and idle', async () => {
    const { clock, scheduler, steered, store } = setup();
    await scheduler.start();
    await scheduler.createJob(job());
    await rejects(scheduler.deleteJob('scores'), 'invalid_request', 'enabled', /Disable the refresh job "scores" before deleting it/);
    const off = await scheduler.disableJob('scores');
    assert.equal(off.job.enabled, false);
    assert.equal(off.nextRunAt, null);
    await clock.advanceTo('2024-05-01T15:00:00Z');
    assert.equal(steered.calls, 0);

    // A manual run of a disabled job is allowed; deleting it meanwhile is not.
    steered.hold();
    const running = scheduler.runNow('scores');
    await settle();
    assert.ok((await scheduler.getJob('scores')).running);
    await rejects(scheduler.deleteJob('scores'), 'invalid_request', 'id', /is running/);
    steered.release();
    assert.equal((await running).status, 'success');

    await scheduler.deleteJob('scores');
    await rejects(scheduler.getJob('scores'), 'not_found', 'id');
    assert.deepEqual(await store.listCheckpoints('scores'), []);
    assert.deepEqual(await store.listRuns('scores'), []);
    await scheduler.stop();
  });
});

describe('one run at a time, and the delay event', () => {
  test('runNow while running is refused', async () => {
    const { scheduler, steered } = setup();
    await scheduler.createJob(job());
    steered.hold();
    const first = scheduler.runNow('scores');
    await settle();
    await rejects(scheduler.runNow('scores'), 'invalid_request', 'id', /already running \(run run-1\)/);
    steered.release();
    assert.equal((await first).runId, 'run-1');
  });

  test('a time that comes while the previous run is going raises delay, then runs once; further times are skipped', async () => {
    const { clock, scheduler, steered, events, types } = setup();
    await scheduler.start();
    await scheduler.createJob(job());
    steered.hold();
    await clock.advanceTo('2024-05-01T11:00:00Z'); // run-1 starts and hangs
    await clock.advanceTo('2024-05-01T12:00:00Z'); // due while run-1 is going
    const delay = events.find((e) => e.type === 'clv-refresh-delay')!;
    assert.ok(delay);
    const d = delay.detail as { dueAt: string; run: { runId: string; scheduledFor: string }; job: { id: string } };
    assert.equal(d.dueAt, '2024-05-01T12:00:00.000Z');
    assert.equal(d.run.runId, 'run-1');
    assert.equal(d.run.scheduledFor, '2024-05-01T11:00:00.000Z');
    assert.equal(d.job.id, 'scores');
    await clock.advanceTo('2024-05-01T13:00:00Z'); // a second delay: recorded as skipped
    assert.equal(steered.calls, 1);
    await clock.advanceTo('2024-05-01T13:20:00Z');
    steered.release();
    await scheduler.idle();
    assert.equal(steered.calls, 2, 'the delayed run ran once');
    assert.deepEqual(types(), ['start', 'delay', 'delay', 'success', 'table-updated', 'start', 'success', 'table-updated']);
    const runs = (await scheduler.listRuns('scores')).reverse();
    assert.deepEqual(
      runs.map((r) => [r.scheduledFor, r.status, r.start]),
      [
        ['2024-05-01T13:00:00.000Z', 'skipped', '2024-05-01T13:00:00.000Z'],
        ['2024-05-01T11:00:00.000Z', 'success', '2024-05-01T11:00:00.000Z'],
        ['2024-05-01T12:00:00.000Z', 'success', '2024-05-01T13:20:00.000Z'],
      ],
    );
    assert.match(runs[0]!.error!, /delayed run for 2024-05-01T12:00:00.000Z/);
    assert.equal((await scheduler.getJob('scores')).nextRunAt, '2024-05-01T14:00:00.000Z');
    await scheduler.stop();
  });
});

describe('quarantine', () => {
  test('exactly the 10th consecutive failure quarantines: disabled, flagged, one event; enable clears it', async () => {
    const { clock, scheduler, steered, events } = setup('2024-05-01T00:30:00Z');
    await scheduler.start();
    await scheduler.createJob(job());
    steered.mode = 'fail';
    await clock.advanceTo('2024-05-01T09:00:00Z'); // 9 failures
    await scheduler.idle();
    let v = await scheduler.getJob('scores');
    assert.equal(v.state.consecutiveFailures, 9);
    assert.equal(v.state.quarantined, false);
    assert.equal(v.job.enabled, true);
    await clock.advanceTo('2024-05-01T10:00:00Z'); // the 10th
    await scheduler.idle();
    v = await scheduler.getJob('scores');
    assert.equal(v.state.consecutiveFailures, 10);
    assert.equal(v.state.quarantined, true);
    assert.equal(v.state.quarantinedAt, '2024-05-01T10:00:00.000Z');
    assert.equal(v.job.enabled, false);
    assert.equal(v.nextRunAt, null);
    const quarantines = events.filter((e) => e.type === 'clv-refresh-quarantine');
    assert.equal(quarantines.length, 1);
    assert.equal(quarantines[0]!.runId, 'run-10');
    await clock.advanceTo('2024-05-01T20:00:00Z');
    assert.equal(steered.calls, 10, 'a quarantined job does not run on schedule');

    v = await scheduler.enableJob('scores');
    assert.equal(v.state.quarantined, false);
    assert.equal(v.state.quarantinedAt, null);
    assert.equal(v.state.consecutiveFailures, 0);
    assert.equal(v.nextRunAt, '2024-05-01T21:00:00.000Z');
    steered.mode = 'ok';
    await clock.advanceTo('2024-05-01T21:00:00Z');
    await scheduler.idle();
    assert.equal((await scheduler.getJob('scores')).state.lastStatus, 'success');
    await scheduler.stop();
  });

  test('a success in between resets the count', async () => {
    const { scheduler, steered } = setup();
    await scheduler.createJob(job());
    steered.mode = 'fail';
    for (let i = 0; i < 9; i++) await scheduler.runNow('scores');
    steered.mode = 'ok';
    await scheduler.runNow('scores');
    steered.mode = 'fail';
    for (let i = 0; i < 9; i++) await scheduler.runNow('scores');
    const v = await scheduler.getJob('scores');
    assert.equal(v.state.consecutiveFailures, 9);
    assert.equal(v.state.quarantined, false);
    await scheduler.runNow('scores');
    assert.equal((await scheduler.getJob('scores')).state.quarantined, true);
  });

  test('the limit is an option', async () => {
    const clock = new FakeClock('2024-05-01T00:00:00Z');
    const scheduler = new RefreshScheduler({
      executor: new MemoryRefreshExecutor(new MemoryAdapter(model)),
      derivations: { scores: async () => Promise.reject(new Error('no')) },
      clock,
      quarantineAfter: 2,
    });
    await scheduler.createJob(job());
    await scheduler.runNow('scores');
    assert.equal((await scheduler.getJob('scores')).state.quarantined, false);
    await scheduler.runNow('scores');
    assert.equal((await scheduler.getJob('scores')).state.quarantined, true);
  });
});

describe('events and history', () => {
  test('event order and details for a success and a failure', async () => {
    const { clock, scheduler, steered, events, types } = setup();
    await scheduler.createJob(job());
    await scheduler.runNow('scores');
    await clock.advanceBy(60_000);
    steered.mode = 'fail';
    await scheduler.runNow('scores');
    assert.deepEqual(types(), ['start', 'success', 'table-updated', 'start', 'failure']);
    assert.deepEqual(
      events.map((e) => e.runId),
      ['run-1', 'run-1', 'run-1', 'run-2', 'run-2'],
    );
    const updated = events[2]!.detail as { tables: string[]; run: { rowsWritten: number }; state: { lastStatus: string } };
    assert.deepEqual(updated.tables, ['scores']);
    assert.equal(updated.run.rowsWritten, 1);
    assert.equal(updated.state.lastStatus, 'success');
    const start = events[3]!.detail as { run: Record<string, unknown> };
    assert.deepEqual(start.run, { runId: 'run-2', jobId: 'scores', trigger: 'manual', scheduledFor: null, start: '2024-05-01T10:31:00.000Z' });
    const failure = events[4]!.detail as { run: { error: string }; state: { consecutiveFailures: number } };
    assert.match(failure.run.error, /scoring failed \(call 2\)/);
    assert.equal(failure.state.consecutiveFailures, 1);
  });

  test('run history fields and the checkpoint log of a success and a failure', async () => {
    const { clock, scheduler, steered } = setup();
    await scheduler.createJob(job());
    steered.hold();
    const p = scheduler.runNow('scores');
    await clock.advanceBy(2_500);
    steered.release();
    const ok = await p;
    assert.deepEqual(ok, {
      runId: 'run-1',
      jobId: 'scores',
      trigger: 'manual',
      scheduledFor: null,
      start: '2024-05-01T10:30:00.000Z',
      end: '2024-05-01T10:30:02.500Z',
      rowsProcessed: 5,
      rowsWritten: 1,
      status: 'success',
    });
    steered.mode = 'fail';
    const bad = await scheduler.runNow('scores');
    assert.equal(bad.status, 'failed');
    assert.equal(bad.rowsProcessed, 0);
    assert.equal(bad.rowsWritten, 0);
    assert.match(bad.error!, /scoring failed/);
    assert.deepEqual(await scheduler.listRuns('scores', 1), [bad]);
    assert.deepEqual(
      (await scheduler.listCheckpoints('scores')).map((c) => [c.status, c.lastPosition, c.runId]),
      [
        ['RUNNING', null, 'run-1'],
        ['SUCCESSFUL', 5, 'run-1'],
        ['RUNNING', 5, 'run-2'],
        ['FAILED', 5, 'run-2'],
      ],
    );
    const v = await scheduler.getJob('scores');
    assert.equal(v.state.lastRunAt, '2024-05-01T10:30:02.500Z');
    assert.equal(v.state.lastStatus, 'failed');
  });

  test('a runner that replaces tables itself: the replacement is undone when it then fails', async () => {
    const adapter = new MemoryAdapter(model, { scores: [{ customer_id: 'OLD', score: 1 }] });
    let fail = false;
    const clock = new FakeClock('2024-05-01T00:00:00Z');
    const scheduler = new RefreshScheduler({
      executor: new MemoryRefreshExecutor(adapter),
      clock,
      derivations: {
        rescore: async ({ adapter: a }) => {
          const memory = a as MemoryAdapter;
          await memory.loadColumns('scores', [], { customer_id: ['A', 'B'], score: [2, 3] }, { mode: 'replace' });
          await memory.append('scores', [{ customer_id: 'C', score: 4 }]);
          if (fail) throw new Error('model did not converge');
          return { tablesWritten: ['scores'], rowsWritten: 3, rowsProcessed: 10 };
        },
      },
    });
    const tables: string[][] = [];
    scheduler.on('clv-refresh-table-updated', (e) => tables.push(e.detail.tables));
    await scheduler.createJob(job({ id: 'rescore', task: { kind: 'derivation', ref: 'rescore' } }));
    fail = true;
    assert.equal((await scheduler.runNow('rescore')).status, 'failed');
    assert.deepEqual(adapter.store.all('scores'), [{ customer_id: 'OLD', score: 1 }]);
    fail = false;
    const ok = await scheduler.runNow('rescore');
    assert.deepEqual([ok.status, ok.rowsProcessed, ok.rowsWritten], ['success', 10, 3]);
    assert.deepEqual(adapter.store.all('scores').map((r) => r.customer_id), ['A', 'B', 'C']);
    assert.deepEqual(tables, [['scores']]);
  });

  test('a malformed derivation result fails the run, naming the field', async () => {
    const scheduler = new RefreshScheduler({
      executor: new MemoryRefreshExecutor(new MemoryAdapter(model)),
      clock: new FakeClock('2024-05-01T00:00:00Z'),
      derivations: { scores: async () => ({ columns: [{ name: 'customer_id', type: 'string' }], rows: [{ customer_id: 'A', extra: 1 }] }) },
    });
    await scheduler.createJob(job());
    const run = await scheduler.runNow('scores');
    assert.equal(run.status, 'failed');
    assert.match(run.error!, /The derivation "scores" returned an invalid result: result.rows.0.extra: "extra" is not one of the columns/);
  });

  test('a run failing after part of its rows were written leaves none in the output table', async () => {
    const adapter = new MemoryAdapter(model);
    const scheduler = new RefreshScheduler({
      // One row per append, so the first row is stored before the second fails.
      executor: new MemoryRefreshExecutor(adapter, new MemoryRefreshStore(), { chunkSize: 1 }),
      clock: new FakeClock('2024-05-01T00:00:00Z'),
      derivations: {
        // The second row has a score that is not a number: the write fails after the first chunk.
        scores: async () => ({
          columns: [
            { name: 'customer_id', type: 'string' },
            { name: 'score', type: 'number' },
          ],
          rows: [
            { customer_id: 'A', score: 1 },
            { customer_id: 'B', score: 'high' },
          ],
        }),
      },
    });
    await scheduler.createJob(job());
    let partial = -1;
    const append = adapter.store.appendRows.bind(adapter.store);
    adapter.store.appendRows = (name, rows, replace) => {
      if (rows[0]?.customer_id === 'B') partial = adapter.store.all('scores').length;
      return append(name, rows, replace);
    };
    const run = await scheduler.runNow('scores');
    assert.equal(partial, 1, 'the first row was written before the failure');
    assert.equal(run.status, 'failed');
    assert.match(run.error!, /"high" is not a number/);
    assert.equal(adapter.store.all('scores').length, 0);
  });
});
