import { AdapterError } from '../contracts/errors.js';
import type { ColumnarData } from '../contracts/loader.js';
import { dayToIsoDate } from '../model/clv-model.js';
import { parseDate, type DateFormat } from './date-formats.js';
import type { ImportMapping } from './mapping.js';
import { emptyRejectCounts, type RejectReason, type RejectedRow } from './rejects.js';
import { parseNumber } from './values.js';

/** A cell as a reader hands it over: text from CSV, typed values from parquet. */
export type Cell = string | number | bigint | boolean | Date | null | undefined;

export interface CancellationStats {
  /** Rows that are cancellations/returns by any rule, whether or not they also had an error. */
  total: number;
  /** Of those, rows whose id starts with "C" (only when an id column is mapped). */
  invoicePrefixed: number;
  /** Of those, rows with a negative quantity or amount. */
  negative: number;
  /** Of those, rows rejected for an error first (e.g. no customer id): counted under that error. */
  alsoRejectedForError: number;
}

export interface BuildResult {
  /** The accepted rows in the model's transactions shape. */
  data: ColumnarData;
  rowCount: number;
  /** Data rows read, accepted or not. */
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCounts: Record<RejectReason, number>;
  cancellations: CancellationStats;
  warnings: string[];
  /** First and last order_date of the accepted rows. */
  dateRange: { from: string; to: string } | null;
}

const DAY_MS = 86_400_000;
/** Past this many distinct ids the duplicate check stops, to bound memory on very large files. */
const MAX_TRACKED_IDS = 2_000_000;

function text(c: Cell): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'string') {
    const t = c.trim();
    return t === '' ? null : t;
  }
  if (c instanceof Date) return c.toISOString();
  return String(c);
}

function num(c: Cell): number {
  if (typeof c === 'number') return Number.isFinite(c) ? c : NaN;
  if (typeof c === 'bigint') return Number(c);
  if (typeof c === 'string') return parseNumber(c);
  return NaN;
}

const shown = (c: Cell) => (c === null || c === undefined ? '' : String(c));

/**
 * A copy of a string that does not point into the chunk it was cut from. Engines (V8 among them)
 * represent substrings as views of their parent, so keeping a field of each of many rows would keep
 * the whole decoded file in memory. Short strings are copied anyway.
 */
const detach = (v: string): string => (v.length < 13 ? v : (' ' + v).slice(1));

/** One shared, detached string per distinct value (customer ids and categories repeat a lot). */
class Interner {
  private readonly seen = new Map<string, string>();
  get(v: string): string {
    let s = this.seen.get(v);
    if (s === undefined) this.seen.set((s = detach(v)), s);
    return s;
  }
}

/**
 * Turns rows into transactions, one row at a time, deciding for each whether it is accepted or
 * rejected and why. Checks run in a fixed order and the first failure is the row's reason:
 * missing customer, bad date, bad amount, bad quantity, then cancellation/return. So a line with
 * no customer id is always counted as missing_customer, even when it is also a cancellation
 * (CancellationStats.alsoRejectedForError counts that overlap).
 */
export class TransactionBuilder {
  private readonly idx: { customer: number; date: number; amount: number; price: number; quantity: number; category: number; id: number };
  private readonly ids: string[] = [];
  private readonly customers: string[] = [];
  private readonly ts: number[] = [];
  private readonly amounts: number[] = [];
  private readonly quantities: (number | null)[] = [];
  private readonly categories: (string | null)[] = [];
  private readonly orderDates: string[] = [];
  private readonly dayNames = new Map<number, string>();
  private readonly customerNames = new Interner();
  private readonly categoryNames = new Interner();
  private readonly seenIds = new Set<string>();
  private repeatedIds = 0;
  /** Data rows seen so far, accepted or not. */
  rowsRead = 0;
  private minTs = Infinity;
  private maxTs = -Infinity;
  readonly rejected: RejectedRow[] = [];
  readonly rejectedCounts = emptyRejectCounts();
  readonly cancellations: CancellationStats = { total: 0, invoicePrefixed: 0, negative: 0, alsoRejectedForError: 0 };

  constructor(
    readonly columns: readonly string[],
    readonly mapping: ImportMapping,
    private readonly dateFormat: DateFormat | null,
  ) {
    const at = (name: string | undefined, field: string): number => {
      if (name === undefined) return -1;
      const i = columns.indexOf(name);
      if (i < 0)
        throw new AdapterError('invalid_request', `Column "${name}" (mapped to ${field}) is not in the file. Columns: ${columns.join(', ')}.`, `mapping.${field}`);
      return i;
    };
    this.idx = {
      customer: at(mapping.customer, 'customer'),
      date: at(mapping.date, 'date'),
      amount: at(mapping.amount, 'amount'),
      price: at(mapping.amountFrom?.price, 'amountFrom.price'),
      quantity: at(mapping.quantity ?? mapping.amountFrom?.quantity, mapping.quantity ? 'quantity' : 'amountFrom.quantity'),
      category: at(mapping.category, 'category'),
      id: at(mapping.id, 'id'),
    };
  }

  private date(c: Cell): number {
    if (c instanceof Date) return c.getTime();
    if (typeof c === 'string') return this.dateFormat ? parseDate(c, this.dateFormat) : NaN;
    if ((typeof c === 'number' || typeof c === 'bigint') && this.dateFormat === 'YYYYMMDD') return parseDate(String(c), 'YYYYMMDD');
    return NaN;
  }

