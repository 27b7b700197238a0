/**
 * Installation: the reference is stored at once (the digest may go there before anyone speaks),
 * the installer becomes the first admin, and the bot says in one short message what it reads,
 * what it keeps and who can see it — once per conversation, whatever Teams sends twice.
 */
import type { TurnContext } from 'botbuilder';
import { channelIntroduction } from '../../../core/views.js';
import { replyWith } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';

export async function handleInstall(runtime: TeamsRuntime, context: TurnContext, where: TeamsWhere): Promise<void> {
  await runtime.rememberConversation(where, context.activity, { force: true });
  if (context.activity.from?.id) await runtime.recordInstaller(where, context.activity.from);
  const introduced = await runtime.core.deps.claims.claim(`ws:${where.workspaceId}:intro:teams:${where.channelId}`, 'intro', 0);
  if (introduced) await replyWith(context, channelIntroduction());
}

export async function handleUninstall(runtime: TeamsRuntime, where: TeamsWhere): Promise<void> {
  await runtime.references.forgetConversation(where.workspaceId, where.channelId);
  runtime.logger.info(
    { workspaceId: where.workspaceId },
    'Teams app removed from a conversation; its reference is deleted and the data stays',
  );
}
