import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

export interface StartMockWorkerOptions {
  /** Where public/mockServiceWorker.js is served; it must be at the root so its scope covers the page. */
  serviceWorkerUrl?: string;
  /** Log each mocked request in the console (handy in the demo, noise in tests). */
  logRequests?: boolean;
}

/**
 * Starts MSW's service worker with the given handlers, for Storybook, the demo and browser tests.
 * Requests no handler matches (the dev server's own modules and assets) go to the network untouched.
 */
export async function startMockWorker(handlers: RequestHandler[], options: StartMockWorkerOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: !options.logRequests,
  });
  return worker;
}
