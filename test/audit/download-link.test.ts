/**
 * `/customer-focus export <period>` and `verify` end to end through the real Slack receiver: the
 * reply is private and carries a signed link; the link downloads the pack from the bot's HTTP
 * server; an expired, forged, other-workspace or revoked link is refused with a small page and no
 * data; link previews never download the pack.
 */
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinkSigner } from '../../src/core/links/signed-links.js';
import type { CoreDeps } from '../../src/core/ports.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';
import { TestClock } from '../support/test-core.js';

const CHANNEL = 'C0AUDIT';
const LINK_SECRET = 'link-secret-for-tests-0123456789abcdef';

describe('audit commands and download links in Slack', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot({ LINK_SECRET });
  });
  afterEach(() => h.close());

  async function command(text: string, userId = 'U0ADMIN'): Promise<{ body: Record<string, unknown>; text: string }> {
    h.api.clear();
    await h.slack.command('/customer-focus', text, { userId, teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    return { body: reply.body, text: JSON.stringify(reply.body.blocks) };
  }

  async function exportLink(): Promise<{ url: string; linkId: string }> {
    const { body, text } = await command('export 2026-Q1');
    expect(body.response_type).toBe('ephemeral');
    const url = /<(http:\/\/localhost:\d+\/audit\/download\/[^|>]+)\|Download the audit pack \(zip\)>/.exec(text)?.[1];
    const linkId = /Link id `([^`]+)`/.exec(text)?.[1];
    if (!url || !linkId) throw new Error(`no link in ${text}`);
    return { url, linkId };
  }

  it('replies privately with a link that downloads the pack for that period', async () => {
    const { url } = await exportLink();
    expect(url).toContain(`/audit/download/slack%3A${TEAM}?t=v1.`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="customer-focus-audit_slack-${TEAM}_2026-01-01_2026-03-31.zip"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    // The token opens the pack, so the access log must not keep it (it keeps the path only).
    const token = new URL(url).searchParams.get('t') ?? '';
    expect(h.logs.some((line) => String(line.path).startsWith('/audit/download/'))).toBe(true);
    expect(JSON.stringify(h.logs)).not.toContain(token.split('.')[2]);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const manifest = JSON.parse(
      new TextDecoder().decode(files[`customer-focus-audit_slack-${TEAM}_2026-01-01_2026-03-31/manifest.json`]),
    ) as { period: { from: string; to: string } };
    expect(manifest.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    // Issued and downloaded: both are evidence.
    const log = await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 100);
    expect(log.map((entry) => entry.type)).toEqual(['link.issued', 'evidence.exported']);
    expect(log[1]?.data).toMatchObject({ via: 'download link', from: '2026-01-01', to: '2026-03-31' });
  });

  it('refuses a forged link and one used for another workspace with 403, and no data', async () => {
    const { url } = await exportLink();
    // The grant widened to admin, with the signature it came with.
    const [head, payload, signature] = url.split('.') as [string, string, string];
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...grant, role: 'admin', subject: '2020-01-01..2026-12-31' })).toString('base64url')}.${signature}`;
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('This link was not issued by this bot, or it was changed after it was issued.');
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
    expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const elsewhere = await fetch(url.replace(`slack%3A${TEAM}`, 'slack%3ATOTHER'));
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain('This link belongs to another workspace.');
    const garbage = await fetch(url.replace(/v1\..*$/, 'not-a-token'));
    expect(garbage.status).toBe(403);
    expect(await garbage.text()).toContain('incomplete or damaged');
  });

  it('refuses an expired link and a revoked one with 410', async () => {
    // A link issued with the bot's secret a day and a half ago, by a clock of the past.
    const deps = h.bot.services.core.deps;
    const past = new TestClock(new Date(Date.now() - 36 * 3_600_000));
    const oldSigner = createLinkSigner({ ...deps, clock: past } as CoreDeps, LINK_SECRET);
    const { token } = await oldSigner.issue({
      workspaceId: h.workspaceId,
      purpose: 'download',
      role: 'admin',
      issuedTo: 'U0ADMIN',
      subject: '2026-01-01..2026-03-31',
    });
    const expired = await fetch(`http://127.0.0.1:${h.bot.port}/audit/download/${encodeURIComponent(h.workspaceId)}?t=${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired.');

    const { url, linkId } = await exportLink();
    const { text } = await command(`revoke-link ${linkId}`);
    expect(text).toContain(`Link \`${linkId}\` is revoked`);
    const revoked = await fetch(url);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('This link was revoked. Ask for a new one');
  });

  it('says there is no such link for an id never issued here, and records nothing (issue 15.9)', async () => {
    const madeUp = await command('revoke-link 0123456789abcdef');
    expect(madeUp.text).toContain('There is no link `0123456789abcdef` in this workspace, so nothing was revoked.');
    expect(madeUp.text).not.toContain('is revoked');
    // A real link of another workspace is not this workspace's to revoke either.
    const deps = h.bot.services.core.deps;
    const other = await createLinkSigner(deps as CoreDeps, LINK_SECRET).issue({
      workspaceId: 'slack:TOTHER',
      purpose: 'download',
      role: 'admin',
      issuedTo: 'U0OTHER',
    });
    const foreign = await command(`revoke-link ${other.grant.id}`);
    expect(foreign.text).toContain(`There is no link \`${other.grant.id}\` in this workspace`);
    expect((await deps.evidence.listBySeq(h.workspaceId, 1, 100)).map((entry) => entry.type)).toEqual([]);
    // A real one still is revoked, once.
    const { linkId } = await exportLink();
    expect((await command(`revoke-link ${linkId}`)).text).toContain(`Link \`${linkId}\` is revoked`);
    expect((await command(`revoke-link ${linkId}`)).text).toContain(`Link \`${linkId}\` was already revoked.`);
  });

  it('gives link-preview robots a page, never the pack', async () => {
    const { url } = await exportLink();
    const preview = await fetch(url, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Open this link in a browser');
    const log = await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 100);
    expect(log.map((entry) => entry.type)).toEqual(['link.issued']);
  });

  it('refuses export to members, says how to write a period, and verifies the log for anyone', async () => {
    const member = await command('export 2026-Q1', 'U0MEMBER');
    expect(member.text).toContain('only managers, admins and auditors can export evidence');
    const typo = await command('export 2026-13');
    expect(typo.text).toContain('\\"2026-13\\" is not a period I understand: months run from 01 to 12.');
    const verified = await command('verify', 'U0MEMBER');
    expect(verified.body.response_type).toBe('ephemeral');
    expect(verified.text).toContain('Evidence log verified');
    expect(verified.text).toContain('The evidence log has no entries yet: there is nothing to check or seal.');
    expect(verified.text).toContain('Share in channel');
  });
});

describe('download links in production without LINK_SECRET', () => {
  it('are switched off, and the reply says how to export instead', async () => {
    const h = await startSlackBot({ NODE_ENV: 'production', TEAMS_ENABLED: 'false' });
    try {
      await h.slack.command('/customer-focus', 'export last-quarter', { userId: 'U0ADMIN', teamId: TEAM, channelId: CHANNEL });
      const reply = await h.api.waitForCall('response_url');
      const text = JSON.stringify(reply.body.blocks);
      expect(text).toContain('Download links are switched off on this installation (LINK_SECRET is not set');
      expect(text).toContain(`customer-focus export --workspace slack:${TEAM} --from`);
      expect(h.logs.some((line) => String(line.msg).includes('LINK_SECRET is not set, so download and dashboard links are off'))).toBe(
        true,
      );
    } finally {
      await h.close();
    }
  });
});
