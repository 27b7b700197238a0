/**
 * The bot joined a conversation: it introduces itself once per conversation (whatever the platform
 * delivers twice), and on a team install it may make the installer the workspace's first admin.
 */
import { grantFirstAdminOnTeamInstall } from '../use-cases/first-admin.js';
import { channelIntroduction } from '../views.js';
import type { Handling } from './handling.js';
import type { InstallScope, Place } from './interaction.js';

const introKey = (workspaceId: string, place: Place) => `ws:${workspaceId}:intro:${place.platform}:${place.channelId}`;

export async function installed(handling: Handling, scope: InstallScope, place: Place): Promise<void> {
  const { deps, actor, surface, log } = handling;
  const firstAdmin = scope === 'team' && (await grantFirstAdminOnTeamInstall(deps, actor));
  if (!(await deps.claims.claim(introKey(actor.workspaceId, place), 'intro', 0))) {
    log.debug({ workspaceId: actor.workspaceId, channel: place.channelId }, 'introduction already posted');
    return;
  }
  const introduction = channelIntroduction();
  if (!firstAdmin) {
    await surface.post({ channelId: place.channelId }, introduction);
    return;
  }
  const installer = { id: actor.id, ...(actor.name ? { name: actor.name } : {}) };
  await surface.post(
    { channelId: place.channelId },
    {
      fallback: introduction.fallback,
      blocks: [
        ...introduction.blocks,
        {
          kind: 'text',
          parts: [
            { person: installer },
            ' installed me in this team and nobody administered me yet, so they are now my first admin here (kept as evidence). Admins give roles with `{focus}role @person admin|manager|auditor`; to choose admins yourself, set ADMIN_USERS.',
          ],
        },
      ],
    },
  );
}
