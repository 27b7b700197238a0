/**
 * Decision checks named by their reference (`D-12`): a requirement the decision gave rise to names
 * it as its source. Checks are stored by id, so a reference is found among the workspace's checks.
 */
import { type DecisionCheck, refOfCheck } from '../domain/decision-check.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';

const EVERYTHING = { from: new Date(-8.64e15), to: new Date(8.64e15) };

/** The counter behind `D-<n>`, one per workspace. */
export const checkNumberCounter = (workspaceId: string): string => `ws:${workspaceId}:check-number`;

/** The checks with these references, by reference; only read when some are asked for. */
export async function checksByRef(
  deps: Pick<CoreDeps, 'checks'>,
  workspaceId: string,
  refs: readonly string[],
): Promise<Map<string, DecisionCheck>> {
  const found = new Map<string, DecisionCheck>();
  if (refs.length === 0) return found;
  const wanted = new Set(refs);
  for (const check of await deps.checks.listStarted(workspaceId, EVERYTHING)) {
    const ref = refOfCheck(check);
    if (ref && wanted.has(ref)) found.set(ref, check);
  }
  return found;
}

/** Refuses references to checks that do not exist (a requirement's `source:D-12`), naming the first. */
export async function requireChecksExist(
  deps: Pick<CoreDeps, 'checks'>,
  workspaceId: string,
  refs: readonly string[],
  field = 'source',
): Promise<void> {
  const found = await checksByRef(deps, workspaceId, refs);
  const missing = refs.find((ref) => !found.has(ref));
  if (missing) {
    throw new DomainError(
      'check.not_found',
      `There is no decision check ${missing} in this workspace. A decision check's reference is shown under its question, e.g. D-12.`,
      field,
    );
  }
}
