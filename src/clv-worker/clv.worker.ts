/**
 * Web Worker entry: runs computeCustomerClv off the main thread for runClvInWorker (client.ts).
 * One run per worker; the client cancels by terminating it, since the fit never yields to read a
 * cancel message.
 */
import type { RunRequest } from './protocol.js';
import { serveRun, type Post } from './serve.js';

/** The part of DedicatedWorkerGlobalScope used here (the project's types are the DOM's, not the worker's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<RunRequest>) => void): void;
  postMessage: Post;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  if (event.data?.type === 'run') serveRun(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
});
