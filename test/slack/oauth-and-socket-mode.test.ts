/**
 * Two workspaces installed through the real OAuth flow never see each other's data or tokens; and
 * the same decision flow works over Socket Mode against a local WebSocket server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, startSlackBot } from '../support/slack-bot.js';
import { startFakeSocketMode } from '../support/slack/fake-socket-mode.js';

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret-for-tests',
  SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
};

/** Walks /slack/install → Slack's consent page → /slack/oauth_redirect the way a browser does. */
async function install(h: SlackBotHarness, code: string): Promise<Response> {
  const base = `http://127.0.0.1:${h.bot.port}`;
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const location = new URL(start.headers.get('location') ?? '');
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${location.searchParams.get('state')}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

describe('multi-workspace install', () => {
  let h: SlackBotHarness;
  afterEach(() => h.close());

  it('keeps two installed workspaces apart: tokens and data', async () => {
    h = await startSlackBot(OAUTH_ENV);
    h.api.setOAuthAccess('code-a', { teamId: 'TA', teamName: 'Alpha', token: 'xoxb-alpha', botUserId: 'UBOTA' });
    h.api.setOAuthAccess('code-b', { teamId: 'TB', teamName: 'Beta', token: 'xoxb-beta', botUserId: 'UBOTB' });
    expect((await install(h, 'code-a')).status).toBeLessThan(400);
    expect((await install(h, 'code-b')).status).toBeLessThan(400);

    await h.slack.command('/requirement', 'add Alpha only: invoices in NOK', { userId: 'UA1', teamId: 'TA', channelId: 'CA' });
    await h.api.waitForCall('response_url');
    h.api.clear();
    await h.slack.command('/requirement', 'list', { userId: 'UB1', teamId: 'TB', channelId: 'CB' });
    const listB = await h.api.waitForCall('response_url');
    expect(JSON.stringify(listB.body)).toContain('The register is empty.');
    expect(await h.bot.services.core.deps.requirements.list('slack:TB')).toEqual([]);
    expect((await h.bot.services.core.deps.requirements.list('slack:TA')).map((r) => r.statement)).toEqual(['Alpha only: invoices in NOK']);

    // Each workspace's events are answered with that workspace's own token.
    await h.slack.event(
      h.slack.messageEvent({
        channel: 'CB',
        user: 'UB1',
        text: 'Decision: Beta moves releases to Thursdays.',
        ts: `${Math.floor(Date.now() / 1000)}.000200`,
      }),
      { teamId: 'TB' },
    );
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.token).toBe('xoxb-beta');
  });

  it('a rate limit in one workspace does not hold up another', async () => {
    h = await startSlackBot(OAUTH_ENV);
    h.api.setOAuthAccess('code-a', { teamId: 'TA', teamName: 'Alpha', token: 'xoxb-alpha', botUserId: 'UBOTA' });
    h.api.setOAuthAccess('code-b', { teamId: 'TB', teamName: 'Beta', token: 'xoxb-beta', botUserId: 'UBOTB' });
    await install(h, 'code-a');
    await install(h, 'code-b');
    const ts = `${Math.floor(Date.now() / 1000)}.000300`;
    h.api.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 3 });
    await h.slack.event(h.slack.messageEvent({ channel: 'CA', user: 'UA1', text: 'Decision: Alpha drops the legacy API in May.', ts }), {
      teamId: 'TA',
    });
    await h.api.waitForCall('chat.postMessage', (call) => call.status === 429);
    await h.slack.event(h.slack.messageEvent({ channel: 'CB', user: 'UB1', text: 'Decision: Beta moves releases to Thursdays.', ts }), {
      teamId: 'TB',
    });
    const beta = await h.api.waitForCall('chat.postMessage', (call) => call.token === 'xoxb-beta');
    expect(beta.status).toBe(200);
    // Alpha is still waiting out its Retry-After while Beta was served.
    expect(
      h.api
        .callsTo('chat.postMessage')
        .filter((call) => call.token === 'xoxb-alpha')
        .map((call) => call.status),
    ).toEqual([429]);
    const alpha = await h.api.waitForCall('chat.postMessage', (call) => call.token === 'xoxb-alpha' && call.status === 200);
    expect(alpha.body.channel).toBe('CA');
  });

  it('treats an org-wide Enterprise Grid install as one workspace across its teams', async () => {
    h = await startSlackBot(OAUTH_ENV);
    h.api.setOAuthAccess('code-org', {
      teamId: '',
      teamName: '',
      token: 'xoxb-org',
      botUserId: 'UBOTE',
      enterpriseId: 'E0GRID',
      orgWide: true,
    });
    const installed = await install(h, 'code-org');
    if (installed.status >= 400) console.log(JSON.stringify(h.logs.filter((l) => (l.level as string) !== 'debug').slice(-5)));
    expect(installed.status).toBeLessThan(400);
    expect(await h.bot.services.backend.records.get('ws:slack:E0GRID:installation')).toBeDefined();
    await h.slack.command('/requirement', 'add Same register for the whole org', {
      userId: 'U1',
      teamId: 'T0SALES',
      enterpriseId: 'E0GRID',
      orgWide: true,
    });
    await h.api.waitForCall('response_url');
    h.api.clear();
    await h.slack.command('/requirement', 'list', { userId: 'U2', teamId: 'T0SUPPORT', enterpriseId: 'E0GRID', orgWide: true });
    const list = await h.api.waitForCall('response_url');
    expect(JSON.stringify(list.body)).toContain('Same register for the whole org');
    expect((await h.bot.services.core.listWorkspaces()).map((workspace) => workspace.id)).toContain('slack:E0GRID');
  });

  it('forgets only the tokens when a workspace uninstalls', async () => {
    h = await startSlackBot(OAUTH_ENV);
    h.api.setOAuthAccess('code-a', { teamId: 'TA', teamName: 'Alpha', token: 'xoxb-alpha', botUserId: 'UBOTA' });
    await install(h, 'code-a');
    await h.slack.command('/requirement', 'add Kept after uninstall', { userId: 'UA1', teamId: 'TA', channelId: 'CA' });
    await h.api.waitForCall('response_url');
    await h.slack.event(h.slack.appUninstalled(), { teamId: 'TA' });
    await expect.poll(() => h.bot.services.backend.records.get('ws:slack:TA:installation')).toBeUndefined();
    expect(await h.bot.services.core.deps.requirements.list('slack:TA')).toHaveLength(1);
  });
});

