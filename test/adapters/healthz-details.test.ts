/**
 * Issue 15.10: /healthz answers anyone who can reach the port, so while the store is down it says
 * only that, in a fixed phrase. The driver's message (host, port, file path) goes to the log and to
 * `customer-focus doctor`. Reproduced from outside: a PostgreSQL store behind a proxy that is cut,
 * and a plain HTTP request to /healthz.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { startBot } from '../../src/app/start.js';
import { loadConfig } from '../../src/config.js';
import { POSTGRES_SKIPPED, databaseUrl } from '../support/real-stores.js';
import { createPrivateDatabase } from '../reliability/support/postgres-database.js';
import { startTcpProxy } from '../reliability/support/tcp-proxy.js';

describe('/healthz while the store is down', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  // Needs a real PostgreSQL to cut (DATABASE_URL); without one the test's name says how to run it.
  // CI always sets it.
  it.skipIf(!databaseUrl)(`answers 503 with the status and a short reason only ${databaseUrl ? '' : POSTGRES_SKIPPED}`, async () => {
    const database = await createPrivateDatabase(databaseUrl ?? '');
    cleanup.push(() => database.drop());
    const direct = new URL(database.url);
    const proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    cleanup.push(() => proxy.close());
    const via = new URL(database.url);
    via.port = String(proxy.port);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = loadConfig({ PORT: '0', STORE_URL: via.toString(), LOG_LEVEL: 'warn', TEAMS_ENABLED: 'false' });
    const bot = await startBot(config, createLogger('warn', { destination: sink }));
    cleanup.push(() => bot.stop());
    const healthz = `http://127.0.0.1:${bot.port}/healthz`;
    expect((await fetch(healthz)).status).toBe(200);

    await proxy.cut();
    const response = await fetch(healthz);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', reason: 'the store is unreachable' });
    expect(text).not.toContain(String(proxy.port));
    expect(text).not.toContain('127.0.0.1');
    // The operator still learns why, from the log.
    expect(lines.join('')).toContain(String(proxy.port));
  });
});
