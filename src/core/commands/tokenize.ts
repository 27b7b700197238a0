/**
 * Splits command text into words and `key:value` options, the same way on every platform.
 * Tolerant on purpose: straight and curly double quotes, `key:value` or `key=value`, options in any
 * order and any case. Mentions arrive from the adapters as `<@ID>` or `<@ID|name>` and stay whole.
 */
export interface WordToken {
  readonly kind: 'word';
  readonly text: string;
  /** True when the word was quoted, so `"type:stated"` stays text rather than an option. */
  readonly quoted: boolean;
  /** The quote was opened and never closed: the word runs to the end of the line. */
  readonly unclosed?: true;
}

export interface OptionToken {
  readonly kind: 'option';
  /** Lower-cased key. */
  readonly key: string;
  readonly value: string;
  /** The option as typed, so a grammar can put an unknown `word:value` back into the text. */
  readonly raw: string;
  /** The value's quote was opened and never closed: the value runs to the end of the line. */
  readonly unclosed?: true;
}

export type Token = WordToken | OptionToken;

const OPEN_QUOTES = new Set(['"', '\u201c', '\u201e', '\u00ab']);
const CLOSE_QUOTE: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u201e': '\u201c', '\u00ab': '\u00bb' };
// Curly quotes are often mismatched by autocorrect; accept any double quote as the closer.
const ANY_CLOSE = new Set(['"', '\u201c', '\u201d', '\u00bb']);

/** Reads one quoted run starting after its opening quote; returns the text and the index after it. */
function readQuoted(input: string, start: number, opener: string): { text: string; end: number; unclosed?: true } {
  const closer = CLOSE_QUOTE[opener] ?? '"';
  let i = start;
  while (i < input.length && input[i] !== closer && !ANY_CLOSE.has(input[i] ?? '')) i++;
  return { text: input.slice(start, i), end: Math.min(i + 1, input.length), ...(i >= input.length ? { unclosed: true as const } : {}) };
}

/** Reads a bare word, keeping `<@U1|two words>` mentions and links intact. */
function readBare(input: string, start: number): { text: string; end: number } {
  let i = start;
  while (i < input.length && !/\s/.test(input[i] ?? '')) {
    if (input[i] === '<') {
      const close = input.indexOf('>', i);
      if (close !== -1) {
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return { text: input.slice(start, i), end: i };
}

/**
 * The value of `key:` starts right after the separator: `key:"two words"`, `key:word`, or, when
 * people type a space after the colon, `key: word` / `key: "two words"`.
 */
function readOptionValue(input: string, start: number): { text: string; end: number; unclosed?: true } {
  let i = start;
  if (i >= input.length || /\s/.test(input[i] ?? '')) {
    while (i < input.length && /[ \t]/.test(input[i] ?? '')) i++;
    if (i >= input.length || /\s/.test(input[i] ?? '')) return { text: '', end: i };
  }
  const char = input[i] ?? '';
  if (OPEN_QUOTES.has(char)) return readQuoted(input, i + 1, char);
  return readBare(input, i);
}

const OPTION_START = /^([A-Za-z][A-Za-z_-]{0,20})[:=](.*)$/s;

/** Tokens in the order they were typed. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(char)) {
      const quoted = readQuoted(input, i + 1, char);
      tokens.push({ kind: 'word', text: quoted.text, quoted: true, ...(quoted.unclosed ? { unclosed: true as const } : {}) });
      i = quoted.end;
      continue;
    }
    const bare = readBare(input, i);
    const tokenStart = i;
    i = bare.end;
    const option = OPTION_START.exec(bare.text);
    // `https://…` and times like `10:30` are words, not options.
    if (option && !option[2]?.startsWith('//')) {
      const key = (option[1] ?? '').toLowerCase();
      const valueStart = i - bare.text.length + key.length + 1;
      const value = readOptionValue(input, valueStart);
      tokens.push({
        kind: 'option',
        key,
        value: value.text.trim(),
        raw: input.slice(tokenStart, value.end),
        ...(value.unclosed ? { unclosed: true as const } : {}),
      });
      i = value.end;
      continue;
    }
    tokens.push({ kind: 'word', text: bare.text, quoted: false });
  }
  return tokens;
}
