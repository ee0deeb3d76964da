import { ClvFileImport } from './file-import.js';

export { ClvFileImport };

if (!customElements.get('clv-file-import')) customElements.define('clv-file-import', ClvFileImport);
