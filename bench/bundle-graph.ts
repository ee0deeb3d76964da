/**
 * Which built files a browser fetches for an entry: the pure part of the bundle-size benchmark.
 * A chunk's `imports` (static) and `dynamicImports` name other chunks of the same build by file
 * name, or modules left external (lit, zod, …), which are not files of the build.
 */

/** The part of a built chunk (vite/rolldown output) that the graph needs. */
export interface ChunkNode {
  fileName: string;
  imports: readonly string[];
  dynamicImports: readonly string[];
}

export interface Closure {
  /** Files of the build, in the order they are reached (the start first). */
  files: string[];
  /** Imports that are not files of the build (external modules), sorted. */
  external: string[];
}

function index(chunks: readonly ChunkNode[]): Map<string, ChunkNode> {
  const byName = new Map<string, ChunkNode>();
  for (const c of chunks) {
    if (byName.has(c.fileName)) throw new Error(`two chunks named ${c.fileName}`);
    byName.set(c.fileName, c);
  }
  return byName;
}

function walk(byName: Map<string, ChunkNode>, starts: readonly string[], skip: ReadonlySet<string>): Closure {
  const files: string[] = [];
  const external = new Set<string>();
  const seen = new Set<string>(skip);
  const queue = [...starts];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const chunk = byName.get(name);
    if (!chunk) {
      external.add(name);
      continue;
    }
    files.push(name);
    queue.push(...chunk.imports);
  }
  return { files, external: [...external].sort() };
}

/** The entry and every chunk it imports statically, transitively: what loads before the entry runs. */
export function staticClosure(chunks: readonly ChunkNode[], entry: string): Closure {
  const byName = index(chunks);
  if (!byName.has(entry)) throw new Error(`the build has no chunk ${entry}`);
  return walk(byName, [entry], new Set());
}

/**
 * What the entry's dynamic imports load on top of the entry itself: the chunks they name and
 * the chunks those import statically, minus what the entry already loaded.
 */
export function lazyClosure(chunks: readonly ChunkNode[], entry: string): Closure {
  const byName = index(chunks);
  const start = byName.get(entry);
  if (!start) throw new Error(`the build has no chunk ${entry}`);
  const eager = walk(byName, [entry], new Set());
  const dynamic = eager.files.flatMap((f) => byName.get(f)!.dynamicImports);
  return walk(byName, dynamic, new Set(eager.files));
}
