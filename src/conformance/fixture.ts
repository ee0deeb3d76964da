import { DataModelSchema, type DataModel, type DataModelInput } from '../contracts/data-model.js';
import type { ColumnarData, LoadColumn } from '../contracts/loader.js';
import type { ScalarValue } from '../contracts/result.js';

/**
 * The conformance fixture: a small shop model of its own (not the CLV model), built for coverage
 * rather than realism. Every irregularity below is there on purpose, and cases depend on it:
 *
 * - orders → customers → regions is a two-hop lookup; orders → calendar joins on a date column.
 * - Orders 4, 21, 33, 55 reference customer 99, which does not exist; orders 15 and 46 have no
 *   customer at all. Customer 7 has no region and customer 10 a region (9) that does not exist,
 *   so joined members are null for several reasons. Customers 11 and 12 have no orders; region 5
 *   has no customers.
 * - amount is null on pending orders and one unlabelled order; is_gift and status have nulls; status
 *   mixes case ("completed", "Completed", "COMPLETED"), so exact and case-insensitive operators differ.
 * - Customer names include a null, two names equal but for case, and the characters % _ ' that break
 *   naive LIKE patterns or string quoting.
 * - Timestamps sit on period edges: 2023-01-01 is a Sunday, so its ISO week starts 2022-12-26;
 *   2024-12-30 starts a week that ends in 2025; 2023-03-31T23:59:59.500Z is the last half second of a
 *   quarter; 2024-02-29 is a leap day; 2024-12-31T23:59:59.999Z is the last millisecond of the data.
 * - Around the pinned "now" of the relative-range cases (2024-06-15T12:00:00Z, a Saturday) there are
 *   orders on each side of every boundary: today before and after noon, yesterday, the Monday and
 *   Sunday of this and last week, the last days of May and of the quarter.
 */

