/**
 * Delivery outside a request: the Slack messenger against the fake Slack Web API (tokens per
 * workspace from the OAuth installation store, Enterprise Grid org installs, what counts as worth
 * retrying, a rate limit answered at once instead of waited out), and pacing per conversation.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Installation } from '@slack/bolt';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { pacedMessenger } from '../../src/adapters/scheduling/pacing.js';
import { StoreInstallationStore } from '../../src/adapters/slack/installation-store.js';
import { createSlackMessenger, slackTokenSource } from '../../src/adapters/slack/messenger.js';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import type { Backend } from '../../src/adapters/storage/primitives.js';
import { textMessage } from '../../src/core/messages.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { RecordingMessenger } from './support/recording-messenger.js';

const logger = createLogger('silent');
const hello = textMessage('Weekly digest <!channel>');

describe('the Slack messenger', () => {
  let api: FakeSlackApi;
  let backend: Backend;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    backend = await openBackend('memory://');
  });
  afterAll(async () => {
    await api.close();
    await backend.close();
  });
  afterEach(() => api.clear());

  const installation = (token: string, ids: { team?: string; enterprise?: string }): Installation<'v2', boolean> =>
    ({
      team: ids.team ? { id: ids.team } : undefined,
      enterprise: ids.enterprise ? { id: ids.enterprise } : undefined,
      isEnterpriseInstall: !ids.team,
      bot: { token, userId: 'U0BOT', id: 'B0BOT', scopes: ['chat:write'] },
      user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
      authVersion: 'v2',
    }) as Installation<'v2', boolean>;

  it("posts with each workspace's own token from the installation store, org installs included", async () => {
    const installations = new StoreInstallationStore(backend.records);
    await installations.storeInstallation(installation('xoxb-team-a', { team: 'T0AAA' }));
    await installations.storeInstallation(installation('xoxb-org-e', { enterprise: 'E0ORG' }));
    const messenger = createSlackMessenger({
      tokens: slackTokenSource({ installations }),
      clientOptions: { slackApiUrl: api.url },
      logger,
    });
    expect(await messenger.send('slack:T0AAA', { kind: 'conversation', conversationId: 'C1' }, hello)).toMatchObject({ ok: true });
    expect(await messenger.send('slack:E0ORG', { kind: 'person', userId: 'U0MGR' }, hello)).toMatchObject({ ok: true });
    expect(api.callsTo('chat.postMessage').map((call) => [call.token, call.body.channel])).toEqual([
      ['xoxb-team-a', 'C1'],
      ['xoxb-org-e', 'U0MGR'],
    ]);
    // What a user typed cannot ping anyone.
    expect(api.callsTo('chat.postMessage')[0]?.body.text).toBe('Weekly digest &lt;!channel&gt;');
    expect(await messenger.send('slack:T0GONE', { kind: 'conversation', conversationId: 'C1' }, hello)).toEqual({
      ok: false,
      retryable: false,
      reason: 'the app is not installed in this Slack workspace (any more)',
    });
    expect(await messenger.send('teams:tenant', { kind: 'conversation', conversationId: 'C1' }, hello)).toMatchObject({
      ok: false,
      retryable: false,
    });
  });

  it('says which failures are worth another try, and never waits out a rate limit', async () => {
    const messenger = createSlackMessenger({
      tokens: slackTokenSource({ botToken: 'xoxb-single' }),
      clientOptions: { slackApiUrl: api.url },
      logger,
    });
    const to = { kind: 'conversation', conversationId: 'C1' } as const;
    api.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 120 });
    const started = Date.now();
    expect(await messenger.send('slack:T1', to, hello)).toEqual({
      ok: false,
      retryable: true,
      reason: 'rate limited by Slack (retry after 120 s)',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    api.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    expect(await messenger.send('slack:T1', to, hello)).toEqual({ ok: false, retryable: false, reason: 'Slack answered not_in_channel' });
    api.failNext('chat.postMessage', { kind: 'error', error: 'internal_error' });
    expect(await messenger.send('slack:T1', to, hello)).toMatchObject({ ok: false, retryable: true });
    api.failNext('chat.postMessage', { kind: 'http', status: 503 });
    expect(await messenger.send('slack:T1', to, hello)).toEqual({ ok: false, retryable: true, reason: 'Slack answered HTTP 503' });
    api.failNext('chat.postMessage', { kind: 'reset' });
    expect(await messenger.send('slack:T1', to, hello)).toMatchObject({ ok: false, retryable: true });
    expect(api.callsTo('chat.postMessage')).toHaveLength(5);
    expect(await messenger.send('slack:T1', to, hello)).toMatchObject({ ok: true });
  });
});

describe('pacing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spaces posts to one conversation about a second apart; other conversations and workspaces do not wait', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const inner = new RecordingMessenger();
    const paced = pacedMessenger(inner, 1_000);
    const channel = { kind: 'conversation', conversationId: 'C1' } as const;
    const sends = [
      paced.send('slack:T1', channel, hello),
      paced.send('slack:T1', channel, hello),
      paced.send('slack:T1', channel, hello),
      paced.send('slack:T1', { kind: 'person', userId: 'U1' }, hello),
      paced.send('slack:T2', channel, hello),
    ];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(sends);
    const start = Date.parse('2026-11-30T08:00:00Z');
    expect(inner.sent.map((item) => [item.workspaceId, item.to, item.at - start])).toEqual([
      ['slack:T1', 'conversation:C1', 0],
      ['slack:T1', 'person:U1', 0],
      ['slack:T2', 'conversation:C1', 0],
      ['slack:T1', 'conversation:C1', 1_000],
      ['slack:T1', 'conversation:C1', 2_000],
    ]);
  });
});
