/**
 * The model: a logistic regression that weighs the rules' signals and the message's words
 * (features.ts) into the final verdict. The rules alone miss announcements that use none of their
 * phrases ("the old portal goes offline on 30 June"); the weights, learnt from labelled messages,
 * carry what such announcements have in common. Trained offline by `npm run train:detector`
 * (scripts/train-detector.ts); the weights are data in model-weights.json, nothing is downloaded.
 *
 * The verdict says why in words: the rules' reasons when they found the cue, otherwise the
 * strongest signals and words that tipped it.
 */
import { type Feature, type FeatureSink, WORD_BUCKETS, crossKey, emitFeatures, featuresOf } from './features.js';
import model from './model-weights.json' with { type: 'json' };
import type { RuleReading } from './rules.js';
import { CLASS_NAMES } from './word-classes.js';
import { WordWeights } from './word-weights.js';

export interface Verdict {
  /** Probability that the message announces a team decision, in [0, 1]. */
  readonly score: number;
  /** Why, in words: the rules' own, or put together when asked for (most callers read only the verdict). */
  readonly reasons: readonly string[] | (() => readonly string[]);
}

const SIGNAL_WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(model.signals as Record<string, number>));
// Word weights by bucket (word-weights.ts), class crosses by index pair: the sum, which runs on
// every message that reaches the model, builds no key string per feature.
const WORD_WEIGHTS = new WordWeights(WORD_BUCKETS, model.words.buckets, model.words.weights);
const CROSS_WEIGHTS = new Float64Array(CLASS_NAMES.length * CLASS_NAMES.length);
CLASS_NAMES.forEach((_, first) =>
  CLASS_NAMES.forEach((__, second) => {
    if (first < second) CROSS_WEIGHTS[first * CLASS_NAMES.length + second] = SIGNAL_WEIGHTS.get(crossKey(first, second)) ?? 0;
  }),
);

/** A feature's weight by its key: a signal's name, or "w<bucket>" for a word. */
const weightOf = (key: string): number => (/^w\d+$/.test(key) ? WORD_WEIGHTS.of(Number(key.slice(1))) : (SIGNAL_WEIGHTS.get(key) ?? 0));

/** The model's sum for a message, or undefined when nothing in it announces (no features). */
function sumOf(reading: RuleReading): number | undefined {
  // The sum lives in an object field, which the engine updates in place: a number captured by
  // the closures below was boxed anew at every feature (a sixth of the memory a message used).
  const sum = { z: -model.threshold };
  const sink: FeatureSink = {
    labels: false,
    signal: (key, value) => {
      sum.z += (SIGNAL_WEIGHTS.get(key) ?? 0) * value;
    },
    cross: (first, second) => {
      sum.z += CROSS_WEIGHTS[first * CLASS_NAMES.length + second] ?? 0;
    },
    word: (bucket) => {
      sum.z += WORD_WEIGHTS.of(bucket);
    },
  };
  return emitFeatures(reading, sink) ? sum.z : undefined;
}
/** Signals that say nothing a person could act on ("base rate", "short message"). */
const UNSPOKEN = /^(?:bias|rule:score|rule:fires|length:)/;
// Signals that only ever mean "not a team decision": never shown as a reason for one, even
// where the weights happen to lean the other way ("technical text" is not why a message decides).
const ONLY_AGAINST =
  /^(?:code-like|personal|named-|outsider-|any:|doubt:|subject:(?:external|personal|unknown)|class:(?:external|personal|status|maybe)|team:(?:negated|deliberating|modal|observing|having))/;
const MAX_SHOWN = 3;

// A word or pair worth showing has a real word in it, not just "20 no" or "of the".
const FILLER = new Set(
  'a an the of to and or in on at for with by from is are was be it its this that these those all any one first as so but our we i you'.split(
    ' ',
  ),
);
const readable = (label: string) => label.split(' ').some((word) => word.length >= 3 && /[a-z]{3}/.test(word) && !FILLER.has(word));

/** The features that pushed hardest in one direction, as words a channel member can read. */
function strongest(features: readonly Feature[], sign: 1 | -1, already: readonly string[]): string[] {
  const pushing: { feature: Feature; push: number }[] = [];
  for (const feature of features) {
    const push = weightOf(feature.key) * feature.value * sign;
    if (push <= 0.05 || UNSPOKEN.test(feature.key) || already.includes(feature.label)) continue;
    if (sign > 0 && ONLY_AGAINST.test(feature.key)) continue;
    if (feature.key.startsWith('w') && !readable(feature.label)) continue;
    pushing.push({ feature, push });
  }
  pushing.sort((a, b) => b.push - a.push);
  const words: string[] = [];
  const signals: string[] = [];
  for (const { feature } of pushing) {
    if (feature.key.startsWith('w')) {
      if (words.length < MAX_SHOWN && !words.includes(`"${feature.label}"`)) words.push(`"${feature.label}"`);
    } else if (signals.length < MAX_SHOWN && !signals.includes(feature.label)) signals.push(feature.label);
  }
  const reasons = [...signals];
  if (words.length > 0)
    reasons.push(`${sign > 0 ? 'words that often announce a decision' : 'words that usually mean no team decision'}: ${words.join(', ')}`);
  return reasons;
}

/** The model's verdict on a message the rules have read (not settled by them). */
export function judge(reading: RuleReading): Verdict {
  const rules = reading.best;
  const z = sumOf(reading);
  // Nothing announces anything: the model is not asked (see evidence.ts).
  if (z === undefined) return { score: Math.min(rules.score, 0.1), reasons: rules.reasons };
  const score = 1 / (1 + Math.exp(-z));
  const decision = score >= 0.5;
  const ruleDecision = rules.score >= 0.5;
  if (decision && ruleDecision) return { score, reasons: rules.reasons };
  // No decision and no cue: the rules' "no announcement cue" says it.
  if (!decision && rules.family === undefined) return { score, reasons: rules.reasons };
  // The features are put in words only when the reasons are read (the verdict needs none).
  if (decision) return { score, reasons: () => strongest(featuresOf(reading) ?? [], 1, []) };
  // No decision: when the rules saw a cue, say what else spoke against it ("decided by Contoso").
  return { score, reasons: () => [...rules.reasons, ...strongest(featuresOf(reading) ?? [], -1, rules.reasons)] };
}
