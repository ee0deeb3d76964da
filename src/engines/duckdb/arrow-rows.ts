import { type DataType, type Field, TimeUnit, Type } from 'apache-arrow';
import type { ColumnType } from '../../contracts/data-model.js';
import type { ResultColumn, Row, ScalarValue } from '../../contracts/result.js';
import { formatDate, formatTimestamp } from '../../query/dates.js';

/**
 * Arrow results to ResultSet rows in the conventions every engine shares: dates "YYYY-MM-DD",
 * timestamps ISO in UTC, every number a JS number (BIGINT, HUGEINT and DECIMAL included), null
 * for missing. Other types become text: times as "HH:MM:SS", nested values (lists, structs) as JSON.
 */

/** What both an arrow Table and a collected stream provide. */
export interface ArrowResult {
  schema: { fields: Field[] };
  batches: ReadonlyArray<{ numRows: number; getChildAt(i: number): { get(row: number): unknown } | null }>;
}

/** The ColumnType an Arrow type reads as. */
export function columnTypeOf(type: DataType): ColumnType {
  switch (type.typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
      return 'number';
    case Type.Decimal:
      return (type as DataType & { scale: number }).scale === 0 ? 'integer' : 'number';
    case Type.Bool:
      return 'boolean';
    case Type.Date:
      return 'date';
    case Type.Timestamp:
      return 'timestamp';
    case Type.Dictionary:
      return columnTypeOf((type as DataType & { dictionary: DataType }).dictionary);
    default:
      return 'string';
  }
}

const bigintSafe = (_key: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** A time of day as "HH:MM:SS[.ffffff]"; Arrow gives it as a count of the type's unit since midnight. */
function formatTime(value: unknown, unit: TimeUnit): string {
  const perSecond = [1, 1_000, 1_000_000, 1_000_000_000][unit] ?? 1;
  const micros = Math.round((Number(value) / perSecond) * 1_000_000);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros % 1_000_000;
  const hms = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return fraction ? `${hms}.${String(fraction).padStart(6, '0')}` : hms;
}

/** Converts one Arrow value of the given type to its result form. */
export function toScalar(value: unknown, type: DataType): ScalarValue {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
      return Number(value);
    case Type.Decimal:
      // Arrow's decimal holder scales itself when given the scale (HUGEINT arrives as DECIMAL(38,0)).
      return (value as { valueOf(scale: number): number }).valueOf((type as DataType & { scale: number }).scale);
    case Type.Bool:
      return Boolean(value);
    case Type.Date:
      return formatDate(Number(value));
    case Type.Timestamp:
      return formatTimestamp(Number(value));
    case Type.Utf8:
    case Type.LargeUtf8:
      return String(value);
    case Type.Dictionary:
      return toScalar(value, (type as DataType & { dictionary: DataType }).dictionary);
    case Type.Time:
      return formatTime(value, (type as DataType & { unit: TimeUnit }).unit);
    default:
      if (typeof value === 'object') return JSON.stringify(value, bigintSafe);
      return String(value);
  }
}

/** Result columns described from the Arrow schema (raw SQL, where no model says what they are). */
export function columnsFromArrow(result: ArrowResult): ResultColumn[] {
  return result.schema.fields.map((f) => {
    const type = columnTypeOf(f.type);
    const role = type === 'integer' || type === 'number' ? 'measure' : type === 'date' || type === 'timestamp' ? 'time' : 'dimension';
    return { name: f.name, label: f.name, type, role };
  });
}

/** Every row as an object keyed by field name. */
export function arrowRows(result: ArrowResult): Row[] {
  const fields = result.schema.fields;
  const rows: Row[] = [];
  for (const batch of result.batches) {
    const vectors = fields.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; r++) {
      const row: Row = {};
      fields.forEach((f, i) => (row[f.name] = toScalar(vectors[i]?.get(r), f.type)));
      rows.push(row);
    }
  }
  return rows;
}

/** The first column of the first row as a number (COUNT(*) results). */
export function firstNumber(result: ArrowResult): number {
  const value = arrowRows(result)[0];
  const n = value ? Object.values(value)[0] : null;
  return typeof n === 'number' ? n : 0;
}
