/**
 * The worker's side of a run, apart from the worker global so it runs (and is tested) anywhere:
 * computes the table, forwards progress at a bounded rate and replies with the packed result or
 * the error.
 */
import { computeCustomerClv, type CustomerClvProgress } from '../clv/customer-clv.js';
import { packResult, requestIds, serializeError, type RunRequest, type WorkerReply } from './protocol.js';

export type Post = (reply: WorkerReply, transfer: ArrayBuffer[]) => void;

/** Progress messages are at least this far apart, except at a change of phase and at the end. */
export const PROGRESS_INTERVAL_MS = 50;

/** Runs one request to completion, replying through `post`; never throws. */
export function serveRun(request: RunRequest, post: Post): void {
  let lastPhase = '';
  let lastAt = -Infinity;
  // The fits report every optimiser iteration; posting each would flood the main thread's queue.
  const onProgress = (progress: CustomerClvProgress): void => {
    const now = performance.now();
    if (progress.phase === lastPhase && progress.fraction < 1 && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastPhase = progress.phase;
    lastAt = now;
    post({ type: 'progress', progress }, []);
  };
  let packed: ReturnType<typeof packResult>;
  try {
    const transactions = { customer_id: requestIds(request), ts: request.ts, amount: request.amount };
    packed = packResult(computeCustomerClv(transactions, { ...request.settings, onProgress }), request.keys);
  } catch (e) {
    post({ type: 'error', error: serializeError(e) }, []);
    return;
  }
  post(packed.reply, packed.transfer);
}
