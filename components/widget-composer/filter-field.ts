import { html, nothing, type TemplateResult } from 'lit';
import type { FilterFieldId, FilterForm } from '../../src/composer/filter-forms.js';

/** What the filter dialog gives each of its forms. */
export interface FilterFormContext {
  readonly form: FilterForm;
  /** Changes fields of the form; `touched` is the field whose message may show from now on. */
  patch(change: Partial<FilterForm>, touched?: FilterFieldId): void;
  /** The message of a field, once it was edited or Apply was tried. */
  message(field: FilterFieldId): string | undefined;
}

/** Renders a field's control, told whether it is invalid and what describes it. */
export type FieldControl = (invalid: boolean, describedBy: string | typeof nothing) => TemplateResult;

/** A labelled field with its message (`#<id>-error`) or else its hint (`#<id>-hint`). */
export function fieldTemplate(ctx: FilterFormContext, id: FilterFieldId, label: string, control: FieldControl, hint?: string): TemplateResult {
  const message = ctx.message(id);
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : nothing;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control(Boolean(message), describedBy)}
    ${message
      ? html`<p class="field-error" id="${id}-error">${message}</p>`
      : hint
        ? html`<p class="hint" id="${id}-hint">${hint}</p>`
        : nothing}
  </div>`;
}

/** The form fields a text input can write. */
type TextKey = 'lower' | 'upper' | 'from' | 'to' | 'lastN';

/**
 * The input of field `id` (also its part), writing form field `key` as typed; `inputmode` suits
 * the keyboard to numbers.
 */
export function inputControl(ctx: FilterFormContext, id: FilterFieldId, key: TextKey, type: 'text' | 'date', inputmode?: 'decimal' | 'numeric'): FieldControl {
  return (invalid, describedBy) =>
    html`<input
      id=${id}
      part=${id}
      type=${type}
      inputmode=${inputmode ?? nothing}
      autocomplete=${type === 'text' ? 'off' : nothing}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${ctx.form[key]}
      @input=${(e: Event) => ctx.patch({ [key]: (e.target as HTMLInputElement).value }, id)}
    />`;
}

/** Include or exclude what the form chooses (radios `input[name=mode]`). */
export function modeChoiceTemplate(ctx: FilterFormContext, what: string): TemplateResult {
  const exclude = ctx.form.exclude;
  return html`<fieldset>
    <legend>Rows to keep</legend>
    <div class="choices">
      <label class="choice"
        ><input type="radio" name="mode" value="include" .checked=${!exclude} @change=${() => ctx.patch({ exclude: false })} />Include ${what}</label
      >
      <label class="choice"
        ><input type="radio" name="mode" value="exclude" .checked=${exclude} @change=${() => ctx.patch({ exclude: true })} />Exclude ${what}</label
      >
    </div>
    ${exclude ? html`<p class="hint">Rows with no value are kept when excluding.</p>` : nothing}
  </fieldset>`;
}
