import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/dashboard-filters/define.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { loyaltyTierFilter } from '../src/dashboards/examples.js';
import { DashboardFiltersSchema, type DashboardFilterState } from '../src/dashboards/spec.js';
import { failingAdapter } from './support/adapters.js';
import { CATALOG_NOW, catalogAdapter } from './support/catalog.js';
import { chooseDateRange, filterSelect, openMultiSelect, searchMultiSelect, typeDate } from './support/filter-play.js';
import { storyElement } from './support/play.js';

// The filter bar of a dashboard: a purchase-date range and two global filters (loyalty tier,
// product category) whose options the catalog adapter lists. "Now" is pinned to 2025-01-01, so
// the presets' dates are those of the data's last days.

/** The filter definitions of a dashboard spec ("filters"), parsed as the element receives them. */
const filters = DashboardFiltersSchema.parse({
  dateRange: { label: 'Purchase date', dimension: 'transactions.ts' },
  global: [
    loyaltyTierFilter,
    {
      id: 'category',
      label: 'Product category',
      member: 'transactions.category',
      options: {
        kind: 'semantic',
        query: { dimensions: ['transactions.category'], order: [['transactions.category', 'asc']] },
        valueField: 'transactions.category',
        labelField: 'transactions.category',
      },
    },
  ],
});

interface FiltersArgs {
  /** The filter definitions. */
  filters: unknown;
  /** The applied filters. */
  value: DashboardFilterState;
  /** Label of an active cross filter, if any. */
  cross?: string;
}

type Loaded = { adapter?: DataAdapter };

const meta: Meta<FiltersArgs> = {
  title: 'Dashboards/Filter bar',
  component: 'clv-dashboard-filters',
  argTypes: { filters: { control: 'object' }, value: { control: 'object' }, cross: { control: 'text' } },
  args: { filters, value: { global: {} } },
  loaders: [async (): Promise<Loaded> => ({ adapter: catalogAdapter() })],
  // Room below the bar for a multi-select's popup.
  render: (args, { loaded }) => html`<div style="max-width: 64rem; min-height: 26rem">
    <clv-dashboard-filters
      .filters=${args.filters}
      .value=${args.value}
      .adapter=${(loaded as Loaded).adapter}
      .cross=${args.cross ? { label: args.cross } : undefined}
      now=${CATALOG_NOW}
      @clv-filters-change=${(e: CustomEvent) => console.info('clv-filters-change', e.detail)}
      @clv-cross-filter-clear=${(e: CustomEvent) => console.info('clv-cross-filter-clear', e.detail)}
    ></clv-dashboard-filters>
  </div>`,
};
export default meta;

type Story = StoryObj<FiltersArgs>;

/** Nothing applied: all dates and every tier and category; Apply and Clear all are disabled. */
export const DateRangeAndTier: Story = {
  name: 'Date range and tier filter',
};

/** Applied: the last 90 days (the dates it covers under the select), Gold and Platinum customers, and a cross filter chip. */
export const Applied: Story = {
  name: 'Applied filters and a cross filter',
  args: {
    value: { dateRange: { kind: 'preset', preset: 'last 90 days' }, global: { tier: ['Gold', 'Platinum'] } },
    cross: 'Channel: web',
  },
};

/** A custom range that ends before it starts: Apply is blocked and the To field says why. */
export const CustomRangeError: Story = {
  name: 'Custom range with an error',
  play: async ({ canvasElement }) => {
    const bar = await storyElement(canvasElement, 'clv-dashboard-filters');
    await chooseDateRange(bar, 'custom');
    await typeDate(bar, 'from', '2024-06-30');
    await typeDate(bar, 'to', '2024-06-01');
    await bar.apply();
  },
};

/** The loyalty tier multi-select, open: its options listed through the adapter, Gold already chosen. */
export const MultiSelectOpen: Story = {
  name: 'Multi-select open',
  args: { value: { global: { tier: ['Gold'] } } },
  play: async ({ canvasElement }) => {
    const bar = await storyElement(canvasElement, 'clv-dashboard-filters');
    await openMultiSelect(filterSelect(bar, 'tier'));
  },
};

/** The category multi-select, open and searched for "o": the list narrows as the viewer types. */
export const MultiSelectSearch: Story = {
  name: 'Multi-select search',
  play: async ({ canvasElement }) => {
    const bar = await storyElement(canvasElement, 'clv-dashboard-filters');
    const select = filterSelect(bar, 'category');
    await openMultiSelect(select);
    await searchMultiSelect(select, 'o');
  },
};

/** The adapter fails to list the options: the popup shows the message and a Retry button. */
export const OptionsError: Story = {
  name: 'Multi-select options error',
  loaders: [async (): Promise<Loaded> => ({ adapter: failingAdapter('timeout', 'Listing the loyalty tiers took longer than 60 s and was stopped.') })],
  play: async ({ canvasElement }) => {
    const bar = await storyElement(canvasElement, 'clv-dashboard-filters');
    await openMultiSelect(filterSelect(bar, 'tier'));
  },
};

/** Definitions that are not valid (a filter without a member): the bar says which field is wrong. */
export const InvalidDefinitions: Story = {
  name: 'Error (invalid definitions)',
  args: {
    filters: {
      global: [{ id: 'tier', label: 'Loyalty tier', options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' } }],
    },
  },
};
