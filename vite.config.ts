import { defineConfig, type Plugin } from 'vite';
import dts from 'vite-plugin-dts';
import { connectDataMiddleware } from './scripts/wtr-data-middleware.mjs';

// Runtime dependencies stay external: the consumer's bundler resolves them.
const external = [
  /^lit($|\/)/,
  /^@lit\//,
  /^vega($|-|\/)/,
  /^zod($|\/)/,
  /^@duckdb\//,
  /^papaparse($|\/)/,
  /^hyparquet/,
  /^msw($|\/)/,
  /^apache-arrow($|\/)/,
  /^node:/, // Node built-ins, used by the CLI entry only
];

// Same /__data/<path> and /__data-info endpoints as the browser tests, for `vite` dev/preview.
function sharedData(): Plugin {
  return {
    name: 'clv-shared-data',
    configureServer(server) {
      server.middlewares.use(connectDataMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(connectDataMiddleware());
    },
  };
}

// `vite build`: the library (ES modules + .d.ts under dist/, matching package.json "exports").
// `vite` (npm run dev): dev server rooted at the project, demo page at /demo/.
// Note: in library mode Vite inlines `?url` assets as base64, so library code takes the
// DuckDB bundle URLs as parameters; only demo/stories import the `?url` assets.
export default defineConfig({
  root: '.',
  build: {
    lib: {
      entry: {
        core: 'src/core.ts',
        duckdb: 'src/engines/duckdb/index.ts',
        http: 'src/engines/http/index.ts',
        conformance: 'src/conformance/index.ts',
        components: 'components/index.ts',
        cli: 'src/cli/main.ts', // bin/clv-kit.mjs runs this in the published package
      },
      formats: ['es'],
    },
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false, // public/mockServiceWorker.js is for dev/test only
    rollupOptions: { external },
  },
  server: {
    open: false,
    fs: { strict: true },
  },
  optimizeDeps: {
    exclude: ['@duckdb/duckdb-wasm'],
  },
  plugins: [
    sharedData(),
    // entryRoot '.' keeps src/ and components/ in the paths: dist/src/core.d.ts, dist/components/index.d.ts
    dts({ tsconfigPath: './tsconfig.build.json', entryRoot: '.' }),
  ],
});
