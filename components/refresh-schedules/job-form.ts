import { html, nothing, type TemplateResult } from 'lit';
import { nextRuns } from '../../src/refresh/cron.js';
import {
  draftScheduleOrUndefined,
  EVERY_HOURS,
  SCHEDULE_KINDS,
  TASK_KINDS,
  type FieldErrors,
  type FieldKey,
  type FormMode,
  type JobDraft,
} from './job-draft.js';
import { describeSchedule, MONTH_NAMES, ordinal, WEEKDAYS } from './schedule-text.js';
import { instant } from './time.js';

/**
 * The fields of the create/edit form, drawn from the draft alone: every control carries its field
 * key in `data-field`, and the element listens to input and change on the form, so no control
 * needs a handler of its own. Problems are shown under their fields, tied with aria-describedby.
 */

/** Runs the schedule preview lists. */
export const PREVIEW_RUNS = 5;

/** What the fields are drawn from. */
export interface JobFormView {
  draft: JobDraft;
  mode: FormMode;
  /** The problems to show now, by field. */
  shown: FieldErrors;
  /** Derivations the task may name. */
  derivations: readonly string[];
  /** "Now" for the preview of the next runs (epoch ms); no preview without it. */
  now: number | undefined;
}

/** The id of a field's control ("schedule.at" → "field-schedule-at"). */
export const controlId = (key: FieldKey) => `field-${key.replace('.', '-')}`;

/** The form's fieldsets: job, task, output and schedule (with its preview), and "Enable now" when creating. */
export function renderJobFields(view: JobFormView): TemplateResult {
  const { draft, mode, shown } = view;
  return html`<fieldset class="group">
    <legend class="group__legend">Job</legend>
    <div class="group__fields">
      ${textField('name', 'Name', draft.name, shown, { required: true })}
      ${textField('id', 'ID', draft.id, shown, {
        required: true,
        mono: true,
        readonly: mode === 'edit',
        hint: mode === 'edit' ? 'Fixed once created.' : 'Follows the name; letters, digits, _ . and -.',
      })}
      ${textField('description', 'Description (optional)', draft.description, shown, { wide: true, multiline: true })}
    </div>
  </fieldset>
  <fieldset class="group">
    <legend class="group__legend">Task</legend>
    <div class="group__fields">
      ${renderTaskKind(draft, shown)} ${renderTaskFields(draft, shown, view.derivations)}
    </div>
  </fieldset>
  <fieldset class="group">
    <legend class="group__legend">Output</legend>
    <div class="group__fields">
      ${textField('output.table', 'Output table', draft.outputTable, shown, { required: true, mono: true, hint: 'The table the rows are written to.' })}
      ${selectField(
        'output.mode',
        'Write mode',
        draft.outputMode,
        [
          { value: 'create-append', label: 'Create, then append' },
          { value: 'append', label: 'Append only' },
        ],
        shown,
        { hint: draft.outputMode === 'append' ? 'The table must exist.' : 'The first run creates the table.' },
      )}
    </div>
  </fieldset>
  <fieldset class="group">
    <legend class="group__legend">Schedule (UTC)</legend>
    <div class="group__fields">
      ${selectField('schedule.kind', 'Repeats', draft.scheduleKind, SCHEDULE_KINDS, shown)} ${renderScheduleFields(draft, shown)}
      ${textField('schedule.start', 'Start (optional)', draft.start, shown, { placeholder: 'YYYY-MM-DD', hint: 'No runs before this date or UTC timestamp.' })}
      ${textField('schedule.end', 'End (optional)', draft.end, shown, { placeholder: 'YYYY-MM-DD', hint: 'No runs after it; a date includes its whole day.' })}
      ${renderPreview(draft, view.now)}
    </div>
  </fieldset>
  ${mode === 'create'
    ? html`<div part="field" class="field">
        <label class="choice"
          ><input type="checkbox" id=${controlId('enabled')} data-field="enabled" .checked=${draft.enabled} /> Enable now (runs on its schedule once the
          scheduler is started)</label
        >
      </div>`
    : nothing}`;
}

