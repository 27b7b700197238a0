/**
 * The bot's turn logic: which handler an activity goes to. A plain ActivityHandler is enough;
 * TeamsActivityHandler would look up every added member through the connector first.
 */
import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { TeamsRuntime } from './runtime.js';
import { handleInstall, handleUninstall } from './handlers/install.js';
import { handleMessage } from './handlers/messages.js';
import { type TeamsWhere, whereOf } from './teams-activity.js';

export class CustomerFocusBot extends ActivityHandler {
  constructor(private readonly runtime: TeamsRuntime) {
    super();
    this.onMessage(async (context, next) => {
      await this.within(context, async (where) => {
        await runtime.rememberConversation(where, context.activity);
        await handleMessage(runtime, context, where);
      });
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.within(context, (where) => handleInstall(runtime, context, where));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.within(context, (where) => handleUninstall(runtime, where));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (botId && (context.activity.membersAdded ?? []).some((member) => member.id === botId)) {
        await this.within(context, (where) => handleInstall(runtime, context, where));
      }
      await next();
    });
  }

  /** Runs `work` for activities that say which tenant and conversation they belong to. */
  private async within(context: TurnContext, work: (where: TeamsWhere) => Promise<void>): Promise<void> {
    const where = whereOf(context.activity);
    if (!where) {
      this.runtime.logger.warn({ type: context.activity.type }, 'Teams activity without a tenant or conversation: ignored');
      return;
    }
    await work(where);
  }
}
