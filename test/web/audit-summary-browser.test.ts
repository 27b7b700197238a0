/**
 * summary.html from an audit pack in Chromium: the "5.1.2 How we determine customer requirements"
 * section renders, passes the accessibility check, and is kept as a screenshot in
 * test-artifacts/web/audit-summary-5-1-2.png for people to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectAuditData } from '../../src/core/audit/audit-data.js';
import { buildAuditPack } from '../../src/core/audit/pack.js';
import { createTestCore, expectOk } from '../support/test-core.js';
import { CHROMIUM_SKIPPED, axeViolations, launchChromium, screenshot, serious } from './support/browser.js';

describe.skipIf(CHROMIUM_SKIPPED !== undefined)(`summary.html in Chromium${CHROMIUM_SKIPPED ? ` (${CHROMIUM_SKIPPED})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the 5.1.2 section with responsibilities, sources by kind, obligatory requirements and traceability', async () => {
    const t = await createTestCore({ workspaceId: 'slack:TSHOT' });
    try {
      t.clock.set('2026-03-20T09:00:00.000Z');
      const dana = await t.actor('member', 'U_DANA');
      const admin = await t.actor('admin', 'U_ADMIN');
      for (const command of [
        'requirement add "Seats meet the national safety standard" type:obligatory ref:"EN 1888" category:product',
        'requirement add "Covers can be cleaned in five minutes" category:product horizon:future',
        'requirement add "Deliveries to Norway within 5 days" category:delivery source:"framework contract §4"',
        'knowledge add "Parents of toddlers survey 2026" kind:end-user-survey date:2026-02-01 link:https://example.com/survey req:REQ-2 for:"parents of toddlers" summary:"Cleaning matters more than weight"',
        'knowledge add "Car seat design brief v3" kind:design-brief date:2026-03-01 link:https://example.com/brief req:REQ-2',
        'knowledge add "Standards watch: EN 1888 revision" kind:regulatory-watch date:2024-11-01 file:"EN 1888 notes.docx" req:REQ-1',
      ]) {
        expectOk(await t.core.runCommand(dana, command));
      }
      for (const command of [
        'responsible category:product <@U_DANA|Dana>',
        'responsible obligatory <@U_OMAR|Omar>',
        'responsible future <@U_DANA|Dana>',
      ]) {
        expectOk(await t.core.runCommand(admin, command));
      }
      const pack = buildAuditPack(await collectAuditData(t.deps, t.workspaceId, { from: '2026-01-01', to: '2026-03-31' }, 'test'));
      const summary = pack.files.find((file) => file.path === 'summary.html')?.content ?? '';
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.setContent(summary);
      const section = page.locator('#c5-1-2-determine');
      expect(await section.locator('h2').textContent()).toBe('5.1.2 How we determine customer requirements');
      expect(await section.locator('table').count()).toBe(5);
      expect(serious(await axeViolations(page))).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'audit-summary-5-1-2');
      await context.close();
    } finally {
      await t.close();
    }
  });
});
