/**
 * Turns a submitted form into a use-case call. Refusals that concern fields come back as field
 * errors, every one at once, so the platform can show each inline next to its field.
 */
import type { Impact } from '../domain/decision-check.js';
import type { ConversationPlace } from '../domain/decision-check.js';
import type { Actor } from '../domain/shared.js';
import { problemsOf } from '../domain/field-checks.js';
import { defaultsApplied } from '../domain/requirement-input.js';
import { DomainError } from '../errors.js';
import { DuplicateRequirement } from '../use-cases/duplicates.js';
import type { Message } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { type FollowUpInput, answerCheck, startCheck } from '../use-cases/decision-checks.js';
import { recordFeedback } from '../use-cases/feedback.js';
import { addRequirement, reviewRequirement } from '../use-cases/requirements.js';
import * as views from '../views.js';
import { knowledgeRecorded } from '../knowledge-views.js';
import { recordKnowledge } from '../use-cases/knowledge.js';
import { type FieldError, type FormKind, type FormValues, many, single } from './form.js';

export type FormOutcome =
  | { readonly kind: 'done'; readonly message: Message; readonly checkId?: string }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[] }
  | { readonly kind: 'failed'; readonly message: string };

/** Domain field names (as in DomainError.field) → the form field that shows the message. */
const ERROR_FIELDS: Record<FormKind, Record<string, string>> = {
  'check.answer': {
    impact: 'impact',
    explanation: 'explanation',
    action: 'action',
    'action owner': 'owner',
    'due date': 'due',
    'reason for accepting the risk': 'reason',
    'affected customer': 'affected',
    requirements: 'requirements',
  },
  'requirement.add': {
    statement: 'statement',
    customer: 'customer',
    type: 'type',
    reference: 'reference',
    category: 'category',
    horizon: 'horizon',
    owner: 'owner',
    review: 'review',
    source: 'source',
    link: 'link',
  },
  'requirement.review': { 'review outcome': 'outcome', note: 'note' },
  'feedback.record': {
    feedback: 'summary',
    customer: 'customer',
    sentiment: 'sentiment',
    kind: 'kind',
    requirements: 'requirements',
    link: 'link',
  },
  'knowledge.record': {
    title: 'title',
    kind: 'kind',
    date: 'date',
    link: 'link',
    file: 'file',
    customers: 'customers',
    horizon: 'horizon',
    owner: 'owner',
    requirements: 'requirements',
    summary: 'summary',
  },
  'check.start': { decision: 'decision' },
};

function followUpFrom(values: FormValues): FollowUpInput | undefined {
  const choice = single(values, 'followup');
  const reason = single(values, 'reason');
  if (choice === 'accepted' || (!choice && reason && !single(values, 'action'))) return { kind: 'accepted', reason: reason ?? '' };
  const description = single(values, 'action');
  const owner = single(values, 'owner');
  const dueOn = single(values, 'due');
  if (choice !== 'action' && !description && !owner && !dueOn) return undefined;
  return { kind: 'action', description: description ?? '', ...(owner ? { owner } : {}), ...(dueOn ? { dueOn } : {}) };
}

