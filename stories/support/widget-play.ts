// What the widget stories' play functions do: wait for a widget, open its menu, choose an item,
// use its table. Each step waits for the elements to update, as a person would see the result.
import type { ClvWidget } from '../../components/widget/widget.js';
import type { ClvWidgetMenu } from '../../components/widget/widget-menu.js';

/** The first `<clv-widget>` in the story, once its outcome is on screen. */
export async function shownWidget(canvas: HTMLElement): Promise<ClvWidget> {
  const widget = canvas.querySelector('clv-widget');
  if (!widget) throw new Error('the story has no <clv-widget>');
  await widget.rendered;
  return widget;
}

function part<T extends Element>(root: Element, selector: string): T {
  const found = root.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`<${root.localName}> has no ${selector}`);
  return found;
}

/** Opens the widget's menu with its button, as a click does. */
export async function openMenu(widget: ClvWidget): Promise<ClvWidgetMenu> {
  const menu = part<ClvWidgetMenu>(widget, 'clv-widget-menu');
  part<HTMLButtonElement>(menu, '[part=menu-button]').click();
  await menu.updateComplete;
  return menu;
}

/** Opens the menu and chooses an item ("view-data", "view-provenance", …), then waits for its dialog. */
export async function chooseMenuItem(widget: ClvWidget, id: string): Promise<ClvWidgetMenu> {
  const menu = await openMenu(widget);
  part<HTMLButtonElement>(menu, `[role=menuitem][data-id="${id}"]`).click();
  await menu.updateComplete;
  return menu;
}

/** Clicks the sort button in the table header titled `title`. */
export async function sortTableBy(widget: ClvWidget, title: string): Promise<void> {
  const buttons = [...(widget.shadowRoot?.querySelectorAll<HTMLButtonElement>('.sort-button') ?? [])];
  const button = buttons.find((b) => b.textContent?.replace(/[▲▼↕]/g, '').trim() === title);
  if (!button) throw new Error(`the table has no sortable column "${title}"`);
  button.click();
  await widget.updateComplete;
}

/** Clicks the table's Next button. */
export async function nextPage(widget: ClvWidget): Promise<void> {
  const next = [...(widget.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part=page-button]') ?? [])].find((b) => b.textContent?.trim() === 'Next');
  if (!next) throw new Error('the table has no Next button');
  next.click();
  await widget.updateComplete;
}
