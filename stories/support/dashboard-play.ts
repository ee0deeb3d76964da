// What the dashboard stories' play functions do: wait for a dashboard to show, press its buttons,
// click a bar of one of its widgets.
import type { ClvDashboard } from '../../components/dashboard/dashboard.js';
import type { ClvWidget } from '../../components/widget/widget.js';
import { until } from './play.js';

/** The `<clv-dashboard>` with this id in the story (the first one without an id). */
export function dashboardIn(canvas: HTMLElement, id?: string): ClvDashboard {
  const el = canvas.querySelector<ClvDashboard>(id ? `clv-dashboard#${id}` : 'clv-dashboard');
  if (!el) throw new Error(`the story has no <clv-dashboard${id ? ` id="${id}"` : ''}>`);
  return el;
}

/** Waits until the dashboard shows its widgets with their outcome (data, empty or error) drawn. */
export async function shownDashboard(el: ClvDashboard, state: 'view' | 'editing' = 'view'): Promise<ClvWidget[]> {
  await until(() => el.state === state, `the dashboard to be in ${state} mode (it is ${el.state})`);
  await el.updateComplete;
  await until(() => el.widgets.length > 0, 'the widgets to be on screen');
  await Promise.all(el.widgets.map((w) => w.rendered));
  return el.widgets;
}

/** Clicks one of the dashboard's buttons by its data-action ("edit", "add", "save", …). */
export async function press(el: ClvDashboard, action: string): Promise<void> {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!button) throw new Error(`the dashboard has no "${action}" button now`);
  button.click();
  await el.updateComplete;
}

/** Clicks a tile's button ("settings", "duplicate", "delete") in edit mode. */
export async function pressOnTile(el: ClvDashboard, widgetId: string, action: string): Promise<void> {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`.tile[data-widget-id="${widgetId}"] [data-action="${action}"]`);
  if (!button) throw new Error(`widget "${widgetId}" has no "${action}" button now`);
  button.click();
  await el.updateComplete;
}

/** The widget of tile `widgetId`. */
export function tileWidget(el: ClvDashboard, widgetId: string): ClvWidget {
  const widget = el.shadowRoot?.querySelector<ClvWidget>(`.tile[data-widget-id="${widgetId}"] clv-widget`);
  if (!widget) throw new Error(`the dashboard has no widget "${widgetId}"`);
  return widget;
}

/** Clicks the bar of a drawn bar chart whose row has `value` in `field`, as the pointer does. */
export async function clickBar(widget: ClvWidget, field: string, value: string): Promise<void> {
  await widget.rendered;
  const row = widget.result?.rows.findIndex((r) => r[field] === value) ?? -1;
  if (row < 0) throw new Error(`the widget has no row with ${field} = ${value}`);
  const bar = [...(widget.shadowRoot?.querySelectorAll<SVGPathElement>('.vega g.mark-rect.role-mark path') ?? [])].find(
    (path) => (path as unknown as { __data__?: { datum?: Record<string, unknown> } }).__data__?.datum?.[field] === value,
  );
  if (!bar) throw new Error(`no bar for ${value} is drawn`);
  const box = bar.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  bar.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...at }));
}
