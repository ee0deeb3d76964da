// Widget specs for the <clv-widget> stories, over the CLV model's customers and transactions
// (answered by the catalog adapter; its data spans 2023–2024).
import { parseWidgetSpec } from '../../src/widgets/migrate.js';
import type { WidgetSpec, WidgetSpecInput } from '../../src/widgets/spec.js';

const v = 2 as const;

/** Parses a story spec (defaults filled in); a mistake here fails loudly instead of showing an error state. */
export function widgetSpec(input: WidgetSpecInput): WidgetSpec {
  const parsed = parseWidgetSpec(input);
  if (!parsed.success) throw new Error(`story spec "${input.title}": ${parsed.message}`);
  return parsed.spec;
}

const monthlyByChannel = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' as const }],
};

/** One spec per chart mark. */
export const markSpecs = {
  bar: widgetSpec({
    version: v,
    title: 'Revenue by category',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.category'] } },
    mark: 'bar',
    encodings: {
      x: { field: 'transactions.category', type: 'nominal', sort: '-y' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
    },
    interactions: { click: { kind: 'filter' } },
  }),
  stackedBar: widgetSpec({
    version: v,
    title: 'Revenue by category and channel',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.category', 'transactions.channel'] } },
    mark: 'stacked-bar',
    encodings: {
      x: { field: 'transactions.category', type: 'nominal', sort: '-y' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    },
    properties: { legend: { placement: 'bottom', title: 'Channel' } },
  }),
  line: widgetSpec({
    version: v,
    title: 'Monthly revenue by channel',
    data: { kind: 'semantic', query: monthlyByChannel },
    mark: 'line',
    encodings: {
      x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    },
  }),
  area: widgetSpec({
    version: v,
    title: 'Monthly revenue by channel, stacked',
    data: { kind: 'semantic', query: monthlyByChannel },
    mark: 'area',
    encodings: {
      x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
      y: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    },
  }),
  point: widgetSpec({
    version: v,
    title: 'Orders and average order value by category',
    description: 'One point per category and channel.',
    data: {
      kind: 'semantic',
      query: { measures: ['transactions.count', 'transactions.avg_order_value'], dimensions: ['transactions.category', 'transactions.channel'] },
    },
    mark: 'point',
    encodings: {
      x: { field: 'transactions.count', type: 'quantitative', title: 'Orders' },
      y: { field: 'transactions.avg_order_value', type: 'quantitative' },
      color: { field: 'transactions.channel', type: 'nominal' },
    },
    properties: { legend: { placement: 'right', title: 'Channel' } },
  }),
  tick: widgetSpec({
    version: v,
    title: 'Average order value per customer by loyalty tier',
    description: 'One tick per customer.',
    data: { kind: 'semantic', query: { measures: ['transactions.avg_order_value'], dimensions: ['transactions.customer_id', 'customers.loyalty_tier'] } },
    mark: 'tick',
    encodings: {
      x: { field: 'customers.loyalty_tier', type: 'nominal', sort: ['Bronze', 'Silver', 'Gold', 'Platinum'] },
      y: { field: 'transactions.avg_order_value', type: 'quantitative' },
    },
  }),
  donut: widgetSpec({
    version: v,
    title: 'Revenue share by category',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.category'] } },
    mark: 'donut',
    encodings: {
      theta: { field: 'transactions.revenue', type: 'quantitative' },
      color: { field: 'transactions.category', type: 'nominal' },
    },
    properties: { legend: { placement: 'right', title: 'Category' } },
  }),
} as const;

/** Gold and Platinum revenue per category in 2024: a query with bound values (the tiers, the dates) for the SQL dialog. */
export const filteredRevenue = widgetSpec({
  version: v,
  title: 'Gold and Platinum revenue by category, 2024',
  data: {
    kind: 'semantic',
    query: {
      measures: ['transactions.revenue'],
      dimensions: ['transactions.category'],
      timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-12-31'] }],
      filters: [{ member: 'customers.loyalty_tier', operator: 'in', values: ['Gold', 'Platinum'] }],
    },
  },
  mark: 'bar',
  encodings: {
    x: { field: 'transactions.category', type: 'nominal', sort: '-y' },
    y: { field: 'transactions.revenue', type: 'quantitative' },
  },
});

/** Revenue in Q4 2024 against Q3 2024 (the previous period): up. */
export const revenueUp = widgetSpec({
  version: v,
  title: 'Revenue, Q4 2024',
  description: 'Against the quarter before.',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2024-10-01', '2024-12-31'] }] } },
  mark: 'big-number',
  encodings: { y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' } },
  properties: { bigNumber: { comparison: { kind: 'previous-period', label: 'Q3 2024' } } },
});

/** Revenue in Q1 2024 against a comparison query for Q4 2023: down. */
export const revenueDown = widgetSpec({
  version: v,
  title: 'Revenue, Q1 2024',
  description: 'Against the holiday quarter before.',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2024-01-01', '2024-03-31'] }] } },
  mark: 'big-number',
  encodings: { y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' } },
  properties: {
    bigNumber: {
      comparison: {
        kind: 'query',
        label: 'Q4 2023',
        query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', dateRange: ['2023-10-01', '2023-12-31'] }] },
      },
    },
  },
});

/** Revenue per category and channel (32 rows), 10 rows a page, largest first. */
export const revenueTable = widgetSpec({
  version: v,
  title: 'Revenue by category and channel',
  data: {
    kind: 'semantic',
    query: { measures: ['transactions.revenue', 'transactions.count', 'transactions.avg_order_value'], dimensions: ['transactions.category', 'transactions.channel'] },
  },
  mark: 'table',
  properties: {
    table: {
      columns: [
        { field: 'transactions.category' },
        { field: 'transactions.channel' },
        { field: 'transactions.revenue' },
        { field: 'transactions.count', title: 'Orders' },
        { field: 'transactions.avg_order_value', sortable: false },
      ],
      defaultSort: { field: 'transactions.revenue', direction: 'desc' },
      pageSize: 10,
    },
  },
});

/** A filter no row matches: the empty state. */
export const noRowsSpec = widgetSpec({
  ...markSpecs.bar,
  title: 'Revenue from fax orders',
  data: {
    kind: 'semantic',
    query: { measures: ['transactions.revenue'], dimensions: ['transactions.category'], filters: [{ member: 'transactions.channel', operator: 'equals', values: ['fax'] }] },
  },
});

/** A spec whose x field is not a result column of its query: invalid, and the message says where. */
export const invalidSpec: unknown = {
  version: v,
  title: 'Revenue by country',
  data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.category'] } },
  mark: 'bar',
  encodings: {
    x: { field: 'customers.country', type: 'nominal' },
    y: { field: 'transactions.revenue', type: 'quantitative' },
  },
};
