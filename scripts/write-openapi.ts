// Writes openapi/clv-kit.openapi.{json,yaml} from the zod contracts and the REST binding (src/engines/http/openapi/).
// `--check` writes nothing and exits 1 when a committed file differs from the generated one (for CI).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiFiles } from '../src/engines/http/openapi/document.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of Object.entries(openApiFiles())) {
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
    console.error(`${file} is out of date: run npm run openapi`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (!stale) console.log('up to date');
process.exitCode = check && stale ? 1 : 0;
