import type { ErrorCaseSpec } from '../types.js';

/** Requests every adapter must reject with invalid_request, naming the field at fault. */
export const errorCases: ErrorCaseSpec[] = [
  {
    id: 'error.unknown-dimension',
    description: 'a dimension that is not a column of its table',
    query: { measures: ['orders.count'], dimensions: ['orders.colour'] },
    expect: { error: 'invalid_request', field: 'dimensions.0' },
  },
  {
    id: 'error.unknown-table',
    description: 'a member of a table the model does not have',
    query: { measures: ['orders.count'], dimensions: ['orders.status', 'shipments.carrier'] },
    expect: { error: 'invalid_request', field: 'dimensions.1' },
  },
  {
    id: 'error.unknown-table-dimensions-only',
    description: 'a member of an unknown table in a query without measures',
    query: { dimensions: ['orders.status', 'shipments.carrier'] },
    expect: { error: 'invalid_request', field: 'dimensions.1' },
  },
  {
    id: 'error.unknown-measure',
    description: 'a measure the model does not define',
    query: { measures: ['orders.count', 'orders.profit'] },
    expect: { error: 'invalid_request', field: 'measures.1' },
  },
  {
    id: 'error.unknown-filter-member',
    description: 'a filter on an unknown member inside an or',
    query: {
      measures: ['orders.count'],
      filters: [{ or: [{ member: 'orders.status', operator: 'equals', values: ['completed'] }, { member: 'orders.colour', operator: 'set' }] }],
    },
    expect: { error: 'invalid_request', field: 'filters.0.or.1.member' },
  },
  {
    id: 'error.malformed-member',
    description: 'a member name without its table',
    query: { dimensions: ['status'] },
    expect: { error: 'invalid_request', field: 'dimensions.0' },
  },
  {
    id: 'error.measure-as-dimension',
    description: 'a measure used as a dimension',
    query: { dimensions: ['orders.revenue'] },
    expect: { error: 'invalid_request', field: 'dimensions.0' },
  },
  {
    id: 'error.measures-from-two-tables',
    description: 'measures of two different tables in one query',
    query: { measures: ['orders.count', 'customers.count'] },
    expect: { error: 'invalid_request', field: 'measures.1' },
  },
  {
    id: 'error.measure-filter-from-other-table',
    description: 'a measure filter on another table than the query measures',
    query: { measures: ['orders.count'], filters: [{ member: 'customers.count', operator: 'gt', values: [1] }] },
    expect: { error: 'invalid_request', field: 'filters.0' },
  },
  {
    id: 'error.unreachable-table',
    description: 'a filter on a table the base table has no lookup to (customers cannot reach orders)',
    query: { measures: ['customers.count'], filters: [{ member: 'orders.status', operator: 'equals', values: ['completed'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.member' },
  },
  {
    id: 'error.mixed-filter-group',
    description: 'an or mixing a measure and a dimension',
    query: {
      measures: ['orders.count'],
      dimensions: ['orders.status'],
      filters: [
        {
          or: [
            { member: 'orders.count', operator: 'gt', values: [3] },
            { member: 'orders.status', operator: 'equals', values: ['completed'] },
          ],
        },
      ],
    },
    expect: { error: 'invalid_request', field: 'filters.0' },
  },
  {
    id: 'error.text-operator-on-number',
    description: 'contains on a number column',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.amount', operator: 'contains', values: ['1'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.comparison-on-string',
    description: 'gt on a string column',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.status', operator: 'gt', values: ['a'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.date-operator-on-boolean',
    description: 'inDateRange on a boolean column',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.is_gift', operator: 'inDateRange', values: ['2024-01-01', '2024-12-31'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.text-operator-on-measure',
    description: 'startsWith on a measure',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.revenue', operator: 'startsWith', values: ['1'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.not-a-number',
    description: 'a comparison value that is not a number',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.amount', operator: 'gt', values: ['lots'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.equals-two-values',
    description: 'equals takes exactly one value',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.status', operator: 'equals', values: ['a', 'b'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.set-with-value',
    description: 'set takes no values',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.status', operator: 'set', values: ['x'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.impossible-date',
    description: 'a date range with a day that does not exist',
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.order_date', dateRange: ['2023-02-29', '2023-03-31'] }] },
    expect: { error: 'invalid_request', field: 'timeDimensions.0.dateRange' },
  },
  {
    id: 'error.unknown-relative-range',
    description: 'a relative range the grammar does not have',
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.order_date', dateRange: 'next fortnight' }] },
    expect: { error: 'invalid_request', field: 'timeDimensions.0.dateRange' },
  },
  {
    id: 'error.single-absolute-date-range',
    description: 'inDateRange with one absolute date instead of [from, to] or a relative range',
    query: { measures: ['orders.count'], filters: [{ member: 'orders.order_date', operator: 'inDateRange', values: ['2024-01-01'] }] },
    expect: { error: 'invalid_request', field: 'filters.0.values' },
  },
  {
    id: 'error.granularity-on-string',
    description: 'a granularity on a string column',
    query: { measures: ['orders.count'], timeDimensions: [{ dimension: 'orders.status', granularity: 'month' }] },
    expect: { error: 'invalid_request', field: 'timeDimensions.0.dimension' },
  },
  {
    id: 'error.order-by-absent-member',
    description: 'ordering by a measure that is not in the query',
    query: { measures: ['orders.count'], dimensions: ['orders.status'], order: [['orders.revenue', 'desc']] },
    expect: { error: 'invalid_request', field: 'order.0' },
  },
  {
    id: 'error.duplicate-dimension',
    description: 'the same dimension twice',
    query: { measures: ['orders.count'], dimensions: ['orders.status', 'orders.status'] },
    expect: { error: 'invalid_request', field: 'dimensions.1' },
  },
  {
    id: 'error.empty-query',
    description: 'a query with no measure, dimension or granularity',
    query: { timeDimensions: [{ dimension: 'orders.ordered_at', dateRange: 'last year' }] },
    expect: { error: 'invalid_request', field: 'measures' },
  },
  {
    id: 'error.limit-too-large',
    description: 'a limit above the maximum',
    query: { measures: ['orders.count'], limit: 50_001 },
    expect: { error: 'invalid_request', field: 'limit' },
  },
];
