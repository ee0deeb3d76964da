import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/dashboard/define.js';
import type { ClvAddWidgetDialog } from '../components/dashboard/add-widget-dialog.js';
import type { ClvComposerDialog } from '../components/dashboard/composer-dialog.js';
import type { ClvChoiceDialog } from '../components/dashboard/confirm-dialog.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { cdnowDashboard, clvOverviewDashboard } from '../src/dashboards/examples.js';
import type { DashboardSpecInput } from '../src/dashboards/spec.js';
import type { DashboardStore } from '../src/dashboards/store.js';
import { CATALOG_NOW, catalogAdapter } from './support/catalog.js';
import { clickBar, dashboardIn, press, pressOnTile, shownDashboard, tileWidget } from './support/dashboard-play.js';
import { forgetDashboardSessions, pendingStore, salesDashboard, storeWith, twoTabs } from './support/dashboards.js';
import { until } from './support/play.js';

// <clv-dashboard> over the catalog adapter (the in-memory engine over 2,000 synthetic customers,
// 2023–2024; "now" pinned to 2025-01-01), with an in-memory dashboard store made for each story.
// Every story forgets the open dashboard and filters the element keeps in sessionStorage, so it
// starts as written.

interface DashboardArgs {
  /** Dashboards in the store when the story starts. */
  dashboards: DashboardSpecInput[];
  /** The dashboard to open; none shows the inventory. */
  dashboardId?: string;
  /** Offered under "Create from example". */
  examples: DashboardSpecInput[];
}

type Loaded = { store: DashboardStore; adapter: DataAdapter };
type ConflictLoaded = Loaded & { otherTab: DashboardStore };

const meta: Meta<DashboardArgs> = {
  title: 'Dashboards/Dashboard',
  component: 'clv-dashboard',
  argTypes: { dashboards: { control: 'object' }, dashboardId: { control: 'text' }, examples: { control: 'object' } },
  args: { dashboards: [clvOverviewDashboard], dashboardId: 'clv-overview', examples: [clvOverviewDashboard, cdnowDashboard] },
  loaders: [
    async ({ args }): Promise<Loaded> => {
      forgetDashboardSessions();
      return { store: await storeWith(args.dashboards), adapter: catalogAdapter() };
    },
  ],
  render: (args, { loaded }) => html`<div style="max-width: 76rem">
    <clv-dashboard
      id="story-dashboard"
      .store=${(loaded as Loaded).store}
      .adapter=${(loaded as Loaded).adapter}
      .examples=${args.examples}
      dashboard-id=${ifDefined(args.dashboardId)}
      now=${CATALOG_NOW}
      @clv-dashboard-open=${(e: CustomEvent) => console.info('clv-dashboard-open', e.detail)}
      @clv-dashboard-save=${(e: CustomEvent) => console.info('clv-dashboard-save', e.detail)}
      @clv-dashboard-drill=${(e: CustomEvent) => console.info('clv-dashboard-drill', e.detail)}
    ></clv-dashboard>
  </div>`,
};
export default meta;

type Story = StoryObj<DashboardArgs>;

// ------------------------------------------------------------------ inventory

/** The inventory of an empty store: create a dashboard by name, or from one of the two examples. */
export const InventoryEmpty: Story = {
  name: 'Inventory (empty)',
  args: { dashboards: [], dashboardId: undefined },
};

/** The inventory of a store with three dashboards: open, rename or delete each. */
export const Inventory: Story = {
  name: 'Inventory with dashboards',
  args: { dashboards: [clvOverviewDashboard, cdnowDashboard, salesDashboard], dashboardId: undefined },
};

/** The store does not answer: the inventory shows placeholder rows. */
export const InventoryLoading: Story = {
  name: 'Inventory (loading)',
  args: { dashboardId: undefined },
  loaders: [async (): Promise<Partial<Loaded>> => ({ store: pendingStore() })],
};

// ------------------------------------------------------------------ viewing

/** The CLV overview example in view mode: the filter bar (purchase date, loyalty tier) and ten catalog widgets on the grid. */
export const ClvOverview: Story = {
  name: 'CLV overview (view)',
};

/** A cross filter: a click on the Gold bar of "Revenue by loyalty tier" narrows the widgets that take cross filters; the chip clears it. */
export const CrossFilter: Story = {
  name: 'CLV overview, cross filter active',
  play: async ({ canvasElement }) => {
    const el = dashboardIn(canvasElement);
    await shownDashboard(el);
    await clickBar(tileWidget(el, 'revenue-by-loyalty-tier'), 'customers.loyalty_tier', 'Gold');
    await until(() => el.filterState.cross !== undefined, 'the cross filter to be applied');
    await shownDashboard(el);
  },
};

