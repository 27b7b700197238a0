/**
 * The bot's processes limit how far the heap grows past what is alive (issue 17: resident memory
 * after a load), unless the operator started Node with a growth of their own.
 */
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/app/heap-growth.js';

function flagsSet(execArgv: string[]): string[] {
  const set: string[] = [];
  limitHeapGrowth(execArgv, (flag) => set.push(flag));
  return set;
}

describe('heap growth', () => {
  it('is limited by default', () => {
    expect(flagsSet([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(flagsSet(['--enable-source-maps'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("leaves the operator's own setting alone, in either spelling", () => {
    expect(flagsSet(['--heap-growing-percent=100'])).toEqual([]);
    expect(flagsSet(['--heap_growing_percent=20'])).toEqual([]);
  });
});
