/**
 * Two separate Node processes on one store (one SQLite file; Redis; PostgreSQL), each doing 500 ×
 * (counter, record, index entry) and 100 updates of one shared record at the same time: nothing
 * is lost and no counter value is handed out twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { databaseUrl, POSTGRES_SKIPPED, REDIS_SKIPPED, redisUrl, removeNamespace, uniqueNamespace } from '../support/real-stores.js';

const CHILD = fileURLToPath(new URL('./multi-process-child.ts', import.meta.url));
const PER_PROCESS = 500;
const UPDATES_PER_PROCESS = 100;
const LABELS = ['alpha', 'beta'] as const;

const directory = mkdtempSync(join(tmpdir(), 'cfb-processes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Writer {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly finished: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function spawnWriter(storeUrl: string, namespace: string, label: string): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, storeUrl, namespace, label, String(PER_PROCESS), String(UPDATES_PER_PROCESS)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('READY\n')) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      markReady();
      resolve({ code, stdout, stderr });
    });
  });
  return { child, ready, finished };
}

const targets = [
  { name: 'one SQLite file', url: `sqlite://${join(directory, 'shared.sqlite')}`, skip: undefined },
  { name: redisUrl ? 'Redis' : `Redis (${REDIS_SKIPPED})`, url: redisUrl ?? '', skip: redisUrl ? undefined : REDIS_SKIPPED },
  {
    name: databaseUrl ? 'PostgreSQL' : `PostgreSQL (${POSTGRES_SKIPPED})`,
    url: databaseUrl ?? '',
    skip: databaseUrl ? undefined : POSTGRES_SKIPPED,
  },
];

describe.each(targets)('two processes on $name', (target) => {
  it.skipIf(target.skip !== undefined)(
    '1,000 records, counter values 1..1000 once each, 1,000 index entries, no lost update',
    { timeout: 60_000 },
    async () => {
      const namespace = uniqueNamespace();
      const backend = await openBackend(target.url, { namespace });
      try {
        await backend.records.put('ws:x:shared', { version: 1, n: 0 });
        const writers = LABELS.map((label) => spawnWriter(target.url, namespace, label));
        await Promise.all(writers.map((writer) => writer.ready));
        for (const writer of writers) writer.child.stdin?.end('GO\n');
        for (const result of await Promise.all(writers.map((writer) => writer.finished))) {
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          expect(result.stdout).toContain('DONE');
        }

        const keys = LABELS.flatMap((label) => Array.from({ length: PER_PROCESS }, (_, i) => `ws:x:rec:${label}:${i + 1}`));
        const records = await backend.records.getMany<{ n: number }>(keys);
        expect(records.filter((record) => record === undefined)).toHaveLength(0);
        const numbers = records.map((record) => record?.n ?? 0).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 2 * PER_PROCESS }, (_, i) => i + 1));
        expect(await backend.counters.current('ws:x:req')).toBe(2 * PER_PROCESS);
        expect(await backend.index.count('ws:x:by-number', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(2 * PER_PROCESS);
        expect(await backend.records.get('ws:x:shared')).toEqual({ version: 1 + 2 * UPDATES_PER_PROCESS, n: 2 * UPDATES_PER_PROCESS });
      } finally {
        await backend.purge('');
        await backend.close();
        await removeNamespace(target.url, namespace);
      }
    },
  );
});
