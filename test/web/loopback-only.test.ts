/**
 * Issue 15.6: what runs without authentication answers only this machine. The playground acts as
 * the admin "Dana", and the Teams endpoint without credentials lets anyone post as anyone, so:
 *
 * - `npm start` with nothing configured listens on 127.0.0.1 only (HOST unset);
 * - even when an operator listens on every interface (HOST=0.0.0.0), both refuse a connection from
 *   another address, a foreign `Host` header (DNS rebinding) and a request relayed by a proxy;
 * - from this machine, with `localhost`, `127.0.0.1` or `[::1]` as the host, they work.
 *
 * Requests come from outside, over HTTP: from this machine's LAN address, and from loopback with
 * hand-made Host headers.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { type RunningBot, startBot } from '../../src/app/start.js';
import { loadConfig } from '../../src/config.js';

/** An IPv4 address of this machine that is not loopback, to connect from "the LAN". */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((candidate) => candidate?.family === 'IPv4' && !candidate.internal)?.address;
const NO_LAN = 'skipped: this machine has no non-loopback IPv4 address to connect from';

interface Answer {
  status: number;
  body: string;
}

/** One HTTP request to `address`, with the Host header and extra headers given (fetch cannot set Host). */
function send(address: string, port: number, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address, port, path, method: body === undefined ? 'GET' : 'POST', headers, ...(address === '::1' ? { family: 6 } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const ACTIVITY = JSON.stringify({
  type: 'message',
  id: 'a1',
  text: 'customer-focus settings retention:7d',
  from: { id: 'mallory' },
  recipient: { id: 'bot' },
  conversation: { id: 'c1', conversationType: 'personal', tenantId: 't1' },
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
});
const JSON_TYPE = { 'content-type': 'application/json' };

describe('unauthenticated parts answer only this machine', () => {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  const start = async (env: Record<string, string> = {}) => {
    bot = await startBot(loadConfig({ PORT: '0', STORE_URL: 'memory://', ...env }), createLogger('silent'));
    return bot.port;
  };

  // These two need a non-loopback address to connect from; without one the title says so.
  it.skipIf(!lanAddress)(`npm start with nothing configured listens on loopback only ${lanAddress ? '' : NO_LAN}`, async () => {
    const port = await start();
    expect((await send('127.0.0.1', port, '/playground/', { host: `localhost:${port}` })).status).toBe(200);
    await expect(send(lanAddress ?? '', port, '/playground/', { host: `${lanAddress}:${port}` })).rejects.toThrow(/ECONNREFUSED/);
  });

  it.skipIf(!lanAddress)(`refuses the LAN even when listening on every interface ${lanAddress ? '' : NO_LAN}`, async () => {
    const port = await start({ HOST: '0.0.0.0' });
    const playground = await send(lanAddress ?? '', port, '/playground/', { host: `${lanAddress}:${port}` });
    expect(playground.status).toBe(403);
    expect(playground.body).toContain('The playground runs without a login, so it answers only on the computer the bot runs on.');
    const api = await send(lanAddress ?? '', port, '/playground/api/state?as=dana', { host: `localhost:${port}` });
    expect(api.status).toBe(403);
    const teams = await send(lanAddress ?? '', port, '/api/messages', { host: `localhost:${port}`, ...JSON_TYPE }, ACTIVITY);
    expect(teams.status).toBe(403);
    expect(teams.body).toContain('The Teams endpoint (without credentials) runs without a login');
    // The authenticated parts still answer the network.
    expect((await send(lanAddress ?? '', port, '/healthz', { host: `${lanAddress}:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and relayed requests, from loopback too', async () => {
    const port = await start({ HOST: '0.0.0.0' });
    for (const host of ['attacker.example', `attacker.example:${port}`, `localhost.attacker.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      expect((await send('127.0.0.1', port, '/playground/', { host })).status, host).toBe(403);
      expect((await send('127.0.0.1', port, '/api/messages', { host, ...JSON_TYPE }, ACTIVITY)).status, host).toBe(403);
    }
    const relays: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const relay of relays) {
      expect((await send('127.0.0.1', port, '/playground/', { host: `localhost:${port}`, ...relay })).status).toBe(403);
    }
    expect(await bot?.services.core.deps.workspaces.list()).not.toContainEqual(expect.objectContaining({ platform: 'teams' }));
  });

  it('answers this machine by localhost, 127.0.0.1 and [::1], with or without the port', async () => {
    const port = await start({ HOST: '::' });
    for (const host of [
      'localhost',
      `localhost:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port}`,
      '[::1]',
      `[::1]:${port}`,
      `LOCALHOST:${port}`,
    ]) {
      expect((await send('127.0.0.1', port, '/playground/', { host })).status, host).toBe(200);
    }
    expect((await send('::1', port, '/playground/', { host: `[::1]:${port}` })).status).toBe(200);
    // Past the guard, an empty activity gets the endpoint's own answer (400), with no turn to run.
    expect((await send('127.0.0.1', port, '/api/messages', { host: `localhost:${port}`, ...JSON_TYPE }, '{}')).status).toBe(400);
  });
});
