/**
 * Exporting an audit pack: from the command line (straight to a file), or in chat, which answers
 * privately with a signed download link; the download itself builds the pack. Every pack handed
 * out is recorded as evidence first, with its manifest's SHA-256.
 */
import { dateInZone, zoneMinute } from '../domain/dates.js';
import { can } from '../domain/roles.js';
import type { Actor } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import { type LinkGrant, revokeLink as revokeSignedLink } from '../links/signed-links.js';
import { type Message, textMessage } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { requireWorkspace, workspaceTimeZone } from '../use-cases/workspaces.js';
import { collectAuditData } from './audit-data.js';
import { type AuditPack, buildAuditPack } from './pack.js';
import { type Period, parsePeriod, periodText } from './period.js';

/**
 * The path a download link points at (served by src/adapters/audit/download-route.ts). The token
 * travels in the query, which the access log leaves out: a logged token would open the pack.
 */
export const downloadPath = (workspaceId: string, token: string): string =>
  `/audit/download/${encodeURIComponent(workspaceId)}?t=${encodeURIComponent(token)}`;

/** Builds the pack and records that it was handed out (before it is). */
async function exportFor(
  deps: CoreDeps,
  actor: Pick<Actor, 'id' | 'name' | 'workspaceId'>,
  period: Period,
  via: 'command line' | 'download link',
): Promise<AuditPack> {
  const who = actor.name ? `${actor.name} (${actor.id})` : actor.id;
  const pack = buildAuditPack(await collectAuditData(deps, actor.workspaceId, period, `${who} via ${via}`));
  await recordEvidence(deps, actor, deps.clock.now(), {
    type: 'evidence.exported',
    subject: { kind: 'workspace', id: actor.workspaceId },
    data: { from: period.from, to: period.to, via, files: pack.files.length, manifestSha256: pack.manifestSha256 },
  });
  return pack;
}

/** The period as typed, resolved against today in the workspace's time zone. */
export async function resolvePeriod(deps: CoreDeps, workspaceId: string, raw: string): Promise<Period> {
  const workspace = await requireWorkspace(deps, workspaceId);
  return parsePeriod(raw, dateInZone(deps.clock.now(), workspace.settings.timeZone));
}

export async function exportAuditPack(deps: CoreDeps, actor: Actor, period: Period): Promise<AuditPack> {
  await requirePermission(deps, actor, 'evidence.export');
  return exportFor(deps, actor, period, 'command line');
}

/** The pack a checked download link grants: its workspace, its period, as its holder's role allows. */
export async function exportForGrant(deps: CoreDeps, grant: LinkGrant): Promise<AuditPack> {
  const period = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(grant.subject ?? '');
  if (grant.purpose !== 'download' || !can(grant.role, 'evidence.export') || !period) {
    throw new DomainError('permission.denied', 'This link does not grant an audit pack.');
  }
  return exportFor(
    deps,
    { id: grant.issuedTo, workspaceId: grant.workspaceId },
    { from: period[1] ?? '', to: period[2] ?? '' },
    'download link',
  );
}

const hours = (ms: number): string => {
  const h = Math.round(ms / 3_600_000);
  return h === 1 ? '1 hour' : `${h} hours`;
};

/** `export <period>` in chat: a private message with a signed download link. */
export async function requestExportLink(deps: CoreDeps, actor: Actor, rawPeriod: string): Promise<Message> {
  const role = await requirePermission(deps, actor, 'evidence.export');
  const period = await resolvePeriod(deps, actor.workspaceId, rawPeriod);
  if (!deps.links) {
    return textMessage(
      'Download links are switched off on this installation (LINK_SECRET is not set, and it is required in production). ' +
        `Ask your admin to set it, or to run "customer-focus export --workspace ${actor.workspaceId} --from ${period.from} --to ${period.to} --out pack.zip".`,
    );
  }
  const { token, grant } = await deps.links.signer.issue({
    workspaceId: actor.workspaceId,
    purpose: 'download',
    role,
    issuedTo: actor.id,
    subject: periodText(period),
  });
  const url = deps.links.urlFor(downloadPath(actor.workspaceId, token));
  const until = zoneMinute(grant.expiresAt, await workspaceTimeZone(deps, actor.workspaceId));
  const lifetime = `${hours(Date.parse(grant.expiresAt) - deps.clock.now().getTime())}, until ${until}`;
  return {
    fallback: `Audit pack ${period.from} to ${period.to}: ${url}`,
    blocks: [
      { kind: 'heading', text: `Audit pack ${period.from} to ${period.to}` },
      { kind: 'text', parts: [{ link: url, label: 'Download the audit pack (zip)' }] },
      {
        kind: 'context',
        parts: [
          `The link works for ${lifetime}, for this workspace only, and is made for you: anyone who has it can download the pack, so do not post it in a channel. ` +
            `Link id \`${grant.id}\`; "{focus}revoke-link ${grant.id}" stops it. The pack holds the CSVs, the evidence and its seals, summary.html by ISO 9001 clause, and VERIFY.md.`,
        ],
      },
    ],
  };
}

/** `revoke-link <id>`: for whoever may export (so someone who shared a link by mistake can stop it). */
export async function revokeExportLink(deps: CoreDeps, actor: Actor, linkId: string): Promise<Message> {
  await requirePermission(deps, actor, 'evidence.export');
  const id = linkId.trim();
  const outcome = await revokeSignedLink(deps, actor.workspaceId, id, actor);
  switch (outcome) {
    case 'revoked':
      return textMessage(`Link \`${id}\` is revoked: it no longer opens anything.`);
    case 'already-revoked':
      return textMessage(`Link \`${id}\` was already revoked.`);
    case 'unknown':
      return textMessage(
        `There is no link \`${id}\` in this workspace, so nothing was revoked. Copy the link id from the message that gave you the link (it is shown under the link).`,
      );
  }
}
