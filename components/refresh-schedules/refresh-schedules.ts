import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { isAdapterError } from '../../src/contracts/errors.js';
import type { ActiveRun, RefreshEventMap, RefreshEventType } from '../../src/refresh/events.js';
import type { RefreshRun } from '../../src/refresh/log-schema.js';
import type { RefreshSchedule } from '../../src/refresh/schedule-schema.js';
import type { RefreshJobView, RefreshScheduler } from '../../src/refresh/scheduler.js';
import { emit } from '../shared/events.js';
import { formatNumber, plural } from '../shared/format.js';
import { toDisplayError, type DisplayError } from '../shared/query-controller.js';
import {
  checkDraft,
  DRAFT_PROPERTIES,
  draftFromJob,
  emptyDraft,
  fieldOf,
  slugify,
  visibleFields,
  type FieldErrors,
  type FieldKey,
  type FormMode,
  type JobDraft,
  type TaskKind,
} from './job-draft.js';
import { renderJobFields } from './job-form.js';
import { refreshSchedulesStyles } from './refresh-schedules.styles.js';
import { describeBounds, describeCadence, describeTask, formatInstant, OUTPUT_MODE_LABELS, quotedName, WEEKDAYS } from './schedule-text.js';
import { instant, runTime } from './time.js';

/** What the element shows: idle (no scheduler), loading, error (the store failed), empty or data. */
export type RefreshSchedulesState = 'idle' | 'loading' | 'error' | 'empty' | 'data';

/** A row of the run history: a finished run, or the one in progress. */
export type RunHistoryRow = (RefreshRun | (ActiveRun & { status: 'running' })) & { jobName: string };

/** The scheduler events the element listens to and re-dispatches from itself. */
export const REFRESH_EVENT_TYPES = [
  'clv-refresh-start',
  'clv-refresh-success',
  'clv-refresh-failure',
  'clv-refresh-quarantine',
  'clv-refresh-delay',
  'clv-refresh-table-updated',
  'clv-refresh-error',
] as const satisfies readonly RefreshEventType[];

/** How many runs the history lists (per job when filtered, newest first across jobs otherwise). */
const DEFAULT_RUN_LIMIT = 100;
const INSTANT_FORMAT = '%a %b %-d, %Y %H:%M UTC';

interface EditorState {
  mode: FormMode;
  /** The job being edited. */
  jobId?: string;
  draft: JobDraft;
  /** Fields the user has left or changed: their problems are shown. */
  touched: ReadonlySet<FieldKey>;
  /** After a save attempt every problem is shown. */
  submitted: boolean;
  saving: boolean;
  /** What the scheduler said when saving failed, filed under the field it names ('' for none). */
  serverError?: { field: FieldKey | ''; message: string };
}

interface ConfirmState {
  jobId: string;
  name: string;
  deleting: boolean;
  error?: string;
}

type JobAction = 'enable' | 'disable' | 'run' | 'delete';

/** Names of the derivations registered with the scheduler: the task form offers them. */
const registeredDerivations = (scheduler: RefreshScheduler): string[] => scheduler.derivationNames();

/** "Now" on the scheduler's clock, so the preview agrees with the scheduler about the next runs. */
const schedulerNow = (scheduler: RefreshScheduler): number => scheduler.now();

const warningIcon = svg`<path d="M12 2 1 21h22L12 2Zm1 15h-2v2h2v-2Zm0-8h-2v6h2V9Z" />`;

/**
 * @summary Lists scheduled refresh jobs and manages them: create and edit (with a schedule builder and a preview of the next runs), enable, disable, run now, delete, and browse the run history. Follows the scheduler's events live.
 * @tagname clv-refresh-schedules
 *
 * @event clv-refresh-start - A run started; detail: `{job, state, run}` (the scheduler's event, re-dispatched).
 * @event clv-refresh-success - A run succeeded; detail: `{job, state, run}`.
 * @event clv-refresh-failure - A run failed; detail: `{job, state, run}` with `run.error`.
 * @event clv-refresh-quarantine - A job was disabled after too many consecutive failures; detail: `{job, state, run}`.
 * @event clv-refresh-delay - A scheduled time came while the previous run was still going; detail: `{job, state, run, dueAt}`.
 * @event clv-refresh-table-updated - A run wrote rows: queries over these tables are stale; detail: `{job, state, run, tables}`.
 * @event clv-refresh-error - The scheduler could not record a run (its store failed); detail: `{jobId, error}`.
 *
 * @csspart base - The wrapper.
 * @csspart message - The note shown while there is no scheduler.
 * @csspart header - Heading, counts and the "New schedule" button.
 * @csspart heading - The heading.
 * @csspart new-button - "New schedule" (in the header, or in the empty state).
 * @csspart notice - A warning (a quarantined job) or an error banner above the list.
 * @csspart loading - The placeholder shown while the jobs load.
 * @csspart empty - The empty state.
 * @csspart error - The error panel shown when the store failed; it holds `error-message` and `retry-button`.
 * @csspart error-message - The error text.
 * @csspart retry-button - The Retry button.
 * @csspart jobs - The scrolling box around the jobs table.
 * @csspart jobs-table - The table of jobs.
 * @csspart row - A job's row.
 * @csspart badge - A state badge (enabled, disabled, quarantined, running).
 * @csspart actions - The action buttons of a row.
 * @csspart action - Each action button (edit, enable/disable, run now, delete, runs).
 * @csspart runs - The run history section.
 * @csspart runs-filter - The job filter of the run history.
 * @csspart runs-table - The run history table.
 * @csspart editor - The create/edit dialog.
 * @csspart form - The form inside it.
 * @csspart field - Each field of the form.
 * @csspart field-error - A problem shown under its field.
 * @csspart preview - The next runs of the schedule being edited.
 * @csspart confirm - The delete confirmation dialog.
 * @csspart confirm-button - Its "Delete" button.
 *
 * @cssprop --clv-refresh-schedules-dialog-width - Width of the create/edit dialog (default 50rem).
 * @cssprop --clv-color-accent - Primary buttons and the running state.
 * @cssprop --clv-color-border - Borders of tables, fields and dialogs.
 * @cssprop --clv-color-success - The enabled badge and successful runs.
 * @cssprop --clv-color-warning - The quarantined badge and warnings.
 * @cssprop --clv-color-danger - Failed runs, field problems and the delete button.
 * @cssprop --clv-font-family-mono - Table names, SQL and cron expressions.
 */
