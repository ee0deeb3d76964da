/**
 * Bundle sizes, in bytes and gzipped (level 9, each file alone, as a server sends it): the library
 * build of vite.config.ts (core, components and the DuckDB adapter entry with the chunks each
 * imports statically), the charting engine a page fetches on its first chart, and DuckDB-WASM.
 * Every build goes to memory (write: false) with a fresh temporary outDir, never to dist/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile, type InlineConfig, type PluginOption, type Rolldown } from 'vite';
import { lazyClosure, staticClosure, type ChunkNode, type Closure } from './bundle-graph.js';
import type { SizeFile, SizeMeasurement } from './report.js';

export const SIZE_NAMES = {
  core: 'core',
  components: 'components',
  duckdbEntry: 'duckdb adapter',
  vega: 'vega (first chart)',
  duckdbWasm: 'duckdb-wasm (eh bundle)',
} as const;

/** Built JS in memory: the graph of a chunk plus its code. */
interface BuiltChunk extends ChunkNode {
  name: string;
  isEntry: boolean;
  code: string;
}

export interface BundleSizes {
  sizes: SizeMeasurement[];
  /** Modules the components entry imports statically but does not bundle (for the lazy-vega check). */
  componentsExternal: string[];
  /** What the components entry imports dynamically. */
  componentsDynamic: string[];
}

export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

function sizeOf(file: string, bytes: Uint8Array): SizeFile {
  return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
}

function chunksOf(output: Awaited<ReturnType<typeof build>>): BuiltChunk[] {
  if (!Array.isArray(output) && !('output' in output)) throw new Error('vite build returned a watcher, not a bundle');
  const outputs: Rolldown.RolldownOutput[] = Array.isArray(output) ? output : [output];
  return outputs.flatMap((o) =>
    o.output.flatMap((c) =>
      c.type === 'chunk'
        ? [{ fileName: c.fileName, name: c.name, isEntry: c.isEntry, imports: c.imports, dynamicImports: c.dynamicImports, code: c.code }]
        : [],
    ),
  );
}

const isDts = (p: PluginOption): boolean => !!p && typeof p === 'object' && 'name' in p && /dts/.test(String((p as { name: unknown }).name));

/** The library build of vite.config.ts, without the .d.ts plugin and source maps, in memory. */
async function libraryBuild(root: string, outDir: string): Promise<BuiltChunk[]> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'vite.config.ts'), root, 'silent');
  if (!loaded) throw new Error(`no vite.config.ts in ${root}`);
  const config = loaded.config;
  const plugins = [config.plugins ?? []].flat(Infinity as 1).filter((p) => !isDts(p as PluginOption)) as PluginOption[];
  const inline: InlineConfig = {
    ...config,
    root,
    configFile: false,
    logLevel: 'silent',
    plugins,
    build: { ...config.build, outDir, emptyOutDir: false, sourcemap: false, write: false, reportCompressedSize: false },
  };
  return chunksOf(await build(inline));
}

const LAZY_ENTRY = 'virtual:clv-bench-lazy-entry';

/**
 * An app build (vite's defaults: minified, no externals) of a page that only does
 * `import(specifier)`, as a consumer's bundler would split it off.
 */
async function lazyBuild(root: string, outDir: string, specifier: string): Promise<BuiltChunk[]> {
  const resolved = `\0${LAZY_ENTRY}`;
  const inline: InlineConfig = {
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'clv-bench-lazy-entry',
        resolveId: (id) => (id === LAZY_ENTRY ? resolved : undefined),
        // A side effect keeps the dynamic import from being tree-shaken away.
        load: (id) => (id === resolved ? `globalThis.clvBenchLoad = () => import(${JSON.stringify(specifier)});` : undefined),
      },
    ],
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: false,
      write: false,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      rollupOptions: { input: LAZY_ENTRY },
    },
  };
  return chunksOf(await build(inline));
}

