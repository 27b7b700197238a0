/** Reads what the coverage figures need for one workspace: the records, the register, the responsibilities. */
import { dateInZone } from '../domain/dates.js';
import type { Workspace } from '../domain/workspace.js';
import type { CoreDeps } from '../ports.js';
import { responsibilityTable } from '../use-cases/responsibilities.js';
import { type KnowledgeCoverage, knowledgeCoverage } from './coverage.js';

export async function loadCoverage(
  deps: Pick<CoreDeps, 'knowledge' | 'requirements' | 'responsibilities'>,
  workspace: Workspace,
  at: Date,
): Promise<KnowledgeCoverage> {
  const [records, requirements, responsibilities] = await Promise.all([
    deps.knowledge.list(workspace.id),
    deps.requirements.list(workspace.id),
    responsibilityTable(deps, workspace.id),
  ]);
  return knowledgeCoverage({
    records,
    requirements,
    responsibilities,
    today: dateInZone(at, workspace.settings.timeZone),
    ...(workspace.settings.knowledgeReviewMonths ? { reviewMonths: workspace.settings.knowledgeReviewMonths } : {}),
  });
}
