import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

/**
 * Where the shared reference data lives: CLV_DATA_DIR, else ../shared/data beside the repository
 * (the layout of the work tree and of CI). A missing file fails the test with the path it expected.
 */
export const DATA_DIR = process.env.CLV_DATA_DIR ? resolve(process.env.CLV_DATA_DIR) : resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));

export function dataFile(relative: string): string {
  const path = join(DATA_DIR, relative);
  assert.ok(existsSync(path), `missing test data: expected ${path} (set CLV_DATA_DIR to the folder holding cdnow/ and online-retail/)`);
  return path;
}
