/**
 * The playground and the dashboard in a real browser (Debian's Chromium through playwright-core):
 * post a decision, answer the prompt, add a requirement, open the dashboard from its signed link
 * and watch the figures change; refused links show the refusal page; the security headers hold
 * (no inline code runs, the page cannot be framed); axe-core finds no serious violations.
 * Screenshots are saved in test-artifacts/web/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/adapters/web/security-headers.js';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { expectOk } from '../support/test-core.js';
import { CHROMIUM_SKIPPED, axeViolations, launchChromium, screenshot, serious, watchProblems } from './support/browser.js';
import { CHAT_WORKSPACE, type WebHarness, startWebHarness } from './support/web-harness.js';

const DECISION = 'We have decided to move support hours to 9–17 from January.';

describe.skipIf(CHROMIUM_SKIPPED !== undefined)(`in Chromium${CHROMIUM_SKIPPED ? ` (${CHROMIUM_SKIPPED})` : ''}`, () => {
  let browser: Browser;
  let directory: string;
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
    directory = mkdtempSync(join(tmpdir(), 'cfb-browser-'));
    h = await startWebHarness({ storeUrl: `sqlite://${join(directory, 'store.sqlite')}` });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterEach(async () => {
    await context?.close();
    await h?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The text of a headline figure on the dashboard. */
  const figure = (dashboard: Page, id: string) => dashboard.locator(`[data-figure="${id}"] .card-value`).textContent();

  async function openPlayground(): Promise<void> {
    await page.goto(`${h.url}/playground`);
    await page.locator('#posts[data-ready="true"]').waitFor();
  }

  it('posts a decision, answers the prompt, adds a requirement, and shows it on the dashboard opened from its signed link', async () => {
    await openPlayground();
    await screenshot(page, 'playground-empty');

    // A decision gets the question in its thread; one click answers it.
    await page.locator('#message').fill(DECISION);
    await page.locator('#message').press('Enter');
    const thread = page.locator('.post.person', { hasText: DECISION }).locator('.thread');
    await thread.getByText('How does this decision affect customers?').waitFor();
    await thread.getByRole('button', { name: 'Positive' }).click();
    await thread.getByText('@Dana').waitFor();
    expect(await thread.locator('.message li').first().textContent()).toBe('@Dana: Positive');

    // The requirement form refuses an empty statement next to the field, then records it.
    await page.getByRole('button', { name: 'Add a requirement (form)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customer requirement' });
    await dialog.waitFor();
    await screenshot(page, 'playground-requirement-form');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.locator('[data-field="statement"] .field-error:not([hidden])').waitFor();
    expect(await dialog.locator('#field-statement').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('What does the customer need or expect?').fill('Deliveries to Norway within 5 days');
    await dialog.getByLabel('Customer', { exact: true }).fill('Nordic Foods');
    await dialog.getByLabel('Category (required)').selectOption('delivery');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.post.private', { hasText: 'Recorded REQ-1' }).waitFor();
    await screenshot(page, 'playground-after-answer-and-requirement');

    // The dashboard link arrives privately and opens in a new tab.
    await page.getByRole('button', { name: 'Link to the dashboard' }).click();
    const link = page.getByRole('link', { name: 'Open the dashboard' });
    await link.waitFor();
    const [dashboard] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const dashboardProblems = watchProblems(dashboard);
    await dashboard.waitForLoadState('load');
    await dashboard.locator('html[data-charts]').waitFor({ state: 'attached' });
    expect(await dashboard.locator('html').getAttribute('data-charts')).not.toBe('0');
    expect(await dashboard.locator('canvas[data-drawn="true"]').count()).toBeGreaterThan(2);
    expect(await figure(dashboard, 'requirements-active')).toBe('1');
    expect(await figure(dashboard, 'checks-this-week')).toBe('1');
    expect(await dashboard.locator('[data-figure="checks-this-week"] .card-detail').textContent()).toBe('1 answered, 0 waiting');
    expect(await dashboard.locator('.site-header .link-note').textContent()).toMatch(/^Read-only, as admin\./);
    await screenshot(dashboard, 'dashboard-overview');

    // More happens in the playground; the dashboard shows it on reload.
    await page.locator('#message').fill('/requirement add Invoices in EUR customer:"Acme AS" type:implied category:price');
    await page.locator('#message').press('Enter');
    await page.locator('.post.private', { hasText: 'Recorded REQ-2' }).waitFor();
    await page.locator('#message').fill('Decision: the free tier is capped at 3 seats from next month.');
    await page.locator('#message').press('Enter');
    await page.locator('.post.person', { hasText: 'free tier' }).locator('.thread').getByRole('button', { name: 'Not sure' }).click();
    const answer = page.getByRole('dialog', { name: 'Customer impact' });
    await answer.getByLabel('Affected customers or segments').fill('Small shops');
    await answer.getByLabel('Accepted, no action').check();
    await answer.getByLabel('Why no action is needed').fill('Few use more than 3 seats');
    await answer.getByRole('button', { name: 'Record' }).click();
    await answer.waitFor({ state: 'hidden' });
    await dashboard.reload();
    expect(await figure(dashboard, 'requirements-active')).toBe('2');
    expect(await figure(dashboard, 'checks-this-week')).toBe('2');
    expect(await dashboard.locator('#chart-affected-customers tbody').textContent()).toContain('Small shops');
    await screenshot(dashboard, 'dashboard-overview-after');

    // A table, filtered by the form on the page.
    await dashboard.getByRole('link', { name: 'Requirements' }).click();
    await dashboard.getByLabel('Category').selectOption('price');
    await dashboard.getByRole('button', { name: 'Apply' }).click();
    await dashboard.locator('[data-total="1"]').waitFor();
    expect(await dashboard.locator('table[data-table="requirements"] tbody tr').count()).toBe(1);
    await screenshot(dashboard, 'dashboard-requirements-filtered');

    expect(problems).toEqual([]);
    expect(dashboardProblems).toEqual([]);
  });

  it('shows the refusal page for an expired, a revoked and an other-workspace link', async () => {
    const member = await h.actor('member');
    expectOk(await h.core.addRequirement(member, { statement: 'Secret plans', customer: 'Acme AS' }));
    const expiring = await h.link({ ttlMs: 60_000 });
    const revoked = await h.link();
    const admin = await h.actor('admin');
    expectOk(await h.core.runCommand(admin, `customer-focus revoke-link ${revoked.grant.id}`));
    const local = await h.link({ workspaceId: LOCAL_WORKSPACE_ID });
    const otherWorkspace = local.url.replace('/dashboard/local', `/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}`);
    h.clock.set('2026-11-24T10:01:00.000Z');

    for (const [name, url, title] of [
      ['expired', expiring.url, 'This link has expired'],
      ['revoked', revoked.url, 'This link was revoked'],
      ['other-workspace', otherWorkspace, 'This link is for another workspace'],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status()).toBeGreaterThanOrEqual(400);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      expect(await page.locator('body').textContent()).not.toMatch(/Secret plans|Acme Support|Acme AS/);
      expect(serious(await axeViolations(page))).toEqual([]);
      await screenshot(page, `refusal-${name}`);
    }
    // The browser reports the refusal's own status code; nothing else may go wrong.
    expect(problems.filter((problem) => !/Failed to load resource: the server responded with a status of (403|410)/.test(problem))).toEqual(
      [],
    );
  });

  /** The computed look of an element, read in the page (the tests are compiled without the DOM types). */
  const boxLook = (box: unknown) => {
    type Style = { borderStyle: string; borderRadius: string; backgroundColor: string; fontFamily: string };
    const style = (globalThis as unknown as { getComputedStyle(element: unknown): Style }).getComputedStyle(box);
    return { border: style.borderStyle, radius: style.borderRadius, background: style.backgroundColor, font: style.fontFamily };
  };

  it('shows a download link that does not work on the same styled refusal page as the dashboard', async () => {
    const expired = await h.link({ purpose: 'download', ttlMs: 60_000 });
    h.clock.set('2026-11-24T10:01:00.000Z');
    const dashboardLook = async () => {
      await page.goto(`${h.url}/dashboard/${encodeURIComponent(CHAT_WORKSPACE)}`);
      return page.locator('.refusal-box').evaluate(boxLook);
    };
    const expected = await dashboardLook();
    const response = await page.goto(`${h.url}/audit/download/${encodeURIComponent(CHAT_WORKSPACE)}?t=${expired.token}`);
    expect(response?.status()).toBe(410);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This download link does not work');
    expect(await page.locator('.refusal-box').textContent()).toContain('This link has expired.');
    expect(await page.locator('.refusal-box').textContent()).toContain('/customer-focus export');
    expect(await page.locator('.site-header .brand').textContent()).toBe('Customer focus audit pack');
    const look = await page.locator('.refusal-box').evaluate(boxLook);
    expect(look).toEqual(expected);
    expect(serious(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'refusal-download-link');
    // The style sheets loaded under the page's own policy; only the refusal's status is reported.
    expect(problems.filter((problem) => !/Failed to load resource: the server responded with a status of (401|410)/.test(problem))).toEqual(
      [],
    );
  });

  it('serves the security headers, runs no inline code, and cannot be framed', async () => {
    const { url } = await h.link();
    const response = await page.goto(url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');

    // An inline script, as injected markup would carry, is refused by the policy and never runs.
    await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } };
      };
      const script = document.createElement('script');
      script.textContent = 'document.title = "injected"';
      document.body.append(script);
    });
    expect(await page.title()).not.toBe('injected');
    expect(problems.some((problem) => /Content Security Policy/.test(problem))).toBe(true);

    // Markup typed into the playground is shown as the characters typed, never as elements.
    await openPlayground();
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> <b>not bold</b>';
    await page.locator('#message').fill(hostile);
    await page.locator('#message').press('Enter');
    await page.locator('.post-text', { hasText: '<b>not bold</b>' }).waitFor();
    expect(await page.locator('#posts img, #posts b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');

    // Another origin (here: a blank page) that frames the dashboard gets an empty frame.
    const framing = await context.newPage();
    await framing.setContent(`<iframe id="frame" src="${url}" title="dashboard"></iframe>`);
    const frame = await (await framing.locator('#frame').elementHandle())?.contentFrame();
    await framing.waitForLoadState('load');
    expect(await frame?.locator('[data-figure]').count()).toBe(0);
  });

  /** Records on every page: a requirement, an answered check with a follow-up, feedback. */
  async function seedRecords(): Promise<void> {
    const member = await h.actor('member');
    expectOk(await h.core.addRequirement(member, { statement: 'Deliveries to Norway within 5 days', customer: 'Nordic Foods' }));
    const check = expectOk(
      await h.core.startCheck(member, {
        text: DECISION,
        place: { platform: 'slack', channelId: 'C1', channelName: 'product' },
        origin: 'command',
      }),
    );
    expectOk(
      await h.core.answerCheck(member, check.id, {
        impact: 'negative',
        explanation: 'Asia loses morning support',
        affectedCustomers: ['Acme Asia'],
        followUp: { kind: 'action', description: 'Offer e-mail support', owner: 'me', dueOn: '2026-12-01' },
      }),
    );
    expectOk(
      await h.core.recordFeedback(member, { summary: 'Support was slow', fields: { customer: 'Acme Asia', sentiment: 'negative' } }),
    );
  }

  // One page per test: each axe-core run is seconds of CPU on a shared runner, and eight of them
  // in one test ran past its time on a loaded machine. Every page is checked once its own "ready"
  // signal is there (data-ready, data-charts, the dialog), never after a fixed wait.
  it('passes an automated accessibility check (axe-core) on the playground and its answer form', async () => {
    await seedRecords();
    await openPlayground();
    await page.locator('#message').fill(DECISION);
    await page.locator('#message').press('Enter');
    await page.getByText('How does this decision affect customers?').waitFor();
    const findings: Record<string, unknown[]> = { playground: serious(await axeViolations(page)) };
    await page.locator('.thread').getByRole('button', { name: 'Add details' }).click();
    await page.getByRole('dialog', { name: 'Customer impact' }).waitFor();
    findings['playground answer form'] = serious(await axeViolations(page));
    await screenshot(page, 'playground-answer-form');
    expect(Object.entries(findings).filter(([, violations]) => violations.length > 0)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it.each(['overview', 'requirements', 'checks', 'actions', 'feedback', 'evidence'])(
    'passes an automated accessibility check (axe-core) on the dashboard %s',
    async (view) => {
      await seedRecords();
      const { url } = await h.link({ role: 'auditor' });
      await page.goto(view === 'overview' ? url : `${url}&view=${view}`);
      if (view === 'overview') await page.locator('html[data-charts]').waitFor({ state: 'attached' });
      else await page.locator('table[data-table]').first().waitFor({ state: 'attached' });
      expect(serious(await axeViolations(page))).toEqual([]);
      if (view === 'evidence' || view === 'checks') await screenshot(page, `dashboard-${view}`);
      if (view === 'evidence') await screenshot(page, 'dashboard-evidence-auditor');
      expect(problems).toEqual([]);
    },
  );
});
