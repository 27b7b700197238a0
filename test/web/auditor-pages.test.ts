/**
 * What an auditor reads, in a real browser (Debian's Chromium through playwright-core): the audit
 * pack's summary.html and the dashboard's evidence table keep words whole at 1280 px, show
 * readable labels, links and "field: value" details instead of raw ids and JSON, and name the
 * workspace's time zone; the dashboard's audit-pack form keeps the page when the period is wrong,
 * and shows why next to the field. Screenshots (1280 px and 390 px) are saved in test-artifacts/web/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportAuditPack } from '../../src/core/audit/export.js';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { expectOk } from '../support/test-core.js';
import { CHROMIUM_SKIPPED, axeViolations, launchChromium, screenshot, serious, watchProblems } from './support/browser.js';
import { CHAT_WORKSPACE, type WebHarness, startWebHarness } from './support/web-harness.js';

const place = { platform: 'slack' as const, channelId: 'C1', channelName: 'product' };

/**
 * Words (runs of non-space characters) in table cells that the browser drew on more than one
 * line: "REQ-/1", "obligator/y", "Statu/s". Each word's range has one box per line it occupies.
 */
/** The few DOM calls the checks below make (the test code is compiled without the DOM types). */
interface TextNode {
  readonly textContent: string | null;
}
interface BrowserDocument {
  querySelectorAll(selector: string): Iterable<unknown>;
  createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
  createRange(): {
    setStart(node: TextNode, at: number): void;
    setEnd(node: TextNode, at: number): void;
    getClientRects(): Iterable<{ top: number }>;
  };
  readonly documentElement: { readonly scrollWidth: number };
}

