/**
 * Pure presenters: domain records → neutral messages. No I/O. Every text a user typed goes in as
 * `{ user }` so the platform renderers escape it.
 */
import type { FollowUpAction, ImpactAnswer } from './domain/decision-check.js';
import type { CustomerFeedback } from './domain/feedback.js';
import type { Requirement, RequirementReview } from './domain/requirement.js';
import type { PersonRef } from './domain/shared.js';
import type { RoleAssignment, Workspace } from './domain/workspace.js';
import { type Block, type Inline, type Message, inlineToPlain, userText } from './messages.js';

/** Lists longer than this are cut, with a line saying how many more there are. */
export const MAX_LIST_ITEMS = 20;

const person = (ref: PersonRef | undefined): Inline[] => (ref ? [{ person: ref }] : ['nobody yet']);
const words = (value: string): string => value.replace(/_/g, ' ');

function message(blocks: Block[]): Message {
  const fallback = blocks
    .map((block) => (block.kind === 'heading' ? block.text : block.kind === 'text' ? inlineToPlain(block.parts) : ''))
    .filter(Boolean)
    .join(' — ');
  return { fallback, blocks };
}

function requirementFields(requirement: Requirement): Block {
  return {
    kind: 'fields',
    items: [
      ['Customer', [userText(requirement.customer)]],
      ['Type', [requirement.type + (requirement.reference ? ' — ' : ''), ...(requirement.reference ? [userText(requirement.reference)] : [])]],
      ['Category', [requirement.category]],
      ['Status', [words(requirement.status)]],
      ['Owner', person(requirement.owner)],
      ['Next review', [`${requirement.nextReviewOn} (every ${requirement.reviewIntervalDays} days)`]],
      ['Horizon', [requirement.horizon]],
      ...(requirement.source
        ? [['Source', requirement.source.link
            ? [{ link: requirement.source.link, label: requirement.source.text ?? requirement.source.link }]
            : [userText(requirement.source.text ?? '')]] as const]
        : []),
    ],
  };
}

export function requirementSaved(requirement: Requirement, verb: 'Recorded' | 'Updated' | 'Reassigned'): Message {
  return message([
    { kind: 'text', parts: [`${verb} *${requirement.id}*: `, userText(requirement.statement)] },
    requirementFields(requirement),
    { kind: 'context', parts: [`Change it with "{requirement} edit ${requirement.id} …"; review it with "{requirement} review ${requirement.id}".`] },
  ]);
}

export function requirementDetail(requirement: Requirement, reviews: readonly RequirementReview[]): Message {
  const history: Block[] = reviews.length
    ? [{ kind: 'list', items: reviews.slice(-MAX_LIST_ITEMS).map((review) => [
        `${review.at.slice(0, 10)} ${words(review.outcome)} by `,
        { person: review.by },
        ...(review.note ? [': ', userText(review.note)] : []),
      ]) }]
    : [{ kind: 'context', parts: ['Not reviewed yet.'] }];
  return message([
    { kind: 'heading', text: requirement.id },
    { kind: 'text', parts: [userText(requirement.statement)] },
    requirementFields(requirement),
    { kind: 'text', parts: ['*Reviews*'] },
    ...history,
    { kind: 'context', parts: ['Created ', requirement.createdAt.slice(0, 10), ' by ', { person: requirement.createdBy }, '; last changed ', requirement.updatedAt.slice(0, 10), ' by ', { person: requirement.updatedBy }] },
  ]);
}

export function requirementList(requirements: readonly Requirement[], what = 'requirements'): Message {
  if (requirements.length === 0) {
    return message([{ kind: 'text', parts: [`No ${what} match. Add one with "{requirement} add <statement>".`] }]);
  }
  const shown = requirements.slice(0, MAX_LIST_ITEMS);
  const more = requirements.length - shown.length;
  return message([
    { kind: 'heading', text: `${requirements.length} ${what}` },
    { kind: 'list', items: shown.map((requirement) => [
      `*${requirement.id}* [${requirement.type}, ${requirement.category}, ${words(requirement.status)}] `,
      userText(requirement.statement.length > 150 ? `${requirement.statement.slice(0, 149)}…` : requirement.statement),
      ' — ',
      userText(requirement.customer),
      ', owner ',
      ...person(requirement.owner),
      `, review ${requirement.nextReviewOn}`,
    ]) },
    ...(more > 0 ? [{ kind: 'context' as const, parts: [`…and ${more} more. Narrow the list with a filter such as status:at_risk or owner:@someone, or export it with the CLI.`] }] : []),
  ]);
}

export function reviewRecorded(requirement: Requirement, review: RequirementReview): Message {
  return message([
    { kind: 'text', parts: [`Review of *${requirement.id}* recorded: ${words(review.outcome)}. Status is now ${words(requirement.status)}${requirement.status === 'retired' ? '' : `; next review ${requirement.nextReviewOn}`}.`] },
  ]);
}

export function ownersReassigned(moved: readonly Requirement[], to: PersonRef): Message {
  return message([
    { kind: 'text', parts: [`Moved ${moved.length} requirement${moved.length === 1 ? '' : 's'} to `, { person: to }, `: ${moved.map((r) => r.id).join(', ')}.`] },
  ]);
}

export function feedbackRecorded(feedback: CustomerFeedback): Message {
  return message([
    { kind: 'text', parts: [`Recorded ${feedback.sentiment} ${feedback.kind} from `, userText(feedback.customer), ': ', userText(feedback.summary)] },
    ...(feedback.requirementIds.length ? [{ kind: 'context' as const, parts: [`Linked to ${feedback.requirementIds.join(', ')}.`] }] : []),
  ]);
}

export function answerRecorded(answer: ImpactAnswer, action?: FollowUpAction): Message {
  const follow: Inline[] = !action
    ? []
    : action.status === 'accepted'
      ? [' Risk accepted without action: ', userText(action.acceptedReason ?? '')]
      : [' Follow-up: ', userText(action.description), ' — ', ...person(action.owner), `, due ${action.dueOn}.`];
  return message([{ kind: 'text', parts: [`Thanks, your answer (${words(answer.impact)} impact) is recorded as evidence.`, ...follow] }]);
}

export function rolesList(assignments: readonly RoleAssignment[]): Message {
  if (assignments.length === 0) {
    return message([{ kind: 'text', parts: ['Nobody has an assigned role yet: everyone is a member, and workspace admins are admins.'] }]);
  }
  return message([
    { kind: 'heading', text: 'Roles' },
    { kind: 'list', items: assignments.map((assignment) => [{ person: { id: assignment.userId } }, `: ${assignment.role}`]) },
  ]);
}

export function roleChanged(assignment: RoleAssignment): Message {
  return message([{ kind: 'text', parts: [{ person: { id: assignment.userId } }, ` is now ${assignment.role === 'admin' || assignment.role === 'auditor' ? 'an' : 'a'} ${assignment.role}.`] }]);
}

export function settingsShown(workspace: Workspace, defaultSchedule: string): Message {
  const settings = workspace.settings;
  const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const digest = settings.digestWeekday && settings.digestTime
    ? `${weekdays[settings.digestWeekday - 1]} ${settings.digestTime}`
    : `the default schedule (${defaultSchedule})`;
  return message([
    { kind: 'heading', text: 'Settings' },
    { kind: 'fields', items: [
      ['Time zone', [settings.timeZone]],
      ['Weekly digest', [digest]],
      ['Decision detection', [settings.defaultDetection]],
    ] },
    { kind: 'context', parts: ['Admins change them with `{focus}settings timezone:Europe/Oslo digest:"mon 09:00"`.'] },
  ]);
}
