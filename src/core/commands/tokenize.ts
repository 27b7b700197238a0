/**
 * Splits command text into words and `key:value` options, the same way on every platform.
 * Tolerant on purpose: straight and curly quotes (double and single), `key:value` or `key=value`,
 * options in any order and any case. Mentions arrive from the adapters as `<@ID>` or `<@ID|name>`
 * and stay whole.
 *
 * Strict where guessing would corrupt a record: a quote that opens a value and is never closed is
 * an error that shows where it is, rather than swallowing the rest of the line into one field.
 *
 * One pass, left to right: every character is looked at a bounded number of times, so the work
 * grows linearly with the text (a chat message cannot stall the bot). `ScanStats` counts the
 * looks, so a test can prove it without timing anything.
 */
import { DomainError } from '../errors.js';

export interface WordToken {
  readonly kind: 'word';
  readonly text: string;
  /** True when the word was quoted, so `"type:stated"` stays text rather than an option. */
  readonly quoted: boolean;
}

export interface OptionToken {
  readonly kind: 'option';
  /** Lower-cased key. */
  readonly key: string;
  readonly value: string;
  /** The option as typed, so a grammar can put an unknown `word:value` back into the text. */
  readonly raw: string;
}

export type Token = WordToken | OptionToken;

/** The first token as a lower-cased subcommand, or undefined when it is an option or quoted text. */
export function firstWord(tokens: readonly Token[]): string | undefined {
  const first = tokens[0];
  return first?.kind === 'word' && !first.quoted ? first.text.toLowerCase() : undefined;
}

/** A token as free text: a word's text, or an option as it was typed. */
export const tokenText = (token: Token): string => (token.kind === 'word' ? token.text : token.raw);

/** How many times the scanner looked at a character; for tests that prove linear work. */
export interface ScanStats {
  steps: number;
}

// Curly quotes are often mismatched by autocorrect; any double quote closes a double-quoted run.
const DOUBLE_OPEN = new Set(['"', '\u201c', '\u201e', '\u00ab']);
const DOUBLE_CLOSE = new Set(['"', '\u201c', '\u201d', '\u00bb']);
// Single quotes double as apostrophes, so they only open at the start of a word or value, and a
// single quote only closes where the quoted run ends: before a space, punctuation or the end.
// `'Acme's shop'` is one value; `customer's` is a word, its apostrophe never a quote.
const SINGLE_OPEN = new Set(["'", '\u2018', '\u201a']);
const SINGLE_CLOSE = new Set(["'", '\u2019', '\u2018']);
const AFTER_SINGLE_CLOSE = /[\s,.;:!?)\]}]/;

const isSpace = (char: string): boolean => char === ' ' || char === '\t' || char === '\n' || /\s/.test(char);
const isKeyStart = (char: string): boolean => /[A-Za-z]/.test(char);
const isKeyChar = (char: string): boolean => /[A-Za-z_-]/.test(char);
/** Keys are short words (`customer`, `category`); 21 characters is more than any alias. */
const MAX_KEY_LENGTH = 21;
/** How much of the text an "unclosed quote" message quotes back. */
const FRAGMENT_LENGTH = 40;

function unclosedQuote(input: string, tokenStart: number, quote: string): DomainError {
  const line = input.slice(tokenStart).split('\n', 1)[0] ?? '';
  // Backticks would end the code span the fragment is shown in.
  const fragment = line.slice(0, FRAGMENT_LENGTH).replaceAll('`', "'") + (line.length > FRAGMENT_LENGTH ? '…' : '');
  const single = SINGLE_OPEN.has(quote);
  return new DomainError(
    'input.invalid',
    `The quote ${quote} at the start of \`${fragment}\` is never closed, so I did not do anything. ` +
      `Close it where the value ends, e.g. customer:${single ? "'Acme AS'" : '"Acme AS"'}, or leave the quote out.` +
      (single ? " An apostrophe inside a word (customer's) is fine; at the start of a word it opens a quote." : ''),
  );
}

