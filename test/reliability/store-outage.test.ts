/**
 * The store goes away in the middle of a run and comes back. The test puts a TCP proxy of its own
 * between the bot and a store of its own (a private redis-server; a private database on the
 * PostgreSQL server), cuts every connection and refuses new ones, then lets them through again.
 * The shared servers other suites use are never touched.
 *
 * While the store is away: /healthz answers 503 and says why, and a person gets "try again
 * shortly" within seconds, not a hang. When it is back: everything works again without a restart,
 * and what was stored before the outage is still there.
 *
 * Under load (commands in flight when the store goes away): everyone told "Recorded" finds their
 * requirement, everyone told "nothing was saved" finds none, every requirement has its evidence
 * entry and every entry its requirement, and the log verifies with no gap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';
import { POSTGRES_SKIPPED, databaseUrl } from '../support/real-stores.js';
import { createPrivateDatabase } from './support/postgres-database.js';
import { REDIS_SERVER_MISSING, hasRedisServer, startPrivateRedis } from './support/private-redis.js';
import { expectRegisterMatchesLog } from './support/register-and-log.js';
import { withStore } from './support/read-store.js';
import { type TcpProxy, startTcpProxy } from './support/tcp-proxy.js';

const CHANNEL = 'C0OUTAGE';
/** "Within seconds": the longest a person may wait for an answer while the store is away. */
const ANSWER_WITHIN_MS = 6_000;
/** Commands in flight at once during the load run. */
const SENDERS = 6;

interface Target {
  label: string;
  skipReason?: string;
  /** Starts the store; returns its host/port (to proxy to) and how to build the bot's URL from the proxy's port. */
  start(): Promise<{ host: string; port: number; urlVia(port: number): string; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    label: 'Redis',
    ...(hasRedisServer() ? {} : { skipReason: REDIS_SERVER_MISSING }),
    async start() {
      const redis = await startPrivateRedis();
      return { host: '127.0.0.1', port: redis.port, urlVia: (port) => `redis://127.0.0.1:${port}`, stop: () => redis.stop() };
    },
  },
  {
    label: 'PostgreSQL',
    ...(databaseUrl ? {} : { skipReason: POSTGRES_SKIPPED }),
    async start() {
      const database = await createPrivateDatabase(databaseUrl ?? '');
      const direct = new URL(database.url);
      return {
        host: direct.hostname,
        port: Number(direct.port || 5432),
        urlVia: (port) => {
          const via = new URL(database.url);
          via.port = String(port);
          return via.toString();
        },
        stop: () => database.drop(),
      };
    },
  },
];

async function health(h: SlackBotHarness): Promise<{ status: number; body: { status?: string; reason?: string } }> {
  const response = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
  return { status: response.status, body: (await response.json()) as { status?: string; reason?: string } };
}

/** Sends a command and waits for its reply; resolves with the reply's text and how long it took. */
async function command(h: SlackBotHarness, text: string, n: number): Promise<{ shown: string; ms: number }> {
  const started = Date.now();
  const path = `/response/outage/${n}`;
  expect(
    (
      await h.slack.command('/requirement', text, {
        userId: 'U0OPS',
        teamId: TEAM,
        channelId: CHANNEL,
        responseUrl: `${h.api.origin}${path}`,
      })
    ).status,
  ).toBe(200);
  const reply = await h.api.waitForCall('response_url', (call) => call.path === path, 30_000);
  return { shown: JSON.stringify(reply.body), ms: Date.now() - started };
}

type Told = { readonly statement: string } & ({ readonly saved: string } | { readonly saved: false; readonly shown: string });

/** What the author of `add <statement>` was told: the id recorded, or that nothing was saved. */
async function add(h: SlackBotHarness, statement: string, n: number): Promise<Told> {
  const { shown } = await command(h, `add ${statement} customer:Acme`, n);
  const id = /Recorded \*(REQ-\d+)\*/.exec(shown)?.[1];
  return id ? { statement, saved: id } : { statement, saved: false, shown };
}

