import { html, type TemplateResult } from 'lit';
import { fieldTemplate, inputControl, type FilterFormContext } from './filter-field.js';

/** One bound of the range: its number and whether the bound itself matches. */
function boundTemplate(ctx: FilterFormContext, side: 'lower' | 'upper'): TemplateResult {
  const lower = side === 'lower';
  const inclusive = lower ? 'lowerInclusive' : 'upperInclusive';
  return html`<div class="field">
    ${fieldTemplate(ctx, `range-${side}`, lower ? 'Lower bound' : 'Upper bound', inputControl(ctx, `range-${side}`, side, 'text', 'decimal'))}
    <label class="choice"
      ><input
        type="checkbox"
        id="${side}-inclusive"
        .checked=${ctx.form[inclusive]}
        @change=${(e: Event) => ctx.patch({ [inclusive]: (e.target as HTMLInputElement).checked }, 'range-upper')}
      />Include the ${side} bound (${lower ? '≥' : '≤'})</label
    >
  </div>`;
}

/** The number range form: a lower and an upper bound, each optional, inclusive or not. */
export function rangeFormTemplate(ctx: FilterFormContext): TemplateResult {
  return html`<div class="panel">
    <div class="row">${boundTemplate(ctx, 'lower')} ${boundTemplate(ctx, 'upper')}</div>
    <p class="hint">Leave a bound empty for a range open on that side.</p>
  </div>`;
}
