import type { z } from 'zod';
import type { ScalarValue } from '../../src/contracts/result.js';
import { slugify as slugText } from '../../src/text/slug.js';
import { type RefreshJob, type RefreshJobInput, RefreshJobSchema, type RefreshTask } from '../../src/refresh/job-schema.js';
import { type RefreshSchedule, RefreshScheduleSchema, type Weekday } from '../../src/refresh/schedule-schema.js';

/**
 * The create/edit form's model: every control's value as typed (strings, so a half-typed "6:"
 * stays on screen), turned into a job input and checked with the refresh core's zod schemas.
 * Each problem is filed under the form field it names ("schedule.expression"), so the form can show
 * it next to that field.
 */

export type TaskKind = RefreshTask['kind'];
export type ScheduleKind = RefreshSchedule['kind'];
export type OutputMode = RefreshJob['output']['mode'];

export const TASK_KINDS: ReadonlyArray<{ value: TaskKind; label: string; hint: string }> = [
  { value: 'incremental-append', label: 'Incremental append', hint: 'Rows of a source table newer than the last successful run, once per event id.' },
  { value: 'sql', label: 'SQL template', hint: 'A query whose rows are appended to the output table (SQL engines only).' },
  { value: 'derivation', label: 'Named derivation', hint: 'A computation registered with the scheduler, such as CLV deciles.' },
];

export const SCHEDULE_KINDS: ReadonlyArray<{ value: ScheduleKind; label: string }> = [
  { value: 'hourly', label: 'Hourly' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'yearly', label: 'Yearly' },
  { value: 'cron', label: 'Cron expression' },
];

/** The hour steps an hourly schedule allows (divisors of 24). */
export const EVERY_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;

/** Every control of the form, as text. */
export interface JobDraft {
  id: string;
  /** False while the id follows the name; true once the user typed an id. */
  idEdited: boolean;
  name: string;
  description: string;
  taskKind: TaskKind;
  source: string;
  positionColumn: string;
  eventIdColumn: string;
  sql: string;
  /** SQL parameters, one "name = value" per line. */
  params: string;
  ref: string;
  outputTable: string;
  outputMode: OutputMode;
  scheduleKind: ScheduleKind;
  everyHours: string;
  minute: string;
  at: string;
  days: Weekday[];
  /** "1" … "31" or "last". */
  dayOfMonth: string;
  /** "1" … "12". */
  month: string;
  expression: string;
  start: string;
  end: string;
  /** Create only: whether the job starts enabled. */
  enabled: boolean;
}

/** The form's fields, by the dotted path the schemas and the scheduler name them with. */
export type FieldKey =
  | 'id'
  | 'name'
  | 'description'
  | 'enabled'
  | 'task.kind'
  | 'task.source'
  | 'task.positionColumn'
  | 'task.eventIdColumn'
  | 'task.sql'
  | 'task.params'
  | 'task.ref'
  | 'output.table'
  | 'output.mode'
  | 'schedule.kind'
  | 'schedule.everyHours'
  | 'schedule.minute'
  | 'schedule.at'
  | 'schedule.days'
  | 'schedule.dayOfMonth'
  | 'schedule.month'
  | 'schedule.expression'
  | 'schedule.start'
  | 'schedule.end';

/** How a field is named in its error messages ("Cron expression: not a valid cron expression: …"). */
export const FIELD_NAMES: Record<FieldKey, string> = {
  id: 'ID',
  name: 'Name',
  description: 'Description',
  enabled: 'Enabled',
  'task.kind': 'Task',
  'task.source': 'Source table',
  'task.positionColumn': 'Position column',
  'task.eventIdColumn': 'Event id column',
  'task.sql': 'SQL template',
  'task.params': 'Parameters',
  'task.ref': 'Derivation',
  'output.table': 'Output table',
  'output.mode': 'Write mode',
  'schedule.kind': 'Repeats',
  'schedule.everyHours': 'Every',
  'schedule.minute': 'Minute past the hour',
  'schedule.at': 'Time',
  'schedule.days': 'Days',
  'schedule.dayOfMonth': 'Day of the month',
  'schedule.month': 'Month',
  'schedule.expression': 'Cron expression',
  'schedule.start': 'Start',
  'schedule.end': 'End',
};

const isFieldKey = (key: string): key is FieldKey => Object.prototype.hasOwnProperty.call(FIELD_NAMES, key);

/** The form field a schema path or an AdapterError field names: "task.params.since" → "task.params"; "" when none does. */
export function fieldOf(path: ReadonlyArray<PropertyKey> | string | undefined): FieldKey | '' {
  const parts = (typeof path === 'string' ? path.split('.') : [...(path ?? [])]).map(String).filter(Boolean);
  if (parts.length === 0) return '';
  const key = ['task', 'output', 'schedule'].includes(parts[0]) ? parts.slice(0, 2).join('.') : parts[0];
  return isFieldKey(key) ? key : '';
}

