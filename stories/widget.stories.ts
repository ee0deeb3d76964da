import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/widget/define.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { catalogSpec } from '../src/widgets/catalog.js';
import { createWidgetSnapshot, type WidgetSnapshot } from '../src/widgets/snapshot.js';
import { failingAdapter, pendingAdapter } from './support/adapters.js';
import { CATALOG_NOW, catalogAdapter, catalogSqlAdapter } from './support/catalog.js';
import { darkThemeStyle } from './support/themes.js';
import { chooseMenuItem, nextPage, openMenu, shownWidget, sortTableBy } from './support/widget-play.js';
import { filteredRevenue, invalidSpec, markSpecs, noRowsSpec, revenueDown, revenueTable, revenueUp } from './support/widget-specs.js';

// <clv-widget> in each of its states and with each of its marks. Data stories query the catalog
// adapter (the in-memory engine over 2,000 synthetic customers, 2023–2024; DuckDB-WASM where the
// SQL is shown); "now" is pinned to 2025-01-01.

interface WidgetArgs {
  /** The widget spec (validated by the element). */
  spec: unknown;
  /** Width and height of the widget's box. */
  box: string;
}

type Loaded = { adapter?: DataAdapter; snapshot?: WidgetSnapshot };

const BOX = 'width: 40rem; max-width: 100%; height: 22rem';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Widget',
  component: 'clv-widget',
  argTypes: { spec: { control: 'object' }, box: { control: 'text' } },
  args: { spec: markSpecs.bar, box: BOX },
  loaders: [async (): Promise<Loaded> => ({ adapter: catalogAdapter() })],
  render: (args, { loaded }) => html`<clv-widget
    style=${args.box}
    .spec=${args.spec}
    .adapter=${(loaded as Loaded).adapter}
    .snapshot=${(loaded as Loaded).snapshot}
    now=${CATALOG_NOW}
    @clv-widget-click=${(e: CustomEvent) => console.info('clv-widget-click', e.detail)}
  ></clv-widget>`,
};
export default meta;

type Story = StoryObj<WidgetArgs>;

// ------------------------------------------------------------------ states

/** Loading: the adapter never answers, so the placeholder of a bar chart stays. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ adapter: pendingAdapter() })],
};

/** Loading, big number: the placeholder keeps the big number's shape. */
export const LoadingBigNumber: Story = {
  name: 'Loading (big number)',
  args: { spec: revenueUp, box: 'width: 20rem' },
  loaders: [async (): Promise<Loaded> => ({ adapter: pendingAdapter() })],
};

/** Empty: the query ran and no row matched its filter. */
export const Empty: Story = {
  args: { spec: noRowsSpec },
};

/** Error: the adapter failed; the message, its code and a Retry button. */
export const Error: Story = {
  loaders: [
    async (): Promise<Loaded> => ({ adapter: failingAdapter('backend', 'The warehouse connection was refused (ECONNREFUSED 10.0.4.12:5432).') }),
  ],
};

/** Error: a SQL widget on an adapter without SQL (the in-memory engine) says what it needs. */
export const SqlWithoutSqlAdapter: Story = {
  name: 'Error (SQL widget, adapter without SQL)',
  args: { spec: catalogSpec('decile-migration') },
};

/** Invalid spec: the x field is not a result column; the message names encodings.x.field, and there is no Retry. */
export const InvalidSpec: Story = {
  name: 'Error (invalid spec)',
  args: { spec: invalidSpec },
};

/** Idle: a spec but no adapter (and no <clv-data-provider> around it). */
export const Idle: Story = {
  name: 'Idle (no adapter)',
  loaders: [async (): Promise<Loaded> => ({ adapter: undefined })],
};

/** A "spec + data" snapshot (createWidgetSnapshot) drawn without any adapter: the rows travel with the spec. */
export const Snapshot: Story = {
  name: 'Snapshot (spec + data, no adapter)',
  loaders: [
    async (): Promise<Loaded> => {
      const spec = markSpecs.line;
      if (spec.data.kind !== 'semantic') throw new globalThis.Error('the line spec is semantic');
      const result = await catalogAdapter().query(spec.data.query, { now: CATALOG_NOW });
      return { adapter: undefined, snapshot: createWidgetSnapshot(spec, result, undefined, new Date(`${CATALOG_NOW}T00:00:00Z`)) };
    },
  ],
};

// ------------------------------------------------------------------ big numbers and tables

