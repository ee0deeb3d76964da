// `npm run build` end to end, into a temporary directory: every package.json export exists, the
// core loads in plain Node without DOM globals, and DuckDB's wasm is never inlined into a bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the library build produces every export, a Node-loadable core and no inlined wasm', { timeout: 600_000 }, () => {
  // Inside the project (.tmp is ignored by git) so the built files resolve their dependencies.
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const out = fs.mkdtempSync(path.join(root, '.tmp', 'build-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir'], {
      cwd: root,
      stdio: 'pipe',
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> };
    for (const [name, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        const resolved = file.startsWith('./dist/') ? path.join(out, file.slice('./dist/'.length)) : path.join(root, file);
        assert.ok(fs.existsSync(resolved), `export ${name}: ${file} was not built`);
      }
    }
    const check = execFileSync(process.execPath, [path.join(root, 'scripts/check-core-node.mjs'), out], { cwd: root, encoding: 'utf8' });
    assert.match(check, /loads in plain Node/);
    const js = fs.readdirSync(out).filter((f) => f.endsWith('.js'));
    for (const f of js) {
      const size = fs.statSync(path.join(out, f)).size;
      assert.ok(size < 1_000_000, `${f} is ${size} bytes: a wasm or worker file was inlined`);
    }
    assert.ok(!js.some((f) => f.endsWith('.wasm')), 'no wasm in the library build');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
