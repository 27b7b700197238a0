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
import { type Feature, featuresOf } from './features.js';
import model from './model-weights.json' with { type: 'json' };
import type { RuleReading } from './rules.js';

export interface Verdict {
  /** Probability that the message announces a team decision, in [0, 1]. */
  readonly score: number;
  readonly reasons: readonly string[];
}

const WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(model.weights as Record<string, number>));
/** Signals that say nothing a person could act on ("base rate", "short message"). */
const UNSPOKEN = /^(?:bias|rule:score|rule:fires|length:)/;
const MAX_SHOWN = 3;

const weightOf = (feature: Feature) => (WEIGHTS.get(feature.key) ?? 0) * feature.value;

// A word pair worth showing has a real word in it, not just "20 no".
const READABLE = /[a-z]{3}/;

/** The features that pushed hardest in one direction, as words a channel member can read. */
function strongest(features: readonly Feature[], sign: 1 | -1, already: readonly string[]): string[] {
  const pushing = features
    .filter((feature) => !UNSPOKEN.test(feature.key) && weightOf(feature) * sign > 0.05 && !already.includes(feature.label))
    .filter((feature) => !feature.key.startsWith('w') || READABLE.test(feature.label))
    .sort((a, b) => weightOf(b) * sign - weightOf(a) * sign);
  const words: string[] = [];
  const signals: string[] = [];
  for (const feature of pushing) {
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
  const features = featuresOf(reading);
  // Nothing announces anything: the model is not asked (see features.ts, evidenceIn).
  if (!features) return { score: Math.min(rules.score, 0.1), reasons: rules.reasons };
  let z = -model.threshold;
  for (const feature of features) z += weightOf(feature);
  const score = 1 / (1 + Math.exp(-z));
  const decision = score >= 0.5;
  const ruleDecision = rules.score >= 0.5;
  if (decision && ruleDecision) return { score, reasons: rules.reasons };
  if (decision) return { score, reasons: strongest(features, 1, []) };
  // No decision: when the rules saw a cue, say what else spoke against it ("decided by Contoso").
  if (rules.family === undefined) return { score, reasons: rules.reasons };
  return { score, reasons: [...rules.reasons, ...strongest(features, -1, rules.reasons)] };
}