/** Big number, up: Q4 2024 revenue against the previous period (Q3), in the success colour with an up arrow. */
export const BigNumberUp: Story = {
  name: 'Big number (delta up)',
  args: { spec: revenueUp, box: 'width: 22rem' },
};

/** Big number, down: Q1 2024 revenue against a comparison query for Q4 2023, in the danger colour with a down arrow. */
export const BigNumberDown: Story = {
  name: 'Big number (delta down)',
  args: { spec: revenueDown, box: 'width: 22rem' },
};

/** Table: 32 rows, 10 a page, sorted by revenue (the spec's default sort); the last column is not sortable. */
export const Table: Story = {
  args: { spec: revenueTable, box: 'width: 44rem; max-width: 100%' },
};

/** Table after sorting by product category (ascending) and moving to page 2 with Next. */
export const TableSortedPage2: Story = {
  name: 'Table (sorted by product category, page 2)',
  args: { spec: revenueTable, box: 'width: 44rem; max-width: 100%' },
  play: async ({ canvasElement }) => {
    const widget = await shownWidget(canvasElement);
    await sortTableBy(widget, 'Product category');
    await nextPage(widget);
  },
};

// ------------------------------------------------------------------ marks

/** Bar: revenue per category, largest first; a click (or Enter on a focused bar) emits clv-widget-click. */
export const Bar: Story = { args: { spec: markSpecs.bar } };

/** Stacked bar: revenue per category, stacked by channel. */
export const StackedBar: Story = { name: 'Stacked bar', args: { spec: markSpecs.stackedBar } };

/** Line: monthly revenue, one line per channel. */
export const Line: Story = { args: { spec: markSpecs.line } };

/** Area: monthly revenue stacked by channel. */
export const Area: Story = { args: { spec: markSpecs.area } };

/** Point: orders against average order value, one point per category and channel. */
export const Point: Story = { args: { spec: markSpecs.point } };

/** Tick (strip plot): every customer's average order value, per loyalty tier. */
export const Tick: Story = { args: { spec: markSpecs.tick } };

/** Donut: each category's share of revenue. */
export const Donut: Story = { args: { spec: markSpecs.donut } };

// ------------------------------------------------------------------ menu and dialogs

/** The widget menu, opened: view data, view the query, and the downloads (PNG and SVG for a drawn chart). */
export const MenuOpen: Story = {
  name: 'Menu open',
  play: async ({ canvasElement }) => {
    await openMenu(await shownWidget(canvasElement));
  },
};

/** "View data": every row in <clv-data-viewer>, a sortable, paged table in a modal dialog. */
export const DataViewer: Story = {
  name: 'Data viewer dialog',
  args: { spec: markSpecs.line },
  play: async ({ canvasElement }) => {
    await chooseMenuItem(await shownWidget(canvasElement), 'view-data');
  },
};

/** "View SQL" on DuckDB-WASM: the SQL a filtered semantic query compiled to, with its bound values (tiers, dates). */
export const SqlDialog: Story = {
  name: 'SQL dialog (DuckDB-WASM)',
  args: { spec: filteredRevenue },
  loaders: [async (): Promise<Loaded> => ({ adapter: await catalogSqlAdapter() })],
  play: async ({ canvasElement }) => {
    await chooseMenuItem(await shownWidget(canvasElement), 'view-provenance');
  },
};

// ------------------------------------------------------------------ theming

/** Dark theme: only the --clv-color-* tokens change (set on a container); the charts read them too. */
export const DarkTheme: Story = {
  name: 'Dark theme (tokens)',
  render: (_args, { loaded }) => {
    const adapter = (loaded as Loaded).adapter;
    return html`<div style=${darkThemeStyle}>
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.5rem; max-width: 64rem">
        <clv-widget .spec=${revenueUp} .adapter=${adapter} now=${CATALOG_NOW}></clv-widget>
        <clv-widget .spec=${revenueDown} .adapter=${adapter} now=${CATALOG_NOW}></clv-widget>
        <clv-widget style="height: 20rem" .spec=${markSpecs.line} .adapter=${adapter} now=${CATALOG_NOW}></clv-widget>
        <clv-widget style="height: 20rem" .spec=${markSpecs.stackedBar} .adapter=${adapter} now=${CATALOG_NOW}></clv-widget>
        <clv-widget style="grid-column: 1 / -1" .spec=${revenueTable} .adapter=${adapter} now=${CATALOG_NOW}></clv-widget>
      </div>
    </div>`;
  },
};
