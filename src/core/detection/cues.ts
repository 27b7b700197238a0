/**
 * Positive cues: the ways people announce a team decision. Each finder returns the cue's
 * strength in [0, 1] before any doubt (question, negation, …) is applied, where it starts in the
 * clause (doubts such as "if" only count when they come first: "if we decide" is a condition,
 * "we decided, even if it hurts" a decision) and a short reason for the log.
 *
 * The finders live in markers.ts ("Decision: …"), verbs.ts ("we decided …"), choices.ts
 * ("going with …") and policy.ts (implicit: "from next month the free tier is capped …").
 */
import type { Subject } from './subject.js';

export type CueFamily = 'marker' | 'announcement' | 'going-with' | 'policy';

export interface Cue {
  readonly family: CueFamily;
  readonly strength: number;
  readonly index: number;
  readonly reason: string;
  /** Set when the cue says who decided (third parties and personal choices are doubts). */
  readonly subject?: Subject;
}

/** The strongest of some cues, if any. */
export function strongest(cues: readonly Cue[]): Cue | undefined {
  let best: Cue | undefined;
  for (const cue of cues) if (!best || cue.strength > best.strength) best = cue;
  return best;
}