function describedBy(key: FieldKey, hint: boolean, error: boolean): string | typeof nothing {
  const ids = [hint ? `${controlId(key)}-hint` : '', error ? `${controlId(key)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function fieldError(key: FieldKey, shown: FieldErrors): TemplateResult | typeof nothing {
  const message = shown.get(key);
  return message ? html`<p part="field-error" class="field__error" id="${controlId(key)}-error">${message}</p>` : nothing;
}

function textField(
  key: FieldKey,
  label: string,
  value: string,
  shown: FieldErrors,
  options: { required?: boolean; hint?: string; placeholder?: string; mono?: boolean; multiline?: boolean; readonly?: boolean; wide?: boolean; inputmode?: string } = {},
): TemplateResult {
  const id = controlId(key);
  const error = shown.has(key);
  const describing = describedBy(key, !!options.hint, error);
  const classes = options.mono ? 'mono' : '';
  const control = options.multiline
    ? html`<textarea
        id=${id}
        class=${classes}
        data-field=${key}
        .value=${value}
        ?readonly=${options.readonly}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describing}
        spellcheck="false"
      ></textarea>`
    : html`<input
        id=${id}
        class=${classes}
        type="text"
        data-field=${key}
        .value=${value}
        ?readonly=${options.readonly}
        placeholder=${options.placeholder ?? nothing}
        inputmode=${options.inputmode ?? nothing}
        autocomplete="off"
        spellcheck="false"
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describing}
      />`;
  return html`<div part="field" class="field ${options.wide ? 'field--wide' : ''}">
    <label for=${id}>${label}</label>
    ${control} ${options.hint ? html`<span class="field__hint" id="${id}-hint">${options.hint}</span>` : nothing} ${fieldError(key, shown)}
  </div>`;
}

function selectField(
  key: FieldKey,
  label: string,
  value: string,
  choices: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>,
  shown: FieldErrors,
  options: { hint?: string; placeholder?: string } = {},
): TemplateResult {
  const id = controlId(key);
  const error = shown.has(key);
  return html`<div part="field" class="field">
    <label for=${id}>${label}</label>
    <select id=${id} data-field=${key} aria-invalid=${error ? 'true' : nothing} aria-describedby=${describedBy(key, !!options.hint, error)}>
      ${options.placeholder ? html`<option value="" ?selected=${value === ''}>${options.placeholder}</option>` : nothing}
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value} ?disabled=${c.disabled}>${c.label}</option>`)}
    </select>
    ${options.hint ? html`<span class="field__hint" id="${id}-hint">${options.hint}</span>` : nothing} ${fieldError(key, shown)}
  </div>`;
}

function renderTaskKind(draft: JobDraft, shown: FieldErrors): TemplateResult {
  const key: FieldKey = 'task.kind';
  return html`<fieldset part="field" class="field field--wide" aria-describedby=${describedBy(key, false, shown.has(key))}>
    <legend>What it computes</legend>
    <div class="choices choices--kinds">
      ${TASK_KINDS.map(
        (k) => html`<label class="choice choice--block"
          ><input type="radio" name="task-kind" data-field=${key} value=${k.value} .checked=${draft.taskKind === k.value} />
          <span>${k.label}<span class="choice__hint">${k.hint}</span></span></label
        >`,
      )}
    </div>
    ${fieldError(key, shown)}
  </fieldset>`;
}

