/**
 * Loads vega-embed (and with it vega and vega-lite) on first use only, so pages that show big
 * numbers and tables, or no chart at all, never download the charting engine.
 */
export type VegaEmbedModule = typeof import('vega-embed');

let loading: Promise<VegaEmbedModule> | undefined;

export function loadVegaEmbed(): Promise<VegaEmbedModule> {
  loading ??= import('vega-embed').catch((error: unknown) => {
    // A failed download (offline, deploy in progress) may succeed on the next attempt.
    loading = undefined;
    throw error;
  });
  return loading;
}