/** Whether the form creates a job or edits one. */
export type FormMode = 'create' | 'edit';

/** The draft property each text control or select sets. */
export const DRAFT_PROPERTIES: Partial<Record<FieldKey, keyof JobDraft>> = {
  description: 'description',
  'task.source': 'source',
  'task.positionColumn': 'positionColumn',
  'task.eventIdColumn': 'eventIdColumn',
  'task.sql': 'sql',
  'task.params': 'params',
  'task.ref': 'ref',
  'output.table': 'outputTable',
  'output.mode': 'outputMode',
  'schedule.kind': 'scheduleKind',
  'schedule.everyHours': 'everyHours',
  'schedule.minute': 'minute',
  'schedule.at': 'at',
  'schedule.dayOfMonth': 'dayOfMonth',
  'schedule.month': 'month',
  'schedule.expression': 'expression',
  'schedule.start': 'start',
  'schedule.end': 'end',
};

/** The fields the form shows for a draft, in the order they appear. */
export function visibleFields(draft: JobDraft, mode: FormMode): FieldKey[] {
  const task: Record<TaskKind, FieldKey[]> = {
    'incremental-append': ['task.source', 'task.positionColumn', 'task.eventIdColumn'],
    sql: ['task.sql', 'task.params'],
    derivation: ['task.ref'],
  };
  const schedule: Record<ScheduleKind, FieldKey[]> = {
    hourly: ['schedule.everyHours', 'schedule.minute'],
    daily: ['schedule.at'],
    weekly: ['schedule.days', 'schedule.at'],
    monthly: ['schedule.dayOfMonth', 'schedule.at'],
    yearly: ['schedule.month', 'schedule.dayOfMonth', 'schedule.at'],
    cron: ['schedule.expression'],
  };
  return [
    'name',
    'id',
    'description',
    'task.kind',
    ...task[draft.taskKind],
    'output.table',
    'output.mode',
    'schedule.kind',
    ...schedule[draft.scheduleKind],
    'schedule.start',
    'schedule.end',
    ...(mode === 'create' ? (['enabled'] as FieldKey[]) : []),
  ];
}

export function emptyDraft(): JobDraft {
  return {
    id: '',
    idEdited: false,
    name: '',
    description: '',
    taskKind: 'incremental-append',
    source: '',
    positionColumn: '',
    eventIdColumn: '',
    sql: '',
    params: '',
    ref: '',
    outputTable: '',
    outputMode: 'create-append',
    scheduleKind: 'daily',
    everyHours: '1',
    minute: '0',
    at: '02:00',
    days: ['mon'],
    dayOfMonth: '1',
    month: '1',
    expression: '',
    start: '',
    end: '',
    enabled: true,
  };
}

/** The form's values for an existing job. */
export function draftFromJob(job: RefreshJob): JobDraft {
  const draft: JobDraft = { ...emptyDraft(), id: job.id, idEdited: true, name: job.name, description: job.description ?? '', enabled: job.enabled };
  const task = job.task;
  draft.taskKind = task.kind;
  if (task.kind === 'incremental-append') Object.assign(draft, { source: task.source, positionColumn: task.positionColumn, eventIdColumn: task.eventIdColumn });
  else if (task.kind === 'sql') Object.assign(draft, { sql: task.sql, params: formatParams(task.params) });
  else draft.ref = task.ref;
  draft.outputTable = job.output.table;
  draft.outputMode = job.output.mode;
  const s = job.schedule;
  draft.scheduleKind = s.kind;
  draft.start = s.start ?? '';
  draft.end = s.end ?? '';
  switch (s.kind) {
    case 'hourly':
      Object.assign(draft, { everyHours: String(s.everyHours), minute: String(s.minute) });
      break;
    case 'daily':
      draft.at = s.at;
      break;
    case 'weekly':
      Object.assign(draft, { days: [...s.days], at: s.at });
      break;
    case 'monthly':
      Object.assign(draft, { dayOfMonth: String(s.dayOfMonth), at: s.at });
      break;
    case 'yearly':
      Object.assign(draft, { month: String(s.month), dayOfMonth: String(s.dayOfMonth), at: s.at });
      break;
    case 'cron':
      draft.expression = s.expression;
      break;
  }
  return draft;
}

/** A job id from a name: "Nightly clean-up (EU)" → "nightly-clean-up-eu". */
export function slugify(name: string): string {
  return slugText(name, { maxLength: 64, keep: '_.' });
}

/** A whole number as typed, or NaN ("" and "1.5" are not). */
const wholeNumber = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

function paramValue(text: string): ScalarValue {
  const t = text.trim();
  if (t === 'null') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return Number(t);
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(t);
  return quoted ? (quoted[1] ?? quoted[2]) : t;
}

/** Parses "name = value" lines into SQL parameters: numbers, true/false and null are typed; quotes keep text as text. */
export function parseParams(text: string): { params: Record<string, ScalarValue>; problem?: string } {
  const params: Record<string, ScalarValue> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^\$?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!m) return { params, problem: `line ${i + 1} is not "name = value"` };
    params[m[1]] = paramValue(m[2]);
  }
  return { params };
}

