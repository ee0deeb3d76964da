import { DataModelSchema, type DataModel, type DataModelInput } from '../contracts/data-model.js';
import type { ColumnarData, LoadColumn } from '../contracts/loader.js';

/**
 * The customer-lifetime-value reporting model: one fact table of purchases, looked up to a customer
 * dimension and a calendar dimension.
 *
 * Later tables attach to this model without changing it: derived CLV tables (per-customer RFM summary,
 * BG/NBD and Gamma-Gamma predictions, CLV deciles), audiences and their memberships, campaigns and
 * email events are further tables keyed on `customer_id`, each with a relation
 * `<table>.customer_id → customers.customer_id` (and event tables a date column looked up to
 * `dates.date`). Because every relation points at `customers`, any of them can be filtered or grouped
 * by customer attributes without new join paths.
 */

export const CUSTOMERS_TABLE = 'customers';
export const TRANSACTIONS_TABLE = 'transactions';
export const DATES_TABLE = 'dates';

export const LOYALTY_TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];
export const CHANNELS = ['web', 'mobile', 'store', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CATEGORIES = ['Books', 'Electronics', 'Home', 'Fashion', 'Beauty', 'Sports', 'Toys', 'Grocery'] as const;
export type Category = (typeof CATEGORIES)[number];

const model: DataModelInput = {
  name: 'clv',
  label: 'Customer lifetime value',
  description: 'Purchases by customer over time, the input of RFM, BG/NBD and Gamma-Gamma CLV analyses.',
  tables: [
    {
      name: CUSTOMERS_TABLE,
      label: 'Customers',
      kind: 'dimension',
      description: 'One row per customer. signup_date is the date of the first purchase when the source has no other.',
      primaryKey: 'customer_id',
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'email', label: 'Email', type: 'string', role: 'dimension' },
        { name: 'first_name', label: 'First name', type: 'string', role: 'dimension' },
        { name: 'last_name', label: 'Last name', type: 'string', role: 'dimension' },
        { name: 'country', label: 'Country', type: 'string', role: 'dimension', description: 'ISO 3166-1 alpha-2 code or the source’s country name.' },
        { name: 'signup_date', label: 'Signup date', type: 'date', role: 'time', format: '%Y-%m-%d' },
        {
          name: 'loyalty_tier',
          label: 'Loyalty tier',
          type: 'string',
          role: 'dimension',
          description: `One of ${LOYALTY_TIERS.join(', ')}.`,
        },
      ],
    },
    {
      name: TRANSACTIONS_TABLE,
      label: 'Transactions',
      kind: 'fact',
      description:
        'One row per purchase (or per order line for line-level sources, whose lines then share transaction_id).',
      columns: [
        { name: 'transaction_id', label: 'Transaction ID', type: 'string', role: 'identity' },
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'ts', label: 'Purchase time', type: 'timestamp', role: 'time', description: 'UTC.' },
        { name: 'amount', label: 'Amount', type: 'number', role: 'measure', format: '$,.2f' },
        { name: 'quantity', label: 'Quantity', type: 'integer', role: 'measure' },
        { name: 'channel', label: 'Channel', type: 'string', role: 'dimension', description: `One of ${CHANNELS.join(', ')}.` },
        { name: 'category', label: 'Product category', type: 'string', role: 'dimension' },
        {
          name: 'order_date',
          label: 'Order date',
          type: 'date',
          role: 'time',
          format: '%Y-%m-%d',
          description: 'The UTC calendar date of ts; the key into the dates table.',
        },
      ],
    },
    {
      name: DATES_TABLE,
      label: 'Dates',
      kind: 'dimension',
      description: 'One row per calendar day (UTC) of the data span.',
      primaryKey: 'date',
      columns: [
        { name: 'date', label: 'Date', type: 'date', role: 'time', format: '%Y-%m-%d' },
        { name: 'year', label: 'Year', type: 'integer', role: 'dimension' },
        { name: 'quarter', label: 'Quarter', type: 'integer', role: 'dimension' },
        { name: 'month', label: 'Month', type: 'integer', role: 'dimension' },
        { name: 'month_name', label: 'Month name', type: 'string', role: 'dimension' },
        { name: 'week', label: 'ISO week', type: 'integer', role: 'dimension' },
        { name: 'day_of_week', label: 'Day of week', type: 'integer', role: 'dimension', description: '1 = Monday … 7 = Sunday (ISO).' },
        { name: 'day_name', label: 'Day name', type: 'string', role: 'dimension' },
        { name: 'is_weekend', label: 'Weekend', type: 'boolean', role: 'dimension' },
      ],
    },
  ],
  relations: [
    {
      name: 'transaction_customer',
      from: { table: TRANSACTIONS_TABLE, column: 'customer_id' },
      to: { table: CUSTOMERS_TABLE, column: 'customer_id' },
    },
    {
      name: 'transaction_date',
      from: { table: TRANSACTIONS_TABLE, column: 'order_date' },
      to: { table: DATES_TABLE, column: 'date' },
    },
  ],
  measures: [
    { name: 'count', label: 'Transactions', table: TRANSACTIONS_TABLE, aggregation: 'count', format: ',d' },
    { name: 'revenue', label: 'Revenue', table: TRANSACTIONS_TABLE, aggregation: 'sum', column: 'amount', format: '$,.2f' },
    { name: 'avg_order_value', label: 'Average order value', table: TRANSACTIONS_TABLE, aggregation: 'avg', column: 'amount', format: '$,.2f' },
    { name: 'customers', label: 'Customers', table: TRANSACTIONS_TABLE, aggregation: 'countDistinct', column: 'customer_id', format: ',d' },
    { name: 'units', label: 'Units', table: TRANSACTIONS_TABLE, aggregation: 'sum', column: 'quantity', format: ',d' },
    { name: 'max_amount', label: 'Largest amount', table: TRANSACTIONS_TABLE, aggregation: 'max', column: 'amount', format: '$,.2f' },
    { name: 'min_amount', label: 'Smallest amount', table: TRANSACTIONS_TABLE, aggregation: 'min', column: 'amount', format: '$,.2f' },
    { name: 'first_purchase', label: 'First purchase', table: TRANSACTIONS_TABLE, aggregation: 'min', column: 'ts' },
    { name: 'last_purchase', label: 'Last purchase', table: TRANSACTIONS_TABLE, aggregation: 'max', column: 'ts' },
    {
      name: 'web_revenue',
      label: 'Web revenue',
      table: TRANSACTIONS_TABLE,
      aggregation: 'sum',
      column: 'amount',
      filter: [{ column: 'channel', operator: 'equals', values: ['web'] }],
      format: '$,.2f',
    },
    { name: 'count', label: 'Customers', table: CUSTOMERS_TABLE, aggregation: 'count', format: ',d' },
  ],
};

