import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/refresh-schedules/define.js';
import type { ClvRefreshSchedules } from '../../components/refresh-schedules/refresh-schedules.js';
import type { DataModelInput } from '../../src/contracts/data-model.js';
import { AdapterError } from '../../src/contracts/errors.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import type { RefreshClock } from '../../src/refresh/clock.js';
import type { DerivationRunner } from '../../src/refresh/derivations.js';
import type { RefreshEventMap } from '../../src/refresh/events.js';
import type { RefreshJobInput, RefreshJobRecord } from '../../src/refresh/job-schema.js';
import { MemoryRefreshExecutor } from '../../src/refresh/memory-executor.js';
import { MemoryRefreshStore } from '../../src/refresh/memory-store.js';
import { RefreshScheduler } from '../../src/refresh/scheduler.js';
import { customers, transactions } from './support/adapters.js';

// The CLV model plus the derived tables the jobs write to.
const transactionsTable = clvDataModel.tables.find((t) => t.name === 'transactions')!;
const model: DataModelInput = {
  ...clvDataModel,
  tables: [
    ...clvDataModel.tables,
    { ...transactionsTable, name: 'transactions_clean', label: 'Transactions (deduplicated)', kind: 'derived' },
    {
      name: 'customer_scores',
      label: 'Customer scores',
      kind: 'derived',
      columns: [
        { name: 'customer_id', label: 'Customer', type: 'string', role: 'identity' },
        { name: 'score', label: 'Score', type: 'number', role: 'measure' },
      ],
    },
  ],
};

/** Wednesday 2024-05-01 10:30 UTC; time stands still (the scheduler is not started, so no timer fires). */
const NOW = '2024-05-01T10:30:00.000Z';
const fixedClock = (iso = NOW): RefreshClock => ({ now: () => Date.parse(iso), setTimer: () => 0, clearTimer: () => undefined });

/** A derivation the test steers: it can wait for a gate, and fail. */
class Steered {
  fail = false;
  #gate?: { promise: Promise<void>; open: () => void };

  hold(): void {
    let open!: () => void;
    this.#gate = { promise: new Promise<void>((resolve) => (open = resolve)), open };
  }

  release(): void {
    this.#gate?.open();
    this.#gate = undefined;
  }

