/**
 * The Backend contract on every store: memory and SQLite always; Redis and PostgreSQL when
 * REDIS_URL and DATABASE_URL point at running servers (CI sets them), otherwise the blocks say
 * they were skipped and how to run them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { announceSkippedServers, databaseUrl, POSTGRES_SKIPPED, REDIS_SKIPPED, redisUrl, removeNamespace } from '../support/real-stores.js';
import { backendContract } from './backend-contract.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-contract-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
announceSkippedServers();

describe('memory backend', () => {
  backendContract({ open: (namespace) => openBackend('memory://', { namespace }), cleanup: async () => {} });
});

describe('SQLite backend', () => {
  const url = `sqlite://${join(directory, 'contract.sqlite')}`;
  backendContract({ open: (namespace) => openBackend(url, { namespace }), cleanup: async () => {} });
});

// Each backend's suite is skipped, with the reason in its title, where REDIS_URL / DATABASE_URL is unset; .ci/run sets both.
describe.skipIf(!redisUrl)(`Redis backend${redisUrl ? '' : ` (${REDIS_SKIPPED})`}`, () => {
  const url = redisUrl ?? '';
  backendContract({ open: (namespace) => openBackend(url, { namespace }), cleanup: (namespace) => removeNamespace(url, namespace) });
});

describe.skipIf(!databaseUrl)(`PostgreSQL backend${databaseUrl ? '' : ` (${POSTGRES_SKIPPED})`}`, () => {
  const url = databaseUrl ?? '';
  backendContract({ open: (namespace) => openBackend(url, { namespace }), cleanup: (namespace) => removeNamespace(url, namespace) });
});
