/**
 * The shapes of signed links (see signed-links.ts), apart from their implementation so that the
 * ports can name the signer without importing what it uses (the evidence log, and through it the
 * ports again).
 */
import type { Role } from '../domain/roles.js';
import type { Actor } from '../domain/shared.js';

export type LinkPurpose = 'download' | 'dashboard';

export interface LinkGrant {
  readonly id: string;
  readonly workspaceId: string;
  readonly purpose: LinkPurpose;
  /** What the holder may see, as if they held this role. */
  readonly role: Role;
  /** The platform user id the link was made for (who asked for it). */
  readonly issuedTo: string;
  /** What the link opens, e.g. the export period `2026-01-01..2026-03-31`. */
  readonly subject?: string;
  readonly expiresAt: string /* ISO */;
}

export type LinkRefusal = 'malformed' | 'forged' | 'expired' | 'revoked' | 'wrong-workspace' | 'wrong-purpose';

export interface LinkSigner {
  /** Signs a new grant; the default lifetime applies unless `ttlMs` is given. Recorded as evidence. */
  issue(grant: Omit<LinkGrant, 'id' | 'expiresAt'> & { ttlMs?: number }): Promise<{ token: string; grant: LinkGrant }>;
  /** Checks signature, purpose, workspace (when given), expiry and revocation, in that order. */
  check(
    token: string,
    expect: { purpose: LinkPurpose; workspaceId?: string },
  ): Promise<{ ok: true; grant: LinkGrant } | { ok: false; reason: LinkRefusal }>;
  /** Revokes a link for every instance; idempotent (a second call records nothing). */
  revoke(workspaceId: string, linkId: string, actor: Actor): Promise<void>;
}
