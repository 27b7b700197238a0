/** The forms the bot shows, built from domain data. Pure: no I/O. */
import type { Fields, RequirementField } from '../commands/grammar.js';
import type { DecisionCheck, Impact } from '../domain/decision-check.js';
import type { RequirementValues } from '../domain/requirement-input.js';
import { FEEDBACK_KINDS, SENTIMENTS } from '../domain/feedback.js';
import { HORIZONS, REQUIREMENT_CATEGORIES, REQUIREMENT_TYPES, REVIEW_OUTCOMES, type Requirement } from '../domain/requirement.js';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../domain/text.js';
import type { Form } from './form.js';
import { truncate } from '../truncate.js';

export { knowledgeForm } from './knowledge-form.js';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value.replace(/_/g, ' ') }));
const excerpt = (text: string) => truncate(text, 280);

export const IMPACT_LABELS: Record<Impact, string> = {
  positive: 'Positive',
  negative: 'Negative',
  none: 'No impact',
  unknown: 'Not sure',
};

export function answerForm(check: DecisionCheck, impact?: Impact): Form {
  return {
    kind: 'check.answer',
    title: 'Customer impact',
    submitLabel: 'Record',
    context: { checkId: check.id },
    intro: `How does this decision affect customers?\n> ${excerpt(check.text)}`,
    fields: [
      {
        id: 'impact',
        label: 'Impact on customers',
        kind: 'radio',
        required: true,
        options: (Object.keys(IMPACT_LABELS) as Impact[]).map((value) => ({ value, label: IMPACT_LABELS[value] })),
        ...(impact ? { initial: impact } : {}),
      },
      {
        id: 'affected',
        label: 'Affected customers or segments',
        kind: 'text',
        required: false,
        placeholder: 'e.g. Acme AS, small shops',
        maxLength: MAX_SHORT_TEXT_LENGTH * 2,
      },
      { id: 'requirements', label: 'Linked requirements', kind: 'requirements', required: false },
      {
        id: 'explanation',
        label: 'Explanation',
        kind: 'multiline',
        required: false,
        hint: 'Required for Negative and No impact.',
        maxLength: MAX_TEXT_LENGTH,
      },
      {
        id: 'followup',
        label: 'Follow-up (Negative or Not sure)',
        kind: 'radio',
        required: false,
        options: [
          { value: 'action', label: 'An action' },
          { value: 'accepted', label: 'Accepted, no action' },
        ],
      },
      { id: 'action', label: 'What will be done', kind: 'text', required: false, maxLength: MAX_SHORT_TEXT_LENGTH * 2 },
      { id: 'owner', label: 'Action owner', kind: 'user', required: false },
      { id: 'due', label: 'Due date', kind: 'date', required: false },
      {
        id: 'reason',
        label: 'Why no action is needed',
        kind: 'multiline',
        required: false,
        hint: 'Only for "Accepted, no action".',
        maxLength: MAX_TEXT_LENGTH,
      },
    ],
  };
}

/** What a requirement form starts with: what the person already typed, checked and normalised. */
export interface RequirementPrefill {
  readonly statement?: string;
  readonly customer?: string;
  readonly type?: string;
  readonly reference?: string;
  readonly category?: string;
  readonly horizon?: string;
  /** A mention (`<@U123|Kim>`), as the core reads people. */
  readonly owner?: string;
  readonly review?: string;
  readonly sourceText?: string;
  readonly sourceLink?: string;
}

/**
 * The prefill for options typed without a statement (`{requirement} add customer:"Acme AS"
 * type:stated`): the checked values, so selects start on the option that was meant.
 */
export function requirementPrefill(given: Fields<RequirementField>, values: RequirementValues): RequirementPrefill {
  const owner = values.owner?.id ? `<@${values.owner.id}${values.owner.name ? `|${values.owner.name}` : ''}>` : undefined;
  const pick = <T>(field: RequirementField, value: T | undefined) => (given[field] !== undefined && value ? value : undefined);
  const prefill: Record<string, string | undefined> = {
    statement: pick('statement', values.statement),
    customer: pick('customer', values.customer),
    type: pick('type', values.type),
    reference: pick('reference', values.reference),
    category: pick('category', values.category),
    horizon: pick('horizon', values.horizon),
    owner: pick('owner', owner),
    review: pick('review', given.review?.trim()),
    sourceText: pick('source', values.source?.text),
    sourceLink: pick('link', values.source?.link),
  };
  return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value !== undefined)) as RequirementPrefill;
}

