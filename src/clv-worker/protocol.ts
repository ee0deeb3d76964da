/**
 * Messages between runClvInWorker and the CLV worker, and their packing. The columns cross the
 * boundary as typed arrays, transferred rather than copied: customer ids as indexes into the list
 * of distinct ids (sent once, structured-cloned), timestamps as epoch ms, and every result column
 * a typed array, customer_id included. DOM-free, so the packing is testable in Node.
 */
import { AdapterError, type AdapterErrorCode } from '../contracts/errors.js';
import type { CustomerClvColumns, CustomerClvProgress, CustomerClvResult, CustomerClvSettings, CustomerClvTransactions } from '../clv/customer-clv.js';
import { checkClvOptions } from '../clv/clv.js';
import { transactionColumns } from '../clv/customer-clv-input.js';
import { utcDay, type CustomerKey } from '../clv/rfm.js';

/** Main thread → worker: one run. */
export interface RunRequest {
  type: 'run';
  /** The row's customer as an index into `keys`. */
  customer: Int32Array;
  /** The distinct customer ids, in order of first appearance. */
  keys: CustomerKey[];
  /** Epoch ms. */
  ts: Float64Array;
  amount: Float64Array;
  settings: CustomerClvSettings;
}

/** The result columns as sent back: customer_id as indexes into RunRequest.keys. */
export type PackedColumns = Omit<CustomerClvColumns, 'customer_id'> & { customer_id: Int32Array };

export interface SerializedError {
  name: string;
  message: string;
  code?: AdapterErrorCode;
  field?: string;
}

/** Worker → main thread. */
export type WorkerReply =
  | { type: 'progress'; progress: CustomerClvProgress }
  | { type: 'result'; columns: PackedColumns; meta: Omit<CustomerClvResult, 'data'> }
  | { type: 'error'; error: SerializedError };

/** What runClvInWorker takes: the transactions and the serialisable settings. */
export interface ClvWorkerInput extends CustomerClvSettings {
  transactions: CustomerClvTransactions;
}

/** Distinct buffers of some typed arrays (a transfer list may not name a buffer twice). */
export function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Each row's id as an index into the distinct ids (in order of first appearance), and those ids. */
function encodeIds(ids: ArrayLike<CustomerKey>): { customer: Int32Array; keys: CustomerKey[] } {
  const codeOf = new Map<CustomerKey, number>();
  const keys: CustomerKey[] = [];
  const customer = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    let c = codeOf.get(ids[i]);
    if (c === undefined) {
      c = keys.length;
      codeOf.set(ids[i], c);
      keys.push(ids[i]);
    }
    customer[i] = c;
  }
  return { customer, keys };
}

/**
 * Checks the input and the settings and packs them into fresh arrays (the caller's arrays are never
 * transferred, so they stay usable). Runs on the main thread: one pass over the rows.
 */
export function packRequest(input: ClvWorkerInput): { request: RunRequest; transfer: ArrayBuffer[] } {
  const cols = transactionColumns(input.transactions);
  const { customer, keys } = encodeIds(cols.customer);
  // transactionColumns passes the caller's Float64Arrays through; copy those before transferring.
  const ts = cols.ts === input.transactions.ts ? cols.ts.slice() : cols.ts;
  const amount = cols.amount === input.transactions.amount ? cols.amount.slice() : cols.amount;
  // Named fields only: anything else on the input (a callback, say) could not be cloned.
  const { calibrationEnd, timeUnit, horizon, periodLength, discount, bgnbd, gammaGamma } = input;
  // The checks computeCustomerClv makes first, made here too, so a typo fails without starting a worker.
  checkClvOptions({ horizon, period: periodLength ?? horizon, discountRate: discount ?? 0 });
  utcDay(calibrationEnd);
  if (timeUnit !== 'days' && timeUnit !== 'weeks') throw new RangeError(`timeUnit must be 'days' or 'weeks', got ${String(timeUnit)}`);
  const settings: CustomerClvSettings = { calibrationEnd, timeUnit, horizon, periodLength, discount, bgnbd, gammaGamma };
  const request: RunRequest = { type: 'run', customer, keys, ts, amount, settings };
  return { request, transfer: buffersOf([customer, ts, amount]) };
}

/** The customer id column of a request: the ids themselves, so errors and the decile tie-break see real ids. */
export function requestIds(request: RunRequest): CustomerKey[] {
  return Array.from(request.customer, (c) => request.keys[c]);
}

/** The worker's result message for a computed table; `keys` as in the request. */
export function packResult(result: CustomerClvResult, keys: readonly CustomerKey[]): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const { data, ...meta } = result;
  const codeOf = new Map(keys.map((k, i) => [k, i]));
  const columns: PackedColumns = { ...data, customer_id: Int32Array.from(data.customer_id, (k) => codeOf.get(k)!) };
  return { reply: { type: 'result', columns, meta }, transfer: buffersOf(Object.values(columns)) };
}

/** The result on the main thread, customer ids decoded with the request's `keys`. */
export function unpackResult(reply: Extract<WorkerReply, { type: 'result' }>, keys: readonly CustomerKey[]): CustomerClvResult {
  const customerId = Array.from(reply.columns.customer_id, (c) => keys[c]);
  return { ...reply.meta, data: { ...reply.columns, customer_id: customerId } };
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof AdapterError) return { name: e.name, message: e.message, code: e.code, ...(e.field ? { field: e.field } : {}) };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The error as thrown in the worker: AdapterErrors keep their code, RangeErrors (bad input) their type. */
export function deserializeError(e: SerializedError): Error {
  if (e.code) return new AdapterError(e.code, e.message, e.field);
  if (e.name === 'RangeError') return new RangeError(e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
