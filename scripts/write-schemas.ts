// Writes schemas/*.schema.json from the zod contracts (src/contracts/json-schema.ts).
// `--check` writes nothing and exits 1 when a committed file differs from the generated one.
import { schemaFiles } from '../src/contracts/json-schema.js';
import { writeGeneratedFiles } from './generated-files.js';

writeGeneratedFiles(schemaFiles(), 'npm run schemas');
