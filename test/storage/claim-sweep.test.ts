/**
 * The sweep of expired claims is housekeeping: when it fails (a busy store), the claim it follows
 * still stands and is reported as made. Driven on a real SQLite file through a runner that refuses
 * the sweep's DELETE, as a store busy with another process's write would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SWEEP_EVERY } from '../../src/adapters/storage/expired-claims.js';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { type SqlRunner, sqlClaims } from '../../src/adapters/storage/sql-primitives.js';
import { sqlTables } from '../../src/adapters/storage/sql-schema.js';
import { openRawSqlite } from '../support/raw-sqlite.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-sweep-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('a claim is made even when the sweep after it fails', async () => {
  const file = join(directory, 'sweep.sqlite');
  const namespace = 'sweep';
  await (await openBackend(`sqlite://${file}`, { namespace })).close();
  const raw = openRawSqlite(file);
  let sweeps = 0;
  const busyForDeletes: SqlRunner = {
    all: (sql, params) => {
      if (!sql.startsWith('DELETE')) return raw.query(sql, ...params);
      sweeps += 1;
      return Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    },
  };
  try {
    const claims = sqlClaims(busyForDeletes, sqlTables(namespace));
    for (let i = 0; i < 2 * SWEEP_EVERY; i++) expect(await claims.claim(`ws:sweep:${i}`, 'me', 60_000)).toBe(true);
    expect(sweeps).toBe(2);
    expect(await claims.holder(`ws:sweep:${2 * SWEEP_EVERY - 1}`)).toBe('me');
  } finally {
    await raw.disconnect();
  }
});
