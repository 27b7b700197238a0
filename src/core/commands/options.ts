/**
 * A command's `key:value` options, separated from its free text: known keys (and their aliases)
 * become fields, a near-miss of a known key is refused with a suggestion, and every refusal ends
 * with the command's usage.
 */
import { DomainError } from '../errors.js';
import type { Fields } from '../domain/input-fields.js';
import type { Token } from './tokenize.js';
import { USAGE } from './usage.js';

export function usageError(message: string, family: keyof typeof USAGE): DomainError {
  return new DomainError('input.invalid', `${message}\n\n${USAGE[family]}`);
}

/** Nearest known key within two edits, to turn `catgory:` into "did you mean category:?". */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const saved = row[j] ?? 0;
        row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = saved;
      }
    }
    return row[b.length] ?? Number.POSITIVE_INFINITY;
  };
  return known.find((candidate) => distance(key, candidate) <= (key.length > 4 ? 2 : 1));
}

interface Split<K extends string> {
  text: string;
  fields: Fields<K>;
}

/**
 * Separates free text from known options. An unknown `word:value` that is close to a known key is
 * a typo and refused; anything else (`Price: below 10`) is part of the text.
 */
export function splitOptions<K extends string>(tokens: Token[], keys: Record<string, K>, family: keyof typeof USAGE): Split<K> {
  const words: string[] = [];
  const fields: Fields<K> = {};
  for (const token of tokens) {
    if (token.kind === 'word') {
      words.push(token.text);
      continue;
    }
    const field = keys[token.key];
    if (field === undefined) {
      const suggestion = closestKey(token.key, Object.keys(keys));
      if (suggestion) {
        throw usageError(`I don't know the option "${token.key}:". Did you mean "${suggestion}:"?`, family);
      }
      words.push(token.raw);
      continue;
    }
    if (token.value === '') {
      throw usageError(`The option "${token.key}:" needs a value, e.g. ${token.key}:something.`, family);
    }
    if (fields[field] !== undefined) {
      throw usageError(`The option "${token.key}:" is given twice. Give it once.`, family);
    }
    fields[field] = token.value;
  }
  return { text: words.join(' '), fields };
}
