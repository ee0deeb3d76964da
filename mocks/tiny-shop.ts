import type { DataModelInput } from '../src/contracts/data-model.js';

/**
 * A hand-sized model and data set for tests of the REST layer: small enough that expected values
 * can be read off by eye (revenue DE = 10 + 30 = 40, FR = 5, customer c has no orders).
 */
export const tinyShopModel: DataModelInput = {
  name: 'tiny_shop',
  label: 'Tiny shop',
  tables: [
    {
      name: 'customers',
      label: 'Customers',
      kind: 'dimension',
      primaryKey: 'id',
      columns: [
        { name: 'id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'country', label: 'Country', type: 'string', role: 'dimension' },
      ],
    },
    {
      name: 'orders',
      label: 'Orders',
      kind: 'fact',
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'amount', label: 'Amount', type: 'number', role: 'measure', format: '$,.2f' },
        { name: 'ordered_on', label: 'Ordered on', type: 'date', role: 'time' },
      ],
    },
  ],
  relations: [{ name: 'orders_customer', from: { table: 'orders', column: 'customer_id' }, to: { table: 'customers', column: 'id' } }],
  measures: [
    { name: 'revenue', label: 'Revenue', table: 'orders', aggregation: 'sum', column: 'amount', format: '$,.2f' },
    { name: 'order_count', label: 'Orders', table: 'orders', aggregation: 'count' },
  ],
};

/** Fresh rows each call, so an append in one test cannot leak into another. */
export function tinyShopData() {
  return {
    customers: [
      { id: 'a', country: 'DE' },
      { id: 'b', country: 'FR' },
      { id: 'c', country: 'DE' },
    ],
    orders: [
      { customer_id: 'a', amount: 10, ordered_on: '2024-01-05' },
      { customer_id: 'b', amount: 5, ordered_on: '2024-01-20' },
      { customer_id: 'a', amount: 30, ordered_on: '2024-02-11' },
    ],
  };
}