const model = {
  name: 'conformance_shop',
  label: 'Conformance shop',
  description: 'Fixture of the adapter conformance suite: orders looked up to customers, regions and a calendar.',
  tables: [
    {
      name: 'orders',
      label: 'Orders',
      kind: 'fact',
      primaryKey: 'order_id',
      columns: [
        { name: 'order_id', label: 'Order ID', type: 'integer', role: 'identity' },
        { name: 'customer_id', label: 'Customer ID', type: 'integer', role: 'identity' },
        { name: 'ordered_at', label: 'Ordered at', type: 'timestamp', role: 'time' },
        { name: 'order_date', label: 'Order date', type: 'date', role: 'time' },
        { name: 'amount', label: 'Amount', type: 'number', role: 'measure', format: '$,.2f' },
        { name: 'quantity', label: 'Quantity', type: 'integer', role: 'measure' },
        { name: 'status', label: 'Status', type: 'string', role: 'dimension' },
        { name: 'is_gift', label: 'Gift', type: 'boolean', role: 'dimension' },
      ],
    },
    {
      name: 'customers',
      label: 'Customers',
      kind: 'dimension',
      primaryKey: 'customer_id',
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'integer', role: 'identity' },
        { name: 'name', label: 'Name', type: 'string', role: 'dimension' },
        { name: 'segment', label: 'Segment', type: 'string', role: 'dimension' },
        { name: 'region_id', label: 'Region ID', type: 'integer', role: 'identity' },
        { name: 'signup_date', label: 'Signup date', type: 'date', role: 'time' },
      ],
    },
    {
      name: 'regions',
      label: 'Regions',
      kind: 'dimension',
      primaryKey: 'region_id',
      columns: [
        { name: 'region_id', label: 'Region ID', type: 'integer', role: 'identity' },
        { name: 'region', label: 'Region', type: 'string', role: 'dimension' },
        { name: 'country', label: 'Country', type: 'string', role: 'dimension' },
      ],
    },
    {
      name: 'calendar',
      label: 'Calendar',
      kind: 'dimension',
      primaryKey: 'calendar_date',
      columns: [
        { name: 'calendar_date', label: 'Date', type: 'date', role: 'time' },
        { name: 'weekday', label: 'Weekday', type: 'string', role: 'dimension' },
        { name: 'is_weekend', label: 'Weekend', type: 'boolean', role: 'dimension' },
        { name: 'holiday', label: 'Holiday', type: 'string', role: 'dimension' },
      ],
    },
  ],
  relations: [
    { name: 'order_customer', from: { table: 'orders', column: 'customer_id' }, to: { table: 'customers', column: 'customer_id' } },
    { name: 'customer_region', from: { table: 'customers', column: 'region_id' }, to: { table: 'regions', column: 'region_id' } },
    { name: 'order_calendar', from: { table: 'orders', column: 'order_date' }, to: { table: 'calendar', column: 'calendar_date' } },
  ],
  measures: [
    { name: 'count', label: 'Orders', table: 'orders', aggregation: 'count' },
    { name: 'revenue', label: 'Revenue', table: 'orders', aggregation: 'sum', column: 'amount', format: '$,.2f' },
    { name: 'avg_amount', label: 'Average amount', table: 'orders', aggregation: 'avg', column: 'amount' },
    { name: 'min_amount', label: 'Smallest amount', table: 'orders', aggregation: 'min', column: 'amount' },
    { name: 'max_amount', label: 'Largest amount', table: 'orders', aggregation: 'max', column: 'amount' },
    { name: 'customers', label: 'Customers', table: 'orders', aggregation: 'countDistinct', column: 'customer_id' },
    { name: 'units', label: 'Units', table: 'orders', aggregation: 'sum', column: 'quantity' },
    { name: 'first_order', label: 'First order', table: 'orders', aggregation: 'min', column: 'ordered_at' },
    { name: 'last_order_date', label: 'Last order date', table: 'orders', aggregation: 'max', column: 'order_date' },
    {
      name: 'gift_revenue',
      label: 'Gift revenue',
      table: 'orders',
      aggregation: 'sum',
      column: 'amount',
      filter: [{ column: 'is_gift', operator: 'equals', values: [true] }],
    },
    {
      // A negated measure filter keeps nulls (the operators' null rule), so unknown is_gift counts here.
      name: 'non_gift_count',
      label: 'Orders not marked as gifts',
      table: 'orders',
      aggregation: 'count',
      filter: [{ column: 'is_gift', operator: 'notEquals', values: [true] }],
    },
    { name: 'count', label: 'Customers', table: 'customers', aggregation: 'count' },
  ],
} satisfies DataModelInput;

export const conformanceModel: DataModel = DataModelSchema.parse(model);

/** Load order and column types of every fixture table (dimensions first, so lookups resolve on load). */
export const conformanceColumns: Record<string, LoadColumn[]> = Object.fromEntries(
  conformanceModel.tables.map((t) => [t.name, t.columns.map((c) => ({ name: c.name, type: c.type }))]),
);

export const conformanceTables = ['regions', 'customers', 'calendar', 'orders'] as const;

type Tuple = readonly ScalarValue[];

function columnar(table: string, rows: readonly Tuple[]): ColumnarData {
  const names = conformanceColumns[table]!.map((c) => c.name);
  return Object.fromEntries(names.map((n, i) => [n, rows.map((r) => r[i] ?? null)]));
}

const regions: Tuple[] = [
  [1, 'Northeast', 'US'],
  [2, 'Pacific', 'US'],
  [3, 'Benelux', 'NL'],
  [4, 'Nordics', 'SE'],
  [5, 'Iberia', 'ES'],
];

// customer_id, name, segment, region_id, signup_date
const customers: Tuple[] = [
  [1, 'Alice Martin', 'retail', 1, '2022-11-03'],
  [2, 'alice martin', 'retail', 2, '2023-01-02'],
  [3, "Ann O'Brien", 'wholesale', 1, '2022-12-15'],
  [4, '100% Organic', 'wholesale', 3, '2023-02-01'],
  [5, 'under_score Ltd', 'enterprise', 3, '2023-02-10'],
  [6, null, 'retail', 4, '2023-02-20'],
  [7, 'Bob Smith', 'enterprise', null, '2023-03-01'],
  [8, 'ZOE KELLER', 'retail', 2, '2023-03-30'],
  [9, 'carol White', null, 1, null],
  [10, 'Dave_Jones', 'retail', 9, '2023-05-05'],
  [11, 'Eve Adams', 'wholesale', 4, '2024-06-01'],
  [12, 'Frank Li', 'enterprise', 1, '2024-07-07'],
];

