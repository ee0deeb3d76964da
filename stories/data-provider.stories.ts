import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/data-provider/define.js';
import '../components/query-chart/define.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { failingAdapter, memoryAdapter, mockBackendAdapter, pendingAdapter } from './support/adapters.js';
import { monthlyRevenueByChannel, revenueByTier, totalRevenue } from './support/queries.js';

type Loaded = { adapter?: DataAdapter };

const customersQuery = { measures: ['transactions.customers'] };

const meta: Meta = {
  title: 'Components/Data provider',
  component: 'clv-data-provider',
  loaders: [async (): Promise<Loaded> => ({ adapter: await mockBackendAdapter() })],
  render: (_args, { loaded }) => html`<clv-data-provider .adapter=${(loaded as Loaded).adapter}>
    <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1.5rem 2rem; max-width: 64rem">
      <clv-query-chart mark="big-number" label="Revenue" .query=${totalRevenue}></clv-query-chart>
      <clv-query-chart mark="big-number" label="Customers who bought" .query=${customersQuery}></clv-query-chart>
      <clv-query-chart mark="bar" label="Revenue by loyalty tier" .query=${revenueByTier} height="240"></clv-query-chart>
      <div style="grid-column: 1 / -1">
        <clv-query-chart mark="line" label="Monthly revenue by channel" .query=${monthlyRevenueByChannel} height="300"></clv-query-chart>
      </div>
    </div>
  </clv-data-provider>`,
};
export default meta;

type Story = StoryObj;

/** Four charts share the provider's adapter (the mock REST backend). */
export const Dashboard: Story = {};

export const DashboardInMemory: Story = {
  name: 'Dashboard (in-memory adapter)',
  loaders: [async (): Promise<Loaded> => ({ adapter: memoryAdapter() })],
};

export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ adapter: pendingAdapter() })],
};

export const Error: Story = {
  loaders: [async (): Promise<Loaded> => ({ adapter: failingAdapter('unsupported', 'This backend does not support countDistinct measures.') })],
};

export const NoAdapter: Story = {
  name: 'No adapter',
  loaders: [async (): Promise<Loaded> => ({ adapter: undefined })],
};
