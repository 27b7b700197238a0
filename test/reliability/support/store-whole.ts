/**
 * After a barrage of bad input: nothing was written by halves. Every requirement number taken
 * belongs to a stored requirement that was recorded as evidence, and every evidence number holds
 * an intact entry.
 */
import { expect } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import { examineEvidence } from './evidence-check.js';

export async function expectStoreWhole(services: Services, workspaceId: string): Promise<void> {
  const { core, backend } = services;
  const listed = await core.deps.requirements.list(workspaceId);
  const numbersTaken = await backend.counters.current(`ws:${workspaceId}:req`);
  expect(listed.map((requirement) => requirement.number).sort((a, b) => a - b)).toEqual(
    Array.from({ length: numbersTaken }, (_, i) => i + 1),
  );
  const lastSeq = await core.deps.evidence.lastSeq(workspaceId);
  const entries = await core.deps.evidence.listBySeq(workspaceId, 1, lastSeq);
  expect(examineEvidence(entries, lastSeq)).toEqual({ altered: [], holes: [] });
  const created = new Set(entries.filter((entry) => entry.type === 'requirement.created').map((entry) => entry.subject.id));
  expect(new Set(listed.map((requirement) => requirement.id))).toEqual(created);
}
