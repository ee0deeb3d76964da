import type { ColumnType, DataModel, Table } from '../../contracts/data-model.js';
import type { ColumnarData } from '../../contracts/loader.js';
import type { ScalarValue } from '../../contracts/result.js';
import { AdapterError } from '../../contracts/errors.js';
import { parseInstant } from '../../query/dates.js';

/** A stored value: temporal columns hold epoch ms so comparisons and truncation are arithmetic. */
export type StoredValue = string | number | boolean | null;
export type StoredRow = Record<string, StoredValue>;

/** Converts an incoming value to the stored form of its column type, or throws naming the column. */
export function toStored(value: unknown, type: ColumnType, where: string): StoredValue {
  if (value === null || value === undefined || value === '') return type === 'string' && value === '' ? '' : null;
  switch (type) {
    case 'string':
      return String(value);
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : Number(String(value).trim());
      if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))
        throw new AdapterError('invalid_request', `${where}: "${String(value)}" is not ${type === 'integer' ? 'an integer' : 'a number'}`, where);
      return n;
    }
    case 'boolean':
      if (value === true || value === 'true' || value === 1) return true;
      if (value === false || value === 'false' || value === 0) return false;
      throw new AdapterError('invalid_request', `${where}: "${String(value)}" is not a boolean`, where);
    case 'date':
    case 'timestamp': {
      const ms = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : parseInstant(String(value));
      if (!Number.isFinite(ms)) throw new AdapterError('invalid_request', `${where}: "${String(value)}" is not a date`, where);
      return type === 'date' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms;
    }
  }
}

/** Rows of every table of a model, held in memory. */
export class TableStore {
  private readonly rows = new Map<string, StoredRow[]>();
  private readonly indexes = new Map<string, Map<StoredValue, StoredRow>>();

  constructor(readonly model: DataModel) {
    for (const t of model.tables) this.rows.set(t.name, []);
  }

  table(name: string): Table {
    const t = this.model.tables.find((x) => x.name === name);
    if (!t) throw new AdapterError('not_found', `There is no table "${name}" in the model "${this.model.name}".`, 'table');
    return t;
  }

  all(name: string): StoredRow[] {
    this.table(name);
    return this.rows.get(name)!;
  }

  /** Appends row objects (keys are column names); every row is checked before any is stored. */
  appendRows(name: string, input: ReadonlyArray<Record<string, unknown>>, replace = false): number {
    const table = this.table(name);
    const names = new Set(table.columns.map((c) => c.name));
    const converted = input.map((row, i) => {
      for (const k of Object.keys(row)) {
        if (!names.has(k)) throw new AdapterError('invalid_request', `rows.${i}: "${k}" is not a column of "${name}"`, `rows.${i}.${k}`);
      }
      const out: StoredRow = {};
      for (const c of table.columns) out[c.name] = toStored(row[c.name], c.type, `rows.${i}.${c.name}`);
      return out;
    });
    if (replace) this.rows.set(name, converted);
    else for (const row of converted) this.rows.get(name)!.push(row); // not a spread: appends can exceed the argument limit
    for (const key of [...this.indexes.keys()]) if (key.startsWith(`${name}.`)) this.indexes.delete(key);
    return converted.length;
  }

  appendColumns(name: string, data: ColumnarData, replace = false): number {
    const keys = Object.keys(data);
    const n = keys.length ? data[keys[0]!]!.length : 0;
    const rows: Record<string, ScalarValue>[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row: Record<string, ScalarValue> = {};
      for (const k of keys) row[k] = data[k]![i] ?? null;
      rows[i] = row;
    }
    return this.appendRows(name, rows, replace);
  }

  /** A lookup index on a column (the target of a relation); the first row wins on duplicates. */
  index(table: string, column: string): Map<StoredValue, StoredRow> {
    const key = `${table}.${column}`;
    let idx = this.indexes.get(key);
    if (!idx) {
      idx = new Map();
      for (const row of this.all(table)) {
        const v = row[column];
        if (v !== null && v !== undefined && !idx.has(v)) idx.set(v, row);
      }
      this.indexes.set(key, idx);
    }
    return idx;
  }
}
