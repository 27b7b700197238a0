/**
 * After a store fault: the register and the evidence log agree, what people were told is true,
 * and the log verifies. Shared by the store-outage and SIGKILL suites.
 */
import { expect } from 'vitest';
import { verifyLog } from '../../../src/core/audit/verify-log.js';
import type { CoreDeps } from '../../../src/core/ports.js';
import { examineEvidence } from './evidence-check.js';

export interface ToldPeople {
  /** Statement → the requirement id its author was told was recorded. */
  readonly saved: ReadonlyMap<string, string>;
  /** Statements whose authors were told that nothing was saved. */
  readonly notSaved: readonly string[];
}

export async function expectRegisterMatchesLog(deps: CoreDeps, workspaceId: string, told: ToldPeople): Promise<void> {
  const register = await deps.requirements.list(workspaceId);
  const lastSeq = await deps.evidence.lastSeq(workspaceId);
  const entries = await deps.evidence.listBySeq(workspaceId, 1, lastSeq);
  // Every number handed out holds its entry, and every entry matches its hash.
  expect(examineEvidence(entries, lastSeq)).toEqual({ altered: [], holes: [] });
  // Every requirement has its `requirement.created` entry, and every such entry its requirement.
  const created = entries.filter((entry) => entry.type === 'requirement.created').map((entry) => entry.subject.id);
  expect([...created].sort()).toEqual(register.map((requirement) => requirement.id).sort());
  // Told "saved": the record is there, under the id they were given; told "not saved": nothing is.
  const byStatement = new Map(register.map((requirement) => [requirement.statement, requirement.id]));
  for (const [statement, id] of told.saved) expect(byStatement.get(statement), `"${statement}" was confirmed as ${id}`).toBe(id);
  for (const statement of told.notSaved) expect(byStatement.get(statement), `"${statement}" was reported as not saved`).toBeUndefined();
  const report = await verifyLog(deps, workspaceId, { full: true });
  expect(report.failure).toBeUndefined();
  expect(report.pending).toEqual([]);
  expect(report.gaps).toEqual([]);
}
