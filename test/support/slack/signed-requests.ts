/**
 * Sends what Slack sends: events, slash commands and interactions, signed the way Slack signs
 * them (HMAC-SHA256 over `v0:<timestamp>:<raw body>`), to the bot's real HTTP endpoint.
 */
import { createHmac, randomUUID } from 'node:crypto';

export function signSlackRequest(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SendOptions {
  teamId?: string;
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
  /** Override for forged-signature tests. */
  signature?: string;
  /** Override for stale-timestamp tests (Unix seconds). */
  timestamp?: number;
}

export class SlackClientSim {
  private readonly teamId = 'T0TEAM1';
  constructor(private readonly options: { baseUrl: string; signingSecret: string; responseBase: string; path?: string }) {}

  private async send(body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, ...signSlackRequest(body, this.options.signingSecret, timestamp) };
    if (options.signature) headers['x-slack-signature'] = options.signature;
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason) headers['x-slack-retry-reason'] = options.retryReason;
    return fetch(`${this.options.baseUrl}${this.options.path ?? '/slack/events'}`, { method: 'POST', headers, body });
  }

  event(event: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
    const teamId = options.teamId ?? this.teamId;
    const body = JSON.stringify({
      token: 'legacy-verification-token', team_id: teamId, api_app_id: 'A0APP', event, type: 'event_callback',
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 8)}`, event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }], is_ext_shared_channel: false,
    });
    return this.send(body, 'application/json', options);
  }

  command(command: string, text: string, options: { userId?: string; teamId?: string; channelId?: string; triggerId?: string } = {}): Promise<Response> {
    const body = new URLSearchParams({
      token: 'legacy-verification-token', command, text, user_id: options.userId ?? 'U1', user_name: 'dana', team_id: options.teamId ?? this.teamId,
      team_domain: 'example', channel_id: options.channelId ?? 'C1', channel_name: 'product', trigger_id: options.triggerId ?? `trigger-${randomUUID().slice(0, 8)}`,
      response_url: `${this.options.responseBase}/response/${randomUUID()}`, api_app_id: 'A0APP', is_enterprise_install: 'false',
    }).toString();
    // Bolt compares the content type exactly; Slack sends it without a charset.
    return this.send(body, 'application/x-www-form-urlencoded');
  }

  interaction(payload: Record<string, unknown>): Promise<Response> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  messageEvent(m: { channel: string; user: string; text: string; ts: string; threadTs?: string; subtype?: string; botId?: string; channelType?: string }) {
    return {
      type: 'message', channel: m.channel, user: m.user, text: m.text, ts: m.ts, event_ts: m.ts, channel_type: m.channelType ?? 'channel',
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}), ...(m.subtype ? { subtype: m.subtype } : {}), ...(m.botId ? { bot_id: m.botId } : {}),
    };
  }

  appMention(m: { channel: string; user: string; text: string; ts: string; threadTs?: string }) {
    return { type: 'app_mention', channel: m.channel, user: m.user, text: m.text, ts: m.ts, event_ts: m.ts, ...(m.threadTs ? { thread_ts: m.threadTs } : {}) };
  }

  appUninstalled() {
    return { type: 'app_uninstalled', event_ts: `${Math.floor(Date.now() / 1000)}.000001` };
  }

  blockAction(a: { actionId: string; value: string; userId: string; teamId: string; channelId: string; messageTs: string; threadTs?: string; triggerId?: string }) {
    return {
      type: 'block_actions', api_app_id: 'A0APP', token: 'legacy-verification-token', team: { id: a.teamId, domain: 'example' },
      user: { id: a.userId, username: a.userId.toLowerCase(), name: a.userId.toLowerCase(), team_id: a.teamId },
      container: { type: 'message', message_ts: a.messageTs, channel_id: a.channelId, is_ephemeral: false },
      trigger_id: a.triggerId ?? `trigger-${randomUUID().slice(0, 8)}`, channel: { id: a.channelId, name: 'product' },
      message: { ts: a.messageTs, text: 'prompt', ...(a.threadTs ? { thread_ts: a.threadTs } : {}) },
      response_url: `${this.options.responseBase}/response/${randomUUID()}`,
      actions: [{ action_id: a.actionId, block_id: 'b', value: a.value, type: 'button', action_ts: `${Date.now() / 1000}` }],
    };
  }

  viewSubmission(v: { callbackId: string; privateMetadata: string; userId: string; teamId: string; values: Record<string, unknown> }) {
    return {
      type: 'view_submission', api_app_id: 'A0APP', token: 'legacy-verification-token', team: { id: v.teamId, domain: 'example' },
      user: { id: v.userId, username: v.userId.toLowerCase(), name: v.userId.toLowerCase(), team_id: v.teamId },
      view: { id: 'V0VIEW', type: 'modal', callback_id: v.callbackId, private_metadata: v.privateMetadata, state: { values: v.values }, hash: 'h', team_id: v.teamId },
    };
  }
}
