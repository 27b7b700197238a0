import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinkSigner, type LinkSigner } from '../../src/core/links/signed-links.js';
import { createTestCore, type TestCore } from '../support/test-core.js';

const SECRET = 'a'.repeat(32) + 'secret-for-tests';

describe('signed links', () => {
  let t: TestCore;
  let signer: LinkSigner;
  beforeEach(async () => {
    t = await createTestCore();
    signer = createLinkSigner(t.deps, SECRET);
  });
  afterEach(() => t.close());

  const issue = (overrides: { ttlMs?: number; workspaceId?: string; purpose?: 'download' | 'dashboard' } = {}) =>
    signer.issue({
      workspaceId: t.workspaceId,
      purpose: 'download',
      role: 'manager',
      issuedTo: 'U_MANAGER',
      subject: '2026-Q1',
      ...overrides,
    });

  it('accepts an untouched link within 24 hours, for its own workspace and purpose, with a URL-safe token', async () => {
    const { token, grant } = await issue();
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(grant.expiresAt).toBe('2026-11-25T10:00:00.000Z');
    t.clock.set('2026-11-25T09:59:59.000Z');
    expect(await signer.check(token, { purpose: 'download', workspaceId: t.workspaceId })).toEqual({ ok: true, grant });
    expect(await signer.check(token, { purpose: 'download' })).toEqual({ ok: true, grant });
  });

  it('refuses an expired link', async () => {
    const { token } = await issue();
    t.clock.set('2026-11-25T10:00:00.000Z');
    expect(await signer.check(token, { purpose: 'download', workspaceId: t.workspaceId })).toEqual({ ok: false, reason: 'expired' });
  });

  it('honours a shorter lifetime and a default set by the deployment', async () => {
    const { token } = await issue({ ttlMs: 60_000 });
    t.clock.set('2026-11-24T10:01:00.000Z');
    expect(await signer.check(token, { purpose: 'download' })).toEqual({ ok: false, reason: 'expired' });
    const hourly = createLinkSigner(t.deps, SECRET, 3_600_000);
    const { grant } = await hourly.issue({ workspaceId: t.workspaceId, purpose: 'dashboard', role: 'auditor', issuedTo: 'U1' });
    expect(grant.expiresAt).toBe('2026-11-24T11:01:00.000Z');
  });

  it('refuses a forged link: changed grant, other secret, or a signature from elsewhere', async () => {
    const { token } = await issue();
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...grant, role: 'admin', expiresAt: '2099-01-01T00:00:00.000Z' })).toString('base64url');
    expect(await signer.check(`${version}.${widened}.${signature}`, { purpose: 'download' })).toEqual({ ok: false, reason: 'forged' });
    const other = createLinkSigner(t.deps, 'b'.repeat(40));
    const { token: foreign } = await other.issue({ workspaceId: t.workspaceId, purpose: 'download', role: 'admin', issuedTo: 'X' });
    expect(await signer.check(foreign, { purpose: 'download' })).toEqual({ ok: false, reason: 'forged' });
    expect(await signer.check(`${version}.${payload}.${signature.slice(0, -2)}`, { purpose: 'download' })).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuses malformed tokens without throwing', async () => {
    for (const bad of ['', 'abc', 'v1.x', 'v2.a.b', 'v1.a b.c', 'v1..sig', 'x'.repeat(5000)]) {
      expect(await signer.check(bad, { purpose: 'download' })).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a link of another workspace, and one meant for the dashboard', async () => {
    const { token } = await issue();
    expect(await signer.check(token, { purpose: 'download', workspaceId: 'slack:T2' })).toEqual({ ok: false, reason: 'wrong-workspace' });
    expect(await signer.check(token, { purpose: 'dashboard', workspaceId: t.workspaceId })).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it('revokes for every instance sharing the store, records issue and revocation as evidence once', async () => {
    const { token, grant } = await issue();
    const admin = await t.actor('admin');
    const otherInstance = createLinkSigner(t.deps, SECRET);
    await signer.revoke(t.workspaceId, grant.id, admin);
    await signer.revoke(t.workspaceId, grant.id, admin);
    expect(await otherInstance.check(token, { purpose: 'download' })).toEqual({ ok: false, reason: 'revoked' });
    const entries = await t.deps.evidence.listBySeq(t.workspaceId, 1, 100);
    expect(entries.map((entry) => [entry.type, entry.subject.id, entry.actorId])).toEqual([
      ['link.issued', grant.id, 'U_MANAGER'],
      ['link.revoked', grant.id, admin.id],
    ]);
    expect(entries[0]?.data).toMatchObject({ purpose: 'download', role: 'manager', expiresAt: grant.expiresAt, linkSubject: '2026-Q1' });
  });

  it('refuses revocation from another workspace and secrets too short to be safe', async () => {
    const { grant } = await issue();
    await expect(signer.revoke(t.workspaceId, grant.id, { id: 'U9', workspaceId: 'slack:T2' })).rejects.toThrow(/workspace you are in/);
    expect(() => createLinkSigner(t.deps, 'short')).toThrow(/at least 32 characters/);
  });
});