export class ClvRefreshSchedules extends LitElement {
  static override styles = refreshSchedulesStyles;

  static override properties = {
    scheduler: { attribute: false },
    label: {},
    runLimit: { type: Number, attribute: 'run-limit' },
    _status: { state: true },
    _jobs: { state: true },
    _loadError: { state: true },
    _runs: { state: true },
    _runsStatus: { state: true },
    _runsError: { state: true },
    _runFilter: { state: true },
    _pending: { state: true },
    _notes: { state: true },
    _lastErrors: { state: true },
    _delays: { state: true },
    _actionError: { state: true },
    _editor: { state: true },
    _confirm: { state: true },
    _announcement: { state: true },
    _alert: { state: true },
  };

  /** The scheduler whose jobs are shown and managed. The host starts it (`scheduler.start()`) for runs to happen on schedule. */
  declare scheduler: RefreshScheduler | undefined;
  /** The heading. */
  declare label: string;
  /** Runs listed in the history. */
  declare runLimit: number;
  declare _status: 'idle' | 'loading' | 'error' | 'data';
  declare _jobs: RefreshJobView[];
  declare _loadError: DisplayError | undefined;
  declare _runs: RefreshRun[];
  declare _runsStatus: 'loading' | 'error' | 'data';
  declare _runsError: DisplayError | undefined;
  /** Job id the run history is filtered by; '' for all jobs. */
  declare _runFilter: string;
  declare _pending: Readonly<Record<string, JobAction>>;
  /** Per job: why an action is unavailable, shown under its buttons once tried. */
  declare _notes: Readonly<Record<string, string>>;
  /** Per job: the error of its latest failed run, from the events. */
  declare _lastErrors: Readonly<Record<string, string>>;
  /** Per job: a scheduled time waiting for the current run to end. */
  declare _delays: Readonly<Record<string, string>>;
  declare _actionError: string | undefined;
  declare _editor: EditorState | undefined;
  declare _confirm: ConfirmState | undefined;
  declare _announcement: string;
  declare _alert: string;

  #attachedTo?: RefreshScheduler;
  #unsubscribe: Array<() => void> = [];
  #generation = 0;
  #runsGeneration = 0;
  #loading?: Promise<void>;
  #opener?: HTMLElement;
  #focusAfterUpdate?: string | (() => HTMLElement | null | undefined);

  constructor() {
    super();
    this.scheduler = undefined;
    this.label = 'Refresh schedules';
    this.runLimit = DEFAULT_RUN_LIMIT;
    this._status = 'idle';
    this._jobs = [];
    this._loadError = undefined;
    this._runs = [];
    this._runsStatus = 'data';
    this._runsError = undefined;
    this._runFilter = '';
    this._pending = {};
    this._notes = {};
    this._lastErrors = {};
    this._delays = {};
    this._actionError = undefined;
    this._editor = undefined;
    this._confirm = undefined;
    this._announcement = '';
    this._alert = '';
  }

  // ------------------------------------------------------------------ public API

  /** What the element shows now. */
  get state(): RefreshSchedulesState {
    if (!this.scheduler) return 'idle';
    if (this._status === 'data') return this._jobs.length > 0 ? 'data' : 'empty';
    return this._status;
  }

  /** The jobs as last listed (and updated by the scheduler's events). */
  get jobs(): readonly RefreshJobView[] {
    return this._jobs;
  }

  /** The run history rows shown, newest first, the runs in progress included. */
  get runs(): readonly RunHistoryRow[] {
    return this.#historyRows();
  }

  /** The error shown in the error state. */
  get error(): DisplayError | undefined {
    return this._status === 'error' ? this._loadError : undefined;
  }

  /** Resolves when the current listing has settled, whatever its outcome. */
  get loaded(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  /** Lists the jobs again (what Retry does), showing the loading state meanwhile. */
  reload(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) {
      this._status = 'idle';
      return Promise.resolve();
    }
    const generation = ++this.#generation;
    this._status = 'loading';
    this._loadError = undefined;
    const loading = (async () => {
      try {
        const jobs = await scheduler.listJobs();
        if (generation !== this.#generation) return;
        this._jobs = jobs;
        this._status = 'data';
        await this.#loadRuns();
      } catch (error) {
        if (generation !== this.#generation) return;
        this._loadError = toDisplayError(error);
        this._status = 'error';
      }
    })();
    this.#loading = loading;
    return loading;
  }

  /** Opens the form for a new job. */
  openCreate(): void {
    this.#openEditor({ mode: 'create', draft: emptyDraft(), touched: new Set(), submitted: false, saving: false });
  }

  /** Opens the form for the job with this id. */
  openEdit(jobId: string): void {
    const view = this._jobs.find((v) => v.job.id === jobId);
    if (!view) return;
    this.#openEditor({ mode: 'edit', jobId, draft: draftFromJob(view.job), touched: new Set(), submitted: false, saving: false });
  }

  /** Shows the run history of one job ('' for all jobs). */
  async showRuns(jobId: string): Promise<void> {
    this._runFilter = this._jobs.some((v) => v.job.id === jobId) ? jobId : '';
    await this.#loadRuns();
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.scheduler && this.#attachedTo !== this.scheduler) this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scheduler') && this.isConnected && this.#attachedTo !== this.scheduler) this.#attach();
    if (!Number.isInteger(this.runLimit) || this.runLimit < 1) this.runLimit = DEFAULT_RUN_LIMIT;
  }

  #attach(): void {
    this.#detach();
    const scheduler = this.scheduler;
    this._jobs = [];
    this._runs = [];
    this._runFilter = '';
    this._editor = undefined;
    this._confirm = undefined;
    if (!scheduler) {
      this._status = 'idle';
      return;
    }
    this.#attachedTo = scheduler;
    this.#unsubscribe = REFRESH_EVENT_TYPES.map((type) => scheduler.on(type, (event) => this.#onSchedulerEvent(type, event.detail)));
    void this.reload();
  }

  #detach(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.#attachedTo = undefined;
    this.#generation++;
    this.#runsGeneration++;
  }

