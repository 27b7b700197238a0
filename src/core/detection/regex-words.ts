/**
 * The words a regular expression needs, read from its source: needs that any text it matches
 * meets. A need is a choice of conjunctions of word sets; a set is met by a word of the text (a
 * maximal run of [A-Za-z0-9_], as `\b` sees words) that is one of its whole words ("now$") or
 * starts with one of its prefixes ("decid"). "\bthe \d{1,2}(?:st|th)\b|\bq[1-4]\b" needs
 * ("the" and a word starting with a digit) or "q1" … "q4". A necessary condition only: a text
 * that meets the needs may still not match, but a text that does not cannot. word-gate.ts uses
 * it to skip an expression on a text that lacks its words.
 *
 * Derived, not declared, so a word list can change without anyone keeping a second list in step.
 * Whatever the reading cannot vouch for (a case-insensitive flag, a back-reference, a prefix that
 * could start with any letter) makes it give up for that part: it returns fewer needs, never a
 * wrong one.
 */

/** What matters of the characters an atom can match: which word characters, and whether any other. */
interface CharSet {
  readonly words: readonly string[];
  readonly nonWord: boolean;
}

type Node =
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'alt'; readonly alts: readonly (readonly Node[])[] }
  | { readonly type: 'repeat'; readonly body: Node; readonly min: number; readonly max: number }
  | { readonly type: 'look'; readonly body: Node }
  | { readonly type: 'assert'; readonly kind: '^' | '$' | 'b' | 'B' }
  | { readonly type: 'backref' };

class Unsupported extends Error {}

const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The set of the ASCII codes `member` accepts, plus any character beyond ASCII if `beyond`. */
function charSet(member: (code: number) => boolean, beyond: boolean): CharSet {
  const words: string[] = [];
  let nonWord = beyond;
  for (let code = 0; code < 128; code += 1) {
    if (!member(code)) continue;
    if (isWordCode(code)) words.push(String.fromCharCode(code));
    else nonWord = true;
  }
  return { words, nonWord };
}

const NON_WORD: CharSet = { words: [], nonWord: true };
const singles = new Map<number, CharSet>();
function single(code: number): CharSet {
  if (!isWordCode(code)) return NON_WORD;
  let set = singles.get(code);
  if (!set) singles.set(code, (set = { words: [String.fromCharCode(code)], nonWord: false }));
  return set;
}
const SPACE = new Set([9, 10, 11, 12, 13, 32]);
const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: charSet((c) => c >= 48 && c <= 57, false),
  D: charSet((c) => !(c >= 48 && c <= 57), true),
  w: charSet(isWordCode, false),
  W: charSet((c) => !isWordCode(c), true),
  s: charSet((c) => SPACE.has(c), true),
  S: charSet((c) => !SPACE.has(c), true),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

