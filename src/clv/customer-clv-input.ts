/**
 * Transactions for computeCustomerClv as columns of the model's transactions table, checked and
 * brought into the shape rfmSummary reads: timestamps as epoch ms, amounts as numbers.
 */
import type { ScalarValue } from '../contracts/result.js';
import { parseInstant } from '../query/dates.js';
import type { CustomerKey, TransactionColumns } from './rfm.js';

/**
 * One purchase per row. ts: epoch ms, 'YYYY-MM-DD' or an ISO timestamp (UTC unless it has an
 * offset), as ColumnarData allows; the purchase day is its UTC calendar day.
 */
export interface CustomerClvTransactions {
  customer_id: ArrayLike<ScalarValue>;
  ts: ArrayLike<ScalarValue>;
  amount: ArrayLike<ScalarValue>;
}

const bad = (column: string, row: number, value: unknown, want: string): RangeError =>
  new RangeError(`transactions.${column} row ${row}: ${JSON.stringify(value) ?? String(value)} is not ${want}`);

function customerColumn(values: ArrayLike<ScalarValue>): ArrayLike<CustomerKey> {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' ? v === '' : !(typeof v === 'number' && Number.isFinite(v))) {
      throw bad('customer_id', i, v, 'a customer id (a non-empty string or a finite number)');
    }
  }
  // Checked above: every value is a string or a number.
  return values as ArrayLike<CustomerKey>;
}

/** A Float64Array input is only checked (never written); anything else is converted into a new one. */
function numericColumn(values: ArrayLike<ScalarValue>, convert: (v: ScalarValue, row: number) => number): Float64Array {
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) convert(values[i], i);
    return values;
  }
  return Float64Array.from({ length: values.length }, (_, i) => convert(values[i], i));
}

const toEpochMs = (v: ScalarValue, row: number): number => {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? parseInstant(v) : NaN;
  if (!Number.isFinite(ms)) throw bad('ts', row, v, 'epoch milliseconds, a YYYY-MM-DD date or an ISO timestamp');
  return ms;
};

const toAmount = (v: ScalarValue, row: number): number => {
  if (!(typeof v === 'number' && Number.isFinite(v))) throw bad('amount', row, v, 'a finite number');
  return v;
};

/** rfmSummary's input with timestamps in epoch ms. */
export interface CheckedTransactions extends TransactionColumns {
  customer: ArrayLike<CustomerKey>;
  ts: Float64Array;
  amount: Float64Array;
}

/** Validated columns (Float64Arrays passed through, not copied); a RangeError names the first bad cell. */
export function transactionColumns(input: CustomerClvTransactions): CheckedTransactions {
  const n = input.customer_id.length;
  if (input.ts.length !== n || input.amount.length !== n) {
    throw new RangeError(`transactions columns differ in length: customer_id ${n}, ts ${input.ts.length}, amount ${input.amount.length}`);
  }
  return {
    customer: customerColumn(input.customer_id),
    ts: numericColumn(input.ts, toEpochMs),
    amount: numericColumn(input.amount, toAmount),
  };
}
