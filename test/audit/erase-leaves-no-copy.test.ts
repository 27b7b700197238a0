/**
 * Issue 15.11: after `erase-person`, 27 copies of the erased name were still in the SQLite store's
 * write-ahead log. With the bot still running (its connection keeps the -wal file alive), the
 * operator runs `customer-focus erase-person`; then every file of the store (the database, -wal
 * and -shm) is searched byte for byte for the name. None may hold it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

const WORKSPACE = 'slack:TERASE';
const NAME = 'Zelda Quillfeather-Erasable';

describe('erase-person on SQLite', () => {
  let directory: string;
  let file: string;
  let running: TestCore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-erase-'));
    file = join(directory, 'store.sqlite');
    // The running bot: its connection stays open for the whole test, as in production.
    running = await createTestCore({ storeUrl: `sqlite://${file}`, namespace: 'cfb', workspaceId: WORKSPACE });
    const zelda = { id: 'U_ZELDA', name: NAME, workspaceId: WORKSPACE };
    for (let n = 1; n <= 20; n++) {
      const saved = expectOk(await running.core.addRequirement(zelda, { statement: `Deliveries within ${n} days`, customer: 'Acme AS' }));
      expectOk(await running.core.editRequirement(zelda, saved.id, { customer: `Acme ${n} AS` }));
    }
  });
  afterEach(async () => {
    await running.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** How often the name's bytes occur in each of the store's files that exist. */
  const copies = (): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const path = `${file}${suffix}`;
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      let count = 0;
      for (let at = bytes.indexOf(NAME); at !== -1; at = bytes.indexOf(NAME, at + 1)) count++;
      counts[`store.sqlite${suffix}`] = count;
    }
    return counts;
  };

  it('leaves no copy of the erased name in the database, its -wal or its -shm file', async () => {
    expect(Object.values(copies()).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    const run = await cli(['erase-person', '--workspace', WORKSPACE, '--user', 'U_ZELDA'], { STORE_URL: `sqlite://${file}` });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('SQLite: the removed text is overwritten in the database file, and its write-ahead log (-wal) is emptied.');
    const after = copies();
    expect(Object.keys(after)).toContain('store.sqlite');
    for (const count of Object.values(after)) expect(count).toBe(0);
    // The bot goes on working on the same files.
    expectOk(
      await running.core.addRequirement(
        { id: 'U_KIM', name: 'Kim', workspaceId: WORKSPACE },
        { statement: 'Invoices in EUR', customer: 'Acme AS' },
      ),
    );
  });
});
