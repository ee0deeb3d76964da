import { ClvDashboardFilters } from './dashboard-filters.js';
import { ClvMultiSelect } from './multi-select.js';

export { ClvDashboardFilters, ClvMultiSelect };

if (!customElements.get('clv-multi-select')) customElements.define('clv-multi-select', ClvMultiSelect);
if (!customElements.get('clv-dashboard-filters')) customElements.define('clv-dashboard-filters', ClvDashboardFilters);
