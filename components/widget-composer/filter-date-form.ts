import { html, type TemplateResult } from 'lit';
import type { RelativeUnit } from '../../src/composer/filters.js';
import { DATE_PERIODS, RELATIVE_UNITS, type DateMode, type DatePeriod } from '../../src/composer/filter-forms.js';
import { fieldTemplate, inputControl, modeChoiceTemplate, type FilterFormContext } from './filter-field.js';

const DATE_MODES: ReadonlyArray<[DateMode, string]> = [
  ['between', 'Between two dates'],
  ['last', 'In the last…'],
  ['period', 'A calendar period'],
];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** From and To dates, both included. */
function betweenTemplate(ctx: FilterFormContext): TemplateResult {
  return html`<div class="row">
    ${fieldTemplate(ctx, 'date-from', 'From date', inputControl(ctx, 'date-from', 'from', 'date'))}
    ${fieldTemplate(ctx, 'date-to', 'To date', inputControl(ctx, 'date-to', 'to', 'date'), 'Both days are included.')}
  </div>`;
}

/** The last N whole units before the current one. */
function lastTemplate(ctx: FilterFormContext): TemplateResult {
  const unit = ctx.form.lastUnit;
  return html`<div class="row">
    ${fieldTemplate(
      ctx,
      'last-n',
      `Number of ${unit}`,
      inputControl(ctx, 'last-n', 'lastN', 'text', 'numeric'),
      `The whole ${unit} before the current one; the current one is not included.`,
    )}
    <div class="field">
      <label for="last-unit">Unit</label>
      <select id="last-unit" part="last-unit" @change=${(e: Event) => ctx.patch({ lastUnit: (e.target as HTMLSelectElement).value as RelativeUnit })}>
        ${RELATIVE_UNITS.map((u) => html`<option value=${u} ?selected=${unit === u}>${capitalize(u)}</option>`)}
      </select>
    </div>
  </div>`;
}

/** A named calendar period ("this month"). */
function periodTemplate(ctx: FilterFormContext): TemplateResult {
  return html`<div class="field">
    <label for="period">Period</label>
    <select id="period" part="period" @change=${(e: Event) => ctx.patch({ period: (e.target as HTMLSelectElement).value as DatePeriod })}>
      ${DATE_PERIODS.map((p) => html`<option value=${p} ?selected=${ctx.form.period === p}>${capitalize(p)}</option>`)}
    </select>
  </div>`;
}

/** The date range form: how the range is given (radios `input[name=date-mode]`), its fields, include or exclude. */
export function dateFormTemplate(ctx: FilterFormContext): TemplateResult {
  const mode = ctx.form.dateMode;
  return html`<div class="panel">
    <fieldset>
      <legend>Dates</legend>
      <div class="choices">
        ${DATE_MODES.map(
          ([value, label]) => html`<label class="choice"
            ><input type="radio" name="date-mode" value=${value} .checked=${mode === value} @change=${() => ctx.patch({ dateMode: value })} />${label}</label
          >`,
        )}
      </div>
    </fieldset>
    ${mode === 'between' ? betweenTemplate(ctx) : mode === 'last' ? lastTemplate(ctx) : periodTemplate(ctx)}
    ${modeChoiceTemplate(ctx, 'the range')}
  </div>`;
}
