import type { DataCaseSpec } from '../types.js';
import { ORDERS, ORDERS_CUSTOMERS } from './sql.js';

/** Shape of results: nulls, empty results, ordering with ties, and paging. */
export const resultCases: DataCaseSpec[] = [
  {
    id: 'nulls.boolean-asc',
    description: 'ordering a boolean ascending: false, true, then null',
    query: { measures: ['orders.count', 'orders.revenue'], dimensions: ['orders.is_gift'], order: [['orders.is_gift', 'asc']] },
    oracle: `SELECT o.is_gift AS "orders.is_gift", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'nulls.boolean-desc',
    description: 'ordering descending still puts null last',
    query: { measures: ['orders.count'], dimensions: ['orders.is_gift'], order: [['orders.is_gift', 'desc']] },
    oracle: `SELECT o.is_gift AS "orders.is_gift", count(*) AS "orders.count" FROM ${ORDERS} GROUP BY 1 ORDER BY 1 DESC NULLS LAST`,
  },
  {
    id: 'nulls.string-desc-case',
    description: 'strings order by code point (upper case before lower case), descending, null last',
    query: { measures: ['orders.count'], dimensions: ['customers.name'], order: [['customers.name', 'desc']] },
    oracle: `SELECT c.name AS "customers.name", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 ORDER BY 1 DESC NULLS LAST`,
  },
  {
    id: 'nulls.measure-asc',
    description: 'null measures sort last when ordering by the measure ascending',
    query: { measures: ['orders.revenue', 'orders.count'], dimensions: ['orders.status'], order: [['orders.revenue', 'asc']] },
    oracle: `SELECT o.status AS "orders.status", sum(o.amount) AS "orders.revenue", count(*) AS "orders.count" FROM ${ORDERS}
      GROUP BY 1 ORDER BY 2 ASC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'nulls.aggregates-over-null-amounts',
    description: 'every amount is null: count counts rows, sum/avg/min/max are null, units still sum',
    query: {
      measures: [
        'orders.count',
        'orders.revenue',
        'orders.avg_amount',
        'orders.min_amount',
        'orders.max_amount',
        'orders.units',
        'orders.gift_revenue',
      ],
      filters: [{ member: 'orders.status', operator: 'equals', values: ['pending'] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue", avg(o.amount) AS "orders.avg_amount",
        min(o.amount) AS "orders.min_amount", max(o.amount) AS "orders.max_amount", sum(o.quantity) AS "orders.units",
        sum(o.amount) FILTER (WHERE o.is_gift = true) AS "orders.gift_revenue"
      FROM ${ORDERS} WHERE o.status = 'pending'`,
  },
  {
    id: 'nulls.count-distinct-ignores-null',
    description: 'countDistinct ignores a null key; the null group of customer_id is kept as a row',
    query: { measures: ['orders.customers', 'orders.count'], dimensions: ['customers.segment'], order: [['customers.segment', 'asc']] },
    oracle: `SELECT c.segment AS "customers.segment", count(DISTINCT o.customer_id) AS "orders.customers", count(*) AS "orders.count"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'empty.grouped',
    description: 'a filter matching nothing returns no rows',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'equals', values: ['shipped'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count" FROM ${ORDERS} WHERE o.status = 'shipped'
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'empty.aggregate-only',
    description: 'aggregates over no rows: one row, counts 0, sums and extremes null',
    query: {
      measures: [
        'orders.count',
        'orders.revenue',
        'orders.avg_amount',
        'orders.customers',
        'orders.units',
        'orders.first_order',
        'orders.last_order_date',
        'orders.non_gift_count',
      ],
      filters: [{ member: 'orders.status', operator: 'equals', values: ['shipped'] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue", avg(o.amount) AS "orders.avg_amount",
        count(DISTINCT o.customer_id) AS "orders.customers", sum(o.quantity) AS "orders.units", min(o.ordered_at) AS "orders.first_order",
        max(o.order_date) AS "orders.last_order_date", count(*) FILTER (WHERE o.is_gift IS NOT TRUE) AS "orders.non_gift_count"
      FROM ${ORDERS} WHERE o.status = 'shipped'`,
  },
  {
    id: 'empty.dimension-only',
    description: 'a dimension-only query matching nothing',
    query: { dimensions: ['customers.name'], filters: [{ member: 'customers.name', operator: 'startsWith', values: ['zz'] }] },
    oracle: `SELECT DISTINCT c.name AS "customers.name" FROM customers c WHERE lower(c.name) LIKE 'zz%' ORDER BY 1`,
  },
  {
    id: 'empty.with-total',
    description: 'an empty result with total 0',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.name'],
      filters: [{ member: 'orders.ordered_at', operator: 'afterDate', values: ['2025-01-01'] }],
      total: true,
    },
    oracle: `SELECT c.name AS "customers.name", sum(o.amount) AS "orders.revenue" FROM ${ORDERS_CUSTOMERS}
      WHERE o.ordered_at >= TIMESTAMP '2025-01-02' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
    oracleTotal: `SELECT count(DISTINCT c.name) FROM ${ORDERS_CUSTOMERS} WHERE o.ordered_at >= TIMESTAMP '2025-01-02'`,
  },
  {
    id: 'order.default-measure-ties',
    description: 'default order: the first measure descending, ties broken by the dimensions ascending',
    query: { measures: ['orders.count'], dimensions: ['orders.quantity'] },
    oracle: `SELECT o.quantity AS "orders.quantity", count(*) AS "orders.count" FROM ${ORDERS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'order.measure-asc-ties-two-dimensions',
    description: 'an explicit measure order with ties resolved by every dimension in query order',
    query: {
      measures: ['orders.customers'],
      dimensions: ['orders.is_gift', 'customers.segment'],
      order: [['orders.customers', 'asc']],
    },
    oracle: `SELECT o.is_gift AS "orders.is_gift", c.segment AS "customers.segment", count(DISTINCT o.customer_id) AS "orders.customers"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1, 2 ORDER BY 3 ASC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'order.dimension-then-measure',
    description: 'explicit order on a dimension descending then a measure ascending; remaining dimensions ascending',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status', 'customers.segment'],
      order: [
        ['customers.segment', 'desc'],
        ['orders.count', 'asc'],
      ],
    },
    oracle: `SELECT o.status AS "orders.status", c.segment AS "customers.segment", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1, 2 ORDER BY 2 DESC NULLS LAST, 3 ASC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'order.default-dimension-only',
    description: 'a dimension-only query orders by every dimension ascending, nulls last',
    query: { dimensions: ['orders.status', 'orders.is_gift'] },
    oracle: `SELECT DISTINCT o.status AS "orders.status", o.is_gift AS "orders.is_gift" FROM ${ORDERS}
      ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'order.time-dimension-default',
    description: 'with a time dimension the default order is time ascending, then the other dimensions',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.segment'],
      timeDimensions: [{ dimension: 'orders.order_date', granularity: 'year' }],
    },
    oracle: `SELECT c.segment AS "customers.segment", CAST(date_trunc('year', o.order_date) AS DATE) AS "orders.order_date.year",
        sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1, 2 ORDER BY 2 ASC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'page.limit-total',
    description: 'limit with total: the total counts every group',
    query: { measures: ['orders.count'], dimensions: ['customers.name'], limit: 5, total: true },
    oracle: `SELECT c.name AS "customers.name", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST LIMIT 5`,
    oracleTotal: `SELECT count(*) FROM (SELECT DISTINCT c.name FROM ${ORDERS_CUSTOMERS})`,
  },
  {
    id: 'page.offset-total',
    description: 'offset and limit inside the tie-broken order',
    query: { measures: ['orders.count'], dimensions: ['customers.name'], limit: 4, offset: 3, total: true },
    oracle: `SELECT c.name AS "customers.name", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST LIMIT 4 OFFSET 3`,
    oracleTotal: `SELECT count(*) FROM (SELECT DISTINCT c.name FROM ${ORDERS_CUSTOMERS})`,
  },
  {
    id: 'page.offset-past-end',
    description: 'an offset past the end returns no rows and the full total',
    query: { measures: ['orders.count'], dimensions: ['orders.status'], offset: 100, total: true },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count" FROM ${ORDERS}
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST OFFSET 100`,
    oracleTotal: `SELECT count(DISTINCT coalesce(o.status, '<null>')) FROM ${ORDERS}`,
  },
  {
    id: 'page.limit-zero',
    description: 'limit 0 returns no rows but the total',
    query: { dimensions: ['orders.customer_id'], limit: 0, total: true },
    oracle: `SELECT DISTINCT o.customer_id AS "orders.customer_id" FROM ${ORDERS} ORDER BY 1 LIMIT 0`,
    oracleTotal: `SELECT count(*) FROM (SELECT DISTINCT o.customer_id FROM ${ORDERS})`,
  },
  {
    id: 'page.aggregate-total',
    description: 'a query without dimensions has one row and total 1',
    query: { measures: ['orders.count', 'orders.revenue'], total: true },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}`,
    oracleTotal: `SELECT 1`,
  },
  {
    id: 'page.time-limit-offset',
    description: 'paging through months of a time series',
    query: {
      measures: ['orders.count'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month' }],
      limit: 6,
      offset: 10,
      total: true,
    },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", count(*) AS "orders.count"
      FROM ${ORDERS} GROUP BY 1 ORDER BY 1 ASC NULLS LAST LIMIT 6 OFFSET 10`,
    oracleTotal: `SELECT count(DISTINCT date_trunc('month', o.ordered_at)) FROM ${ORDERS}`,
  },
];
