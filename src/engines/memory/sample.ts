import type { ResultSet, ScalarValue } from '../../contracts/result.js';
import { AdapterError } from '../../contracts/errors.js';
import { formatDate, formatTimestamp } from '../../query/dates.js';
import type { TableStore } from './table-store.js';

export const DEFAULT_SAMPLE_LIMIT = 100;
export const MAX_SAMPLE_LIMIT = 10_000;

/** The first rows of a table in insertion order, every column in the model's output form. */
export function sampleRows(store: TableStore, tableName: string, limit = DEFAULT_SAMPLE_LIMIT, offset = 0): ResultSet {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SAMPLE_LIMIT)
    throw new AdapterError('invalid_request', `limit must be an integer from 0 to ${MAX_SAMPLE_LIMIT}`, 'limit');
  if (!Number.isInteger(offset) || offset < 0) throw new AdapterError('invalid_request', 'offset must be a non-negative integer', 'offset');
  const table = store.table(tableName);
  const all = store.all(tableName);
  const rows = all.slice(offset, offset + limit).map((r) => {
    const out: Record<string, ScalarValue> = {};
    for (const c of table.columns) {
      const v = r[c.name] ?? null;
      out[c.name] = v === null ? null : c.type === 'date' ? formatDate(v as number) : c.type === 'timestamp' ? formatTimestamp(v as number) : v;
    }
    return out;
  });
  return {
    columns: table.columns.map((c) => ({ name: c.name, label: c.label, type: c.type, role: c.role, ...(c.format ? { format: c.format } : {}) })),
    rows,
    total: all.length,
    provenance: { kind: 'memory', plan: `sample ${tableName} offset ${offset} limit ${limit}` },
  };
}