function renderTaskFields(draft: JobDraft, shown: FieldErrors, derivations: readonly string[]): TemplateResult {
  switch (draft.taskKind) {
    case 'incremental-append':
      return html`${textField('task.source', 'Source table', draft.source, shown, { required: true, mono: true })}
      ${textField('task.positionColumn', 'Position column', draft.positionColumn, shown, {
        required: true,
        mono: true,
        hint: 'Grows as rows arrive (an ingestion time or sequence).',
      })}
      ${textField('task.eventIdColumn', 'Event id column', draft.eventIdColumn, shown, { required: true, mono: true, hint: 'Each id is appended once.' })}`;
    case 'sql':
      return html`${textField('task.sql', 'SQL template', draft.sql, shown, {
        required: true,
        mono: true,
        multiline: true,
        wide: true,
        hint: 'One query (SELECT, WITH …); the scheduler appends its rows. $NAME marks a parameter.',
      })}
      ${textField('task.params', 'Parameters', draft.params, shown, { mono: true, multiline: true, wide: true, hint: 'One “name = value” per line.' })}`;
    case 'derivation': {
      const names = derivations;
      return selectField(
        'task.ref',
        'Derivation',
        draft.ref,
        names.map((n) => ({ value: n, label: n })),
        shown,
        {
          placeholder: names.length ? 'Choose a derivation' : 'None registered',
          hint: names.length ? 'Registered with the scheduler by the host page.' : 'The scheduler has no derivations: the host registers them.',
        },
      );
    }
  }
}

function renderScheduleFields(draft: JobDraft, shown: FieldErrors): TemplateResult {
  const time = () => textField('schedule.at', 'Time (UTC)', draft.at, shown, { required: true, placeholder: 'HH:MM', inputmode: 'numeric', hint: '24-hour, HH:MM.' });
  const days = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: ordinal(i + 1) }));
  const dayOfMonth = () => selectField('schedule.dayOfMonth', 'Day of the month', draft.dayOfMonth, [...days, { value: 'last', label: 'Last day' }], shown);
  switch (draft.scheduleKind) {
    case 'hourly':
      return html`${selectField(
        'schedule.everyHours',
        'Every',
        draft.everyHours,
        EVERY_HOURS.map((h) => ({ value: String(h), label: h === 1 ? 'hour' : `${h} hours` })),
        shown,
      )}
      ${textField('schedule.minute', 'Minute past the hour', draft.minute, shown, { inputmode: 'numeric', hint: '0 to 59.' })}`;
    case 'daily':
      return time();
    case 'weekly':
      return html`${renderDays(draft, shown)} ${time()}`;
    case 'monthly':
      return html`${dayOfMonth()} ${time()}`;
    case 'yearly':
      return html`${selectField(
        'schedule.month',
        'Month',
        draft.month,
        MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m })),
        shown,
      )}
      ${dayOfMonth()} ${time()}`;
    case 'cron':
      return textField('schedule.expression', 'Cron expression', draft.expression, shown, {
        required: true,
        mono: true,
        wide: true,
        placeholder: '0 6 * * 1-5',
        hint: 'Five fields in UTC: minute, hour, day of month, month, day of week.',
      });
  }
}

function renderDays(draft: JobDraft, shown: FieldErrors): TemplateResult {
  const key: FieldKey = 'schedule.days';
  return html`<fieldset part="field" class="field field--wide" aria-describedby=${describedBy(key, false, shown.has(key))}>
    <legend>Days</legend>
    <div class="choices">
      ${WEEKDAYS.map(
        (d) => html`<label class="choice"
          ><input type="checkbox" data-field=${key} value=${d.value} .checked=${draft.days.includes(d.value)} />
          <span aria-hidden="true">${d.short}</span><span class="visually-hidden">${d.long}</span></label
        >`,
      )}
    </div>
    ${fieldError(key, shown)}
  </fieldset>`;
}

function renderPreview(draft: JobDraft, now: number | undefined): TemplateResult {
  const schedule = draftScheduleOrUndefined(draft);
  let content: TemplateResult;
  if (!schedule || now === undefined) content = html`<p class="muted">Complete the schedule to see its next runs.</p>`;
  else {
    const runs = nextRuns(schedule, now, PREVIEW_RUNS).map((d) => d.toISOString());
    content = html`<p class="preview__words">${describeSchedule(schedule)}</p>
      ${runs.length
        ? html`<ol class="preview__list">
            ${runs.map((iso) => html`<li>${instant(iso)}</li>`)}
          </ol>`
        : html`<p class="muted">No runs: the schedule ends before the next time comes.</p>`}`;
  }
  return html`<div part="preview" class="preview" role="group" aria-labelledby="preview-title">
    <p class="preview__title" id="preview-title">Next ${PREVIEW_RUNS} runs</p>
    ${content}
  </div>`;
}