/** SQL parameters as "name = value" lines (text that reads as a number or keyword is quoted). */
export function formatParams(params: Readonly<Record<string, ScalarValue>>): string {
  return Object.entries(params)
    .map(([name, value]) => {
      const text = typeof value === 'string' && paramValue(value) !== value ? `'${value}'` : String(value);
      return `${name} = ${text}`;
    })
    .join('\n');
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The schedule part of the draft, ready for RefreshScheduleSchema (numbers left NaN when not numbers, so the schema names them). */
export function draftSchedule(draft: JobDraft): Record<string, unknown> {
  const bounds = { ...(optional(draft.start) ? { start: optional(draft.start) } : {}), ...(optional(draft.end) ? { end: optional(draft.end) } : {}) };
  const day = draft.dayOfMonth === 'last' ? 'last' : wholeNumber(draft.dayOfMonth);
  const at = draft.at.trim();
  switch (draft.scheduleKind) {
    case 'hourly':
      return { kind: 'hourly', everyHours: wholeNumber(draft.everyHours), minute: draft.minute.trim() === '' ? 0 : wholeNumber(draft.minute), ...bounds };
    case 'daily':
      return { kind: 'daily', at, ...bounds };
    case 'weekly':
      return { kind: 'weekly', days: [...draft.days], at, ...bounds };
    case 'monthly':
      return { kind: 'monthly', dayOfMonth: day, at, ...bounds };
    case 'yearly':
      return { kind: 'yearly', month: wholeNumber(draft.month), dayOfMonth: day, at, ...bounds };
    case 'cron':
      return { kind: 'cron', expression: draft.expression.trim(), ...bounds };
  }
}

function draftTask(draft: JobDraft, params: Record<string, ScalarValue>): Record<string, unknown> {
  switch (draft.taskKind) {
    case 'incremental-append':
      return { kind: 'incremental-append', source: draft.source.trim(), positionColumn: draft.positionColumn.trim(), eventIdColumn: draft.eventIdColumn.trim() };
    case 'sql':
      return { kind: 'sql', sql: draft.sql, params };
    case 'derivation':
      return { kind: 'derivation', ref: draft.ref };
  }
}

/** The job the draft describes, as the scheduler's createJob takes it (unchecked). */
export function draftToInput(draft: JobDraft): Record<string, unknown> {
  const description = optional(draft.description);
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    ...(description ? { description } : {}),
    task: draftTask(draft, parseParams(draft.params).params),
    output: { table: draft.outputTable.trim(), mode: draft.outputMode },
    schedule: draftSchedule(draft),
    enabled: draft.enabled,
  };
}

type Issue = z.ZodError['issues'][number];

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A schema issue as the end of a sentence that starts with the field's name. */
function issueText(issue: Issue, value: unknown): string {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return 'is required';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
      if (issue.origin === 'string') return `must be at least ${String(issue.minimum)} characters long`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return issue.message;
    case 'invalid_type':
      return issue.expected === 'number' ? 'must be a whole number' : 'is required';
    case 'invalid_union':
    case 'invalid_value':
      return 'is not one of the choices';
    default:
      return issue.message;
  }
}

/** Problems by field ('' for ones no field owns), each a sentence that names its field. */
export type FieldErrors = Map<FieldKey | '', string>;

function addError(errors: FieldErrors, field: FieldKey | '', text: string): void {
  if (!errors.has(field)) errors.set(field, field ? `${FIELD_NAMES[field]}: ${text}` : text);
}

/** Checks the draft with the refresh schemas; `job` is the parsed job when there is no problem. */
export function checkDraft(draft: JobDraft, options: { derivations?: readonly string[] } = {}): { job?: RefreshJob; input: RefreshJobInput; errors: FieldErrors } {
  const input = draftToInput(draft);
  const errors: FieldErrors = new Map();
  if (draft.taskKind === 'sql') {
    const { problem } = parseParams(draft.params);
    if (problem) addError(errors, 'task.params', problem);
  }
  if (draft.taskKind === 'derivation' && draft.ref && options.derivations && !options.derivations.includes(draft.ref))
    addError(errors, 'task.ref', 'is not registered with the scheduler');
  const parsed = RefreshJobSchema.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) addError(errors, fieldOf(issue.path), issueText(issue, valueAt(input, issue.path)));
  return { job: parsed.success && errors.size === 0 ? parsed.data : undefined, input: input as RefreshJobInput, errors };
}

/** The draft's schedule when it is complete and valid (for the preview of its next runs). */
export function draftScheduleOrUndefined(draft: JobDraft): RefreshSchedule | undefined {
  const parsed = RefreshScheduleSchema.safeParse(draftSchedule(draft));
  return parsed.success ? parsed.data : undefined;
}
