/**
 * Lexical canonicalisation: one spelling per word so the rules stay short. Lower case, ASCII
 * apostrophes, contractions expanded ("we've" → "we have", "haven't" → "have not"), British and
 * mistyped spellings mapped (see spelling.ts). Then the text is cut into clauses, because a
 * message often mixes an announcement with a question ("Decision: B. Any objections?").
 */
import { canonicalWord, respelledWords } from './spelling.js';

/** Look at no more clauses than this; long messages announce their decision early. */
export const MAX_CLAUSES = 20;

export interface Clause {
  /** Canonical text of the clause, trailing sentence punctuation kept. */
  readonly text: string;
  /** The clause contains a question mark. */
  readonly question: boolean;
}

// Contractions people type without the apostrophe. Only unambiguous ones ("were", "well", "its"
// are real words and stay as they are).
const BARE_CONTRACTIONS: Readonly<Record<string, string>> = {
  weve: 'we have',
  ive: 'i have',
  im: 'i am',
  youre: 'you are',
  theyre: 'they are',
  theyve: 'they have',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  didnt: 'did not',
  dont: 'do not',
  doesnt: 'does not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  wont: 'will not',
  cant: 'can not',
  shouldnt: 'should not',
  wouldnt: 'would not',
  couldnt: 'could not',
  thats: 'that is',
  whats: 'what is',
  lets: 'let us',
  gonna: 'going to',
  wanna: 'want to',
};

// A map, not an object lookup: "constructor" is a word too (the object's prototype answered it).
const BARE = new Map(Object.entries(BARE_CONTRACTIONS));

function canonicalToken(word: string): string {
  return BARE.get(word) ?? canonicalWord(word);
}

const isLetter = (code: number) => code >= 97 && code <= 122;
const LONGEST_SHAPE = 31;
/**
 * A word's shape: its length (capped), first two and last letter. Coarser shapes let most words
 * through: the one-edit variants in spelling.ts take every letter at every position of the words
 * they come from.
 */
const shapeAt = (text: string, start: number, end: number) =>
  ((Math.min(end - start, LONGEST_SHAPE) * 26 + text.charCodeAt(start) - 97) * 26 + text.charCodeAt(Math.min(start + 1, end - 1)) - 97) *
    26 +
  text.charCodeAt(end - 1) -
  97;

// The shapes of the words canonicalToken may change, one bit each. Most words of a message have
// none of them, and are then neither cut out of the text nor looked up (measured: the look-ups,
// one per word, were a tenth of the detector's time).
const CHANGEABLE = new Uint32Array(Math.ceil(((LONGEST_SHAPE + 1) * 26 * 26 * 26) / 32));
for (const word of [...BARE.keys(), ...respelledWords()])
  if ([...word].every((char) => isLetter(char.charCodeAt(0)))) {
    const shape = shapeAt(word, 0, word.length);
    CHANGEABLE[shape >>> 5] = (CHANGEABLE[shape >>> 5] ?? 0) | (1 << (shape & 31));
  }
const mayChange = (text: string, start: number, end: number) => {
  const shape = shapeAt(text, start, end);
  return ((CHANGEABLE[shape >>> 5] ?? 0) & (1 << (shape & 31))) !== 0;
};

/** Each run of letters a-z in its canonical spelling (the text itself when none changes). */
function respell(text: string): string {
  let out = '';
  let copied = 0;
  for (let start = 0; start < text.length;) {
    if (!isLetter(text.charCodeAt(start))) {
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < text.length && isLetter(text.charCodeAt(end))) end += 1;
    if (mayChange(text, start, end)) {
      const word = text.slice(start, end);
      const canonical = canonicalToken(word);
      if (canonical !== word) {
        out += text.slice(copied, start) + canonical;
        copied = end;
      }
    }
    start = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const EXPANSIONS: Readonly<Record<string, string>> = {
  "won't": 'will not',
  "can't": 'can not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "n't": ' not',
  "'ve": ' have',
  "'re": ' are',
  "'ll": ' will',
  "'m": ' am',
  "'d": ' would',
  "let's": 'let us',
  "'s been": ' has been',
  'w/o': 'without',
  'w/': 'with',
  ' & ': ' and ',
};
// One pass for all contractions; "it's"-like words take "is", other "'s" stay possessive; "'d" is
// "would" only after a pronoun ("we'd"), while "OK'd" and "cc'd" are past tenses and stay.
const CONTRACTION =
  /\b(?:won|can|shan|ain)'t\b|n't\b|'(?:ve|re|ll|m)\b|(?<=\b(?:i|you|we|they|he|she|it|who|that|there))'d\b|\blet's\b|'s been\b|\b(?:it|that|what|there|here|who|nothing|everything|something|where|how|he|she)'s(?: been)?\b|\bw\/o\b|\bw\/(?=\s)|\s&\s/g;

function expand(match: string): string {
  const fixed = EXPANSIONS[match];
  if (fixed !== undefined) return fixed;
  if (match.endsWith("'s been")) return `${match.slice(0, -7)} has been`;
  return match.endsWith("'s") ? `${match.slice(0, -2)} is` : match;
}

/** Canonical form of a whole (already markup-free) text, newlines kept. */
// Every contraction has one of these; without them the contraction pass is skipped.
const CONTRACTION_SIGN = /['/&]/;

export function canonicalize(text: string): string {
  const lower = text.toLowerCase();
  const expanded = CONTRACTION_SIGN.test(lower) ? lower.replace(CONTRACTION, expand) : lower;
  const spelled = respell(expanded);
  return spelled.includes('  ') || spelled.includes('\t') ? spelled.replace(/[ \t]{2,}/g, ' ') : spelled;
}

/** Whether a character is white space as "\\s" and trim() see it. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isSentenceEnd = (code: number) => code === 46 || code === 33 || code === 63 || code === 59; // . ! ? ;

/** `line.split(/(?<=[.!?;])\s+/)`, without the engine's general split (a fifth of the clause step). */
function sentencesOf(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let at = 1; at < line.length; at += 1) {
    if (!isSentenceEnd(line.charCodeAt(at - 1)) || !isSpaceCode(line.charCodeAt(at))) continue;
    sentences.push(line.slice(start, at));
    let end = at + 1;
    while (end < line.length && isSpaceCode(line.charCodeAt(end))) end += 1;
    start = end;
    at = end;
  }
  sentences.push(line.slice(start));
  return sentences;
}

/**
 * Clauses: lines, then sentences. A line that ends with a colon ("Decision:") is joined to the
 * next one, since the announcement continues there.
 */
export function splitClauses(canonical: string): Clause[] {
  const lines = canonical.includes('\n') ? canonical.split('\n') : [canonical];
  const merged: string[] = [];
  for (const line of lines) {
    const previous = merged.at(-1);
    if (previous !== undefined && /:\s*$/.test(previous)) merged[merged.length - 1] = `${previous} ${line}`;
    else merged.push(line);
  }
  const clauses: Clause[] = [];
  for (const line of merged) {
    for (const sentence of sentencesOf(line)) {
      const text = sentence.trim();
      if (!text || !/[a-z0-9]/.test(text)) continue;
      clauses.push({ text, question: text.includes('?') });
      if (clauses.length >= MAX_CLAUSES) return clauses;
    }
  }
  return clauses;
}
