import type { Table } from '../../contracts/data-model.js';
import { AdapterError } from '../../contracts/errors.js';
import type { ColumnarData, LoadColumn, LoadProgress } from '../../contracts/loader.js';
import type { ScalarValue } from '../../contracts/result.js';
import { quoteIdentifier } from '../../query/sql.js';
import { type StoredValue, toStored } from '../memory/table-store.js';
import { toArrowIpc } from './arrow-build.js';
import { SQL_TYPE, createTableSql } from './ddl.js';
import type { Statements } from './session.js';

/**
 * Bulk loads: values are checked and converted exactly as the in-memory engine does (toStored),
 * shipped to DuckDB as typed Arrow in chunks into a staging table, and only then made visible:
 * replace swaps the staging table in (drop + rename in one transaction), append inserts from it in
 * one statement. A failed or cancelled load leaves the target as it was.
 */

export const LOAD_CHUNK_ROWS = 250_000;
/** Distinct date strings remembered per column: parsing them is the costliest conversion. */
const PARSE_CACHE_LIMIT = 100_000;

/** Staging tables are unique per page: adapters sharing one database may load at the same time. */
let stagingSeq = 0;

type Converter = (raw: ScalarValue | undefined, row: number) => StoredValue;

/** toStored for one column; the field of a bad value is "rows.<i>.<column>", as in memory. */
function converter(column: LoadColumn): Converter {
  const convert: Converter = (raw, row) => {
    try {
      return toStored(raw, column.type, '');
    } catch {
      // Re-run to get the error naming the field (building that name for every value costs too much).
      return toStored(raw, column.type, `rows.${row}.${column.name}`);
    }
  };
  if (column.type !== 'date' && column.type !== 'timestamp') return convert;
  const cache = new Map<string, StoredValue>();
  return (raw, row) => {
    if (typeof raw !== 'string') return convert(raw, row);
    let v = cache.get(raw);
    if (v === undefined) {
      v = convert(raw, row);
      if (cache.size < PARSE_CACHE_LIMIT) cache.set(raw, v);
    }
    return v;
  };
}

/** Checks the column list against the model table and the data; returns the row count. */
export function checkLoad(table: Table, columns: readonly LoadColumn[], data: ColumnarData): number {
  let rows: number | undefined;
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (!table.columns.some((m) => m.name === c.name))
      throw new AdapterError('invalid_request', `columns.${i}: "${c.name}" is not a column of "${table.name}"`, `columns.${i}.name`);
    if (!(c.type in SQL_TYPE)) throw new AdapterError('invalid_request', `columns.${i}: unknown type "${String(c.type)}"`, `columns.${i}.type`);
    if (seen.has(c.name)) throw new AdapterError('invalid_request', `columns.${i}: "${c.name}" is listed twice`, `columns.${i}.name`);
    seen.add(c.name);
    const values = data[c.name];
    if (!values || typeof values.length !== 'number') throw new AdapterError('invalid_request', `data has no values for "${c.name}"`, `data.${c.name}`);
    if (rows !== undefined && values.length !== rows)
      throw new AdapterError('invalid_request', `data.${c.name} has ${values.length} values but the other columns have ${rows}`, `data.${c.name}`);
    rows = values.length;
  });
  if (rows === undefined) throw new AdapterError('invalid_request', 'columns must list at least one column', 'columns');
  return rows;
}

export interface LoadRequest {
  table: Table;
  columns: readonly LoadColumn[];
  data: ColumnarData;
  rows: number;
  mode: 'replace' | 'append';
  onProgress?: (p: LoadProgress) => void;
}

/**
 * Runs a checked load. Replace stages every model column (listed ones typed from the load list,
 * the others empty) and swaps the staged table in; append creates the table if needed and inserts
 * the listed columns by name.
 */
export async function loadTable(s: Statements, r: LoadRequest): Promise<number> {
  const target = quoteIdentifier(r.table.name);
  const staging = `__clv_staging_${++stagingSeq}`;
  const listed = new Map(r.columns.map((c) => [c.name, c]));
  // Replace keeps the model's column order and fills unlisted columns with nulls.
  const staged: LoadColumn[] =
    r.mode === 'replace' ? r.table.columns.map((c) => listed.get(c.name) ?? { name: c.name, type: c.type }) : [...r.columns];
  const convert = new Map(r.columns.map((c) => [c.name, converter(c)]));
  let stagingExists = false;
  try {
    for (let from = 0; from < r.rows; from += LOAD_CHUNK_ROWS) {
      s.check();
      const n = Math.min(LOAD_CHUNK_ROWS, r.rows - from);
      const columns = staged.map((c) => {
        const values: StoredValue[] = new Array(n).fill(null);
        const source = r.data[c.name];
        const fn = convert.get(c.name);
        if (source && fn) for (let i = 0; i < n; i++) values[i] = fn(source[from + i], from + i);
        return { name: c.name, type: c.type, values };
      });
      const ipc = toArrowIpc(columns);
      stagingExists = true; // set first: a failed first insert may still have created the table
      await s.insertArrow(ipc, staging, from === 0);
      r.onProgress?.({ phase: 'load', done: from + n, total: r.rows });
    }
    s.check();
    if (r.mode === 'replace') {
      if (r.rows === 0) await s.exec(createTableSql({ ...r.table, columns: staged.map((c) => ({ ...r.table.columns.find((m) => m.name === c.name)!, type: c.type })) }, false));
      else {
        await s.transaction([`DROP TABLE IF EXISTS ${target}`, `ALTER TABLE ${quoteIdentifier(staging)} RENAME TO ${target}`]);
        stagingExists = false;
      }
    } else {
      await s.exec(createTableSql(r.table, true));
      if (r.rows > 0) {
        const names = staged.map((c) => quoteIdentifier(c.name)).join(', ');
        await s.stream(`INSERT INTO ${target} (${names}) SELECT ${names} FROM ${quoteIdentifier(staging)}`);
      }
    }
    r.onProgress?.({ phase: 'done', done: r.rows, total: r.rows });
    return r.rows;
  } finally {
    if (stagingExists) await s.always(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`);
  }
}
