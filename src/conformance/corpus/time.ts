import type { DataCaseSpec } from '../types.js';
import { ORDERS } from './sql.js';

/** The pinned "now" of the relative-range cases: a Saturday, noon UTC. */
export const NOW = '2024-06-15T12:00:00Z';

const byDay = (range: string): DataCaseSpec['query'] => ({
  measures: ['orders.count'],
  timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'day', dateRange: range }],
});

/** Literal bounds [from, to) of one relative-range oracle, as the semantic rules resolve them for NOW. */
const dayOracle = (from: string, to: string) =>
  `SELECT CAST(o.ordered_at AS DATE) AS "orders.ordered_at.day", count(*) AS "orders.count" FROM ${ORDERS}
   WHERE o.ordered_at >= TIMESTAMP '${from}' AND o.ordered_at < TIMESTAMP '${to}' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`;

/** Granularities (periods start on their first day, weeks on Monday) and absolute date ranges. */
export const timeCases: DataCaseSpec[] = [
  {
    id: 'time.day',
    description: 'daily counts and revenue over an absolute range',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'day', dateRange: ['2024-06-01', '2024-06-10'] }],
    },
    oracle: `SELECT CAST(o.ordered_at AS DATE) AS "orders.ordered_at.day", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} WHERE o.ordered_at >= TIMESTAMP '2024-06-01' AND o.ordered_at < TIMESTAMP '2024-06-11'
      GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.week.start-of-2023',
    description: 'weeks start on Monday: Sunday 2023-01-01 falls in the week of 2022-12-26',
    query: {
      measures: ['orders.count'],
      timeDimensions: [{ dimension: 'orders.order_date', granularity: 'week', dateRange: ['2023-01-01', '2023-01-31'] }],
    },
    oracle: `SELECT CAST(date_trunc('week', o.order_date) AS DATE) AS "orders.order_date.week", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.order_date BETWEEN DATE '2023-01-01' AND DATE '2023-01-31' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.week.across-new-year',
    description: 'the week of 2023-12-25 holds the last orders of 2023; the week of 2024-12-30 runs into 2025',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'week' }],
      filters: [
        {
          or: [
            { member: 'orders.ordered_at', operator: 'inDateRange', values: ['2023-12-18', '2024-01-07'] },
            { member: 'orders.ordered_at', operator: 'afterDate', values: ['2024-12-01'] },
          ],
        },
      ],
    },
    oracle: `SELECT CAST(date_trunc('week', o.ordered_at) AS DATE) AS "orders.ordered_at.week", count(*) AS "orders.count",
        sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} WHERE (o.ordered_at >= TIMESTAMP '2023-12-18' AND o.ordered_at < TIMESTAMP '2024-01-08')
        OR o.ordered_at >= TIMESTAMP '2024-12-02'
      GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.month',
    description: 'monthly counts, revenue and units for 2023',
    query: {
      measures: ['orders.count', 'orders.revenue', 'orders.units'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: ['2023-01-01', '2023-12-31'] }],
    },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", count(*) AS "orders.count",
        sum(o.amount) AS "orders.revenue", sum(o.quantity) AS "orders.units"
      FROM ${ORDERS} WHERE o.ordered_at >= TIMESTAMP '2023-01-01' AND o.ordered_at < TIMESTAMP '2024-01-01'
      GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.quarter',
    description: 'quarters over all data; 2023-03-31T23:59:59.500Z stays in Q1',
    query: { measures: ['orders.count', 'orders.revenue'], timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'quarter' }] },
    oracle: `SELECT CAST(date_trunc('quarter', o.ordered_at) AS DATE) AS "orders.ordered_at.quarter", count(*) AS "orders.count",
        sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.year.all-aggregations',
    description: 'every aggregation per year of a date column',
    query: {
      measures: [
        'orders.count',
        'orders.revenue',
        'orders.avg_amount',
        'orders.min_amount',
        'orders.max_amount',
        'orders.customers',
        'orders.units',
        'orders.first_order',
        'orders.last_order_date',
      ],
      timeDimensions: [{ dimension: 'orders.order_date', granularity: 'year' }],
    },
    oracle: `SELECT CAST(date_trunc('year', o.order_date) AS DATE) AS "orders.order_date.year", count(*) AS "orders.count",
        sum(o.amount) AS "orders.revenue", avg(o.amount) AS "orders.avg_amount", min(o.amount) AS "orders.min_amount",
        max(o.amount) AS "orders.max_amount", count(DISTINCT o.customer_id) AS "orders.customers", sum(o.quantity) AS "orders.units",
        min(o.ordered_at) AS "orders.first_order", max(o.order_date) AS "orders.last_order_date"
      FROM ${ORDERS} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'time.order-by-member-desc',
    description: 'ordering by the time member without its granularity orders by the time dimension',
    query: {
      measures: ['orders.count'],
      timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: ['2024-01-01', '2024-06-30'] }],
      order: [['orders.ordered_at', 'desc']],
    },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.ordered_at >= TIMESTAMP '2024-01-01' AND o.ordered_at < TIMESTAMP '2024-07-01'
      GROUP BY 1 ORDER BY 1 DESC NULLS LAST`,
  },
  {
    id: 'time.two-time-dimensions',
    description: 'two time dimensions, one only filtering: ordered by the first time dimension, then the others',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      timeDimensions: [
        { dimension: 'orders.ordered_at', granularity: 'quarter' },
        { dimension: 'orders.order_date', dateRange: ['2023-10-01', '2024-03-31'] },
      ],
    },
    oracle: `SELECT o.status AS "orders.status", CAST(date_trunc('quarter', o.ordered_at) AS DATE) AS "orders.ordered_at.quarter",
        count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.order_date BETWEEN DATE '2023-10-01' AND DATE '2024-03-31'
      GROUP BY 1, 2 ORDER BY 2 ASC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'time.same-column-two-granularities',
    description: 'the same column at two granularities gives two output columns',
    query: {
      measures: ['orders.count'],
      timeDimensions: [
        { dimension: 'orders.order_date', granularity: 'year' },
        { dimension: 'orders.order_date', granularity: 'quarter' },
      ],
    },
    oracle: `SELECT CAST(date_trunc('year', o.order_date) AS DATE) AS "orders.order_date.year",
        CAST(date_trunc('quarter', o.order_date) AS DATE) AS "orders.order_date.quarter", count(*) AS "orders.count"
      FROM ${ORDERS} GROUP BY 1, 2 ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'time.range-without-granularity',
    description: 'a time dimension with only a date range filters without grouping',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      timeDimensions: [{ dimension: 'orders.ordered_at', dateRange: ['2024-01-01', '2024-01-31'] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-01-01' AND o.ordered_at < TIMESTAMP '2024-02-01'`,
  },
];

