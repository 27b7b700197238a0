/**
 * Who made the decision? The words before a decision verb name the subject: "we" and our own
 * bodies (leadership, the board, finance) announce team decisions; "I" usually a personal choice;
 * "Apple", "the client", "they" someone else's. Decisions by unknown names are kept doubtful.
 */
import { AUXILIARIES, DISCOURSE, EXTERNAL_SUBJECTS, INTERNAL_SUBJECTS } from './subject-words.js';

export type SubjectKind = 'internal' | 'none' | 'personal' | 'external' | 'unknown';

export interface Subject {
  readonly kind: SubjectKind;
  /** The word that decided the kind, for the reasons list. */
  readonly word: string;
}

const POSSESSIVE_EXTERNAL = new Set(['their', 'his', 'her', 'its', 'other', 'another', 'your']);
const PERSONAL = new Set(['i', 'me', 'my', 'myself']);

/**
 * Classifies the subject from the text before the verb (canonical, same clause). Looks at the
 * last few words only, so the cost does not grow with the message.
 */
export function subjectBefore(prefix: string): Subject {
  const tail = prefix.length > 80 ? prefix.slice(-80) : prefix;
  const raw = tail.split(' ').filter(Boolean).slice(-7);
  let index = raw.length - 1;
  // Skip tense and emphasis words: "we have now all agreed" → "we".
  while (index >= 0) {
    const token = raw[index] ?? '';
    if (/[,:;.!?)(-]$/.test(token) || /^[-–>]+$/.test(token)) return { kind: 'none', word: '' };
    if (!AUXILIARIES.has(token)) break;
    index -= 1;
  }
  if (index < 0) return { kind: 'none', word: '' };
  const head = (raw[index] ?? '').replace(/[^a-z0-9']/g, '');
  const before = (raw[index - 1] ?? '').replace(/[^a-z0-9']/g, '');
  if (head === 'we' || head === 'us') return { kind: 'internal', word: head };
  if (head === 'i') {
    // "Priya and I decided" is a team of two, not a personal choice.
    return before === 'and' ? { kind: 'internal', word: 'and i' } : { kind: 'personal', word: 'i' };
  }
  if (PERSONAL.has(head)) return { kind: 'personal', word: head };
  // "Team's decided …", "Editorial's agreed …": one of our units, its "has" contracted. Any other
  // name stays unknown: "Twilio's going with …".
  if (head.endsWith("'s")) {
    const unit = head.slice(0, -2);
    if (!INTERNAL_SUBJECTS.has(unit) || POSSESSIVE_EXTERNAL.has(before) || before.endsWith("'s")) return { kind: 'unknown', word: unit };
    return { kind: 'internal', word: unit };
  }
  if (INTERNAL_SUBJECTS.has(head)) {
    // "their procurement team", "the client's legal": someone else's body.
    const owner = [before, (raw[index - 2] ?? '').replace(/[^a-z0-9']/g, '')].find(
      (word) => POSSESSIVE_EXTERNAL.has(word) || word.endsWith("'s"),
    );
    if (owner) return { kind: 'external', word: `${owner} ${head}` };
    return { kind: 'internal', word: head };
  }
  if (EXTERNAL_SUBJECTS.has(head)) return { kind: 'external', word: head };
  if (DISCOURSE.has(head) && (index === 0 || /[,:]$/.test(raw[index - 1] ?? ''))) return { kind: 'none', word: '' };
  return { kind: 'unknown', word: head };
}

/** Multiplier for a decision verb's strength, by who decided. */
export const SUBJECT_WEIGHT: Readonly<Record<SubjectKind, number>> = {
  internal: 1,
  none: 0.6,
  personal: 0.2,
  external: 0.15,
  unknown: 0.45,
};
