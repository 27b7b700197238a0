/**
 * The operations measured against history size, each as the bot runs it, over one seeded store.
 * Each returns a short description of what it produced, and throws when the result is not what
 * the seeded store should give (so a wrong layout fails the run instead of timing an empty answer).
 */
import { verifyLog } from '../../../src/core/audit/verify-log.js';
import { verdictSentence } from '../../../src/core/audit/verify-view.js';
import { dashboardFigures } from '../../../src/core/dashboard/figures.js';
import { verificationStatus } from '../../../src/core/dashboard/verification.js';
import { buildDigest } from '../../../src/core/digest/issue.js';
import type { Core } from '../../../src/core/index.js';
import { WORKSPACE } from '../seed/plan.js';
import { MANAGER, unwrap } from '../seed/week.js';

export const OPERATIONS = {
  'requirements.list': 'list the register (the list use case, as `/requirement list`)',
  'digest.build': "build the week's digest (as the scheduler does, nothing sent)",
  'dashboard.figures': "the dashboard's figures (dashboardFigures: charts and headline numbers)",
  'dashboard.overview': 'what the dashboard overview reads: the figures and the verification status (a quick verify) side by side',
  'verify.quick': 'verify, quick (seal chain + entries after the last seal)',
  'verify.full': 'verify, full (every entry, every seal recomputed)',
} as const;

export type Operation = keyof typeof OPERATIONS;

export const OPERATION_IDS = Object.keys(OPERATIONS) as Operation[];

export async function runOperation(core: Core, operation: Operation, now: Date): Promise<string> {
  const { deps } = core;
  switch (operation) {
    case 'requirements.list': {
      const requirements = unwrap(await core.listRequirements(MANAGER));
      if (requirements.length === 0) throw new Error('the register is empty');
      return `${requirements.length} requirements`;
    }
    case 'digest.build': {
      const workspace = await deps.workspaces.get(WORKSPACE);
      if (!workspace) throw new Error('no workspace');
      const built = await buildDigest(deps, workspace, now, '2026-W48');
      if (built.content.checks.started === 0) throw new Error(`the digest saw no checks: ${built.message.fallback}`);
      return `${built.content.checks.started} checks, ${built.content.openActions.length} open actions, ${built.content.reviewsDue.length} reviews due`;
    }
    case 'dashboard.figures': {
      const figures = await dashboardFigures(deps, { workspaceId: WORKSPACE, role: 'auditor' });
      return `${figures.trend.reduce((sum, week) => sum + week.started, 0)} checks in the 12-week trend`;
    }
    case 'dashboard.overview': {
      const viewer = { workspaceId: WORKSPACE, role: 'auditor' as const };
      // What the overview route reads, side by side as it does; the HTML around it is left out.
      const [figures, verification] = await Promise.all([dashboardFigures(deps, viewer), verificationStatus(deps, viewer)]);
      if (verification.state !== 'verified') throw new Error(`the log does not verify: ${verification.verdict}`);
      return `${figures.trend.reduce((sum, week) => sum + week.started, 0)} checks in the 12-week trend`;
    }
    case 'verify.quick':
    case 'verify.full': {
      const report = await verifyLog(deps, WORKSPACE, { full: operation === 'verify.full' });
      if (report.failure) throw new Error(`the log does not verify: ${verdictSentence(report, 'UTC')}`);
      return `verified: ${report.seals} seals, ${report.entriesVerified} entries checked`;
    }
  }
}