  /** One data row. `raw` is the source text, or a function making it (called only when the row is rejected). */
  add(cells: ArrayLike<Cell>, line: number, raw: string | (() => string)): void {
    this.rowsRead++;
    const { idx } = this;
    const customer = text(cells[idx.customer]);
    const id = idx.id >= 0 ? text(cells[idx.id]) : null;
    const dateCell = cells[idx.date];
    const ts = this.date(dateCell);
    const qCell = idx.quantity >= 0 ? cells[idx.quantity] : null;
    const qText = text(qCell);
    const quantity = qText === null ? null : num(qCell);
    let amount: number;
    let amountProblem = '';
    if (idx.amount >= 0) {
      const a = cells[idx.amount];
      amount = num(a);
      if (Number.isNaN(amount)) amountProblem = text(a) === null ? 'amount is empty' : `amount "${shown(a)}" is not a number`;
    } else {
      const p = cells[idx.price];
      const price = num(p);
      amount = price * (quantity ?? NaN);
      if (Number.isNaN(price)) amountProblem = text(p) === null ? 'price is empty' : `price "${shown(p)}" is not a number`;
      else if (quantity === null || Number.isNaN(quantity))
        amountProblem = qText === null ? 'quantity (for price × quantity) is empty' : `quantity "${qText}" is not a number`;
    }

    const prefixed = id !== null && id.startsWith('C');
    const negative = (quantity !== null && quantity < 0) || amount < 0;
    const cancellation = prefixed || negative;

    let reason: RejectReason | null = null;
    let detail = '';
    if (customer === null) [reason, detail] = ['missing_customer', 'customer id is empty'];
    else if (Number.isNaN(ts))
      [reason, detail] = ['bad_date', text(dateCell) === null ? 'date is empty' : `date "${shown(dateCell)}" does not match ${this.dateFormat ?? 'a known date format'}`];
    else if (amountProblem) [reason, detail] = ['bad_amount', amountProblem];
    else if (quantity !== null && (Number.isNaN(quantity) || !Number.isInteger(quantity)))
      [reason, detail] = ['bad_quantity', `quantity "${qText}" is not a whole number`];
    else if (cancellation)
      [reason, detail] = ['cancellation', prefixed ? `id "${id}" starts with C (cancellation)` : 'negative quantity or amount (return)'];

    if (cancellation) {
      this.cancellations.total++;
      if (prefixed) this.cancellations.invoicePrefixed++;
      if (negative) this.cancellations.negative++;
      if (reason !== 'cancellation') this.cancellations.alsoRejectedForError++;
    }
    if (reason !== null) {
      this.rejectedCounts[reason]++;
      this.rejected.push({ line, reason, detail: detach(detail), raw: detach(typeof raw === 'string' ? raw : raw()) });
      return;
    }

    const txId = id === null ? String(line) : detach(id);
    if (id !== null && this.seenIds.size < MAX_TRACKED_IDS) {
      if (this.seenIds.has(id)) this.repeatedIds++;
      else this.seenIds.add(id);
    }
    this.ids.push(txId);
    this.customers.push(this.customerNames.get(customer as string));
    this.ts.push(ts);
    this.amounts.push(amount);
    this.quantities.push(quantity);
    const category = idx.category >= 0 ? text(cells[idx.category]) : null;
    this.categories.push(category === null ? null : this.categoryNames.get(category));
    const day = Math.floor(ts / DAY_MS);
    let d = this.dayNames.get(day);
    if (d === undefined) this.dayNames.set(day, (d = dayToIsoDate(day)));
    this.orderDates.push(d);
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
  }

  finish(): BuildResult {
    const n = this.ids.length;
    const warnings: string[] = [];
    if (this.repeatedIds > 0)
      warnings.push(
        `${this.repeatedIds} accepted rows share their ${this.mapping.id} with an earlier row (lines of one order): count orders with a distinct count of transaction_id.`,
      );
    if (this.seenIds.size >= MAX_TRACKED_IDS) warnings.push(`Repeated ids were checked only among the first ${MAX_TRACKED_IDS} distinct ids.`);
    const errors = this.rejected.length - this.rejectedCounts.cancellation;
    if (errors > 0) warnings.push(`${errors} rows could not be read and were left out; see rejected.`);
    if (this.rejectedCounts.cancellation > 0)
      warnings.push(`${this.rejectedCounts.cancellation} cancellation/return rows were left out (they are not purchases).`);
    return {
      data: {
        transaction_id: this.ids,
        customer_id: this.customers,
        ts: Float64Array.from(this.ts),
        amount: Float64Array.from(this.amounts),
        quantity: this.idx.quantity >= 0 ? this.quantities : new Array<null>(n).fill(null),
        channel: new Array<null>(n).fill(null),
        category: this.categories,
        order_date: this.orderDates,
      },
      rowCount: n,
      rowsRead: this.rowsRead,
      rejected: this.rejected,
      rejectedCounts: this.rejectedCounts,
      cancellations: this.cancellations,
      warnings,
      dateRange: n > 0 ? { from: dayToIsoDate(Math.floor(this.minTs / DAY_MS)), to: dayToIsoDate(Math.floor(this.maxTs / DAY_MS)) } : null,
    };
  }
}
