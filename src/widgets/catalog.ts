import { DataModelSchema, type DataModel, type Measure, type Relation, type Table } from '../contracts/data-model.js';
import { registerCustomerClvTable } from '../clv/customer-clv-table.js';
import type { DecileDefinitionInput } from '../derive/definition.js';
import { registerDerivedTables } from '../derive/model.js';
import { clvDataModel } from '../model/clv-model.js';
import { WidgetSpecSchema, type WidgetSpec, type WidgetSpecInput } from './spec.js';

/**
 * Ready widget specs over the CLV model, its derived tables and the marketing tables of later work.
 *
 * The derived tables are those of registerCustomerClvTable (customer_clv) and of the decile
 * definition CATALOG_DECILE_DEFINITION ("category_deciles" and "category_deciles_flat"); a product
 * that names its decile tables differently swaps the table name in those specs.
 */

/** The decile derivation the decile widgets read: customers ranked by spend within each product category. */
export const CATALOG_DECILE_DEFINITION: DecileDefinitionInput = {
  name: 'category_deciles',
  source: { table: 'transactions', identity: 'customer_id', category: 'category', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
  asOf: '2024-07-01',
};
const FLAT = 'category_deciles_flat';

/**
 * Tables a later issue will fill (audiences, their memberships, email campaigns and their events),
 * designed now so the audience and email widgets can be specified and checked. Every table keyed on
 * a customer looks up to customers.customer_id, as the CLV model prescribes. Conventions:
 *
 * - audiences: one row per audience (a saved segment).
 * - audience_memberships: one row per customer and stay in an audience; removed_at is null while the
 *   customer is still a member, so current size = members with removed_at not set.
 * - campaigns: one row per email campaign, sent to one audience.
 * - email_events: one row per event; event_type is one of sent, open, click, unsubscribe; event_date
 *   is the UTC date of event_ts and looks up to dates.date. Email → audience goes through campaigns.
 */
export const futureTables: { tables: Table[]; relations: Relation[]; measures: Measure[] } = {
  tables: [
    {
      name: 'audiences',
      label: 'Audiences',
      kind: 'dimension',
      rowCount: null,
      primaryKey: 'audience_id',
      columns: [
        { name: 'audience_id', label: 'Audience ID', type: 'string', role: 'identity' },
        { name: 'name', label: 'Audience', type: 'string', role: 'dimension' },
        { name: 'created_at', label: 'Created', type: 'timestamp', role: 'time' },
      ],
    },
    {
      name: 'audience_memberships',
      label: 'Audience memberships',
      kind: 'fact',
      rowCount: null,
      columns: [
        { name: 'audience_id', label: 'Audience ID', type: 'string', role: 'identity' },
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'added_at', label: 'Added', type: 'timestamp', role: 'time' },
        { name: 'removed_at', label: 'Removed', type: 'timestamp', role: 'time', description: 'Null while the customer is a member.' },
      ],
    },
    {
      name: 'campaigns',
      label: 'Campaigns',
      kind: 'dimension',
      rowCount: null,
      primaryKey: 'campaign_id',
      columns: [
        { name: 'campaign_id', label: 'Campaign ID', type: 'string', role: 'identity' },
        { name: 'name', label: 'Campaign', type: 'string', role: 'dimension' },
        { name: 'audience_id', label: 'Audience ID', type: 'string', role: 'identity' },
        { name: 'sent_at', label: 'Sent', type: 'timestamp', role: 'time' },
      ],
    },
    {
      name: 'email_events',
      label: 'Email events',
      kind: 'fact',
      rowCount: null,
      columns: [
        { name: 'event_id', label: 'Event ID', type: 'string', role: 'identity' },
        { name: 'campaign_id', label: 'Campaign ID', type: 'string', role: 'identity' },
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'event_type', label: 'Event', type: 'string', role: 'dimension', description: 'One of sent, open, click, unsubscribe.' },
        { name: 'event_ts', label: 'Event time', type: 'timestamp', role: 'time' },
        { name: 'event_date', label: 'Event date', type: 'date', role: 'time', format: '%Y-%m-%d' },
      ],
    },
  ],
  relations: [
    { name: 'membership_audience', from: { table: 'audience_memberships', column: 'audience_id' }, to: { table: 'audiences', column: 'audience_id' } },
    { name: 'membership_customer', from: { table: 'audience_memberships', column: 'customer_id' }, to: { table: 'customers', column: 'customer_id' } },
    { name: 'campaign_audience', from: { table: 'campaigns', column: 'audience_id' }, to: { table: 'audiences', column: 'audience_id' } },
    { name: 'email_event_campaign', from: { table: 'email_events', column: 'campaign_id' }, to: { table: 'campaigns', column: 'campaign_id' } },
    { name: 'email_event_customer', from: { table: 'email_events', column: 'customer_id' }, to: { table: 'customers', column: 'customer_id' } },
    { name: 'email_event_date', from: { table: 'email_events', column: 'event_date' }, to: { table: 'dates', column: 'date' } },
  ],
  measures: [
    { name: 'members', label: 'Members ever', table: 'audience_memberships', aggregation: 'countDistinct', column: 'customer_id', format: ',d' },
    {
      name: 'current_members',
      label: 'Current members',
      table: 'audience_memberships',
      aggregation: 'countDistinct',
      column: 'customer_id',
      filter: [{ column: 'removed_at', operator: 'notSet', values: [] }],
      format: ',d',
    },
    { name: 'count', label: 'Audiences', table: 'audiences', aggregation: 'count', format: ',d' },
    { name: 'events', label: 'Events', table: 'email_events', aggregation: 'count', format: ',d' },
    ...(['sent', 'open', 'click', 'unsubscribe'] as const).map((type) => ({
      name: type === 'sent' ? 'sent' : `${type}s`,
      label: { sent: 'Sent', open: 'Opens', click: 'Clicks', unsubscribe: 'Unsubscribes' }[type],
      table: 'email_events',
      aggregation: 'count' as const,
      filter: [{ column: 'event_type', operator: 'equals' as const, values: [type] }],
      format: ',d',
    })),
  ],
};

