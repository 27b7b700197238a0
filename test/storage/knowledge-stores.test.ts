/**
 * Customer knowledge and responsibilities on every store (memory, SQLite, Redis, PostgreSQL):
 * numbering, listing in number order, one record per area, and erasure rewriting both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { erasePerson } from '../../src/core/audit/redaction.js';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { createTestCore, expectOk } from '../support/test-core.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-knowledge-stores-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(storeTargets(directory))('customer knowledge on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)('numbers, lists, names responsibilities and erases names', async () => {
    const namespace = uniqueNamespace();
    const t = await createTestCore({ storeUrl: target.url, namespace });
    try {
      const member = await t.actor('member', 'U_KIM');
      const admin = await t.actor('admin', 'U_ADMIN');
      for (let n = 1; n <= 11; n++) {
        expectOk(await t.core.runCommand(member, `knowledge add "Study ${n}" kind:market-research link:https://example.com/${n}`));
      }
      expect((await t.deps.knowledge.list(t.workspaceId)).map((record) => record.id)).toEqual(
        Array.from({ length: 11 }, (_, i) => `K-${i + 1}`),
      );
      expectOk(await t.core.runCommand(admin, 'responsible category:delivery <@U_DANA|Dana>'));
      expectOk(await t.core.runCommand(admin, 'responsible category:delivery <@U_KIM|Kim>'));
      expectOk(await t.core.runCommand(admin, 'responsible future <@U_KIM|Kim>'));
      // Removed in a unit of work, which writes and never deletes: the area reads as nobody named.
      expectOk(await t.core.runCommand(admin, 'responsible category:price <@U_DANA|Dana>'));
      expectOk(await t.core.runCommand(admin, 'responsible category:price none'));
      expect(await t.deps.responsibilities.get(t.workspaceId, 'price')).toBeUndefined();
      expect((await t.deps.responsibilities.list(t.workspaceId)).map((r) => [r.area, r.person.id])).toEqual([
        ['delivery', 'U_KIM'],
        ['future', 'U_KIM'],
      ]);
      const report = await erasePerson(t.deps, admin, 'U_KIM');
      expect(report.records).toMatchObject({ knowledge: 11, responsibility: 2 });
      expect((await t.deps.knowledge.get(t.workspaceId, 'K-5'))?.recordedBy).toEqual({ id: 'U_KIM' });
    } finally {
      await t.close();
      if (target.kind !== 'memory') await removeNamespace(target.url, namespace);
    }
  });
});