describe.each(targets)('store outage: $label', (target) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it.skipIf(target.skipReason !== undefined)(
    '503 with the reason, "try again shortly" within seconds, and recovery without a restart',
    { timeout: 90_000 },
    async () => {
      const store = await target.start();
      cleanup.push(() => store.stop());
      const proxy: TcpProxy = await startTcpProxy(store.host, store.port);
      cleanup.push(() => proxy.close());
      const h = await startSlackBot({ STORE_URL: store.urlVia(proxy.port), LOG_LEVEL: 'warn' });
      cleanup.push(() => h.close());

      const before = await command(h, 'add Deliveries to Norway within 5 days customer:"Acme AS"', 1);
      expect(before.shown).toContain('Recorded *REQ-1*');
      expect((await health(h)).status).toBe(200);

      await proxy.cut();
      await expect.poll(async () => (await health(h)).status, { timeout: ANSWER_WITHIN_MS }).toBe(503);
      const down = await health(h);
      expect(down.body).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/store is unreachable/) });

      const during = await command(h, 'add Invoices in NOK customer:Acme', 2);
      expect(during.shown).toMatch(/something went wrong on our side and nothing was saved\. Please try again in a minute.*reference E-/);
      expect(during.ms).toBeLessThan(ANSWER_WITHIN_MS);
      const listDuring = await command(h, 'list', 3);
      expect(listDuring.shown).toMatch(/try again in a minute/);
      expect(listDuring.ms).toBeLessThan(ANSWER_WITHIN_MS);

      await proxy.restore();
      await expect.poll(async () => (await health(h)).status, { timeout: 15_000 }).toBe(200);
      const after = await command(h, 'add Support answers within 4 hours customer:Acme', 4);
      expect(after.shown).toContain('Recorded *REQ-2*');
      const list = await command(h, 'list', 5);
      expect(list.shown).toContain('Deliveries to Norway');
      expect(list.shown).toContain('Support answers within 4 hours');
      expect(list.shown).not.toContain('Invoices in NOK');
    },
  );

  it.skipIf(target.skipReason !== undefined)(
    'under load, whoever was told "saved" finds it, whoever was told "not saved" finds nothing, and register and log agree',
    { timeout: 120_000 },
    async () => {
      const store = await target.start();
      cleanup.push(() => store.stop());
      const proxy: TcpProxy = await startTcpProxy(store.host, store.port);
      cleanup.push(() => proxy.close());
      const storeUrl = store.urlVia(proxy.port);
      const h = await startSlackBot({ STORE_URL: storeUrl, LOG_LEVEL: 'error' });
      cleanup.push(() => h.close());

      const told: Told[] = [];
      let sent = 0;
      let running = true;
      const senders = Array.from({ length: SENDERS }, async () => {
        while (running) {
          const n = ++sent;
          told.push(await add(h, `Under load ${n}`, 1000 + n));
        }
      });
      const saved = () => told.filter((t) => t.saved !== false).length;
      const notSaved = () => told.filter((t) => t.saved === false).length;
      await expect.poll(saved, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(20);
      await proxy.cut();
      await expect.poll(notSaved, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(SENDERS);
      await proxy.restore();
      const savedBefore = saved();
      await expect.poll(saved, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(savedBefore + 10);
      running = false;
      await Promise.all(senders);

      // Not saved, or (when the store was back by the time the bot looked) "something went wrong,
      // try again", which claims nothing either way; never anything else.
      for (const t of told) if (t.saved === false) expect(t.shown).toMatch(/nothing was saved|Please try again/);
      const toldNotSaved = told.filter((t) => t.saved === false && /nothing was saved/.test(t.shown));
      expect(toldNotSaved.length).toBeGreaterThan(0);
      await withStore(storeUrl, ({ core }) =>
        expectRegisterMatchesLog(core.deps, `slack:${TEAM}`, {
          saved: new Map(told.flatMap((t) => (t.saved === false ? [] : [[t.statement, t.saved] as const]))),
          notSaved: toldNotSaved.map((t) => t.statement),
        }),
      );
    },
  );
});
