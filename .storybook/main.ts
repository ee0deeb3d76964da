import type { StorybookConfig } from '@storybook/web-components-vite';
import type { PluginOption } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // public/ (the MSW worker), and DuckDB-WASM's module and worker at duckdb/ for the SQL stories
  // (stories/support/catalog.ts); only these two files, not the whole 138 MB dist folder.
  staticDirs: [
    '../public',
    { from: '../node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', to: '/duckdb/duckdb-eh.wasm' },
    { from: '../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js', to: '/duckdb/duckdb-browser-eh.worker.js' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook merges the project's vite.config.ts: drop the library-only .d.ts plugin.
  async viteFinal(config) {
    const isDts = (p: PluginOption) =>
      !!p && typeof p === 'object' && 'name' in p && /dts/.test(String((p as { name: string }).name));
    config.plugins = (config.plugins ?? []).flat(Infinity as 1).filter((p) => !isDts(p as PluginOption));
    return config;
  },
};
export default config;