const initial = (value: string | undefined) => (value ? { initial: value } : {});

export function requirementForm(prefill: RequirementPrefill = {}): Form {
  return {
    kind: 'requirement.add',
    title: 'Customer requirement',
    submitLabel: 'Record',
    context: {},
    fields: [
      {
        id: 'statement',
        label: 'What does the customer need or expect?',
        kind: 'multiline',
        required: true,
        maxLength: MAX_TEXT_LENGTH,
        ...(prefill.statement ? { initial: prefill.statement } : {}),
      },
      {
        id: 'customer',
        label: 'Customer',
        kind: 'text',
        required: false,
        placeholder: 'A customer, a segment, or end users',
        maxLength: MAX_SHORT_TEXT_LENGTH,
        ...initial(prefill.customer),
      },
      {
        id: 'type',
        label: 'Type',
        kind: 'select',
        required: true,
        options: options(REQUIREMENT_TYPES),
        initial: prefill.type ?? 'stated',
        hint: 'Stated: the customer said it. Implied: expected without being said. Obligatory: law, regulation or standard.',
      },
      {
        id: 'reference',
        label: 'Law, regulation or standard (obligatory only)',
        kind: 'text',
        required: false,
        maxLength: MAX_SHORT_TEXT_LENGTH,
        ...initial(prefill.reference),
      },
      {
        id: 'category',
        label: 'Category',
        kind: 'select',
        required: true,
        options: options(REQUIREMENT_CATEGORIES),
        initial: prefill.category ?? 'other',
      },
      {
        id: 'horizon',
        label: 'Horizon',
        kind: 'select',
        required: true,
        options: options(HORIZONS),
        initial: prefill.horizon ?? 'current',
      },
      { id: 'owner', label: 'Owner', kind: 'user', required: false, ...initial(prefill.owner) },
      {
        id: 'review',
        label: 'Review every',
        kind: 'text',
        required: false,
        initial: prefill.review ?? '90d',
        hint: 'e.g. 30d, 12w, 6m, 1y',
      },
      {
        id: 'source',
        label: 'Source',
        kind: 'text',
        required: false,
        placeholder: 'Contract, order, survey, complaint…',
        maxLength: MAX_SHORT_TEXT_LENGTH * 2,
        ...(prefill.sourceText ? { initial: prefill.sourceText } : {}),
      },
      {
        id: 'link',
        label: 'Link to the source',
        kind: 'text',
        required: false,
        ...(prefill.sourceLink ? { initial: prefill.sourceLink } : {}),
      },
    ],
  };
}

export function reviewForm(requirement: Requirement): Form {
  return {
    kind: 'requirement.review',
    title: `Review ${requirement.id}`,
    submitLabel: 'Record review',
    context: { requirementId: requirement.id },
    intro: excerpt(requirement.statement),
    fields: [
      { id: 'outcome', label: 'Outcome', kind: 'radio', required: true, options: options(REVIEW_OUTCOMES), initial: 'still_valid' },
      { id: 'note', label: 'Note', kind: 'multiline', required: false, maxLength: MAX_TEXT_LENGTH },
    ],
  };
}

export function feedbackForm(prefill: { summary?: string; link?: string } = {}): Form {
  return {
    kind: 'feedback.record',
    title: 'Customer feedback',
    submitLabel: 'Record',
    context: {},
    fields: [
      {
        id: 'summary',
        label: 'What did the customer say?',
        kind: 'multiline',
        required: true,
        maxLength: MAX_TEXT_LENGTH,
        ...(prefill.summary ? { initial: prefill.summary } : {}),
      },
      { id: 'customer', label: 'Customer', kind: 'text', required: true, maxLength: MAX_SHORT_TEXT_LENGTH },
      { id: 'sentiment', label: 'Sentiment', kind: 'select', required: true, options: options(SENTIMENTS) },
      { id: 'kind', label: 'Kind', kind: 'select', required: true, options: options(FEEDBACK_KINDS), initial: 'other' },
      { id: 'requirements', label: 'Linked requirements', kind: 'requirements', required: false },
      { id: 'link', label: 'Link', kind: 'text', required: false, ...(prefill.link ? { initial: prefill.link } : {}) },
    ],
  };
}

export function checkForm(): Form {
  return {
    kind: 'check.start',
    title: 'Check customer impact',
    submitLabel: 'Ask',
    context: {},
    fields: [{ id: 'decision', label: 'The decision', kind: 'multiline', required: true, maxLength: MAX_TEXT_LENGTH }],
  };
}
