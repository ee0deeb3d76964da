import { ClvDataViewer } from './data-viewer.js';
import { ClvWidgetMenu } from './widget-menu.js';

export { ClvDataViewer, ClvWidgetMenu };
export type { WidgetExportDetail } from './widget-menu.js';
export type { WidgetExportFile, WidgetExportKind } from './export-files.js';
export type { WidgetExportSource } from './widget-source.js';

if (!customElements.get('clv-data-viewer')) customElements.define('clv-data-viewer', ClvDataViewer);
if (!customElements.get('clv-widget-menu')) customElements.define('clv-widget-menu', ClvWidgetMenu);
