/**
 * Issue 15.2: the tokenizer rescanned the rest of the text for every `key:"`, so one 28 KB Teams
 * message took seconds and stalled every workspace. The scanner now counts how often it looks at a
 * character; the count must stay within a fixed multiple of the text's length for the inputs that
 * used to be quadratic, at every size. Counting, not timing: the result does not depend on the
 * machine.
 */
import { describe, expect, it } from 'vitest';
import { type ScanStats, tokenize } from '../../src/core/commands/tokenize.js';

/** Looks per character, whatever the input: a constant, so the work is linear. */
const MAX_LOOKS_PER_CHARACTER = 4;

function steps(input: string): number {
  const stats: ScanStats = { steps: 0 };
  try {
    tokenize(input, stats);
  } catch {
    // An unclosed quote is refused; the work done up to the refusal counts all the same.
  }
  return stats.steps;
}

const HOSTILE: Record<string, (size: number) => string> = {
  'options with quoted values and no spaces': (size) => 'a:"b"'.repeat(size / 5),
  'opening angle brackets without a closing one': (size) => '<'.repeat(size),
  'options whose values open mentions': (size) => 'k:<'.repeat(size / 3),
  'quoted runs that close in the next token': (size) => 'key:"x '.repeat(size / 7),
  'single quotes that never find a closing one': (size) => "'a ".repeat(size / 3),
  'long keys that are not keys': (size) => `${'k'.repeat(30)}:`.repeat(size / 31),
  'a statement of ordinary words': (size) => 'Deliveries to Norway within 5 days '.repeat(size / 35),
};

describe('the command scanner does linear work', () => {
  for (const [name, build] of Object.entries(HOSTILE)) {
    it(name, () => {
      for (const size of [1_000, 4_000, 16_000, 64_000]) {
        const input = build(size);
        const looked = steps(input);
        // Every character is looked at least once (so the count is real), and at most a few times.
        expect(looked, `${input.length} characters`).toBeGreaterThanOrEqual(input.length);
        expect(looked, `${input.length} characters`).toBeLessThanOrEqual(MAX_LOOKS_PER_CHARACTER * input.length + 10);
      }
    });
  }
});
