/**
 * Everything an audit pack holds for one period, read from the store: the records the CSVs are
 * made of, the evidence entries, the seals that cover them, and the hashes of the entries those
 * seals also cover outside the period (so the pack's verifier can recompute each seal without the
 * entries themselves).
 */
import type { DecisionCheck, FollowUpAction, ImpactAnswer } from '../domain/decision-check.js';
import { dayRangeInZone } from '../domain/dates.js';
import type { EvidenceEntry } from '../domain/evidence.js';
import type { CustomerFeedback } from '../domain/feedback.js';
import type { Requirement, RequirementReview } from '../domain/requirement.js';
import type { WorkspaceId } from '../domain/shared.js';
import type { KnowledgeRecord } from '../domain/knowledge.js';
import type { Responsibility, ResponsibilityArea } from '../domain/responsibility.js';
import type { RoleAssignment, Workspace } from '../domain/workspace.js';
import { type KnowledgeCoverage, knowledgeCoverage } from '../knowledge/coverage.js';
import { responsibilityTable } from '../use-cases/responsibilities.js';
import type { CoreDeps, TimeRange } from '../ports.js';
import { requireWorkspace } from '../use-cases/workspaces.js';
import type { Period } from './period.js';
import type { Seal } from './seal.js';
import { type VerifyReport, verifyLog } from './verify-log.js';

export interface SealedElsewhere {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditData {
  readonly workspace: Workspace;
  readonly period: Period;
  readonly range: TimeRange;
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly requirements: readonly Requirement[];
  readonly reviews: readonly RequirementReview[];
  readonly checks: readonly DecisionCheck[];
  readonly answers: readonly ImpactAnswer[];
  readonly actions: readonly FollowUpAction[];
  readonly feedback: readonly CustomerFeedback[];
  readonly roles: readonly RoleAssignment[];
  /** Customer-knowledge records dated and recorded by the end of the period (5.1.2). */
  readonly knowledge: readonly KnowledgeRecord[];
  /** Who determines requirements per area, as named when the pack was made. */
  readonly responsibilities: readonly { readonly area: ResponsibilityArea; readonly responsibility?: Responsibility }[];
  /** Coverage and freshness of customer knowledge at the end of the period. */
  readonly coverage: KnowledgeCoverage;
  /** The period's evidence entries, in sequence order. */
  readonly entries: readonly EvidenceEntry[];
  /** The seals that cover any of those entries, in order. */
  readonly seals: readonly Seal[];
  readonly sealedElsewhere: readonly SealedElsewhere[];
  /** The log's state when the pack was made (seal chain and unsealed entries). */
  readonly verification: VerifyReport;
}

const within = (iso: string, range: TimeRange): boolean => {
  const t = Date.parse(iso);
  return t >= range.from.getTime() && t < range.to.getTime();
};

export async function collectAuditData(deps: CoreDeps, workspaceId: WorkspaceId, period: Period, generatedBy: string): Promise<AuditData> {
  const workspace = await requireWorkspace(deps, workspaceId);
  const range = dayRangeInZone(period.from, period.to, workspace.settings.timeZone);
  const generatedAt = deps.clock.now().toISOString();

  // The register as it stands, limited to what existed by the end of the period.
  const requirements = (await deps.requirements.list(workspaceId)).filter((r) => Date.parse(r.createdAt) < range.to.getTime());
  const reviews: RequirementReview[] = [];
  for (const requirement of requirements) {
    reviews.push(...(await deps.requirements.listReviews(workspaceId, requirement.id)).filter((review) => within(review.at, range)));
  }
  const checks = await deps.checks.listStarted(workspaceId, range);
  const answers: ImpactAnswer[] = [];
  const actions: FollowUpAction[] = [];
  for (const check of checks) {
    const ofCheck = await deps.checks.listAnswers(workspaceId, check.id);
    answers.push(...ofCheck);
    for (const answer of ofCheck) {
      const action = answer.actionId ? await deps.actions.get(workspaceId, answer.actionId) : undefined;
      if (action) actions.push(action);
    }
  }
  const feedback = await deps.feedback.listReceived(workspaceId, range);
  const roles = await deps.roles.list(workspaceId);
  const knowledge = (await deps.knowledge.list(workspaceId)).filter(
    (k) => k.date <= period.to && Date.parse(k.recordedAt) < range.to.getTime(),
  );
  const responsibilities = await responsibilityTable(deps, workspaceId);
  const coverage = knowledgeCoverage({
    records: knowledge,
    requirements,
    responsibilities,
    today: period.to,
    ...(workspace.settings.knowledgeReviewMonths ? { reviewMonths: workspace.settings.knowledgeReviewMonths } : {}),
  });
  const entries = await deps.evidence.listBetween(workspaceId, range);
  const { seals, sealedElsewhere } = await coveringSeals(deps, workspaceId, entries);
  const verification = await verifyLog(deps, workspaceId);

  return {
    workspace,
    period,
    range,
    generatedAt,
    generatedBy,
    requirements,
    reviews,
    checks,
    answers,
    actions,
    feedback,
    roles,
    knowledge,
    responsibilities,
    coverage,
    entries,
    seals,
    sealedElsewhere,
    verification,
  };
}

async function coveringSeals(
  deps: CoreDeps,
  workspaceId: WorkspaceId,
  entries: readonly EvidenceEntry[],
): Promise<{ seals: Seal[]; sealedElsewhere: SealedElsewhere[] }> {
  const latest = await deps.seals.latest(workspaceId);
  const first = entries[0]?.seq;
  const last = entries.at(-1)?.seq;
  if (!latest || first === undefined || last === undefined || first > latest.toSeq) return { seals: [], sealedElsewhere: [] };
  const seals = (await deps.seals.list(workspaceId, 1, latest.number)).filter((seal) => seal.toSeq >= first && seal.fromSeq <= last);
  const inPeriod = new Set(entries.map((entry) => entry.seq));
  const sealedElsewhere: SealedElsewhere[] = [];
  for (const seal of seals) {
    const gaps = new Set(seal.gaps);
    for (let start = seal.fromSeq; start <= seal.toSeq; start += 1000) {
      const end = Math.min(seal.toSeq, start + 999);
      const slots = await deps.evidence.slots(workspaceId, start, end);
      for (let seq = start; seq <= end; seq++) {
        const entry = slots[seq - start];
        if (inPeriod.has(seq) || gaps.has(seq) || !entry) continue;
        sealedElsewhere.push({ seq, hash: entry.hash });
      }
    }
  }
  return { seals, sealedElsewhere };
}