function entryChunk(chunks: readonly BuiltChunk[], name?: string): BuiltChunk {
  const found = chunks.filter((c) => c.isEntry && (name === undefined || c.name === name));
  if (found.length !== 1) throw new Error(`expected one entry chunk${name ? ` "${name}"` : ''}, found ${found.length}`);
  return found[0]!;
}

function filesOf(chunks: readonly BuiltChunk[], closure: Closure): SizeFile[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  return closure.files.map((f) => sizeOf(f, Buffer.from(byName.get(f)!.code, 'utf8')));
}

const listed = (names: readonly string[]) => (names.length ? names.join(', ') : 'none');

export async function measureBundleSizes(root: string): Promise<BundleSizes> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'clv-kit-bench-build-'));
  try {
    const lib = await libraryBuild(root, outDir);
    const libFigure = (name: string, entry: string): { size: SizeMeasurement; closure: Closure } => {
      const chunk = entryChunk(lib, entry);
      const closure = staticClosure(lib, chunk.fileName);
      return {
        closure,
        size: {
          name,
          detail:
            `${chunk.fileName} and the ${closure.files.length - 1} chunks it imports statically, as the library build of vite.config.ts emits them ` +
            `(ES2022, compressed and mangled, whitespace kept, no .d.ts or source maps); not bundled (external): ${listed(closure.external)}`,
          files: filesOf(lib, closure),
          ...(name === SIZE_NAMES.core ? {} : { baseline: SIZE_NAMES.core }),
        },
      };
    };
    const core = libFigure(SIZE_NAMES.core, 'core');
    const components = libFigure(SIZE_NAMES.components, 'components');
    const duckdbEntry = libFigure(SIZE_NAMES.duckdbEntry, 'duckdb');

    const vegaChunks = await lazyBuild(root, outDir, 'vega-embed');
    const vegaClosure = lazyClosure(vegaChunks, entryChunk(vegaChunks).fileName);
    if (vegaClosure.external.length) throw new Error(`the vega bundle left modules external: ${listed(vegaClosure.external)}`);
    const vega: SizeMeasurement = {
      name: SIZE_NAMES.vega,
      detail:
        'what import("vega-embed") loads, as an app build of vite bundles it (minified, nothing external): vega-embed with vega, vega-lite and ' +
        'their dependencies. Widgets and charts load it on their first chart; the components entry does not contain it',
      files: filesOf(vegaChunks, vegaClosure),
      baseline: SIZE_NAMES.core,
    };

    const duckChunks = await lazyBuild(root, outDir, '@duckdb/duckdb-wasm');
    const duckClosure = lazyClosure(duckChunks, entryChunk(duckChunks).fileName);
    if (duckClosure.external.length) throw new Error(`the DuckDB bundle left modules external: ${listed(duckClosure.external)}`);
    const require = createRequire(path.join(root, 'package.json'));
    const shipped = (file: string): SizeFile => sizeOf(file, readFileSync(require.resolve(`@duckdb/duckdb-wasm/${file}`)));
    const duckdbWasm: SizeMeasurement = {
      name: SIZE_NAMES.duckdbWasm,
      detail:
        'dist/duckdb-eh.wasm and dist/duckdb-browser-eh.worker.js as @duckdb/duckdb-wasm ships them (the page fetches them by URL), and its ' +
        'browser module with apache-arrow as an app build of vite bundles import("@duckdb/duckdb-wasm") (minified)',
      files: [shipped('dist/duckdb-eh.wasm'), shipped('dist/duckdb-browser-eh.worker.js'), ...filesOf(duckChunks, duckClosure)],
      baseline: SIZE_NAMES.core,
    };

    return {
      sizes: [core.size, components.size, duckdbEntry.size, vega, duckdbWasm],
      componentsExternal: components.closure.external,
      componentsDynamic: [...new Set(components.closure.files.flatMap((f) => lib.find((c) => c.fileName === f)!.dynamicImports))].sort(),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
