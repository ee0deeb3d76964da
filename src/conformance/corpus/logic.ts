import type { DataCaseSpec } from '../types.js';
import { ORDERS, ORDERS_CUSTOMERS, ORDERS_REGIONS } from './sql.js';

/** Boolean structure of filters (and/or nesting) and measure filters, which apply after grouping. */
export const logicCases: DataCaseSpec[] = [
  {
    id: 'logic.or.two-columns',
    description: 'or across two columns in a dimension-only query',
    query: {
      dimensions: ['orders.order_id', 'orders.status'],
      filters: [
        {
          or: [
            { member: 'orders.status', operator: 'equals', values: ['pending'] },
            { member: 'orders.amount', operator: 'gt', values: [300] },
          ],
        },
      ],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.status AS "orders.status" FROM ${ORDERS}
      WHERE o.status = 'pending' OR o.amount > 300 GROUP BY 1, 2 ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'logic.or-of-ands.joined',
    description: 'an or of two ands, one of them on a joined column',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['orders.order_id'],
      filters: [
        {
          or: [
            {
              and: [
                { member: 'orders.status', operator: 'equals', values: ['completed'] },
                { member: 'orders.amount', operator: 'gte', values: [200] },
              ],
            },
            {
              and: [
                { member: 'orders.is_gift', operator: 'equals', values: [true] },
                { member: 'customers.segment', operator: 'equals', values: ['enterprise'] },
              ],
            },
          ],
        },
      ],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", sum(o.amount) AS "orders.revenue" FROM ${ORDERS_CUSTOMERS}
      WHERE (o.status = 'completed' AND o.amount >= 200) OR (o.is_gift = true AND c.segment = 'enterprise')
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'logic.top-level-and',
    description: 'top-level filters are and-ed: an or of statuses and a two-hop country filter',
    query: {
      measures: ['orders.count'],
      dimensions: ['regions.region'],
      filters: [
        {
          or: [
            { member: 'orders.status', operator: 'equals', values: ['cancelled'] },
            { member: 'orders.status', operator: 'equals', values: ['REFUNDED'] },
          ],
        },
        { member: 'regions.country', operator: 'equals', values: ['US'] },
      ],
    },
    oracle: `SELECT r.region AS "regions.region", count(*) AS "orders.count" FROM ${ORDERS_REGIONS}
      WHERE (o.status = 'cancelled' OR o.status = 'REFUNDED') AND r.country = 'US'
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'logic.nested-three-levels',
    description: 'and(or(and(...), and(...)), leaf) with date ranges and a notSet inside',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      dimensions: ['orders.is_gift'],
      filters: [
        {
          and: [
            {
              or: [
                {
                  and: [
                    { member: 'orders.ordered_at', operator: 'inDateRange', values: ['2023-01-01', '2023-06-30'] },
                    { member: 'orders.is_gift', operator: 'equals', values: [false] },
                  ],
                },
                {
                  and: [
                    { member: 'orders.ordered_at', operator: 'inDateRange', values: ['2024-01-01', '2024-06-30'] },
                    { member: 'orders.is_gift', operator: 'notSet' },
                  ],
                },
              ],
            },
            { member: 'orders.quantity', operator: 'lte', values: [3] },
          ],
        },
      ],
    },
    oracle: `SELECT o.is_gift AS "orders.is_gift", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE ((o.ordered_at >= TIMESTAMP '2023-01-01' AND o.ordered_at < TIMESTAMP '2023-07-01' AND o.is_gift = false)
          OR (o.ordered_at >= TIMESTAMP '2024-01-01' AND o.ordered_at < TIMESTAMP '2024-07-01' AND o.is_gift IS NULL))
        AND o.quantity <= 3
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'logic.or-with-null-test',
    description: 'or of equals and notSet on the same boolean',
    query: {
      measures: ['orders.count'],
      filters: [
        {
          or: [
            { member: 'orders.is_gift', operator: 'equals', values: [true] },
            { member: 'orders.is_gift', operator: 'notSet' },
          ],
        },
      ],
    },
    oracle: `SELECT count(*) AS "orders.count" FROM ${ORDERS} WHERE o.is_gift IS NOT FALSE`,
  },
  {
    id: 'having.gt',
    description: 'a measure filter keeps groups whose revenue is over 500',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.name'],
      filters: [{ member: 'orders.revenue', operator: 'gt', values: [500] }],
    },
    oracle: `SELECT c.name AS "customers.name", sum(o.amount) AS "orders.revenue" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 HAVING sum(o.amount) > 500 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.or',
    description: 'an or of two measure filters',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      dimensions: ['orders.customer_id'],
      filters: [
        {
          or: [
            { member: 'orders.count', operator: 'gte', values: [7] },
            { member: 'orders.revenue', operator: 'lt', values: [300] },
          ],
        },
      ],
    },
    oracle: `SELECT o.customer_id AS "orders.customer_id", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} GROUP BY 1 HAVING count(*) >= 7 OR sum(o.amount) < 300
      ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.measure-not-in-output',
    description: 'a measure filter on a measure the query does not return',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.segment'],
      filters: [{ member: 'orders.count', operator: 'gt', values: [10] }],
    },
    oracle: `SELECT c.segment AS "customers.segment", sum(o.amount) AS "orders.revenue" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 HAVING count(*) > 10 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.with-where',
    description: 'a dimension filter (before grouping) and a measure filter (after) together',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [
        { member: 'orders.is_gift', operator: 'equals', values: [false] },
        { member: 'orders.count', operator: 'gte', values: [2] },
      ],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.is_gift = false GROUP BY 1 HAVING count(*) >= 2 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.notSet-null-measure',
    description: 'notSet on an average keeps the groups with no amount at all; their null revenue ties',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.avg_amount', operator: 'notSet' }],
    },
    oracle: `SELECT o.status AS "orders.status", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      GROUP BY 1 HAVING avg(o.amount) IS NULL ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.timestamp-measure',
    description: 'afterDate on a timestamp measure (first order on or after 2023-03-01)',
    query: {
      measures: ['orders.first_order'],
      dimensions: ['customers.name'],
      filters: [{ member: 'orders.first_order', operator: 'afterDate', values: ['2023-02-28'] }],
    },
    oracle: `SELECT c.name AS "customers.name", min(o.ordered_at) AS "orders.first_order" FROM ${ORDERS_CUSTOMERS}
      GROUP BY 1 HAVING min(o.ordered_at) >= TIMESTAMP '2023-03-01' ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.date-measure',
    description: 'beforeDate on a date measure: customers (and no customer) whose last order was before 2024-10-01',
    query: {
      measures: ['orders.last_order_date', 'orders.count'],
      dimensions: ['orders.customer_id'],
      filters: [{ member: 'orders.last_order_date', operator: 'beforeDate', values: ['2024-10-01'] }],
    },
    oracle: `SELECT o.customer_id AS "orders.customer_id", max(o.order_date) AS "orders.last_order_date", count(*) AS "orders.count"
      FROM ${ORDERS} GROUP BY 1 HAVING max(o.order_date) < DATE '2024-10-01' ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'having.removes-the-only-row',
    description: 'a measure filter on a query without dimensions can remove its single row',
    query: {
      measures: ['orders.count'],
      filters: [{ member: 'orders.count', operator: 'gt', values: [1000] }],
    },
    oracle: `SELECT count(*) AS "orders.count" FROM ${ORDERS} HAVING count(*) > 1000`,
  },
  {
    id: 'model-filter.gift-revenue',
    description: 'measures with a filter in the model (gift revenue, orders not marked as gifts incl. unknown)',
    query: {
      measures: ['orders.gift_revenue', 'orders.revenue', 'orders.non_gift_count'],
      dimensions: ['customers.segment'],
    },
    oracle: `SELECT c.segment AS "customers.segment", sum(o.amount) FILTER (WHERE o.is_gift = true) AS "orders.gift_revenue",
        sum(o.amount) AS "orders.revenue", count(*) FILTER (WHERE o.is_gift IS NOT TRUE) AS "orders.non_gift_count"
      FROM ${ORDERS_CUSTOMERS} GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'model-filter.in-having',
    description: 'a measure filter over a measure that has its own model filter',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.customer_id'],
      filters: [{ member: 'orders.gift_revenue', operator: 'gte', values: [100] }],
    },
    oracle: `SELECT o.customer_id AS "orders.customer_id", count(*) AS "orders.count" FROM ${ORDERS}
      GROUP BY 1 HAVING sum(o.amount) FILTER (WHERE o.is_gift = true) >= 100 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'model-filter.empty-groups',
    description: 'a filtered measure over groups with no matching rows: sum is null, count is 0',
    query: {
      measures: ['orders.gift_revenue', 'orders.non_gift_count', 'orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'in', values: ['pending', 'cancelled'] }],
    },
    oracle: `SELECT o.status AS "orders.status", sum(o.amount) FILTER (WHERE o.is_gift = true) AS "orders.gift_revenue",
        count(*) FILTER (WHERE o.is_gift IS NOT TRUE) AS "orders.non_gift_count", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.status IN ('pending', 'cancelled') GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
];
