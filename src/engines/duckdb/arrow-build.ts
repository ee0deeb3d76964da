import { Bool, DateDay, Float64, Int64, Table, TimestampMicrosecond, Utf8, type Vector, makeData, makeVector, tableToIPC } from 'apache-arrow';
import type { ColumnType } from '../../contracts/data-model.js';
import type { StoredValue } from '../memory/table-store.js';

/**
 * Builds Arrow IPC from stored values (epoch ms for dates and timestamps) for bulk loads, already
 * in the DuckDB types of the columns (BIGINT, DOUBLE, VARCHAR, BOOLEAN, DATE, TIMESTAMP), so the
 * staged table needs no conversion pass. Buffers are filled directly: Arrow's builders take
 * seconds per million strings.
 */

const DAY_MS = 86_400_000;
const TWO_32 = 2 ** 32;

/** Bytes for n bits, padded to 8 bytes as Arrow buffers are. */
const bitBytes = (n: number) => ((n + 63) >> 6) << 3;

function validity(values: readonly StoredValue[]): { nullBitmap?: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(bitBytes(values.length));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return nullCount ? { nullBitmap: bitmap, nullCount } : { nullCount };
}

/**
 * 64-bit integers written as two 32-bit halves (little-endian, as Arrow and every wasm host are):
 * exact for |x| < 2^53 and far faster than a BigInt per value.
 */
function int64Data(values: readonly StoredValue[], scale: number): BigInt64Array {
  const out = new BigInt64Array(values.length);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number | null;
    if (v === null) continue;
    const x = Math.round(v * scale);
    const high = Math.floor(x / TWO_32);
    words[2 * i] = x - high * TWO_32;
    words[2 * i + 1] = high; // stored modulo 2^32: two's complement for negatives
  }
  return out;
}

function float64Vector(values: readonly StoredValue[]): Vector {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = (values[i] as number | null) ?? 0;
  return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values) }));
}

function dateVector(values: readonly StoredValue[]): Vector {
  const data = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Math.floor(((values[i] as number | null) ?? 0) / DAY_MS);
  return makeVector(makeData({ type: new DateDay(), length: values.length, data, ...validity(values) }));
}

function boolVector(values: readonly StoredValue[]): Vector {
  const data = new Uint8Array(bitBytes(values.length));
  for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: values.length, data, ...validity(values) }));
}

const encoder = new TextEncoder();

function utf8Vector(values: readonly StoredValue[]): Vector {
  const valueOffsets = new Int32Array(values.length + 1);
  let size = 16;
  for (const v of values) if (v !== null) size += (v as string).length;
  let bytes = new Uint8Array(size); // right for ASCII; grows for wider text
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i] as string | null;
    if (s !== null) {
      // A UTF-16 unit takes at most 3 UTF-8 bytes, so with this much room encodeInto writes all of s.
      if (bytes.length - at < s.length * 3) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      at += encoder.encodeInto(s, bytes.subarray(at)).written;
    }
    valueOffsets[i + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data: bytes.subarray(0, at), ...validity(values) }));
}

function vectorOf(type: ColumnType, values: readonly StoredValue[]): Vector {
  switch (type) {
    case 'string':
      return utf8Vector(values);
    case 'number':
      return float64Vector(values);
    case 'integer':
      return makeVector(makeData({ type: new Int64(), length: values.length, data: int64Data(values, 1), ...validity(values) }));
    case 'boolean':
      return boolVector(values);
    case 'date':
      return dateVector(values);
    case 'timestamp':
      return makeVector(makeData({ type: new TimestampMicrosecond(), length: values.length, data: int64Data(values, 1000), ...validity(values) }));
  }
}

export interface ArrowColumn {
  name: string;
  type: ColumnType;
  values: readonly StoredValue[];
}

/** One Arrow IPC stream (schema + one record batch) holding the columns. */
export function toArrowIpc(columns: readonly ArrowColumn[]): Uint8Array {
  return tableToIPC(new Table(Object.fromEntries(columns.map((c) => [c.name, vectorOf(c.type, c.values)]))), 'stream');
}
