import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/refresh-schedules/define.js';
import type { ClvRefreshSchedules } from '../components/refresh-schedules/refresh-schedules.js';
import type { DataModelInput } from '../src/contracts/data-model.js';
import { AdapterError } from '../src/contracts/errors.js';
import type { ScalarValue } from '../src/contracts/result.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { clvDataModel } from '../src/model/clv-model.js';
import type { RefreshClock } from '../src/refresh/clock.js';
import type { DerivationRegistry, DerivationRunner } from '../src/refresh/derivations.js';
import type { RefreshJobInput, RefreshJobRecord } from '../src/refresh/job-schema.js';
import { MemoryRefreshExecutor } from '../src/refresh/memory-executor.js';
import { MemoryRefreshStore } from '../src/refresh/memory-store.js';
import { RefreshScheduler } from '../src/refresh/scheduler.js';
import { generateClvData } from '../src/synthetic/index.js';

// Every story runs a real RefreshScheduler over the in-memory engine: a small synthetic CLV dataset
// (1,000 customers, 2024), derived tables for the jobs to write, and a clock that the story moves
// by hand, so scheduled runs happen (instantly) and the page shows a fixed "now".

const transactionsTable = clvDataModel.tables.find((t) => t.name === 'transactions')!;
const valueColumns = [
  { name: 'customer_id', label: 'Customer', type: 'string', role: 'identity' },
  { name: 'revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
  { name: 'orders', label: 'Orders', type: 'integer', role: 'measure' },
  { name: 'as_of', label: 'As of', type: 'timestamp', role: 'time' },
] as const;

const model: DataModelInput = {
  ...clvDataModel,
  tables: [
    ...clvDataModel.tables,
    { ...transactionsTable, name: 'transactions_clean', label: 'Transactions (deduplicated)', kind: 'derived' },
    { name: 'customer_value', label: 'Customer value', kind: 'derived', columns: [...valueColumns] },
    { name: 'customer_value_yearly', label: 'Customer value at year end', kind: 'derived', columns: [...valueColumns] },
    {
      name: 'channel_revenue',
      label: 'Revenue by channel',
      kind: 'derived',
      columns: [
        { name: 'channel', label: 'Channel', type: 'string', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
        { name: 'orders', label: 'Orders', type: 'integer', role: 'measure' },
        { name: 'as_of', label: 'As of', type: 'timestamp', role: 'time' },
      ],
    },
    {
      name: 'customer_deciles',
      label: 'Customer value deciles',
      kind: 'derived',
      columns: [
        { name: 'decile', label: 'Decile', type: 'integer', role: 'dimension' },
        { name: 'customers', label: 'Customers', type: 'integer', role: 'measure' },
        { name: 'revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
      ],
    },
    {
      name: 'churn_scores',
      label: 'Churn scores',
      kind: 'derived',
      columns: [
        { name: 'customer_id', label: 'Customer', type: 'string', role: 'identity' },
        { name: 'p_alive', label: 'Probability alive', type: 'number', role: 'measure' },
      ],
    },
  ],
};

type Row = Record<string, ScalarValue>;

let dataset: { customers: Row[]; transactions: Row[]; dates: ReturnType<typeof generateClvData>['dates'] } | undefined;

/** The synthetic data as rows, transactions in time order (generated once per page). */
function clvData() {
  if (!dataset) {
    const data = generateClvData({ seed: 7, customers: 1_000, start: '2024-01-01', end: '2024-12-31' });
    const rows = (columns: Record<string, ArrayLike<unknown>>): Row[] => {
      const names = Object.keys(columns);
      const n = columns[names[0]].length;
      return Array.from({ length: n }, (_, i) => Object.fromEntries(names.map((c) => [c, columns[c][i] as ScalarValue])));
    };
    const transactions = rows(data.transactions)
      .map((r) => ({ ...r, ts: new Date(r.ts as number).toISOString() }))
      .sort((a, b) => String(a.ts).localeCompare(String(b.ts)));
    dataset = { customers: rows(data.customers), transactions, dates: data.dates };
  }
  return dataset;
}

/** Time for the stories: it stands still until `advanceTo`, which fires the timers due on the way. */
class StoryClock implements RefreshClock {
  #ms: number;
  #seq = 0;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: string) {
    this.#ms = Date.parse(start);
  }

  now(): number {
    return this.#ms;
  }

  setTimer(callback: () => void, delayMs: number): unknown {
    const id = ++this.#seq;
    this.#timers.set(id, { at: this.#ms + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Moves time on by `ms` (a run that takes a while). */
  tick(ms: number): void {
    this.#ms += ms;
  }

  /** Moves to `iso`, firing each due timer at its time and waiting for the runs it starts; `before(at)` runs first. */
  async advanceTo(iso: string, scheduler: RefreshScheduler, before?: (at: number) => void): Promise<void> {
    const end = Date.parse(iso);
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.#ms = Math.max(this.#ms, next[1].at);
      before?.(this.#ms);
      next[1].callback();
      await scheduler.idle();
    }
    this.#ms = Math.max(this.#ms, end);
  }
}

/** Runners that read through the run's adapter and take a few (story) seconds. */
function derivations(clock: StoryClock, failing: Record<string, (now: string) => string | undefined> = {}): DerivationRegistry {
  const fails = (ref: string, now: string) => {
    const message = failing[ref]?.(now);
    if (message) throw new AdapterError('backend', message);
  };
  const customerValue: DerivationRunner = async ({ adapter, now }) => {
    clock.tick(4_200);
    fails('customer-value', now);
    const result = await adapter.query({ measures: ['transactions.revenue', 'transactions.count'], dimensions: ['transactions.customer_id'] });
    return {
      columns: valueColumns.map((c) => ({ name: c.name, type: c.type })),
      rows: result.rows.map((r) => ({ customer_id: r['transactions.customer_id'], revenue: r['transactions.revenue'], orders: r['transactions.count'], as_of: now })),
      rowsProcessed: result.rows.reduce((n, r) => n + Number(r['transactions.count']), 0),
    };
  };
  const channelRevenue: DerivationRunner = async ({ adapter, now }) => {
    clock.tick(1_300);
    fails('channel-revenue', now);
    const result = await adapter.query({ measures: ['transactions.revenue', 'transactions.count'], dimensions: ['transactions.channel'] });
    return {
      columns: [
        { name: 'channel', type: 'string' },
        { name: 'revenue', type: 'number' },
        { name: 'orders', type: 'integer' },
        { name: 'as_of', type: 'timestamp' },
      ],
      rows: result.rows.map((r) => ({ channel: r['transactions.channel'], revenue: r['transactions.revenue'], orders: r['transactions.count'], as_of: now })),
      rowsProcessed: result.rows.reduce((n, r) => n + Number(r['transactions.count']), 0),
    };
  };
  const valueDeciles: DerivationRunner = async ({ adapter, now }) => {
    clock.tick(6_800);
    fails('value-deciles', now);
    const result = await adapter.query({ measures: ['transactions.revenue'], dimensions: ['transactions.customer_id'] });
    const values = result.rows.map((r) => Number(r['transactions.revenue'])).sort((a, b) => b - a);
    const rows = Array.from({ length: 10 }, (_, d) => {
      const slice = values.slice(Math.floor((d * values.length) / 10), Math.floor(((d + 1) * values.length) / 10));
      return { decile: d + 1, customers: slice.length, revenue: slice.reduce((s, v) => s + v, 0) };
    });
    return { columns: [{ name: 'decile', type: 'integer' }, { name: 'customers', type: 'integer' }, { name: 'revenue', type: 'number' }], rows, rowsProcessed: values.length };
  };
  const churnScores: DerivationRunner = async ({ now }) => {
    clock.tick(900);
    fails('churn-scores', now);
    return { columns: [{ name: 'customer_id', type: 'string' }, { name: 'p_alive', type: 'number' }], rows: [] };
  };
  return { 'customer-value': customerValue, 'channel-revenue': channelRevenue, 'value-deciles': valueDeciles, 'churn-scores': churnScores };
}

interface Setup {
  scheduler: RefreshScheduler;
  clock: StoryClock;
  adapter: MemoryAdapter;
}

/** A scheduler over the in-memory engine holding the transactions up to `loadedUntil`. */
function setup(options: { start: string; loadedUntil?: string; store?: MemoryRefreshStore; quarantineAfter?: number; failing?: Record<string, (now: string) => string | undefined> }): Setup {
  const data = clvData();
  const until = options.loadedUntil ?? '9999';
  const adapter = new MemoryAdapter(model, { customers: data.customers, transactions: data.transactions.filter((t) => String(t.ts) < until), dates: data.dates });
  const clock = new StoryClock(options.start);
  let n = 0;
  const scheduler = new RefreshScheduler({
    executor: new MemoryRefreshExecutor(adapter, options.store ?? new MemoryRefreshStore()),
    derivations: derivations(clock, options.failing),
    clock,
    quarantineAfter: options.quarantineAfter,
    // Short, readable run ids: r-0001, r-0002…
    newRunId: () => `r-${String(++n).padStart(4, '0')}`,
  });
  return { scheduler, clock, adapter };
}

/** Appends the transactions of [from, to) that arrived late, as an ingestion would. */
function arrive(adapter: MemoryAdapter, from: string, to: string): void {
  const rows = clvData().transactions.filter((t) => String(t.ts) >= from && String(t.ts) < to);
  if (rows.length) adapter.store.appendRows('transactions', rows);
}

/** Before each timer: the purchases made up to 12 hours earlier arrive (each once). */
function trickle(adapter: MemoryAdapter, loadedUntil: string): (at: number) => void {
  let watermark = loadedUntil;
  return (at) => {
    const upTo = new Date(at - 12 * 3_600_000).toISOString();
    if (upTo <= watermark) return;
    arrive(adapter, watermark, upTo);
    watermark = upTo;
  };
}

const cleanJob: RefreshJobInput = {
  id: 'transactions-clean',
  name: 'Deduplicated transactions',
  description: 'New purchases, once per transaction id, for the CLV models.',
  task: { kind: 'incremental-append', source: 'transactions', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
  output: { table: 'transactions_clean', mode: 'create-append' },
  schedule: { kind: 'daily', at: '02:30' },
};

/** One job of every schedule kind. */
const everyKind: RefreshJobInput[] = [
  cleanJob,
  {
    id: 'customer-value',
    name: 'Customer value',
    task: { kind: 'derivation', ref: 'customer-value' },
    output: { table: 'customer_value', mode: 'create-append' },
    schedule: { kind: 'hourly', everyHours: 6, minute: 15 },
  },
  {
    id: 'channel-revenue',
    name: 'Revenue by channel',
    task: { kind: 'derivation', ref: 'channel-revenue' },
    output: { table: 'channel_revenue', mode: 'create-append' },
    schedule: { kind: 'weekly', days: ['mon', 'thu'], at: '06:00' },
  },
  {
    id: 'value-deciles',
    name: 'Customer value deciles',
    task: { kind: 'derivation', ref: 'value-deciles' },
    output: { table: 'customer_deciles', mode: 'create-append' },
    schedule: { kind: 'monthly', dayOfMonth: 'last', at: '23:00' },
  },
  {
    id: 'year-end-snapshot',
    name: 'Year-end customer value',
    task: { kind: 'derivation', ref: 'customer-value' },
    output: { table: 'customer_value_yearly', mode: 'create-append' },
    schedule: { kind: 'yearly', month: 12, dayOfMonth: 31, at: '23:30', start: '2025-01-01' },
  },
  {
    id: 'trading-hours-channels',
    name: 'Channel mix in trading hours',
    task: { kind: 'derivation', ref: 'channel-revenue' },
    output: { table: 'channel_revenue', mode: 'append' },
    schedule: { kind: 'cron', expression: '15 8-18/2 * * 1-5', end: '2025-06-30' },
    enabled: false,
  },
];

/** Six jobs, one per schedule kind, after two days of scheduled runs. */
async function withEveryKind(): Promise<Setup> {
  const s = setup({ start: '2024-12-30T00:00:00Z', loadedUntil: '2024-12-29' });
  for (const job of everyKind) await s.scheduler.createJob(job);
  await s.scheduler.start();
  await s.clock.advanceTo('2025-01-01T09:41:00Z', s.scheduler, trickle(s.adapter, '2024-12-29'));
  return s;
}

/** A job whose model is not fitted: three failed nights quarantine it (the limit is set to 3). */
async function withQuarantine(): Promise<Setup> {
  const s = setup({
    start: '2025-01-05T00:00:00Z',
    quarantineAfter: 3,
    failing: { 'churn-scores': () => 'The BG/NBD model behind the churn scores is not fitted: fit it on the current transactions first.' },
  });
  await s.scheduler.createJob(cleanJob);
  await s.scheduler.createJob({
    id: 'churn-scores',
    name: 'Churn scores',
    description: 'Probability each customer is still active.',
    task: { kind: 'derivation', ref: 'churn-scores' },
    output: { table: 'churn_scores', mode: 'create-append' },
    schedule: { kind: 'daily', at: '04:00' },
  });
  await s.scheduler.start();
  await s.clock.advanceTo('2025-01-08T09:41:00Z', s.scheduler);
  return s;
}

/** Three nights of incremental appends as late transactions arrive, and a value job that timed out once. */
async function withRunHistory(): Promise<Setup> {
  const s = setup({
    start: '2025-01-06T00:00:00Z',
    loadedUntil: '2024-12-20',
    failing: {
      'customer-value': (now) =>
        now.startsWith('2025-01-07') ? 'Reading transactions timed out after 30 s (the warehouse was busy with the month-end load).' : undefined,
    },
  });
  await s.scheduler.createJob(cleanJob);
  await s.scheduler.createJob({
    id: 'customer-value',
    name: 'Customer value',
    task: { kind: 'derivation', ref: 'customer-value' },
    output: { table: 'customer_value', mode: 'create-append' },
    schedule: { kind: 'daily', at: '03:00' },
  });
  await s.scheduler.start();
  // Each night the previous days' purchases arrive before the 02:30 append.
  const batches: Record<string, [string, string]> = {
    '2025-01-06': ['2024-12-20', '2024-12-24'],
    '2025-01-07': ['2024-12-24', '2024-12-28'],
    '2025-01-08': ['2024-12-28', '2025-01-01'],
  };
  await s.clock.advanceTo('2025-01-08T09:41:00Z', s.scheduler, (at) => {
    const iso = new Date(at).toISOString();
    const batch = batches[iso.slice(0, 10)];
    if (batch && iso.slice(11, 16) === '02:30') arrive(s.adapter, ...batch);
  });
  return s;
}

class PendingStore extends MemoryRefreshStore {
  override listJobs(): Promise<RefreshJobRecord[]> {
    return new Promise(() => undefined);
  }
}

/** Fails the first listing (the store is unreachable), then answers: Retry works. */
class FlakyStore extends MemoryRefreshStore {
  #calls = 0;
  override listJobs(): Promise<RefreshJobRecord[]> {
    if (++this.#calls === 1)
      return Promise.reject(new AdapterError('backend', 'The refresh store did not answer: reading clv_refresh_jobs timed out after 10 s.'));
    return super.listJobs();
  }
}

type Loaded = { scheduler?: RefreshScheduler };

const element = (canvas: HTMLElement) => canvas.querySelector<ClvRefreshSchedules>('clv-refresh-schedules')!;

const meta: Meta = {
  title: 'Components/Refresh schedules',
  component: 'clv-refresh-schedules',
  render: (_args, { loaded }) => html`<div style="max-width: 72rem">
    <clv-refresh-schedules
      .scheduler=${(loaded as Loaded).scheduler}
      @clv-refresh-success=${(e: CustomEvent) => console.info('clv-refresh-success', e.detail)}
      @clv-refresh-failure=${(e: CustomEvent) => console.info('clv-refresh-failure', e.detail)}
      @clv-refresh-quarantine=${(e: CustomEvent) => console.info('clv-refresh-quarantine', e.detail)}
    ></clv-refresh-schedules>
  </div>`,
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** No jobs yet: what a schedule is for and how to start. */
export const Empty: Story = {
  loaders: [async (): Promise<Loaded> => ({ scheduler: setup({ start: '2025-01-08T09:41:00Z' }).scheduler })],
};

/** Jobs of every schedule kind (hourly, daily, weekly, monthly, yearly, cron) after two days of scheduled runs. */
export const Jobs: Story = {
  name: 'Jobs (every schedule kind)',
  loaders: [async (): Promise<Loaded> => ({ scheduler: (await withEveryKind()).scheduler })],
};

/** Three failed runs in a row (the limit here) quarantine a job: disabled and flagged. */
export const Quarantined: Story = {
  name: 'Quarantined job',
  loaders: [async (): Promise<Loaded> => ({ scheduler: (await withQuarantine()).scheduler })],
};

/** The create form with a cron expression that is not valid, checked as it is typed. */
export const CreateWithCronError: Story = {
  name: 'Create form (cron error)',
  loaders: [async (): Promise<Loaded> => ({ scheduler: (await withQuarantine()).scheduler })],
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.loaded;
    el.openCreate();
    await el.updateComplete;
    const set = async (field: string, value: string) => {
      const control = el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`)!;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      if (field !== 'schedule.expression') control.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    await set('name', 'Channel mix, business hours');
    el.shadowRoot!.querySelector<HTMLInputElement>('[data-field="task.kind"][value=derivation]')!.click();
    await el.updateComplete;
    await set('task.ref', 'channel-revenue');
    await set('output.table', 'channel_revenue');
    await set('output.mode', 'append');
    await set('schedule.kind', 'cron');
    await set('schedule.expression', '*/30 8-24 * * 1-5');
    // As if the user were still typing: the field (and its problem) in view.
    el.shadowRoot!.querySelector<HTMLInputElement>('[data-field="schedule.expression"]')!.focus();
  },
};

/** Run history: three nights of incremental appends, and a value job that failed once. */
export const RunHistory: Story = {
  name: 'Run history (with a failure)',
  loaders: [async (): Promise<Loaded> => ({ scheduler: (await withRunHistory()).scheduler })],
};

/** The store is still listing the jobs. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ scheduler: setup({ start: '2025-01-08T09:41:00Z', store: new PendingStore() }).scheduler })],
};

/** The store failed; Retry lists the jobs. */
export const Error: Story = {
  name: 'Error (store failure)',
  loaders: [
    async (): Promise<Loaded> => {
      const store = new FlakyStore();
      // The jobs are written straight to the store: the scheduler's first listing is the one that fails.
      const seed = setup({ start: '2025-01-08T09:41:00Z' });
      await seed.scheduler.createJob(cleanJob);
      const record = (await seed.scheduler.store.listJobs())[0]!;
      await store.putJob(record);
      return { scheduler: setup({ start: '2025-01-08T09:41:00Z', store }).scheduler };
    },
  ],
};