/** A recursive-descent reader of the regular expression syntax the detector uses. */
class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.at < this.source.length) throw new Unsupported(`unexpected ")" at ${this.at}`);
    return node;
  }

  private peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }

  private disjunction(): Node {
    const alts: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      alts.push(this.sequence());
    }
    return { type: 'alt', alts };
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(atom.type === 'assert' || atom.type === 'look' ? atom : this.quantified(atom));
    }
    return items;
  }

  private quantified(atom: Node): Node {
    const next = this.peek();
    let min: number;
    let max: number;
    if (next === '*' || next === '+' || next === '?') {
      this.at += 1;
      [min, max] = next === '*' ? [0, Infinity] : next === '+' ? [1, Infinity] : [0, 1];
    } else if (next === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!braces) return atom; // a literal "{"
      this.at += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
    } else return atom;
    if (this.peek() === '?') this.at += 1; // lazy: matches the same texts
    return { type: 'repeat', body: atom, min, max };
  }

  private atom(): Node {
    const char = this.peek();
    this.at += 1;
    switch (char) {
      case '^':
      case '$':
        return { type: 'assert', kind: char };
      case '.':
        return { type: 'chars', set: charSet((c) => c !== 10 && c !== 13, true) };
      case '[':
        return { type: 'chars', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return { type: 'chars', set: single(char.codePointAt(0) ?? 0) };
    }
  }

  private group(): Node {
    let look = false;
    if (this.peek() === '?') {
      const kind = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at));
      if (!kind) throw new Unsupported('group kind');
      look = kind[0] !== '?:' && !kind[0].endsWith('>');
      this.at += kind[0].length;
    }
    const body = this.disjunction();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.at += 1;
    return look ? { type: 'look', body } : body;
  }

  private escape(): Node {
    const char = this.peek();
    this.at += 1;
    if (char === 'b' || char === 'B') return { type: 'assert', kind: char };
    if (/[1-9k]/.test(char)) return { type: 'backref' };
    return { type: 'chars', set: this.escapedSet(char) };
  }

  /** The characters of an escape (after the backslash), in or out of a class. */
  private escapedSet(char: string): CharSet {
    const named = CLASS_ESCAPES[char];
    if (named) return named;
    if (char === 'p' || char === 'P') {
      const close = this.source.indexOf('}', this.at);
      if (close < 0) throw new Unsupported('property escape');
      this.at = close + 1;
      return charSet(() => true, true); // some letters and digits: anything, as far as words go
    }
    const code = this.escapedCode(char);
    return single(code);
  }

  private escapedCode(char: string): number {
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return control;
    const hex = char === 'x' ? /^[0-9a-fA-F]{2}/ : char === 'u' ? /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : undefined;
    if (hex) {
      const digits = hex.exec(this.source.slice(this.at));
      if (!digits) throw new Unsupported(`\\${char} escape`);
      this.at += digits[0].length;
      return Number.parseInt(digits[0].replace(/[{}]/g, ''), 16);
    }
    if (char === 'c') throw new Unsupported('control letter escape');
    return char.codePointAt(0) ?? 0; // an identity escape: "\." is "."
  }

  private charClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.at += 1;
    const ascii = new Array<boolean>(128).fill(false);
    let beyond = false;
    const add = (set: CharSet) => {
      for (const char of set.words) ascii[char.charCodeAt(0)] = true;
      // Which non-word character does not matter: any one ends a word.
      if (set.nonWord) beyond = true;
    };
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Unsupported('unclosed class');
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && typeof from === 'number') {
        this.at += 1;
        const to = this.classAtom();
        if (typeof to !== 'number') throw new Unsupported('range to a class');
        for (let code = from; code <= Math.min(to, 127); code += 1) ascii[code] = true;
        if (to > 127) beyond = true;
      } else if (typeof from === 'number') {
        if (from < 128) ascii[from] = true;
        else beyond = true;
      } else add(from);
    }
    this.at += 1;
    // A negated class matches what is not listed: always some character beyond ASCII.
    return negated ? charSet((code) => !ascii[code], true) : charSet((code) => ascii[code] === true, beyond);
  }

  /** One member of a class: a code point, or the set of an escape such as \d. */
  private classAtom(): number | CharSet {
    const char = this.peek();
    this.at += 1;
    if (char !== '\\') return char.codePointAt(0) ?? 0;
    const escaped = this.peek();
    this.at += 1;
    if (escaped === 'b') return 8; // backspace, inside a class
    if (CLASS_ESCAPES[escaped] || escaped === 'p' || escaped === 'P') return this.escapedSet(escaped);
    return this.escapedCode(escaped);
  }
}

/** Longest prefix kept (longer words are still found by their first letters). */
const MAX_PREFIX = 10;
/** At most this many prefixes in one set; a branch with more is cut short. */
const MAX_SET = 250;
/** A class with more word characters than this starts no prefix ("[a-z]+" could be any word). */
const MAX_CLASS_WORD_CHARS = 10;
/** After the first letter of a word, at most this many ("q[1-4]", not "meeting\\d"). */
const MAX_CLASS_WORD_CHARS_AFTER = 4;

/** What is left to match: the nodes still to come, innermost group first. */
type Rest = { readonly node: Node; readonly next: Rest } | undefined;

const restOf = (nodes: readonly Node[], next: Rest): Rest => nodes.reduceRight<Rest>((rest, node) => ({ node, next: rest }), next);

/** A word read to its end: "word$" stands for that whole word, a plain "word" for any word it starts. */
const ended = (word: string) => (word === '' ? '' : `${word}$`);

/**
 * The words a match of `rest` can start with, given that the text before it ends a word (or
 * starts the text) and `word` has been read so far: whole words ("now$") where the expression
 * says the word ends there, prefixes ("decid") where it may go on. "" means: any word, or none.
 */
