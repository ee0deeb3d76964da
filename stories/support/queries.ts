import type { SemanticQueryInput } from '../../src/contracts/query.js';

export const monthlyRevenueByChannel: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }],
};

export const revenueByTier: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['customers.loyalty_tier'],
};

export const quarterlyOrders: SemanticQueryInput = {
  measures: ['transactions.count'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'quarter' }],
};

export const orderValueByCategory: SemanticQueryInput = {
  measures: ['transactions.avg_order_value', 'transactions.count'],
  dimensions: ['transactions.category'],
};

export const totalRevenue: SemanticQueryInput = { measures: ['transactions.revenue'] };

export const categoryTable: SemanticQueryInput = {
  measures: ['transactions.revenue', 'transactions.count', 'transactions.avg_order_value', 'transactions.customers'],
  dimensions: ['transactions.category'],
};

/** A filter no row matches: the empty state. */
export const noRows: SemanticQueryInput = {
  measures: ['transactions.revenue'],
  dimensions: ['transactions.channel'],
  filters: [{ member: 'transactions.channel', operator: 'equals', values: ['fax'] }],
};
