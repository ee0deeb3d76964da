import { ClvLoadProgress } from './load-progress.js';

export { ClvLoadProgress };

if (!customElements.get('clv-load-progress')) customElements.define('clv-load-progress', ClvLoadProgress);