  protected override updated(): void {
    const editor = this.renderRoot.querySelector<HTMLDialogElement>('dialog.editor');
    if (editor) {
      if (this._editor && !editor.open) {
        editor.showModal();
        this.#focusAfterUpdate ??= () => this.#control('name');
      } else if (!this._editor && editor.open) editor.close();
    }
    const confirm = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
    if (confirm) {
      if (this._confirm && !confirm.open) {
        confirm.showModal();
        this.#focusAfterUpdate ??= '[data-action=cancel-delete]';
      } else if (!this._confirm && confirm.open) confirm.close();
    }
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = undefined;
    const el = typeof target === 'string' ? this.renderRoot.querySelector<HTMLElement>(target) : target();
    el?.focus();
  }

  // ------------------------------------------------------------------ data

  async #loadRuns(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler || this._status !== 'data') return;
    if (this._runFilter && !this._jobs.some((v) => v.job.id === this._runFilter)) this._runFilter = '';
    const ids = this._runFilter ? [this._runFilter] : this._jobs.map((v) => v.job.id);
    const generation = ++this.#runsGeneration;
    if (this._runs.length === 0) this._runsStatus = 'loading';
    try {
      const lists = await Promise.all(ids.map((id) => scheduler.listRuns(id, this.runLimit)));
      if (generation !== this.#runsGeneration) return;
      this._runs = lists
        .flat()
        .sort((a, b) => (a.start === b.start ? b.end.localeCompare(a.end) : b.start.localeCompare(a.start)))
        .slice(0, this.runLimit);
      this._runsStatus = 'data';
      this._runsError = undefined;
    } catch (error) {
      if (generation !== this.#runsGeneration) return;
      this._runsError = toDisplayError(error);
      this._runsStatus = 'error';
    }
  }

  /** Lists the jobs again without the loading state (after a change made here). */
  async #refreshJobs(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    const generation = this.#generation;
    const jobs = await scheduler.listJobs();
    if (generation !== this.#generation) return;
    this._jobs = jobs;
    this._status = 'data';
    await this.#loadRuns();
  }

  /** Fetches one job's view (next run time, running state) after an event about it. */
  async #refreshJob(id: string): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    const generation = this.#generation;
    try {
      const view = await scheduler.getJob(id);
      if (generation !== this.#generation) return;
      this.#putView(view);
    } catch {
      // The job was deleted meanwhile: the next listing drops it.
    }
  }

  #putView(view: RefreshJobView): void {
    const i = this._jobs.findIndex((v) => v.job.id === view.job.id);
    this._jobs = i < 0 ? [...this._jobs, view].sort((a, b) => a.job.id.localeCompare(b.job.id)) : this._jobs.map((v, j) => (j === i ? view : v));
  }

