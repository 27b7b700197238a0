/**
 * The playground page in Chromium, as a newcomer meets it: an empty channel says what to try; the
 * bot's multi-line texts (help, usage after a mistake) keep their lines; a message the server
 * refuses is not posted, and pressing Enter again does not post it either; the composer's limit is
 * the server's, and the page says it. Screenshots of the help at 1280 and 390 px go to
 * test-artifacts/web/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT, MESSAGE_LIMIT_TEXT } from '../../src/adapters/web/playground/limits.js';
import { CHROMIUM_SKIPPED, launchChromium, screenshot, watchProblems } from './support/browser.js';
import { PlaygroundClient } from './support/playground-client.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';

describe.skipIf(CHROMIUM_SKIPPED !== undefined)(
  `the playground page in Chromium${CHROMIUM_SKIPPED ? ` (${CHROMIUM_SKIPPED})` : ''}`,
  () => {
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
      h = await startWebHarness();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      problems = watchProblems(page);
      await page.goto(`${h.url}/playground`);
      await page.locator('#posts[data-ready="true"]').waitFor();
    });
    afterEach(async () => {
      await context?.close();
      await h?.close();
    });

    /** Sends what is in the composer and waits for the page to finish the request (its own signal). */
    async function send(text: string): Promise<void> {
      await page.locator('#message').fill(text);
      const answered = page.waitForResponse((response) => response.url().endsWith('/playground/api/say'));
      await page.locator('#message').press('Enter');
      await answered;
      await page.locator('#composer:not([aria-busy="true"])').waitFor({ state: 'attached' });
    }

    it('an empty channel says what to try; the hint goes once something is posted', async () => {
      const hint = page.locator('#posts .empty-channel');
      await hint.waitFor();
      expect(await hint.textContent()).toContain('The channel starts empty whenever the bot starts');
      expect(await hint.textContent()).toContain('/customer-focus help');
      await screenshot(page, 'playground-empty-channel');
      await send('/customer-focus help');
      await page.locator('.post.bot').first().waitFor();
      expect(await page.locator('#posts .empty-channel').count()).toBe(0);
      expect(problems).toEqual([]);
    });

    it('keeps the line breaks of the help and of usage after a mistake', async () => {
      await send('/customer-focus help');
      const help = page.locator('.post.bot .message p').first();
      await help.waitFor();
      // innerText follows the CSS: collapsed lines would come back as one long line.
      const lines = (await help.innerText()).split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(15);
      expect(lines).toContain('• /requirement show REQ-1');
      await screenshot(page, 'playground-help-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'playground-help-390');
      await page.setViewportSize({ width: 1280, height: 900 });

      await send('/requirement frobnicate');
      const usage = page.locator('.post.bot').last().locator('.message p').first();
      expect((await usage.innerText()).split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(3);
      expect(problems).toEqual([]);
    });

    it('posts nothing the server refuses, also when Enter is pressed again, and names the limit', async () => {
      const composer = page.locator('#message');
      expect(await composer.getAttribute('maxlength')).toBe(String(MESSAGE_LIMIT));
      expect(await page.locator('#composer-hint').textContent()).toContain(`Up to ${MESSAGE_LIMIT_TEXT} characters.`);

      // Typing stops at the limit; a longer text set by a script (or an older page) is refused by the server.
      const tooLong = `We have decided ${'x'.repeat(MESSAGE_LIMIT)}`;
      await composer.evaluate((node, value) => {
        (node as { value: string }).value = value;
      }, tooLong);
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const answered = page.waitForResponse((response) => response.url().endsWith('/playground/api/say'));
        await composer.press('Enter');
        expect((await answered).status()).toBe(400);
        await page.locator('#composer-error:not([hidden])').waitFor();
      }
      expect(await page.locator('#composer-error').textContent()).toBe(
        `That message is ${tooLong.length.toLocaleString('en-GB')} characters long; the limit is ${MESSAGE_LIMIT_TEXT}. Please shorten it: nothing was posted.`,
      );
      // Still there to shorten, and nowhere in the channel: not on the page, not on the server.
      expect(await composer.inputValue()).toBe(tooLong);
      expect(await page.locator('.post').count()).toBe(0);
      expect((await new PlaygroundClient(h.url).state()).posts).toEqual([]);

      await send('We have decided to move support hours to 9–17 from January.');
      await page.locator('.post.person').waitFor();
      expect(await page.locator('.post.person').count()).toBe(1);
      expect(await page.locator('#composer-error').isHidden()).toBe(true);
      expect(problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
    });
  },
);
