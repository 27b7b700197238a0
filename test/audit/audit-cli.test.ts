/**
 * `customer-focus verify`, `erase-person` and `purge` as an operator runs them, on a SQLite store
 * the bot wrote: what they print, their exit codes, and what they refuse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRawSqlite } from '../support/raw-sqlite.js';
import { keys } from '../../src/adapters/storage/repositories/keys.js';
import { cli } from '../support/cli-harness.js';
import { createTestCore, expectOk } from '../support/test-core.js';

const WORKSPACE = 'slack:TCLI';

describe('customer-focus verify, erase-person and purge', () => {
  let directory: string;
  let file: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-audit-cli-'));
    file = join(directory, 'store.sqlite');
    env = { STORE_URL: `sqlite://${file}` };
    const t = await createTestCore({ storeUrl: env.STORE_URL, namespace: 'cfb', workspaceId: WORKSPACE });
    const dana = { id: 'U_DANA', name: 'Dana Doe', workspaceId: WORKSPACE };
    for (const statement of ['Invoices in NOK', 'Deliveries within 5 days', 'Support in Norwegian']) {
      expectOk(await t.core.addRequirement(dana, { statement, customer: 'Acme AS' }));
    }
    await t.close();
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('verify seals on request and reports the log', async () => {
    const before = await cli(['verify', '--workspace', WORKSPACE], env);
    expect(before.code, before.err).toBe(0);
    expect(before.out).toContain(
      'Checked all 3 entries against their own hashes: all intact. No entry is sealed yet (seals are made hourly).',
    );
    const sealed = await cli(['verify', '--workspace', WORKSPACE, '--seal'], env);
    expect(sealed.err).toMatch(/Sealed up to entry 3 \(1 new seal, latest #1 [0-9a-f]{12}\)\./);
    expect(sealed.out).toMatch(
      /Checked every entry \(3\) against its own hash, and the seal chain \(1 seal over 3 entries\) against the entries each seal covers: all intact\. 3 entries are sealed, up to entry 3 by seal #1 [0-9a-f]{12} at \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo; no entry was written after it\./,
    );
    const quick = await cli(['verify', '--workspace', WORKSPACE, '--quick'], env);
    // Never "0 entries verified, sealed up to …": a quick check says it checked the chain.
    expect(quick.out).toMatch(
      /^Checked the seal chain \(1 seal over 3 entries\): intact\. 3 entries are sealed, up to entry 3 by seal #1 [0-9a-f]{12} at .* Europe\/Oslo; no entry was written after it\.$/m,
    );
    expect(quick.out).not.toMatch(/\b0 entries verified/);
    expect(quick.out).toContain('"customer-focus verify" re-checks every one of them');
  });

  it('verify exits 1 and names the entry when the file was edited behind the bot', async () => {
    const raw = openRawSqlite(file);
    try {
      const [row] = (await raw.query('SELECT value FROM cfb_records WHERE key = ?', keys.evidence(WORKSPACE, 2))) as { value: string }[];
      await raw.query(
        'UPDATE cfb_records SET value = ? WHERE key = ?',
        (row?.value ?? '').replace('Deliveries within 5 days', 'Deliveries within 9 days'),
        keys.evidence(WORKSPACE, 2),
      );
    } finally {
      await raw.disconnect();
    }
    const run = await cli(['verify', '--workspace', WORKSPACE], env);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Entry 2 fails (changed): its field "statement" no longer matches the hash stored with it.');
  });

  it('erase-person redacts and the log still verifies; it needs a user', async () => {
    const erased = await cli(['erase-person', '--workspace', WORKSPACE, '--user', 'U_DANA'], env);
    expect(erased.code, erased.err).toBe(0);
    expect(erased.out).toContain(
      "Erased U_DANA's personal fields in slack:TCLI: 3 fields in 3 evidence entries; stored records changed: 3 requirements.",
    );
    expect(erased.out).toContain(
      'The log still verifies. Checked all 4 entries against their own hashes: all intact. No entry is sealed yet (seals are made hourly).',
    );
    const missing = await cli(['erase-person', '--workspace', WORKSPACE], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Say whose data to erase');
  });

  it('purge asks for --confirm and an explicit workspace, then removes everything and says what', async () => {
    const unnamed = await cli(['purge', '--confirm'], env);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toContain('Say which workspace to purge');
    const preview = await cli(['purge', '--workspace', WORKSPACE], env);
    expect(preview.code).toBe(2);
    expect(preview.err).toContain(
      'Nothing removed. Purging slack:TCLI (Test workspace) would remove everything it holds: 3 requirements, 0 decision checks, 0 feedback records, 3 evidence entries',
    );
    const purged = await cli(['purge', '--workspace', WORKSPACE, '--confirm'], env);
    expect(purged.code, purged.err).toBe(0);
    expect(purged.out).toMatch(
      /^Purged slack:TCLI \(Test workspace\): 3 requirements, .* \d+ keys removed from the store in all\. Nothing of it remains\.\nSQLite: the removed text is overwritten in the database file, and its write-ahead log \(-wal\) is emptied\.$/,
    );
    const listed = await cli(['workspaces'], env);
    expect(listed.out).not.toContain(WORKSPACE);
  });
});
