import { ClvQueryChart } from './query-chart.js';

export { ClvQueryChart };

if (!customElements.get('clv-query-chart')) customElements.define('clv-query-chart', ClvQueryChart);
