/**
 * Word gates: a regular expression is only run on a text that has the words it needs.
 *
 * Most of the detector's expressions are long alternations of phrases ("\b(?:i think|i heard|
 * apparently|…)\b") that match a few messages in a hundred, and a backtracking engine tries every
 * phrase at every word of every text it is given. A gate reads, once, which words each expression
 * needs (regex-words.ts derives them from its source: nothing to keep in step with the word lists),
 * and puts all their prefixes in one trie. A text is then read once, word by word along the trie,
 * which marks every need that one of its words meets; an expression whose needs are not all met
 * cannot match, and is not run. The answer is exactly the expression's, only sooner.
 *
 * The marks of the last few texts are kept, since the rules ask many expressions of the same clause.
 */
import { wordsNeeded } from './regex-words.js';

/** Letters, a digit (all digits share one edge) and the other word characters ("_", capitals). */
const SYMBOLS = 28;
const DIGIT = 26;
const OTHER_WORD = 27;
/** The trie's edge for each ASCII code, -1 for a character that is not part of a word. */
const SYMBOL_OF = new Int8Array(128).fill(-1);
for (let code = 97; code <= 122; code += 1) SYMBOL_OF[code] = code - 97;
for (let code = 48; code <= 57; code += 1) SYMBOL_OF[code] = DIGIT;
for (let code = 65; code <= 90; code += 1) SYMBOL_OF[code] = OTHER_WORD;
SYMBOL_OF[95] = OTHER_WORD;

const symbolOf = (code: number) => (code < 128 ? (SYMBOL_OF[code] ?? -1) : -1);

// The trie: children[node * SYMBOLS + symbol] is a child node (0: none; node 0 is the root);
// startsAt[node] are the word sets met by a word that starts with the node's letters, wholeAt[node]
// those met by a word that is exactly them ("now$" in regex-words.ts).
let children = new Uint32Array(SYMBOLS * 64);
let nodes = 1;
const startsAt: number[][] = [[]];
const wholeAt: number[][] = [[]];
/** Each word set once, by its words. */
const setIds = new Map<string, number>();

function childOf(node: number, symbol: number): number {
  const slot = node * SYMBOLS + symbol;
  const existing = children[slot] ?? 0;
  if (existing !== 0) return existing;
  if ((nodes + 1) * SYMBOLS > children.length) {
    const grown = new Uint32Array(children.length * 2);
    grown.set(children);
    children = grown;
  }
  const child = nodes;
  nodes += 1;
  startsAt.push([]);
  wholeAt.push([]);
  children[slot] = child;
  return child;
}

/** The id of a word set (its entries in the trie). */
function setId(words: readonly string[]): number {
  const key = words.join('|');
  const known = setIds.get(key);
  if (known !== undefined) return known;
  const id = setIds.size;
  setIds.set(key, id);
  for (const entry of words) {
    const whole = entry.endsWith('$');
    const word = whole ? entry.slice(0, -1) : entry;
    let node = 0;
    for (let i = 0; i < word.length; i += 1) node = childOf(node, symbolOf(word.charCodeAt(i)));
    (whole ? wholeAt : startsAt)[node]?.push(id);
  }
  laidOut = false;
  return id;
}

// The sets of each node laid out flat for the scan: list[start[node] … start[node + 1]).
interface Layout {
  readonly start: Uint32Array;
  readonly list: Uint16Array;
}
const layoutOf = (setsAt: readonly (readonly number[])[]): Layout => {
  const start = new Uint32Array(nodes + 1);
  const list: number[] = [];
  for (let node = 0; node < nodes; node += 1) {
    start[node] = list.length;
    list.push(...(setsAt[node] ?? []));
  }
  start[nodes] = list.length;
  return { start, list: Uint16Array.from(list) };
};
let starting: Layout = layoutOf(startsAt);
let whole: Layout = layoutOf(wholeAt);
/** Whether sets were added since the last lay-out (a set may add no node). */
let laidOut = false;

function layOut(): void {
  starting = layoutOf(startsAt);
  whole = layoutOf(wholeAt);
  laidOut = true;
}

function markAll(layout: Layout, node: number, marks: Uint8Array): void {
  const list = layout.list;
  for (let k = layout.start[node] as number, end = layout.start[node + 1] as number; k < end; k += 1) marks[list[k] as number] = 1;
}

/** Marks every word set met by a word of `text` (marks[id] = 1). */
function markSets(text: string, marks: Uint8Array): void {
  if (!laidOut) layOut();
  // Locals: the module's bindings are reassigned when the trie grows.
  const edges = children;
  const startLayout = starting;
  const wholeLayout = whole;
  const length = text.length;
  let node = -1; // where the current word is in the trie: -1 outside a word or off the trie
  let inWord = false;
  for (let i = 0; i <= length; i += 1) {
    const code = i < length ? text.charCodeAt(i) : 32; // a space after the end closes the last word
    const symbol = code < 128 ? (SYMBOL_OF[code] as number) : -1;
    if (symbol < 0) {
      // A word ends: if all of it is in the trie, the sets of that whole word are met.
      if (inWord && node > 0) markAll(wholeLayout, node, marks);
      inWord = false;
      continue;
    }
    // A word starts at its first character; it follows the trie as far as the trie goes.
    if (!inWord) {
      inWord = true;
      node = 0;
    } else if (node < 0) continue;
    node = (edges[node * SYMBOLS + symbol] as number) || -1;
    if (node > 0) markAll(startLayout, node, marks);
  }
}

