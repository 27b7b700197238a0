/**
 * The dashboard's 5.1.2 panel over HTTP: coverage and freshness per kind, who is responsible, and
 * links both ways (a source to the requirements it informed; a requirement's row lists its sources).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk } from '../support/test-core.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';

describe('the dashboard shows how requirements are determined', () => {
  let h: WebHarness;
  beforeEach(async () => {
    h = await startWebHarness({ playground: false });
    const member = await h.actor('member');
    const admin = await h.actor('admin');
    for (const command of [
      'requirement add "Seats clean in five minutes" horizon:future',
      'requirement add "Deliveries within 5 days"',
      'knowledge add "Parents <b>survey</b>" kind:end-user-survey date:2025-06-01 link:https://example.com/s req:REQ-1',
      'requirement edit REQ-2 source:K-1',
    ]) {
      expectOk(await h.core.runCommand(member, command));
    }
    const place = { platform: 'slack' as const, channelId: 'C1', threadId: '1.1' };
    expectOk(await h.core.startCheck(member, { text: 'We ship cleaning kits', place, origin: 'command' }));
    expectOk(await h.core.runCommand(member, 'requirement add "A cleaning kit in every box" source:D-1'));
    expectOk(await h.core.runCommand(admin, 'responsible category:delivery <@U_DANA|Dana>'));
  });
  afterEach(() => h.close());

  it('shows the coverage, the stale kind, the responsibilities, and links each way', async () => {
    const { url } = await h.link({ role: 'auditor' });
    const page = await (await fetch(url)).text();
    const start = page.indexOf('data-panel="determining"');
    expect(start).toBeGreaterThan(0);
    const panel = page.slice(start, page.indexOf('</section>', start));
    expect(panel).toContain('3 of 3 requirements traced to a source (100%); 1 about future needs (33%).');
    expect(panel).toMatch(
      /<th scope="row">end-user survey<\/th><td><a href="[^"]*view=knowledge[^"]*q=K-1[^"]*" title="Parents &lt;b&gt;survey&lt;\/b&gt;">K-1<\/a><\/td><td>2025-06-01<\/td><td>17 months<\/td><td><span class="overdue">stale/,
    );
    expect(panel).toMatch(/<a href="[^"]*q=REQ-1[^"]*">REQ-1<\/a>/);
    expect(panel).toContain('<th scope="row">market research</th><td></td><td></td><td></td><td><span class="hint">never recorded</span>');
    expect(panel).toContain('<th scope="row">delivery</th><td>Dana</td><td>2026-11-24</td>');
    expect(panel).toContain('<th scope="row">price</th><td><span class="overdue">nobody named</span>');

    // Source → requirements: the record in the knowledge table, with the requirements it informed, both ways round.
    const hrefOf = (page: string, pattern: RegExp) => new URL(pattern.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '', url);
    const knowledge = await (await fetch(hrefOf(panel, /href="([^"]*view=knowledge[^"]*q=K-1[^"]*)"/))).text();
    expect(knowledge).toContain('data-table="knowledge"');
    expect(knowledge).toContain('Parents &lt;b&gt;survey&lt;/b&gt;');
    expect(knowledge).toMatch(/>REQ-1<\/a>, <a href="[^"]*q=REQ-2[^"]*">REQ-2<\/a>/);

    // Requirement → sources: the register's rows link back to the record and to the decision.
    const register = await (await fetch(hrefOf(knowledge, /href="([^"]*q=REQ-2[^"]*)"/))).text();
    expect(register).toContain('Deliveries within 5 days');
    expect(register).toMatch(/<a href="[^"]*view=knowledge[^"]*q=K-1[^"]*">K-1<\/a>/);
    const all = await (await fetch(hrefOf(page, /href="([^"]*view=requirements[^"]*)"/))).text();
    const checks = await (await fetch(hrefOf(all, /href="([^"]*view=checks[^"]*q=D-1[^"]*)"/))).text();
    expect(checks).toContain('We ship cleaning kits');
    expect(checks).toMatch(/<td class="nowrap">D-1<\/td>/);
    expect(checks).toMatch(/<a href="[^"]*q=REQ-3[^"]*">REQ-3<\/a>/);
  });
});
