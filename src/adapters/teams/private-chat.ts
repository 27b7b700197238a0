/**
 * Teams has no ephemeral messages, so an answer meant for one person (a signed link, the digest
 * preview) typed in a channel or group chat goes to that person's personal chat with the bot.
 * The personal chat is opened with `createConversationAsync`, which Teams answers with the
 * existing 1:1 conversation when there is one; it works for people in a team or chat where the
 * app is installed. Its reference is stored, so the digest and reminders can use it later.
 */
import { type Activity, type CloudAdapter, type ConversationParameters, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences } from './conversation-references.js';
import { describeConnectorError } from './messenger.js';
import type { TeamsWhere } from './teams-activity.js';

/** The token audience of the Bot Framework connector in the public cloud, where Teams runs. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface PrivateChat {
  /** Sends the activity to the author of the turn's activity, privately. False when Teams refused. */
  send(context: TurnContext, where: TeamsWhere, activity: Partial<Activity>): Promise<boolean>;
}

export function createPrivateChat(options: { adapter: CloudAdapter; botAppId: string; references: ConversationReferences; logger: Logger }): PrivateChat {
  const { adapter, botAppId, references, logger } = options;
  return {
    async send(context, where, activity) {
      const { from, recipient, serviceUrl, channelId } = context.activity;
      const tenantId = where.workspaceId.replace(/^teams:/, '');
      const parameters = {
        isGroup: false,
        bot: recipient,
        members: [{ id: from.id, name: from.name }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      let failure: unknown;
      try {
        await adapter.createConversationAsync(botAppId, channelId, serviceUrl, CONNECTOR_AUDIENCE, parameters, async (personal) => {
          // Caught here: an error escaping the callback would go to the adapter's onTurnError.
          try {
            await personal.sendActivity(activity);
            const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(personal.activity);
            await references.rememberPersonal(where.workspaceId, from.id, { ...reference, user: { id: from.id, name: from.name } });
          } catch (error) {
            failure = error ?? new Error('the connector failed without saying why');
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure === undefined) return true;
      logger.warn({ workspaceId: where.workspaceId, connector: describeConnectorError(failure) }, 'could not open a personal chat to answer privately');
      return false;
    },
  };
}
