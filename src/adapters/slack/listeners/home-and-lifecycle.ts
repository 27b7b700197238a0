/**
 * App Home, the introduction when the bot joins a channel, the requirement search behind the
 * answer form, and uninstalls (which remove tokens only: the workspace's evidence stays).
 */
import type { App, InstallationStore } from '@slack/bolt';
import { homePage } from '../../../core/views.js';
import { toSlackMessage } from '../block-kit.js';
import type { SlackRuntime } from '../runtime.js';
import { SlackAdminLookup, actorFor } from '../slack-context.js';
import type { EventHandlers } from './events.js';

/** The handlers of the home and lifecycle events (registered with the others in events.ts). */
export function homeAndLifecycleHandlers(runtime: SlackRuntime, installations?: InstallationStore): EventHandlers {
  const admins = new SlackAdminLookup();
  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean) => {
    if (!installations?.deleteInstallation) return;
    await installations.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall });
    runtime.logger.info(
      { teamId, enterpriseId },
      'Slack tokens removed after uninstall; the workspace data stays until an admin purges it',
    );
  };
  return {
    app_home_opened: async ({ event, context, client }) => {
      if (event.tab !== 'home') return;
      const workspaceId = await runtime.workspace(context);
      const home = await runtime.core.home(await actorFor(client, admins, workspaceId, event.user));
      if (!home.ok) return;
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: toSlackMessage(homePage(home.value)).blocks } });
    },

    member_joined_channel: async ({ event, context, client }) => {
      if (event.user !== context.botUserId) return;
      await runtime.handle(
        context,
        { id: event.inviter ?? event.user },
        { kind: 'installed', scope: 'channel', place: { platform: 'slack', channelId: event.channel } },
        { client, channelId: event.channel },
      );
    },

    app_uninstalled: async ({ context }) => forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall)),
    tokens_revoked: async ({ event, context }) => {
      if ((event.tokens.bot ?? []).length > 0) await forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall));
    },
  };
}

/** The requirement search behind the answer form's requirement picker. */
export function registerRequirementSearch(app: App, runtime: SlackRuntime): void {
  app.options<'block_suggestion'>({ action_id: 'requirements' }, async ({ options, ack, context, body }) => {
    const workspaceId = await runtime.workspace(context);
    const matches = await runtime.core.suggestRequirements({ id: body.user.id, workspaceId }, options.value ?? '');
    await ack({
      options: matches.map((r) => ({ text: { type: 'plain_text' as const, text: `${r.id} ${r.statement}`.slice(0, 75) }, value: r.id })),
    });
  });
}
