/**
 * CLV deciles with the SQL rule the decile derivation uses, so a customer's decile is the same
 * whichever engine ranks: NTILE(10) OVER (ORDER BY clv DESC, customer_id ASC), 1 = top.
 */
import { compareIdentity, ntile } from '../derive/order.js';
import type { CustomerKey } from './rfm.js';

export const CLV_DECILES = 10;

/** Decile per row: clv descending, ties by customer id ascending (numbers numerically, text by code point). */
export function clvDeciles(clv: ArrayLike<number>, customers: ArrayLike<CustomerKey>): Int32Array {
  const n = clv.length;
  if (customers.length !== n) throw new RangeError(`clv and customers lengths differ: ${n}, ${customers.length}`);
  for (let i = 0; i < n; i++) {
    // A NaN would make the sort order, and so every decile, undefined.
    if (!Number.isFinite(clv[i])) throw new RangeError(`clv of customer ${String(customers[i])} is not finite: ${clv[i]}`);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => clv[j] - clv[i] || compareIdentity(customers[i], customers[j]));
  const decile = new Int32Array(n);
  order.forEach((row, rank) => (decile[row] = ntile(rank, n, CLV_DECILES)));
  return decile;
}
