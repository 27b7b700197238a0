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

  /**
   * `wordBuckets` lists the buckets that have a weight, ascending, and `weights` their weights in
   * the same order (the layout of model-weights.json).
   */
  constructor(buckets: number, wordBuckets: readonly number[], weights: readonly number[]) {
    if (wordBuckets.length !== weights.length) throw new Error('Word weights: one weight per bucket expected');
    this.present = new Uint32Array(Math.ceil(buckets / 32));
    this.before = new Uint32Array(this.present.length);
    this.values = Float64Array.from(weights);
    let next = 0;
    for (let word = 0; word < this.present.length; word += 1) {
      this.before[word] = next;
      for (; next < wordBuckets.length && (wordBuckets[next] ?? 0) >>> 5 === word; next += 1) {
        const bucket = wordBuckets[next] ?? 0;
        if (next > 0 && bucket <= (wordBuckets[next - 1] ?? 0)) throw new Error('Word weights: buckets must ascend');
        this.present[word] = (this.present[word] ?? 0) | (1 << (bucket & 31));
      }
    }
    if (next !== wordBuckets.length) throw new Error(`Word weights: bucket ${wordBuckets[next]} is out of order or outside the table`);
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
