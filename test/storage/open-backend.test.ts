/**
 * Opening a store from its URL: the scheme picks the backend, a wrong URL says what would work,
 * a SQLite file gets its directory, and an unreachable server fails within seconds with a reason
 * that never shows the password.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { sqliteFilePath } from '../../src/adapters/storage/sqlite-backend.js';
import { databaseUrl, POSTGRES_SKIPPED, removeNamespace, uniqueNamespace } from '../support/real-stores.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-open-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('openBackend', () => {
  it.each(['mysql://root:secret@db/cfb', './data/store.sqlite', ''])('rejects %j, naming the schemes it accepts', async (url) => {
    const error: Error = await openBackend(url).then(
      () => new Error('opened'),
      (thrown: Error) => thrown,
    );
    for (const example of [
      'memory://',
      'sqlite://./data/store.sqlite',
      'sqlite:///',
      'redis://',
      'rediss://',
      'postgres://',
      'postgresql://',
    ]) {
      expect(error.message).toContain(example);
    }
    expect(error.message).not.toContain('secret');
  });

  it.each(['Cfb', 'cfb-prod', '1cfb', '', 'x'.repeat(41)])('rejects the namespace %j', async (namespace) => {
    await expect(openBackend('memory://', { namespace })).rejects.toThrow(/namespace/);
  });

  it('opens memory:// with the default namespace', async () => {
    const backend = await openBackend('memory://');
    expect(backend.kind).toBe('memory');
    await backend.close();
  });

  it('reads relative and absolute SQLite paths', () => {
    expect(sqliteFilePath('sqlite://./data/x.sqlite')).toBe(resolve('data/x.sqlite'));
    expect(sqliteFilePath('sqlite://data/x.sqlite')).toBe(resolve('data/x.sqlite'));
    expect(sqliteFilePath('sqlite:///var/lib/cfb/x.sqlite')).toBe('/var/lib/cfb/x.sqlite');
    expect(() => sqliteFilePath('sqlite://')).toThrow(/file path/);
  });

  it('creates the SQLite file and its missing directories on first start', async () => {
    const file = join(directory, 'nested', 'deeper', 'store.sqlite');
    const backend = await openBackend(`sqlite://${file}`);
    try {
      expect(backend.kind).toBe('sqlite');
      expect(existsSync(file)).toBe(true);
      await backend.ping();
    } finally {
      await backend.close();
    }
  });

  it('says why a SQLite file cannot be opened', async () => {
    const blocker = join(directory, 'not-a-directory');
    const backend = await openBackend(`sqlite://${blocker}`);
    await backend.close();
    await expect(openBackend(`sqlite://${join(blocker, 'store.sqlite')}`)).rejects.toThrow(/not-a-directory/);
  });

  it('fails within seconds when Redis is unreachable, without showing the password', async () => {
    const started = Date.now();
    const error: Error = await openBackend('redis://:secret@127.0.0.1:1').then(
      () => new Error('opened'),
      (thrown: Error) => thrown,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toMatch(/^Cannot open the Redis store at redis:\/\/:\*\*\*@127\.0\.0\.1:1.*ECONNREFUSED/);
    expect(error.message).not.toContain('secret');
  });

  it('fails within seconds when PostgreSQL is unreachable, without showing the password', async () => {
    const started = Date.now();
    const error: Error = await openBackend('postgres://cfb:secret@127.0.0.1:1/cfb').then(
      () => new Error('opened'),
      (thrown: Error) => thrown,
    );
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(error.message).toMatch(/^Cannot open the PostgreSQL store at postgres:\/\/cfb:\*\*\*@127\.0\.0\.1:1\/cfb.*ECONNREFUSED/);
    expect(error.message).not.toContain('secret');
  });

  // Skipped, with the reason in its title, where DATABASE_URL is unset; .ci/run sets it.
  it.skipIf(!databaseUrl)(`a failed PostgreSQL open leaves later opens working${databaseUrl ? '' : ` (${POSTGRES_SKIPPED})`}`, async () => {
    await expect(openBackend('postgres://cfb:secret@127.0.0.1:1/cfb')).rejects.toThrow();
    const namespace = uniqueNamespace();
    const backend = await openBackend(databaseUrl ?? '', { namespace });
    try {
      await backend.ping();
    } finally {
      await backend.close();
      await removeNamespace(databaseUrl ?? '', namespace);
    }
  });
});
