/**
 * The duplicate check reads an index of statements, not the whole register, on every store: it
 * still finds a requirement whatever its case and spacing, follows edits and retirement, and finds
 * requirements stored before the index existed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '../../src/adapters/storage/repositories/keys.js';
import { KeyvRequirementRepository } from '../../src/adapters/storage/repositories/requirement-repository.js';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { createTestCore, expectOk } from '../support/test-core.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-duplicates-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const refusal = (result: { ok: boolean; error?: Error }) => (result.ok ? undefined : result.error?.message);

describe.each(storeTargets(directory).filter((target) => target.kind !== 'memory'))('duplicate requirements on $label', (target) => {
  // Skipped where the store is not configured (REDIS_URL / DATABASE_URL unset); .ci/run sets both.
  it.skipIf(target.skipReason !== undefined)('finds duplicates by index, across edits, retirement and older stores', async () => {
    const namespace = uniqueNamespace();
    const t = await createTestCore({ storeUrl: target.url, namespace });
    try {
      const member = await t.actor('member', 'U_KIM');
      const manager = await t.actor('manager', 'U_MIA');
      expectOk(await t.core.addRequirement(member, { statement: 'Invoices in EUR', customer: 'Acme' }));
      expect(refusal(await t.core.addRequirement(member, { statement: '  invoices in eur ', customer: 'ACME' }))).toContain(
        'REQ-1 already records this statement',
      );
      expectOk(await t.core.addRequirement(member, { statement: 'Invoices in EUR', customer: 'Globex' }));

      expectOk(await t.core.editRequirement(manager, 'REQ-1', { statement: 'Invoices in EUR or NOK' }));
      expectOk(await t.core.addRequirement(member, { statement: 'Invoices in EUR', customer: 'Acme' }));
      expect(refusal(await t.core.addRequirement(member, { statement: 'invoices in eur or nok', customer: 'acme' }))).toContain('REQ-1');
      expectOk(await t.core.runCommand(manager, 'requirement retire REQ-1'));
      expect(expectOk(await t.core.addRequirement(member, { statement: 'invoices in eur or nok', customer: 'acme' })).id).toBe('REQ-4');

      // A requirement written before the statement index existed: only its record and number index.
      const old = { ...(await t.deps.requirements.get(t.workspaceId, 'REQ-2'))!, id: 'REQ-90', number: 90, customer: 'Initech' };
      await t.backend.records.put(keys.requirement(t.workspaceId, old.id), old);
      await t.backend.index.add(keys.requirementsByNumber(t.workspaceId), old.id, old.number);
      await t.backend.records.delete(keys.requirementStatementsIndexed(t.workspaceId));
      // A new process (a new connection to the same store) indexes it on its first check.
      const later = await openBackend(target.url, { namespace });
      try {
        const found = await new KeyvRequirementRepository(later).findLive(t.workspaceId, 'invoices in eur\u0000initech');
        expect(found?.id).toBe('REQ-90');
      } finally {
        await later.close();
      }
    } finally {
      await t.close();
      await removeNamespace(target.url, namespace);
    }
  });
});
