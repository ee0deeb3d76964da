import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/dashboard-grid/define.js';
import type { ClvDashboardGrid, GridItem, LayoutChangeDetail } from '../../components/dashboard-grid/dashboard-grid.js';

// 732 px = 12 columns of 50 px and 11 gaps of 12 px; rows are 90 px, so a row step is 102 px.
const WIDTH = 732;
const COLUMN = 50;
const GAP = 12;
const ROW = 90;

const ITEMS: GridItem[] = [
  { id: 'revenue', label: 'Revenue', layout: { x: 0, y: 0, w: 6, h: 2 } },
  { id: 'customers', label: 'Customers', layout: { x: 6, y: 0, w: 6, h: 2 } },
  { id: 'tiers', label: 'Tiers', layout: { x: 0, y: 2, w: 12, h: 2 } },
];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

async function mount(options: { items?: GridItem[]; editing?: boolean; width?: number } = {}): Promise<ClvDashboardGrid> {
  const { items = ITEMS, editing = false, width = WIDTH } = options;
  return fixture<ClvDashboardGrid>(html`<clv-dashboard-grid style="width: ${width}px" .items=${items} ?editing=${editing}>
    <section slot="revenue" aria-label="Revenue">Revenue by month</section>
    <section slot="customers" aria-label="Customers">Active customers</section>
    <section slot="tiers" aria-label="Tiers">Revenue by tier</section>
  </clv-dashboard-grid>`);
}

