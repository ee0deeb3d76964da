// clv-kit/components: the Lit web components. Importing this module defines every element
// (each definition is skipped when the tag is already registered).
export { ClvDataProvider } from './data-provider/define.js';
export { ClvQueryChart } from './query-chart/define.js';
export { ClvLoadProgress } from './load-progress/define.js';
export { ClvFileImport } from './file-import/define.js';
export { ClvWidget, type WidgetState, type WidgetClickDetail } from './widget/define.js';
export { ClvDashboardGrid, STACK_BELOW, type GridItem, type LayoutChangeDetail } from './dashboard-grid/define.js';
export { ClvWidgetMenu, ClvDataViewer, type WidgetExportDetail, type WidgetExportFile, type WidgetExportKind, type WidgetExportSource } from './widget/define-menu.js';
export { ClvDashboardFilters, ClvMultiSelect } from './dashboard-filters/define.js';
export { ClvDashboard, ClvDashboardInventory, ClvAddWidgetDialog, ClvWidgetSettingsDialog, ClvChoiceDialog, ClvComposerDialog, type DashboardViewState, type DashboardOpenDetail, type DashboardSaveDetail, type DashboardDrillDetail, type DashboardDeleteDetail } from './dashboard/define.js';
export { ClvWidgetComposer, ClvComposerPreview, ClvComposerTablePicker, ClvComposerAttributeRail, ClvComposerShelves, ClvComposerMarkPicker, ClvComposerProperties, ClvComposerSqlEditor, ClvComposerFilterDialog, type ComposerSource, type ComposerSaveDetail, type EditFilterDetail, type PickupDetail, type FilterDialogRequest } from './widget-composer/define.js';

export type { QueryChartState } from './query-chart/query-chart.js';
export { CHART_MARKS, VEGA_MARKS, isChartMark, resolveMapping, resolveBigNumberColumn, ChartConfigError } from './query-chart/chart-mapping.js';
export type { ChartMark, VegaMark, FieldMapping, ResolvedMapping } from './query-chart/chart-mapping.js';
export { buildSpec, type ChartTheme } from './query-chart/chart-spec.js';
export { summarizeChart, summarizeTable } from './query-chart/chart-summary.js';
export { humanizePhase, type LoadState } from './load-progress/load-progress.js';
export { ACCEPTED_FILES, type ImportStep } from './file-import/file-import.js';
export type { ImportSummary, RejectedReasonCount } from './file-import/import-summary.js';
export type { MappingDraft } from './file-import/import-mapping.js';

export { adapterContext, dataChangesContext, type AdapterContext, type DataChangesContext } from './shared/adapter-context.js';
export { emit, type ChartClickDetail, type QueryCompleteDetail, type QueryErrorDetail } from './shared/events.js';
export { formatNumber, formatTime, formatValue, granularityOf, MISSING_VALUE } from './shared/format.js';
export { QueryController, toDisplayError, type DisplayError, type QueryStatus, type QueryControllerOptions } from './shared/query-controller.js';
export { ResizeController, type Size } from './shared/resize-controller.js';
export { tokenDefaults, token, readToken, baseStyles, categoryTokens, type TokenName } from './shared/tokens.styles.js';
export { ClvRefreshSchedules, REFRESH_EVENT_TYPES, type RefreshSchedulesState, type RunHistoryRow } from './refresh-schedules/define.js';
