/**
 * Who and where, from a Slack request: the workspace (an Enterprise Grid org for org-wide
 * installs, otherwise the team), the acting person, and whether Slack calls them an admin.
 */
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/domain/shared.js';

export interface SlackTeamContext {
  readonly teamId?: string;
  readonly enterpriseId?: string;
  readonly isEnterpriseInstall?: boolean;
}

export function workspaceIdOf(context: SlackTeamContext): string {
  if (context.isEnterpriseInstall && context.enterpriseId) return `slack:${context.enterpriseId}`;
  if (context.teamId) return `slack:${context.teamId}`;
  throw new Error('A Slack request without a team or enterprise id');
}

const ADMIN_CACHE_MS = 10 * 60 * 1000;

/**
 * Slack workspace admins and owners are the bot's first admins. Asking Slack costs a call, so
 * the answer is kept for ten minutes per person.
 */
export class SlackAdminLookup {
  private readonly cache = new Map<string, { admin: boolean; name?: string; until: number }>();

  async lookup(client: WebClient, workspaceId: string, userId: string): Promise<{ admin: boolean; name?: string }> {
    const key = `${workspaceId}|${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached;
    try {
      const { user } = await client.users.info({ user: userId });
      const entry = {
        admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        until: Date.now() + ADMIN_CACHE_MS,
        ...(user?.real_name || user?.name ? { name: user.real_name || user.name } : {}),
      };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, entry);
      return entry;
    } catch {
      // Without an answer the person is treated as a member: refusing is safer than granting.
      return { admin: false };
    }
  }
}

export async function actorFor(
  client: WebClient,
  admins: SlackAdminLookup,
  workspaceId: string,
  userId: string,
  fallbackName?: string,
): Promise<Actor> {
  const { admin, name } = await admins.lookup(client, workspaceId, userId);
  const display = name ?? fallbackName;
  return { id: userId, workspaceId, ...(display ? { name: display } : {}), ...(admin ? { platformAdmin: true } : {}) };
}
