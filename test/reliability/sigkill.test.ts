/**
 * A bot process killed with SIGKILL in the middle of writing loses nothing it had acknowledged:
 * after a restart, every acknowledged requirement is there, listed, with its evidence entry, and
 * the one being written when the process died is there whole or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { spawnWriter } from '../support/spawn-child.js';
import { examineEvidence } from './support/evidence-check.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-kill-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('SIGKILL while writing (SQLite)', () => {
  it('keeps everything that was acknowledged', { timeout: 60_000 }, async () => {
    const url = `sqlite://${join(directory, 'kill.sqlite')}`;
    const writer = spawnWriter([url, 'kill', 'local', '100000', 'victim']);
    await writer.waitFor((lines) => lines.includes('READY'));
    writer.go();
    const ackCount = () => writer.lines.filter((line) => line.startsWith('ACK ')).length;
    await writer.waitFor(() => ackCount() >= 40);
    writer.process.kill('SIGKILL');
    const { signal } = await writer.exited;
    expect(signal).toBe('SIGKILL');
    const acked = writer.lines.filter((line) => line.startsWith('ACK ')).map((line) => line.slice(4));

    // Restart: a new process opens the same file, lists the register and keeps writing.
    const restarted = spawnWriter([url, 'kill', 'local', '5', 'after']);
    await restarted.waitFor((lines) => lines.includes('READY'));
    restarted.go();
    expect((await restarted.exited).code).toBe(0);
    const lister = spawnWriter([url, 'kill', 'local', 'list']);
    expect((await lister.exited).code).toBe(0);
    const listed = new Set<string>(JSON.parse(lister.lines[0] ?? '[]'));
    for (const id of acked) expect(listed.has(id), `${id} was acknowledged but is missing`).toBe(true);
    expect(listed.size).toBeGreaterThanOrEqual(acked.length + 5);

    const backend = await openBackend(url, { namespace: 'kill' });
    try {
      const evidence = createRepositories(backend).evidence;
      const entries = await evidence.listBySeq('local', 1, await evidence.lastSeq('local'));
      const logged = new Set(entries.filter((entry) => entry.type === 'requirement.created').map((entry) => entry.subject.id));
      for (const id of acked) expect(logged.has(id), `${id} has no evidence entry`).toBe(true);
      // Every requirement has its entry and every entry its requirement; no number without its entry.
      expect([...logged].sort()).toEqual([...listed].sort());
      expect(examineEvidence(entries, await evidence.lastSeq('local')).holes).toEqual([]);
    } finally {
      await backend.close();
    }
  });
});
