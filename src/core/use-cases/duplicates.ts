/**
 * Refusing a second record of the same requirement ({@link duplicateKey}). Retired requirements no
 * longer count: recording one again is recording a current need, and pointing at a retired record
 * would send people to something that is no longer in force.
 */
import { type Requirement, duplicateKey } from '../domain/requirement.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';

export { duplicateKey };

/** The live (not retired) requirements by their duplicate key; the oldest wins when there are several. */
export function liveRequirementsByKey(requirements: readonly Requirement[]): Map<string, Requirement> {
  const byKey = new Map<string, Requirement>();
  for (const requirement of [...requirements].sort((a, b) => a.number - b.number)) {
    if (requirement.status === 'retired') continue;
    const key = duplicateKey(requirement.statement, requirement.customer);
    if (!byKey.has(key)) byKey.set(key, requirement);
  }
  return byKey;
}

/** Refusal of a second record of a live requirement; `existing` is the one to point at. */
export class DuplicateRequirement extends DomainError {
  constructor(readonly existing: Requirement) {
    super(
      'requirement.duplicate',
      `${existing.id} already records this statement for this customer, so I did not record it again. See it with "{requirement} show ${existing.id}". If you do mean a second, separate requirement, give the same command again with duplicate:ok at the end.`,
      'statement',
    );
  }
}

/** Throws {@link DuplicateRequirement} when a live requirement already says this for this customer. */
export async function refuseDuplicate(
  deps: Pick<CoreDeps, 'requirements'>,
  workspaceId: string,
  values: { readonly statement: string; readonly customer: string },
): Promise<void> {
  // An indexed lookup: reading the whole register here made every add slower as the register grew.
  const existing = await deps.requirements.findLive(workspaceId, duplicateKey(values.statement, values.customer));
  if (existing) throw new DuplicateRequirement(existing);
}
