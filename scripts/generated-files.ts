// Writes generated files (path relative to the project → content), or with `--check` writes nothing
// and exits 1 when a committed file differs from the generated one (for CI).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function writeGeneratedFiles(files: Record<string, string>, command: string): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, content] of Object.entries(files)) {
    const path = resolve(root, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale++;
    if (check) {
      console.error(`${file} is out of date: run ${command}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${file}`);
    }
  }
  if (!stale) console.log('up to date');
  process.exitCode = check && stale ? 1 : 0;
}
