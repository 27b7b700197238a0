/** What every Teams handler needs, built once by the Teams adapter. */
import { createHash } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Actor } from '../../core/domain/shared.js';
import type { Core } from '../../core/index.js';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences } from './conversation-references.js';
import type { PrivateChat } from './private-chat.js';
import { type TeamsWhere, actorOf } from './teams-activity.js';

export interface TeamsRuntime {
  readonly core: Core;
  readonly logger: Logger;
  readonly references: ConversationReferences;
  /** Answers meant for one person, sent to their personal chat with the bot. */
  readonly privateChat: PrivateChat;
  /** Registers the tenant as a workspace on first contact; cached per process. */
  workspace(where: TeamsWhere): Promise<void>;
  /** The person acting: an admin when ADMIN_USERS lists them or they installed the app. */
  actor(where: TeamsWhere, from: ChannelAccount): Promise<Actor>;
  /** Remembers who installed the app: Teams' closest equivalent of a workspace admin. */
  recordInstaller(where: TeamsWhere, from: ChannelAccount): Promise<void>;
  /** Stores where this activity came from, so the digest and reminders can reach it later. */
  rememberConversation(where: TeamsWhere, activity: Partial<Activity>, options?: { force?: boolean }): Promise<void>;
}

const installerKey = (workspaceId: string, userId: string) =>
  `ws:${workspaceId}:teams:installer:${createHash('sha256').update(userId).digest('hex').slice(0, 40)}`;

export function createTeamsRuntime(core: Core, logger: Logger, references: ConversationReferences, privateChat: PrivateChat): TeamsRuntime {
  const known = new Set<string>();
  return {
    core,
    logger,
    references,
    privateChat,
    async workspace(where) {
      if (known.has(where.workspaceId)) return;
      await core.ensureWorkspace({ id: where.workspaceId, platform: 'teams', name: where.teamName ?? where.workspaceId });
      known.add(where.workspaceId);
    },
    async actor(where, from) {
      const listed = Boolean(from.aadObjectId && core.deps.adminUsers.has(from.aadObjectId));
      const installer = listed || Boolean(await core.deps.claims.holder(installerKey(where.workspaceId, from.id)));
      return actorOf(from, where.workspaceId, installer);
    },
    async recordInstaller(where, from) {
      await core.deps.claims.claim(installerKey(where.workspaceId, from.id), from.id, 0);
    },
    async rememberConversation(where, activity, options = {}) {
      // Without the activity id: a later message is not a reply to this one, and the stored
      // reference stays the same from turn to turn, so it is written only when it changes.
      const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
      // A channel's digest starts a new post, so the channel is stored without the thread part.
      const conversation = { ...reference.conversation, id: where.channelId } as NonNullable<typeof reference.conversation>;
      await references.rememberConversation(where.workspaceId, where.channelId, { ...reference, conversation }, options);
      if (reference.serviceUrl && reference.channelId && reference.bot?.id) {
        await references.rememberService(where.workspaceId, {
          serviceUrl: reference.serviceUrl,
          channelId: reference.channelId,
          bot: { id: reference.bot.id, ...(reference.bot.name ? { name: reference.bot.name } : {}) },
        });
      }
      if (where.kind === 'personal' && activity.from?.id) {
        await references.rememberPersonal(where.workspaceId, activity.from.id, reference, options);
      }
    },
  };
}
