export { MemoryDashboardStore, type MemoryDashboardStoreOptions } from './memory-store.js';
export { LocalStorageDashboardStore, type LocalStorageDashboardStoreOptions, type StorageLike } from './local-storage-store.js';
export { HttpDashboardStore, type HttpDashboardStoreOptions } from './http-store.js';
export { BrokenEntrySchema, DashboardSummarySchema, StoredDashboardSchema } from './stored.js';
export {
  DashboardErrorBody,
  DashboardErrorCode,
  DashboardListSchema,
  DashboardWriteRequestSchema,
  dashboardRestPaths,
  parseRevisionTag,
  revisionTag,
  statusForStoreCode,
} from './rest.js';
