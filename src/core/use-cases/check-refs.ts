/**
 * Decision checks named by their reference (`D-12`): a requirement the decision gave rise to names
 * it as its source. Checks are indexed by their number, so a reference reads only its own check.
 */
import { type DecisionCheck, refOfCheck } from '../domain/decision-check.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';

/** The counter behind `D-<n>`, one per workspace. */
export const checkNumberCounter = (workspaceId: string): string => `ws:${workspaceId}:check-number`;

/** The checks with these references, by reference; reads only those checks. */
export async function checksByRef(
  deps: Pick<CoreDeps, 'checks'>,
  workspaceId: string,
  refs: readonly string[],
): Promise<Map<string, DecisionCheck>> {
  const found = new Map<string, DecisionCheck>();
  const numbers = refs.flatMap((ref) => {
    const n = Number(/^D-(\d+)$/.exec(ref)?.[1]);
    return Number.isSafeInteger(n) ? [n] : [];
  });
  if (numbers.length === 0) return found;
  for (const check of await deps.checks.getByNumbers(workspaceId, numbers)) {
    const ref = refOfCheck(check);
    if (ref) found.set(ref, check);
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
