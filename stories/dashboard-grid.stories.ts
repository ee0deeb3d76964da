import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/dashboard-grid/define.js';
import '../components/widget/define.js';
import type { GridItem } from '../components/dashboard-grid/define.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { catalogSpec } from '../src/widgets/catalog.js';
import { CATALOG_NOW, catalogAdapter } from './support/catalog.js';
import { storyElement } from './support/play.js';

// <clv-dashboard-grid> laying out five catalog widgets on its 12 columns (rows of 80 px), in view
// mode, in edit mode with move and resize handles, and stacked in a narrow container.

/** The widgets on the grid: catalog ids, where each sits, and the title the handles are named by. */
const items: GridItem[] = [
  { id: 'revenue-last-90-days', layout: { x: 0, y: 0, w: 3, h: 3 } },
  { id: 'revenue-trend', layout: { x: 3, y: 0, w: 9, h: 3 } },
  { id: 'revenue-by-loyalty-tier', layout: { x: 0, y: 3, w: 4, h: 4 } },
  { id: 'revenue-by-channel', layout: { x: 4, y: 3, w: 4, h: 4 } },
  { id: 'clv-by-decile', layout: { x: 8, y: 3, w: 4, h: 4 } },
].map((item) => ({ ...item, label: catalogSpec(item.id).title }));

interface GridArgs {
  items: GridItem[];
  editing: boolean;
  /** Width of the container. */
  width: string;
}

type Loaded = { adapter: DataAdapter };

const tile = 'border: 1px solid #cfd4dc; border-radius: 6px; padding: 0.75rem; background: #fff';

const meta: Meta<GridArgs> = {
  title: 'Dashboards/Grid',
  component: 'clv-dashboard-grid',
  argTypes: { items: { control: 'object' }, editing: { control: 'boolean' }, width: { control: 'text' } },
  args: { items, editing: false, width: '68rem' },
  loaders: [async (): Promise<Loaded> => ({ adapter: catalogAdapter() })],
  render: (args, { loaded }) => html`<div style="width: ${args.width}; max-width: 100%">
    <clv-dashboard-grid
      .items=${args.items}
      ?editing=${args.editing}
      row-height="80"
      @clv-layout-change=${(e: CustomEvent) => console.info('clv-layout-change', e.detail)}
    >
      ${[...new Set(args.items.map((item) => item.id))].map(
        (id) => html`<clv-widget
          slot=${id}
          style=${tile}
          .spec=${catalogSpec(id)}
          .adapter=${(loaded as Loaded).adapter}
          now=${CATALOG_NOW}
        ></clv-widget>`,
      )}
    </clv-dashboard-grid>
  </div>`,
};
export default meta;

type Story = StoryObj<GridArgs>;

/** View mode: each widget fills the cells its layout spans. */
export const View: Story = {};

/** Edit mode: every cell is outlined, with a move handle and a resize handle named after its widget. */
export const Edit: Story = { args: { editing: true } };

/** Edit mode, moving "Revenue by loyalty tier" with the keyboard: picked up with Space, two columns right; the channel donut makes way below it. */
export const KeyboardMove: Story = {
  name: 'Edit (keyboard move in progress)',
  args: { editing: true },
  play: async ({ canvasElement }) => {
    const grid = await storyElement(canvasElement, 'clv-dashboard-grid');
    const handle = grid.shadowRoot?.querySelector<HTMLButtonElement>('.cell[data-id="revenue-by-loyalty-tier"] [part~="move-handle"]');
    if (!handle) throw new Error('no move handle for revenue-by-loyalty-tier');
    handle.focus();
    handle.click(); // a keyboard activation (Space, Enter) is a click with detail 0
    await grid.updateComplete;
    for (const key of ['ArrowRight', 'ArrowRight']) {
      handle.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await grid.updateComplete;
    }
  },
};

/** A narrow container (30rem, under 640 px): view mode stacks the widgets in reading order, each as tall as its rows. */
export const Narrow: Story = { args: { width: '30rem' } };

/** Items that cannot be placed (past the 12th column, an id used twice) are listed by field; the others are laid out. */
export const InvalidItems: Story = {
  name: 'Error (items that cannot be placed)',
  args: {
    items: [
      ...items.slice(0, 3),
      { id: 'revenue-by-channel', label: 'Revenue share by channel', layout: { x: 10, y: 3, w: 4, h: 4 } },
      { id: 'revenue-by-loyalty-tier', label: 'Revenue by loyalty tier (again)', layout: { x: 4, y: 3, w: 4, h: 4 } },
    ],
  },
};
