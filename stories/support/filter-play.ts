// What the filter stories' play functions do: open a multi-select, pick a date choice, type dates.
import type { ClvDashboardFilters } from '../../components/dashboard-filters/dashboard-filters.js';
import type { ClvMultiSelect } from '../../components/dashboard-filters/multi-select.js';

/** Opens a multi-select with its button, as a click does, and waits for its options. */
export async function openMultiSelect(select: ClvMultiSelect): Promise<void> {
  const trigger = select.shadowRoot?.querySelector<HTMLButtonElement>('[part=trigger]');
  if (!trigger) throw new Error('the multi-select has no button');
  trigger.click();
  await select.updateComplete;
  await select.settled();
}

/** Types into the open multi-select's search box and waits for the narrowed options. */
export async function searchMultiSelect(select: ClvMultiSelect, text: string): Promise<void> {
  const input = select.shadowRoot?.querySelector<HTMLInputElement>('[part=search]');
  if (!input) throw new Error('the multi-select is not open');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await select.settled();
}

/** The multi-select of global filter `id` in a filter bar. */
export function filterSelect(bar: ClvDashboardFilters, id: string): ClvMultiSelect {
  const select = bar.shadowRoot?.querySelector<ClvMultiSelect>(`clv-multi-select[data-filter="${id}"]`);
  if (!select) throw new Error(`the filter bar has no filter "${id}"`);
  return select;
}

/** Chooses a date range option ("custom", or a preset's value) as the select's change does. */
export async function chooseDateRange(bar: ClvDashboardFilters, value: string): Promise<void> {
  const select = bar.shadowRoot?.querySelector<HTMLSelectElement>('#date-range');
  if (!select) throw new Error('the filter bar has no date range');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await bar.updateComplete;
}

/** Types a date into the From or To input of a custom range and leaves the field. */
export async function typeDate(bar: ClvDashboardFilters, field: 'from' | 'to', value: string): Promise<void> {
  const input = bar.shadowRoot?.querySelector<HTMLInputElement>(`#date-${field}`);
  if (!input) throw new Error(`the filter bar has no ${field} date`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await bar.updateComplete;
}
