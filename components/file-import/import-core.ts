/**
 * The import core (CSV/TSV/gzip/parquet readers, detection, mapping) is loaded when the first file
 * is chosen, so pages that show the picker do not download the parsers up front.
 */
export type ImportCore = typeof import('../../src/import/index.js');

let loading: Promise<ImportCore> | undefined;

export function loadImportCore(): Promise<ImportCore> {
  loading ??= import('../../src/import/index.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
