import type { DataCaseSpec } from '../types.js';
import { CUSTOMERS_REGIONS, ORDERS, ORDERS_CALENDAR, ORDERS_CUSTOMERS, ORDERS_REGIONS } from './sql.js';

/** Lookups (one and two hops, left joins keeping unmatched rows) and dimension-only queries (distinct values). */
export const joinCases: DataCaseSpec[] = [
  {
    id: 'join.one-hop',
    description: 'group orders by a customer column; missing customers and a null segment form one null group',
    query: { measures: ['orders.revenue', 'orders.customers'], dimensions: ['customers.segment'] },
    oracle: `SELECT c.segment AS "customers.segment", sum(o.amount) AS "orders.revenue", count(DISTINCT o.customer_id) AS "orders.customers"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'join.two-hop',
    description: 'group orders by a region column two lookups away (null for no region, a missing region or customer)',
    query: { measures: ['orders.count'], dimensions: ['regions.region'] },
    oracle: `SELECT r.region AS "regions.region", count(*) AS "orders.count" FROM ${ORDERS_REGIONS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'join.two-hop-and-one-hop',
    description: 'dimensions from both lookups with an explicit order (country asc, revenue desc)',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['regions.country', 'customers.segment'],
      order: [
        ['regions.country', 'asc'],
        ['orders.revenue', 'desc'],
      ],
    },
    oracle: `SELECT r.country AS "regions.country", c.segment AS "customers.segment", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS_REGIONS} GROUP BY 1, 2 ORDER BY 1 ASC NULLS LAST, 3 DESC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'join.filter-only-two-hop',
    description: 'a filter on a two-hop column that is not in the output',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'regions.country', operator: 'equals', values: ['NL'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count" FROM ${ORDERS_REGIONS}
      WHERE r.country = 'NL' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'join.filter-only-one-hop-range',
    description: 'a date-range filter on a joined date column that is not in the output',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      filters: [{ member: 'customers.signup_date', operator: 'inDateRange', values: ['2023-01-01', '2023-03-31'] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS_CUSTOMERS}
      WHERE c.signup_date BETWEEN DATE '2023-01-01' AND DATE '2023-03-31'`,
  },
  {
    id: 'join.calendar-date-key',
    description: 'a lookup on a date key (orders.order_date → calendar), explicit order by weekday',
    query: { measures: ['orders.count'], dimensions: ['calendar.weekday'], order: [['calendar.weekday', 'asc']] },
    oracle: `SELECT k.weekday AS "calendar.weekday", count(*) AS "orders.count" FROM ${ORDERS_CALENDAR}
      GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'join.calendar-holiday',
    description: 'orders on holidays: filter set on a joined nullable column, boolean and date dimensions',
    query: {
      measures: ['orders.count'],
      dimensions: ['calendar.holiday', 'calendar.is_weekend', 'orders.order_date'],
      filters: [{ member: 'calendar.holiday', operator: 'set' }],
    },
    oracle: `SELECT k.holiday AS "calendar.holiday", k.is_weekend AS "calendar.is_weekend", o.order_date AS "orders.order_date",
        count(*) AS "orders.count"
      FROM ${ORDERS_CALENDAR} WHERE k.holiday IS NOT NULL GROUP BY 1, 2, 3
      ORDER BY 4 DESC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST, 3 ASC NULLS LAST`,
  },
  {
    id: 'join.dimension-measure',
    description: 'a measure of a dimension table (customers.count) grouped through its own lookup',
    query: { measures: ['customers.count'], dimensions: ['regions.region'] },
    oracle: `SELECT r.region AS "regions.region", count(*) AS "customers.count" FROM ${CUSTOMERS_REGIONS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'join.dimension-measure-filtered',
    description: 'customers.count with a filter through the customers → regions lookup',
    query: {
      measures: ['customers.count'],
      dimensions: ['customers.segment'],
      filters: [{ member: 'regions.country', operator: 'equals', values: ['US'] }],
    },
    oracle: `SELECT c.segment AS "customers.segment", count(*) AS "customers.count" FROM ${CUSTOMERS_REGIONS}
      WHERE r.country = 'US' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'join.time-dimension-on-lookup',
    description: 'a granularity on a joined date column; unknown signup dates group as null, last',
    query: {
      measures: ['orders.count'],
      timeDimensions: [{ dimension: 'customers.signup_date', granularity: 'quarter' }],
    },
    oracle: `SELECT CAST(date_trunc('quarter', c.signup_date) AS DATE) AS "customers.signup_date.quarter", count(*) AS "orders.count"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'distinct.one-table',
    description: 'a dimension-only query returns distinct values, ascending',
    query: { dimensions: ['regions.country'] },
    oracle: `SELECT DISTINCT r.country AS "regions.country" FROM regions r ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'distinct.with-null',
    description: 'distinct statuses of the fact table, null last',
    query: { dimensions: ['orders.status'] },
    oracle: `SELECT DISTINCT o.status AS "orders.status" FROM ${ORDERS} ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'distinct.over-lookup',
    description: 'a dimension-only query over two tables starts from the table that reaches the other (customers, incl. those without orders)',
    query: { dimensions: ['customers.segment', 'regions.country'] },
    oracle: `SELECT DISTINCT c.segment AS "customers.segment", r.country AS "regions.country" FROM ${CUSTOMERS_REGIONS}
      ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'distinct.filtered-by-fact',
    description: 'a dimension-only query filtered by a fact column starts from the fact table',
    query: {
      dimensions: ['customers.segment'],
      filters: [{ member: 'orders.amount', operator: 'gt', values: [200] }],
    },
    oracle: `SELECT DISTINCT c.segment AS "customers.segment" FROM ${ORDERS_CUSTOMERS} WHERE o.amount > 200
      ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'distinct.calendar-limit',
    description: 'distinct weekdays of the calendar with a limit',
    query: { dimensions: ['calendar.weekday'], limit: 3 },
    oracle: `SELECT DISTINCT k.weekday AS "calendar.weekday" FROM calendar k ORDER BY 1 ASC NULLS LAST LIMIT 3`,
  },
  {
    id: 'distinct.timestamp-and-boolean',
    description: 'dimension-only query with a granularity and a boolean: time ascending first',
    query: {
      dimensions: ['orders.is_gift'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'year' }],
    },
    oracle: `SELECT DISTINCT o.is_gift AS "orders.is_gift", CAST(date_trunc('year', o.ordered_at) AS DATE) AS "orders.ordered_at.year"
      FROM ${ORDERS} ORDER BY 2 ASC NULLS LAST, 1 ASC NULLS LAST`,
  },
];