// order_id, customer_id, ordered_at, amount, quantity, status, is_gift (order_date is the UTC date of ordered_at)
const orderRows: Array<[number, number | null, string, number | null, number, string | null, boolean | null]> = [
  [1, 1, '2023-01-01T09:15:00.000Z', 120, 2, 'completed', false],
  [2, 2, '2023-01-02T14:30:00.000Z', 45.5, 1, 'completed', true],
  [3, 3, '2023-01-15T11:00:00.000Z', 300, 5, 'Completed', false],
  [4, 99, '2023-01-20T16:45:00.000Z', 80, 1, 'completed', null],
  [5, 4, '2023-02-03T10:00:00.000Z', null, 1, 'pending', null],
  [6, 5, '2023-02-14T19:20:00.000Z', 55.25, 2, 'completed', true],
  [7, 1, '2023-02-28T23:30:00.000Z', 100, 1, 'completed', false],
  [8, 6, '2023-03-01T00:10:00.000Z', 15, 3, 'cancelled', false],
  [9, 7, '2023-03-15T12:00:00.000Z', 250, 4, 'completed', false],
  [10, 3, '2023-03-31T23:59:59.500Z', 99.99, 1, 'COMPLETED', false],
  [11, 8, '2023-04-01T00:00:00.000Z', 20, 1, 'REFUNDED', true],
  [12, 9, '2023-04-12T08:05:00.000Z', 75, 2, 'completed', null],
  [13, 2, '2023-05-05T17:00:00.000Z', 100, 1, 'completed', false],
  [14, 10, '2023-05-20T13:13:13.000Z', null, 2, 'pending', false],
  [15, null, '2023-06-11T10:00:00.000Z', 60, 1, 'completed', false],
  [16, 5, '2023-06-30T22:00:00.000Z', 500, 10, 'completed', false],
  [17, 4, '2023-07-04T09:00:00.000Z', 42, 1, 'completed', true],
  [18, 1, '2023-07-21T15:45:00.000Z', 18.75, 3, 'Completed', null],
  [19, 6, '2023-08-08T08:08:08.000Z', 100, 2, 'cancelled', false],
  [20, 7, '2023-08-19T20:00:00.000Z', 333.33, 3, 'completed', false],
  [21, 99, '2023-09-09T09:09:09.000Z', 12, 1, 'REFUNDED', false],
  [22, 3, '2023-09-30T12:00:00.000Z', 210, 2, 'completed', true],
  [23, 9, '2023-10-01T00:00:01.000Z', null, 1, null, false],
  [24, 8, '2023-10-31T18:00:00.000Z', 66.6, 2, 'completed', false],
  [25, 2, '2023-11-11T11:11:11.000Z', 140, 4, 'completed', true],
  [26, 10, '2023-11-24T10:00:00.000Z', 30, 1, 'completed', false],
  [27, 1, '2023-12-25T10:00:00.000Z', 200, 2, 'completed', true],
  [28, 4, '2023-12-29T16:00:00.000Z', 45.5, 1, 'Completed', false],
  [29, 5, '2023-12-31T23:59:59.000Z', 80, 1, 'completed', false],
  [30, 6, '2024-01-01T00:00:00.000Z', 25, 1, 'completed', null],
  [31, 7, '2024-01-10T10:30:00.000Z', 400, 8, 'completed', false],
  [32, 3, '2024-01-31T12:00:00.000Z', 120, 2, 'completed', false],
  [33, 99, '2024-02-14T14:00:00.000Z', 50, 1, 'completed', true],
  [34, 2, '2024-02-29T09:00:00.000Z', 75, 1, 'completed', false],
  [35, 8, '2024-03-01T11:00:00.000Z', null, 1, 'pending', null],
  [36, 1, '2024-03-15T10:00:00.000Z', 60, 2, 'cancelled', false],
  [37, 9, '2024-03-31T22:00:00.000Z', 150, 3, 'completed', false],
  [38, 4, '2024-04-01T08:00:00.000Z', 100, 2, 'completed', false],
  [39, 10, '2024-04-15T15:00:00.000Z', 35, 1, 'REFUNDED', false],
  [40, 5, '2024-05-01T09:30:00.000Z', 220, 4, 'completed', true],
  [41, 3, '2024-05-31T23:00:00.000Z', 90, 2, 'completed', false],
  [42, 7, '2024-06-01T10:00:00.000Z', 55, 1, 'completed', false],
  [43, 6, '2024-06-02T12:00:00.000Z', 10, 1, 'Completed', false],
  [44, 2, '2024-06-03T09:00:00.000Z', 130, 3, 'completed', true],
  [45, 1, '2024-06-07T18:00:00.000Z', 45, 1, 'completed', false],
  [46, null, '2024-06-09T23:59:59.000Z', 20, 1, 'completed', false],
  [47, 8, '2024-06-10T00:00:00.000Z', 70, 2, 'completed', false],
  [48, 9, '2024-06-12T12:00:00.000Z', null, 1, 'pending', null],
  [49, 4, '2024-06-14T08:00:00.000Z', 95, 1, 'completed', false],
  [50, 5, '2024-06-15T07:00:00.000Z', 300, 6, 'completed', true],
  [51, 3, '2024-06-15T18:00:00.000Z', 40, 1, 'completed', false],
  [52, 7, '2024-06-30T10:00:00.000Z', 100, 2, 'completed', false],
  [53, 10, '2024-07-01T00:00:00.000Z', 65, 1, 'completed', false],
  [54, 2, '2024-08-15T12:00:00.000Z', 180, 3, 'Completed', false],
  [55, 99, '2024-09-01T09:00:00.000Z', 25, 1, 'cancelled', null],
  [56, 6, '2024-09-30T20:00:00.000Z', 110, 2, 'completed', false],
  [57, 1, '2024-10-10T10:10:10.000Z', 100, 1, 'completed', true],
  [58, 8, '2024-11-29T16:00:00.000Z', 240, 4, 'completed', false],
  [59, 5, '2024-12-24T12:00:00.000Z', 85, 1, 'completed', true],
  [60, 3, '2024-12-30T09:00:00.000Z', 60, 1, 'REFUNDED', false],
  [61, 9, '2024-12-31T23:59:59.999Z', 150, 2, 'completed', false],
  [62, 4, '2023-06-11T15:00:00.000Z', 60, 2, 'completed', false],
];

const orders: Tuple[] = orderRows.map(([id, customer, at, amount, quantity, status, gift]) => [
  id,
  customer,
  at,
  at.slice(0, 10),
  amount,
  quantity,
  status,
  gift,
]);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HOLIDAYS: Record<string, string> = {
  '2023-01-01': "New Year's Day",
  '2023-12-25': 'Christmas Day',
  '2024-01-01': "New Year's Day",
  '2024-12-24': 'Christmas Eve',
  '2024-12-25': 'Christmas Day',
};

/** Every day of 2023 and 2024: a complete calendar, so calendar members are null only through a missing date. */
function calendarRows(): Tuple[] {
  const rows: Tuple[] = [];
  for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
    const date = new Date(t);
    const iso = date.toISOString().slice(0, 10);
    const day = date.getUTCDay();
    rows.push([iso, WEEKDAYS[day]!, day === 0 || day === 6, HOLIDAYS[iso] ?? null]);
  }
  return rows;
}

export const conformanceData: Record<string, ColumnarData> = {
  regions: columnar('regions', regions),
  customers: columnar('customers', customers),
  calendar: columnar('calendar', calendarRows()),
  orders: columnar('orders', orders),
};
