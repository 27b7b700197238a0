/**
 * Stores of the benchmark's own, created for a run and removed after it, never touching data that
 * is already there: a SQLite file in a temporary directory; a PostgreSQL database of its own on
 * DATABASE_URL's server (created, then dropped); a private redis-server on a free port when
 * redis-server is installed, otherwise a key namespace of its own on REDIS_URL (purged after,
 * nothing else touched).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../../src/adapters/storage/open-backend.js';
import { redactUrl } from '../../../src/adapters/storage/redact-url.js';
import { connectPg } from './pg-client.js';

export type StoreKind = 'sqlite' | 'postgres' | 'redis';

export interface ScratchStore {
  readonly kind: StoreKind;
  readonly url: string;
  readonly namespace: string;
  /** Where the data lives, for the results (no password). */
  readonly where: string;
  dispose(): Promise<void>;
}

const suffix = () => `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

export const redisServerInstalled = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** Why a backend cannot be measured here, or undefined when it can. */
export function storeUnavailable(kind: StoreKind, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (kind === 'postgres' && !env.DATABASE_URL) return 'DATABASE_URL is not set';
  if (kind === 'redis' && !env.REDIS_URL && !redisServerInstalled()) return 'neither redis-server nor REDIS_URL is available';
  return undefined;
}

export async function createScratchStore(kind: StoreKind, env: NodeJS.ProcessEnv = process.env): Promise<ScratchStore> {
  if (kind === 'sqlite') return scratchSqlite();
  if (kind === 'postgres') return scratchPostgres(env.DATABASE_URL ?? '');
  return redisServerInstalled() ? privateRedis() : sharedRedis(env.REDIS_URL ?? '');
}

function scratchSqlite(): ScratchStore {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-bench-history-'));
  const file = join(directory, 'store.sqlite');
  return {
    kind: 'sqlite',
    url: `sqlite://${file}`,
    namespace: 'cfb',
    where: file,
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function scratchPostgres(serverUrl: string): Promise<ScratchStore> {
  const database = `cfb_bench_history_${suffix()}`;
  const admin = await connectPg(serverUrl);
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    namespace: 'cfb',
    where: redactUrl(url.toString()),
    async dispose() {
      const client = await connectPg(serverUrl);
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function privateRedis(): Promise<ScratchStore> {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-bench-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`redis-server exited before it was ready: ${output.slice(-1000)}`)));
  });
  child.stdout?.resume();
  return {
    kind: 'redis',
    url: `redis://127.0.0.1:${port}`,
    namespace: 'cfb',
    where: `a private redis-server on port ${port}`,
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function sharedRedis(url: string): ScratchStore {
  const namespace = `cfb_bench_${suffix()}`;
  return {
    kind: 'redis',
    url,
    namespace,
    where: `namespace ${namespace} on ${redactUrl(url)}`,
    async dispose() {
      const backend = await openBackend(url, { namespace });
      try {
        await backend.purge('');
      } finally {
        await backend.close();
      }
    },
  };
}
