/**
 * The model's word features: each word (or its class: a number, a month, "a word for stopping"),
 * each pair and each triple of neighbouring words, hashed into WORD_BUCKETS buckets. Hashes are
 * combined as numbers, token by token, so a message costs no string per feature: the words that
 * a person reads in the reasons are only put together when the reasons are asked for.
 */
import { CHANGING, CLASS_NAMES, CLASS_OF, DAYS, MONTHS, PERIODS, STOPPING } from './word-classes.js';

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

/** 32-bit FNV-1a: a stable hash, the same in training and at run time. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two hashes in order ("a b" differs from "b a"). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const START = hash('^');
const STOPPING_HASH = hash('<stopping>');
const CHANGING_HASH = hash('<changing>');
const CLASS_HASHES = CLASS_NAMES.map((name) => hash(`<${name}>`));
// Tokens repeat a lot (chat has a small vocabulary): their hashes are kept, up to a bound.
const TOKEN_HASHES = new Map<string, number>();
const MAX_CACHED = 50_000;

function tokenHash(token: string): number {
  let h = TOKEN_HASHES.get(token);
  if (h === undefined) {
    h = hash(tokenClass(token));
    if (TOKEN_HASHES.size < MAX_CACHED) TOKEN_HASHES.set(token, h);
  }
  return h;
}

// Each bucket once per message: a stamp per bucket instead of a new set per message.
const STAMPS = new Uint32Array(WORD_BUCKETS);
let generation = 0;

/** Sends each word feature of the message to `sink`, once per bucket. */
export function wordFeatures(tokens: Tokens, sink: WordSink): void {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    STAMPS.fill(0);
    generation = 1;
  }
  const add = (h: number, surface: string, previousSurface: string) => {
    const bucket = h & MASK;
    if (STAMPS[bucket] === generation) return;
    STAMPS[bucket] = generation;
    sink(bucket, surface, previousSurface);
  };
  for (const clause of tokens) {
    let previous = START;
    let before = 0;
    let previousSurface = '';
    for (const surface of clause) {
      const token = tokenHash(surface);
      add(token, surface, '');
      if (STOPPING.has(surface)) add(STOPPING_HASH, surface, '');
      const classes = CLASS_OF.get(surface);
      if (classes) for (const index of classes) add(mix(previous, CLASS_HASHES[index] ?? 0), surface, previousSurface);
      if (CHANGING.has(surface)) add(mix(previous, CHANGING_HASH), surface, previousSurface);
      add(mix(previous, token), surface, previousSurface);
      if (before !== 0) add(mix(mix(before, previous), token), surface, previousSurface);
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
