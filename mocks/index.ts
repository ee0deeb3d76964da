// Environment-neutral part of the mock backend; start it with ./browser.js or ./node.js.
export { createMockHandlers, errorResponse, type MockHandlerOptions } from './handlers.js';
export { createDashboardHandlers, dashboardErrorResponse, type DashboardHandlerOptions } from './dashboard-handlers.js';
export { DEFAULT_LATENCY, LATENCY_PARAM, parseLatency, setMockLatency, type LatencySetting } from './latency.js';