const grid = (el: ClvDashboardGrid) => el.shadowRoot!.querySelector<HTMLElement>('[part~=base]')!;
const cell = (el: ClvDashboardGrid, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=cell][data-id="${id}"]`)!;
const handle = (el: ClvDashboardGrid, id: string, kind: 'move' | 'resize') => cell(el, id).querySelector<HTMLButtonElement>(`[part~=${kind}-handle]`)!;
const live = (el: ClvDashboardGrid) => el.shadowRoot!.querySelector('[role=status]')!.textContent;
const layouts = (el: ClvDashboardGrid) => el.items.map(({ id, layout }) => ({ id, layout }));
// Assertions compare names and counts, never elements: a failing comparison of DOM nodes makes wtr
// serialize the whole document and hang.
const count = (el: ClvDashboardGrid, selector: string) => el.shadowRoot!.querySelectorAll(selector).length;
const focused = (el: ClvDashboardGrid) => el.shadowRoot!.activeElement?.getAttribute('aria-label') ?? null;

/** An element's box relative to the grid, rounded to whole pixels. */
function boxOf(el: ClvDashboardGrid, target: Element): Box {
  const g = grid(el).getBoundingClientRect();
  const r = target.getBoundingClientRect();
  return { x: Math.round(r.left - g.left), y: Math.round(r.top - g.top), w: Math.round(r.width), h: Math.round(r.height) };
}
const childBox = (el: ClvDashboardGrid, id: string) => boxOf(el, el.querySelector(`[slot="${id}"]`)!);

/** The viewport point at the middle of grid cell (col, row). */
function cellCenter(el: ClvDashboardGrid, col: number, row: number): [number, number] {
  const g = grid(el).getBoundingClientRect();
  return [Math.round(g.left + col * (COLUMN + GAP) + COLUMN / 2), Math.round(g.top + row * (ROW + GAP) + ROW / 2)];
}
function centerOf(target: Element): [number, number] {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

function pointer(target: Element, type: string, [clientX, clientY]: [number, number]): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX, clientY, bubbles: true, composed: true }),
  );
}

/** Collects clv-layout-change details. */
function recordChanges(el: ClvDashboardGrid): LayoutChangeDetail[] {
  const seen: LayoutChangeDetail[] = [];
  el.addEventListener('clv-layout-change', (event) => seen.push(event.detail));
  return seen;
}

describe('<clv-dashboard-grid>', () => {
  it('places each widget on the 12-column grid at its pixel box, with empty cells for widgets without content', async () => {
    const el = await mount({
      items: [
        { id: 'tiers', label: 'Tiers', layout: { x: 0, y: 2, w: 4, h: 3 } },
        { id: 'customers', label: 'Customers', layout: { x: 6, y: 0, w: 6, h: 2 } },
        { id: 'revenue', label: 'Revenue', layout: { x: 0, y: 0, w: 6, h: 2 } },
        { id: 'notes', label: 'Notes', layout: { x: 4, y: 2, w: 8, h: 1 } },
      ],
    });
    // A w=6 widget is half the width minus half a gap: (732 - 12) / 2 = 360.
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: (WIDTH - GAP) / 2, h: 2 * ROW + GAP });
    expect(childBox(el, 'customers')).to.deep.equal({ x: (WIDTH + GAP) / 2, y: 0, w: 360, h: 192 });
    expect(childBox(el, 'tiers')).to.deep.equal({ x: 0, y: 204, w: 4 * COLUMN + 3 * GAP, h: 3 * ROW + 2 * GAP });
    expect(boxOf(el, cell(el, 'notes'))).to.deep.equal({ x: 4 * (COLUMN + GAP), y: 204, w: 8 * COLUMN + 7 * GAP, h: ROW });
    expect(cell(el, 'notes').querySelector('slot')!.assignedElements().length).to.equal(0);
    expect(grid(el).getBoundingClientRect().height).to.equal(204 + 294);
    // Cells come in reading order (y, then x), whatever the order of the items.
    expect([...el.shadowRoot!.querySelectorAll('[part~=cell]')].map((c) => c.getAttribute('data-id'))).to.deep.equal(['revenue', 'customers', 'tiers', 'notes']);
    // View mode: no handles, no placeholder.
    expect(count(el, 'button, [part~=placeholder]')).to.equal(0);
    expect(el.hasAttribute('editing')).to.equal(false);
    await expect(el).to.be.accessible();

    el.rowHeight = 60;
    el.gap = 0;
    await el.updateComplete;
    expect(childBox(el, 'tiers')).to.deep.equal({ x: 0, y: 120, w: 244, h: 180 });
  });

  it('shows nothing for no items, and reports items that cannot be placed while placing the rest', async () => {
    const empty = await mount({ items: [] });
    expect(count(empty, '[part~=cell]')).to.equal(0);
    expect(grid(empty).getBoundingClientRect().height).to.equal(0);
    expect(count(empty, '[part~=error]')).to.equal(0);
    await expect(empty).to.be.accessible();

    const el = await mount({
      items: [
        ITEMS[0],
        { id: 'customers', label: 'Customers', layout: { x: 8, y: 0, w: 6, h: 2 } },
        { id: 'revenue', label: 'Revenue again', layout: { x: 0, y: 4, w: 2, h: 2 } },
      ],
    });
    const error = el.shadowRoot!.querySelector('[part~=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect([...error.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'items[1].layout.w: x + w must not exceed 12 columns',
      'items[2].id: "revenue" is used twice',
    ]);
    expect([...el.shadowRoot!.querySelectorAll('[part~=cell]')].map((c) => c.getAttribute('data-id'))).to.deep.equal(['revenue']);
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 360, h: 192 });
    await expect(el).to.be.accessible();
  });

  it('moves a widget with the keyboard: pick up, arrows, drop', async () => {
    const el = await mount({ editing: true });
    const changes = recordChanges(el);
    const move = handle(el, 'revenue', 'move');
    expect(move.getAttribute('aria-label')).to.equal('Move Revenue');
    expect(handle(el, 'revenue', 'resize').getAttribute('aria-label')).to.equal('Resize Revenue');
    expect(move.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();

    move.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(move.getAttribute('aria-pressed')).to.equal('true');
    expect(live(el)).to.equal('Picked up Revenue. Arrow keys move it, Space or Enter drops it, Escape cancels.');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live(el)).to.equal('Revenue: column 3, row 1');
    // The preview is live: Customers made room below, and the placeholder marks the new spot.
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 2 * (COLUMN + GAP), y: 0, w: 360, h: 192 });
    expect(childBox(el, 'customers')).to.deep.equal({ x: 372, y: 204, w: 360, h: 192 });
    expect(boxOf(el, el.shadowRoot!.querySelector('[part~=placeholder]')!)).to.deep.equal({ x: 124, y: 0, w: 360, h: 192 });

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(live(el)).to.equal('Revenue: column 3, row 3');
    expect(changes).to.have.length(0);
    expect(focused(el)).to.equal('Move Revenue');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(changes).to.deep.equal([
      {
        items: [
          { id: 'revenue', layout: { x: 2, y: 2, w: 6, h: 2 } },
          { id: 'customers', layout: { x: 6, y: 0, w: 6, h: 2 } },
          { id: 'tiers', layout: { x: 0, y: 4, w: 12, h: 2 } },
        ],
      },
    ]);
    expect(el.items.map((item) => item.label)).to.deep.equal(['Revenue', 'Customers', 'Tiers']);
    expect(layouts(el)).to.deep.equal(changes[0].items);
    expect(live(el)).to.equal('Dropped. Revenue: column 3, row 3.');
    expect(childBox(el, 'tiers')).to.deep.equal({ x: 0, y: 408, w: WIDTH, h: 192 });
    expect(count(el, '[part~=placeholder]')).to.equal(0);
    // The cells were reordered to the new reading order; focus stayed on the handle.
    const movedHandle = handle(el, 'revenue', 'move');
    expect(movedHandle.getAttribute('aria-pressed')).to.equal('false');
    expect(focused(el)).to.equal('Move Revenue');
  });

  it('puts the widget back on Escape or when focus leaves the handle, without a change event', async () => {
    const el = await mount({ editing: true });
    const changes = recordChanges(el);
    const move = handle(el, 'customers', 'move');
    move.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(live(el)).to.equal('Customers: column 6, row 1');
    expect(childBox(el, 'revenue').y).to.equal(204);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(live(el)).to.equal('Cancelled. Customers: column 7, row 1.');
    expect(move.getAttribute('aria-pressed')).to.equal('false');
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 360, h: 192 });
    expect(childBox(el, 'customers')).to.deep.equal({ x: 372, y: 0, w: 360, h: 192 });
    expect(document.activeElement?.localName).to.equal('clv-dashboard-grid');
    expect(focused(el)).to.equal('Move Customers');

    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(move.getAttribute('aria-pressed')).to.equal('false');
    expect(layouts(el)).to.deep.equal(ITEMS.map(({ id, layout }) => ({ id, layout })));
    expect(childBox(el, 'customers')).to.deep.equal({ x: 372, y: 0, w: 360, h: 192 });
    expect(changes).to.have.length(0);
  });

  it('resizes a widget with the keyboard', async () => {
    const el = await mount({ editing: true });
    const changes = recordChanges(el);
    const resize = handle(el, 'revenue', 'resize');
    resize.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(resize.getAttribute('aria-pressed')).to.equal('true');
    expect(live(el)).to.equal('Picked up Revenue. Arrow keys resize it, Space or Enter drops it, Escape cancels.');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(live(el)).to.equal('Revenue: 7 columns wide, 3 rows tall');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(changes).to.deep.equal([
      {
        items: [
          { id: 'revenue', layout: { x: 0, y: 0, w: 7, h: 3 } },
          { id: 'customers', layout: { x: 6, y: 3, w: 6, h: 2 } },
          { id: 'tiers', layout: { x: 0, y: 5, w: 12, h: 2 } },
        ],
      },
    ]);
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 7 * COLUMN + 6 * GAP, h: 3 * ROW + 2 * GAP });
    expect(focused(el)).to.equal('Resize Revenue');
  });

  it('moves a widget by dragging its handle with the mouse', async () => {
    const el = await mount({ editing: true });
    const changes = recordChanges(el);
    try {
      await sendMouse({ type: 'move', position: centerOf(handle(el, 'revenue', 'move')) });
      await sendMouse({ type: 'down' });
      // Onto the top-left cell of Customers.
      await sendMouse({ type: 'move', position: cellCenter(el, 6, 0) });
      await el.updateComplete;
      expect(boxOf(el, el.shadowRoot!.querySelector('[part~=placeholder]')!)).to.deep.equal({ x: 372, y: 0, w: 360, h: 192 });
      expect(childBox(el, 'customers')).to.deep.equal({ x: 372, y: 204, w: 360, h: 192 });
      expect(handle(el, 'revenue', 'move').getAttribute('aria-pressed')).to.equal('true');
      expect(changes).to.have.length(0);
      await sendMouse({ type: 'up' });
    } finally {
      await resetMouse();
    }
    await el.updateComplete;
    expect(changes).to.deep.equal([
      {
        items: [
          { id: 'revenue', layout: { x: 6, y: 0, w: 6, h: 2 } },
          { id: 'customers', layout: { x: 6, y: 2, w: 6, h: 2 } },
          { id: 'tiers', layout: { x: 0, y: 4, w: 12, h: 2 } },
        ],
      },
    ]);
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 372, y: 0, w: 360, h: 192 });
    expect(live(el)).to.equal('Dropped. Revenue: column 7, row 1.');
    expect(count(el, '[part~=placeholder]')).to.equal(0);
  });

  it('resizes a widget by dragging its corner, and Escape abandons a drag', async () => {
    const el = await mount({ editing: true });
    const changes = recordChanges(el);
    const resize = handle(el, 'revenue', 'resize');
    pointer(resize, 'pointerdown', centerOf(resize));
    pointer(resize, 'pointermove', cellCenter(el, 8, 2));
    await el.updateComplete;
    expect(boxOf(el, el.shadowRoot!.querySelector('[part~=placeholder]')!)).to.deep.equal({ x: 0, y: 0, w: 9 * COLUMN + 8 * GAP, h: 3 * ROW + 2 * GAP });
    expect(childBox(el, 'customers').y).to.equal(3 * (ROW + GAP));
    pointer(resize, 'pointerup', cellCenter(el, 8, 2));
    await el.updateComplete;
    expect(changes).to.deep.equal([
      {
        items: [
          { id: 'revenue', layout: { x: 0, y: 0, w: 9, h: 3 } },
          { id: 'customers', layout: { x: 6, y: 3, w: 6, h: 2 } },
          { id: 'tiers', layout: { x: 0, y: 5, w: 12, h: 2 } },
        ],
      },
    ]);
    expect(live(el)).to.equal('Dropped. Revenue: 9 columns wide, 3 rows tall.');

    const move = handle(el, 'tiers', 'move');
    pointer(move, 'pointerdown', centerOf(move));
    pointer(move, 'pointermove', cellCenter(el, 2, 0));
    await el.updateComplete;
    expect(childBox(el, 'revenue').y).to.equal(2 * (ROW + GAP));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(count(el, '[part~=placeholder]')).to.equal(0);
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 546, h: 294 });
    expect(childBox(el, 'tiers')).to.deep.equal({ x: 0, y: 5 * (ROW + GAP), w: WIDTH, h: 192 });
    expect(live(el)).to.equal('Cancelled. Tiers: column 1, row 6.');
    // The release after Escape changes nothing.
    pointer(move, 'pointerup', cellCenter(el, 2, 0));
    await el.updateComplete;
    expect(changes).to.have.length(1);
  });

  it('stacks the widgets in one column, in reading order, in a narrow container in view mode', async () => {
    const el = await mount({ width: 500, items: [...ITEMS].reverse() });
    await waitUntil(() => el.stacked, 'the grid did not stack at 500 px');
    await el.updateComplete;
    expect(childBox(el, 'revenue')).to.deep.equal({ x: 0, y: 0, w: 500, h: 2 * ROW });
    expect(childBox(el, 'customers')).to.deep.equal({ x: 0, y: 2 * ROW + GAP, w: 500, h: 2 * ROW });
    expect(childBox(el, 'tiers')).to.deep.equal({ x: 0, y: 4 * ROW + 2 * GAP, w: 500, h: 2 * ROW });
    await expect(el).to.be.accessible();

    // Editing keeps the grid, so widgets can be placed side by side.
    el.editing = true;
    await el.updateComplete;
    expect(el.stacked).to.equal(false);
    expect(childBox(el, 'customers')).to.deep.equal({ x: (500 + GAP) / 2, y: 0, w: (500 - GAP) / 2, h: 192 });
    await expect(el).to.be.accessible();
  });
});
