// Types for scripts/wtr-data-middleware.mjs (imported by vite.config.ts).
export function dataDir(): string;
export function contentTypeFor(file: string): string;
export function dataMiddleware(options?: {
  dir?: string;
  prefix?: string;
}): (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;
export function resolveDataRequest(
  pathname: string,
  options?: { dir?: string; prefix?: string },
): DataResolution | null;
export type DataResolution =
  | { kind: 'info'; status: 200; type: string; body: string }
  | { kind: 'file'; status: 200; type: string; file: string; size: number }
  | { kind: 'error'; status: 404; type: string; body: string };
export function connectDataMiddleware(options?: {
  dir?: string;
  prefix?: string;
}): (
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
  next: () => void,
) => void;
