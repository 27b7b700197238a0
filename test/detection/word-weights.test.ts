/**
 * The model's compact word-weight table (src/core/detection/word-weights.ts) gives every bucket
 * exactly the weight the plain table gave: the same value, 0 where there is none.
 */
import { describe, expect, it } from 'vitest';
import { WordWeights } from '../../src/core/detection/word-weights.js';

describe('the word-weight table', () => {
  it('gives each bucket its weight, and 0 to a bucket without one', () => {
    const buckets = 1 << 12;
    const withWeight: number[] = [];
    const weights: number[] = [];
    const plain = new Float64Array(buckets);
    // Every pattern of presence within a word of 32 buckets: none, all, first, last, scattered.
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      const word = bucket >>> 5;
      const present =
        word % 5 === 1 ||
        (word % 5 === 2 && bucket % 32 === 0) ||
        (word % 5 === 3 && bucket % 32 === 31) ||
        (word % 5 === 4 && bucket % 7 === 3);
      if (!present) continue;
      const weight = Math.sin(bucket) * 2;
      withWeight.push(bucket);
      weights.push(weight);
      plain[bucket] = weight;
    }
    const table = new WordWeights(buckets, withWeight, weights);
    for (let bucket = 0; bucket < buckets; bucket += 1) expect(table.of(bucket)).toBe(plain[bucket]);
  });

  it('refuses buckets out of order or outside the table, which would give wrong weights silently', () => {
    expect(() => new WordWeights(64, [3, 2], [1, 1])).toThrow(/ascend/);
    expect(() => new WordWeights(64, [3, 64], [1, 1])).toThrow(/outside/);
    expect(() => new WordWeights(64, [3], [1, 1])).toThrow(/one weight per bucket/);
  });
});
