/**
 * The evidence log's verification status for the dashboard: the quick check (the seal chain, then
 * each entry written since the last seal against its own hash) and the latest seal. The quick
 * check reads the seals and the unsealed tail only; sealing runs hourly, so that tail is short.
 */
import { latestSeal } from '../audit/seal-workspace.js';
import type { Seal } from '../audit/seal.js';
import { type VerifyReport, verifyLog } from '../audit/verify-log.js';
import { verdictSentence } from '../audit/verify-view.js';
import type { WorkspaceId } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { workspaceTimeZone } from '../use-cases/workspaces.js';
import { type DashboardViewer, requireViewerPermission } from './viewer.js';

export interface VerificationStatus {
  readonly state: 'verified' | 'failed';
  /** One sentence: what was checked and what it found. */
  readonly verdict: string;
  /** The workspace's zone, in which every time on the dashboard is shown. */
  readonly timeZone: string;
  readonly report: VerifyReport;
  readonly latestSeal?: Seal;
  /** The highest evidence number handed out so far. */
  readonly lastSeq: number;
}

export async function verificationStatus(deps: CoreDeps, viewer: DashboardViewer): Promise<VerificationStatus> {
  requireViewerPermission(viewer, 'evidence.read');
  const workspaceId: WorkspaceId = viewer.workspaceId;
  const [report, seal, lastSeq, timeZone] = await Promise.all([
    verifyLog(deps, workspaceId),
    latestSeal(deps, workspaceId),
    deps.evidence.lastSeq(workspaceId),
    workspaceTimeZone(deps, workspaceId),
  ]);
  return {
    state: report.failure ? 'failed' : 'verified',
    verdict: verdictSentence(report, timeZone),
    timeZone,
    report,
    ...(seal ? { latestSeal: seal } : {}),
    lastSeq,
  };
}
