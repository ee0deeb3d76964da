// Node-side check of the test toolchain: TS runs through tsx under node:test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  type?: string;
  exports: Record<string, unknown>;
};

test('package.json exports the library entry points', () => {
  assert.equal(pkg.type, 'module');
  for (const entry of ['./core', './duckdb', './http', './conformance', './components']) {
    assert.ok(entry in pkg.exports, `missing export ${entry}`);
  }
});

test('runs without DOM globals', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement, 'undefined');
});
