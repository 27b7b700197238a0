/**
 * Signed links: a download of an audit pack, or a read-only dashboard, opened by whoever holds the
 * URL, without a login. The token carries its grant (workspace, purpose, role, expiry) and an
 * HMAC-SHA256 over it, so any instance that knows the secret can check it without a lookup; only
 * revocation needs the store (a permanent claim every instance sees).
 *
 * Token: `v1.<grant as base64url JSON>.<HMAC-SHA256 of "v1.<grant>" as base64url>`; URL-safe as is.
 * Issuing and revoking are evidence.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '../domain/roles.js';
import type { Actor } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import type { LinkGrant, LinkPurpose, LinkRefusal, LinkSigner } from './link-types.js';
import { recordEvidence } from '../use-cases/record-evidence.js';

export type { LinkGrant, LinkPurpose, LinkRefusal, LinkSigner } from './link-types.js';

export const DEFAULT_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** Matches LINK_SECRET's rule in config: shorter secrets can be guessed. */
export const MIN_LINK_SECRET_LENGTH = 32;

const VERSION = 'v1';
const PURPOSES: readonly LinkPurpose[] = ['download', 'dashboard'];
/** Tokens are short; anything far longer is not ours and is refused before any work. */
const MAX_TOKEN_LENGTH = 4096;

/** The claim whose presence means "revoked"; under the workspace's prefix so purge removes it. */
export const revokedLinkKey = (workspaceId: string, linkId: string): string => `ws:${workspaceId}:link-revoked:${linkId}`;
/** The claim whose presence means "issued here", so a revocation can tell a real link from a made-up id. */
const issuedLinkKey = (workspaceId: string, linkId: string): string => `ws:${workspaceId}:link-issued:${linkId}`;
/** Links live at most LINK_TTL_HOURS (720 h); older issues need not be looked for. */
const LONGEST_LINK_LIFETIME_MS = 31 * 24 * 60 * 60 * 1000;

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function parseGrant(json: string): LinkGrant | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const grant = value as Record<string, unknown>;
  const text = (field: string) => typeof grant[field] === 'string' && grant[field] !== '';
  const valid =
    text('id') &&
    text('workspaceId') &&
    text('issuedTo') &&
    text('expiresAt') &&
    PURPOSES.includes(grant.purpose as LinkPurpose) &&
    ROLES.includes(grant.role as Role) &&
    (grant.subject === undefined || typeof grant.subject === 'string') &&
    !Number.isNaN(Date.parse(String(grant.expiresAt)));
  return valid ? (value as LinkGrant) : undefined;
}

