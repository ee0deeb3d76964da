#!/usr/bin/env node
// `npm start`: the demo portal on Vite's dev server (vite.config.ts, project root), at
// http://127.0.0.1:5173/demo/. Env: HOST (default 127.0.0.1), PORT (default 5173).
// Query parameters of the page: ?customers=20000 (synthetic customers), ?seed=42.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 5173);

const server = await createServer({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  server: { host, port, strictPort: true, open: false },
});
await server.listen();

const url = `http://${host}:${server.config.server.port ?? port}/demo/`;
process.stdout.write(`\nclv-kit demo portal: ${url}\n(20,000 synthetic customers by default; try ${url}?customers=100000)\nPress Ctrl+C to stop.\n\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
