/**
 * With 1,000,000 evidence entries stored, listing one week reads that week's entries only: the
 * test counts every record and index member the store hands back.
 */
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { keys } from '../../src/adapters/storage/repositories/keys.js';
import type { EvidenceEntry } from '../../src/core/domain/evidence.js';
import { countingBackend } from '../support/counting-backend.js';

const ENTRIES = 1_000_000;
const START = Date.parse('2021-01-04T00:00:00Z');
const SPACING_MS = 150_000; // one entry every 2.5 minutes: 1,000,000 entries span about 4.75 years

describe('cost against history size', () => {
  it('lists one week out of 1,000,000 entries reading only that week', { timeout: 120_000 }, async () => {
    const { backend, counts, reset } = countingBackend(await openBackend('memory://', { namespace: 'history' }));
    const template: Omit<EvidenceEntry, 'seq' | 'at'> = {
      workspaceId: 'local',
      type: 'check.answered',
      actorId: 'U1',
      subject: { kind: 'check', id: 'c' },
      data: { impact: 'positive' },
      personal: {},
      personalHashes: {},
      hash: '0'.repeat(64),
    };
    for (let seq = 1; seq <= ENTRIES; seq++) {
      const at = START + seq * SPACING_MS;
      await backend.records.put(keys.evidence('local', seq), { ...template, seq, at: new Date(at).toISOString() });
      await backend.index.add(keys.evidenceByTime('local'), String(seq), at);
    }
    const evidence = createRepositories(backend).evidence;
    const weekStart = Date.parse('2023-06-05T00:00:00Z');
    reset();
    const week = await evidence.listBetween('local', { from: new Date(weekStart), to: new Date(weekStart + 7 * 86_400_000) });
    expect(week.length).toBe(Math.floor((7 * 86_400_000) / SPACING_MS)); // 4,032 entries
    expect(week.every((entry) => Date.parse(entry.at) >= weekStart && Date.parse(entry.at) < weekStart + 7 * 86_400_000)).toBe(true);
    expect(counts.recordsRead).toBe(week.length);
    expect(counts.indexMembersRead).toBe(week.length);
    await backend.close();
  });
});
