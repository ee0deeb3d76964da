// Writes openapi/clv-kit.openapi.{json,yaml} from the zod contracts and the REST binding (src/engines/http/openapi/).
// `--check` writes nothing and exits 1 when a committed file differs from the generated one.
import { openApiFiles } from '../src/engines/http/openapi/document.js';
import { writeGeneratedFiles } from './generated-files.js';

writeGeneratedFiles(openApiFiles(), 'npm run openapi');
