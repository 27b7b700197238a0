/**
 * `dashboard`: a private, expiring, read-only link to the workspace's dashboard, signed with the
 * role of the person who asked (src/core/links). Whoever holds the link sees what that role may
 * see, without an account; `revoke-link <id>` (src/core/audit/export.ts) stops a link. Issuing and
 * revoking are recorded as evidence by the signer.
 */
import { zoneMinute } from '../domain/dates.js';
import { workspaceTimeZone } from '../use-cases/workspaces.js';
import type { Actor, WorkspaceId } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { LinkGrant } from '../links/signed-links.js';
import type { Message } from '../messages.js';
import type { CoreDeps, LinkService } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';

/** The dashboard's path for a workspace; the token travels in the query, which access logs leave out. */
export function dashboardPath(workspaceId: WorkspaceId, token: string): string {
  return `/dashboard/${encodeURIComponent(workspaceId)}?t=${encodeURIComponent(token)}`;
}

function linkService(deps: Pick<CoreDeps, 'links'>): LinkService {
  if (!deps.links) {
    throw new DomainError(
      'input.invalid',
      'Dashboard links are not available here: the bot needs LINK_SECRET and PUBLIC_URL to sign links people can open. Ask your admin to set them (see README → Dashboard).',
    );
  }
  return deps.links;
}

export interface IssuedDashboardLink {
  readonly url: string;
  readonly grant: LinkGrant;
  /** The workspace's zone, in which the expiry is shown. */
  readonly timeZone: string;
}

/** Signs a dashboard link for the person asking, with their role; evidence first, then the link. */
export async function issueDashboardLink(deps: CoreDeps, actor: Actor): Promise<IssuedDashboardLink> {
  const links = linkService(deps);
  // Every role may look; the link carries the role, so an auditor's link also offers the audit pack.
  const role = await requirePermission(deps, actor, 'requirement.read');
  const { token, grant } = await links.signer.issue({ workspaceId: actor.workspaceId, purpose: 'dashboard', role, issuedTo: actor.id });
  const timeZone = await workspaceTimeZone(deps, actor.workspaceId);
  return { url: links.urlFor(dashboardPath(actor.workspaceId, token)), grant, timeZone };
}

export function dashboardLinkMessage(link: IssuedDashboardLink): Message {
  const { grant, url } = link;
  const until = zoneMinute(grant.expiresAt, link.timeZone);
  return {
    fallback: `Your dashboard link (read-only, until ${until}): ${url}`,
    blocks: [
      { kind: 'heading', text: 'Your customer-focus dashboard' },
      { kind: 'text', parts: [{ link: url, label: 'Open the dashboard' }, ` (read-only, as ${grant.role})`] },
      {
        kind: 'context',
        parts: [
          `The link works until ${until} for anyone who has it, so keep it to yourself. ` +
            `Link id \`${grant.id}\`: "{focus}revoke-link ${grant.id}" (managers and admins) stops it.`,
        ],
      },
    ],
  };
}
