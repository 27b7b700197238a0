/**
 * Customer knowledge (ISO 9001 5.1.2): the research, surveys, briefs and regulatory watch the
 * organisation learns customer needs from. Records are written once and then logged as evidence,
 * before anything is shown; traceability runs both ways between them and the requirements.
 */
import type { Fields, KnowledgeField } from '../commands/grammar.js';
import { dateInZone } from '../domain/dates.js';
import type { DecisionCheck } from '../domain/decision-check.js';
import type { CustomerFeedback } from '../domain/feedback.js';
import { KNOWLEDGE_KINDS, type KnowledgeKind, type KnowledgeRecord, knowledgeId, parseKnowledgeId } from '../domain/knowledge.js';
import { MAX_KNOWLEDGE_REVIEW_MONTHS } from '../knowledge/coverage.js';
import { knowledgeValues } from '../domain/knowledge-input.js';
import type { Requirement } from '../domain/requirement.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { checksByRef } from './check-refs.js';
import { personId, recordIn } from './record-evidence.js';
import { workspaceTimeZone } from './workspaces.js';

const EVERYTHING = { from: new Date(-8.64e15), to: new Date(8.64e15) };

/** Refuses ids of requirements that do not exist, naming the first, before anything is written. */
export async function requireRequirementsExist(
  deps: Pick<CoreDeps, 'requirements'>,
  workspaceId: string,
  ids: readonly string[],
  field = 'requirements',
): Promise<void> {
  for (const id of ids) {
    if (!(await deps.requirements.get(workspaceId, id))) {
      throw new DomainError(
        'requirement.not_found',
        `There is no ${id} in this workspace. "{requirement} list" shows the requirements there are.`,
        field,
      );
    }
  }
}

/** Refuses knowledge ids that do not exist (a requirement's `source:K-3`). */
export async function requireKnowledgeExists(
  deps: Pick<CoreDeps, 'knowledge'>,
  workspaceId: string,
  ids: readonly string[],
  field = 'source',
): Promise<void> {
  for (const id of ids) {
    if (!(await deps.knowledge.get(workspaceId, id))) {
      throw new DomainError(
        'knowledge.not_found',
        `There is no customer-knowledge record ${id} in this workspace. "{knowledge} list" shows the records there are.`,
        field,
      );
    }
  }
}

/** The workspace's date today: a source's date may not be later. */
export async function workspaceToday(deps: CoreDeps, workspaceId: string): Promise<string> {
  return dateInZone(deps.clock.now(), await workspaceTimeZone(deps, workspaceId));
}

export async function recordKnowledge(
  deps: CoreDeps,
  actor: Actor,
  fields: Fields<KnowledgeField>,
  options: { readonly ownerDefaultsToActor?: boolean } = {},
): Promise<KnowledgeRecord> {
  await requirePermission(deps, actor, 'knowledge.record');
  // Everything is checked before a number is taken, so a refused record uses up nothing.
  const values = knowledgeValues(fields, actor, await workspaceToday(deps, actor.workspaceId), options);
  await requireRequirementsExist(deps, actor.workspaceId, values.requirementIds);
  const now = deps.clock.now();
  const number = await deps.knowledge.allocateNumber(actor.workspaceId);
  const record: KnowledgeRecord = {
    workspaceId: actor.workspaceId,
    id: knowledgeId(number),
    number,
    ...values,
    recordedBy: actor.name ? { id: actor.id, name: actor.name } : { id: actor.id },
    recordedAt: now.toISOString(),
  };
  // The record and its evidence entry are one commit: neither is ever stored without the other.
  await deps.unitOfWork.run(async (tx) => {
    await tx.knowledge.create(record);
    recordIn(tx, actor, now, {
      type: 'knowledge.recorded',
      subject: { kind: 'knowledge', id: record.id },
      data: {
        kind: record.kind,
        date: record.date,
        horizon: record.horizon,
        requirementIds: [...record.requirementIds],
        ownerId: personId(record.owner),
      },
      personal: {
        title: record.title,
        link: record.link,
        fileName: record.fileName,
        customers: record.customers,
        summary: record.summary,
        ownerName: record.owner?.name,
      },
    });
  });
  return record;
}

/** Every record, newest first, optionally of one kind. */
export async function listKnowledge(deps: CoreDeps, actor: Actor, rawKind?: string): Promise<KnowledgeRecord[]> {
  await requirePermission(deps, actor, 'knowledge.read');
  const kind = rawKind?.trim() ? oneOf(rawKind, KNOWLEDGE_KINDS, 'kind') : undefined;
  const records = await deps.knowledge.list(actor.workspaceId);
  return records.filter((record) => !kind || record.kind === kind).sort(newestFirst);
}

