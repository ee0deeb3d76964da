export { generateClvData, generateClvDataAsync, type GenerateOptions, type SyntheticData } from './generate.js';
export { SyntheticParamsSchema, GenerateOptionsSchema, type SyntheticParams, type GenerateOptionsInput } from './params.js';
export { createRng, type Rng } from './prng.js';
export * as distributions from './distributions.js';
export { generateMarketingData, type MarketingData, type MarketingInput } from './marketing.js';
