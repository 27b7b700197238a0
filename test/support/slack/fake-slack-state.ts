/**
 * The fake Web API's memory and its default answers: workspaces per token, people, channels, the
 * messages the bot posted or a test seeded, OAuth grants. Answers are shaped like Slack's, with
 * only the fields a bot plausibly reads; anything unknown answers `{ok: true}`.
 */
import { loadSlackManifest } from './manifest.js';
import { SLACK_TEST_IDS } from './slack-payloads.js';

export interface Workspace {
  teamId: string;
  botUserId: string;
  botId: string;
  enterpriseId?: string;
  teamName?: string;
  teamDomain?: string;
  isEnterpriseInstall?: boolean;
}

export interface OAuthGrant {
  teamId: string;
  teamName: string;
  token: string;
  botUserId: string;
  botId?: string;
  enterpriseId?: string;
  /** An org-wide (Enterprise Grid) install: oauth.v2.access then returns `team: null`. */
  isEnterpriseInstall?: boolean;
  /** Same as isEnterpriseInstall. */
  orgWide?: boolean;
  /** Defaults to the bot scopes in manifests/slack/manifest.yaml. */
  scopes?: string[];
  installerUserId?: string;
}

/** A message as conversations.history / conversations.replies return it. */
export type StoredMessage = { ts: string; text?: string; user?: string; thread_ts?: string } & Record<string, unknown>;

type Body = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
/** Form-encoded booleans arrive as strings. */
const truthy = (value: unknown) => value === true || value === 'true' || value === '1' || value === 1;
/** Slack timestamps compared as numbers of microseconds; string comparison gets `9.1` vs `10.1` wrong. */
const tsValue = (ts: string) => {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return Number(seconds) * 1_000_000 + Number(micros.padEnd(6, '0').slice(0, 6));
};
const isReply = (m: StoredMessage) => m.thread_ts !== undefined && m.thread_ts !== m.ts;

/** Seconds east of UTC for an IANA zone now, as users.info reports `tz_offset`. */
function tzOffset(timeZone: string, at = new Date(Math.floor(Date.now() / 1000) * 1000)): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Math.round(
    (Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at.getTime()) / 1000,
  );
}

export class FakeSlackState {
  readonly workspaces = new Map<string, Workspace>();
  readonly revoked = new Set<string>();
  readonly users = new Map<string, Body>();
  readonly channels = new Map<string, Body>();
  readonly grants = new Map<string, OAuthGrant>();
  readonly messages = new Map<string, StoredMessage[]>();
  private readonly homeViews = new Map<string, string>();
  socketModeUrl: string | undefined;
  private counter = 0;
  private lastTs = 0;