/** Opening a dashboard the store does not have: the message, Retry and the way back to the list. */
export const NotFound: Story = {
  name: 'Error (no such dashboard)',
  args: { dashboardId: 'quarterly-review' },
};

// ------------------------------------------------------------------ editing

/** Edit mode: Add widget, Save and Cancel; each tile has Settings, Duplicate and Remove; the grid shows its move and resize handles. */
export const Edit: Story = {
  name: 'Edit mode',
  args: { dashboards: [salesDashboard], dashboardId: 'sales' },
  play: async ({ canvasElement }) => {
    const el = dashboardIn(canvasElement);
    await shownDashboard(el);
    await press(el, 'edit');
    await shownDashboard(el, 'editing');
  },
};

/** The Add widget dialog: the catalog grouped and searchable, or a pasted widget spec. */
export const AddWidget: Story = {
  name: 'Add widget dialog',
  args: { dashboards: [salesDashboard], dashboardId: 'sales' },
  play: async ({ canvasElement }) => {
    const el = dashboardIn(canvasElement);
    await shownDashboard(el);
    await press(el, 'edit');
    await press(el, 'add');
    const dialog = el.shadowRoot?.querySelector<ClvAddWidgetDialog>('clv-add-widget-dialog');
    if (!dialog) throw new Error('the dashboard has no Add widget dialog');
    await until(() => dialog.open, 'the Add widget dialog to open');
    await dialog.updateComplete;
  },
};

/**
 * Add widget → "Compose a new widget": the full-screen composer over the dashboard, starting with
 * the choice of a table. Its Save puts the widget into the draft; the dashboard's Save stores it.
 */
export const ComposeWidget: Story = {
  name: 'Edit – compose a widget',
  args: { dashboards: [salesDashboard], dashboardId: 'sales' },
  play: async ({ canvasElement }) => {
    const el = dashboardIn(canvasElement);
    await shownDashboard(el);
    await press(el, 'edit');
    await press(el, 'add');
    const add = el.shadowRoot?.querySelector<ClvAddWidgetDialog>('clv-add-widget-dialog');
    if (!add) throw new Error('the dashboard has no Add widget dialog');
    await until(() => add.open, 'the Add widget dialog to open');
    await add.updateComplete;
    const compose = add.shadowRoot?.querySelector<HTMLButtonElement>('button[part~=compose-button]');
    if (!compose) throw new Error('the Add widget dialog has no "Compose a new widget" button');
    compose.click();
    const dialog = el.shadowRoot?.querySelector<ClvComposerDialog>('clv-composer-dialog');
    if (!dialog) throw new Error('the dashboard has no composer dialog');
    await until(() => dialog.open && dialog.composer?.shadowRoot?.querySelector('clv-composer-table-picker') != null, 'the composer to show its tables');
    await dialog.composer?.updateComplete;
  },
};

/**
 * A save conflict: while this tab edits "Sales by tier and channel", another tab saves it. The
 * dashboard warns that saving will conflict, and Save then asks what to do; nothing is overwritten.
 */
export const Conflict: Story = {
  name: 'Save conflict',
  args: { dashboards: [], dashboardId: 'sales' },
  loaders: [
    async (): Promise<Partial<ConflictLoaded>> => {
      const { here, otherTab } = await twoTabs([salesDashboard]);
      return { store: here, otherTab };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const { otherTab } = loaded as ConflictLoaded;
    const el = dashboardIn(canvasElement);
    await shownDashboard(el);
    await press(el, 'edit');
    await pressOnTile(el, 'channels', 'duplicate');
    const theirs = await otherTab.get('sales');
    await otherTab.save({ ...theirs.spec, name: 'Sales by tier and channel (EU)' }, theirs.revision);
    await until(() => el.shadowRoot?.querySelector('[part~=notice]') != null, 'the "changed elsewhere" notice');
    void el.save(); // resolves once the question below is answered
    const dialog = el.shadowRoot?.querySelector<ClvChoiceDialog>('clv-choice-dialog');
    if (!dialog) throw new Error('the dashboard has no choice dialog');
    await until(() => dialog.open, 'the conflict question');
    await dialog.updateComplete;
  },
};