/** The CLV model with customer_clv, the catalog's decile tables and futureTables: what every catalog spec is written against. */
export function catalogModel(base: DataModel = clvDataModel): DataModel {
  const derived = registerCustomerClvTable(registerDerivedTables(base, CATALOG_DECILE_DEFINITION));
  return DataModelSchema.parse({
    ...derived,
    tables: [...derived.tables, ...futureTables.tables],
    relations: [...derived.relations, ...futureTables.relations],
    measures: [...derived.measures, ...futureTables.measures],
  });
}

export type CatalogGroup = 'sales' | 'clv' | 'deciles' | 'audiences' | 'email';
export interface CatalogEntry {
  id: string;
  group: CatalogGroup;
  spec: WidgetSpecInput;
}

const v = 2 as const;

export const widgetCatalog: readonly CatalogEntry[] = [
  {
    id: 'revenue-trend',
    group: 'sales',
    spec: {
      version: v,
      title: 'Revenue by month',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }] } },
      mark: 'line',
      encodings: {
        x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
        y: { field: 'transactions.revenue', type: 'quantitative' },
      },
    },
  },
  {
    id: 'revenue-last-90-days',
    group: 'sales',
    spec: {
      version: v,
      title: 'Revenue, last 90 days',
      description: 'Against the 90 days before.',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], timeDimensions: [{ dimension: 'transactions.ts', dateRange: 'last 90 days' }] } },
      mark: 'big-number',
      encodings: { y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' } },
      properties: { bigNumber: { comparison: { kind: 'previous-period', label: 'previous 90 days' } } },
    },
  },
  {
    id: 'revenue-by-loyalty-tier',
    group: 'sales',
    spec: {
      version: v,
      title: 'Revenue by loyalty tier',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue', 'transactions.customers'], dimensions: ['customers.loyalty_tier'] } },
      mark: 'bar',
      encodings: {
        x: { field: 'customers.loyalty_tier', type: 'nominal', sort: ['Bronze', 'Silver', 'Gold', 'Platinum'] },
        y: { field: 'transactions.revenue', type: 'quantitative' },
      },
      interactions: { click: { kind: 'filter', fields: ['customers.loyalty_tier'] } },
    },
  },
  {
    id: 'revenue-by-channel',
    group: 'sales',
    spec: {
      version: v,
      title: 'Revenue share by channel',
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['transactions.channel'] } },
      mark: 'donut',
      encodings: {
        theta: { field: 'transactions.revenue', type: 'quantitative' },
        color: { field: 'transactions.channel', type: 'nominal' },
      },
      properties: { legend: { placement: 'right', title: 'Channel' } },
      interactions: { click: { kind: 'filter' } },
    },
  },
  {
    id: 'customers-buying-per-month',
    group: 'sales',
    spec: {
      version: v,
      title: 'Customers buying each month',
      data: { kind: 'semantic', query: { measures: ['transactions.customers'], timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }] } },
      mark: 'bar',
      encodings: {
        x: { field: 'transactions.ts.month', type: 'temporal', title: 'Month' },
        y: { field: 'transactions.customers', type: 'quantitative', title: 'Buying customers' },
      },
    },
  },
  {
    id: 'profiles-per-decile-and-category',
    group: 'deciles',
    spec: {
      version: v,
      title: 'Profiles per decile and category (12-month window)',
      description: 'Customers in each spend decile of each product category; the window is a filter a dashboard may change.',
      data: {
        kind: 'semantic',
        query: {
          measures: [`${FLAT}.identities`],
          dimensions: [`${FLAT}.decile`, `${FLAT}.category`],
          filters: [{ member: `${FLAT}.lookback`, operator: 'equals', values: ['12'] }],
          order: [[`${FLAT}.decile`, 'asc']],
        },
      },
      mark: 'stacked-bar',
      encodings: {
        x: { field: `${FLAT}.decile`, type: 'ordinal', title: 'Decile (1 = top 10%)' },
        y: { field: `${FLAT}.identities`, type: 'quantitative', title: 'Profiles' },
        color: { field: `${FLAT}.category`, type: 'nominal' },
      },
      properties: { legend: { placement: 'bottom', title: 'Category' } },
    },
  },
  {
    id: 'profiles-per-window-and-category',
    group: 'deciles',
    spec: {
      version: v,
      title: 'Profiles per window, category and decile',
      data: {
        kind: 'semantic',
        query: {
          measures: [`${FLAT}.identities`, `${FLAT}.metric_sum`],
          dimensions: [`${FLAT}.lookback`, `${FLAT}.category`, `${FLAT}.decile`],
        },
      },
      mark: 'table',
      properties: {
        table: {
          columns: [
            { field: `${FLAT}.lookback`, title: 'Window (months)', sortable: true },
            { field: `${FLAT}.category`, sortable: true },
            { field: `${FLAT}.decile`, sortable: true },
            { field: `${FLAT}.identities`, title: 'Profiles', sortable: true, format: ',d' },
            { field: `${FLAT}.metric_sum`, title: 'Spend (cents)', sortable: true, format: ',d' },
          ],
          defaultSort: { field: `${FLAT}.decile`, direction: 'asc' },
        },
      },
    },
  },
  {
    id: 'decile-migration',
    group: 'deciles',
    spec: {
      version: v,
      title: 'Decile migration: 3-month vs 12-month window',
      description: 'Profiles by their decile in the shorter window (x) and in the longer one (y), per category; off-diagonal points moved.',
      data: {
        kind: 'sql',
        // A self-join of the flat table: the semantic layer has no way to pair two rows of one table.
        sql: [
          'SELECT a.decile AS decile_from, b.decile AS decile_to, count(*) AS profiles',
          `FROM ${FLAT} a JOIN ${FLAT} b ON b.customer_id = a.customer_id AND b.category = a.category`,
          "WHERE a.lookback = '$FROM_WINDOW' AND b.lookback = '$TO_WINDOW'",
          'GROUP BY a.decile, b.decile ORDER BY a.decile, b.decile',
        ].join('\n'),
        params: { FROM_WINDOW: '3', TO_WINDOW: '12' },
      },
      mark: 'point',
      encodings: {
        x: { field: 'decile_from', type: 'ordinal', title: 'Decile, 3 months' },
        y: { field: 'decile_to', type: 'ordinal', title: 'Decile, 12 months' },
        size: { field: 'profiles', type: 'quantitative', title: 'Profiles', format: ',d' },
        color: { field: 'profiles', type: 'quantitative', title: 'Profiles', format: ',d' },
      },
      properties: { legend: { placement: 'right' } },
    },
  },
  {
    id: 'clv-by-decile',
    group: 'clv',
    spec: {
      version: v,
      title: 'CLV by CLV decile',
      description: 'Total CLV per decile; the tooltip adds the average and the number of customers.',
      data: {
        kind: 'semantic',
        query: {
          measures: ['customer_clv.clv_total', 'customer_clv.clv_avg', 'customer_clv.customers'],
          dimensions: ['customer_clv.clv_decile'],
          order: [['customer_clv.clv_decile', 'asc']],
        },
      },
      mark: 'bar',
      encodings: {
        x: { field: 'customer_clv.clv_decile', type: 'ordinal', title: 'CLV decile (1 = top 10%)' },
        y: { field: 'customer_clv.clv_total', type: 'quantitative' },
      },
      interactions: { click: { kind: 'filter' } },
    },
  },
  {
    id: 'clv-distribution',
    group: 'clv',
    spec: {
      version: v,
      title: 'CLV distribution',
      description: 'Customers per CLV band (up to 50,000 customers, the query limit).',
      data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.clv'], limit: 50_000 } },
      mark: 'bar',
      encodings: {
        x: { field: 'customer_clv.clv', type: 'quantitative', bin: { maxbins: 30 }, title: 'CLV' },
        y: { field: 'customer_clv.customer_id', type: 'quantitative', aggregate: 'count', title: 'Customers' },
      },
      properties: { currency: { code: 'USD' } },
    },
  },
  {
    id: 'p-alive-distribution',
    group: 'clv',
    spec: {
      version: v,
      title: 'P(alive) distribution',
      data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.p_alive'], limit: 50_000 } },
      mark: 'bar',
      encodings: {
        x: { field: 'customer_clv.p_alive', type: 'quantitative', bin: { maxbins: 20 }, format: '.0%' },
        y: { field: 'customer_clv.customer_id', type: 'quantitative', aggregate: 'count', title: 'Customers' },
      },
    },
  },
  {
    id: 'p-alive-by-clv-decile',
    group: 'clv',
    spec: {
      version: v,
      title: 'P(alive) by CLV decile',
      data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.clv_decile', 'customer_clv.p_alive'], limit: 50_000 } },
      mark: 'tick',
      encodings: {
        x: { field: 'customer_clv.clv_decile', type: 'ordinal' },
        y: { field: 'customer_clv.p_alive', type: 'quantitative' },
      },
      interactions: { tooltip: false },
    },
  },
  {
    id: 'observed-vs-expected-purchases',
    group: 'clv',
    spec: {
      version: v,
      title: 'Observed repeat purchases (calibration) vs expected purchases (forecast)',
      description:
        'customer_clv has no holdout column, so this sets calibration-period repeat purchase days against the BG/NBD forecast for the horizon; it is not a holdout validation.',
      data: {
        kind: 'semantic',
        query: { dimensions: ['customer_clv.customer_id', 'customer_clv.frequency', 'customer_clv.expected_purchases', 'customer_clv.clv_decile'], limit: 50_000 },
      },
      mark: 'point',
      encodings: {
        x: { field: 'customer_clv.frequency', type: 'quantitative' },
        y: { field: 'customer_clv.expected_purchases', type: 'quantitative' },
        color: { field: 'customer_clv.clv_decile', type: 'ordinal' },
      },
      properties: { legend: { placement: 'right', title: 'CLV decile' } },
      interactions: { click: { kind: 'drill', dashboardId: 'customer-detail', parameters: { customer_id: 'customer_clv.customer_id' } } },
    },
  },
  {
    id: 'predicted-vs-actual-holdout',
    group: 'clv',
    spec: {
      version: v,
      title: 'Predicted vs actual purchases in the holdout period',
      description:
        'Customers grouped by their repeat purchase days in the calibration period (7 = 7 or more): the BG/NBD forecast for the holdout against the purchase days they really made. customer_clv must be fitted up to the day before HOLDOUT_START with the holdout as its horizon.',
      data: {
        kind: 'sql',
        sql: [
          'WITH actual AS (',
          '  SELECT customer_id, count(DISTINCT CAST(ts AS DATE)) AS purchases FROM transactions',
          "  WHERE ts >= DATE '$HOLDOUT_START' AND ts < DATE '$HOLDOUT_END' + INTERVAL 1 DAY GROUP BY customer_id",
          '), per_customer AS (',
          '  SELECT least(c.frequency, 7) AS calibration_purchases, c.expected_purchases AS predicted, coalesce(a.purchases, 0) AS actual',
          '  FROM customer_clv c LEFT JOIN actual a ON a.customer_id = c.customer_id',
          ')',
          "SELECT calibration_purchases, 'Predicted' AS series, avg(predicted) AS purchases, count(*) AS customers FROM per_customer GROUP BY calibration_purchases",
          'UNION ALL',
          "SELECT calibration_purchases, 'Actual' AS series, avg(actual) AS purchases, count(*) AS customers FROM per_customer GROUP BY calibration_purchases",
          'ORDER BY calibration_purchases, series DESC',
        ].join('\n'),
        params: { HOLDOUT_START: '2024-07-01', HOLDOUT_END: '2024-12-31' },
      },
      mark: 'line',
      encodings: {
        x: { field: 'calibration_purchases', type: 'ordinal', title: 'Repeat purchase days in calibration (7 = 7+)' },
        y: { field: 'purchases', type: 'quantitative', title: 'Purchase days in holdout, per customer', format: ',.2f' },
        color: { field: 'series', type: 'nominal', sort: ['Predicted', 'Actual'] },
      },
      properties: { legend: { placement: 'top', title: '' } },
    },
  },
  {
    id: 'top-customers',
    group: 'clv',
    spec: {
      version: v,
      title: 'Top customers by CLV',
      data: {
        kind: 'semantic',
        query: {
          dimensions: [
            'customer_clv.customer_id',
            'customers.first_name',
            'customers.last_name',
            'customers.loyalty_tier',
            'customer_clv.clv_decile',
            'customer_clv.clv',
            'customer_clv.p_alive',
            'customer_clv.expected_purchases',
          ],
          order: [['customer_clv.clv', 'desc']],
          limit: 100,
        },
      },
      mark: 'table',
      properties: {
        table: {
          columns: [
            { field: 'customer_clv.customer_id', sortable: false },
            { field: 'customers.first_name', sortable: true },
            { field: 'customers.last_name', sortable: true },
            { field: 'customers.loyalty_tier', sortable: true },
            { field: 'customer_clv.clv', sortable: true },
            { field: 'customer_clv.p_alive', sortable: true },
            { field: 'customer_clv.expected_purchases', sortable: true },
          ],
          defaultSort: { field: 'customer_clv.clv', direction: 'desc' },
        },
      },
      interactions: { click: { kind: 'drill', dashboardId: 'customer-detail', parameters: { customer_id: 'customer_clv.customer_id' } } },
    },
  },
  {
    id: 'audience-size',
    group: 'audiences',
    spec: {
      version: v,
      title: 'Audience size',
      data: { kind: 'semantic', query: { measures: ['audience_memberships.current_members'], dimensions: ['audiences.name'] } },
      mark: 'bar',
      encodings: {
        x: { field: 'audience_memberships.current_members', type: 'quantitative' },
        y: { field: 'audiences.name', type: 'nominal', sort: '-x' },
      },
      interactions: { click: { kind: 'filter', fields: ['audiences.name'] } },
    },
  },
  {
    id: 'audience-growth',
    group: 'audiences',
    spec: {
      version: v,
      title: 'Members added per week by audience',
      data: {
        kind: 'semantic',
        query: {
          measures: ['audience_memberships.members'],
          dimensions: ['audiences.name'],
          timeDimensions: [{ dimension: 'audience_memberships.added_at', granularity: 'week', dateRange: 'last 26 weeks' }],
        },
      },
      mark: 'area',
      encodings: {
        x: { field: 'audience_memberships.added_at.week', type: 'temporal', title: 'Week' },
        y: { field: 'audience_memberships.members', type: 'quantitative', title: 'Members added' },
        color: { field: 'audiences.name', type: 'nominal' },
      },
    },
  },
  {
    id: 'email-kpis-by-campaign',
    group: 'email',
    spec: {
      version: v,
      title: 'Email KPIs by campaign',
      description: 'Open, click and unsubscribe rates per recipient (distinct customers), in the dashboard date range.',
      data: {
        kind: 'sql',
        sql: [
          'SELECT c.name AS campaign,',
          "  count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'sent') AS sent,",
          "  count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'open') / nullif(count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'sent'), 0) AS open_rate,",
          "  count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'click') / nullif(count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'sent'), 0) AS click_rate,",
          "  count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'unsubscribe') / nullif(count(DISTINCT e.customer_id) FILTER (WHERE e.event_type = 'sent'), 0) AS unsubscribe_rate",
          'FROM email_events e JOIN campaigns c ON c.campaign_id = e.campaign_id',
          "WHERE e.event_date >= DATE '$START_DATE' AND e.event_date <= DATE '$END_DATE'",
          'GROUP BY c.name ORDER BY sent DESC',
        ].join('\n'),
        params: { START_DATE: '2024-07-01', END_DATE: '2024-12-31' },
      },
      mark: 'table',
      properties: {
        table: {
          columns: [
            { field: 'campaign', title: 'Campaign', sortable: true },
            { field: 'sent', title: 'Sent', sortable: true, format: ',d' },
            { field: 'open_rate', title: 'Open rate', sortable: true, format: '.1%' },
            { field: 'click_rate', title: 'Click rate', sortable: true, format: '.1%' },
            { field: 'unsubscribe_rate', title: 'Unsubscribe rate', sortable: true, format: '.2%' },
          ],
          defaultSort: { field: 'sent', direction: 'desc' },
        },
      },
    },
  },
  {
    id: 'email-opens-by-audience-and-campaign',
    group: 'email',
    spec: {
      version: v,
      title: 'Opens by audience and campaign',
      data: { kind: 'semantic', query: { measures: ['email_events.opens'], dimensions: ['campaigns.name', 'audiences.name'] } },
      mark: 'stacked-bar',
      encodings: {
        x: { field: 'email_events.opens', type: 'quantitative' },
        y: { field: 'campaigns.name', type: 'nominal', sort: '-x' },
        color: { field: 'audiences.name', type: 'nominal' },
      },
      properties: { legend: { placement: 'bottom', title: 'Audience' } },
      interactions: { click: { kind: 'filter', fields: ['campaigns.name'] } },
    },
  },
  {
    id: 'email-events-per-week',
    group: 'email',
    spec: {
      version: v,
      title: 'Email events per week',
      data: {
        kind: 'semantic',
        query: {
          measures: ['email_events.events'],
          dimensions: ['email_events.event_type'],
          timeDimensions: [{ dimension: 'email_events.event_ts', granularity: 'week' }],
        },
      },
      mark: 'line',
      encodings: {
        x: { field: 'email_events.event_ts.week', type: 'temporal', title: 'Week' },
        y: { field: 'email_events.events', type: 'quantitative' },
        color: { field: 'email_events.event_type', type: 'nominal', sort: ['sent', 'open', 'click', 'unsubscribe'] },
      },
    },
  },
  {
    id: 'emails-sent-last-30-days',
    group: 'email',
    spec: {
      version: v,
      title: 'Emails sent, last 30 days',
      data: { kind: 'semantic', query: { measures: ['email_events.sent'], timeDimensions: [{ dimension: 'email_events.event_ts', dateRange: 'last 30 days' }] } },
      mark: 'big-number',
      encodings: { y: { field: 'email_events.sent', type: 'quantitative' } },
      properties: { bigNumber: { comparison: { kind: 'previous-period' }, deltaFormat: '+.1%' } },
    },
  },
];

/** A catalog spec, parsed (defaults filled in); throws for an unknown id. */
export function catalogSpec(id: string): WidgetSpec {
  const entry = widgetCatalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no catalog widget "${id}"`);
  return WidgetSpecSchema.parse(entry.spec);
}
