/**
 * What an auditor reads, in a real browser (Debian's Chromium through playwright-core): the
 * dashboard's audit-pack form keeps the page when the period is wrong, and shows why next to the
 * field. Screenshots are saved in test-artifacts/web/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectOk } from '../support/test-core.js';
import { CHROMIUM_SKIPPED, axeViolations, launchChromium, screenshot, serious, watchProblems } from './support/browser.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';

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
