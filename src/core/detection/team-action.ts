/**
 * What the team says it does, by the form of the verb after "we" or "the team": announcements
 * state it ("we're switching the kitchen to induction", "we move into detailed design", "we'll
 * print 20k leaflets", "we've knocked the Sunday roast on the head"); deliberation, proposals and
 * negations use other forms ("we're thinking of …", "we could …", "we're not switching yet").
 * The form is a signal for the model (features.ts), whatever the verb: what it learns from
 * "we're switching" carries over to "we're moving", with no list of announcing verbs.
 * One pass over the tokens of each clause.
 */
import type { Tokens } from './word-features.js';

export type TeamForm =
  | 'progressive'
  | 'future'
  | 'perfect'
  | 'present'
  | 'past'
  | 'state'
  | 'must'
  | 'modal'
  | 'negated'
  | 'deliberating'
  | 'observing'
  | 'having';

export interface TeamAction {
  readonly form: TeamForm;
  /** The words read, for the reasons: "we are switching". */
  readonly words: string;
}

// Words between the subject and its verb that change nothing: "we have now all agreed".
const FILLER = new Set([
  'now',
  'also',
  'officially',
  'all',
  'just',
  'definitely',
  'finally',
  'already',
  'actually',
  'then',
  'both',
  'still',
  'really',
]);
// Verbs of weighing something not yet decided, in any form: "we're looking at …", "we'll discuss".
const DELIBERATING = new Set(
  'await awaiting think thinking consider considering look looking discuss discussing debate debating wonder wondering try trying hope hoping explore exploring evaluate evaluating review reviewing talk talking wait waiting lean leaning weigh weighing check checking investigate investigating assess assessing see revisit revisiting circle chat chatting figure figuring'.split(
    ' ',
  ),
);
// Verbs of noticing or learning something: a report of what happened to the team, not a choice
// ("we've seen the same behaviour", "we noticed", "we found").
const OBSERVING = new Set(
  'see seen saw seeing notice noticed noticing find found finding hear heard note noted learn learned learnt realise realised realize realized observe observed experience experienced test tested testing tried get got getting'.split(
    ' ',
  ),
);
// A past participle: "-ed", "-en" or one of the common irregular ones. After "have" anything else
// is a possession ("we have some bugs"), not something done.
const IRREGULAR_PARTICIPLES = new Set(
  'made set put cut got gone done left kept sold built bought brought told held paid run won chosen taken given begun become agreed shut hit let met sent spent lost meant'.split(
    ' ',
  ),
);
const isParticiple = (word: string) => word.endsWith('ed') || word.endsWith('en') || IRREGULAR_PARTICIPLES.has(word);
const MODALS = new Set(['could', 'should', 'might', 'may', 'can', 'would', 'need', 'needs', 'want', 'wanted', 'ought']);
const NEGATIONS = new Set(['not', 'never', 'no']);

/** The form of the verb after each "we" / "the team" / "our team" in the message, each form once. */
const NONE: readonly TeamAction[] = [];

export function teamActions(tokens: Tokens): readonly TeamAction[] {
  let found: TeamAction[] | undefined;
  for (const clause of tokens)
    for (let i = 0; i < clause.length; i += 1) {
      const token = clause[i];
      const subject = token === 'we' || (token === 'team' && (clause[i - 1] === 'the' || clause[i - 1] === 'our'));
      if (!subject) continue;
      const action = formAfter(clause, i);
      if (!action) continue;
      found ??= [];
      if (!found.some((known) => known.form === action.form)) found.push(action);
    }
  return found ?? NONE;
}

function formAfter(clause: readonly string[], subjectAt: number): TeamAction | undefined {
  let at = subjectAt + 1;
  const next = () => {
    while (at < clause.length && FILLER.has(clause[at] ?? '')) at += 1;
    return clause[at] ?? '';
  };
  const start = subjectAt - (clause[subjectAt] === 'team' ? 1 : 0);
  const action = (form: TeamForm): TeamAction => ({ form, words: clause.slice(start, Math.min(at + 1, clause.length)).join(' ') });
  const first = next();
  if (first === '') return undefined;
  at += 1;
  if (NEGATIONS.has(first)) return action('negated');
  if (first === 'are' || first === 'is' || first === 'am') {
    const verb = next();
    if (NEGATIONS.has(verb)) return action('negated');
    if (verb === 'going' && clause[at + 1] === 'to') {
      at += 2;
      const then = next();
      return action(DELIBERATING.has(then) ? 'deliberating' : 'future');
    }
    if (verb.endsWith('ing')) return action(DELIBERATING.has(verb) ? 'deliberating' : OBSERVING.has(verb) ? 'observing' : 'progressive');
    return action('state');
  }
  if (first === 'will' || first === 'shall') {
    const verb = next();
    if (NEGATIONS.has(verb)) return action('negated');
    if (verb === 'be') {
      at += 1;
      const then = next();
      return action(DELIBERATING.has(then) ? 'deliberating' : 'future');
    }
    return action(DELIBERATING.has(verb) ? 'deliberating' : 'future');
  }
  if (first === 'have' || first === 'has' || first === 'had') {
    const verb = next();
    if (NEGATIONS.has(verb)) return action('negated');
    if (verb === 'to') return action('must');
    if (OBSERVING.has(verb)) return action('observing');
    if (!isParticiple(verb)) return action('having');
    return action(first === 'had' ? 'past' : 'perfect');
  }
  if (first === 'must') return action('must');
  if (MODALS.has(first)) return action('modal');
  if (first === 'do' || first === 'does' || first === 'did') return action(NEGATIONS.has(next()) ? 'negated' : 'modal');
  if (DELIBERATING.has(first)) return action('deliberating');
  if (OBSERVING.has(first)) return action('observing');
  if (first.endsWith('ed')) return action('past');
  return action('present');
}

/** How each form reads in the reasons. */
export const TEAM_FORM_LABEL: Readonly<Record<TeamForm, string>> = {
  progressive: 'the team is doing it',
  future: 'the team will do it',
  perfect: 'the team has done it',
  present: 'the team does it',
  past: 'the team did it',
  state: 'the team is',
  must: 'the team has to',
  modal: 'the team could or should',
  negated: 'the team does not',
  deliberating: 'the team is still weighing it',
  observing: 'the team noticed something',
  having: 'the team has something',
};
