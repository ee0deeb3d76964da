import { catalogSpec } from '../widgets/catalog.js';
import type { WidgetSpecInput } from '../widgets/spec.js';
import type { DashboardSpecInput, DashboardWidgetInput, GlobalFilterInput } from './spec.js';

/**
 * Two ready dashboards: a CLV overview over the catalog widgets (the CLV model with its derived
 * tables), and a sales dashboard over the plain customers/transactions tables that a CDNOW import
 * fills. Each widget opts into exactly the filters its query can reach (a test plans them all).
 */

type Opt = DashboardWidgetInput['filters'];
/** Widgets on transactions: the date range, the tier (through the customer lookup) and clicks. */
const SALES: Opt = { dateRange: true, global: ['tier'], crossFilter: true };
/** Widgets on per-customer tables, which reach customers but not transactions.ts. */
const PER_CUSTOMER: Opt = { dateRange: false, global: ['tier'], crossFilter: true };

/** A global filter on the customers' loyalty tier, its choices listed by the adapter. */
export const loyaltyTierFilter: GlobalFilterInput = {
  id: 'tier',
  label: 'Loyalty tier',
  member: 'customers.loyalty_tier',
  options: {
    kind: 'semantic',
    query: { dimensions: ['customers.loyalty_tier'], order: [['customers.loyalty_tier', 'asc']] },
    valueField: 'customers.loyalty_tier',
    labelField: 'customers.loyalty_tier',
  },
};

const fromCatalog = (id: string, layout: DashboardWidgetInput['layout'], filters: Opt): DashboardWidgetInput => ({
  id,
  spec: catalogSpec(id),
  layout,
  filters,
});

export const clvOverviewDashboard: DashboardSpecInput = {
  version: 1,
  id: 'clv-overview',
  name: 'CLV overview',
  description: 'Revenue, buying customers and predicted customer lifetime value. Click a tier or a channel to filter the other widgets.',
  widgets: [
    fromCatalog('revenue-last-90-days', { x: 0, y: 0, w: 3, h: 4 }, SALES),
    fromCatalog('revenue-trend', { x: 3, y: 0, w: 9, h: 4 }, SALES),
    fromCatalog('revenue-by-loyalty-tier', { x: 0, y: 4, w: 4, h: 4 }, SALES),
    fromCatalog('revenue-by-channel', { x: 4, y: 4, w: 4, h: 4 }, SALES),
    fromCatalog('customers-buying-per-month', { x: 8, y: 4, w: 4, h: 4 }, SALES),
    fromCatalog('clv-by-decile', { x: 0, y: 8, w: 4, h: 4 }, PER_CUSTOMER),
    fromCatalog('clv-distribution', { x: 4, y: 8, w: 4, h: 4 }, PER_CUSTOMER),
    fromCatalog('p-alive-distribution', { x: 8, y: 8, w: 4, h: 4 }, PER_CUSTOMER),
    fromCatalog('profiles-per-decile-and-category', { x: 0, y: 12, w: 12, h: 4 }, PER_CUSTOMER),
    fromCatalog('top-customers', { x: 0, y: 16, w: 12, h: 6 }, PER_CUSTOMER),
  ],
  filters: {
    dateRange: { label: 'Purchase date', dimension: 'transactions.ts' },
    global: [
      loyaltyTierFilter,
    ],
  },
};

const v = 2 as const;
const cdnowWidgets: Array<{ id: string; layout: DashboardWidgetInput['layout']; spec: WidgetSpecInput }> = [
  {
    id: 'total-revenue',
    layout: { x: 0, y: 0, w: 3, h: 3 },
    spec: {
      version: v,
      title: 'Total revenue',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'] } },
      mark: 'big-number',
      encodings: { y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' } },
    },
  },
  {
    id: 'revenue-by-month',
    layout: { x: 3, y: 0, w: 9, h: 4 },
    spec: {
      version: v,
      title: 'Revenue by month',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }] } },
      mark: 'line',
      encodings: {
        x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
        y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' },
      },
      interactions: { click: { kind: 'filter' } },
    },
  },
  {
    id: 'customers-per-month',
    layout: { x: 0, y: 3, w: 3, h: 4 },
    spec: {
      version: v,
      title: 'Customers buying each month',
      data: { kind: 'semantic', query: { measures: ['transactions.customers'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }] } },
      mark: 'bar',
      encodings: {
        x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
        y: { field: 'transactions.customers', type: 'quantitative', title: 'Buying customers', format: ',d' },
      },
      interactions: { click: { kind: 'filter' } },
    },
  },
  {
    id: 'revenue-per-customer',
    layout: { x: 3, y: 4, w: 9, h: 4 },
    spec: {
      version: v,
      title: 'Revenue per customer',
      description: 'Customers per band of their total spend (up to 50,000 customers, the query limit).',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.customer_id'], limit: 50_000 } },
      mark: 'bar',
      encodings: {
        x: { field: 'transactions.revenue', type: 'quantitative', bin: { maxbins: 40 }, title: 'Revenue per customer' },
        y: { field: 'transactions.customer_id', type: 'quantitative', aggregate: 'count', title: 'Customers' },
      },
      properties: { currency: { code: 'USD' } },
    },
  },
  {
    id: 'top-customers-by-revenue',
    layout: { x: 0, y: 8, w: 12, h: 6 },
    spec: {
      version: v,
      title: 'Top customers by revenue',
      data: {
        kind: 'semantic',
        query: {
          measures: ['transactions.revenue', 'transactions.count', 'transactions.last_purchase'],
          dimensions: ['transactions.customer_id'],
          order: [['transactions.revenue', 'desc']],
          limit: 100,
        },
      },
      mark: 'table',
      properties: {
        table: {
          columns: [
            { field: 'transactions.customer_id', title: 'Customer', sortable: false },
            { field: 'transactions.revenue', title: 'Revenue', format: '$,.2f' },
            { field: 'transactions.count', title: 'Purchases', format: ',d' },
            { field: 'transactions.last_purchase', title: 'Last purchase' },
          ],
          defaultSort: { field: 'transactions.revenue', direction: 'desc' },
        },
      },
    },
  },
];

export const cdnowDashboard: DashboardSpecInput = {
  version: 1,
  id: 'cdnow-sales',
  name: 'CDNOW sales',
  description: 'CDNOW purchases (customers and transactions only). Click a month to narrow the other widgets to it.',
  widgets: cdnowWidgets.map(({ id, layout, spec }) => ({ id, layout, spec, filters: { dateRange: true, global: [], crossFilter: true } })),
  filters: {
    // CDNOW spans January 1997 to June 1998, so relative presets would show nothing: open on the whole span.
    dateRange: { label: 'Purchase date', dimension: 'transactions.ts', default: { kind: 'custom', from: '1997-01-01', to: '1998-06-30' } },
  },
};
