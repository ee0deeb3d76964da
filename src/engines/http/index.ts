export { HttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export { Transport, errorFromResponse, type HeadersSource, type TransportOptions } from './transport.js';
export {
  AppendRequestSchema,
  AppendResultSchema,
  QueryRequestSchema,
  SampleParamsSchema,
  SqlRequestSchema,
  codeForStatus,
  isRetryableStatus,
  restPaths,
  statusForCode,
  type AppendRequest,
  type QueryRequest,
  type SqlRequest,
} from './wire.js';
