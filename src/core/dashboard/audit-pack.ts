/**
 * An auditor's dashboard also offers the audit pack. The download link is signed only when the
 * auditor asks for it (one click, one `link.issued` evidence entry), for a period they choose, and
 * is served by the audit pack's own download route.
 */
import { downloadPath, resolvePeriod } from '../audit/export.js';
import { PERIOD_EXAMPLES, periodText } from '../audit/period.js';
import type { Role } from '../domain/roles.js';
import { DomainError } from '../errors.js';
import type { LinkGrant } from '../links/signed-links.js';
import type { CoreDeps } from '../ports.js';

export const AUDIT_PACK_DEFAULT_PERIOD = 'last-quarter';
export { PERIOD_EXAMPLES };

/** Only auditors' dashboard links show the audit pack; everyone else asks in chat (`export`). */
export const offersAuditPack = (role: Role): boolean => role === 'auditor';

/** Signs a download link for the period the auditor typed; returns its path on this server. */
export async function auditPackDownload(deps: CoreDeps, grant: LinkGrant, rawPeriod: string): Promise<string> {
  if (!offersAuditPack(grant.role) || !deps.links) {
    throw new DomainError(
      'permission.denied',
      'This dashboard link does not include the audit pack. Auditors get it with their dashboard link; others ask in chat with "{focus}export <period>".',
    );
  }
  const period = await resolvePeriod(deps, grant.workspaceId, rawPeriod);
  const { token } = await deps.links.signer.issue({
    workspaceId: grant.workspaceId,
    purpose: 'download',
    role: grant.role,
    issuedTo: grant.issuedTo,
    subject: periodText(period),
  });
  return downloadPath(grant.workspaceId, token);
}
