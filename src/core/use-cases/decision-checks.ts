/**
 * Decision checks: "How does this decision affect customers?", the answers people give, and the
 * follow-up actions that negative or uncertain answers call for.
 */
import { dateInZone, parseIsoDate } from '../domain/dates.js';
import { FieldChecks } from '../domain/field-checks.js';
import {
  type CheckOrigin,
  checkRef,
  type ConversationPlace,
  type DecisionCheck,
  type FollowUpAction,
  IMPACTS,
  IMPACTS_NEEDING_ACTION,
  IMPACTS_NEEDING_EXPLANATION,
  type ImpactAnswer,
} from '../domain/decision-check.js';
import { parsePerson } from '../domain/person.js';
import { parseRequirementId } from '../domain/requirement.js';
import type { Actor, IsoDate, Person, PersonRef } from '../domain/shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanOptionalText, cleanText, oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import type { CoreDeps, Transaction } from '../ports.js';
import { requirePermission } from './access.js';
import { checkNumberCounter } from './check-refs.js';
import { personId, recordIn } from './record-evidence.js';
import { workspaceTimeZone } from './workspaces.js';

/** The ports the decision-check use cases use. */
export type CheckDeps = Pick<
  CoreDeps,
  'clock' | 'ids' | 'roles' | 'adminUsers' | 'checks' | 'requirements' | 'unitOfWork' | 'workspaces' | 'defaultTimeZone' | 'counters'
>;

const author = (actor: Actor): Person => (actor.name ? { id: actor.id, name: actor.name } : { id: actor.id });

export interface StartCheckInput {
  /** A fixed id (prompts in a thread use one derived from the thread, so retries find it). */
  readonly id?: string;
  readonly text: string;
  readonly place: ConversationPlace;
  readonly decidedBy?: Person;
  readonly origin: CheckOrigin;
}

export async function startCheck(deps: CheckDeps, actor: Actor, input: StartCheckInput): Promise<DecisionCheck> {
  await requirePermission(deps, actor, 'check.start');
  const text = cleanText(input.text, { field: 'decision', multiline: true });
  const now = deps.clock.now();
  // Taken after the text is checked, so a refused check uses up no number.
  const number = await deps.counters.next(checkNumberCounter(actor.workspaceId));
  const check: DecisionCheck = {
    workspaceId: actor.workspaceId,
    id: input.id ?? deps.ids.newId(),
    number,
    text,
    place: input.place,
    ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
    origin: input.origin,
    startedBy: author(actor),
    startedAt: now.toISOString(),
    status: 'awaiting',
    version: 1,
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.checks.create(check);
    recordIn(tx, actor, now, {
      type: 'check.started',
      subject: { kind: 'check', id: check.id },
      data: {
        ref: checkRef(number),
        origin: check.origin,
        platform: check.place.platform,
        channelId: check.place.channelId,
        threadId: check.place.threadId ?? null,
        messageId: check.place.messageId ?? null,
        decidedById: personId(check.decidedBy),
      },
      personal: { text: check.text, permalink: check.place.permalink, decidedByName: check.decidedBy?.name },
    });
  });
  return check;
}

export async function loadCheck(deps: Pick<CoreDeps, 'checks'>, actor: Actor, id: string): Promise<DecisionCheck> {
  const check = await deps.checks.get(actor.workspaceId, id);
  if (!check) throw new DomainError('check.not_found', 'I could not find that decision check. It may belong to another workspace.');
  return check;
}

/** The follow-up to a negative or uncertain impact: an action, or the risk accepted with a reason. */
export type FollowUpInput =
  | { readonly kind: 'action'; readonly description: string; readonly owner?: string; readonly dueOn?: string }
  | { readonly kind: 'accepted'; readonly reason: string };

export interface AnswerInput {
  readonly impact: string;
  readonly affectedCustomers?: readonly string[];
  readonly requirementIds?: readonly string[];
  readonly explanation?: string;
  readonly followUp?: FollowUpInput;
}

export interface AnswerResult {
  readonly check: DecisionCheck;
  readonly answer: ImpactAnswer;
  readonly action?: FollowUpAction;
}

function checkedRequirementIds(raw: readonly string[]): string[] {
  return [
    ...new Set(
      raw.map((value) => {
        const id = parseRequirementId(value);
        if (!id) throw new DomainError('input.invalid', `"${value}" is not a requirement id. Ids look like REQ-12.`, 'requirements');
        return id;
      }),
    ),
  ];
}

/** A follow-up as checked: the action's parts, or the accepted risk's reason. */
type CheckedFollowUp =
  | { readonly kind: 'action'; readonly description: string; readonly owner: PersonRef; readonly dueOn: IsoDate }
  | { readonly kind: 'accepted'; readonly reason: string };

