/**
 * Two bot processes write evidence into one store at the same time while a third seals over and
 * over: every entry gets its own number, the sealer never seals past an entry still being
 * written, and the log that results verifies in full. SQLite (one file), Redis and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { spawnWriter } from '../support/spawn-child.js';
import { createTestCore } from '../support/test-core.js';
import { rawTargets } from './support/raw-store.js';

const PER_WRITER = 60;
const WORKSPACE = 'slack:TSHARED';
const directory = mkdtempSync(join(tmpdir(), 'cfb-audit-writers-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(rawTargets(directory))('concurrent writers on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)('leave a log that seals and verifies', { timeout: 90_000 }, async () => {
    const { url, namespace } = target.fresh();
    const t = await createTestCore({ storeUrl: url, namespace, workspaceId: WORKSPACE });
    try {
      // The writers stamp entries with the real clock; the sealer must judge "still being written" by it too.
      t.clock.set(new Date().toISOString());
      const writers = ['alpha', 'beta'].map((label) => spawnWriter([url, namespace, WORKSPACE, String(PER_WRITER), label]));
      await Promise.all(writers.map((writer) => writer.waitFor((lines) => lines.includes('READY'))));
      for (const writer of writers) writer.go();
      const exits = Promise.all(writers.map((writer) => writer.exited));
      let running = true;
      void exits.then(() => {
        running = false;
      });
      let rounds = 0;
      while (running) {
        t.clock.set(new Date().toISOString());
        await sealWorkspace(t.deps, WORKSPACE);
        rounds += 1;
      }
      for (const exit of await exits) expect(exit.code, exit.stderr).toBe(0);
      t.clock.set(new Date().toISOString());
      const final = await sealWorkspace(t.deps, WORKSPACE);

      expect(await t.deps.evidence.lastSeq(WORKSPACE)).toBe(2 * PER_WRITER);
      expect(final.latest?.toSeq).toBe(2 * PER_WRITER);
      expect(rounds).toBeGreaterThan(1);
      const report = await verifyLog(t.deps, WORKSPACE, { full: true });
      expect(report.failure).toBeUndefined();
      expect(report).toMatchObject({ entriesVerified: 2 * PER_WRITER, sealedEntries: 2 * PER_WRITER, unsealed: 0, gaps: [] });
    } finally {
      await t.close();
      await target.cleanUp(url, namespace);
    }
  });
});
