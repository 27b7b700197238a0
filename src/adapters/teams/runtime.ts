/** What every Teams handler needs, built once by the Teams adapter. */
import type { Activity, TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import type { Core, Interaction } from '../../core/index.js';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences } from './conversation-references.js';
import type { PrivateChat } from './private-chat.js';
import { type TeamsWhere, actorOf } from './teams-activity.js';
import { teamsSurface } from './teams-surface.js';

export interface TeamsRuntime {
  readonly core: Core;
  readonly logger: Logger;
  readonly references: ConversationReferences;
  /** Hands one decoded interaction to the core, with this turn as its surface. */
  handle(context: TurnContext, where: TeamsWhere, interaction: Interaction): ReturnType<Core['handle']>;
  /** Stores where this activity came from, so the digest and reminders can reach it later. */
  rememberConversation(where: TeamsWhere, activity: Partial<Activity>, options?: { force?: boolean }): Promise<void>;
}

export function createTeamsRuntime(core: Core, logger: Logger, references: ConversationReferences, privateChat: PrivateChat): TeamsRuntime {
  return {
    core,
    logger,
    references,
    async handle(context, where, interaction) {
      const from = context.activity.from ?? { id: '', name: '' };
      // Roles come from explicit grants and ADMIN_USERS (which may name the Entra object id) only.
      const actor = actorOf(from, where.workspaceId);
      return core.handle(
        actor,
        interaction,
        teamsSurface(context, where, privateChat, { formSubmit: interaction.kind === 'form.submit' }),
        {
          platform: 'teams',
          ...(where.teamName ? { name: where.teamName } : {}),
        },
      );
    },
    async rememberConversation(where, activity, options = {}) {
      // Without the activity id: a later message is not a reply to this one, and the stored
      // reference stays the same from turn to turn, so it is written only when it changes.
      const { activityId: _activityId, ...reference } = Turn.getConversationReference(activity);
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
