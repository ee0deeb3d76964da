import './define-menu.js';
import { ClvWidget } from './widget.js';

export { ClvWidget };
export type { WidgetState } from './widget.js';
export type { WidgetClickDetail } from './widget-click.js';

if (!customElements.get('clv-widget')) customElements.define('clv-widget', ClvWidget);
