/**
 * The dashboard over HTTP, as a browser or a script reaches it: a valid signed link opens it, every
 * other link gets a refusal page with no data, each page carries the security headers, what people
 * typed is escaped, and the tables filter and download.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/adapters/web/security-headers.js';
import type { Actor } from '../../src/core/domain/shared.js';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { expectOk } from '../support/test-core.js';
import { CHAT_WORKSPACE, type WebHarness, startWebHarness } from './support/web-harness.js';

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('the dashboard over HTTP', () => {
  let h: WebHarness;
  let member: Actor;
  beforeEach(async () => {
    h = await startWebHarness({ playground: false });
    member = await h.actor('member');
    expectOk(await h.core.addRequirement(member, { statement: 'Deliveries to Norway within 5 days', customer: 'Nordic Foods' }));
  });
  afterEach(() => h.close());

  const get = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });

  it('opens from a valid link: the workspace, the figures, the role and expiry, with the security headers and no caching', async () => {
    const { url } = await h.link({ role: 'manager' });
    const response = await get(url);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('<p class="workspace">Acme Support</p>');
    expect(page).toContain('Read-only, as manager. This link works until 2026-11-25 11:00 Europe/Oslo');
    expect(page).toMatch(/data-figure="requirements-active">.*?<span class="card-value">1</s);
    expect(page).toContain('<script src="/assets/chart.umd.min.js" defer></script>');
    expect(page).not.toMatch(/<script>|<style>| style="| on[a-z]+="/);
    expect(page).toContain('data-verification="verified"');
  });

  it('refuses missing, damaged, forged, expired, revoked, other-workspace and other-purpose links with a page that shows no data', async () => {
    const valid = await h.link();
    const revoked = await h.link();
    const manager = await h.actor('manager');
    const revocation = expectOk(await h.core.runCommand(manager, `customer-focus revoke-link ${revoked.grant.id}`));
    expect(revocation.kind).toBe('message');
    const otherWorkspace = await h.link({ workspaceId: LOCAL_WORKSPACE_ID });
    const download = await h.link({ purpose: 'download' });
    const [version, , signature] = valid.token.split('.') as [string, string, string];
    const widened = Buffer.from(JSON.stringify({ ...valid.grant, role: 'admin' })).toString('base64url');
    const path = `${h.url}/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}`;
    const expiring = await h.link({ ttlMs: 60_000 });
    h.clock.set('2026-11-24T10:01:00.000Z');

    const cases: [string, string, number, string][] = [
      ['missing', path, 401, 'This page needs a dashboard link'],
      ['malformed', `${path}?t=not-a-link`, 400, 'This link is damaged'],
      ['forged', `${path}?t=${version}.${widened}.${signature}`, 403, 'This link is not valid'],
      ['expired', expiring.url, 410, 'This link has expired'],
      ['revoked', revoked.url, 410, 'This link was revoked'],
      ['wrong-workspace', `${path}?t=${otherWorkspace.token}`, 403, 'This link is for another workspace'],
      ['wrong-purpose', `${path}?t=${download.token}`, 403, 'This link is not a dashboard link'],
    ];
    for (const [reason, url, status, title] of cases) {
      for (const target of [url, url.replace(`${path}`, `${path}/download/requirements`), url.replace(`${path}`, `${path}/audit-pack`)]) {
        const response = await get(target);
        expect([reason, response.status]).toEqual([reason, status]);
        expectSecurityHeaders(response);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const page = await response.text();
        expect(page).toContain(`data-refusal="${reason}"`);
        expect(page).toContain(`<h1 id="refusal-title">${title}</h1>`);
        expect(page).toContain('/customer-focus dashboard');
        expect(page).not.toMatch(/Acme Support|Nordic Foods|Deliveries to Norway|data-figure|<script/);
      }
    }
    // The valid link still works: the refusals changed nothing.
    expect((await get(valid.url)).status).toBe(200);
  });

  it('answers nothing else under /dashboard without a link', async () => {
    const { token } = await h.link();
    expect((await get(`${h.url}/dashboard`)).status).toBe(401);
    expect((await get(`${h.url}/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}/secrets?t=${token}`)).status).toBe(404);
    expect((await get(`${h.url}/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}/download/passwords?t=${token}`)).status).toBe(404);
    const unknown = await get(`${h.url}/dashboard/x/y/z`);
    expect(unknown.status).toBe(404);
    expectSecurityHeaders(unknown);
    expect(await unknown.text()).not.toContain('Acme Support');
  });

  it('shows what people typed as text, in tables, figures and chart labels', async () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    expectOk(await h.core.addRequirement(member, { statement: hostile, customer: '"><b>Acme</b>' }));
    const check = expectOk(
      await h.core.startCheck(member, { text: hostile, place: { platform: 'slack', channelId: 'C1' }, origin: 'command' }),
    );
    expectOk(await h.core.answerCheck(member, check.id, { impact: 'positive', affectedCustomers: ['<svg onload=alert(1)>'] }));
    const { url } = await h.link();
    for (const view of ['', '&view=requirements', '&view=checks']) {
      const page = await (await get(`${url}${view}`)).text();
      expect(page).not.toMatch(/<script>alert|<img src=x|<svg onload|"><b>Acme/);
    }
    const requirements = await (await get(`${url}&view=requirements`)).text();
    expect(requirements).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    const overview = await (await get(url)).text();
    expect(overview).toContain('&lt;svg onload=alert(1)&gt;');
  });

  it('filters and pages the tables, refuses a bad filter politely, and downloads CSV with the same filter', async () => {
    for (let i = 2; i <= 55; i++)
      expectOk(
        await h.core.addRequirement(member, { statement: `Requirement ${i}`, customer: i % 2 ? 'Acme AS' : 'Beta', category: 'price' }),
      );
    const { url } = await h.link();
    const page1 = await (await get(`${url}&view=requirements`)).text();
    expect(page1).toContain('data-total="55"');
    expect(page1).toContain('55 rows, page 1 of 2');
    const next = /href="([^"]*page=2[^"]*)" rel="next"/.exec(page1)?.[1]?.replaceAll('&amp;', '&');
    const page2 = await (await get(`${h.url}${next}`)).text();
    expect(page2).toContain('55 rows, page 2 of 2');
    expect(page2).toContain('<td class="nowrap">REQ-55</td>');

    const filtered = await (await get(`${url}&view=requirements&category=price&q=beta`)).text();
    expect(filtered).toContain('data-total="27"');
    expect(filtered).toContain('<option value="price" selected>price</option>');

    const bad = await get(`${url}&view=requirements&status=lost`);
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain(
      'role="alert"><p>&quot;lost&quot; is not a valid status. Use one of: open, met, at_risk, not_met, retired.</p>',
    );

    const csv = await get(`${url.replace('?t=', '/download/requirements?t=')}&category=price&q=beta`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="requirements-2026-11-24.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(28);
    expect(lines[0]?.startsWith('id,statement,customer,')).toBe(true);
  });

  it("lets only export roles download evidence, and offers the audit pack on auditors' links only", async () => {
    const memberLink = await h.link({ role: 'member' });
    const auditorLink = await h.link({ role: 'auditor' });
    const evidence = (link: string) => get(link.replace('?t=', '/download/evidence?t='));

    expect((await evidence(memberLink.url)).status).toBe(403);
    const memberEvidencePage = await (await get(`${memberLink.url}&view=evidence`)).text();
    expect(memberEvidencePage).toContain('Managers and auditors can download this table.');
    expect((await evidence(auditorLink.url)).status).toBe(200);

    const memberOverview = await (await get(memberLink.url)).text();
    expect(memberOverview).not.toContain('data-audit-pack');
    expect((await get(memberLink.url.replace('?t=', '/audit-pack?t='))).status).toBe(403);

    const auditorOverview = await (await get(auditorLink.url)).text();
    expect(auditorOverview).toContain('data-audit-pack');
    expect(auditorOverview).toContain('Download the audit pack');
    const pack = await get(`${auditorLink.url.replace('?t=', '/audit-pack?t=')}&period=2026-Q3`);
    expect(pack.status).toBe(303);
    const location = pack.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/audit/download/${encodeURIComponent(CHAT_WORKSPACE)}\\?t=v1\\.`));
    const token = new URL(location, h.url).searchParams.get('t') ?? '';
    const checked = await h.deps.links?.signer.check(token, { purpose: 'download', workspaceId: CHAT_WORKSPACE });
    expect(checked).toMatchObject({ ok: true, grant: { role: 'auditor', subject: '2026-07-01..2026-09-30' } });

    const badPeriod = await get(`${auditorLink.url.replace('?t=', '/audit-pack?t=')}&period=someday`);
    expect(badPeriod.status).toBe(400);
    expect(await badPeriod.text()).toContain('role="alert"');
  });

  it('serves its own scripts and styles and Chart.js with their types, and nothing else', async () => {
    for (const [name, type] of [
      ['chart.umd.min.js', 'text/javascript'],
      ['dashboard.js', 'text/javascript'],
      ['dashboard.css', 'text/css'],
      ['playground.js', 'text/javascript'],
    ]) {
      const response = await get(`${h.url}/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      expectSecurityHeaders(response);
      const etag = response.headers.get('etag') ?? '';
      expect((await get(`${h.url}/assets/${name}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    expect((await get(`${h.url}/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`${h.url}/assets/index.html`)).status).toBe(404);
  });
});

describe('the dashboard without link signing', () => {
  it('says links are not set up, and shows nothing', async () => {
    const h = await startWebHarness({ playground: false, withoutLinks: true });
    try {
      const response = await fetch(`${h.url}/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}?t=v1.a.b`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('Dashboard links are not set up');
      const member = await h.actor('member');
      const reply = await h.core.runCommand(member, 'customer-focus dashboard');
      expect(reply.ok ? reply : reply.error.message).toMatch(/Dashboard links are not available here: the bot needs LINK_SECRET/);
    } finally {
      await h.close();
    }
  });
});
