import { describeFilterState } from '../../src/dashboards/filters.js';
import { DASHBOARD_SPEC_VERSION, type DashboardFilterState, type DashboardSpec } from '../../src/dashboards/spec.js';
import type { DashboardFilters } from './filter-draft.js';

/**
 * The sentence the filter bar's status region reads out: the applied date range and values, then
 * the cross filter by the label the dashboard gave it.
 */
export function summarizeFilters(filters: DashboardFilters, state: DashboardFilterState, crossLabel?: string): string {
  // Without a cross filter the description reads the filter definitions only, so no widgets are needed.
  const dashboard: DashboardSpec = { version: DASHBOARD_SPEC_VERSION, id: 'filters', name: 'Filters', widgets: [], filters, rowHeight: 90 };
  const described = describeFilterState(dashboard, { dateRange: state.dateRange, global: state.global ?? {} });
  const applied = described === 'No filters' ? 'No filters applied.' : `Filters applied: ${described}.`;
  return crossLabel ? `${applied} Filtered by: ${crossLabel}.` : applied;
}
