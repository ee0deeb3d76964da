import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';

/**
 * An MSW server for Node tests. It intercepts the global fetch once listening; call `close()` in
 * the test's `after` hook. Unmatched requests fail loudly so a wrong URL is not mistaken for a bug
 * in the code under test.
 */
export function startMockServer(handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