  /** A fresh message ts: now, and strictly after every ts handed out before. */
  nextTs(): string {
    this.lastTs = Math.max(this.lastTs + 100, Math.floor(Date.now() / 1000) * 1_000_000);
    return `${Math.floor(this.lastTs / 1_000_000)}.${String(this.lastTs % 1_000_000).padStart(6, '0')}`;
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}0${String(this.counter).padStart(9, '0')}`;
  }

  private workspaceFor(token: string | undefined): Workspace {
    const known = token ? this.workspaces.get(token) : undefined;
    return known ?? { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId };
  }

  /** Adds a message, or replaces the one with the same ts (a redelivered event is one message). */
  addMessage(channel: string, message: StoredMessage): void {
    const list = (this.messages.get(channel) ?? []).filter((m) => m.ts !== message.ts);
    list.push(message);
    this.messages.set(channel, list);
  }

  reply(method: string, body: Body, token: string | undefined): Body {
    if (token && this.revoked.has(token)) return { ok: false, error: 'token_revoked' };
    const ws = this.workspaceFor(token);
    switch (method) {
      case 'auth.test': {
        // Only tokens a test registered (or an OAuth install issued) are valid, as on Slack.
        if (!token || !this.workspaces.has(token)) return { ok: false, error: 'invalid_auth' };
        const domain = ws.teamDomain ?? 'example';
        return {
          ok: true,
          url: `https://${domain}.slack.com/`,
          team: ws.teamName ?? 'Example',
          user: 'customer_focus',
          team_id: ws.teamId,
          user_id: ws.botUserId,
          bot_id: ws.botId,
          is_enterprise_install: ws.isEnterpriseInstall ?? false,
          ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
        };
      }
      case 'chat.postMessage': {
        const requested = str(body.channel);
        // Posting to a person's id lands in the app's DM with them, whose id Slack returns.
        const channel = /^[UW]/.test(requested) ? `D${requested.slice(1)}` : requested;
        const ts = this.nextTs();
        const message: StoredMessage = {
          type: 'message',
          text: str(body.text),
          user: ws.botUserId,
          bot_id: ws.botId,
          app_id: SLACK_TEST_IDS.appId,
          ts,
          team: ws.teamId,
          ...(body.thread_ts !== undefined ? { thread_ts: str(body.thread_ts) } : {}),
          ...(body.blocks !== undefined ? { blocks: body.blocks } : {}),
        };
        this.addMessage(channel, message);
        return { ok: true, channel, ts, message };
      }
      case 'chat.update': {
        const found = this.messages.get(str(body.channel))?.find((m) => m.ts === str(body.ts));
        if (found)
          Object.assign(found, {
            text: str(body.text),
            ...(body.blocks !== undefined ? { blocks: body.blocks } : {}),
            edited: { user: ws.botUserId, ts: this.nextTs() },
          });
        return {
          ok: true,
          channel: body.channel,
          ts: body.ts,
          text: str(body.text),
          message: found ?? { type: 'message', text: str(body.text), ts: body.ts },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.delete':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: body.channel,
          permalink: `https://${ws.teamDomain ?? 'example'}.slack.com/archives/${str(body.channel)}/p${str(body.message_ts).replace('.', '')}`,
        };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: this.view(method, body, ws) };
      case 'users.info': {
        const id = str(body.user);
        const override = this.users.get(id) ?? {};
        const tz = typeof override.tz === 'string' ? override.tz : 'Europe/Oslo';
        const realName = typeof override.real_name === 'string' ? override.real_name : `Person ${id}`;
        return {
          ok: true,
          user: {
            id,
            team_id: ws.teamId,
            name: id.toLowerCase(),
            real_name: realName,
            deleted: false,
            is_admin: false,
            is_owner: false,
            is_primary_owner: false,
            is_restricted: false,
            is_ultra_restricted: false,
            is_bot: false,
            is_app_user: false,
            tz,
            tz_label: tz,
            tz_offset: tzOffset(tz),
            profile: { real_name: realName, display_name: id.toLowerCase() },
            ...override,
          },
        };
      }
      case 'conversations.info': {
        const id = str(body.channel);
        const isPrivate = id.startsWith('G');
        return {
          ok: true,
          channel: {
            id,
            name: `channel-${id.toLowerCase()}`,
            is_channel: !id.startsWith('D'),
            is_group: false,
            is_im: id.startsWith('D'),
            is_private: isPrivate,
            is_archived: false,
            is_member: true,
            ...this.channels.get(id),
          },
        };
      }
      case 'conversations.open': {
        const first = str(body.users).split(',')[0] ?? '';
        return { ok: true, no_op: true, already_open: true, channel: { id: body.channel ?? `D${first.slice(1)}` } };
      }
      case 'conversations.history':
        return this.history(str(body.channel), body);
      case 'conversations.replies':
        return this.replies(str(body.channel), str(body.ts), body);
      case 'team.info': {
        const teamId = str(body.team) || ws.teamId;
        return {
          ok: true,
          team: {
            id: teamId,
            name: ws.teamName ?? 'Example',
            domain: ws.teamDomain ?? 'example',
            email_domain: '',
            icon: { image_default: true },
            ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId, enterprise_name: 'Grid' } : {}),
          },
        };
      }
      case 'oauth.v2.access':
        return this.oauthAccess(str(body.code));
      case 'apps.connections.open':
        // invalid_auth is one of the errors Socket Mode gives up on, so a forgotten URL fails fast.
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'invalid_auth', detail: 'call setSocketModeUrl() on the fake Slack API first' };
      default:
        return { ok: true };
    }
  }

  private view(method: string, body: Body, ws: Workspace): Body {
    const view = typeof body.view === 'object' && body.view !== null ? (body.view as Body) : {};
    const user = str(body.user_id);
    // An update keeps the view's id; App Home keeps one view per person.
    const id =
      method === 'views.update' && body.view_id !== undefined
        ? str(body.view_id)
        : method === 'views.publish'
          ? (this.homeViews.get(user) ?? this.nextId('V'))
          : this.nextId('V');
    if (method === 'views.publish') this.homeViews.set(user, id);
    return {
      id,
      team_id: ws.teamId,
      type: 'modal',
      private_metadata: '',
      callback_id: '',
      external_id: '',
      ...view,
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${this.nextId('h')}`,
      previous_view_id: null,
      root_view_id: id,
      app_id: SLACK_TEST_IDS.appId,
      bot_id: ws.botId,
    };
  }

  /** Oldest/latest bounds as Slack applies them: exclusive unless `inclusive` is set. */
  private inRange(ts: string, body: Body): boolean {
    const inclusive = truthy(body.inclusive);
    const value = tsValue(ts);
    const latest = body.latest !== undefined ? tsValue(str(body.latest)) : Number.POSITIVE_INFINITY;
    const oldest = body.oldest !== undefined ? tsValue(str(body.oldest)) : 0;
    return (inclusive ? value <= latest : value < latest) && (inclusive ? value >= oldest : value > oldest);
  }

  private history(channel: string, body: Body): Body {
    const limit = Number(body.limit ?? 100) || 100;
    // History holds channel-level messages only; thread replies come from conversations.replies.
    const found = (this.messages.get(channel) ?? []).filter(
      (m) => (!isReply(m) || m.subtype === 'thread_broadcast') && this.inRange(m.ts, body),
    );
    const newestFirst = found.sort((a, b) => tsValue(b.ts) - tsValue(a.ts));
    return {
      ok: true,
      messages: newestFirst.slice(0, limit),
      has_more: newestFirst.length > limit,
      pin_count: 0,
      response_metadata: { next_cursor: '' },
    };
  }

  private replies(channel: string, ts: string, body: Body): Body {
    const all = this.messages.get(channel) ?? [];
    const target = all.find((m) => m.ts === ts);
    if (!target) return { ok: false, error: 'thread_not_found' };
    // A reply's ts stands for its whole thread, parent first.
    const rootTs = isReply(target) ? str(target.thread_ts) : ts;
    const thread = all
      .filter((m) => m.ts === rootTs || m.thread_ts === rootTs)
      .filter((m) => this.inRange(m.ts, body))
      .sort((a, b) => tsValue(a.ts) - tsValue(b.ts));
    const limit = Number(body.limit ?? 1000) || 1000;
    return { ok: true, messages: thread.slice(0, limit), has_more: thread.length > limit, response_metadata: { next_cursor: '' } };
  }

  private oauthAccess(code: string): Body {
    const grant = this.grants.get(code);
    if (!grant) return { ok: false, error: 'invalid_code' };
    const enterpriseInstall = Boolean(grant.isEnterpriseInstall ?? grant.orgWide);
    const botId = grant.botId ?? `B${grant.teamId || grant.enterpriseId || 'OT'}`;
    this.workspaces.set(grant.token, {
      teamId: grant.teamId,
      teamName: grant.teamName,
      botUserId: grant.botUserId,
      botId,
      ...(grant.enterpriseId ? { enterpriseId: grant.enterpriseId } : {}),
      ...(enterpriseInstall ? { isEnterpriseInstall: true } : {}),
    });
    return {
      ok: true,
      app_id: SLACK_TEST_IDS.appId,
      authed_user: { id: grant.installerUserId ?? 'U0INSTALLER' },
      scope: (grant.scopes ?? loadSlackManifest().scopes).join(','),
      token_type: 'bot',
      access_token: grant.token,
      bot_user_id: grant.botUserId,
      // An org-wide install has no single team.
      team: enterpriseInstall ? null : { id: grant.teamId, name: grant.teamName },
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: 'Grid' } : null,
      is_enterprise_install: enterpriseInstall,
    };
  }
}
