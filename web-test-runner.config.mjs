// @ts-check
// Browser tests: tests/**/*.test.ts except tests/node/** (those run in plain Node).
// Run a subset:  npx wtr --files tests/foo.test.ts   (or: npm test -- --files tests/foo.test.ts)
// Env:
//   CHROME_PATH           Chromium binary (default /usr/bin/chromium; see scripts/find-chromium.mjs)
//   CLV_DATA_DIR          directory served at /__data/ (default ../shared/data)
//   CLV_WTR_CONCURRENCY   parallel test files (default 1; the machines have 2 cores)
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { dataMiddleware } from './scripts/wtr-data-middleware.mjs';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['tests/**/*.test.ts', '!tests/node/**'],
  // The "browser" export condition picks browser builds (hyparquet's default entry imports node:fs);
  // "development" keeps Lit's dev build, as with the plain `nodeResolve: true`.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: Number(process.env.CLV_WTR_CONCURRENCY ?? 1),
  reporters: [defaultReporter(), summaryReporter()],
  // silence Lit's dev-mode banner
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 120000 } },
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  browserStartTimeout: 120000,
  middleware: [
    // MSW: the worker must be served from "/" so its scope covers the test page.
    function mswWorker(ctx, next) {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
    // DuckDB-WASM's files at /duckdb/, where the stories look for them (as Storybook serves them).
    function duckdbFiles(ctx, next) {
      if (ctx.path.startsWith('/duckdb/')) ctx.path = `/node_modules/@duckdb/duckdb-wasm/dist/${ctx.path.slice('/duckdb/'.length)}`;
      return next();
    },
    // /__data/<path> and /__data-info (shared data directory)
    dataMiddleware(),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // papaparse ships only a UMD build: give it a default export, as Vite's pre-bundling does.
    {
      name: 'umd-default-export',
      transform(context) {
        if (context.path.endsWith('/node_modules/papaparse/papaparse.js')) {
          return { body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
        }
        return undefined;
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
