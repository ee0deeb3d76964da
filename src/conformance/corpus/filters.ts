import type { DataCaseSpec } from '../types.js';
import { ORDERS, ORDERS_CUSTOMERS, ORDERS_REGIONS } from './sql.js';

/** One or more cases per filter operator, each on the edge that tells a right engine from a plausible wrong one. */
export const filterCases: DataCaseSpec[] = [
  {
    id: 'filter.equals.string-exact-case',
    description: 'equals on a string is exact: "completed" does not match "Completed" or "COMPLETED"',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'equals', values: ['completed'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} WHERE o.status = 'completed' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.equals.number',
    description: 'equals on a number column, grouped by status',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.amount', operator: 'equals', values: [100] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.amount = 100 GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.equals.boolean',
    description: 'equals true on a boolean with nulls: nulls do not match',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      filters: [{ member: 'orders.is_gift', operator: 'equals', values: [true] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS} WHERE o.is_gift = true`,
  },
  {
    id: 'filter.equals.date',
    description: 'equals on a date column (the leap day); the output includes a timestamp dimension',
    query: {
      dimensions: ['orders.order_id', 'orders.ordered_at'],
      filters: [{ member: 'orders.order_date', operator: 'equals', values: ['2024-02-29'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.ordered_at AS "orders.ordered_at"
      FROM ${ORDERS} WHERE o.order_date = DATE '2024-02-29' GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'filter.notEquals.keeps-nulls',
    description: 'notEquals keeps the rows equals drops, including a null status',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'notEquals', values: ['completed'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.status IS DISTINCT FROM 'completed' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.notEquals.boolean-keeps-nulls',
    description: 'notEquals true on a boolean keeps false and null',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.is_gift'],
      filters: [{ member: 'orders.is_gift', operator: 'notEquals', values: [true] }],
    },
    oracle: `SELECT o.is_gift AS "orders.is_gift", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.is_gift IS NOT TRUE GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.contains.ignores-case',
    description: 'contains ignores case ("ALICE" matches "Alice Martin" and "alice martin"), through a lookup',
    query: {
      measures: ['orders.count'],
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'contains', values: ['ALICE'] }],
    },
    oracle: `SELECT c.name AS "customers.name", count(*) AS "orders.count"
      FROM ${ORDERS_CUSTOMERS} WHERE instr(lower(c.name), 'alice') > 0 GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.contains.percent-literal',
    description: 'contains "%" matches the character, not any text (a LIKE pattern must be escaped)',
    query: {
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'contains', values: ['%'] }],
    },
    oracle: `SELECT c.name AS "customers.name" FROM customers c WHERE instr(c.name, '%') > 0 GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.contains.underscore-literal',
    description: 'contains "_" matches the character, not any one character',
    query: {
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'contains', values: ['_'] }],
    },
    oracle: `SELECT c.name AS "customers.name" FROM customers c WHERE instr(c.name, '_') > 0 GROUP BY 1 ORDER BY 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.contains.any-of',
    description: 'contains with several values matches any of them',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'contains', values: ['smith', 'KELLER'] }],
    },
    oracle: `SELECT c.name AS "customers.name", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS_CUSTOMERS} WHERE instr(lower(c.name), 'smith') > 0 OR instr(lower(c.name), 'keller') > 0
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.notContains.keeps-nulls',
    description: 'notContains keeps null names, including orders whose customer is missing',
    query: {
      measures: ['orders.count'],
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'notContains', values: ['alice', '_'] }],
    },
    oracle: `SELECT c.name AS "customers.name", count(*) AS "orders.count"
      FROM ${ORDERS_CUSTOMERS}
      WHERE c.name IS NULL OR NOT (instr(lower(c.name), 'alice') > 0 OR instr(c.name, '_') > 0)
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.startsWith.quote',
    description: "startsWith with an apostrophe in the value, ignoring case (\"ann o'\")",
    query: {
      measures: ['orders.revenue'],
      dimensions: ['customers.name'],
      filters: [{ member: 'customers.name', operator: 'startsWith', values: ["ann o'"] }],
    },
    oracle: `SELECT c.name AS "customers.name", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS_CUSTOMERS} WHERE lower(c.name) LIKE 'ann o''%' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.startsWith.status-any-case',
    description: 'startsWith "comp" ignores case, so it matches all three spellings of completed',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'startsWith', values: ['comp'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE left(lower(o.status), 4) = 'comp' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.endsWith.any-of',
    description: 'endsWith with several values, ignoring case, in a dimension-only query over customers',
    query: {
      dimensions: ['customers.name', 'customers.segment'],
      filters: [{ member: 'customers.name', operator: 'endsWith', values: ['LTD', 'jones'] }],
    },
    oracle: `SELECT c.name AS "customers.name", c.segment AS "customers.segment" FROM customers c
      WHERE right(lower(c.name), 3) = 'ltd' OR right(lower(c.name), 5) = 'jones'
      GROUP BY 1, 2 ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'filter.gt.number-ties',
    description: 'gt is strict (200 is excluded); two orders tie on revenue and are ordered by order_id',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.amount', operator: 'gt', values: [200] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} WHERE o.amount > 200 GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.gte.number',
    description: 'gte includes the bound',
    query: {
      measures: ['orders.count', 'orders.min_amount'],
      filters: [{ member: 'orders.amount', operator: 'gte', values: [200] }],
    },
    oracle: `SELECT count(*) AS "orders.count", min(o.amount) AS "orders.min_amount" FROM ${ORDERS} WHERE o.amount >= 200`,
  },
  {
    id: 'filter.lt.integer',
    description: 'lt on an integer column',
    query: {
      measures: ['orders.count', 'orders.units'],
      filters: [{ member: 'orders.quantity', operator: 'lt', values: [2] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.quantity) AS "orders.units" FROM ${ORDERS} WHERE o.quantity < 2`,
  },
  {
    id: 'filter.lte.number-dimension',
    description: 'lte includes the bound; a number column as a dimension',
    query: {
      dimensions: ['orders.order_id', 'orders.amount'],
      filters: [{ member: 'orders.amount', operator: 'lte', values: [20] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.amount AS "orders.amount"
      FROM ${ORDERS} WHERE o.amount <= 20 GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'filter.gt.date',
    description: 'gt on a date compares with the start of the given day, so that day itself is excluded',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.order_date'],
      filters: [{ member: 'orders.order_date', operator: 'gt', values: ['2024-12-24'] }],
    },
    oracle: `SELECT o.order_date AS "orders.order_date", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.order_date > DATE '2024-12-24' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.gte-lt.timestamp-millis',
    description: 'gte and lt on a timestamp with millisecond values around a quarter boundary',
    query: {
      dimensions: ['orders.order_id', 'orders.ordered_at'],
      filters: [
        { member: 'orders.ordered_at', operator: 'gte', values: ['2023-03-31T23:59:59.500Z'] },
        { member: 'orders.ordered_at', operator: 'lt', values: ['2023-04-01T00:00:00.001Z'] },
      ],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.ordered_at AS "orders.ordered_at" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2023-03-31 23:59:59.5' AND o.ordered_at < TIMESTAMP '2023-04-01 00:00:00.001'
      GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'filter.lte.date',
    description: 'lte on a date column with a date value includes that date',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.order_date'],
      filters: [{ member: 'orders.order_date', operator: 'lte', values: ['2023-01-02'] }],
    },
    oracle: `SELECT o.order_date AS "orders.order_date", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.order_date <= DATE '2023-01-02' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.lte.timestamp-with-date-value',
    description: 'lte on a timestamp with a date value is midnight, so later orders that day are excluded',
    query: {
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.ordered_at', operator: 'lte', values: ['2023-01-02'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS} WHERE o.ordered_at <= TIMESTAMP '2023-01-02 00:00:00'
      GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.in.string-exact',
    description: 'in on strings is exact',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'in', values: ['completed', 'REFUNDED'] }],
    },
    oracle: `SELECT o.status AS "orders.status", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS} WHERE o.status IN ('completed', 'REFUNDED') GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.in.number-missing-customer',
    description: 'in on an integer, including the id of a customer that does not exist',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.customer_id'],
      filters: [{ member: 'orders.customer_id', operator: 'in', values: [1, 3, 99] }],
    },
    oracle: `SELECT o.customer_id AS "orders.customer_id", count(*) AS "orders.count"
      FROM ${ORDERS} WHERE o.customer_id IN (1, 3, 99) GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.in.boolean',
    description: 'in [true, false] on a boolean drops the nulls',
    query: {
      measures: ['orders.count'],
      filters: [{ member: 'orders.is_gift', operator: 'in', values: [true, false] }],
    },
    oracle: `SELECT count(*) AS "orders.count" FROM ${ORDERS} WHERE o.is_gift IN (true, false)`,
  },
  {
    id: 'filter.notIn.keeps-nulls',
    description: 'notIn keeps other values and the null status',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [{ member: 'orders.status', operator: 'notIn', values: ['completed', 'Completed', 'COMPLETED'] }],
    },
    oracle: `SELECT o.status AS "orders.status", count(*) AS "orders.count" FROM ${ORDERS}
      WHERE o.status IS NULL OR o.status NOT IN ('completed', 'Completed', 'COMPLETED')
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.notIn.joined-keeps-nulls',
    description: 'notIn on a joined column keeps rows where the lookup gives null',
    query: {
      measures: ['orders.count'],
      dimensions: ['customers.region_id'],
      filters: [{ member: 'customers.region_id', operator: 'notIn', values: [1, 2] }],
    },
    oracle: `SELECT c.region_id AS "customers.region_id", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      WHERE c.region_id IS NULL OR c.region_id NOT IN (1, 2)
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.set.number',
    description: 'set drops null amounts',
    query: {
      measures: ['orders.count', 'orders.avg_amount'],
      filters: [{ member: 'orders.amount', operator: 'set' }],
    },
    oracle: `SELECT count(*) AS "orders.count", avg(o.amount) AS "orders.avg_amount" FROM ${ORDERS} WHERE o.amount IS NOT NULL`,
  },
  {
    id: 'filter.notSet.number',
    description: 'notSet keeps only null amounts',
    query: {
      dimensions: ['orders.order_id', 'orders.status'],
      filters: [{ member: 'orders.amount', operator: 'notSet' }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.status AS "orders.status" FROM ${ORDERS} WHERE o.amount IS NULL
      GROUP BY 1, 2 ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST`,
  },
  {
    id: 'filter.notSet.missing-lookup',
    description: 'notSet on the looked-up key finds orders whose customer is missing or absent',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      dimensions: ['orders.customer_id'],
      filters: [{ member: 'customers.customer_id', operator: 'notSet' }],
    },
    oracle: `SELECT o.customer_id AS "orders.customer_id", count(*) AS "orders.count", sum(o.amount) AS "orders.revenue"
      FROM ${ORDERS_CUSTOMERS} WHERE c.customer_id IS NULL GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.set.two-hop',
    description: 'set on a column two lookups away keeps only orders whose region exists',
    query: {
      measures: ['orders.count', 'orders.customers'],
      filters: [{ member: 'regions.region', operator: 'set' }],
    },
    oracle: `SELECT count(*) AS "orders.count", count(DISTINCT o.customer_id) AS "orders.customers"
      FROM ${ORDERS_REGIONS} WHERE r.region IS NOT NULL`,
  },
  {
    id: 'filter.inDateRange.date-inclusive',
    description: 'inDateRange with dates includes both end days',
    query: {
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.order_date', operator: 'inDateRange', values: ['2023-03-01', '2023-03-31'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS}
      WHERE o.order_date BETWEEN DATE '2023-03-01' AND DATE '2023-03-31' GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.inDateRange.dates-on-timestamp',
    description: 'inDateRange with dates on a timestamp includes the whole last day (23:59:59.500)',
    query: {
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.ordered_at', operator: 'inDateRange', values: ['2023-03-01', '2023-03-31'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2023-03-01 00:00:00' AND o.ordered_at < TIMESTAMP '2023-04-01 00:00:00' GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.inDateRange.timestamp-bounds',
    description: 'inDateRange with timestamps: the start instant is included, the end is an inclusive instant (23:59:59.500 is after 23:59:59)',
    query: {
      dimensions: ['orders.order_id'],
      filters: [
        { member: 'orders.ordered_at', operator: 'inDateRange', values: ['2023-03-15T12:00:00Z', '2023-03-31T23:59:59Z'] },
      ],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2023-03-15 12:00:00' AND o.ordered_at <= TIMESTAMP '2023-03-31 23:59:59' GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.notInDateRange.date',
    description: 'notInDateRange keeps the rows outside the range',
    query: {
      measures: ['orders.count', 'orders.revenue'],
      filters: [{ member: 'orders.order_date', operator: 'notInDateRange', values: ['2023-01-01', '2024-06-30'] }],
    },
    oracle: `SELECT count(*) AS "orders.count", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE NOT (o.order_date BETWEEN DATE '2023-01-01' AND DATE '2024-06-30')`,
  },
  {
    id: 'filter.notInDateRange.joined-keeps-nulls',
    description: 'notInDateRange on a joined date keeps null signup dates and missing customers',
    query: {
      measures: ['orders.count'],
      dimensions: ['customers.customer_id'],
      filters: [{ member: 'customers.signup_date', operator: 'notInDateRange', values: ['2023-01-01', '2023-12-31'] }],
    },
    oracle: `SELECT c.customer_id AS "customers.customer_id", count(*) AS "orders.count" FROM ${ORDERS_CUSTOMERS}
      WHERE c.signup_date IS NULL OR c.signup_date NOT BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'
      GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
  {
    id: 'filter.beforeDate.date',
    description: 'beforeDate is strictly before the start of the given day',
    query: {
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.order_date', operator: 'beforeDate', values: ['2023-01-15'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS} WHERE o.order_date < DATE '2023-01-15' GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.beforeDate.timestamp-instant',
    description: 'beforeDate with a timestamp excludes an order at exactly that instant',
    query: {
      dimensions: ['orders.order_id'],
      filters: [{ member: 'orders.ordered_at', operator: 'beforeDate', values: ['2023-01-15T11:00:00Z'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id" FROM ${ORDERS} WHERE o.ordered_at < TIMESTAMP '2023-01-15 11:00:00'
      GROUP BY 1 ORDER BY 1`,
  },
  {
    id: 'filter.afterDate.timestamp',
    description: 'afterDate a day means from the next day on: an order on 2024-12-30 is excluded',
    query: {
      dimensions: ['orders.order_id', 'orders.ordered_at'],
      filters: [{ member: 'orders.ordered_at', operator: 'afterDate', values: ['2024-12-30'] }],
    },
    oracle: `SELECT o.order_id AS "orders.order_id", o.ordered_at AS "orders.ordered_at" FROM ${ORDERS}
      WHERE o.ordered_at >= TIMESTAMP '2024-12-31 00:00:00' GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'filter.afterDate.date',
    description: 'afterDate on a date column',
    query: {
      measures: ['orders.revenue'],
      dimensions: ['orders.order_date'],
      filters: [{ member: 'orders.order_date', operator: 'afterDate', values: ['2024-11-29'] }],
    },
    oracle: `SELECT o.order_date AS "orders.order_date", sum(o.amount) AS "orders.revenue" FROM ${ORDERS}
      WHERE o.order_date > DATE '2024-11-29' GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 ASC NULLS LAST`,
  },
];
