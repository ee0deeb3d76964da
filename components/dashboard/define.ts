import '../widget/define.js';
import '../dashboard-grid/define.js';
import '../dashboard-filters/define.js';
import { ClvAddWidgetDialog } from './add-widget-dialog.js';
import { ClvComposerDialog } from './composer-dialog.js';
import { ClvChoiceDialog } from './confirm-dialog.js';
import { ClvDashboard } from './dashboard.js';
import { ClvDashboardInventory } from './inventory.js';
import { ClvWidgetSettingsDialog } from './widget-settings.js';

export { ClvDashboard, ClvDashboardInventory, ClvAddWidgetDialog, ClvWidgetSettingsDialog, ClvChoiceDialog, ClvComposerDialog };
export type { DashboardDrillDetail, DashboardOpenDetail, DashboardSaveDetail, DashboardViewState } from './dashboard.js';
export type { DashboardDeleteDetail, InventoryOpenDetail, InventoryState } from './inventory.js';
export type { DialogChoice, DialogRequest } from './confirm-dialog.js';
export type { AddWidgetChoice, ComposeNewWidget, PickedWidget } from './add-widget-dialog.js';
export type { ComposeRequest } from './composer-dialog.js';
export type { WidgetSettings } from './widget-settings.js';

const define = (tag: string, element: CustomElementConstructor) => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
define('clv-choice-dialog', ClvChoiceDialog);
define('clv-add-widget-dialog', ClvAddWidgetDialog);
define('clv-widget-settings-dialog', ClvWidgetSettingsDialog);
define('clv-composer-dialog', ClvComposerDialog);
define('clv-dashboard-inventory', ClvDashboardInventory);
define('clv-dashboard', ClvDashboard);
