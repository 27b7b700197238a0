/**
 * App Home, the introduction when the bot joins a channel, the requirement search behind the
 * answer form, and uninstalls (which remove tokens only: the workspace's evidence stays).
 */
import type { App, InstallationStore } from '@slack/bolt';
import { channelIntroduction, homePage } from '../../../core/views.js';
import { toSlackMessage } from '../block-kit.js';
import type { SlackRuntime } from '../runtime.js';

export function registerHomeAndLifecycle(app: App, runtime: SlackRuntime, installations?: InstallationStore): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = await runtime.workspace(context);
    const actor = await runtime.actor(client, workspaceId, event.user);
    const home = await runtime.core.home(actor);
    if (!home.ok) return;
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: toSlackMessage(homePage(home.value)).blocks } });
  });

  app.event('member_joined_channel', async ({ event, context, client }) => {
    if (event.user !== context.botUserId) return;
    const workspaceId = await runtime.workspace(context);
    // One introduction per channel, even if Slack delivers the event twice or to two instances.
    if (!(await runtime.core.deps.claims.claim(`ws:${workspaceId}:intro:${event.channel}`, 'intro', 0))) {
      runtime.logger.debug({ workspaceId, channel: event.channel }, 'introduction already posted');
      return;
    }
    await client.chat.postMessage({ channel: event.channel, ...toSlackMessage(channelIntroduction()) });
  });

  app.options<'block_suggestion'>({ action_id: 'requirements' }, async ({ options, ack, context, body }) => {
    const workspaceId = await runtime.workspace(context);
    const actor = { id: body.user.id, workspaceId };
    const query = (options.value ?? '').trim().toLowerCase();
    const result = await runtime.core.listRequirements(actor);
    const matches = result.ok
      ? result.value.filter((r) => !query || r.id.toLowerCase().includes(query) || r.statement.toLowerCase().includes(query)).slice(0, 100)
      : [];
    await ack({
      options: matches.map((r) => ({ text: { type: 'plain_text' as const, text: `${r.id} ${r.statement}`.slice(0, 75) }, value: r.id })),
    });
  });

  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean) => {
    if (!installations?.deleteInstallation) return;
    await installations.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall });
    runtime.logger.info(
      { teamId, enterpriseId },
      'Slack tokens removed after uninstall; the workspace data stays until an admin purges it',
    );
  };
  app.event('app_uninstalled', async ({ context }) => forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall)));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall));
  });
}
