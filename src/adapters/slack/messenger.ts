/**
 * Slack's Messenger: posts outside a request (the weekly digest, owner reminders) with
 * `chat.postMessage`, to a channel the bot is in or to a person's user id. A post to a user id
 * lands in the app's Messages tab and needs only `chat:write`, so the bot asks for no `im:write`
 * and never calls `conversations.open` (see manifests/slack/SCOPES.md).
 *
 * Its WebClients reject rate-limited calls instead of waiting: the default client pauses its whole
 * queue on a 429, which would let one workspace's limit hold up every other workspace's digest.
 * A 429 becomes a retryable failure, and the scheduler tries that recipient again on its next run.
 */
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { WorkspaceId } from '../../core/domain/shared.js';
import type { Message } from '../../core/messages.js';
import type { DeliveryResult, Destination, Messenger } from '../../core/ports.js';
import type { Logger } from '../logging/logger.js';
import { toSlackMessage } from './block-kit.js';
import { boltLogger } from './bolt-logger.js';

/** The bot token for a workspace id (`slack:T…` or `slack:E…` for an org install); undefined when not installed. */
export type SlackTokenSource = (workspaceId: WorkspaceId) => Promise<string | undefined>;

export interface SlackMessengerOptions {
  readonly tokens: SlackTokenSource;
  /** Base options for the WebClients (the API URL); retries and rate-limit handling are set here. */
  readonly clientOptions?: WebClientOptions;
  readonly logger: Logger;
}

/**
 * Slack errors that another try will not fix: the conversation or person is gone, the bot was
 * removed or its token revoked, or the message itself is refused. Anything else (rate limits,
 * Slack's own outages, the network) is worth trying again.
 */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'restricted_action',
  'team_access_not_granted',
  'ekm_access_denied',
  'not_allowed_token_type',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
]);

/** What to do about an error from the Web API. */
function failureOf(error: unknown): { retryable: boolean; reason: string } {
  const failure = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
  switch (failure.code) {
    case 'slack_webapi_rate_limited_error':
      return { retryable: true, reason: `rate limited by Slack (retry after ${failure.retryAfter ?? '?'} s)` };
    case 'slack_webapi_platform_error': {
      const code = failure.data?.error ?? 'unknown_error';
      return { retryable: !PERMANENT.has(code), reason: `Slack answered ${code}` };
    }
    case 'slack_webapi_http_error':
      return {
        retryable: failure.statusCode === undefined || failure.statusCode >= 500,
        reason: `Slack answered HTTP ${failure.statusCode ?? '?'}`,
      };
    default:
      return { retryable: true, reason: `could not reach Slack: ${failure.message ?? String(error)}` };
  }
}

const channelOf = (destination: Destination): string =>
  destination.kind === 'conversation' ? destination.conversationId : destination.userId;

export function createSlackMessenger(options: SlackMessengerOptions): Messenger {
  const clients = new Map<string, WebClient>();
  // The Web API client's own warnings go to our structured log, not to the console.
  const clientLogger = boltLogger(options.logger);
  const clientFor = (token: string): WebClient => {
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        ...options.clientOptions,
        logger: clientLogger,
        rejectRateLimitedCalls: true,
        // One attempt per run: the scheduler retries on its next tick, with the failure logged.
        retryConfig: { retries: 0 },
        timeout: 30_000,
      });
      if (clients.size > 1_000) clients.clear();
      clients.set(token, client);
    }
    return client;
  };

  return {
    async send(workspaceId: WorkspaceId, destination: Destination, message: Message): Promise<DeliveryResult> {
      let token: string | undefined;
      try {
        token = await options.tokens(workspaceId);
      } catch (error) {
        return {
          ok: false,
          retryable: true,
          reason: `could not read the workspace's Slack token: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (!token) return { ok: false, retryable: false, reason: 'the app is not installed in this Slack workspace (any more)' };
      try {
        const posted = await clientFor(token).chat.postMessage({
          channel: channelOf(destination),
          ...toSlackMessage(message),
          unfurl_links: false,
          unfurl_media: false,
        });
        return { ok: true, ...(posted.ts ? { messageId: String(posted.ts) } : {}) };
      } catch (error) {
        const failure = failureOf(error);
        options.logger.debug({ workspaceId, destination: destination.kind, reason: failure.reason }, 'Slack post failed');
        return { ok: false, ...failure };
      }
    },
  };
}

/**
 * Where tokens come from: the one SLACK_BOT_TOKEN of a single-workspace install (it serves only
 * Slack workspaces), or the installation store of the multi-workspace OAuth install.
 */
export function slackTokenSource(
  source:
    | { botToken: string }
    | {
        installations: {
          botToken(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }): Promise<string | undefined>;
        };
      },
): SlackTokenSource {
  return async (workspaceId) => {
    const id = /^slack:([A-Z0-9]+)$/.exec(workspaceId)?.[1];
    if (!id) return undefined;
    if ('botToken' in source) return source.botToken;
    // Org-wide (Enterprise Grid) installs are keyed by the org's id, which starts with E.
    return id.startsWith('E')
      ? source.installations.botToken({ enterpriseId: id, isEnterpriseInstall: true })
      : source.installations.botToken({ teamId: id, isEnterpriseInstall: false });
  };
}