async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((cells) => {
    const doc = (globalThis as unknown as { document: BrowserDocument }).document;
    const broken: string[] = [];
    for (const cell of doc.querySelectorAll(cells)) {
      const walker = doc.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text: string = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = doc.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

describe.skipIf(CHROMIUM_SKIPPED !== undefined)(`auditor pages in Chromium${CHROMIUM_SKIPPED ? ` (${CHROMIUM_SKIPPED})` : ''}`, () => {
  let browser: Browser;
  let h: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    h = await startWebHarness({ playground: false });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterEach(async () => {
    await context?.close();
    await h?.close();
  });

  /** A month of an auditor's evidence: requirements, a reviewed one, a decision with a follow-up, role and settings changes, a seal. */
  async function aMonthOfEvidence(): Promise<void> {
    const admin = await h.actor('admin', CHAT_WORKSPACE, 'U_ADMIN');
    const member = await h.actor('member', CHAT_WORKSPACE, 'U_MEMBER');
    expectOk(await h.core.addRequirement(member, { statement: 'Deliveries to Norway within 5 days', customer: 'Nordic Foods' }));
    expectOk(
      await h.core.addRequirement(member, {
        statement: 'Accessible invoices under the European Accessibility Act',
        customer: 'All customers',
        type: 'obligatory',
        reference: 'EU 2019/882',
        category: 'communication',
      }),
    );
    expectOk(await h.core.runCommand(admin, '/requirement review REQ-1 at_risk Carrier changes in December'));
    const check = expectOk(
      await h.core.startCheck(member, { text: 'We move support hours to 9 to 17 from January', place, origin: 'command' }),
    );
    expectOk(
      await h.core.answerCheck(member, check.id, {
        impact: 'negative',
        explanation: 'Evening callers lose support',
        affectedCustomers: ['Nordic Foods'],
        followUp: { kind: 'action', description: 'Tell evening callers in advance', owner: 'me', dueOn: '2026-12-15' },
      }),
    );
    expectOk(await h.core.runCommand(admin, 'customer-focus role <@U_AUDITOR|Ada Auditor> auditor'));
    expectOk(await h.core.runCommand(admin, 'customer-focus settings cap:4'));
    await sealWorkspace(h.deps, CHAT_WORKSPACE);
  }

  it('summary.html keeps words whole at 1280 px, links follow-ups to their decision, and shows details as text', async () => {
    await aMonthOfEvidence();
    const auditor = await h.actor('auditor', CHAT_WORKSPACE, 'U_AUDITOR');
    const pack = await exportAuditPack(h.deps, auditor, { from: '2026-11-01', to: '2026-11-30' });
    const summary = pack.files.find((file) => file.path === 'summary.html')?.content ?? '';
    const directory = mkdtempSync(join(tmpdir(), 'cfb-summary-'));
    try {
      writeFileSync(join(directory, 'summary.html'), summary);
      await page.goto(pathToFileURL(join(directory, 'summary.html')).href);

      expect(await brokenWords(page, 'th, td')).toEqual([]);
      // The follow-up action names its decision and links to its row; no raw check id is shown.
      const followUps = page.locator('table', { has: page.locator('caption', { hasText: /^Follow-up actions$/ }) });
      const decision = followUps.getByRole('link', { name: 'We move support hours to 9 to 17 from January' });
      expect(await decision.getAttribute('href')).toMatch(/^#check-/);
      expect(await page.locator(`[id="${((await decision.getAttribute('href')) ?? '').slice(1)}"]`).count()).toBe(1);
      expect(await followUps.textContent()).not.toMatch(/\bC\d+\b|chk_/);
      // The review links to its requirement's row.
      expect(await page.getByRole('link', { name: 'REQ-1' }).first().getAttribute('href')).toBe('#req-REQ-1');
      // The audit trail's details are "field: value" lines, never JSON; people by name.
      const trail = page.locator('#trail table');
      const details = (await trail.locator('td .fact').allTextContents()).join('\n');
      expect(details).toMatch(/^role: auditor$/m);
      expect(await trail.textContent()).not.toMatch(/[{}"]/);
      expect(await trail.locator('th').allTextContents()).toContain('When (Europe/Oslo)');
      // The verification sentence says what was checked, and the times name the workspace's zone.
      const integrity = (await page.locator('#integrity').textContent()) ?? '';
      expect(integrity).toMatch(/Checked the seal chain \(1 seal over \d+ entries\)/);
      expect(integrity).toMatch(/at 2026-11-24 11:00 Europe\/Oslo/);
      expect(integrity).not.toMatch(/\b0 entries verified/);
      expect(await page.locator('body > p').first().textContent()).toContain('Generated 2026-11-24 11:00 Europe/Oslo');
      expect(serious(await axeViolations(page))).toEqual([]);
      await screenshot(page, 'summary-1280');

      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'summary-390');
      // Narrow: the tables scroll sideways inside their box; the page itself does not.
      expect(
        await page.evaluate(() => (globalThis as unknown as { document: BrowserDocument }).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("the dashboard's evidence table keeps words whole, names people and shows facts as text", async () => {
    await aMonthOfEvidence();
    const { url } = await h.link({ role: 'auditor' });
    await page.goto(`${url}&view=evidence`);
    const table = page.locator('table[data-table="evidence"]');
    await table.waitFor();
    expect(await brokenWords(page, 'table[data-table="evidence"] th, table[data-table="evidence"] td')).toEqual([]);
    expect(await table.locator('th').allTextContents()).toContain('When (Europe/Oslo)');
    const facts = (await table.locator('td .fact').allTextContents()).join('\n');
    expect(facts).toMatch(/^role: auditor$/m);
    expect(await table.locator('tbody').textContent()).not.toMatch(/[{}]|"[a-z]+":/);
    expect(serious(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'dashboard-evidence-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'dashboard-evidence-390');
  });

  it('a bad audit-pack period keeps the overview and shows the error next to the field', async () => {
    const member = await h.actor('member');
    expectOk(await h.core.addRequirement(member, { statement: 'Deliveries to Norway within 5 days', customer: 'Nordic Foods' }));
    const { url } = await h.link({ role: 'auditor' });
    await page.goto(url);
    const field = page.getByLabel('Period');
    await field.fill('banana');
    await field.press('Enter');
    await page.locator('#audit-period-error').waitFor();

    // The page is still the overview, figures and all, with what the auditor typed kept.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    expect(await page.locator('[data-figure="requirements-active"] .card-value').textContent()).toBe('1');
    expect(await page.locator('[data-verification]').count()).toBe(1);
    expect(await field.inputValue()).toBe('banana');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // The error is tied to the field (read out with it) and says what to type instead.
    const error = (await page.locator('#audit-period-error').textContent()) ?? '';
    expect(await field.getAttribute('aria-describedby')).toContain('audit-period-error');
    expect(error).toContain('"banana"');
    expect(error).toMatch(/2026-Q1|last-quarter/);
    // Right next to the field: inside the same form, below it on the page.
    const fieldBox = await field.boundingBox();
    const errorBox = await page.locator('#audit-period-error').boundingBox();
    expect(errorBox && fieldBox && errorBox.y > fieldBox.y && errorBox.y - fieldBox.y < 120).toBe(true);
    expect(await page.locator('form:has(#audit-period) #audit-period-error').count()).toBe(1);
    expect(serious(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'dashboard-audit-pack-bad-period');

    // Corrected, it sends the auditor on to the signed download as before.
    await field.fill('2026-Q3');
    const [redirect] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/audit-pack?')),
      field.press('Enter'),
    ]);
    expect(redirect.status()).toBe(303);
    expect(redirect.headers().location).toMatch(/^\/audit\/download\//);
    // The browser reports the refused period's 400 and the harness's missing download route; nothing else.
    expect(problems.filter((problem) => !/status of (400|404)/.test(problem))).toEqual([]);
  });
});
