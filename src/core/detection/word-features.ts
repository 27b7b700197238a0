/**
 * The model's word features: each word (or its class: a number, a month, "a word for stopping"),
 * each pair and each triple of neighbouring words, hashed into WORD_BUCKETS buckets. Hashes are
 * combined as numbers, token by token, so a message costs no string per feature: the words that
 * a person reads in the reasons are only put together when the reasons are asked for.
 */
import { DAYS, MONTHS, PERIODS } from './time-words.js';
import { CHANGING, CLASS_NAMES, CLASS_OF, STOPPING } from './word-classes.js';

/** Word features are hashed into this many buckets (a power of two). */
export const WORD_BUCKETS = 1 << 18;
const MASK = WORD_BUCKETS - 1;

export const TOKEN = /[a-z][a-z0-9]*(?:['-][a-z0-9]+)*|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|am|pm|k|m|h|%)?|[£$€]|[?]/g;

/** The words of each clause, in order. */
export type Tokens = readonly (readonly string[])[];

/** Receives one word feature: its bucket and the words it stands for. */
export type WordSink = (bucket: number, surface: string, previousSurface: string) => void;

/** The class a token stands for, so "from 12 March" and "from 3 June" teach the same thing. */
function tokenClass(token: string): string {
  const first = token.charCodeAt(0);
  if (first >= 48 && first <= 57) return '<number>';
  if (token === '£' || token === '$' || token === '€') return '<money>';
  if (MONTHS.has(token)) return '<month>';
  if (DAYS.has(token)) return '<day>';
  if (PERIODS.has(token)) return '<period>';
  return token;
}

// Hashes are kept as signed 32-bit integers: the same bits as unsigned ones (a bucket is their
// low bits), but small integers to the engine, where an unsigned one above 2^31 is a boxed double.

/** 32-bit FNV-1a: a stable hash, the same in training and at run time. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines two hashes in order ("a b" differs from "b a"). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const START = hash('^');
const STOPPING_HASH = hash('<stopping>');
const CHANGING_HASH = hash('<changing>');
const CLASS_HASHES = CLASS_NAMES.map((name) => hash(`<${name}>`));

/** What the features need of a word with a class or a flag. */
interface TokenInfo {
  readonly hash: number;
  readonly stopping: boolean;
  readonly changing: boolean;
  /** Indexes into CLASS_NAMES. */
  readonly classes: readonly number[] | undefined;
}

// The few hundred words with facts beyond their letters: months, days and periods (a class of
// their own), the stopping and changing words, the words of a class. Any other token has no flag
// and is its own class, its hash computed from its characters: cheaper than a cache of every token
// seen, which outgrew the processor's cache (its look-ups were the detector's largest single cost).
const SPECIAL = new Map<string, TokenInfo>();
for (const word of [...MONTHS, ...DAYS, ...PERIODS, ...STOPPING, ...CHANGING, ...CLASS_OF.keys()])
  SPECIAL.set(word, {
    hash: hash(tokenClass(word)),
    stopping: STOPPING.has(word),
    changing: CHANGING.has(word),
    classes: CLASS_OF.get(word),
  });
const NUMBER_HASH = hash('<number>');
const MONEY_HASH = hash('<money>');

/** hash(tokenClass(token)) for a token that is not a special word. */
function plainHash(token: string): number {
  const first = token.charCodeAt(0);
  if (first >= 48 && first <= 57) return NUMBER_HASH;
  return token === '£' || token === '$' || token === '€' ? MONEY_HASH : hash(token);
}

/**
 * The buckets sent for the current message, each once: a small open-addressing set, cleared per
 * message by a stamp, so that the check stays in the processor's cache (a stamp per bucket, one
 * megabyte, missed it for most features).
 */
let seenBuckets = new Int32Array(1024);
let seenStamps = new Uint32Array(1024);
let seenCount = 0;
let generation = 0;

function startMessage(): void {
  seenCount = 0;
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    seenStamps.fill(0);
    generation = 1;
  }
}

/** True the first time `bucket` is seen in the message. */
function firstTime(bucket: number): boolean {
  const mask = seenBuckets.length - 1;
  let slot = (Math.imul(bucket, 0x9e3779b1) >>> 22) & mask;
  while (seenStamps[slot] === generation) {
    if (seenBuckets[slot] === bucket) return false;
    slot = (slot + 1) & mask;
  }
  seenStamps[slot] = generation;
  seenBuckets[slot] = bucket;
  seenCount += 1;
  if (seenCount * 2 > seenBuckets.length) growSeen();
  return true;
}

function growSeen(): void {
  const buckets: number[] = [];
  for (let slot = 0; slot < seenBuckets.length; slot += 1) if (seenStamps[slot] === generation) buckets.push(seenBuckets[slot] ?? 0);
  seenBuckets = new Int32Array(seenBuckets.length * 2);
  seenStamps = new Uint32Array(seenStamps.length * 2);
  seenCount = 0;
  for (const bucket of buckets) firstTime(bucket);
}

function add(h: number, surface: string, previousSurface: string, sink: WordSink): void {
  const bucket = h & MASK;
  if (firstTime(bucket)) sink(bucket, surface, previousSurface);
}

/** Sends each word feature of the message to `sink`, once per bucket. */
export function wordFeatures(tokens: Tokens, sink: WordSink): void {
  startMessage();
  for (const clause of tokens) {
    let previous = START;
    let before = 0;
    let previousSurface = '';
    for (const surface of clause) {
      const special = SPECIAL.get(surface);
      const token = special ? special.hash : plainHash(surface);
      add(token, surface, '', sink);
      if (special) {
        if (special.stopping) add(STOPPING_HASH, surface, '', sink);
        if (special.classes)
          for (const index of special.classes) add(mix(previous, CLASS_HASHES[index] ?? 0), surface, previousSurface, sink);
        if (special.changing) add(mix(previous, CHANGING_HASH), surface, previousSurface, sink);
      }
      add(mix(previous, token), surface, previousSurface, sink);
      if (before !== 0) add(mix(mix(before, previous), token), surface, previousSurface, sink);
      before = previous;
      previous = token;
      previousSurface = surface;
    }
  }
}

/** The words of each clause. */
export function tokensOf(clauses: readonly { readonly text: string }[]): Tokens {
  return clauses.map((clause) => clause.text.match(TOKEN) ?? []);
}
