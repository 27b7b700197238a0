/**
 * Installation: the reference is stored at once (the digest may go there before anyone speaks),
 * then the core introduces the bot once per conversation and decides about the first admin.
 */
import type { TurnContext } from 'botbuilder';
import type { InstallScope } from '../../../core/index.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';

const SCOPES: Record<TeamsWhere['kind'], InstallScope> = { channel: 'team', groupChat: 'groupChat', personal: 'personal' };

export async function handleInstall(runtime: TeamsRuntime, context: TurnContext, where: TeamsWhere): Promise<void> {
  await runtime.rememberConversation(where, context.activity, { force: true });
  await runtime.handle(context, where, {
    kind: 'installed',
    scope: SCOPES[where.kind],
    place: { platform: 'teams', channelId: where.channelId, ...(where.channelName ? { channelName: where.channelName } : {}) },
  });
}

export async function handleUninstall(runtime: TeamsRuntime, where: TeamsWhere): Promise<void> {
  await runtime.references.forgetConversation(where.workspaceId, where.channelId);
  runtime.logger.info(
    { workspaceId: where.workspaceId },
    'Teams app removed from a conversation; its reference is deleted and the data stays',
  );
}
