import type { LoadOptions, TableLoader } from '../contracts/loader.js';
import { conformanceColumns, conformanceData, conformanceTables } from './fixture.js';

/**
 * Loads (replaces) every fixture table through the engine's bulk-load interface, dimensions first.
 * Returns the row count of each table as the loader reports it.
 */
export async function loadConformanceData(
  loader: TableLoader,
  options: Pick<LoadOptions, 'signal' | 'onProgress'> = {},
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of conformanceTables) {
    const { rows } = await loader.loadColumns(table, conformanceColumns[table]!, conformanceData[table]!, { ...options, mode: 'replace' });
    counts[table] = rows;
  }
  return counts;
}