// The marks of recent texts. A text cut from another at spaces (a clause from its message) has
// no word the other lacks, so it may share the other's marks (see shareWords).
const MAX_KEPT = 32;
const BUFFERS = 4;
const keptTexts: string[] = [];
const keptMarks: Uint8Array[] = [];
const buffers: Uint8Array[] = [];
let nextBuffer = 0;
// The text asked about last, and its marks: the rules ask dozens of expressions in a row of one clause.
let lastText: string | undefined;
let lastMarks: Uint8Array = new Uint8Array(0);

function forget(): void {
  keptTexts.length = 0;
  keptMarks.length = 0;
  lastText = undefined;
}

/** A cleared marks buffer, no longer shared by any kept text. */
function freshMarks(): Uint8Array {
  const index = nextBuffer;
  nextBuffer = (nextBuffer + 1) % BUFFERS;
  let marks = buffers[index];
  if (marks && keptMarks.includes(marks)) {
    for (let k = keptMarks.length - 1; k >= 0; k -= 1)
      if (keptMarks[k] === marks) {
        keptTexts.splice(k, 1);
        keptMarks.splice(k, 1);
      }
  }
  if (!marks || marks.length < setIds.size) marks = buffers[index] = new Uint8Array(setIds.size + 64);
  else marks.fill(0);
  return marks;
}

function keep(text: string, marks: Uint8Array): void {
  if (keptTexts.length >= MAX_KEPT) forget();
  keptTexts.push(text);
  keptMarks.push(marks);
}

/** The marks of `text`, read now or kept from a recent call. */
function marksOf(text: string): Uint8Array {
  if (text === lastText) return lastMarks;
  let marks: Uint8Array | undefined;
  for (let k = keptTexts.length - 1; k >= 0 && !marks; k -= 1) if (keptTexts[k] === text) marks = keptMarks[k];
  if (!marks) {
    marks = freshMarks();
    markSets(text, marks);
    keep(text, marks);
  }
  lastText = text;
  lastMarks = marks;
  return marks;
}

/**
 * Reads the words of `whole` once for it and for `parts`, texts cut from it at spaces or joined
 * from such cuts with spaces (its clauses): a part has no word that `whole` lacks, so a gate that
 * lets `whole` through lets its parts through, and runs the expression, which decides. The rules
 * call it once per message, so the clauses cost no reading of their own.
 */
export function shareWords(whole: string, parts: readonly string[]): void {
  forget();
  const marks = marksOf(whole);
  for (const part of parts) keep(part, marks);
}

/** Puts the word sets `regex` needs in the trie; its needs, as set ids. */
function register(regex: RegExp): readonly (readonly (readonly number[])[])[] {
  const needs = wordsNeeded(regex).map((need) => need.map((conjunction) => conjunction.map(setId)));
  // The marks of texts read before know nothing of these sets.
  if (needs.length > 0) forget();
  return needs;
}

/** Whether one of the conjunctions has all its sets marked. */
function met(need: readonly (readonly number[])[], marks: Uint8Array): boolean {
  for (let c = 0; c < need.length; c += 1) {
    const conjunction = need[c] as readonly number[];
    let all = true;
    for (let k = 0; k < conjunction.length && all; k += 1) all = marks[conjunction[k] as number] === 1;
    if (all) return true;
  }
  return false;
}

/** A regular expression with its word gate: `exec` and `test` answer as the expression's own. */
export class GatedRegExp {
  readonly source: string;
  /** Read from the source on first use, so that loading the detector costs nothing more. */
  private needs: readonly (readonly (readonly number[])[])[] | undefined;
  // The last answer: a one-clause message asks the same expression of the same text up to three
  // times (its clause, then the model's message-wide reading of it). Only for an expression
  // without lastIndex state; callers read a match, never change it.
  private readonly remembers: boolean;
  private lastText: string | undefined;
  private lastMatch: RegExpExecArray | null = null;

  constructor(readonly regex: RegExp) {
    this.source = regex.source;
    this.remembers = !regex.global && !regex.sticky;
  }

  /** False when `text` cannot match: it does not meet every need (a choice of word sets, all met). */
  mayMatch(text: string): boolean {
    const needs = (this.needs ??= register(this.regex));
    if (needs.length === 0) return true;
    const marks = marksOf(text);
    for (let n = 0; n < needs.length; n += 1) if (!met(needs[n] as readonly (readonly number[])[], marks)) return false;
    return true;
  }

  exec(text: string): RegExpExecArray | null {
    if (this.remembers && text === this.lastText) return this.lastMatch;
    const match = this.mayMatch(text) ? this.regex.exec(text) : null;
    if (this.remembers) {
      this.lastText = text;
      this.lastMatch = match;
    }
    return match;
  }

  test(text: string): boolean {
    if (this.remembers) return this.exec(text) !== null;
    return this.mayMatch(text) && this.regex.test(text);
  }

  /**
   * The matches `text.matchAll(regex)` gives for a global expression (none when the text lacks
   * its words), found by exec from lastIndex: matchAll makes a new expression from the old one
   * for every text (measured: 1 % of the detector's time, in the engine's regexp set-up).
   */
  matchAll(text: string): RegExpExecArray[] {
    const matches: RegExpExecArray[] = [];
    if (!this.mayMatch(text)) return matches;
    const regex = this.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      matches.push(match);
      // After an empty match, step over a character (a whole code point in Unicode mode), as matchAll does.
      if (match[0] === '') regex.lastIndex += regex.unicode && (text.codePointAt(regex.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    }
    return matches;
  }
}

/** `regex` behind its word gate (a global or sticky expression keeps its own `lastIndex`: use `mayMatch`). */
export const gated = (regex: RegExp): GatedRegExp => new GatedRegExp(regex);
/** `new RegExp(source, flags)` behind its word gate. */
export const gatedRegExp = (source: string, flags?: string): GatedRegExp => new GatedRegExp(new RegExp(source, flags));

/** What the rules ask of an expression, gated or not. */
export interface Matcher {
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}
