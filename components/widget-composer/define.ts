import '../widget/define.js';
import { ClvComposerAttributeRail } from './attribute-rail.js';
import { ClvComposerFilterDialog } from './filter-dialog.js';
import { ClvComposerMarkPicker } from './mark-picker.js';
import { ClvComposerPreview } from './preview.js';
import { ClvComposerProperties } from './properties-panel.js';
import { ClvComposerShelves } from './shelves.js';
import { ClvComposerSqlEditor } from './sql-editor.js';
import { ClvComposerTablePicker } from './table-picker.js';
import { ClvWidgetComposer } from './widget-composer.js';

export {
  ClvWidgetComposer,
  ClvComposerPreview,
  ClvComposerTablePicker,
  ClvComposerAttributeRail,
  ClvComposerShelves,
  ClvComposerMarkPicker,
  ClvComposerProperties,
  ClvComposerSqlEditor,
  ClvComposerFilterDialog,
};
export type { ComposerSource } from './widget-composer.js';
export type { ComposerSaveDetail, EditFilterDetail, PickupDetail } from './composer-events.js';
export type { FilterDialogRequest } from './filter-dialog.js';

const define = (tag: string, element: CustomElementConstructor) => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
// The parts first, so the composer's first render finds them defined.
define('clv-composer-table-picker', ClvComposerTablePicker);
define('clv-composer-attribute-rail', ClvComposerAttributeRail);
define('clv-composer-shelves', ClvComposerShelves);
define('clv-composer-mark-picker', ClvComposerMarkPicker);
define('clv-composer-properties', ClvComposerProperties);
define('clv-composer-sql-editor', ClvComposerSqlEditor);
define('clv-composer-filter-dialog', ClvComposerFilterDialog);
define('clv-composer-preview', ClvComposerPreview);
define('clv-widget-composer', ClvWidgetComposer);
