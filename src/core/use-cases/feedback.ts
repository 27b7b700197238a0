/** Customer feedback: what customers actually said (ISO 9001 9.1.2). */
import type { FeedbackField, Fields } from '../domain/input-fields.js';
import { parseIsoDate, startOfDayInZone } from '../domain/dates.js';
import { type CustomerFeedback, FEEDBACK_KINDS, SENTIMENTS } from '../domain/feedback.js';
import { parseRequirementId } from '../domain/requirement.js';
import { parseLink } from '../domain/requirement-input.js';
import type { Actor } from '../domain/shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanText, oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import { FieldChecks } from '../domain/field-checks.js';
import type { CoreDeps, TimeRange } from '../ports.js';
import { requirePermission } from './access.js';
import { recordIn } from './record-evidence.js';
import { workspaceTimeZone } from './workspaces.js';

/** The ports the feedback use cases use. */
export type FeedbackDeps = Pick<
  CoreDeps,
  'clock' | 'ids' | 'roles' | 'adminUsers' | 'workspaces' | 'defaultTimeZone' | 'requirements' | 'feedback' | 'unitOfWork'
>;

export interface FeedbackInput {
  readonly summary?: string;
  readonly fields: Fields<FeedbackField>;
}

export async function recordFeedback(deps: FeedbackDeps, actor: Actor, input: FeedbackInput): Promise<CustomerFeedback> {
  await requirePermission(deps, actor, 'feedback.record');
  const { fields } = input;
  // Every field is checked before anything is refused, so a form shows all its mistakes at once.
  const checks = new FieldChecks();
  const summary = checks.run(() => cleanText(input.summary ?? '', { field: 'feedback', multiline: true }));
  const customer = checks.run(() => {
    if (!fields.customer?.trim()) {
      throw new DomainError('input.invalid', 'Say which customer said it, e.g. customer:"Acme AS".', 'customer');
    }
    return cleanText(fields.customer, { field: 'customer', max: MAX_SHORT_TEXT_LENGTH });
  });
  const sentiment = checks.run(() => {
    if (!fields.sentiment?.trim()) {
      throw new DomainError('input.invalid', `Say how the customer felt: sentiment:${SENTIMENTS.join('|')}.`, 'sentiment');
    }
    return oneOf(fields.sentiment, SENTIMENTS, 'sentiment');
  });
  const kind = checks.run(() => (fields.kind ? oneOf(fields.kind, FEEDBACK_KINDS, 'kind') : 'other'));
  const sourceLink = checks.run(() => (fields.link?.trim() ? parseLink(fields.link) : undefined));
  const requirementIds =
    checks.run(() => [
      ...new Set(
        (fields.requirements ?? '')
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((raw) => {
            const id = parseRequirementId(raw);
            if (!id) throw new DomainError('input.invalid', `"${raw}" is not a requirement id. Ids look like REQ-12.`, 'requirements');
            return id;
          }),
      ),
    ]) ?? [];
  for (const id of requirementIds) {
    if (!(await deps.requirements.get(actor.workspaceId, id))) {
      checks.add(new DomainError('requirement.not_found', `There is no ${id} in this workspace.`, 'requirements'));
    }
  }
  const now = deps.clock.now();
  const receivedAt = fields.received?.trim() ? checks.run(() => parseIsoDate(fields.received ?? '', 'received date')) : undefined;
  const receivedInstant = receivedAt ? startOfDayInZone(receivedAt, await workspaceTimeZone(deps, actor.workspaceId)) : now;
  if (receivedInstant.getTime() > now.getTime()) {
    checks.add(new DomainError('input.invalid', 'The received date is in the future. Give the day the customer said it.', 'received'));
  }
  checks.throwIfAny();
  if (summary === undefined || customer === undefined || sentiment === undefined || kind === undefined) {
    throw new Error('unreachable: every refused field was thrown above');
  }
  const feedback: CustomerFeedback = {
    workspaceId: actor.workspaceId,
    id: deps.ids.newId(),
    customer,
    kind,
    sentiment,
    summary,
    ...(sourceLink ? { sourceLink } : {}),
    requirementIds,
    receivedAt: receivedInstant.toISOString(),
    recordedBy: actor.name ? { id: actor.id, name: actor.name } : { id: actor.id },
    recordedAt: now.toISOString(),
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.feedback.create(feedback);
    recordIn(tx, actor, now, {
      type: 'feedback.recorded',
      subject: { kind: 'feedback', id: feedback.id },
      data: { kind, sentiment, requirementIds, receivedAt: feedback.receivedAt },
      personal: { summary, customer, sourceLink },
    });
  });
  return feedback;
}

export async function listFeedback(deps: FeedbackDeps, actor: Actor, range: TimeRange): Promise<CustomerFeedback[]> {
  await requirePermission(deps, actor, 'feedback.read');
  return deps.feedback.listReceived(actor.workspaceId, range);
}
