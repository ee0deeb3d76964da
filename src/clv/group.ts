/**
 * Grouping of customers by identical (x, t_x, T). The BG/NBD likelihood depends on a customer only
 * through that triple, so Σ over customers = Σ over groups of count·ln L, exactly. CDNOW-like data
 * (integer days, a few hundred distinct first-purchase days) collapses several-fold.
 */

/** x, t_x, T per customer (time in the model's unit, e.g. weeks). */
export interface RfmColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Distinct triples with multiplicities, plus indices into the distinct values of each column, so
 * per-evaluation work (lnΓ, logs) is done once per distinct value. */
export interface GroupedRfm {
  readonly size: number;
  readonly customers: number;
  readonly count: Float64Array;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly uniqueX: Float64Array;
  readonly uniqueTx: Float64Array;
  readonly uniqueT: Float64Array;
  readonly xIdx: Int32Array;
  readonly txIdx: Int32Array;
  readonly TIdx: Int32Array;
}

/** Checks x ∈ ℕ, 0 ≤ t_x ≤ T, all finite; throws a RangeError naming the first bad row. */
export function validateRfm(data: RfmColumns): void {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n) {
    throw new RangeError(`x, tx, T lengths differ: ${n}, ${data.tx.length}, ${data.T.length}`);
  }
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const tx = data.tx[i];
    const T = data.T[i];
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`x must be a non-negative integer (row ${i}): ${x}`);
    if (!(Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && tx <= T)) {
      throw new RangeError(`need 0 ≤ tx ≤ T, finite (row ${i}): tx=${tx}, T=${T}`);
    }
  }
}

function factorize(values: Float64Array): { unique: Float64Array; idx: Int32Array } {
  const map = new Map<number, number>();
  const idx = new Int32Array(values.length);
  const unique: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let k = map.get(values[i]);
    if (k === undefined) {
      k = unique.length;
      map.set(values[i], k);
      unique.push(values[i]);
    }
    idx[i] = k;
  }
  return { unique: Float64Array.from(unique), idx };
}

/** Validates and groups the data. */
export function groupRfm(data: RfmColumns): GroupedRfm {
  validateRfm(data);
  const n = data.x.length;
  const map = new Map<string, number>();
  const count: number[] = [];
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${data.x[i]}|${data.tx[i]}|${data.T[i]}`;
    const g = map.get(key);
    if (g === undefined) {
      map.set(key, count.length);
      count.push(1);
      gx.push(data.x[i]);
      gtx.push(data.tx[i]);
      gT.push(data.T[i]);
    } else count[g]++;
  }
  const x = Float64Array.from(gx);
  const tx = Float64Array.from(gtx);
  const T = Float64Array.from(gT);
  const fx = factorize(x);
  const ftx = factorize(tx);
  const fT = factorize(T);
  return {
    size: count.length,
    customers: n,
    count: Float64Array.from(count),
    x,
    tx,
    T,
    uniqueX: fx.unique,
    uniqueTx: ftx.unique,
    uniqueT: fT.unique,
    xIdx: fx.idx,
    txIdx: ftx.idx,
    TIdx: fT.idx,
  };
}
