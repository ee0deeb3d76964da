/**
 * The orderings and encodings the in-memory runner shares with DuckDB, so both produce the same
 * bytes: strings compare by code point (DuckDB compares UTF-8 bytes, which is the same order; JS's
 * `<` compares UTF-16 units, which is not for characters above U+FFFF), numbers numerically.
 */

/** Maps a UTF-16 unit so that unit order becomes code point order (surrogates move above U+FFFF). */
const fixup = (unit: number): number => (unit >= 0xd800 ? (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000) : unit);

export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

/** Identities are all strings or all numbers (one column); ascending, as ORDER BY identity ASC. */
export function compareIdentity(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareCodePoints(String(a), String(b));
}

/**
 * SQL NTILE(buckets) for the row at `index` (0-based) of `count` ordered rows: each bucket gets
 * floor(count / buckets) rows and the first (count mod buckets) one more; with fewer rows than
 * buckets row i is bucket i + 1.
 */
export function ntile(index: number, count: number, buckets: number): number {
  const groups = Math.min(buckets, count);
  const size = Math.floor(count / groups);
  const large = count - groups * size;
  const inLarge = large * (size + 1);
  return index < inLarge ? 1 + Math.floor(index / (size + 1)) : 1 + large + Math.floor((index - inLarge) / size);
}

/**
 * The map column's text: {"<category>":<decile>,...} with keys in code point order, no spaces,
 * each key escaped exactly as JSON.stringify does (the SQL builds the same text by hand, as the
 * DuckDB-WASM build has no working JSON functions).
 */
export function decileMapJson(entries: ReadonlyArray<readonly [string, number]>): string {
  if (entries.length === 1) return `{${JSON.stringify(entries[0]![0])}:${entries[0]![1]}}`; // the common case: one category per identity
  const sorted = [...entries].sort((x, y) => compareCodePoints(x[0], y[0]));
  return `{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

/** Rounds half away from zero, as DuckDB's ROUND on DOUBLE (Math.round rounds -2.5 to -2). */
export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r; // no -0
}