/**
 * Checks a follow-up's fields, each on its own, into `checks`. The owner must be a person of the
 * workspace (reminders go to them) and the due date today or later (an action due yesterday is
 * overdue the moment it is recorded).
 */
function checkFollowUp(input: FollowUpInput, actor: Actor, today: IsoDate, checks: FieldChecks): CheckedFollowUp | undefined {
  if (input.kind === 'accepted') {
    const reason = checks.run(() => cleanText(input.reason, { field: 'reason for accepting the risk', multiline: true }));
    return reason === undefined ? undefined : { kind: 'accepted', reason };
  }
  const description = checks.run(() => cleanText(input.description, { field: 'action', multiline: true }));
  const owner = checks.run(() => {
    if (!input.owner?.trim()) {
      throw new DomainError('input.invalid', 'A follow-up action needs an owner, so it does not get lost.', 'action owner');
    }
    return parsePerson(input.owner, actor, 'action owner');
  });
  const dueOn = checks.run(() => {
    if (!input.dueOn?.trim()) {
      throw new DomainError('input.invalid', 'A follow-up action needs a due date, so it does not get lost.', 'due date');
    }
    const date = parseIsoDate(input.dueOn, 'due date');
    if (date < today) {
      throw new DomainError(
        'input.invalid',
        `The due date ${date} is in the past, so the action would be overdue at once. Give today (${today}) or a later day.`,
        'due date',
      );
    }
    return date;
  });
  return description === undefined || owner === undefined || dueOn === undefined
    ? undefined
    : { kind: 'action', description, owner, dueOn };
}

function buildAction(
  deps: CheckDeps,
  actor: Actor,
  check: DecisionCheck,
  answerId: string,
  followUp: CheckedFollowUp,
  now: Date,
): FollowUpAction {
  const base = {
    workspaceId: actor.workspaceId,
    id: deps.ids.newId(),
    checkId: check.id,
    answerId,
    createdBy: author(actor),
    createdAt: now.toISOString(),
    version: 1,
  };
  if (followUp.kind === 'accepted') {
    return {
      ...base,
      description: 'Accepted, no action',
      status: 'accepted',
      acceptedReason: followUp.reason,
      closedBy: author(actor),
      closedAt: now.toISOString(),
    };
  }
  return { ...base, description: followUp.description, owner: followUp.owner, dueOn: followUp.dueOn, status: 'open' };
}

/**
 * Records one person's answer. A second answer by the same person supersedes their first.
 * Negative and "none" answers need an explanation; negative and unknown ones need a follow-up.
 * Every field is checked before anything is refused, so a form shows all its mistakes at once.
 */
export async function answerCheck(deps: CheckDeps, actor: Actor, checkId: string, input: AnswerInput): Promise<AnswerResult> {
  await requirePermission(deps, actor, 'check.answer');
  const checks = new FieldChecks();
  const impact = checks.run(() => oneOf(input.impact, IMPACTS, 'impact'));
  const explanation = checks.run(() => cleanOptionalText(input.explanation, { field: 'explanation', multiline: true }));
  if (impact && IMPACTS_NEEDING_EXPLANATION.has(impact) && !explanation && !checks.failed) {
    checks.add(new DomainError('input.invalid', `Please explain why the impact is "${impact}": one sentence is enough.`, 'explanation'));
  }
  if (impact && IMPACTS_NEEDING_ACTION.has(impact) && !input.followUp) {
    checks.add(
      new DomainError(
        'input.invalid',
        'Say what will be done about it: an action with an owner and a due date, or "accepted, no action" with the reason.',
        'action',
      ),
    );
  }
  const affectedCustomers = [
    ...new Set(
      (input.affectedCustomers ?? []).flatMap(
        (name) => checks.run(() => cleanText(name, { field: 'affected customer', max: MAX_SHORT_TEXT_LENGTH })) ?? [],
      ),
    ),
  ];
  const requirementIds = checks.run(() => checkedRequirementIds(input.requirementIds ?? [])) ?? [];
  const today = dateInZone(deps.clock.now(), await workspaceTimeZone(deps, actor.workspaceId));
  const followUp =
    input.followUp && impact && IMPACTS_NEEDING_ACTION.has(impact) ? checkFollowUp(input.followUp, actor, today, checks) : undefined;
  const check = await loadCheck(deps, actor, checkId);
  if (check.status === 'dismissed') {
    throw new DomainError('check.closed', 'This check was dismissed as "not a decision", so it takes no answers.');
  }
  for (const id of requirementIds) {
    if (!(await deps.requirements.get(actor.workspaceId, id))) {
      checks.add(new DomainError('requirement.not_found', `There is no ${id} in this workspace.`, 'requirements'));
    }
  }
  checks.throwIfAny();
  if (!impact) throw new Error('unreachable: a refused impact was thrown above');
  const now = deps.clock.now();
  const previous = (await deps.checks.listAnswers(actor.workspaceId, check.id)).filter((answer) => answer.by.id === actor.id).at(-1);
  const answerId = deps.ids.newId();
  const action = followUp ? buildAction(deps, actor, check, answerId, followUp, now) : undefined;
  const answer: ImpactAnswer = {
    workspaceId: actor.workspaceId,
    checkId: check.id,
    id: answerId,
    impact,
    affectedCustomers,
    requirementIds,
    ...(explanation ? { explanation } : {}),
    by: author(actor),
    at: now.toISOString(),
    ...(previous ? { supersedes: previous.id } : {}),
    ...(action ? { actionId: action.id } : {}),
  };
  // The answer, its action, the check's new status and their evidence: all stored, or none.
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    if (action) await tx.actions.create(action);
    await tx.checks.addAnswer(answer);
    // Only the first answer changes the check: later ones leave it (and its version) alone.
    const answered = check.status === 'awaiting' ? await tx.checks.update(actor.workspaceId, check.id, markAnswered) : check;
    recordIn(tx, actor, now, {
      type: 'check.answered',
      subject: { kind: 'check', id: check.id },
      data: { answerId, impact, requirementIds, supersedes: previous?.id ?? null, actionId: action?.id ?? null },
      personal: { explanation, affectedCustomers: affectedCustomers.join('; ') || undefined },
    });
    if (action) recordActionCreated(tx, actor, action, now);
    return answered ?? check;
  });
  return { check: updated, answer, ...(action ? { action } : {}) };
}

