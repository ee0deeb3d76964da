/**
 * A small seedable PRNG (sfc32, seeded through splitmix32). Chosen over Math.random so a seed
 * reproduces a dataset exactly on every engine, and over mulberry32 for its 128-bit state
 * (period ≥ 2^32 draws per stream is too short for millions of customers × dozens of draws).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 with its state in an Int32Array: state kept in closure variables would hold full 32-bit
 * values, which V8 boxes on every update (Smis are 31-bit), and that garbage dominated run time.
 */
class Sfc32 implements Rng {
  private readonly s = new Int32Array(4);
  constructor(seed: number) {
    const init = splitmix32(seed);
    for (let i = 0; i < 4; i++) this.s[i] = init();
    // Discard the first outputs: sfc32 mixes its state in the first few rounds.
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A generator for any finite numeric seed (non-integers and negatives are folded into 32 bits). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  return new Sfc32((Math.trunc(seed) ^ Math.trunc(seed / 2 ** 32)) >>> 0);
}
