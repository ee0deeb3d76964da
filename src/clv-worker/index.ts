// CLV in a Web Worker: the client (main thread) and the message protocol. The worker entry,
// clv.worker.ts, is not exported: it is loaded by URL.
export { runClvInWorker, type ClvWorkerOptions } from './client.js';
export type { ClvWorkerInput } from './protocol.js';