const markAnswered = (current: DecisionCheck): DecisionCheck =>
  current.status === 'awaiting' ? { ...current, status: 'answered' } : current;

function recordActionCreated(tx: Pick<Transaction, 'record'>, actor: Actor, action: FollowUpAction, now: Date) {
  recordIn(tx, actor, now, {
    type: 'action.created',
    subject: { kind: 'action', id: action.id },
    data: {
      checkId: action.checkId,
      answerId: action.answerId,
      status: action.status,
      ownerId: personId(action.owner),
      dueOn: action.dueOn ?? null,
    },
    personal: { description: action.description, ownerName: action.owner?.name, acceptedReason: action.acceptedReason },
  });
}

/** "Not a decision": closes the check; kept as feedback for detection. */
export async function dismissCheck(deps: CheckDeps, actor: Actor, checkId: string): Promise<DecisionCheck> {
  await requirePermission(deps, actor, 'check.answer');
  const check = await loadCheck(deps, actor, checkId);
  if (check.status !== 'awaiting') {
    throw new DomainError(
      'check.closed',
      check.status === 'answered' ? 'This check already has answers, so it stays.' : 'This check was already dismissed.',
    );
  }
  const now = deps.clock.now();
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const dismissed = await tx.checks.update(actor.workspaceId, check.id, (current) => {
      if (current.status !== 'awaiting') throw new DomainError('check.closed', 'Someone answered this check a moment ago, so it stays.');
      return { ...current, status: 'dismissed', dismissedBy: author(actor), dismissedAt: now.toISOString() };
    });
    if (!dismissed) throw new DomainError('check.not_found', 'That decision check no longer exists.');
    recordIn(tx, actor, now, {
      type: 'check.dismissed',
      subject: { kind: 'check', id: check.id },
      data: { origin: check.origin },
    });
    return dismissed;
  });
  return updated;
}

export async function closeAction(deps: CheckDeps, actor: Actor, actionId: string, rawNote?: string): Promise<FollowUpAction> {
  await requirePermission(deps, actor, 'action.record');
  const note = cleanOptionalText(rawNote, { field: 'note', multiline: true });
  const now = deps.clock.now();
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const closed = await tx.actions.update(actor.workspaceId, actionId, (current) => {
      if (current.status !== 'open') throw new DomainError('action.closed', 'That follow-up action is already closed.');
      return { ...current, status: 'done', closedBy: author(actor), closedAt: now.toISOString(), ...(note ? { closingNote: note } : {}) };
    });
    if (!closed) throw new DomainError('action.not_found', 'I could not find that follow-up action in this workspace.');
    recordIn(tx, actor, now, {
      type: 'action.closed',
      subject: { kind: 'action', id: closed.id },
      data: { checkId: closed.checkId, status: closed.status },
      personal: { note },
    });
    return closed;
  });
  return updated;
}
