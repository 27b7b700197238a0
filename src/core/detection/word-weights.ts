/**
 * The model's word weights, by bucket, in little memory. A message's word features land on
 * buckets all over a table of 2^18 weights (two megabytes as doubles), and each look-up there
 * missed the processor's caches; about one bucket in eight has a weight. So a bit per bucket says
 * whether it has one (32 KB), a count per 32 buckets says how many came before, and the weights
 * that exist sit side by side (a quarter of a megabyte). Same values, so the same sums.
 */
export class WordWeights {
  private readonly present: Uint32Array;
  /** For each word of `present`, how many buckets before it have a weight. */
  private readonly before: Uint32Array;
  private readonly values: Float64Array;

  /** `weights` holds a bucket's weight under the key "w<bucket>"; other keys are not words. */
  constructor(buckets: number, weights: ReadonlyMap<string, number>) {
    const table = new Float64Array(buckets);
    const has = new Uint8Array(buckets);
    for (const [key, weight] of weights)
      if (/^w\d+$/.test(key)) {
        table[Number(key.slice(1))] = weight;
        has[Number(key.slice(1))] = 1;
      }
    this.present = new Uint32Array(Math.ceil(buckets / 32));
    this.before = new Uint32Array(this.present.length);
    const values: number[] = [];
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      if (bucket % 32 === 0) this.before[bucket >>> 5] = values.length;
      if (has[bucket] !== 1) continue;
      this.present[bucket >>> 5] = (this.present[bucket >>> 5] ?? 0) | (1 << (bucket & 31));
      values.push(table[bucket] ?? 0);
    }
    this.values = Float64Array.from(values);
  }

  /** The weight of `bucket` (0 when it has none). */
  of(bucket: number): number {
    const word = bucket >>> 5;
    const bits = this.present[word] ?? 0;
    const bit = 1 << (bucket & 31);
    if ((bits & bit) === 0) return 0;
    return this.values[(this.before[word] ?? 0) + bitCount(bits & (bit - 1))] ?? 0;
  }
}

/** The number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}
