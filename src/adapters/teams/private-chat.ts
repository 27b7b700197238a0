/**
 * A person's personal chat with the bot, opened with `createConversationAsync`, which Teams answers
 * with the existing 1:1 conversation when there is one. It works for people in a team or chat
 * where the app is installed. Its reference is stored, so later digests and reminders use it.
 *
 * Two uses: Teams has no ephemeral messages, so an answer meant for one person (a signed link, the
 * digest preview) typed in a channel goes there; and the digest reaches managers who never wrote
 * to the bot.
 */
import { type Activity, type CloudAdapter, type ConversationParameters, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences, TeamsService } from './conversation-references.js';
import { describeConnectorError } from './messenger-errors.js';
import type { TeamsWhere } from './teams-activity.js';

/** The token audience of the Bot Framework connector in the public cloud, where Teams runs. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface PersonalChatTarget {
  readonly workspaceId: string;
  readonly service: TeamsService;
  readonly person: { readonly id: string; readonly name?: string };
}

/**
 * Opens (or finds) the person's personal chat, sends the activity there and remembers the chat.
 * Returns the sent activity's id; throws the connector's error when Teams refuses.
 */
export async function openPersonalChat(
  options: { adapter: CloudAdapter; botAppId: string; references: ConversationReferences },
  target: PersonalChatTarget,
  activity: Partial<Activity>,
): Promise<string | undefined> {
  const { adapter, botAppId, references } = options;
  const { workspaceId, service, person } = target;
  const tenantId = workspaceId.replace(/^teams:/, '');
  const parameters = {
    isGroup: false,
    bot: service.bot,
    members: [person],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  let id: string | undefined;
  let failure: unknown;
  await adapter.createConversationAsync(
    botAppId,
    service.channelId,
    service.serviceUrl,
    CONNECTOR_AUDIENCE,
    parameters,
    async (personal) => {
      // Caught here: an error escaping the callback would go to the adapter's onTurnError.
      try {
        id = (await personal.sendActivity(activity))?.id;
      } catch (error) {
        failure = error ?? new Error('the connector failed without saying why');
        return;
      }
      // Sent: a store hiccup now must not turn the send into a failure that is retried (a second
      // copy). Without the reference the next send simply opens the chat again.
      const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(personal.activity);
      await references
        .rememberPersonal(workspaceId, person.id, { ...reference, user: { id: person.id, name: person.name ?? '' } })
        .catch(() => undefined);
    },
  );
  if (failure !== undefined) throw failure;
  return id;
}

export interface PrivateChat {
  /** Sends the activity to the author of the turn's activity, privately. False when Teams refused. */
  send(context: TurnContext, where: TeamsWhere, activity: Partial<Activity>): Promise<boolean>;
}

export function createPrivateChat(options: {
  adapter: CloudAdapter;
  botAppId: string;
  references: ConversationReferences;
  logger: Logger;
}): PrivateChat {
  return {
    async send(context, where, activity) {
      const { from, recipient, serviceUrl, channelId } = context.activity;
      const service = { serviceUrl, channelId, bot: recipient };
      try {
        await openPersonalChat(
          options,
          { workspaceId: where.workspaceId, service, person: { id: from.id, ...(from.name ? { name: from.name } : {}) } },
          activity,
        );
        return true;
      } catch (error) {
        options.logger.warn(
          { workspaceId: where.workspaceId, connector: describeConnectorError(error) },
          'could not open a personal chat to answer privately',
        );
        return false;
      }
    },
  };
}
