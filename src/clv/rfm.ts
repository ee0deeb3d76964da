/**
 * RFM calibration summary (x, t_x, T, m̄) per customer, with the Fader–Hardie conventions of
 * clv-models.md §0: transactions on the same UTC calendar day are merged, the first purchase day is
 * dropped, and everything after the calibration end is ignored.
 *
 * Days are UTC calendar days: an epoch-ms timestamp belongs to day ⌊ms / 86 400 000⌋, and a
 * 'YYYY-MM-DD' string to that date at 00:00 UTC.
 */

export type TimeUnit = 'days' | 'weeks';
export type CustomerKey = string | number;
/** Epoch milliseconds, or a 'YYYY-MM-DD' date string. */
export type Timestamp = number | string;

export interface Transaction {
  customer: CustomerKey;
  ts: Timestamp;
  /** Transaction value (currency). */
  amount: number;
}

/** Columnar transactions: the same row in each array. Faster for large inputs. */
export interface TransactionColumns {
  customer: ArrayLike<CustomerKey>;
  ts: ArrayLike<Timestamp>;
  amount: ArrayLike<number>;
}

export interface RfmOptions {
  /** Last day of the calibration window, inclusive. */
  calibrationEnd: Timestamp;
  /** Unit of t_x and T (default 'weeks', i.e. days / 7). */
  timeUnit?: TimeUnit;
  /** If given, also count purchase days in (calibrationEnd, holdoutEnd] per customer. */
  holdoutEnd?: Timestamp;
}

/**
 * One entry per customer whose first purchase falls on or before the calibration end, in order of
 * the customer's first appearance in the input.
 */
export interface RfmSummary {
  customers: CustomerKey[];
  /** Repeat purchase days in the calibration window (frequency). */
  x: Float64Array;
  /** Last − first purchase day, in `timeUnit` (recency); 0 when x = 0. */
  tx: Float64Array;
  /** Calibration end − first purchase day, in `timeUnit` (age). */
  T: Float64Array;
  /** Mean of the repeat purchase-day totals, first day excluded; 0 when x = 0. */
  monetary: Float64Array;
  /** First purchase day (days since 1970-01-01 UTC). */
  firstDay: Int32Array;
  /** Purchase days in (calibrationEnd, holdoutEnd]; present only when holdoutEnd was given. */
  holdoutX?: Float64Array;
  timeUnit: TimeUnit;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day number (days since 1970-01-01) of an epoch-ms timestamp or a 'YYYY-MM-DD' string. */
export function utcDay(ts: Timestamp): number {
  if (typeof ts === 'number') {
    if (!Number.isFinite(ts)) throw new RangeError(`timestamp must be finite epoch ms, got ${ts}`);
    return Math.floor(ts / MS_PER_DAY);
  }
  const m = ISO_DATE.exec(ts);
  if (!m) throw new RangeError(`timestamp string must be 'YYYY-MM-DD', got '${ts}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls 2023-02-30 over to March; reject such dates instead.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`invalid calendar date '${ts}'`);
  }
  return ms / MS_PER_DAY;
}

function toColumns(input: readonly Transaction[] | TransactionColumns): TransactionColumns {
  if (!Array.isArray(input)) return input as TransactionColumns;
  const rows = input as readonly Transaction[];
  return {
    customer: rows.map((r) => r.customer),
    ts: rows.map((r) => r.ts),
    amount: rows.map((r) => r.amount),
  };
}

/** Builds the calibration summary (and optional holdout counts) from raw transactions. */
export function rfmSummary(input: readonly Transaction[] | TransactionColumns, options: RfmOptions): RfmSummary {
  const cols = toColumns(input);
  const n = cols.customer.length;
  if (cols.ts.length !== n || cols.amount.length !== n) {
    throw new RangeError(`column lengths differ: customer ${n}, ts ${cols.ts.length}, amount ${cols.amount.length}`);
  }
  const timeUnit = options.timeUnit ?? 'weeks';
  if (timeUnit !== 'days' && timeUnit !== 'weeks') throw new RangeError(`timeUnit must be 'days' or 'weeks'`);
  const scale = timeUnit === 'weeks' ? 1 / 7 : 1;
  const calEnd = utcDay(options.calibrationEnd);
  const holdEnd = options.holdoutEnd === undefined ? undefined : utcDay(options.holdoutEnd);
  if (holdEnd !== undefined && holdEnd <= calEnd) throw new RangeError('holdoutEnd must be after calibrationEnd');

  // Factorise customers in order of first appearance; convert timestamps to days once.
  const index = new Map<CustomerKey, number>();
  const keys: CustomerKey[] = [];
  const cust = new Int32Array(n);
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = cols.customer[i];
    let k = index.get(key);
    if (k === undefined) {
      k = keys.length;
      index.set(key, k);
      keys.push(key);
    }
    cust[i] = k;
    day[i] = utcDay(cols.ts[i]);
    const amt = cols.amount[i];
    if (typeof amt !== 'number' || !Number.isFinite(amt)) {
      throw new RangeError(`amount must be a finite number (row ${i}, customer ${String(key)}): ${String(amt)}`);
    }
  }

  // Rows ordered by (customer, day), so each customer's purchase days are one run.
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => cust[i] - cust[j] || day[i] - day[j]);

  const m = keys.length;
  const outIdx: number[] = [];
  const x = new Float64Array(m);
  const tx = new Float64Array(m);
  const T = new Float64Array(m);
  const monetary = new Float64Array(m);
  const firstDay = new Int32Array(m);
  const holdout = new Float64Array(m);

  let p = 0;
  while (p < n) {
    const k = cust[order[p]];
    const first = day[order[p]];
    let distinct = 0;
    let last = first;
    let repeatTotal = 0;
    let prevDay = NaN;
    let holdDays = 0;
    let prevHoldDay = NaN;
    for (; p < n && cust[order[p]] === k; p++) {
      const r = order[p];
      const d = day[r];
      if (d <= calEnd) {
        if (d !== prevDay) {
          distinct++;
          prevDay = d;
          last = d;
        }
        if (d !== first) repeatTotal += cols.amount[r];
      } else if (holdEnd !== undefined && d <= holdEnd && d !== prevHoldDay) {
        holdDays++;
        prevHoldDay = d;
      }
    }
    if (first > calEnd) continue; // not yet acquired at the calibration end
    const reps = distinct - 1;
    x[k] = reps;
    tx[k] = (last - first) * scale;
    T[k] = (calEnd - first) * scale;
    monetary[k] = reps > 0 ? repeatTotal / reps : 0;
    firstDay[k] = first;
    holdout[k] = holdDays;
    outIdx.push(k);
  }
  outIdx.sort((a, b) => a - b);

  const pick = (arr: Float64Array): Float64Array => Float64Array.from(outIdx, (k) => arr[k]);
  const summary: RfmSummary = {
    customers: outIdx.map((k) => keys[k]),
    x: pick(x),
    tx: pick(tx),
    T: pick(T),
    monetary: pick(monetary),
    firstDay: Int32Array.from(outIdx, (k) => firstDay[k]),
    timeUnit,
  };
  if (holdEnd !== undefined) summary.holdoutX = pick(holdout);
  return summary;
}
