/**
 * The Teams endpoint as infrastructure: bad bodies, authentication, the production refusal,
 * installation, and proactive messages through stored conversation references, including the
 * connector's failures (403 roster, 429, 5xx), all over real HTTP with a fake connector.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { startBot } from '../../src/app/start.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { textMessage } from '../../src/core/messages.js';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, BEN, CHANNEL, PERSONAL, TENANT, channelMessage, installation, personalMessage } from '../support/teams/activities.js';
import { textOf } from '../support/teams/card-text.js';
import { CREATE_CONVERSATION, personalChatId } from '../support/teams/fake-connector.js';

let h: TeamsBotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CREDENTIALS = {
  TEAMS_APP_ID: '00000000-0000-0000-0000-0000000000aa',
  TEAMS_APP_PASSWORD: 'secret-value',
  TEAMS_APP_TENANT_ID: 'tenant-0001',
};

describe('the /api/messages endpoint', () => {
  it('answers malformed bodies with 400 and oversized ones with 413, and keeps serving', async () => {
    h = await startTeamsBot();
    expect((await h.send('{"type": "message", ')).status).toBe(400);
    expect((await h.send('[1, 2, 3]')).status).toBe(400);
    expect((await h.send({ text: 'no type' })).status).toBe(400);
    expect((await h.send({ type: 'message', conversation: { id: 'x' } })).status).toBe(400);
    const huge = personalMessage({ serviceUrl: h.connector.url, text: 'x'.repeat(400_000) });
    expect((await h.send(huge)).status).toBe(413);
    expect(await h.bot.services.core.deps.evidence.lastSeq(h.workspaceId)).toBe(0);
    // Still healthy and still answering.
    expect((await h.send(personalMessage({ serviceUrl: h.connector.url, text: 'help' }))).status).toBe(200);
    expect(h.connector.delivered()).toHaveLength(1);
  });

  it('says loudly that it runs unauthenticated without TEAMS_APP_ID, unless everything runs locally', async () => {
    h = await startTeamsBot({ PLAYGROUND: 'off' });
    expect(h.logs.some((line) => line.level === 'warn' && String(line.msg).includes('WITHOUT authentication'))).toBe(true);
    await h.close();
    // No credentials at all (the playground is on): a newcomer trying it out reads why, calmly.
    h = await startTeamsBot();
    expect(h.logs.some((line) => String(line.msg).includes('WITHOUT authentication'))).toBe(false);
  });

  it('with credentials, refuses a request without a token with 401 and records nothing', async () => {
    h = await startTeamsBot(CREDENTIALS);
    const response = await h.send(personalMessage({ serviceUrl: h.connector.url, text: 'requirement add Forged' }));
    expect(response.status).toBe(401);
    expect(await h.bot.services.core.deps.requirements.list(h.workspaceId)).toEqual([]);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('in production refuses to start without Teams credentials, unless Teams is turned off', async () => {
    const logger = createLogger('silent');
    const config = loadConfig({ PORT: '0', STORE_URL: 'memory://', NODE_ENV: 'production' });
    const refusal = await startBot(config, logger).then(
      async (bot) => {
        await bot.stop();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ConfigError);
    expect(String((refusal as Error).message)).toMatch(/TEAMS_APP_ID.*TEAMS_ENABLED=false/s);

    const slackOnly = await startBot(
      loadConfig({ PORT: '0', STORE_URL: 'memory://', NODE_ENV: 'production', TEAMS_ENABLED: 'false' }),
      logger,
    );
    const response = await fetch(`http://127.0.0.1:${slackOnly.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message"}',
    });
    expect(response.status).toBe(404);
    await slackOnly.stop();
  });
});

describe('installation', () => {
  it('introduces itself once per conversation and makes the installer an admin', async () => {
    h = await startTeamsBot({ ADMIN_USERS: '' });
    const install = installation({ serviceUrl: h.connector.url, from: ANN, conversationId: CHANNEL, conversationType: 'channel' });
    await h.send(install);
    await h.send({ ...install, id: 'another-delivery' });
    const intros = h.connector.delivered();
    expect(intros).toHaveLength(1);
    expect(textOf(intros[0]!)).toMatch(/what|read/i);
    expect(textOf(intros[0]!)).toContain('keep');

    await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: 'settings cap:3' }));
    expect((await h.bot.services.core.deps.workspaces.get(h.workspaceId))?.settings.dailyPromptCap).toBe(3);
  });
});

describe('proactive messages', () => {
  const digest = textMessage('*Weekly digest* — all quiet.');

  it('reach a channel and a personal chat the bot has seen, as new posts', async () => {
    h = await startTeamsBot();
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'Good morning' }));
    await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: 'status' }));
    h.connector.clear();
    const messenger = h.bot.services.messengers.for('teams');
    expect(await messenger?.send(h.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest)).toMatchObject({ ok: true });
    expect(await messenger?.send(h.workspaceId, { kind: 'person', userId: ANN.id }, digest)).toMatchObject({ ok: true });
    const [channelPost, directMessage] = h.connector.delivered();
    expect(channelPost?.conversationId).toBe(CHANNEL);
    expect(textOf(channelPost!)).toContain('Weekly digest');
    expect(directMessage?.conversationId).toBe(PERSONAL);
  });

  it('reach a person who never wrote to the bot, in a personal chat opened for them', async () => {
    h = await startTeamsBot();
    const messenger = h.bot.services.messengers.for('teams');
    // Before any turn the bot knows nothing of the tenant: said plainly, not retried.
    expect(await messenger?.send(h.workspaceId, { kind: 'person', userId: BEN.id }, digest)).toMatchObject({
      ok: false,
      retryable: false,
      reason: expect.stringContaining('not been used in this Teams tenant'),
    });
    await h.send(channelMessage({ serviceUrl: h.connector.url, from: ANN, text: 'Good morning' }));
    h.connector.clear();

    expect(await messenger?.send(h.workspaceId, { kind: 'person', userId: BEN.id }, digest)).toMatchObject({ ok: true });
    const [created, sent] = h.connector.calls;
    expect(created).toMatchObject({ kind: 'create', body: { isGroup: false, members: [{ id: BEN.id }], tenantId: TENANT } });
    expect(sent).toMatchObject({ status: 201, conversationId: personalChatId(BEN.id) });
    // The chat is remembered: the next message goes straight to it.
    expect(await messenger?.send(h.workspaceId, { kind: 'person', userId: BEN.id }, digest)).toMatchObject({ ok: true });
    expect(h.connector.calls.filter((call) => call.kind === 'create')).toHaveLength(1);
  });

  it('say why when Teams will not open a personal chat, without retrying it', async () => {
    h = await startTeamsBot();
    await h.send(channelMessage({ serviceUrl: h.connector.url, from: ANN, text: 'Good morning' }));
    h.connector.fail(CREATE_CONVERSATION, { status: 403, code: 'Forbidden' });
    const result = await h.bot.services.messengers.for('teams')?.send(h.workspaceId, { kind: 'person', userId: BEN.id }, digest);
    expect(result).toMatchObject({ ok: false, retryable: false, reason: expect.stringContaining('would not open a personal chat') });
  });

  it('survive a restart: references are kept in the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfb-teams-'));
    try {
      const env = { STORE_URL: `sqlite://${join(dir, 'store.sqlite')}` };
      const first = await startTeamsBot(env);
      await first.send(channelMessage({ serviceUrl: first.connector.url, text: 'Good morning' }));
      await first.bot.stop();
      // The second bot reaches the same connector through the stored serviceUrl.
      const second = await startBot(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }), createLogger('silent'));
      const result = await second.services.messengers
        .for('teams')
        ?.send(first.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest);
      expect(result).toMatchObject({ ok: true });
      expect(first.connector.delivered().some((call) => call.conversationId === CHANNEL && call.kind !== 'update')).toBe(true);
      await second.stop();
      await first.connector.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delete the reference when Teams says the bot is no longer in the conversation, and go on with the others', async () => {
    h = await startTeamsBot();
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'Good morning' }));
    await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: 'status' }));
    h.connector.fail(CHANNEL, { status: 403, code: 'BotNotInConversationRoster' });
    const messenger = h.bot.services.messengers.for('teams');
    const removed = await messenger?.send(h.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest);
    expect(removed).toMatchObject({ ok: false, retryable: false });
    expect(await messenger?.send(h.workspaceId, { kind: 'person', userId: ANN.id }, digest)).toMatchObject({ ok: true });
    // The reference is gone: the next digest does not try again.
    const again = await messenger?.send(h.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest);
    expect(again).toMatchObject({ ok: false, retryable: false });
    expect(h.connector.calls.filter((call) => call.conversationId === CHANNEL)).toHaveLength(1);
  });

  it('retry 429 and 5xx answers, and report a conversation that keeps failing as worth retrying later', async () => {
    h = await startTeamsBot();
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'Good morning' }));
    const messenger = h.bot.services.messengers.for('teams');
    h.connector.fail(CHANNEL, { status: 429, retryAfterSeconds: 0 });
    expect(await messenger?.send(h.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest)).toMatchObject({ ok: true });
    h.connector.fail(CHANNEL, { status: 503 });
    expect(await messenger?.send(h.workspaceId, { kind: 'conversation', conversationId: CHANNEL }, digest)).toMatchObject({ ok: true });
    const throttled = h.connector.calls.filter((call) => call.conversationId === CHANNEL && call.kind === 'reply');
    expect(throttled.map((call) => call.status)).toEqual([429, 201, 503, 201]);
  }, 30_000);
});