  readonly runner: DerivationRunner = async () => {
    if (this.#gate) await this.#gate.promise;
    if (this.fail) throw new Error('The scoring model is not fitted yet.');
    return {
      columns: [
        { name: 'customer_id', type: 'string' },
        { name: 'score', type: 'number' },
      ],
      rows: customers.map((c, i) => ({ customer_id: c.customer_id, score: i + 1 })),
    };
  };
}

function setup(options: { store?: MemoryRefreshStore; quarantineAfter?: number; clock?: RefreshClock } = {}) {
  const adapter = new MemoryAdapter(model, { customers, transactions });
  const store = options.store ?? new MemoryRefreshStore();
  const steered = new Steered();
  let n = 0;
  const scheduler = new RefreshScheduler({
    executor: new MemoryRefreshExecutor(adapter, store),
    derivations: { scores: steered.runner },
    clock: options.clock ?? fixedClock(),
    quarantineAfter: options.quarantineAfter,
    newRunId: () => `run-${++n}`,
  });
  return { adapter, store, steered, scheduler };
}

const cleanJob = (over: Partial<RefreshJobInput> = {}): RefreshJobInput => ({
  id: 'transactions-clean',
  name: 'Deduplicated transactions',
  task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
  output: { table: 'transactions_clean', mode: 'create-append' },
  schedule: { kind: 'weekly', days: ['thu', 'mon'], at: '06:00' },
  ...over,
});

const scoresJob = (over: Partial<RefreshJobInput> = {}): RefreshJobInput => ({
  id: 'scores',
  name: 'Customer scores',
  task: { kind: 'derivation', ref: 'scores' },
  output: { table: 'customer_scores', mode: 'append' },
  schedule: { kind: 'cron', expression: '*/30 8-18 * * 1-5' },
  ...over,
});

async function render(scheduler: RefreshScheduler): Promise<ClvRefreshSchedules> {
  const el = await fixture<ClvRefreshSchedules>(html`<clv-refresh-schedules .scheduler=${scheduler}></clv-refresh-schedules>`);
  await el.loaded;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: ClvRefreshSchedules, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: ClvRefreshSchedules, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (el: ClvRefreshSchedules, jobId: string) => $(el, `tr[data-job="${jobId}"]`);
const cells = (tr: Element) => [...tr.children].map((c) => text(c));

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(selector: string, max = 40): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const active = deepActive();
    if (active?.matches(selector)) return active as HTMLElement;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** Replaces the focused text field's value by typing. */
async function retype(value: string): Promise<void> {
  await sendKeys({ press: 'Control+a' });
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function openCreateForm(el: ClvRefreshSchedules): Promise<HTMLFormElement> {
  el.openCreate();
  await el.updateComplete;
  return $<HTMLFormElement>(el, 'form.form');
}

/** Sets a form control as a user would, with input and change events. */
async function setControl(el: ClvRefreshSchedules, field: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `[data-field="${field}"]`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<clv-refresh-schedules>', () => {
  it('lists the jobs: task, output, schedule in words, next and last run, state badges (data)', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(cleanJob());
    await scheduler.createJob(scoresJob({ enabled: false }));
    await scheduler.createJob(scoresJob({ id: 'scores-hourly', name: 'Hourly scores', schedule: { kind: 'hourly', everyHours: 6, minute: 15 } }));
    await scheduler.runNow('transactions-clean');
    const el = await render(scheduler);

    expect(el.state).to.equal('data');
    expect(text($(el, '[part=header] p'))).to.equal('3 schedules · 2 enabled');
    expect(cells(row(el, 'transactions-clean'))).to.deep.equal([
      'Deduplicated transactions Append new rows of transactions (by ts, once per transaction_id) → transactions_clean (create, then append)',
      'Weekly on Mon, Thu at 06:00 UTC',
      'Thu May 2, 2024 06:00 UTC',
      '✓Succeeded Wed May 1, 2024 10:30 UTC',
      'Enabled',
      'Edit Disable Run now Delete Runs Disable the schedule before deleting it: a job that can still run is not deleted.',
    ]);
    expect(row(el, 'transactions-clean').querySelector('time')!.getAttribute('datetime')).to.equal('2024-05-02T06:00:00.000Z');
    const scores = cells(row(el, 'scores'));
    expect(scores[0]).to.equal('Customer scores Derivation “scores” → customer_scores (append to an existing table)');
    expect(scores.slice(1, 5)).to.deep.equal(['Cron */30 8-18 * * 1-5 (UTC)', 'Not scheduled (disabled)', 'Never run', 'Disabled']);
    expect(cells(row(el, 'scores-hourly'))[1]).to.equal('Every 6 hours at 00:15, 06:15, 12:15 and 18:15 UTC');
    // The job name heads its row.
    expect(row(el, 'scores').querySelector('th[scope=row]')).to.exist;
    // The run history lists the run with the executor's counts.
    expect($$(el, '[part=runs-table] tbody tr').map((tr) => tr.dataset.run)).to.deep.equal(['run-1']);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state while the store lists the jobs', async () => {
    class PendingStore extends MemoryRefreshStore {
      override listJobs(): Promise<RefreshJobRecord[]> {
        return new Promise(() => undefined);
      }
    }
    const { scheduler } = setup({ store: new PendingStore() });
    const el = await fixture<ClvRefreshSchedules>(html`<clv-refresh-schedules .scheduler=${scheduler}></clv-refresh-schedules>`);
    expect(el.state).to.equal('loading');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part=loading]')).to.exist;
    expect(text($(el, '[part=base] > [role=status]'))).to.equal('Loading refresh schedules…');
    expect($(el, '[part~=new-button]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the empty state with how to start, and opens the form from it', async () => {
    const { scheduler } = setup();
    const el = await render(scheduler);
    expect(el.state).to.equal('empty');
    const empty = $(el, '[part=empty]');
    expect(text(empty.querySelector('.empty__title'))).to.equal('No refresh schedules yet');
    expect(empty.querySelectorAll('ol li').length).to.equal(3);
    expect($(el, '[part=runs]')).to.not.exist;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=empty] [part~=new-button]').click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog.editor').open).to.equal(true);
  });

  it('shows a store failure with Retry, which lists the jobs again (error)', async () => {
    class FlakyStore extends MemoryRefreshStore {
      failures = 1;
      override listJobs(): Promise<RefreshJobRecord[]> {
        if (this.failures-- > 0) return Promise.reject(new AdapterError('backend', 'The refresh store is offline.'));
        return super.listJobs();
      }
    }
    const store = new FlakyStore();
    const { scheduler } = setup({ store });
    store.failures = 0;
    await scheduler.createJob(cleanJob());
    // A fresh scheduler over the same store, so that its first listing fails.
    store.failures = 1;
    const { scheduler: fresh } = setup({ store });
    const el = await render(fresh);
    expect(el.state).to.equal('error');
    const error = $(el, '[part=error]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(el.shadowRoot!.querySelector('[part=error-message]'))).to.equal('The refresh store is offline.');
    expect(text(error)).to.contain('Code: backend');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await waitUntil(() => el.state === 'data', 'Retry did not list the jobs');
    await el.updateComplete;
    expect(row(el, 'transactions-clean')).to.exist;
    expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
  });

  it('creates a daily job entirely with the keyboard', async () => {
    const { scheduler } = setup();
    const el = await render(scheduler);
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo('[part~=new-button]');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog.editor').open).to.equal(true);
    // Focus starts in the first field.
    expect(deepActive()?.getAttribute('data-field')).to.equal('name');
    await sendKeys({ type: 'Nightly clean' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[data-field=id]').value).to.equal('nightly-clean');

    await tabTo('[data-field="task.source"]');
    await sendKeys({ type: 'transactions' });
    await tabTo('[data-field="task.positionColumn"]');
    await sendKeys({ type: 'ts' });
    await tabTo('[data-field="task.eventIdColumn"]');
    await sendKeys({ type: 'transaction_id' });
    await tabTo('[data-field="output.table"]');
    await sendKeys({ type: 'transactions_clean' });
    await tabTo('[data-field="schedule.kind"]');
    expect((deepActive() as HTMLSelectElement).value).to.equal('daily');
    await tabTo('[data-field="schedule.at"]');
    await retype('06:30');
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => el.jobs.some((v) => v.job.id === 'nightly-clean'), 'the job was not created');
    await el.updateComplete;
    const view = await scheduler.getJob('nightly-clean');
    expect(view.job).to.deep.equal({
      id: 'nightly-clean',
      name: 'Nightly clean',
      task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
      output: { table: 'transactions_clean', mode: 'create-append' },
      schedule: { kind: 'daily', at: '06:30' },
      enabled: true,
    });
    expect(view.nextRunAt).to.equal('2024-05-02T06:30:00.000Z');
    expect($<HTMLDialogElement>(el, 'dialog.editor').open).to.equal(false);
    expect(cells(row(el, 'nightly-clean'))[1]).to.equal('Daily at 06:30 UTC');
    // Focus is back on "New schedule" (the empty state's button is gone, the header's stands in).
    expect(deepActive()?.getAttribute('part')).to.equal('new-button');
    expect(text($(el, '[part=base] > [role=status]'))).to.equal('Created “Nightly clean”.');
  });

  it('refuses to delete an enabled job and says why', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(cleanJob());
    const el = await render(scheduler);
    const del = $<HTMLButtonElement>(el, '[data-action=delete]');
    expect(del.getAttribute('aria-disabled')).to.equal('true');
    const reason = el.shadowRoot!.getElementById(del.getAttribute('aria-describedby')!)!;
    expect(text(reason)).to.equal('Disable the schedule before deleting it: a job that can still run is not deleted.');
    del.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog.confirm').open).to.equal(false);
    expect(text(row(el, 'transactions-clean').querySelector('.action-note'))).to.equal(
      'Disable the schedule before deleting it: a job that can still run is not deleted.',
    );
    expect((await scheduler.listJobs()).map((v) => v.job.id)).to.deep.equal(['transactions-clean']);
    await expect(el).to.be.accessible();
  });

  it('disables a job, then deletes it after confirmation', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(cleanJob());
    await scheduler.createJob(scoresJob());
    const el = await render(scheduler);

    const toggle = row(el, 'transactions-clean').querySelector<HTMLButtonElement>('[data-action=disable]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.jobs.find((v) => v.job.id === 'transactions-clean')?.job.enabled === false, 'not disabled');
    await el.updateComplete;
    expect((await scheduler.getJob('transactions-clean')).job.enabled).to.equal(false);
    expect(text(row(el, 'transactions-clean').querySelector('[part=badge]'))).to.equal('Disabled');
    // The same button now enables, and keeps the focus.
    expect(deepActive()).to.equal(toggle);
    expect(toggle.dataset.action).to.equal('enable');

    const del = row(el, 'transactions-clean').querySelector<HTMLButtonElement>('[data-action=delete]')!;
    expect(del.getAttribute('aria-disabled')).to.equal('false');
    del.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.confirm');
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h3'))).to.equal('Delete “Deduplicated transactions”?');
    // The safe choice has the focus.
    expect(deepActive()?.getAttribute('data-action')).to.equal('cancel-delete');
    await expect(el).to.be.accessible();

    // Escape keeps the job and gives the focus back to Delete.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open && !el._confirm, 'Escape did not close the dialog');
    expect(deepActive()).to.equal(del);
    expect((await scheduler.listJobs()).length).to.equal(2);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    await tabTo('[data-action=confirm-delete]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.jobs.some((v) => v.job.id === 'transactions-clean'), 'not deleted');
    await el.updateComplete;
    expect((await scheduler.listJobs()).map((v) => v.job.id)).to.deep.equal(['scores']);
    expect(dialog.open).to.equal(false);
    expect(row(el, 'transactions-clean')).to.not.exist;
    expect(text($(el, '[part=base] > [role=status]'))).to.equal('Deleted “Deduplicated transactions”.');
    expect(deepActive()?.getAttribute('part')).to.equal('new-button');
  });

  it('runs a job now: the run history shows the success with the rows the executor processed', async () => {
    const { scheduler, adapter } = setup();
    await scheduler.createJob(cleanJob());
    const wrapper = await fixture<HTMLDivElement>(html`<div><clv-refresh-schedules .scheduler=${scheduler}></clv-refresh-schedules></div>`);
    const el = wrapper.querySelector('clv-refresh-schedules')!;
    await el.loaded;
    await el.updateComplete;
    expect(text($(el, '.runs__empty'))).to.contain('No runs yet.');

    // The scheduler's events reach the page as composed DOM events.
    const success = oneEvent(wrapper, 'clv-refresh-success');
    const updated = oneEvent(wrapper, 'clv-refresh-table-updated');
    $<HTMLButtonElement>(el, '[data-action=run]').click();
    const detail = ((await success) as CustomEvent<RefreshEventMap['clv-refresh-success']>).detail;
    expect(((await updated) as CustomEvent<RefreshEventMap['clv-refresh-table-updated']>).detail.tables).to.deep.equal(['transactions_clean']);
    await waitUntil(() => el.runs.some((r) => r.status === 'success'), 'the run did not show up');
    await el.updateComplete;

    const [run] = await scheduler.listRuns('transactions-clean');
    expect(run.status).to.equal('success');
    expect(run.rowsProcessed).to.equal(transactions.length);
    expect(detail.run.runId).to.equal(run.runId);
    expect(adapter.store.all('transactions_clean').length).to.equal(run.rowsWritten);

    const tr = $(el, `[part=runs-table] tr[data-run="${run.runId}"]`);
    expect(tr.dataset.status).to.equal('success');
    expect(text(tr.querySelector('[data-column=rows-processed]'))).to.equal(String(run.rowsProcessed));
    expect(text(tr.querySelector('[data-column=rows-written]'))).to.equal(String(run.rowsWritten));
    expect(cells(tr)).to.deep.equal([
      'run-1Manual',
      'Deduplicated transactions',
      '2024-05-01 10:30:00',
      // The end leaves out the date when it is the start's.
      '10:30:00',
      '6',
      '6',
      '✓Succeeded',
      '',
    ]);
    expect([...tr.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal([run.start, run.end]);
    expect(text(row(el, 'transactions-clean').children[3])).to.contain('Succeeded');
    expect(text($(el, '[part=base] > [role=status]'))).to.equal('“Deduplicated transactions” ran: 6 rows processed, 6 written.');
    await expect(el).to.be.accessible();
  });

  it('filters the run history by job', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(cleanJob());
    await scheduler.createJob(scoresJob());
    await scheduler.runNow('transactions-clean');
    await scheduler.runNow('scores');
    await scheduler.runNow('scores');
    const el = await render(scheduler);
    expect($$(el, '[part=runs-table] tbody tr').length).to.equal(3);
    const filter = $<HTMLSelectElement>(el, '[part=runs-filter]');
    filter.value = 'scores';
    filter.dispatchEvent(new Event('change'));
    await waitUntil(() => el.runs.length === 2, 'not filtered');
    await el.updateComplete;
    expect($$(el, '[part=runs-table] tbody tr').map((tr) => tr.dataset.run)).to.deep.equal(['run-3', 'run-2']);
    expect(text($(el, '#runs-heading'))).to.equal('Run history: Customer scores');
    // The job column goes when one job is shown.
    expect($$(el, '[part=runs-table] thead th').map((th) => text(th))).to.not.include('Job');
    // A row's "Runs" button filters too.
    row(el, 'transactions-clean').querySelector<HTMLButtonElement>('[data-action=runs]')!.click();
    await waitUntil(() => el.runs.length === 1, 'not filtered by the row button');
    await el.updateComplete;
    expect(filter.value).to.equal('transactions-clean');
  });

  it('shows a run in progress, then its outcome, and warns when a job is quarantined (live updates)', async () => {
    const { scheduler, steered } = setup({ quarantineAfter: 2 });
    await scheduler.createJob(scoresJob());
    const el = await render(scheduler);

    steered.hold();
    const started = oneEvent(el, 'clv-refresh-start');
    const running = scheduler.runNow('scores');
    await started;
    await el.updateComplete;
    expect(text(row(el, 'scores').querySelector('.badge--running'))).to.equal('Running');
    expect(row(el, 'scores').querySelector('[data-action=run]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part=runs-table] tr[data-status=running]')).to.exist;
    expect(text($(el, '[part=header] p'))).to.contain('1 running');
    steered.release();
    await running;
    await waitUntil(() => !el.jobs[0].running && el.runs.length === 1, 'the run did not end');
    await el.updateComplete;
    expect(row(el, 'scores').querySelector('.badge--running')).to.not.exist;

    steered.fail = true;
    await scheduler.runNow('scores');
    const quarantined = oneEvent(el, 'clv-refresh-quarantine');
    await scheduler.runNow('scores');
    await quarantined;
    await waitUntil(() => el.runs.length === 3, 'the runs were not listed');
    await el.updateComplete;
    expect(text(row(el, 'scores').querySelector('[part=badge]'))).to.equal('Quarantined');
    const warning = $(el, '[part=notice][data-job=scores]');
    expect(text(warning)).to.contain('“Customer scores” is quarantined.');
    expect(text(warning)).to.contain('2 runs failed in a row');
    expect(text(warning)).to.contain('Last error: The scoring model is not fitted yet.');
    expect(text($(el, '[part=base] > [role=alert]'))).to.equal('“Customer scores” was quarantined after 2 failed runs in a row and is now disabled.');
    const failed = $$(el, '[part=runs-table] tr[data-status=failed]');
    expect(failed.length).to.equal(2);
    expect(text(failed[0].lastElementChild)).to.equal('The scoring model is not fitted yet.');
    await expect(el).to.be.accessible();
  });

  it('checks the cron expression as it is typed, naming the field', async () => {
    const { scheduler } = setup();
    const el = await render(scheduler);
    await openCreateForm(el);
    const kind = $<HTMLSelectElement>(el, '[data-field="schedule.kind"]');
    kind.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(kind.value).to.equal('cron');
    const input = $<HTMLInputElement>(el, '[data-field="schedule.expression"]');
    input.focus();
    await sendKeys({ type: '0 25 * * *' });
    await el.updateComplete;

    const error = $(el, '#field-schedule-expression-error');
    expect(text(error)).to.equal('Cron expression: not a valid cron expression: Invalid value for hour: 25');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
    // Only the field that was typed in shows a problem so far.
    expect($$(el, '[part=field-error]').length).to.equal(1);
    expect(text($(el, '[part=preview]'))).to.contain('Complete the schedule to see its next runs.');
    await expect(el).to.be.accessible();

    await retype('0 6 * * 1-5');
    await el.updateComplete;
    expect($(el, '#field-schedule-expression-error')).to.not.exist;
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    expect($$(el, '[part=preview] li').length).to.equal(5);
  });

  it('previews the next 5 runs in UTC on the scheduler clock', async () => {
    const { scheduler } = setup();
    const el = await render(scheduler);
    await openCreateForm(el);
    const times = () => $$(el, '[part=preview] li time').map((t) => t.getAttribute('datetime'));
    // The default: daily at 02:00.
    expect(times()).to.deep.equal(['2024-05-02T02:00:00.000Z', '2024-05-03T02:00:00.000Z', '2024-05-04T02:00:00.000Z', '2024-05-05T02:00:00.000Z', '2024-05-06T02:00:00.000Z']);
    await setControl(el, 'schedule.kind', 'weekly');
    $<HTMLInputElement>(el, '[data-field="schedule.days"][value=thu]').click();
    await el.updateComplete;
    await setControl(el, 'schedule.at', '06:00');
    expect(times()).to.deep.equal(['2024-05-02T06:00:00.000Z', '2024-05-06T06:00:00.000Z', '2024-05-09T06:00:00.000Z', '2024-05-13T06:00:00.000Z', '2024-05-16T06:00:00.000Z']);
    expect($$(el, '[part=preview] li').map((li) => text(li))).to.deep.equal([
      'Thu May 2, 2024 06:00 UTC',
      'Mon May 6, 2024 06:00 UTC',
      'Thu May 9, 2024 06:00 UTC',
      'Mon May 13, 2024 06:00 UTC',
      'Thu May 16, 2024 06:00 UTC',
    ]);
    expect(text($(el, '.preview__words'))).to.equal('Weekly on Mon, Thu at 06:00 UTC');
    // An end date cuts the preview short.
    await setControl(el, 'schedule.end', '2024-05-09');
    expect(times()).to.deep.equal(['2024-05-02T06:00:00.000Z', '2024-05-06T06:00:00.000Z', '2024-05-09T06:00:00.000Z']);
  });

  it('shows schema and scheduler problems next to the fields they name', async () => {
    const { scheduler } = setup();
    const el = await render(scheduler);
    const form = await openCreateForm(el);
    await setControl(el, 'schedule.at', '25:00');
    form.requestSubmit();
    await el.updateComplete;
    const errors = () => new Map($$(el, '[part=field-error]').map((e) => [e.id, text(e)]));
    expect(errors()).to.deep.equal(
      new Map([
        ['field-name-error', 'Name: is required'],
        ['field-id-error', 'ID: is required'],
        ['field-task-source-error', 'Source table: is required'],
        ['field-task-positionColumn-error', 'Position column: is required'],
        ['field-task-eventIdColumn-error', 'Event id column: is required'],
        ['field-output-table-error', 'Output table: is required'],
        ['field-schedule-at-error', 'Time: must be HH:MM in UTC (00:00 to 23:59)'],
      ]),
    );
    // Focus goes to the first field with a problem.
    expect(deepActive()?.getAttribute('data-field')).to.equal('name');
    expect((await scheduler.listJobs()).length).to.equal(0);

    // A problem only the executor knows: the output table is not in the model.
    await setControl(el, 'name', 'Clean');
    await setControl(el, 'task.source', 'transactions');
    await setControl(el, 'task.positionColumn', 'ts');
    await setControl(el, 'task.eventIdColumn', 'transaction_id');
    await setControl(el, 'output.table', 'nowhere');
    await setControl(el, 'schedule.at', '23:00');
    form.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#field-output-table-error'), 'no error from the scheduler');
    expect(errors()).to.deep.equal(new Map([['field-output-table-error', 'There is no table "nowhere" in the model "clv".']]));
    expect(deepActive()?.getAttribute('data-field')).to.equal('output.table');
    await expect(el).to.be.accessible();
  });

  it('edits a job: the form starts from its values and saves a new schedule', async () => {
    const { scheduler } = setup();
    await scheduler.createJob(scoresJob({ description: 'Nightly scoring' }));
    const el = await render(scheduler);
    const edit = row(el, 'scores').querySelector<HTMLButtonElement>('[data-action=edit]')!;
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '#editor-title'))).to.equal('Edit “Customer scores”');
    expect($<HTMLInputElement>(el, '[data-field=id]').readOnly).to.equal(true);
    expect($<HTMLSelectElement>(el, '[data-field="task.ref"]').value).to.equal('scores');
    expect($<HTMLInputElement>(el, '[data-field="schedule.expression"]').value).to.equal('*/30 8-18 * * 1-5');
    await setControl(el, 'schedule.kind', 'monthly');
    await setControl(el, 'schedule.dayOfMonth', 'last');
    await setControl(el, 'schedule.at', '23:00');
    await setControl(el, 'description', '');
    $<HTMLFormElement>(el, 'form.form').requestSubmit();
    await waitUntil(() => el.jobs[0].job.schedule.kind === 'monthly', 'not saved');
    await el.updateComplete;
    const { job } = await scheduler.getJob('scores');
    expect(job.schedule).to.deep.equal({ kind: 'monthly', dayOfMonth: 'last', at: '23:00' });
    expect(job.description).to.equal(undefined);
    expect(job.enabled).to.equal(true);
    expect(cells(row(el, 'scores'))[1]).to.equal('Monthly on the last day at 23:00 UTC');
    expect(deepActive()).to.equal(edit);
  });
});
