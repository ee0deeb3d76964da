/**
 * runClvInWorker: computeCustomerClv in a Web Worker, so a page stays responsive during the fits.
 * One worker per run, terminated when the run settles or is aborted.
 */
import type { CustomerClvProgress, CustomerClvResult } from '../clv/customer-clv.js';
import { AdapterError } from '../contracts/errors.js';
import { deserializeError, packRequest, unpackResult, type ClvWorkerInput, type WorkerReply } from './protocol.js';

export interface ClvWorkerOptions {
  /** Progress from the worker, at most every 50 ms per phase (fraction non-decreasing, 1 at the end). */
  onProgress?: (progress: CustomerClvProgress) => void;
  /** Aborting terminates the worker at once and rejects with an AdapterError 'aborted'. */
  signal?: AbortSignal;
  /**
   * The worker module. Default: clv.worker next to this module, which a bundler (Vite) builds and
   * resolves from the `new Worker(new URL(…, import.meta.url))` below. A dev server that serves
   * TypeScript unbundled (web-test-runner) needs the source: new URL('/src/clv-worker/clv.worker.ts', location.origin).
   */
  workerUrl?: string | URL;
}

const aborted = (): AdapterError => new AdapterError('aborted', 'The CLV computation was cancelled.');

function startWorker(url: string | URL | undefined): Worker {
  // Kept literal: Vite detects exactly `new Worker(new URL('…', import.meta.url), { type: 'module' })`,
  // bundles the entry and rewrites the URL (it resolves the .js name to the .ts source).
  if (url === undefined) return new Worker(new URL('./clv.worker.js', import.meta.url), { type: 'module' });
  return new Worker(url, { type: 'module' });
}

/**
 * Resolves with the same result computeCustomerClv gives for this input. Input errors (a bad row,
 * a horizon that is not a multiple of the period) reject before a worker starts.
 */
export function runClvInWorker(input: ClvWorkerInput, options: ClvWorkerOptions = {}): Promise<CustomerClvResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(aborted());
  let packed: ReturnType<typeof packRequest>;
  try {
    packed = packRequest(input);
  } catch (e) {
    return Promise.reject(e);
  }
  return new Promise<CustomerClvResult>((resolve, reject) => {
    const worker = startWorker(options.workerUrl);
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => {
      if (settle()) reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (settled) return; // messages already queued when the run was aborted
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (settle()) {
        if (reply.type === 'result') resolve(unpackResult(reply, packed.request.keys));
        else reject(deserializeError(reply.error));
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      // A module that fails to load gives an event without a message.
      const why = event.message || `the worker script could not be loaded from ${String(options.workerUrl ?? 'the default URL')}`;
      if (settle()) reject(new AdapterError('backend', `The CLV worker failed: ${why}`));
    });
    worker.addEventListener('messageerror', () => {
      if (settle()) reject(new AdapterError('backend', 'The CLV worker sent a message that could not be read.'));
    });
    worker.postMessage(packed.request, packed.transfer);
  });
}