function prefixes(rest: Rest, word: string, out: Set<string>): void {
  if (out.size > MAX_SET) return;
  if (!rest || word.length >= MAX_PREFIX) {
    out.add(word);
    return;
  }
  const { node, next } = rest;
  switch (node.type) {
    case 'chars': {
      const chars = node.set.words;
      // A choice of letters ends the prefix: going on would multiply it ("\d+" is every number).
      // It may start one ("\d", "[Tt]") or end one ("q[1-4]"); in a longer word the prefix so far says enough.
      if (chars.length > (word === '' ? MAX_CLASS_WORD_CHARS : MAX_CLASS_WORD_CHARS_AFTER)) {
        out.add(word);
        return;
      }
      if (node.set.nonWord) out.add(ended(word)); // the word may end here
      if (chars.length === 1) prefixes(next, word + (chars[0] ?? ''), out);
      else for (const char of chars) out.add(word + char);
      return;
    }
    case 'assert':
      // After a letter "\b", "^" and "$" end the word; before one "\b", "^" and "\B" change nothing.
      if (node.kind === '$' || (word !== '' && node.kind !== 'B')) out.add(ended(word));
      else prefixes(next, word, out);
      return;
    case 'look':
      prefixes(next, word, out);
      return;
    case 'alt':
      for (const alt of node.alts) prefixes(restOf(alt, next), word, out);
      return;
    case 'repeat': {
      if (node.max === 0) return prefixes(next, word, out);
      const again: Node = { ...node, min: Math.max(0, node.min - 1), max: node.max - 1 };
      if (node.min === 0) prefixes(next, word, out);
      if (canBeEmpty(node.body)) out.add(word);
      else prefixes({ node: node.body, next: { node: again, next } }, word, out);
      return;
    }
    case 'backref':
      out.add(word);
  }
}

function canBeEmpty(node: Node): boolean {
  switch (node.type) {
    case 'chars':
      return false;
    case 'alt':
      return node.alts.some((alt) => alt.every(canBeEmpty));
    case 'repeat':
      return node.min === 0 || canBeEmpty(node.body);
    default:
      return true;
  }
}

/**
 * Whether, after `node` has matched, the character before the position is not a word character
 * (or there is none), given whether that held before it (`before`).
 */
function endsWord(node: Node, before: boolean): boolean {
  switch (node.type) {
    case 'chars':
      return node.set.words.length === 0;
    case 'assert':
      // "\b" counts because prefixes() only starts a word on a word character, which "\b" then
      // proves is the first of its word.
      return node.kind === '^' || node.kind === 'b' || (node.kind === '$' && before);
    case 'look':
      return before;
    case 'alt':
      return node.alts.every((alt) => alt.reduce((ok, item) => endsWord(item, ok), before));
    case 'repeat': {
      const after = endsWord(node.body, false);
      return node.min === 0 ? before && after : after;
    }
    case 'backref':
      return false;
  }
}

/** Words, one of which is in every match (as a whole word, "now$", or a word's start, "decid"). */
type PrefixSet = readonly string[];
/** Sets that are all met. */
type Conjunction = readonly PrefixSet[];
/** A need: one of its conjunctions is met by every match. */
export type Need = readonly Conjunction[];

/** Longer words are rarer: the set whose shortest word is longest says the most. */
function strength(set: PrefixSet): number {
  let shortest = Infinity;
  for (const entry of set) shortest = Math.min(shortest, entry.length);
  return shortest * 1000 - set.length;
}
/** A conjunction says at least what its strongest set says. */
const conjunctionStrength = (conjunction: Conjunction) => Math.max(...conjunction.map(strength));
/** A need says what its weakest conjunction says. */
const needStrength = (need: Need) => Math.min(...need.map(conjunctionStrength));

const byStrength = <T>(items: readonly T[], measure: (item: T) => number): T[] => [...items].sort((a, b) => measure(b) - measure(a));

/** One set that a need implies: the union of the strongest set of each of its conjunctions. */
function unionOf(need: Need): PrefixSet {
  return minimal(need.flatMap((conjunction) => byStrength(conjunction, strength)[0] ?? []));
}

/** The needs every match of `items` (then `after`) meets, `before` as in endsWord. */
function sequenceNeeds(items: readonly Node[], before: boolean, after: Rest): Need[] {
  // What is left to match from each position, built once from the end.
  const rests: Rest[] = [after];
  for (let index = items.length - 1; index >= 0; index -= 1) rests.unshift({ node: items[index] as Node, next: rests[0] });
  const needs: Need[] = [];
  let boundary = before;
  items.forEach((item, index) => {
    const words = boundary ? startingWords(rests[index]) : undefined;
    if (words) needs.push([[words]]);
    const inner = groupNeeds(item, boundary, rests[index + 1]);
    if (inner) needs.push(inner);
    boundary = endsWord(item, boundary);
  });
  return needs;
}

