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

import { type Node, Parser, Unsupported } from './regex-syntax.js';

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
