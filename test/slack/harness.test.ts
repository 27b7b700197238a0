/**
 * The offline Slack harness against the real libraries: WebClient talking to the fake Web API, a
 * real Bolt App behind its HTTP receiver fed signed requests, and a real Bolt App on Socket Mode
 * connected to the fake Socket Mode server. If Slack's libraries change what they send or expect,
 * these fail before the bot's own tests do.
 */
import { App, type Logger, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { type FakeSocketMode, startFakeSocketMode } from '../support/slack/fake-socket-mode.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { SLACK_TEST_IDS } from '../support/slack/slack-payloads.js';

const SECRET = 'harness-signing-secret';
const TOKEN = 'xoxb-harness';

/** Bolt's lines, kept instead of printed, so a test can assert on errors Bolt swallowed. */
function quietLogger(lines: string[]): Logger {
  const write =
    (level: string) =>
    (...parts: unknown[]) =>
      void lines.push(`${level} ${parts.map(String).join(' ')}`);
  return {
    debug: () => undefined,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** A promise a listener settles, so a test waits for the listener instead of sleeping. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('fake Slack Web API with the real WebClient', () => {
  let api: FakeSlackApi;
  let client: WebClient;
  beforeEach(async () => {
    api = await startFakeSlackApi();
    api.setWorkspace(TOKEN, { teamId: 'T0TEAM1', botUserId: 'U0BOT', botId: 'B0BOT' });
    client = new WebClient(TOKEN, { slackApiUrl: api.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  });
  afterEach(() => api.close());

  it('records the method, the bearer token and the body with blocks parsed back', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }];
    const first = await client.chat.postMessage({
      channel: 'C1',
      text: 'Hello',
      blocks,
      thread_ts: '1700000000.000100',
      unfurl_links: false,
    });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'Again' });
    const [call] = api.callsTo('chat.postMessage');
    expect(call).toMatchObject({
      method: 'chat.postMessage',
      token: TOKEN,
      status: 200,
      body: { channel: 'C1', text: 'Hello', blocks, thread_ts: '1700000000.000100' },
    });
    // Form encoding turns booleans into strings; the fake keeps them as sent.
    expect(call?.body.unfurl_links).toBe('false');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const permalink = await client.chat.getPermalink({ channel: 'C1', message_ts: '1700000000.000100' });
    expect(permalink.permalink).toBe('https://example.slack.com/archives/C1/p1700000000000100');
  });

  it('answers auth.test for known tokens only, and revoked tokens fail everywhere', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, team_id: 'T0TEAM1', user_id: 'U0BOT', bot_id: 'B0BOT' });
    await expect(new WebClient('xoxb-unknown', { slackApiUrl: api.url, retryConfig: { retries: 0 } }).auth.test()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    api.revokeToken(TOKEN);
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'token_revoked' } });
  });

  it('plays programmed failures in order, then answers normally', async () => {
    api.failNext('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    api.failNext('chat.postMessage', { kind: 'http', status: 500 });
    await expect(client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(api.callsTo('chat.postMessage').map((call) => call.status)).toEqual([200, 500, 200]);
  });

  it('rate limits with 429 and Retry-After, which WebClient reads', async () => {
    api.failNext('users.info', { kind: 'ratelimited', retryAfterSeconds: 7 });
    const strict = new WebClient(TOKEN, { slackApiUrl: api.url, rejectRateLimitedCalls: true });
    await expect(strict.users.info({ user: 'U1' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    expect(api.calls.map((call) => [call.method, call.status])).toEqual([['users.info', 429]]);
  });

  it('can leave a call hanging for timeout tests, and still closes', async () => {
    api.failNext('chat.update', { kind: 'hang' });
    const impatient = new WebClient(TOKEN, { slackApiUrl: api.url, retryConfig: { retries: 0 }, timeout: 100, logLevel: LogLevel.ERROR });
    await expect(impatient.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(api.callsTo('chat.update')).toMatchObject([{ status: 0 }]);
    api.clear();
    api.failNext('chat.update', { kind: 'hang' });
    const stuck = client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' }).catch((error: unknown) => error);
    await api.waitForCall('chat.update');
    await api.close();
    expect(await stuck).toMatchObject({ code: 'slack_webapi_request_error' });
  });

  it('waits for calls by event, and says which calls it saw when one never comes', async () => {
    const waiting = api.waitForCall('views.open', (call) => call.body.trigger_id === 't-2');
    await client.views.open({ trigger_id: 't-1', view: { type: 'modal', title: { type: 'plain_text', text: 'A' }, blocks: [] } });
    await client.views.open({
      trigger_id: 't-2',
      view: { type: 'modal', callback_id: 'form', title: { type: 'plain_text', text: 'B' }, blocks: [] },
    });
    expect((await waiting).body.view).toMatchObject({ callback_id: 'form' });
    await expect(api.waitForCall('chat.delete', undefined, 50)).rejects.toThrow(
      /no chat\.delete call within 50 ms; calls seen: views\.open\(200\), views\.open\(200\)/,
    );
  });

  it('keeps posted and seeded messages for conversations.history and conversations.replies', async () => {
    api.setHistory('C1', [
      { ts: '1700000000.000100', text: 'Decision: prices up', user: 'U1' },
      { ts: '1700000005.000100', text: 'why?', user: 'U2', thread_ts: '1700000000.000100' },
    ]);
    await client.chat.postMessage({ channel: 'C1', text: 'How does this affect customers?', thread_ts: '1700000000.000100' });
    const one = await client.conversations.history({ channel: 'C1', latest: '1700000000.000100', inclusive: true, limit: 1 });
    expect(one.messages?.map((m) => m.text)).toEqual(['Decision: prices up']);
    const thread = await client.conversations.replies({ channel: 'C1', ts: '1700000000.000100' });
    expect(thread.messages?.map((m) => m.user)).toEqual(['U1', 'U2', 'U0BOT']);
    await expect(client.conversations.replies({ channel: 'C1', ts: '1.2' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
  });

  it('knows people, admins and time zones, and OAuth grants', async () => {
    api.setUser('U7', { is_admin: true, tz: 'America/New_York' });
    const { user } = await client.users.info({ user: 'U7' });
    expect(user).toMatchObject({ id: 'U7', is_admin: true, is_owner: false, tz: 'America/New_York' });
    expect([-14_400, -18_000]).toContain(user?.tz_offset);
    api.setOAuthAccess('code-1', { teamId: 'T2', teamName: 'Beta', token: 'xoxb-beta', botUserId: 'UBOT2' });
    const anonymous = new WebClient(undefined, { slackApiUrl: api.url, retryConfig: { retries: 0 } });
    const grant = await anonymous.oauth.v2.access({ code: 'code-1', client_id: 'id', client_secret: 'secret' });
    expect(grant).toMatchObject({
      access_token: 'xoxb-beta',
      token_type: 'bot',
      bot_user_id: 'UBOT2',
      team: { id: 'T2' },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(String(grant.scope).split(',')).toContain('chat:write');
    await expect(new WebClient('xoxb-beta', { slackApiUrl: api.url }).auth.test()).resolves.toMatchObject({
      team_id: 'T2',
      user_id: 'UBOT2',
    });
  });
});

describe('a real Bolt App over HTTP, fed signed requests', () => {
  let api: FakeSlackApi;
  let app: App;
  let slack: SlackClientSim;
  let baseUrl: string;
  const logs: string[] = [];
  beforeEach(async () => {
    api = await startFakeSlackApi();
    logs.length = 0;
    // botId and botUserId given: Bolt skips its start-up auth.test.
    app = new App({
      token: TOKEN,
      signingSecret: SECRET,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      logger: quietLogger(logs),
      clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    baseUrl = `http://127.0.0.1:${port}`;
    slack = new SlackClientSim({ baseUrl, signingSecret: SECRET, responseBase: api.origin });
  });
  afterEach(async () => {
    await app.stop();
    await api.close();
  });

  it('delivers a signed message event to a listener whose Web API call the fake records', async () => {
    const seen = deferred<{ retryNum: number | undefined; teamId: string | undefined }>();
    app.message(async ({ message, client, context }) => {
      if (message.subtype !== undefined) return;
      seen.resolve({ retryNum: context.retryNum, teamId: context.teamId });
      await client.chat.postMessage({ channel: message.channel, thread_ts: message.ts, text: `Seen: ${message.text ?? ''}` });
    });
    const event = slack.messageEvent({ channel: 'C1', user: 'U1', text: 'Decision: we raise prices' });
    const response = await slack.event(event, { retryNum: 1, retryReason: 'http_timeout' });
    expect(response.status).toBe(200);
    expect(await seen.promise).toEqual({ retryNum: 1, teamId: SLACK_TEST_IDS.teamId });
    const posted = await api.waitForCall('chat.postMessage');
    expect(posted).toMatchObject({ token: TOKEN, body: { channel: 'C1', thread_ts: event.ts, text: 'Seen: Decision: we raise prices' } });
  });

  it('can make the messages it sends exist in the fake history, for listeners that look them up', async () => {
    const linked = new SlackClientSim({ baseUrl, signingSecret: SECRET, responseBase: api.origin, history: api });
    const root = linked.messageEvent({ channel: 'C1', user: 'U1', text: 'Decision: support closes at 16:00' });
    await linked.event(root);
    const found = deferred<string | undefined>();
    app.event('app_mention', async ({ event, client }) => {
      const { messages } = await client.conversations.replies({ channel: event.channel, ts: event.thread_ts ?? event.ts, limit: 1 });
      found.resolve(messages?.[0]?.text);
    });
    await linked.event(linked.appMention({ channel: 'C1', user: 'U2', text: '<@U0BOT> check this', threadTs: String(root.ts) }));
    expect(await found.promise).toBe('Decision: support closes at 16:00');
  });

  it('refuses forged and stale signatures with 401', async () => {
    const event = slack.messageEvent({ channel: 'C1', user: 'U1', text: 'x' });
    expect((await slack.event(event, { signature: 'v0=bad' })).status).toBe(401);
    expect((await slack.event(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
  });

  it('answers url_verification with the challenge', async () => {
    const response = await slack.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(await response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('acks a slash command in the HTTP response and respond() reaches the fake response_url as JSON', async () => {
    app.command('/requirement', async ({ ack, respond, command }) => {
      await ack({ response_type: 'ephemeral', text: `Working on: ${command.text}` });
      await respond({ response_type: 'ephemeral', text: 'Recorded REQ-1' });
    });
    const response = await slack.command('/requirement', 'add Invoices in NOK', { userId: 'U1', channelId: 'C1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: 'Working on: add Invoices in NOK' });
    const reply = await api.waitForCall('response_url');
    expect(reply.body).toEqual({ response_type: 'ephemeral', text: 'Recorded REQ-1' });
    expect(reply.path).toMatch(/^\/response\//);
  });

  it('rejects a form body whose content type carries a charset (Bolt compares it exactly)', async () => {
    app.command('/requirement', async ({ ack }) => ack());
    const body = new URLSearchParams(slack.slashCommand('/requirement', 'list')).toString();
    const response = await slack.send(body, 'application/x-www-form-urlencoded; charset=utf-8');
    expect(response.status).toBe(400);
  });

  it('routes block actions, shortcuts, suggestions and view submissions to their listeners', async () => {
    app.action('answer', async ({ ack, body, respond }) => {
      await ack();
      await respond({ replace_original: false, text: `clicked by ${body.user.id}` });
    });
    app.shortcut('record_requirement', async ({ ack, shortcut, client }) => {
      await ack();
      if (shortcut.type === 'message_action')
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'req',
            title: { type: 'plain_text', text: 'Requirement' },
            blocks: [],
            private_metadata: shortcut.message.text ?? '',
          },
        });
    });
    app.options<'block_suggestion'>({ action_id: 'requirements' }, async ({ ack, options }) =>
      ack({ options: [{ text: { type: 'plain_text', text: `REQ-1 ${options.value}` }, value: 'REQ-1' }] }),
    );
    app.view('req', async ({ ack, view }) => {
      const statement = view.state.values.statement?.statement?.value ?? '';
      await ack(statement.trim() ? undefined : { response_action: 'errors', errors: { statement: 'Please write the requirement' } });
    });

    expect(
      (
        await slack.interaction(
          slack.blockAction({ actionId: 'answer', value: 'positive', userId: 'U2', channelId: 'C1', messageTs: '1700000000.000200' }),
        )
      ).status,
    ).toBe(200);
    expect((await api.waitForCall('response_url')).body).toEqual({ replace_original: false, text: 'clicked by U2' });

    await slack.interaction(
      slack.messageShortcut({
        callbackId: 'record_requirement',
        message: { ts: '1700000000.000300', text: 'Acme needs NOK', user: 'U1' },
        userId: 'U2',
      }),
    );
    expect((await api.waitForCall('views.open')).body.view).toMatchObject({ callback_id: 'req', private_metadata: 'Acme needs NOK' });

    const options = await slack.interaction(
      slack.blockSuggestion({ actionId: 'requirements', blockId: 'requirement', value: 'nok', view: { callbackId: 'check.answer' } }),
    );
    expect(await options.json()).toEqual({ options: [{ text: { type: 'plain_text', text: 'REQ-1 nok' }, value: 'REQ-1' }] });

    const refused = await slack.interaction(
      slack.viewSubmission({ callbackId: 'req', values: { statement: { statement: { type: 'plain_text_input', value: ' ' } } } }),
    );
    expect(await refused.json()).toEqual({ response_action: 'errors', errors: { statement: 'Please write the requirement' } });
    const accepted = await slack.interaction(
      slack.viewSubmission({
        callbackId: 'req',
        values: { statement: { statement: { type: 'plain_text_input', value: 'Invoices in NOK' } } },
      }),
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe('');
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});

describe('a real Bolt App on Socket Mode, connected to the fake server', () => {
  let api: FakeSlackApi;
  let socket: FakeSocketMode;
  let app: App;
  beforeEach(async () => {
    api = await startFakeSlackApi();
    socket = await startFakeSocketMode();
    api.setSocketModeUrl(socket.url);
    app = new App({
      socketMode: true,
      appToken: 'xapp-1-test',
      token: TOKEN,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      logger: quietLogger([]),
      clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
    });
  });
  afterEach(async () => {
    // The app first: closing the server under a connected app makes it reconnect.
    await app.stop();
    await socket.close();
    await api.close();
  });

  it('gets a slash command envelope to app.command, whose ack({text}) comes back on the socket', async () => {
    app.command('/requirement', async ({ ack, command }) => ack({ text: `queued: ${command.text}` }));
    await app.start();
    await socket.connected;
    // The app-level token, not the bot token, opened the connection.
    expect(api.callsTo('apps.connections.open')).toMatchObject([{ token: 'xapp-1-test' }]);
    const slack = new SlackClientSim({ baseUrl: 'http://unused', signingSecret: SECRET, responseBase: api.origin });
    const ack = await socket.sendEnvelope('slash_commands', slack.slashCommand('/requirement', 'add Over the socket'), {
      envelopeId: 'env-1',
    });
    expect(ack).toEqual({ envelope_id: 'env-1', payload: { text: 'queued: add Over the socket' } });
  });

  it('acks events at once with an empty payload and passes retry_attempt on as context.retryNum', async () => {
    const seen = deferred<{ retryNum: number | undefined; retryReason: string | undefined }>();
    app.event('app_mention', async ({ context }) => seen.resolve({ retryNum: context.retryNum, retryReason: context.retryReason }));
    await app.start();
    const slack = new SlackClientSim({ baseUrl: 'http://unused', signingSecret: SECRET });
    const envelope = slack.eventEnvelope(slack.appMention({ channel: 'C1', user: 'U1', text: '<@U0BOT> check this' }));
    const first = await socket.sendEnvelope('events_api', envelope);
    expect(first).toEqual({ envelope_id: first.envelope_id, payload: {} });
    // Slack marks a first delivery with retry_attempt 0 and an empty reason; over HTTP both are absent.
    expect(await seen.promise).toEqual({ retryNum: 0, retryReason: '' });
  });

  it('a view submission ack with errors travels back in the ack payload', async () => {
    app.view('req', async ({ ack }) => ack({ response_action: 'errors', errors: { statement: 'Required' } }));
    await app.start();
    const slack = new SlackClientSim({ baseUrl: 'http://unused', signingSecret: SECRET });
    const ack = await socket.sendEnvelope('interactive', slack.viewSubmission({ callbackId: 'req' }));
    expect(ack.payload).toEqual({ response_action: 'errors', errors: { statement: 'Required' } });
  });
});
