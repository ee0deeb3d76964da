import type { SemanticQueryInput } from '../src/contracts/query.js';

/** The demo's queries, as a fresh set each time the data changes (a new object makes a chart re-run). */
export function demoQueries() {
  return {
    totals: {
      measures: ['transactions.revenue', 'transactions.count', 'transactions.customers', 'transactions.avg_order_value'],
    } satisfies SemanticQueryInput,
    monthlyRevenueByChannel: {
      measures: ['transactions.revenue'],
      dimensions: ['transactions.channel'],
      timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }],
    } satisfies SemanticQueryInput,
    revenueByTier: {
      measures: ['transactions.revenue'],
      dimensions: ['customers.loyalty_tier'],
    } satisfies SemanticQueryInput,
    monthlyCustomers: {
      measures: ['transactions.customers'],
      timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month' }],
    } satisfies SemanticQueryInput,
    categories: {
      measures: ['transactions.revenue', 'transactions.count', 'transactions.avg_order_value'],
      dimensions: ['transactions.category'],
      limit: 20,
    } satisfies SemanticQueryInput,
  };
}
export type DemoQueries = ReturnType<typeof demoQueries>;