async function run(
  deps: CoreDeps,
  actor: Actor,
  kind: FormKind,
  context: Readonly<Record<string, string>>,
  values: FormValues,
  place?: ConversationPlace,
): Promise<{ message: Message; checkId?: string }> {
  switch (kind) {
    case 'check.answer': {
      const followUp = followUpFrom(values);
      const { answer, action, check } = await answerCheck(deps, actor, context.checkId ?? '', {
        impact: (single(values, 'impact') ?? '') as Impact,
        affectedCustomers: many(values, 'affected'),
        requirementIds: many(values, 'requirements'),
        explanation: single(values, 'explanation'),
        ...(followUp ? { followUp } : {}),
      });
      return { message: views.answerRecorded(answer, action), checkId: check.id };
    }
    case 'requirement.add': {
      const fields = Object.fromEntries(
        ['statement', 'customer', 'type', 'reference', 'category', 'horizon', 'owner', 'review', 'source', 'link']
          .map((id) => [id, single(values, id)])
          .filter(([, value]) => value !== undefined && value !== ''),
      );
      return { message: views.requirementSaved(await addRequirement(deps, actor, fields), 'Recorded', defaultsApplied(fields)) };
    }
    case 'requirement.review': {
      const { requirement, review } = await reviewRequirement(
        deps,
        actor,
        context.requirementId ?? '',
        single(values, 'outcome') ?? '',
        single(values, 'note'),
      );
      return { message: views.reviewRecorded(requirement, review) };
    }
    case 'feedback.record': {
      const requirements = many(values, 'requirements').join(',');
      const fields = {
        customer: single(values, 'customer'),
        sentiment: single(values, 'sentiment'),
        kind: single(values, 'kind'),
        link: single(values, 'link'),
        ...(requirements ? { requirements } : {}),
      };
      return { message: views.feedbackRecorded(await recordFeedback(deps, actor, { summary: single(values, 'summary') ?? '', fields })) };
    }
    case 'knowledge.record': {
      const requirements = many(values, 'requirements').join(',');
      const fields = Object.fromEntries(
        ['title', 'kind', 'date', 'link', 'file', 'customers', 'horizon', 'owner', 'summary']
          .map((id) => [id, single(values, id)])
          .filter(([, value]) => value !== undefined && value !== ''),
      );
      return { message: knowledgeRecorded(await recordKnowledge(deps, actor, { ...fields, ...(requirements ? { requirements } : {}) })) };
    }
    case 'check.start': {
      if (!place) throw new DomainError('input.invalid', 'Start the check from a channel, so I know where to ask.');
      const check = await startCheck(deps, actor, { text: single(values, 'decision') ?? '', place, origin: 'command', decidedBy: actor });
      return { message: views.checkStarted(), checkId: check.id };
    }
  }
}

export async function submitForm(
  deps: CoreDeps,
  actor: Actor,
  form: { kind: FormKind; context: Readonly<Record<string, string>> },
  values: FormValues,
  place?: ConversationPlace,
): Promise<FormOutcome> {
  try {
    const { message, checkId } = await run(deps, actor, form.kind, form.context, values, place);
    return { kind: 'done', message, ...(checkId ? { checkId } : {}) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return refusal(form.kind, error);
  }
}

/** A form has no "record anyway" button: say what to change, and how to record it a second time. */
const duplicateInForm = (error: DuplicateRequirement): DomainError =>
  new DomainError(
    error.code,
    `${error.existing.id} already records this statement for this customer, so I did not record it again. Change the statement or the customer; or, if you do mean a second, separate requirement, record it with the requirement command and duplicate:ok at the end.`,
    'statement',
  );

/**
 * Every field's refusal, each next to its field. What concerns no field of this form is added to
 * the first field's message, so nothing is lost; with no field at all it is a plain failure.
 */
function refusal(kind: FormKind, error: DomainError): FormOutcome {
  const problems = problemsOf(error instanceof DuplicateRequirement ? duplicateInForm(error) : error);
  const errors: FieldError[] = [];
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = problem.field ? ERROR_FIELDS[kind][problem.field] : undefined;
    const same = errors.find((known) => known.field === field);
    if (!field) unplaced.push(problem.message);
    else if (same) errors[errors.indexOf(same)] = { field, message: `${same.message} ${problem.message}` };
    else errors.push({ field, message: problem.message });
  }
  if (errors.length === 0) return { kind: 'failed', message: error.message };
  const [first, ...rest] = errors as [FieldError, ...FieldError[]];
  return { kind: 'invalid', errors: unplaced.length ? [{ ...first, message: [first.message, ...unplaced].join(' ') }, ...rest] : errors };
}
