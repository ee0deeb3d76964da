import { ClvDashboardGrid } from './dashboard-grid.js';

export { ClvDashboardGrid };
export { STACK_BELOW, type GridItem, type HandleKind, type LayoutChangeDetail } from './dashboard-grid.js';

if (!customElements.get('clv-dashboard-grid')) customElements.define('clv-dashboard-grid', ClvDashboardGrid);
