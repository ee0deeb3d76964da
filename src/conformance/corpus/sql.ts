/**
 * FROM clauses shared by the hand-written oracles. They spell out the lookups as the model declares
 * them (left joins, so orders without a customer keep their row) and are deliberately plain SQL,
 * not produced by the compiler under test.
 */
export const ORDERS = 'orders o';
export const ORDERS_CUSTOMERS = 'orders o LEFT JOIN customers c ON c.customer_id = o.customer_id';
export const ORDERS_REGIONS = `${ORDERS_CUSTOMERS} LEFT JOIN regions r ON r.region_id = c.region_id`;
export const ORDERS_CALENDAR = 'orders o LEFT JOIN calendar k ON k.calendar_date = o.order_date';
export const CUSTOMERS_REGIONS = 'customers c LEFT JOIN regions r ON r.region_id = c.region_id';