const newestFirst = (a: KnowledgeRecord, b: KnowledgeRecord): number => b.date.localeCompare(a.date) || b.number - a.number;

export async function loadKnowledge(deps: Pick<CoreDeps, 'knowledge'>, actor: Actor, raw: string): Promise<KnowledgeRecord> {
  const id = parseKnowledgeId(raw);
  if (!id) throw new DomainError('knowledge.not_found', `"${raw}" is not a customer-knowledge id. Ids look like K-3.`);
  const record = await deps.knowledge.get(actor.workspaceId, id);
  if (!record) {
    throw new DomainError('knowledge.not_found', `There is no ${id} in this workspace. "{knowledge} list" shows the records there are.`);
  }
  return record;
}

/**
 * The requirements a record informed, both ways round: those it named when it was recorded, and
 * those that name it as their source (`source:K-3`). In number order.
 */
export function requirementsInformedBy(record: KnowledgeRecord, requirements: readonly Requirement[]): Requirement[] {
  const named = new Set(record.requirementIds);
  return requirements.filter((requirement) => named.has(requirement.id) || requirement.knowledgeIds?.includes(record.id));
}

export async function showKnowledge(
  deps: CoreDeps,
  actor: Actor,
  raw: string,
): Promise<{ record: KnowledgeRecord; requirements: Requirement[] }> {
  await requirePermission(deps, actor, 'knowledge.read');
  const record = await loadKnowledge(deps, actor, raw);
  const requirements = requirementsInformedBy(record, await deps.requirements.list(actor.workspaceId));
  return { record, requirements };
}

/** Where a requirement came from: the knowledge records, decision checks and customer feedback linked to it. */
export interface RequirementSources {
  readonly knowledge: readonly KnowledgeRecord[];
  readonly checks: readonly DecisionCheck[];
  readonly feedback: readonly CustomerFeedback[];
}

export async function sourcesOfRequirement(
  deps: Pick<CoreDeps, 'knowledge' | 'feedback' | 'checks'>,
  requirement: Requirement,
): Promise<RequirementSources> {
  const named = new Set(requirement.knowledgeIds ?? []);
  const knowledge = (await deps.knowledge.list(requirement.workspaceId)).filter(
    (record) => named.has(record.id) || record.requirementIds.includes(requirement.id),
  );
  const checks = [...(await checksByRef(deps, requirement.workspaceId, requirement.checkRefs ?? [])).values()];
  const feedback = (await deps.feedback.listReceived(requirement.workspaceId, EVERYTHING)).filter((item) =>
    item.requirementIds.includes(requirement.id),
  );
  return { knowledge, checks, feedback };
}

/** `6`, `6m`, `18 months`, `1y` → whole months between 1 and 120. */
export function parseReviewMonths(raw: string): number {
  const match = /^(\d{1,3})\s*(m|mo|months?|y|years?)?$/i.exec(raw.trim());
  const months = match ? Number(match[1]) * (match[2]?.toLowerCase().startsWith('y') ? 12 : 1) : Number.NaN;
  if (!Number.isInteger(months) || months < 1 || months > MAX_KNOWLEDGE_REVIEW_MONTHS) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a review period I understand. Give months or years between 1 month and 10 years, e.g. 6m, 12m or 2y.`,
      'period',
    );
  }
  return months;
}

/** An admin sets after how many months a kind of knowledge counts as stale; evidence before it is shown. */
export async function setKnowledgeReviewPeriod(
  deps: CoreDeps,
  actor: Actor,
  rawKind: string,
  rawPeriod: string,
): Promise<{ kind: KnowledgeKind; months: number }> {
  await requirePermission(deps, actor, 'settings.change');
  const kind = oneOf(rawKind, KNOWLEDGE_KINDS, 'kind');
  const months = parseReviewMonths(rawPeriod);
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (tx) => {
    const updated = await tx.workspaces.update(actor.workspaceId, (current) => ({
      ...current,
      settings: { ...current.settings, knowledgeReviewMonths: { ...current.settings.knowledgeReviewMonths, [kind]: months } },
    }));
    if (!updated) throw new DomainError('workspace.unknown', `There is no workspace "${actor.workspaceId}".`);
    recordIn(tx, actor, now, {
      type: 'settings.changed',
      subject: { kind: 'workspace', id: actor.workspaceId },
      data: { knowledgeReviewMonths: { [kind]: months } },
    });
  });
  return { kind, months };
}
