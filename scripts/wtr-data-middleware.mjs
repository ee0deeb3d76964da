// @ts-check
// Serves the shared data directory over HTTP, for browser tests (web-test-runner, Koa
// middleware) and the Vite dev server (connect middleware, see vite.config.ts):
//   GET /__data/<path>   streams <CLV_DATA_DIR>/<path>   (404 with a text body if missing)
//   GET /__data-info     JSON {dir, exists}
// CLV_DATA_DIR defaults to <projectRoot>/../shared/data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function dataDir() {
  return path.resolve(process.env.CLV_DATA_DIR || path.resolve(projectRoot, '../shared/data'));
}

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.gz': 'application/octet-stream',
  '.parquet': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.tsv': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** @param {string} file */
export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Decides what to answer for a request path; null if the path is not ours.
 * @param {string} pathname
 * @param {{ dir?: string, prefix?: string }} [options]
 * @returns {import('./wtr-data-middleware.d.mts').DataResolution | null}
 */
export function resolveDataRequest(pathname, options = {}) {
  const prefix = options.prefix ?? '/__data/';
  const dir = options.dir ?? dataDir();
  if (pathname === '/__data-info') {
    const exists = fs.existsSync(dir) && fs.statSync(dir).isDirectory();
    return { kind: 'info', status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ dir, exists }) };
  }
  if (!pathname.startsWith(prefix)) return null;
  let rel = '';
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    /* malformed escape: treated as not found */
  }
  const file = path.resolve(dir, rel);
  const inside = file.startsWith(dir + path.sep);
  let stat;
  try {
    stat = inside ? fs.statSync(file) : undefined;
  } catch {
    stat = undefined;
  }
  if (!stat || !stat.isFile()) {
    return {
      kind: 'error',
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: inside
        ? `clv-kit data server: file not found: ${rel} (looked in ${dir}; set CLV_DATA_DIR to change)\n`
        : `clv-kit data server: path outside the data directory: ${rel}\n`,
    };
  }
  return { kind: 'file', status: 200, type: contentTypeFor(file), file, size: stat.size };
}

/**
 * Koa-style middleware for web-test-runner / @web/dev-server.
 * @param {{ dir?: string, prefix?: string }} [options]
 * @returns {(ctx: any, next: () => Promise<unknown>) => Promise<unknown>}
 */
export function dataMiddleware(options = {}) {
  return async function clvDataMiddleware(ctx, next) {
    const r = resolveDataRequest(ctx.path, options);
    if (!r) return next();
    ctx.set('Cache-Control', 'no-store');
    ctx.status = r.status;
    // Set the type (and length) before the body: Koa only infers them when unset.
    ctx.type = r.type;
    if (r.kind !== 'file') {
      ctx.body = r.body;
      return;
    }
    ctx.length = r.size;
    if (ctx.method === 'HEAD') return;
    ctx.body = fs.createReadStream(r.file);
  };
}

/**
 * Connect-style middleware for the Vite dev/preview server.
 * @param {{ dir?: string, prefix?: string }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void}
 */
export function connectDataMiddleware(options = {}) {
  return function clvDataConnect(req, res, next) {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const r = resolveDataRequest(pathname, options);
    if (!r) return next();
    res.statusCode = r.status;
    res.setHeader('Content-Type', r.type);
    res.setHeader('Cache-Control', 'no-store');
    if (r.kind !== 'file') {
      res.end(r.body);
      return;
    }
    res.setHeader('Content-Length', String(r.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(r.file).pipe(res);
  };
}
