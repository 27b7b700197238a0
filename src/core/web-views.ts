/**
 * The core's read-only views for the web adapter (the dashboard and audit-pack downloads behind
 * signed links) and its scheduled evidence work, bound to the core's ports so the adapters never
 * hold them.
 */
import { exportForGrant } from './audit/export.js';
import { auditMaintenance, sealBeforeDigest } from './audit/maintenance.js';
import { auditPackDownload } from './dashboard/audit-pack.js';
import { dashboardFigures } from './dashboard/figures.js';
import { downloadTable } from './dashboard/table-csv.js';
import { answerSummaries, queryActions, queryChecks, queryEvidence, queryFeedback, queryRequirements } from './dashboard/tables.js';
import { verificationStatus } from './dashboard/verification.js';
import { queryKnowledge, requirementsFromChecks } from './dashboard/knowledge-table.js';
import type { WorkspaceId } from './domain/shared.js';
import type { CoreDeps } from './ports.js';

const bound =
  <A extends unknown[], R>(deps: CoreDeps, fn: (deps: CoreDeps, ...args: A) => R) =>
  (...args: A): R =>
    fn(deps, ...args);

export function webViews(deps: CoreDeps) {
  return {
    /** Checks signed links; undefined where no links can be served (no LINK_SECRET). */
    links: deps.links?.signer,
    workspace: (id: WorkspaceId) => deps.workspaces.get(id),
    figures: bound(deps, dashboardFigures),
    verification: bound(deps, verificationStatus),
    requirements: bound(deps, queryRequirements),
    knowledge: bound(deps, queryKnowledge),
    checks: bound(deps, queryChecks),
    requirementsFromChecks: bound(deps, requirementsFromChecks),
    answerSummaries: bound(deps, answerSummaries),
    actions: bound(deps, queryActions),
    feedback: bound(deps, queryFeedback),
    evidence: bound(deps, queryEvidence),
    downloadTable: bound(deps, downloadTable),
    auditPackDownload: bound(deps, auditPackDownload),
    auditPack: bound(deps, exportForGrant),
  };
}

export function evidenceJobs(deps: CoreDeps) {
  return {
    workspaces: () => deps.workspaces.list(),
    /** Hourly: snapshot retention and a seal per workspace. */
    maintain: bound(deps, auditMaintenance),
    /** A fresh seal before each scheduled digest. */
    sealBeforeDigest: bound(deps, sealBeforeDigest),
  };
}