export function createLinkSigner(
  deps: Pick<CoreDeps, 'clock' | 'ids' | 'claims' | 'evidence'>,
  secret: string,
  defaultTtlMs: number = DEFAULT_LINK_TTL_MS,
): LinkSigner {
  if (secret.length < MIN_LINK_SECRET_LENGTH) {
    throw new Error(`A link secret needs at least ${MIN_LINK_SECRET_LENGTH} characters (LINK_SECRET; e.g. \`openssl rand -hex 32\`).`);
  }
  if (!Number.isFinite(defaultTtlMs) || defaultTtlMs <= 0)
    throw new Error(`A link lifetime must be a positive number of milliseconds, not ${defaultTtlMs}.`);
  const sign = (signed: string): Buffer => createHmac('sha256', secret).update(signed, 'utf8').digest();

  return {
    async issue(request) {
      const ttlMs = request.ttlMs ?? defaultTtlMs;
      if (!Number.isFinite(ttlMs) || ttlMs <= 0)
        throw new Error(`A link lifetime must be a positive number of milliseconds, not ${ttlMs}.`);
      const now = deps.clock.now();
      const grant: LinkGrant = {
        id: deps.ids.newId(),
        workspaceId: request.workspaceId,
        purpose: request.purpose,
        role: request.role,
        issuedTo: request.issuedTo,
        ...(request.subject !== undefined ? { subject: request.subject } : {}),
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      };
      const payload = base64url(JSON.stringify(grant));
      const token = `${VERSION}.${payload}.${base64url(sign(`${VERSION}.${payload}`))}`;
      // Evidence before the link is handed out: a link nobody can account for must not exist.
      await recordEvidence(deps, { id: grant.issuedTo, workspaceId: grant.workspaceId }, now, {
        type: 'link.issued',
        subject: { kind: 'link', id: grant.id },
        data: { purpose: grant.purpose, role: grant.role, expiresAt: grant.expiresAt, linkSubject: grant.subject ?? null },
      });
      await deps.claims.claim(issuedLinkKey(grant.workspaceId, grant.id), grant.issuedTo, 0);
      return { token, grant };
    },

    async check(token, expect) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
      const parts = token.split('.');
      const [version, payload, signature] = parts;
      if (parts.length !== 3 || version !== VERSION || !payload || !signature || !/^[A-Za-z0-9_-]+$/.test(payload + signature)) {
        return { ok: false, reason: 'malformed' };
      }
      const expected = sign(`${VERSION}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
      // Signed by us, so the payload is ours; a shape we cannot read is still refused, not trusted.
      const grant = parseGrant(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!grant) return { ok: false, reason: 'malformed' };
      if (grant.purpose !== expect.purpose) return { ok: false, reason: 'wrong-purpose' };
      if (expect.workspaceId !== undefined && grant.workspaceId !== expect.workspaceId) return { ok: false, reason: 'wrong-workspace' };
      if (deps.clock.now().getTime() >= Date.parse(grant.expiresAt)) return { ok: false, reason: 'expired' };
      if ((await deps.claims.holder(revokedLinkKey(grant.workspaceId, grant.id))) !== undefined) return { ok: false, reason: 'revoked' };
      return { ok: true, grant };
    },

    async revoke(workspaceId, linkId, actor) {
      await revokeLink(deps, workspaceId, linkId, actor);
    },
  };
}

/**
 * Whether this workspace issued the link: its issue claim, or, for links issued before that claim
 * existed, a `link.issued` entry within the longest lifetime a link can have.
 */
async function wasIssued(deps: Pick<CoreDeps, 'clock' | 'claims' | 'evidence'>, workspaceId: string, linkId: string): Promise<boolean> {
  if ((await deps.claims.holder(issuedLinkKey(workspaceId, linkId))) !== undefined) return true;
  const now = deps.clock.now();
  const recent = await deps.evidence.listBetween(workspaceId, { from: new Date(now.getTime() - LONGEST_LINK_LIFETIME_MS), to: now });
  return recent.some((entry) => entry.type === 'link.issued' && entry.subject.id === linkId);
}

/**
 * Revokes a link by id, for every instance; needs no secret, so the command line can revoke too.
 * Idempotent: only the first revocation is recorded as evidence. Callers check the permission.
 * Returns 'unknown' for an id this workspace never issued: saying "revoked" would be false comfort.
 */
export async function revokeLink(
  deps: Pick<CoreDeps, 'clock' | 'claims' | 'evidence'>,
  workspaceId: string,
  linkId: string,
  actor: Actor,
): Promise<'revoked' | 'already-revoked' | 'unknown'> {
  if (actor.workspaceId !== workspaceId) {
    throw new DomainError('permission.denied', 'You can only revoke links of the workspace you are in.');
  }
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(linkId)) {
    throw new DomainError('input.invalid', `"${linkId}" is not a link id. Copy the id from the message that gave you the link.`, 'link');
  }
  if (!(await wasIssued(deps, workspaceId, linkId))) return 'unknown';
  // A permanent claim: every instance sees it, and a second revocation simply loses the race.
  const now = deps.clock.now();
  if (!(await deps.claims.claim(revokedLinkKey(workspaceId, linkId), actor.id, 0))) return 'already-revoked';
  await recordEvidence(deps, actor, now, { type: 'link.revoked', subject: { kind: 'link', id: linkId }, data: {} });
  return 'revoked';
}

/** Plain words for each refusal, for the page a refused link shows (no data, nothing internal). */
export const LINK_REFUSAL_TEXT: Record<LinkRefusal, string> = {
  malformed: 'This link is incomplete or damaged. Copy the whole link from the message, or ask for a new one.',
  forged: 'This link was not issued by this bot, or it was changed after it was issued. Ask for a new one.',
  expired: 'This link has expired. Ask the bot for a new one in chat.',
  revoked: 'This link was revoked. Ask for a new one if you still need it.',
  'wrong-workspace': 'This link belongs to another workspace.',
  'wrong-purpose': 'This link is meant for something else. Use it where it was given to you.',
};
