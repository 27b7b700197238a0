/** What every Slack listener needs, built once by the Slack app. */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logging/logger.js';
import type { DecisionCheck } from '../../core/domain/decision-check.js';
import type { Core } from '../../core/index.js';
import type { SeenMessage } from '../../core/use-cases/prompts.js';
import { toSlackMessage } from './block-kit.js';
import { SlackAdminLookup, type SlackTeamContext, actorFor, workspaceIdOf } from './slack-context.js';

export interface SlackRuntime {
  readonly core: Core;
  readonly logger: Logger;
  readonly admins: SlackAdminLookup;
  /** Emoji name (without colons) whose reaction starts a decision check. */
  readonly checkReaction: string;
  /** Registers the workspace on first contact; cached so it costs one read per process. */
  workspace(context: SlackTeamContext, name?: string): Promise<string>;
  /** The person acting, with Slack's word on whether they administer the workspace. */
  actor(client: WebClient, workspaceId: string, userId: string, fallbackName?: string): ReturnType<typeof actorFor>;
  /** Plans, posts and confirms a prompt in a thread; logs and lets go of the thread on failure. */
  ask(client: WebClient, workspaceId: string, seen: SeenMessage): Promise<'asked' | 'skipped' | 'failed'>;
  /** Posts a check started by command or form as its own message, whose thread holds the answers. */
  postCheck(client: WebClient, channelId: string, requesterId: string, check: DecisionCheck): Promise<void>;
  /** Redraws a check's prompt message in place (answers so far, or dismissed). */
  refreshPrompt(client: WebClient, check: DecisionCheck): Promise<void>;
}

/** Slack error codes that mean "this conversation can't take our message": log, don't crash. */
const UNDELIVERABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'restricted_action',
]);

export const slackErrorCode = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error ?? (error as { code?: string } | undefined)?.code;

export function createRuntime(core: Core, logger: Logger, checkReaction: string): SlackRuntime {
  const known = new Set<string>();
  const runtime: SlackRuntime = {
    core,
    logger,
    admins: new SlackAdminLookup(),
    checkReaction,
    actor: (client, workspaceId, userId, fallbackName) => actorFor(client, runtime.admins, workspaceId, userId, fallbackName),
    async workspace(context, name) {
      const id = workspaceIdOf(context);
      if (!known.has(id)) {
        await core.ensureWorkspace({ id, platform: 'slack', name: name ?? id });
        known.add(id);
      }
      return id;
    },
    async ask(client, workspaceId, seen) {
      const plan = await core.planPrompt(workspaceId, seen);
      if (plan.kind === 'skip') {
        logger.debug({ workspaceId, channel: seen.place.channelId, reason: plan.reason }, 'no prompt');
        return 'skipped';
      }
      try {
        const posted = await client.chat.postMessage({
          channel: seen.place.channelId,
          thread_ts: seen.place.threadId,
          ...toSlackMessage(plan.message),
        });
        await core.promptPosted(plan.check, plan.lease, { channelId: seen.place.channelId, messageId: String(posted.ts) });
        return 'asked';
      } catch (error) {
        // The check is already stored as evidence; letting go of the thread lets a retry post.
        await core.promptFailed(plan.check, plan.lease);
        const code = slackErrorCode(error);
        if (code && UNDELIVERABLE.has(code)) {
          logger.warn(
            { workspaceId, channel: seen.place.channelId, slackError: code },
            'could not post the decision prompt; the check is kept',
          );
          return 'failed';
        }
        throw error;
      }
    },
    async postCheck(client, channelId, requesterId, check) {
      const prompt = await core.currentPrompt(check);
      const header = {
        kind: 'text' as const,
        parts: ['Decision check from ', { person: { id: requesterId } }, ': ', { user: check.text }],
      };
      const posted = await client.chat.postMessage({
        channel: channelId,
        ...toSlackMessage({ fallback: `Decision check: ${check.text}`, blocks: [header, ...prompt.blocks] }),
      });
      await core.attachPrompt(check, { channelId, messageId: String(posted.ts) });
    },
    async refreshPrompt(client, check) {
      if (!check.prompt) return;
      try {
        await client.chat.update({
          channel: check.prompt.channelId,
          ts: check.prompt.messageId,
          ...toSlackMessage(await core.currentPrompt(check)),
        });
      } catch (error) {
        // The answer is recorded either way; a stale prompt is cosmetic.
        logger.warn({ checkId: check.id, slackError: slackErrorCode(error) }, 'could not update the prompt message');
      }
    },
  };
  return runtime;
}