  #patchView(id: string, patch: Partial<RefreshJobView>): boolean {
    const view = this._jobs.find((v) => v.job.id === id);
    if (!view) return false;
    this.#putView({ ...view, ...patch });
    return true;
  }

  #onSchedulerEvent(type: RefreshEventType, detail: unknown): void {
    if (this._status === 'data') this.#apply(type, detail);
    emit(this, type, detail);
  }

  /** Brings the list up to date with a scheduler event. */
  #apply(type: RefreshEventType, detail: unknown): void {
    switch (type) {
      case 'clv-refresh-start': {
        const d = detail as RefreshEventMap['clv-refresh-start'];
        if (!this.#patchView(d.job.id, { job: d.job, state: d.state, running: d.run })) void this.#refreshJobs().catch(() => undefined);
        return;
      }
      case 'clv-refresh-success':
      case 'clv-refresh-failure': {
        const d = detail as RefreshEventMap['clv-refresh-success'];
        const id = d.job.id;
        this.#patchView(id, { job: d.job, state: d.state, running: null });
        this._delays = without(this._delays, id);
        if (d.run.status === 'failed') this._lastErrors = { ...this._lastErrors, [id]: d.run.error ?? 'unknown error' };
        else this._lastErrors = without(this._lastErrors, id);
        if (d.run.trigger === 'schedule' && d.run.status === 'failed') this._announcement = `${quotedName(d.job)} failed: ${d.run.error ?? 'unknown error'}`;
        void this.#refreshJob(id);
        void this.#loadRuns();
        return;
      }
      case 'clv-refresh-quarantine': {
        const d = detail as RefreshEventMap['clv-refresh-quarantine'];
        this.#patchView(d.job.id, { job: d.job, state: d.state, running: null, nextRunAt: null });
        this._alert = `${quotedName(d.job)} was quarantined after ${plural(d.state.consecutiveFailures, 'failed run')} in a row and is now disabled.`;
        return;
      }
      case 'clv-refresh-delay': {
        const d = detail as RefreshEventMap['clv-refresh-delay'];
        this._delays = { ...this._delays, [d.job.id]: d.dueAt };
        return;
      }
      case 'clv-refresh-error': {
        const d = detail as RefreshEventMap['clv-refresh-error'];
        const name = this._jobs.find((v) => v.job.id === d.jobId)?.job.name ?? d.jobId;
        this._actionError = `A run of “${name}” could not be recorded: ${toDisplayError(d.error).message}`;
        void this.#refreshJob(d.jobId);
        return;
      }
      case 'clv-refresh-table-updated':
        return;
    }
  }

  // ------------------------------------------------------------------ job actions

  #job(id: string): RefreshJobView | undefined {
    return this._jobs.find((v) => v.job.id === id);
  }

  async #act(id: string, action: JobAction, work: (scheduler: RefreshScheduler) => Promise<string>): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler || this._pending[id]) return;
    this._pending = { ...this._pending, [id]: action };
    this._notes = without(this._notes, id);
    this._actionError = undefined;
    try {
      this._announcement = await work(scheduler);
    } catch (error) {
      const name = this.#job(id)?.job.name ?? id;
      const verb = { enable: 'enable', disable: 'disable', run: 'run', delete: 'delete' }[action];
      this._actionError = `Could not ${verb} “${name}”: ${toDisplayError(error).message}`;
    } finally {
      this._pending = without(this._pending, id);
    }
  }

  #setEnabled(id: string, enabled: boolean): Promise<void> {
    return this.#act(id, enabled ? 'enable' : 'disable', async (scheduler) => {
      const view = enabled ? await scheduler.enableJob(id) : await scheduler.disableJob(id);
      this.#putView(view);
      return enabled ? `${quotedName(view.job)} is enabled.` : `${quotedName(view.job)} is disabled: it no longer runs on its schedule.`;
    });
  }

  #runNow(id: string): Promise<void> {
    const view = this.#job(id);
    if (view?.running) {
      this._notes = { ...this._notes, [id]: `${quotedName(view.job)} is running: wait for this run to end.` };
      return Promise.resolve();
    }
    return this.#act(id, 'run', async (scheduler) => {
      const run = await scheduler.runNow(id);
      const name = this.#job(id)?.job.name ?? id;
      return run.status === 'success'
        ? `“${name}” ran: ${plural(run.rowsProcessed, 'row')} processed, ${formatNumber(run.rowsWritten, ',d')} written.`
        : `“${name}” failed: ${run.error ?? 'unknown error'}`;
    });
  }

  /** Why a job cannot be deleted now, or undefined. */
  #deleteBlocker(view: RefreshJobView): string | undefined {
    if (view.job.enabled) return 'Disable the schedule before deleting it: a job that can still run is not deleted.';
    if (view.running) return 'A run is in progress: delete the schedule when it has ended.';
    return undefined;
  }

  #requestDelete(id: string, opener: HTMLElement): void {
    const view = this.#job(id);
    if (!view) return;
    const blocker = this.#deleteBlocker(view);
    if (blocker) {
      this._notes = { ...this._notes, [id]: blocker };
      return;
    }
    this._notes = without(this._notes, id);
    this.#opener = opener;
    this._confirm = { jobId: id, name: view.job.name, deleting: false };
  }

  async #confirmDelete(): Promise<void> {
    const confirm = this._confirm;
    const scheduler = this.scheduler;
    if (!confirm || !scheduler || confirm.deleting) return;
    this._confirm = { ...confirm, deleting: true, error: undefined };
    try {
      await scheduler.deleteJob(confirm.jobId);
      this._jobs = this._jobs.filter((v) => v.job.id !== confirm.jobId);
      this._confirm = undefined;
      this._announcement = `Deleted “${confirm.name}”.`;
      // The row and its buttons are gone: focus goes to the list's heading.
      this.#opener = undefined;
      this.#focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('[part~=new-button]') ?? this.renderRoot.querySelector<HTMLElement>('#heading');
      await this.#refreshJobs().catch(() => undefined);
    } catch (error) {
      this._confirm = { ...confirm, deleting: false, error: toDisplayError(error).message };
    }
  }

  // ------------------------------------------------------------------ editor

  #openEditor(editor: EditorState): void {
    if (!this.scheduler) return;
    const active = this.shadowRoot?.activeElement;
    this.#opener = active instanceof HTMLElement ? active : undefined;
    this._actionError = undefined;
    this._editor = editor;
  }

  #closeEditor(): void {
    this._editor = undefined;
  }

  /** Focus goes back to the button that opened a dialog; if that is gone, to "New schedule" or the heading. */
  #restoreFocus = (): void => {
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    else if (opener) (this.renderRoot.querySelector<HTMLElement>('[part~=new-button]') ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  };

  #onEditorClosed = (): void => {
    this._editor = undefined;
    this.#restoreFocus();
  };

  #onConfirmClosed = (): void => {
    this._confirm = undefined;
    this.#restoreFocus();
  };

  #control(key: FieldKey): HTMLElement | null {
    const form = this.renderRoot.querySelector('form.form');
    if (!form) return null;
    return form.querySelector<HTMLElement>(`[data-field="${key}"]:checked`) ?? form.querySelector<HTMLElement>(`[data-field="${key}"]`);
  }

  #updateDraft(key: FieldKey, target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): void {
    const editor = this._editor;
    if (!editor) return;
    const draft: JobDraft = { ...editor.draft };
    const value = target.value;
    switch (key) {
      case 'name':
        draft.name = value;
        if (!draft.idEdited && editor.mode === 'create') draft.id = slugify(value);
        break;
      case 'id':
        draft.id = value;
        draft.idEdited = value.trim() !== '';
        break;
      case 'enabled':
        draft.enabled = (target as HTMLInputElement).checked;
        break;
      case 'task.kind':
        draft.taskKind = value as TaskKind;
        break;
      case 'schedule.days': {
        const day = value as JobDraft['days'][number];
        const checked = (target as HTMLInputElement).checked;
        draft.days = WEEKDAYS.map((d) => d.value).filter((d) => (d === day ? checked : draft.days.includes(d)));
        break;
      }
      default: {
        const prop = DRAFT_PROPERTIES[key];
        if (prop) (draft as unknown as Record<string, unknown>)[prop] = value;
      }
    }
    const serverError = editor.serverError && (editor.serverError.field === key || editor.serverError.field === '') ? undefined : editor.serverError;
    this._editor = { ...editor, draft, serverError };
  }

  #touch(key: FieldKey): void {
    const editor = this._editor;
    if (!editor || editor.touched.has(key)) return;
    this._editor = { ...editor, touched: new Set([...editor.touched, key]) };
  }

  #fieldOfEvent(event: Event): { key: FieldKey; target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement } | undefined {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const key = target.dataset?.field as FieldKey | undefined;
    return key ? { key, target } : undefined;
  }

  #onFormInput = (event: Event): void => {
    const field = this.#fieldOfEvent(event);
    if (!field) return;
    this.#updateDraft(field.key, field.target);
    // The cron expression is checked as it is typed.
    if (field.key === 'schedule.expression') this.#touch(field.key);
  };

  #onFormChange = (event: Event): void => {
    const field = this.#fieldOfEvent(event);
    if (!field) return;
    this.#updateDraft(field.key, field.target);
    this.#touch(field.key);
  };

  #derivations(): string[] {
    return this.scheduler ? registeredDerivations(this.scheduler) : [];
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const editor = this._editor;
    const scheduler = this.scheduler;
    if (!editor || !scheduler || editor.saving) return;
    const { job, errors } = checkDraft(editor.draft, { derivations: this.#derivations() });
    if (!job) {
      this._editor = { ...editor, submitted: true, serverError: undefined };
      const fields = visibleFields(editor.draft, editor.mode);
      const first = fields.find((f) => errors.has(f));
      this.#focusAfterUpdate = first ? () => this.#control(first) : '.form-errors';
      return;
    }
    this._editor = { ...editor, saving: true, serverError: undefined };
    try {
      let view: RefreshJobView;
      if (editor.mode === 'create') view = await scheduler.createJob(job);
      else {
        // Id and enabled state are not the form's to change; a cleared description must be sent as undefined to be removed.
        const { id: _id, enabled: _enabled, ...patch } = job;
        view = await scheduler.updateJob(editor.jobId!, { ...patch, description: patch.description });
      }
      this.#putView(view);
      this._status = 'data';
      this._announcement = editor.mode === 'create' ? `Created ${quotedName(view.job)}.` : `Saved ${quotedName(view.job)}.`;
      this.#closeEditor();
      await this.#refreshJobs().catch(() => undefined);
    } catch (error) {
      const current = this._editor;
      if (!current) return;
      const field = isAdapterError(error) ? fieldOf(error.field) : '';
      const shown = field && visibleFields(current.draft, current.mode).includes(field) ? field : '';
      this._editor = { ...current, saving: false, submitted: true, serverError: { field: shown, message: toDisplayError(error).message } };
      this.#focusAfterUpdate = shown ? () => this.#control(shown) : '.form-errors';
    }
  };

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const state = this.state;
    return html`<section part="base" class="base" aria-labelledby="heading" aria-busy=${state === 'loading' ? 'true' : 'false'}>
      ${this.#renderHeader(state)} ${this.#renderNotices(state)} ${this.#renderState(state)} ${state === 'data' ? this.#renderRuns() : nothing}
      ${this.#renderEditor()} ${this.#renderConfirm()}
      <span class="visually-hidden" role="status">${this._announcement}</span>
      <span class="visually-hidden" role="alert">${this._alert}</span>
    </section>`;
  }

  #renderHeader(state: RefreshSchedulesState): TemplateResult {
    const jobs = this._jobs;
    const counts: string[] = [];
    if (state === 'data') {
      counts.push(plural(jobs.length, 'schedule'));
      const enabled = jobs.filter((v) => v.job.enabled).length;
      counts.push(`${formatNumber(enabled, ',d')} enabled`);
      const quarantined = jobs.filter((v) => v.state.quarantined).length;
      if (quarantined) counts.push(`${formatNumber(quarantined, ',d')} quarantined`);
      const running = jobs.filter((v) => v.running).length;
      if (running) counts.push(`${formatNumber(running, ',d')} running`);
    }
    return html`<header part="header" class="header">
      <div>
        <h2 part="heading" class="heading" id="heading" tabindex="-1">${this.label}</h2>
        ${counts.length ? html`<p class="muted">${counts.join(' · ')}</p>` : nothing}
      </div>
      ${state === 'data'
        ? html`<button part="new-button" class="button button--primary" type="button" @click=${this.openCreate}>New schedule</button>`
        : nothing}
    </header>`;
  }

  #renderNotices(state: RefreshSchedulesState): TemplateResult | typeof nothing {
    const quarantined = state === 'data' ? this._jobs.filter((v) => v.state.quarantined) : [];
    if (quarantined.length === 0 && !this._actionError) return nothing;
    return html`<div class="notices">
      ${this._actionError
        ? html`<div part="notice" class="notice notice--danger" role="alert">
            <svg class="notice__icon" viewBox="0 0 24 24" aria-hidden="true">${warningIcon}</svg>
            <p class="notice__text">${this._actionError}</p>
            <button class="button button--small button--quiet" type="button" @click=${this.#dismissActionError}>Dismiss</button>
          </div>`
        : nothing}
      ${quarantined.map((v) => {
        const error = this._lastErrors[v.job.id] ?? this._runs.find((r) => r.jobId === v.job.id && r.status === 'failed')?.error;
        return html`<div part="notice" class="notice notice--warning" data-job=${v.job.id}>
          <svg class="notice__icon" viewBox="0 0 24 24" aria-hidden="true">${warningIcon}</svg>
          <p class="notice__text">
            <strong>${quotedName(v.job)} is quarantined.</strong>
            ${plural(v.state.consecutiveFailures, 'run')} failed in a row, so it was disabled${v.state.quarantinedAt
              ? ` on ${formatInstant(v.state.quarantinedAt, INSTANT_FORMAT)}`
              : ''}.
            ${error ? html`Last error: ${error}` : nothing} Fix the cause, then enable it again.
          </p>
        </div>`;
      })}
    </div>`;
  }

  #renderState(state: RefreshSchedulesState): TemplateResult {
    switch (state) {
      case 'idle':
        return html`<p part="message" class="message">No scheduler: set the <code>scheduler</code> property to a RefreshScheduler.</p>`;
      case 'loading':
        return html`<div part="loading" class="skeleton" aria-hidden="true">${Array.from({ length: 4 }, () => html`<span class="skeleton__row"></span>`)}</div>
          <span class="visually-hidden" role="status">Loading refresh schedules…</span>`;
      case 'error': {
        const error = this._loadError ?? { message: 'Unknown error.', code: 'error' };
        return html`<div part="error" class="error" role="alert">
          <p class="error__title">The refresh schedules could not be loaded.</p>
          <p part="error-message">${error.message}</p>
          <p class="muted">Code: <code>${error.code}</code></p>
          <button part="retry-button" class="button" type="button" @click=${this.#onRetry}>Retry</button>
        </div>`;
      }
      case 'empty':
        return html`<div part="empty" class="empty">
          <p class="empty__title">No refresh schedules yet</p>
          <p>A refresh schedule keeps a derived table up to date on a UTC schedule: for example, append each night’s new transactions to a deduplicated table.</p>
          <ol class="empty__steps">
            <li>Choose what it computes: an incremental append, a SQL template or a named derivation.</li>
            <li>Name the output table and pick when it runs; the form previews the next runs.</li>
            <li>Use “Run now” to check it; the run history shows what each run processed.</li>
          </ol>
          <button part="new-button" class="button button--primary" type="button" @click=${this.openCreate}>New schedule</button>
        </div>`;
      case 'data':
        return this.#renderJobs();
    }
  }

  #renderJobs(): TemplateResult {
    // The table's buttons are focusable, so the box scrolls to them: it needs no tab stop of its own.
    return html`<div part="jobs" class="table-wrap">
      <table part="jobs-table">
        <caption class="visually-hidden">${this.label}</caption>
        <thead>
          <tr>
            <th scope="col" class="col-job">Job</th>
            <th scope="col" class="col-schedule">Schedule</th>
            <th scope="col">Next run</th>
            <th scope="col">Last run</th>
            <th scope="col">Status</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${this._jobs.map((v, i) => this.#renderJobRow(v, i))}
        </tbody>
      </table>
    </div>`;
  }

  /** The schedule in words; a cron expression and each bound ("until 2025-06-30") stay on one line. */
  #renderSchedule(schedule: RefreshSchedule): TemplateResult {
    const cadence = schedule.kind === 'cron' ? html`Cron <code class="nowrap">${schedule.expression.trim()}</code> (UTC)` : describeCadence(schedule);
    return html`${cadence}${describeBounds(schedule).map((b) => html`, <span class="nowrap">${b}</span>`)}`;
  }

  #renderNextRun(view: RefreshJobView): TemplateResult {
    const delayed = this._delays[view.job.id];
    const next = view.nextRunAt
      ? instant(view.nextRunAt)
      : html`<span class="muted">${view.job.enabled ? 'None: the schedule has ended' : 'Not scheduled (disabled)'}</span>`;
    return html`${next}${delayed
      ? html`<span class="job__line">The ${formatInstant(delayed, '%H:%M UTC')} run waits for the current one.</span>`
      : nothing}`;
  }

  #renderLastRun(view: RefreshJobView): TemplateResult {
    const { lastRunAt, lastStatus, consecutiveFailures } = view.state;
    if (!lastRunAt || !lastStatus) return html`<span class="muted">Never run</span>`;
    const label = { success: 'Succeeded', failed: 'Failed', skipped: 'Skipped' }[lastStatus];
    return html`<span class="status status--${lastStatus}"><span aria-hidden="true">${lastStatus === 'success' ? '✓' : lastStatus === 'failed' ? '✕' : '–'}</span>${label}</span>
      <span class="job__line">${instant(lastRunAt)}</span>
      ${lastStatus === 'failed' && consecutiveFailures > 1 ? html`<span class="job__line">${formatNumber(consecutiveFailures, ',d')} failures in a row</span>` : nothing}`;
  }

  #renderBadges(view: RefreshJobView): TemplateResult {
    const badge = view.state.quarantined
      ? html`<span part="badge" class="badge badge--quarantined">Quarantined</span>`
      : view.job.enabled
        ? html`<span part="badge" class="badge badge--enabled">Enabled</span>`
        : html`<span part="badge" class="badge badge--disabled">Disabled</span>`;
    return html`<div class="badges">
      ${badge}${view.running
        ? html`<span part="badge" class="badge badge--running"><span class="spinner" aria-hidden="true"></span>Running</span>`
        : nothing}
    </div>`;
  }

  #renderJobRow(view: RefreshJobView, index: number): TemplateResult {
    const { job } = view;
    const pending = this._pending[job.id];
    const deleteBlocker = this.#deleteBlocker(view);
    const note = this._notes[job.id];
    const reasonId = `delete-reason-${index}`;
    const runBlocked = !!view.running || pending === 'run';
    const classes = ['row', view.running ? 'row--running' : '', view.state.quarantined ? 'row--quarantined' : ''].join(' ');
    return html`<tr part="row" class=${classes} data-job=${job.id}>
      <th scope="row">
        <span class="job__name">${job.name}</span>
        ${job.description ? html`<span class="job__line">${job.description}</span>` : nothing}
        <span class="job__line">${describeTask(job.task)}</span>
        <span class="job__line job__line--output">→ <code>${job.output.table}</code> (${OUTPUT_MODE_LABELS[job.output.mode]})</span>
      </th>
      <td>${this.#renderSchedule(job.schedule)}</td>
      <td>${this.#renderNextRun(view)}</td>
      <td>${this.#renderLastRun(view)}</td>
      <td>${this.#renderBadges(view)}</td>
      <td>
        <div part="actions" class="actions" role="group" aria-label=${`Actions for ${job.name}`}>
          <button part="action" class="button button--small" type="button" data-action="edit" @click=${() => this.openEdit(job.id)}>Edit</button>
          <button
            part="action"
            class="button button--small"
            type="button"
            data-action=${job.enabled ? 'disable' : 'enable'}
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => this.#setEnabled(job.id, !job.enabled)}
          >
            ${job.enabled ? 'Disable' : 'Enable'}
          </button>
          <button
            part="action"
            class="button button--small"
            type="button"
            data-action="run"
            aria-disabled=${runBlocked ? 'true' : 'false'}
            @click=${() => this.#runNow(job.id)}
          >
            ${runBlocked ? 'Running…' : 'Run now'}
          </button>
          <button
            part="action"
            class="button button--small"
            type="button"
            data-action="delete"
            aria-disabled=${deleteBlocker ? 'true' : 'false'}
            aria-describedby=${deleteBlocker ? reasonId : nothing}
            title=${deleteBlocker ?? nothing}
            @click=${(e: Event) => this.#requestDelete(job.id, e.currentTarget as HTMLElement)}
          >
            Delete
          </button>
          <button part="action" class="button button--small button--quiet" type="button" data-action="runs" @click=${() => this.#onShowRuns(job.id)}>
            Runs
          </button>
        </div>
        ${deleteBlocker ? html`<span class="visually-hidden" id=${reasonId}>${deleteBlocker}</span>` : nothing}
        ${note ? html`<p class="action-note muted" role="status">${note}</p>` : nothing}
      </td>
    </tr>`;
  }

  #historyRows(): RunHistoryRow[] {
    const names = new Map(this._jobs.map((v) => [v.job.id, v.job.name]));
    const running = this._jobs
      .filter((v) => v.running && (!this._runFilter || v.job.id === this._runFilter))
      .map((v): RunHistoryRow => ({ ...v.running!, status: 'running', jobName: v.job.name }));
    return [...running, ...this._runs.map((r): RunHistoryRow => ({ ...r, jobName: names.get(r.jobId) ?? r.jobId }))];
  }

  #renderRuns(): TemplateResult {
    const rows = this.#historyRows();
    const filtered = !!this._runFilter;
    const filterName = this.#job(this._runFilter)?.job.name;
    let body: TemplateResult;
    if (this._runsStatus === 'error') {
      body = html`<div class="notice notice--danger" role="alert">
        <p class="notice__text">The run history could not be loaded: ${this._runsError?.message ?? 'unknown error'}</p>
        <button class="button button--small" type="button" @click=${() => this.#loadRuns()}>Retry</button>
      </div>`;
    } else if (this._runsStatus === 'loading' && rows.length === 0) {
      body = html`<p class="runs__empty muted">Loading runs…</p>`;
    } else if (rows.length === 0) {
      body = html`<p class="runs__empty muted">${filtered ? `“${filterName}” has not run yet.` : 'No runs yet.'} Use “Run now” or wait for a scheduled time.</p>`;
    } else {
      body = html`<div class="table-wrap" role="region" aria-labelledby="runs-heading" tabindex="0">
        <table part="runs-table">
          <thead>
            <tr>
              <th scope="col">Run</th>
              ${filtered ? nothing : html`<th scope="col">Job</th>`}
              <th scope="col">Started (UTC)</th>
              <th scope="col">Ended (UTC)</th>
              <th scope="col" class="num wrap">Rows processed</th>
              <th scope="col" class="num wrap">Rows written</th>
              <th scope="col">Status</th>
              <th scope="col" class="run-error-col">Error</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => this.#renderRunRow(r, filtered))}
          </tbody>
        </table>
      </div>`;
    }
    // A plain block, not a landmark: the scrolling table below is the region named "Run history".
    return html`<div part="runs" class="runs">
      <div class="runs__header">
        <h3 class="runs__heading" id="runs-heading" tabindex="-1">Run history${filterName ? html`: ${filterName}` : nothing}</h3>
        <label class="runs__filter"
          >Job
          <select part="runs-filter" @change=${this.#onRunFilter}>
            <option value="" ?selected=${!filtered}>All jobs</option>
            ${this._jobs.map((v) => html`<option value=${v.job.id} ?selected=${this._runFilter === v.job.id}>${v.job.name}</option>`)}
          </select>
        </label>
      </div>
      ${body}
    </div>`;
  }

  #renderRunRow(r: RunHistoryRow, filtered: boolean): TemplateResult {
    const shortId = r.runId.length > 12 ? `${r.runId.slice(0, 8)}…` : r.runId;
    const trigger = r.trigger === 'manual' ? 'Manual' : 'Scheduled';
    const status = r.status;
    const label = { success: 'Succeeded', failed: 'Failed', skipped: 'Skipped', running: 'Running' }[status];
    const finished = status === 'running' ? undefined : (r as RefreshRun);
    return html`<tr data-run=${r.runId} data-status=${status}>
      <td><code class="nowrap" title=${r.runId}>${shortId}</code><span class="job__line">${trigger}</span></td>
      ${filtered ? nothing : html`<td>${r.jobName}</td>`}
      <td>${runTime(r.start)}</td>
      <td>${finished ? runTime(finished.end, r.start) : html`<span class="muted">–</span>`}</td>
      <td class="num" data-column="rows-processed">${finished ? formatNumber(finished.rowsProcessed, ',d') : '–'}</td>
      <td class="num" data-column="rows-written">${finished ? formatNumber(finished.rowsWritten, ',d') : '–'}</td>
      <td>
        <span class="status status--${status}"
          >${status === 'running' ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">${status === 'success' ? '✓' : status === 'failed' ? '✕' : '–'}</span>`}${label}</span
        >
      </td>
      <td class=${finished?.error && status === 'failed' ? 'run-error' : 'muted'}>${finished?.error ?? ''}</td>
    </tr>`;
  }

  // ------------------------------------------------------------------ render: editor

  #renderEditor(): TemplateResult {
    const editor = this._editor;
    return html`<dialog part="editor" class="editor" aria-labelledby="editor-title" @close=${this.#onEditorClosed}>
      ${editor ? this.#renderForm(editor) : nothing}
    </dialog>`;
  }

  #renderForm(editor: EditorState): TemplateResult {
    const draft = editor.draft;
    const { errors } = checkDraft(draft, { derivations: this.#derivations() });
    const visible = visibleFields(draft, editor.mode);
    const shown: FieldErrors = new Map();
    for (const [field, message] of errors) if (field && visible.includes(field) && (editor.submitted || editor.touched.has(field))) shown.set(field, message);
    const server = editor.serverError;
    if (server?.field) shown.set(server.field, server.message);
    const formErrors = [
      ...(server && !server.field ? [server.message] : []),
      ...(editor.submitted ? [...errors].filter(([field]) => !field || !visible.includes(field)).map(([, message]) => message) : []),
    ];
    const title = editor.mode === 'create' ? 'New refresh schedule' : `Edit “${this.#job(editor.jobId ?? '')?.job.name ?? editor.jobId}”`;
    return html`<form part="form" class="form dialog__body" novalidate @submit=${this.#onSubmit} @input=${this.#onFormInput} @change=${this.#onFormChange}>
      <h3 class="dialog__title" id="editor-title">${title}</h3>
      ${formErrors.length
        ? html`<ul class="form-errors" role="alert" tabindex="-1">
            ${formErrors.map((m) => html`<li>${m}</li>`)}
          </ul>`
        : nothing}
      ${renderJobFields({ draft, mode: editor.mode, shown, derivations: this.#derivations(), now: this.scheduler ? schedulerNow(this.scheduler) : undefined })}
      <div class="dialog__actions dialog__actions--sticky">
        <button class="button" type="button" @click=${this.#closeEditor}>Cancel</button>
        <button class="button button--primary" type="submit" ?disabled=${editor.saving}>
          ${editor.saving ? 'Saving…' : editor.mode === 'create' ? 'Create schedule' : 'Save changes'}
        </button>
      </div>
    </form>`;
  }

  #renderConfirm(): TemplateResult {
    const confirm = this._confirm;
    return html`<dialog
      part="confirm"
      class="confirm dialog--confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${this.#onConfirmClosed}
    >
      ${confirm
        ? html`<div class="dialog__body">
            <h3 class="dialog__title" id="confirm-title">Delete “${confirm.name}”?</h3>
            <p id="confirm-text">The schedule, its run history and its checkpoints are deleted. The output table and its rows stay. This cannot be undone.</p>
            ${confirm.error ? html`<p class="field__error" role="alert">${confirm.error}</p>` : nothing}
            <div class="dialog__actions">
              <button class="button" type="button" data-action="cancel-delete" @click=${this.#cancelDelete}>Cancel</button>
              <button part="confirm-button" class="button button--danger" type="button" data-action="confirm-delete" ?disabled=${confirm.deleting} @click=${this.#onConfirmDelete}>
                ${confirm.deleting ? 'Deleting…' : 'Delete schedule'}
              </button>
            </div>
          </div>`
        : nothing}
    </dialog>`;
  }

  // ------------------------------------------------------------------ handlers

  #onRetry = (): void => {
    // The Retry button goes away while loading: focus lands on it again, or on the heading once the list is there.
    void this.reload().then(() => {
      this.#focusAfterUpdate = this.state === 'error' ? '[part=retry-button]' : '#heading';
      this.requestUpdate();
    });
  };

  #dismissActionError = (): void => {
    this._actionError = undefined;
    this.#focusAfterUpdate = '#heading';
  };

  #onShowRuns(jobId: string): void {
    this.#focusAfterUpdate = '#runs-heading';
    void this.showRuns(jobId);
  }

  #onRunFilter = (event: Event): void => {
    this._runFilter = (event.target as HTMLSelectElement).value;
    void this.#loadRuns();
  };

  #cancelDelete = (): void => {
    this._confirm = undefined;
  };

  #onConfirmDelete = (): void => {
    void this.#confirmDelete();
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

type RefreshEvents = { [K in RefreshEventType]: CustomEvent<RefreshEventMap[K]> };

declare global {
  interface HTMLElementTagNameMap {
    'clv-refresh-schedules': ClvRefreshSchedules;
  }
  interface HTMLElementEventMap extends RefreshEvents {}
}

