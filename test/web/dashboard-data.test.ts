/**
 * The dashboard's figures and tables, computed by the real core over a real store: what the
 * charts and tables show for a known history, that each reads only its window, and that bad
 * filters are refused in words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/core/dashboard/figures.js';
import { downloadTable } from '../../src/core/dashboard/table-csv.js';
import { pageOf, queryActions, queryChecks, queryEvidence, queryFeedback, queryRequirements } from '../../src/core/dashboard/tables.js';
import { verificationStatus } from '../../src/core/dashboard/verification.js';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import type { Actor } from '../../src/core/domain/shared.js';
import { DomainError } from '../../src/core/errors.js';
import { storeTargets } from '../support/store-targets.js';
import { expectOk } from '../support/test-core.js';
import { CHAT_WORKSPACE, type WebHarness, startWebHarness } from './support/web-harness.js';
import { keyRecordingBackend } from './support/key-reads.js';

const place = { platform: 'slack' as const, channelId: 'C1', channelName: 'product' };

const directory = mkdtempSync(join(tmpdir(), 'cfb-dashboard-data-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(storeTargets(directory))('dashboard figures and tables on $label', (target) => {
  // Skipped only where REDIS_URL or DATABASE_URL is unset: the store's label says which and how
  // to run it. CI sets both, so there every test runs.
  const storeTest = it.skipIf(target.skipReason !== undefined);
  let h: WebHarness;
  let reads: string[];
  let member: Actor;
  let manager: Actor;
  const viewer = { workspaceId: CHAT_WORKSPACE, role: 'member' as const };

  /** Starts a check at an earlier instant (the clock goes back and returns). */
  async function checkAt(iso: string, text: string, by: Actor = member) {
    const now = h.clock.now().toISOString();
    h.clock.set(iso);
    const check = expectOk(await h.core.startCheck(by, { text, place, origin: 'command' }));
    h.clock.set(now);
    return check;
  }

  beforeEach(async () => {
    let recorded: string[] = [];
    h = await startWebHarness({
      storeUrl: target.url,
      playground: false,
      wrapBackend: (backend) => {
        const wrapped = keyRecordingBackend(backend);
        recorded = wrapped.read;
        return wrapped.backend;
      },
    });
    reads = recorded;
    member = await h.actor('member', CHAT_WORKSPACE, 'U1');
    manager = await h.actor('manager', CHAT_WORKSPACE, 'U2');
  });
  afterEach(() => h.close());

  storeTest('counts twelve weeks of checks per week, the impact mix of current answers, affected customers and open actions', async () => {
    // Today is Tuesday 2026-11-24 (Oslo); the trend runs from Monday 2026-09-07 to Sunday 2026-11-29.
    const thisWeek = await checkAt('2026-11-23T08:00:00.000Z', 'We raise prices by 5 % from January');
    await checkAt('2026-11-24T09:00:00.000Z', 'We close the Bergen office');
    const threeWeeksAgo = await checkAt('2026-11-03T08:00:00.000Z', 'Lunch moves to 12:30');
    const tooOld = await checkAt('2026-09-06T20:00:00.000Z', 'Before the window (Sunday evening, Oslo)');
    const firstDay = await checkAt('2026-09-06T22:30:00.000Z', 'First minutes of the window (Monday 00:30 in Oslo)');

    // Yesterday: an answer, then a correction with an action due that day (a due date can't be in
    // the past when it is recorded); today the action is overdue.
    h.clock.set('2026-11-23T09:00:00.000Z');
    expectOk(await h.core.answerCheck(member, thisWeek.id, { impact: 'positive', affectedCustomers: ['Acme AS'] }));
    // A second answer by the same person supersedes the first: only the negative one counts.
    h.clock.set('2026-11-23T12:00:00.000Z');
    expectOk(
      await h.core.answerCheck(member, thisWeek.id, {
        impact: 'negative',
        explanation: 'Small shops will feel it',
        affectedCustomers: ['Acme AS', 'Small shops'],
        followUp: { kind: 'action', description: 'Tell small shops in advance', owner: 'me', dueOn: '2026-11-23' },
      }),
    );
    h.clock.set('2026-11-24T10:00:00.000Z');
    expectOk(
      await h.core.answerCheck(manager, thisWeek.id, {
        impact: 'none',
        explanation: 'Acme has a fixed price',
        affectedCustomers: ['acme as'],
      }),
    );
    expectOk(await h.core.dismissCheck(member, threeWeeksAgo.id));
    expectOk(await h.core.answerCheck(member, tooOld.id, { impact: 'positive' }));
    expectOk(await h.core.answerCheck(member, firstDay.id, { impact: 'unknown', followUp: { kind: 'accepted', reason: 'We will see' } }));

    const figures = await dashboardFigures(h.deps, viewer);
    expect(figures.period).toEqual({ from: '2026-09-07', to: '2026-11-29' });
    expect(figures.trend).toHaveLength(12);
    expect(figures.trend[0]).toEqual({ week: '2026-W37', from: '2026-09-07', started: 1, answered: 1, dismissed: 0, awaiting: 0 });
    expect(figures.trend.at(-1)).toEqual({ week: '2026-W48', from: '2026-11-23', started: 2, answered: 1, dismissed: 0, awaiting: 1 });
    expect(figures.trend.find((week) => week.from === '2026-11-02')).toMatchObject({ started: 1, dismissed: 1 });
    expect(figures.impactMix).toEqual({ positive: 0, negative: 1, none: 1, unknown: 1 });
    expect(figures.affectedCustomers).toEqual([
      { name: 'Acme AS', answers: 2, negative: 1 },
      { name: 'Small shops', answers: 1, negative: 1 },
    ]);
    // The accepted risk closes at once; the action is open and overdue.
    expect(figures.actions).toEqual({ open: 1, overdue: 1, dueSoon: 0, withoutDueDate: 0 });
  });

  storeTest('counts the register by type, category and status, reviews due and overdue, and feedback by sentiment', async () => {
    h.clock.set('2026-10-01T10:00:00.000Z');
    expectOk(
      await h.core.addRequirement(member, {
        statement: 'Review weekly',
        customer: 'Acme AS',
        type: 'stated',
        category: 'delivery',
        review: '7d',
      }),
    );
    h.clock.set('2026-11-24T10:00:00.000Z');
    expectOk(
      await h.core.addRequirement(member, {
        statement: 'Invoices in EUR',
        customer: 'Acme AS',
        type: 'implied',
        category: 'price',
        review: '14d',
      }),
    );
    expectOk(
      await h.core.addRequirement(member, {
        statement: 'WCAG 2.1 AA',
        customer: 'End users',
        type: 'obligatory',
        reference: 'EU 2019/882',
        category: 'product',
        review: '90d',
      }),
    );
    expectOk(await h.core.addRequirement(member, { statement: 'Old promise', customer: 'Beta', type: 'stated', category: 'support' }));
    expectOk(await h.core.reviewRequirement(manager, 'REQ-4', 'retire', 'obsolete'));
    expectOk(await h.core.reviewRequirement(member, 'REQ-3', 'at_risk'));
    expectOk(await h.core.recordFeedback(member, { summary: 'Great support', fields: { customer: 'Acme AS', sentiment: 'positive' } }));
    expectOk(
      await h.core.recordFeedback(member, {
        summary: 'Too slow',
        fields: { customer: 'Acme AS', sentiment: 'negative', received: '2026-11-02' },
      }),
    );
    expectOk(
      await h.core.recordFeedback(member, {
        summary: 'Long ago',
        fields: { customer: 'Acme AS', sentiment: 'negative', received: '2026-06-01' },
      }),
    );

    const figures = await dashboardFigures(h.deps, viewer);
    expect(figures.requirements).toEqual({
      active: 3,
      retired: 1,
      byType: { stated: 1, implied: 1, obligatory: 1 },
      byCategory: { product: 1, price: 1, delivery: 1, communication: 0, service: 0, support: 0, other: 0 },
      byStatus: { open: 2, met: 0, at_risk: 1, not_met: 0, retired: 1 },
    });
    // REQ-1 was due 2026-10-08; REQ-2 is due 2026-12-08 (within 30 days); REQ-3 was just reviewed.
    expect(figures.reviews).toEqual({ overdue: 1, dueSoon: 1 });
    expect(figures.feedback).toEqual({ total: 2, bySentiment: { positive: 1, neutral: 0, negative: 1 } });
  });

  storeTest(
    'reads twelve weeks of checks and no evidence for the figures, and only the chosen days of evidence for its table',
    async () => {
      h.clock.set('2026-06-01T10:00:00.000Z');
      for (let i = 0; i < 5; i++) await checkAt('2026-06-01T10:00:00.000Z', `Old decision ${i}`);
      h.clock.set('2026-11-24T10:00:00.000Z');
      const recent = await checkAt('2026-11-20T10:00:00.000Z', 'Recent decision');

      reads.length = 0;
      await dashboardFigures(h.deps, viewer);
      // The twelve-week trend and the thirty-day noise figures both read the recent check; the old ones stay unread.
      const checksRead = new Set(reads.filter((key) => key.includes(':check:')));
      expect([...checksRead]).toEqual([`ws:${CHAT_WORKSPACE}:check:${recent.id}`]);
      expect(reads.filter((key) => /:ev:\d+$/.test(key))).toEqual([]);

      reads.length = 0;
      const { rows } = await queryEvidence(h.deps, viewer, { from: '2026-11-18', to: '2026-11-24' });
      expect(rows.map((entry) => entry.subject.id)).toEqual([recent.id]);
      expect(reads.filter((key) => /:ev:\d+$/.test(key))).toEqual([`ws:${CHAT_WORKSPACE}:ev:${rows[0]?.seq}`]);
    },
  );

  storeTest('filters, searches and pages the tables, newest first where time matters', async () => {
    for (let i = 1; i <= 60; i++) {
      expectOk(
        await h.core.addRequirement(member, {
          statement: `Requirement number ${i}`,
          customer: i % 2 ? 'Acme AS' : 'Beta GmbH',
          category: i % 3 ? 'product' : 'price',
        }),
      );
    }
    const all = await queryRequirements(h.deps, viewer, {});
    expect(all.rows).toHaveLength(60);
    const first = pageOf(all.rows, undefined);
    expect([first.page, first.pages, first.rows.length, first.rows[0]?.id]).toEqual([1, 2, 50, 'REQ-1']);
    const last = pageOf(all.rows, '9');
    expect([last.page, last.rows.length, last.rows.at(-1)?.id]).toEqual([2, 10, 'REQ-60']);
    const price = await queryRequirements(h.deps, viewer, { category: 'price', q: 'beta' });
    expect(price.rows.map((r) => r.id)).toEqual([
      'REQ-6',
      'REQ-12',
      'REQ-18',
      'REQ-24',
      'REQ-30',
      'REQ-36',
      'REQ-42',
      'REQ-48',
      'REQ-54',
      'REQ-60',
    ]);

    await checkAt('2026-11-20T10:00:00.000Z', 'Older decision about Acme');
    await checkAt('2026-11-23T10:00:00.000Z', 'Newer decision about Beta');
    const checks = await queryChecks(h.deps, viewer, {});
    expect(checks.rows.map((c) => c.text)).toEqual(['Newer decision about Beta', 'Older decision about Acme']);
    expect(checks.filter.window).toMatchObject({ from: '2026-09-07', to: '2026-11-24' });
    expect((await queryChecks(h.deps, viewer, { q: 'ACME' })).rows.map((c) => c.text)).toEqual(['Older decision about Acme']);
    expect((await queryChecks(h.deps, viewer, { from: '2026-11-21', to: '2026-11-24' })).rows).toHaveLength(1);

    expectOk(
      await h.core.recordFeedback(member, { summary: 'Slow', fields: { customer: 'Acme AS', sentiment: 'negative', kind: 'complaint' } }),
    );
    expectOk(await h.core.recordFeedback(member, { summary: 'Fast', fields: { customer: 'Beta', sentiment: 'positive' } }));
    expect((await queryFeedback(h.deps, viewer, { sentiment: 'negative' })).rows.map((f) => f.summary)).toEqual(['Slow']);
    expect((await queryActions(h.deps, viewer, { due: 'overdue' })).rows).toEqual([]);
  });

  storeTest('refuses bad filters in words that say what to type', async () => {
    const refusal = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).message;
    };
    expect(await refusal(queryRequirements(h.deps, viewer, { status: 'lost' }))).toBe(
      '"lost" is not a valid status. Use one of: open, met, at_risk, not_met, retired.',
    );
    expect(await refusal(queryEvidence(h.deps, viewer, { from: '2026-13-01' }))).toMatch(
      /not a valid "from" date. Write the date as YYYY-MM-DD/,
    );
    expect(await refusal(queryEvidence(h.deps, viewer, { from: '2026-11-24', to: '2026-11-01' }))).toBe(
      'The "from" date (2026-11-24) is after the "to" date (2026-11-01). Swap them.',
    );
    expect(await refusal(queryEvidence(h.deps, viewer, { from: '2026-01-01', to: '2026-11-24' }))).toBe(
      'The evidence window is 328 days long; one page shows at most 31 days. Choose a shorter period, e.g. 2026-10-25 to 2026-11-24.',
    );
    expect(await refusal(queryChecks(h.deps, viewer, { origin: 'telepathy' }))).toMatch(
      /Use one of: detected, reaction, shortcut, command, mention/,
    );
    expect(() => pageOf([], 'two')).toThrow('"two" is not a page number. Use 1, 2, 3…');
    expect(await refusal(queryRequirements(h.deps, viewer, { q: 'bad\u0007bell' }))).toMatch(
      /The search contains invisible control characters/,
    );
  });

  storeTest('writes CSV in the one format, and records an evidence download as an export', async () => {
    expectOk(await h.core.addRequirement(member, { statement: '=HYPERLINK("http://x")', customer: 'Acme, "the big one"' }));
    const viewerLink = { ...viewer, linkId: 'L1', issuedTo: 'U1' };
    const requirements = await downloadTable(h.deps, viewerLink, 'requirements', {});
    expect(requirements.fileName).toBe('requirements-2026-11-24.csv');
    const [header, row] = requirements.csv.split('\r\n');
    expect(header?.startsWith('id,statement,customer,type,')).toBe(true);
    expect(row).toContain(`REQ-1,"'=HYPERLINK(""http://x"")","Acme, ""the big one""",stated`);

    await expect(downloadTable(h.deps, viewerLink, 'evidence', {})).rejects.toThrow(
      'This link was issued for the member role, which cannot export evidence.',
    );
    const before = await h.deps.evidence.lastSeq(CHAT_WORKSPACE);
    const evidence = await downloadTable(h.deps, { ...viewerLink, role: 'auditor', issuedTo: 'U_AUDITOR' }, 'evidence', {
      from: '2026-11-24',
    });
    expect(evidence.fileName).toBe('evidence-2026-11-24-to-2026-11-30.csv');
    expect(evidence.csv.split('\r\n')[0]).toBe('seq,at,type,actor_id,subject_kind,subject_id,data,personal,hash');
    const [exported] = await h.deps.evidence.listBySeq(CHAT_WORKSPACE, before + 1, before + 1);
    expect(exported).toMatchObject({
      type: 'evidence.exported',
      actorId: 'U_AUDITOR',
      data: { from: '2026-11-24', to: '2026-11-30', entries: evidence.rows, via: 'dashboard', linkId: 'L1' },
    });
  });

  storeTest('shows the log verified with its latest seal, and says when it is not sealed yet', async () => {
    expectOk(await h.core.addRequirement(member, { statement: 'Something', customer: 'Acme AS' }));
    const unsealed = await verificationStatus(h.deps, viewer);
    expect(unsealed).toMatchObject({ state: 'verified', lastSeq: 1 });
    expect(unsealed.latestSeal).toBeUndefined();
    expect(unsealed.verdict).toBe('Checked the 1 entry against its own hash: intact. No entry is sealed yet (seals are made hourly).');
    const { latest } = await sealWorkspace(h.deps, CHAT_WORKSPACE);
    const sealed = await verificationStatus(h.deps, viewer);
    expect(sealed.latestSeal).toEqual(latest);
    expect(sealed.verdict).toMatch(
      /^Checked the seal chain \(1 seal over 1 entry\): intact\. 1 entry is sealed, up to entry 1 by seal #1 [0-9a-f]{12} at \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo; no entry was written after it\.$/,
    );
  });
});
