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
    expectOk(await h.core.runCommand(admin, 'responsible category:delivery <@U_DANA|Dana>'));
  });
  afterEach(() => h.close());

  it('shows the coverage, the stale kind, the responsibilities, and links each way', async () => {
    const { url } = await h.link({ role: 'auditor' });
    const page = await (await fetch(url)).text();
    const start = page.indexOf('data-panel="determining"');
    expect(start).toBeGreaterThan(0);
    const panel = page.slice(start, page.indexOf('</section>', start));
    expect(panel).toContain('2 of 2 requirements traced to a source (100%); 1 about future needs (50%).');
    expect(panel).toMatch(
      /<th scope="row">end-user survey<\/th><td><a href="[^"]*view=requirements[^"]*q=K-1[^"]*" title="Parents &lt;b&gt;survey&lt;\/b&gt;">K-1<\/a><\/td><td>2025-06-01<\/td><td>17 months<\/td><td><span class="overdue">stale/,
    );
    expect(panel).toMatch(/<a href="[^"]*q=REQ-1[^"]*">REQ-1<\/a>/);
    expect(panel).toContain('<th scope="row">market research</th><td></td><td></td><td></td><td><span class="hint">never recorded</span>');
    expect(panel).toContain('<th scope="row">delivery</th><td>Dana</td><td>2026-11-24</td>');
    expect(panel).toContain('<th scope="row">price</th><td><span class="overdue">nobody named</span>');

    // Following the link: the requirements the source informed, both ways round, each showing K-1.
    const link = /href="([^"]*q=K-1[^"]*)"/.exec(panel)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const table = await (await fetch(new URL(link, url))).text();
    expect(table).toContain('Seats clean in five minutes');
    expect(table).toContain('Deliveries within 5 days');
    expect(table.match(/<td>K-1<\/td>|>K-1</g)?.length).toBeGreaterThanOrEqual(2);
  });
});
