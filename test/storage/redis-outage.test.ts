/**
 * While Redis is down, every operation fails within milliseconds (no command waits in an offline
 * queue), and once Redis is back the same backend works again without a restart. Runs a private
 * redis-server on a free port, so the shared server is never touched; skipped without the binary.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';

function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

/** Polls until `check` passes; the deadline only bounds a failing test. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

const answers = (ping: () => Promise<void>) => async () =>
  ping().then(
    () => true,
    () => false,
  );

// Needs a private redis-server to stop and start; skipped, with the reason in its title, where none is installed.
describe.skipIf(!hasRedisServer())(`Redis outage${hasRedisServer() ? '' : ' (skipped: redis-server is not installed)'}`, () => {
  it('fails fast while Redis is down and recovers by itself', { timeout: 30_000 }, async () => {
    const port = await freePort();
    let server = startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    await until(async () => {
      try {
        await (await openBackend(url)).close();
        return true;
      } catch {
        return false;
      }
    }, 10_000);
    const errors: string[] = [];
    const backend = await openBackend(url, { logger: { warn: () => {}, error: (_obj, msg) => errors.push(msg) } });
    try {
      await backend.records.put('ws:o:x', { version: 1 });
      server.kill('SIGKILL');
      await until(async () => !(await answers(() => backend.ping())()), 5_000);

      for (const operation of [
        () => backend.records.get('ws:o:x'),
        () => backend.counters.next('ws:o:c'),
        () => backend.index.add('ws:o:i', 'm', 1),
      ]) {
        const started = Date.now();
        await expect(operation()).rejects.toThrow(/offline|closed|ECONNREFUSED/i);
        expect(Date.now() - started).toBeLessThan(1_000);
      }
      expect(errors.length).toBeGreaterThan(0);

      server = startRedis(port);
      await until(
        answers(() => backend.ping()),
        10_000,
      );
      await backend.records.put('ws:o:y', { version: 1 });
      expect(await backend.records.get('ws:o:y')).toEqual({ version: 1 });
    } finally {
      await backend.close();
      server.kill('SIGKILL');
    }
  });
});