/** Relative ranges resolved against a pinned now (UTC). "last N units" excludes the current unit. */
export const relativeCases: DataCaseSpec[] = [
  {
    id: 'relative.today',
    description: 'today includes an order later today than now',
    now: NOW,
    query: byDay('today'),
    oracle: dayOracle('2024-06-15', '2024-06-16'),
  },
  {
    id: 'relative.yesterday',
    description: 'yesterday',
    now: NOW,
    query: byDay('yesterday'),
    oracle: dayOracle('2024-06-14', '2024-06-15'),
  },
  {
    id: 'relative.yesterday-leap-day',
    description: 'yesterday of 2024-03-01 given as a date is the leap day',
    now: '2024-03-01',
    query: byDay('yesterday'),
    oracle: dayOracle('2024-02-29', '2024-03-01'),
  },
  {
    id: 'relative.this-week',
    description: 'this week runs Monday to Sunday',
    now: NOW,
    query: byDay('this week'),
    oracle: dayOracle('2024-06-10', '2024-06-17'),
  },
  {
    id: 'relative.last-week',
    description: 'last week: Monday 06-03 in, Sunday 06-02 out, Sunday 06-09 23:59:59 in',
    now: NOW,
    query: byDay('last week'),
    oracle: dayOracle('2024-06-03', '2024-06-10'),
  },
  {
    id: 'relative.last-week-across-new-year',
    description: 'last week seen from 2024-01-03 is the last week of 2023',
    now: '2024-01-03T09:00:00Z',
    query: byDay('last week'),
    oracle: dayOracle('2023-12-25', '2024-01-01'),
  },
  {
    id: 'relative.this-month',
    description: 'this month, by week (the week of 2024-05-27 starts in May)',
    now: NOW,
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'week', dateRange: 'this month' }] },
    oracle: `SELECT CAST(date_trunc('week', o.ordered_at) AS DATE) AS "orders.ordered_at.week", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-06-01' AND o.ordered_at < TIMESTAMP '2024-07-01' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.last-month-filter',
    description: 'a relative range as an inDateRange filter value',
    now: NOW,
    query: {
      dimensions: ['orders.order_id', 'orders.ordered_at'],
      filters: [{ member: 'orders.ordered_at', operator: 'inDateRange', values: ['last month'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.ordered_at AS "orders.ordered_at" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-05-01' AND o.ordered_at < TIMESTAMP '2024-06-01' GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'relative.this-quarter',
    description: 'this quarter by month',
    now: NOW,
    query: { measures: ['orders.revenue'], timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: 'this quarter' }] },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-04-01' AND o.ordered_at < TIMESTAMP '2024-07-01' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.last-quarter',
    description: 'last quarter by month (ends 2024-03-31 22:00)',
    now: NOW,
    query: { measures: ['orders.revenue'], timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: 'last quarter' }] },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-01-01' AND o.ordered_at < TIMESTAMP '2024-04-01' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.this-year',
    description: 'this year by quarter, including orders after now',
    now: NOW,
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.order_date', granularity: 'quarter', dateRange: 'this year' }] },
    oracle: `SELECT CAST(date_trunc('quarter', o.order_date) AS DATE) AS "orders.order_date.quarter", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.last-year',
    description: 'last year by quarter',
    now: NOW,
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.order_date', granularity: 'quarter', dateRange: 'last year' }] },
    oracle: `SELECT CAST(date_trunc('quarter', o.order_date) AS DATE) AS "orders.order_date.quarter", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.order_date BETWEEN DATE '2023-01-01' AND DATE '2023-12-31' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.last-7-days',
    description: 'last 7 days are the 7 whole days before today',
    now: NOW,
    query: byDay('last 7 days'),
    oracle: dayOracle('2024-06-08', '2024-06-15'),
  },
  {
    id: 'relative.last-3-months',
    description: 'last 3 months are March to May, the current month excluded',
    now: NOW,
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.ordered_at', granularity: 'month', dateRange: 'last 3 months' }] },
    oracle: `SELECT CAST(date_trunc('month', o.ordered_at) AS DATE) AS "orders.ordered_at.month", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-03-01' AND o.ordered_at < TIMESTAMP '2024-06-01' GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'relative.last-12-months-total',
    description: 'last 12 months without a granularity, as a filter on a date column',
    now: NOW,
    query: {
      measures: ['orders.count', 'orders.revenue', 'orders.customers'],
      timeDimensions: [{ dimension: 'orders.order_date', dateRange: 'Last 12 Months' }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue", count(DISTINCT o.customer_id) AS "orders.customers"
      FROM ${ORDERS} WHERE o.order_date BETWEEN DATE '2023-06-01' AND DATE '2024-05-31'`,
  },
];