describe('Socket Mode', () => {
  it('keeps running, and says why, when Slack refuses the connection at start-up', async () => {
    const h = await startSlackBot({ SLACK_APP_TOKEN: 'xapp-1-revoked', SLACK_SIGNING_SECRET: '' }, (api) =>
      api.failNext('apps.connections.open', { kind: 'error', error: 'invalid_auth' }, 5),
    );
    try {
      expect(h.logs.some((line) => line.msg === 'could not connect to Slack over Socket Mode; trying again in 10 s')).toBe(true);
      expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('posts one prompt when Slack redelivers the same event over the socket', async () => {
    const socket = await startFakeSocketMode();
    const h = await startSlackBot({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' }, (api) => api.setSocketModeUrl(socket.url));
    try {
      await socket.connected;
      const ts = `${Math.floor(Date.now() / 1000)}.000400`;
      const envelope = h.slack.eventEnvelope(
        h.slack.messageEvent({ channel: 'C1', user: 'U1', text: 'Decision: we close the Oslo office on Fridays from April.', ts }),
        { eventId: 'EvSock1' },
      );
      // The same envelope id twice in a row (a redelivery), then once more under a new id at once.
      await socket.sendEnvelope('events_api', envelope, { envelopeId: 'env-1' });
      await Promise.all([
        socket.sendEnvelope('events_api', envelope, { envelopeId: 'env-1', retryAttempt: 1, retryReason: 'timeout' }),
        socket.sendEnvelope('events_api', envelope, { envelopeId: 'env-2', retryAttempt: 2, retryReason: 'timeout' }),
      ]);
      await h.api.waitForCall('chat.postMessage');
      await expect.poll(() => h.logs.filter((line) => line.msg === 'no prompt').length).toBe(2);
      expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await h.close();
      await socket.close();
    }
  });

  it('receives a slash command over the socket and acks it there', async () => {
    const socket = await startFakeSocketMode();
    const h = await startSlackBot({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' }, (api) => api.setSocketModeUrl(socket.url));
    try {
      await socket.connected;
      const ack = await socket.sendEnvelope('slash_commands', {
        command: '/requirement',
        text: 'add Over the socket customer:Acme',
        user_id: 'U1',
        user_name: 'dana',
        team_id: 'T0TEAM1',
        team_domain: 'acme',
        channel_id: 'C1',
        channel_name: 'product',
        trigger_id: 'trig',
        response_url: `${h.api.origin}/response/socket`,
        api_app_id: 'A1',
      });
      expect(ack.envelope_id).toBeTruthy();
      await h.api.waitForCall('response_url');
      expect(await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1')).toMatchObject({
        statement: 'Over the socket',
        customer: 'Acme',
      });
    } finally {
      await h.close();
      await socket.close();
    }
  });
});