/** The words that start a match of `rest` (at the start of a word). */
function startingWords(rest: Rest): PrefixSet | undefined {
  const found = new Set<string>();
  prefixes(rest, '', found);
  return found.has('') || found.size > MAX_SET ? undefined : minimal([...found]);
}

/**
 * A group (or a repeat that must match once) needs what each of its branches needs; what
 * follows a repeated group's first pass may be the group again.
 */
function groupNeeds(item: Node, before: boolean, following: Rest): Need | undefined {
  if (item.type === 'alt') return alternativesNeed(item.alts, before, following);
  if (item.type !== 'repeat' || item.min === 0 || item.body.type !== 'alt') return undefined;
  const again: Node = { ...item, min: item.min - 1, max: item.max - 1 };
  return alternativesNeed(item.body.alts, before, { node: again, next: following });
}

/** In a branch, at most this many sets are required together ("the" and a number: "the 3rd"). */
const MAX_CONJOINED = 2;

/**
 * What a choice of branches needs: each branch's strongest sets, together. Branches that need
 * one set share a single set (the union of theirs), so that a long list of words costs one check.
 */
function alternativesNeed(alts: readonly (readonly Node[])[], before: boolean, after: Rest): Need | undefined {
  const single = new Set<string>();
  const conjunctions: Conjunction[] = [];
  for (const alt of alts) {
    const sets = sequenceNeeds(alt, before, after).map((need) =>
      need.length === 1 && need[0]?.length === 1 ? (need[0][0] as PrefixSet) : unionOf(need),
    );
    if (sets.length === 0) return undefined;
    // The same set found twice (a group's words are also the words its branches start with) says nothing more.
    const distinct = [...new Map(sets.map((set) => [set.join('|'), set])).values()];
    const strongest = byStrength(distinct, strength).slice(0, MAX_CONJOINED);
    if (strongest.length === 1) for (const entry of strongest[0] ?? []) single.add(entry);
    else conjunctions.push(strongest);
  }
  return single.size > 0 ? [[minimal([...single])], ...conjunctions] : conjunctions;
}

/** Drops words that a prefix in the set already covers ("decide" and "decided$" once "decid" is in). */
function minimal(set: readonly string[]): PrefixSet {
  // In code-unit order a prefix comes right before the words it covers ("$" before any letter).
  const sorted = [...new Set(set)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kept: string[] = [];
  let cover: string | undefined;
  for (const entry of sorted) {
    if (cover !== undefined && entry.startsWith(cover)) continue;
    kept.push(entry);
    if (!entry.endsWith('$')) cover = entry;
  }
  return kept;
}

/** At most this many needs per expression: each costs a look-up per text. */
const MAX_NEEDS = 3;

const derived = new Map<string, Need[]>();

const needKey = (need: Need) => need.map((conjunction) => conjunction.map((set) => set.join('|')).join('&')).join(' or ');

/**
 * The needs that any text `regex` matches meets (all of them), strongest first; none when the
 * source says nothing usable (or uses what this reader does not know).
 */
export function wordsNeeded(regex: RegExp): Need[] {
  // Shared expressions (a date, a customer topic) are gated in several modules: read each once.
  const key = `${regex.flags}/${regex.source}`;
  let needs = derived.get(key);
  if (!needs) derived.set(key, (needs = derive(regex)));
  return needs;
}

function derive(regex: RegExp): Need[] {
  // Case-insensitive matching has words in any case (and, with "u", letters beyond ASCII).
  if (regex.ignoreCase) return [];
  let root: Node;
  try {
    root = new Parser(regex.source).parse();
  } catch (error) {
    if (error instanceof Unsupported) return [];
    throw error;
  }
  if (root.type !== 'alt') return [];
  // A match may start anywhere, even inside a word: only "\b", "^" or a non-word character says it does not.
  const found =
    root.alts.length === 1 ? sequenceNeeds(root.alts[0] ?? [], false, undefined) : [alternativesNeed(root.alts, false, undefined)];
  const needs = found.filter((need): need is Need => need !== undefined && need.length > 0);
  const unique = [...new Map(needs.map((need) => [needKey(need), need])).values()];
  return byStrength(unique, needStrength).slice(0, MAX_NEEDS);
}
