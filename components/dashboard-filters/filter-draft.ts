import type { DashboardFilterState, DashboardSpec } from '../../src/dashboards/spec.js';
import { dateDraftOf, dateValueOf, sameDateRange, type DateDraft } from './date-range.js';
import { keyOf, sameValues, type OptionValue } from './options.js';

/**
 * What the viewer has changed but not applied yet, and how it becomes a DashboardFilterState.
 * Values chosen for filters the definitions no longer have are dropped; empty choices are left out
 * (an empty or missing list both mean "all").
 */

export type DashboardFilters = DashboardSpec['filters'];

export interface FiltersDraft {
  date: DateDraft;
  /** Chosen values per global filter id, in the order they were chosen. */
  global: Record<string, OptionValue[]>;
}

/** The draft that shows the applied state. */
export function draftOf(filters: DashboardFilters, state: DashboardFilterState | undefined): FiltersDraft {
  const global: Record<string, OptionValue[]> = {};
  for (const f of filters.global) global[f.id] = uniqueValues(state?.global?.[f.id] ?? []);
  return { date: dateDraftOf(filters.dateRange ? state?.dateRange : undefined), global };
}

/**
 * The state a draft applies, keeping the cross filter of `current`; null while the custom date
 * range has problems.
 */
export function stateOf(filters: DashboardFilters, draft: FiltersDraft, current: DashboardFilterState | undefined): DashboardFilterState | null {
  const dateRange = filters.dateRange ? dateValueOf(draft.date) : undefined;
  if (dateRange === null) return null;
  const global: DashboardFilterState['global'] = {};
  for (const f of filters.global) {
    const values = draft.global[f.id] ?? [];
    if (values.length > 0) global[f.id] = [...values];
  }
  return withCross({ ...(dateRange ? { dateRange } : {}), global }, current);
}

/** The state "Clear all" applies: all dates, no values, the cross filter of `current` kept. */
export function clearedState(current: DashboardFilterState | undefined): DashboardFilterState {
  return withCross({ global: {} }, current);
}

/** Whether a draft would apply exactly the state shown (cross filters aside). */
export function draftMatches(filters: DashboardFilters, draft: FiltersDraft, state: DashboardFilterState | undefined): boolean {
  const applied = draftOf(filters, state);
  if (draft.date.choice !== applied.date.choice) return false;
  const next = stateOf(filters, draft, state);
  if (next === null) return false;
  if (!sameDateRange(next.dateRange, filters.dateRange ? state?.dateRange : undefined)) return false;
  return filters.global.every((f) => sameValues(draft.global[f.id] ?? [], applied.global[f.id] ?? []));
}

/** Whether anything but the cross filter narrows the dashboard. */
export function hasActiveFilters(filters: DashboardFilters, state: DashboardFilterState | undefined): boolean {
  if (filters.dateRange && state?.dateRange) return true;
  return filters.global.some((f) => (state?.global?.[f.id]?.length ?? 0) > 0);
}

function withCross(state: DashboardFilterState, current: DashboardFilterState | undefined): DashboardFilterState {
  return current?.cross ? { ...state, cross: current.cross } : state;
}

function uniqueValues(values: readonly OptionValue[]): OptionValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = keyOf(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
