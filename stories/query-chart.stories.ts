import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/query-chart/define.js';
import { CHART_MARKS, type ChartMark } from '../components/query-chart/chart-mapping.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import { failingAdapter, flakyAdapter, memoryAdapter, mockBackendAdapter, pendingAdapter } from './support/adapters.js';
import {
  categoryTable,
  monthlyRevenueByChannel,
  noRows,
  orderValueByCategory,
  quarterlyOrders,
  revenueByTier,
  totalRevenue,
} from './support/queries.js';

interface ChartArgs {
  mark: ChartMark;
  label: string;
  height: number;
  x?: string;
  y?: string;
  color?: string;
  query: SemanticQueryInput;
}

type Loaded = { adapter?: DataAdapter };

const render = (args: ChartArgs, adapter: DataAdapter | undefined) =>
  html`<clv-query-chart
    .adapter=${adapter}
    .query=${args.query}
    mark=${args.mark}
    label=${args.label || nothing}
    height=${args.height}
    x=${args.x || nothing}
    y=${args.y || nothing}
    color=${args.color || nothing}
    @clv-chart-click=${(e: CustomEvent) => console.info('clv-chart-click', e.detail)}
  ></clv-query-chart>`;

const meta: Meta<ChartArgs> = {
  title: 'Components/Query chart',
  component: 'clv-query-chart',
  argTypes: {
    mark: { control: 'select', options: [...CHART_MARKS] },
    label: { control: 'text' },
    height: { control: { type: 'range', min: 120, max: 600, step: 20 } },
    x: { control: 'text' },
    y: { control: 'text' },
    color: { control: 'text' },
    query: { control: 'object' },
  },
  args: { mark: 'bar', label: 'Monthly revenue by channel', height: 320, query: monthlyRevenueByChannel },
  // Data stories go through the MSW mock REST backend: HttpAdapter → service worker → in-memory engine.
  loaders: [async (): Promise<Loaded> => ({ adapter: await mockBackendAdapter() })],
  render: (args, { loaded }) => render(args, (loaded as Loaded).adapter),
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<ChartArgs>;

export const Bar: Story = {};

export const Line: Story = { args: { mark: 'line' } };

export const Area: Story = { args: { mark: 'area', label: 'Monthly revenue by channel (stacked)' } };

export const Point: Story = {
  args: { mark: 'point', label: 'Average order value and orders by category', query: orderValueByCategory, x: 'transactions.count', y: 'transactions.avg_order_value', color: 'transactions.category' },
};

export const BarByCategory: Story = {
  name: 'Bar (one series)',
  args: { label: 'Revenue by loyalty tier', query: revenueByTier },
};

export const QuarterlyLine: Story = {
  name: 'Line (one series)',
  args: { mark: 'line', label: 'Orders per quarter', query: quarterlyOrders },
};

export const BigNumber: Story = {
  args: { mark: 'big-number', label: 'Revenue, all time', query: totalRevenue },
};

export const Table: Story = {
  args: { mark: 'table', label: 'Revenue by category', query: categoryTable, height: 360 },
};

export const InMemoryAdapter: Story = {
  name: 'Data (in-memory adapter)',
  loaders: [async (): Promise<Loaded> => ({ adapter: memoryAdapter() })],
};

export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ adapter: pendingAdapter() })],
};

export const LoadingBigNumber: Story = {
  name: 'Loading (big number)',
  args: { mark: 'big-number', label: 'Revenue, all time', query: totalRevenue },
  loaders: [async (): Promise<Loaded> => ({ adapter: pendingAdapter() })],
};

export const Empty: Story = {
  args: { label: 'Revenue from fax orders', query: noRows },
};

export const Error: Story = {
  loaders: [
    async (): Promise<Loaded> => ({
      adapter: failingAdapter('backend', 'The warehouse connection was refused (ECONNREFUSED 10.0.4.12:5432).'),
    }),
  ],
};

export const ErrorThenRetry: Story = {
  name: 'Error, Retry succeeds',
  args: { label: 'Revenue by loyalty tier', query: revenueByTier },
  loaders: [async (): Promise<Loaded> => ({ adapter: flakyAdapter() })],
};

export const InvalidMapping: Story = {
  name: 'Error (field not in the result)',
  args: { x: 'customers.country' },
};

export const NoAdapter: Story = {
  name: 'Idle (no adapter)',
  loaders: [async (): Promise<Loaded> => ({ adapter: undefined })],
};