/** Tokens in the order they were typed. Throws a DomainError for a quote that is never closed. */
export function tokenize(input: string, stats: ScanStats = { steps: 0 }): Token[] {
  const n = input.length;
  const at = (index: number): string => {
    stats.steps += 1;
    return input[index] ?? '';
  };

  // The next `>` at or after the last search start (n when there is none). Searches start ever
  // further right, so one remembered answer serves every `<` before it: the text is searched once.
  let angleClose = -1;
  const nextAngleClose = (from: number): number => {
    if (angleClose >= from) return angleClose;
    let index = from;
    while (index < n && at(index) !== '>') index++;
    angleClose = index;
    return index;
  };

  /** A bare word from `start` to the next space, keeping `<@U1|two words>` mentions and links whole. */
  const readBare = (start: number): { text: string; end: number } => {
    let index = start;
    while (index < n) {
      const char = at(index);
      if (isSpace(char)) break;
      if (char === '<') {
        const close = nextAngleClose(index + 1);
        if (close < n) {
          index = close + 1;
          continue;
        }
      }
      index++;
    }
    return { text: input.slice(start, index), end: index };
  };

  /** A quoted run whose opening quote is at `open`; the text between the quotes, and the index after. */
  const readQuoted = (open: number, tokenStart: number): { text: string; end: number } => {
    const quote = input[open] ?? '';
    const single = SINGLE_OPEN.has(quote);
    for (let index = open + 1; index < n; index++) {
      const char = at(index);
      const closes = single
        ? SINGLE_CLOSE.has(char) && (index + 1 === n || AFTER_SINGLE_CLOSE.test(at(index + 1)))
        : DOUBLE_CLOSE.has(char);
      if (closes) return { text: input.slice(open + 1, index), end: index + 1 };
    }
    throw unclosedQuote(input, tokenStart, quote);
  };
  const opensQuote = (char: string): boolean => DOUBLE_OPEN.has(char) || SINGLE_OPEN.has(char);

  /** The length of a `key:` / `key=` at `start` (key and separator), or 0 when there is none. */
  const optionKeyLength = (start: number): number => {
    if (!isKeyStart(at(start))) return 0;
    let index = start + 1;
    while (index < n && index - start < MAX_KEY_LENGTH && isKeyChar(at(index))) index++;
    const separator = at(index);
    if (separator !== ':' && separator !== '=') return 0;
    // `https://…` is a link, not an option.
    if (at(index + 1) === '/' && at(index + 2) === '/') return 0;
    return index + 1 - start;
  };

  const tokens: Token[] = [];
  let i = 0;
  while (i < n) {
    const char = at(i);
    if (isSpace(char)) {
      i++;
      continue;
    }
    const tokenStart = i;
    if (opensQuote(char)) {
      const quoted = readQuoted(i, tokenStart);
      tokens.push({ kind: 'word', text: quoted.text, quoted: true });
      i = quoted.end;
      continue;
    }
    const keyLength = optionKeyLength(i);
    if (keyLength === 0) {
      const bare = readBare(i);
      tokens.push({ kind: 'word', text: bare.text, quoted: false });
      i = bare.end;
      continue;
    }
    const key = input.slice(i, i + keyLength - 1).toLowerCase();
    // The value starts right after the separator: `key:"two words"`, `key:word`, or, when people
    // type a space after the colon, `key: word` / `key: "two words"` (never across a line break).
    let v = i + keyLength;
    if (v < n && isSpace(at(v))) {
      while (v < n && (input[v] === ' ' || input[v] === '\t')) {
        stats.steps += 1;
        v++;
      }
    }
    if (v >= n || isSpace(at(v))) {
      tokens.push({ kind: 'option', key, value: '', raw: input.slice(tokenStart, v) });
      i = v;
      continue;
    }
    const value = opensQuote(input[v] ?? '') ? readQuoted(v, tokenStart) : readBare(v);
    tokens.push({ kind: 'option', key, value: value.text.trim(), raw: input.slice(tokenStart, value.end) });
    i = value.end;
  }
  return tokens;
}