/** Parsed at load so a mistake in the model fails at import time, not in the first query. */
export const clvDataModel: DataModel = DataModelSchema.parse(model);

/** The load columns of a model table, in model order (what a TableLoader needs). */
export function loadColumnsOf(table: string): LoadColumn[] {
  const t = clvDataModel.tables.find((x) => x.name === table);
  if (!t) throw new Error(`"${table}" is not a table of the CLV model`);
  return t.columns.map((c) => ({ name: c.name, type: c.type }));
}

const DAY_MS = 86_400_000;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Days since 1970-01-01 (UTC) of a "YYYY-MM-DD" string; throws on anything else, including 2024-02-30. */
export function isoDateToDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    throw new Error(`"${date}" is not a calendar date`);
  return ms / DAY_MS;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** "YYYY-MM-DD" of a day number (days since 1970-01-01, UTC). */
export function dayToIsoDate(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  return `${ys}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** ISO-8601 week number (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: number): number {
  const dow = (((day + 3) % 7) + 7) % 7; // 0 = Monday; 1970-01-01 was a Thursday
  const thursday = day - dow + 3;
  const yearStart = Date.UTC(new Date(thursday * DAY_MS).getUTCFullYear(), 0, 1) / DAY_MS;
  return Math.floor((thursday - yearStart) / 7) + 1;
}

/** The dates table for every day from `from` to `to` inclusive (UTC, "YYYY-MM-DD"). Pure. */
export function createDateDimension(from: string, to: string): ColumnarData {
  const a = isoDateToDay(from);
  const b = isoDateToDay(to);
  if (b < a) throw new Error(`date span ends (${to}) before it starts (${from})`);
  const n = b - a + 1;
  const date = new Array<string>(n);
  const year = new Int32Array(n);
  const quarter = new Int32Array(n);
  const month = new Int32Array(n);
  const monthName = new Array<string>(n);
  const week = new Int32Array(n);
  const dayOfWeek = new Int32Array(n);
  const dayName = new Array<string>(n);
  const weekend = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const day = a + i;
    const d = new Date(day * DAY_MS);
    const m = d.getUTCMonth();
    const dow = (((day + 3) % 7) + 7) % 7;
    date[i] = dayToIsoDate(day);
    year[i] = d.getUTCFullYear();
    quarter[i] = Math.floor(m / 3) + 1;
    month[i] = m + 1;
    monthName[i] = MONTH_NAMES[m];
    week[i] = isoWeek(day);
    dayOfWeek[i] = dow + 1;
    dayName[i] = DAY_NAMES[dow];
    weekend[i] = dow >= 5;
  }
  return {
    date,
    year,
    quarter,
    month,
    month_name: monthName,
    week,
    day_of_week: dayOfWeek,
    day_name: dayName,
    is_weekend: weekend,
  };
}
