import { ClvDataProvider } from './data-provider.js';

export { ClvDataProvider };

if (!customElements.get('clv-data-provider')) customElements.define('clv-data-provider', ClvDataProvider);
