/**
 * The dashboard's server time on a large workspace: a SQLite store with 10,000 requirements and
 * 1,000,000 evidence entries (two years of history, sealed as the hourly job would, with the
 * newest entries still unsealed), plus two years of decision checks, answers, follow-up actions
 * and feedback. It then times, through the real web adapter on the bot's HTTP server, the
 * overview (every figure, the charts' data and the log's verification) and the first page of
 * each table, as a browser holding a signed link would ask for them.
 *
 *   npx tsx bench/dashboard-history.ts [--requirements 10000] [--entries 1000000] [--runs 5] [--keep]
 *
 * Seeding writes rows in the exact layout the bot writes (records in keyv's envelope, sorted
 * indexes, counters), in bulk SQL, because a million single writes would take most of an hour.
 * Prints a Markdown table and writes bench/results/dashboard-history-<time>.json. The store lives
 * in a temporary directory, removed at the end unless --keep.
 */
import { KeyvSqlite } from '@keyv/sqlite';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHttpServer } from '../src/adapters/http/server.js';
import { createLogger } from '../src/adapters/logging/logger.js';
import { openBackend } from '../src/adapters/storage/open-backend.js';
import { createRepositories } from '../src/adapters/storage/repositories/index.js';
import { NO_DATE, dayNumber, keys } from '../src/adapters/storage/repositories/keys.js';
import { mountWeb } from '../src/adapters/web/web-adapter.js';
import { MessengerRegistry } from '../src/app/messenger-registry.js';
import { sealWorkspace } from '../src/core/audit/seal-workspace.js';
import { dashboardPath } from '../src/core/dashboard/dashboard-link.js';
import { dashboardFigures } from '../src/core/dashboard/figures.js';
import { queryEvidence } from '../src/core/dashboard/tables.js';
import { verificationStatus } from '../src/core/dashboard/verification.js';
import { detectDecision } from '../src/core/detection/detect-decision.js';
import type { DecisionCheck, FollowUpAction, Impact, ImpactAnswer } from '../src/core/domain/decision-check.js';
import { type EvidenceDraft, type EvidenceType, toEvidenceEntry } from '../src/core/domain/evidence.js';
import type { CustomerFeedback } from '../src/core/domain/feedback.js';
import { REQUIREMENT_CATEGORIES, type Requirement, type RequirementStatus, type RequirementType } from '../src/core/domain/requirement.js';
import { createCore } from '../src/core/index.js';
import { createLinkSigner } from '../src/core/links/signed-links.js';
import type { Clock, CoreDeps } from '../src/core/ports.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { BENCH_RESULTS } from './lib/paths.js';
import { median } from './lib/stats.js';

const WORKSPACE = 'slack:TBENCH';
const NAMESPACE = 'bench';
const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const DAY_MS = 86_400_000;
const HISTORY_MS = 2 * 365 * DAY_MS;
/** Decision checks and feedback per week over the two years: a busy organisation. */
const CHECKS_PER_WEEK = 60;
const FEEDBACK_PER_WEEK = 25;
/** Rows per INSERT: at most 3 parameters each, well under SQLite's 32,766 per statement. */
const ROWS_PER_INSERT = 500;
const PAGES = ['overview', 'requirements', 'checks', 'actions', 'feedback', 'evidence'] as const;

export interface DashboardHistoryResult {
  readonly requirements: number;
  readonly entries: number;
  readonly unsealed: number;
  readonly checks: number;
  readonly checksInTrend: number;
  readonly evidenceOnFirstPage: number;
  readonly fileMb: number;
  readonly seedMs: number;
  /** Per page: the first (cold) request and the median and slowest of the warm ones, in ms. */
  readonly pages: Readonly<Record<(typeof PAGES)[number], { readonly cold: number; readonly median: number; readonly max: number; readonly bytes: number }>>;
  /** The overview's two parts, measured in process (no HTTP, no HTML). */
  readonly figuresMs: number;
  readonly verificationMs: number;
  readonly verdict: string;
}

/** A small deterministic generator, so every run seeds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = random(2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
  let roll = rand() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[0]?.[0] as T;
};
const iso = (ms: number): string => new Date(ms).toISOString();
const isoDate = (ms: number): string => iso(ms).slice(0, 10);

const CUSTOMERS = Array.from({ length: 40 }, (_, i) => `Customer ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''} AS`);
const PEOPLE = Array.from({ length: 50 }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}`, name: `Person ${i}` }));
const CHANNELS = Array.from({ length: 12 }, (_, i) => `C${String(i).padStart(8, '0')}`);

/** Writes rows in bulk, inside the caller's transaction. */
class BulkWriter {
  private readonly records: [string, string][] = [];
  private readonly index: [string, string, number][] = [];

  constructor(private readonly raw: KeyvSqlite) {}

  /** keyv's envelope; none of the seeded strings starts with ":" (which keyv would escape). */
  async record(key: string, value: unknown): Promise<void> {
    this.records.push([key, JSON.stringify({ value })]);
    if (this.records.length >= ROWS_PER_INSERT) await this.flushRecords();
  }

  async indexed(index: string, member: string, score: number): Promise<void> {
    this.index.push([index, member, score]);
    if (this.index.length >= ROWS_PER_INSERT) await this.flushIndex();
  }

  async counter(name: string, value: number): Promise<void> {
    await this.raw.query(`INSERT INTO ${NAMESPACE}_counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value);
  }

  private async flushRecords(): Promise<void> {
    if (this.records.length === 0) return;
    const rows = this.records.splice(0);
    await this.raw.query(`INSERT INTO ${NAMESPACE}_records (key, value) VALUES ${rows.map(() => '(?, ?)').join(', ')}`, ...rows.flat());
  }

  private async flushIndex(): Promise<void> {
    if (this.index.length === 0) return;
    const rows = this.index.splice(0);
    await this.raw.query(`INSERT INTO ${NAMESPACE}_sorted_index (idx, member, score) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, ...rows.flat());
  }

  async flush(): Promise<void> {
    await this.flushRecords();
    await this.flushIndex();
  }
}

async function seedRequirements(writer: BulkWriter, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const createdAt = NOW - HISTORY_MS * 1.5 * rand();
    const status = weighted<RequirementStatus>([['open', 70], ['met', 15], ['at_risk', 8], ['not_met', 2], ['retired', 5]]);
    const type = weighted<RequirementType>([['stated', 60], ['implied', 25], ['obligatory', 15]]);
    const owner = pick(PEOPLE);
    const requirement: Requirement = {
      workspaceId: WORKSPACE,
      id: `REQ-${n}`,
      number: n,
      statement: `Requirement ${n}: deliveries to region ${n % 17} within ${2 + (n % 9)} working days, confirmed in writing`,
      customer: pick(CUSTOMERS),
      type,
      ...(type === 'obligatory' ? { reference: 'EU 2019/882' } : {}),
      category: pick(REQUIREMENT_CATEGORIES),
      horizon: rand() < 0.9 ? 'current' : 'future',
      owner,
      status,
      reviewIntervalDays: 90,
      nextReviewOn: isoDate(NOW - 60 * DAY_MS + rand() * 425 * DAY_MS),
      createdBy: owner,
      createdAt: iso(createdAt),
      updatedBy: owner,
      updatedAt: iso(createdAt),
      version: 1,
    };
    await writer.record(keys.requirement(WORKSPACE, requirement.id), requirement);
    await writer.indexed(keys.requirementsByNumber(WORKSPACE), requirement.id, n);
    if (status !== 'retired') await writer.indexed(keys.requirementsByReview(WORKSPACE), requirement.id, dayNumber(requirement.nextReviewOn));
  }
  await writer.counter(keys.requirementCounter(WORKSPACE), count);
}

/** Two years of checks, their answers and follow-up actions; returns how many checks. */
async function seedChecks(writer: BulkWriter): Promise<number> {
  const count = Math.round((HISTORY_MS / (7 * DAY_MS)) * CHECKS_PER_WEEK);
  for (let i = 1; i <= count; i++) {
    const started = NOW - HISTORY_MS * rand();
    const status = weighted<DecisionCheck['status']>([['answered', 70], ['dismissed', 10], ['awaiting', 20]]);
    const startedBy = pick(PEOPLE);
    const check: DecisionCheck = {
      workspaceId: WORKSPACE,
      id: `c${i}`,
      text: `Decision ${i}: from next month we change the support rota for region ${i % 17}`,
      place: { platform: 'slack', channelId: pick(CHANNELS), threadId: `${Math.floor(started / 1000)}.000100`, messageId: `${Math.floor(started / 1000)}.000100` },
      decidedBy: startedBy,
      origin: weighted([['detected', 80], ['command', 10], ['reaction', 5], ['mention', 5]]),
      startedBy,
      startedAt: iso(started),
      status,
      ...(status === 'dismissed' ? { dismissedBy: startedBy, dismissedAt: iso(started + 3_600_000) } : {}),
      prompt: { channelId: CHANNELS[0] as string, messageId: `${Math.floor(started / 1000)}.000200` },
      version: 1,
    };
    await writer.record(keys.check(WORKSPACE, check.id), check);
    await writer.indexed(keys.checksByStart(WORKSPACE), check.id, started);
    if (status !== 'answered') continue;
    const answers = 1 + Math.floor(rand() * 3);
    for (let a = 1; a <= answers; a++) {
      const impact = weighted<Impact>([['positive', 45], ['negative', 20], ['none', 25], ['unknown', 10]]);
      const at = started + a * 1_800_000;
      const by = pick(PEOPLE);
      const answerId = `a${i}-${a}`;
      const needsAction = impact === 'negative' || impact === 'unknown';
      const answer: ImpactAnswer = {
        workspaceId: WORKSPACE,
        checkId: check.id,
        id: answerId,
        impact,
        affectedCustomers: rand() < 0.6 ? [pick(CUSTOMERS)] : [],
        requirementIds: rand() < 0.3 ? [`REQ-${1 + Math.floor(rand() * 1000)}`] : [],
        ...(impact === 'negative' || impact === 'none' ? { explanation: 'Customers on the annual plan see the change at renewal.' } : {}),
        by,
        at: iso(at),
        ...(needsAction ? { actionId: `x${i}-${a}` } : {}),
      };
      await writer.record(keys.answer(WORKSPACE, check.id, answerId), answer);
      await writer.indexed(keys.answersOf(WORKSPACE, check.id), answerId, at);
      if (!needsAction) continue;
      const open = rand() < (NOW - started < 90 * DAY_MS ? 0.6 : 0.05);
      const action: FollowUpAction = {
        workspaceId: WORKSPACE,
        id: `x${i}-${a}`,
        checkId: check.id,
        answerId,
        description: 'Tell the affected customers before the change',
        owner: by,
        dueOn: isoDate(at + (7 + rand() * 60) * DAY_MS),
        status: open ? 'open' : 'done',
        createdBy: by,
        createdAt: iso(at),
        version: 1,
      };
      await writer.record(keys.action(WORKSPACE, action.id), action);
      if (open) await writer.indexed(keys.openActions(WORKSPACE), action.id, action.dueOn ? dayNumber(action.dueOn) : NO_DATE);
    }
  }
  return count;
}

async function seedFeedback(writer: BulkWriter): Promise<void> {
  const count = Math.round((HISTORY_MS / (7 * DAY_MS)) * FEEDBACK_PER_WEEK);
  for (let i = 1; i <= count; i++) {
    const received = NOW - HISTORY_MS * rand();
    const by = pick(PEOPLE);
    const feedback: CustomerFeedback = {
      workspaceId: WORKSPACE,
      id: `f${i}`,
      customer: pick(CUSTOMERS),
      kind: pick(['complaint', 'compliment', 'survey', 'review', 'other'] as const),
      sentiment: weighted([['positive', 40], ['neutral', 30], ['negative', 30]]),
      summary: `What the customer said about the service, number ${i}`,
      requirementIds: [],
      receivedAt: iso(received),
      recordedBy: by,
      recordedAt: iso(received),
    };
    await writer.record(keys.feedback(WORKSPACE, feedback.id), feedback);
    await writer.indexed(keys.feedbackByReceipt(WORKSPACE), feedback.id, received);
  }
}

const EVIDENCE_MIX: readonly (readonly [EvidenceType, number])[] = [
  ['check.started', 20], ['check.answered', 30], ['action.created', 8], ['action.closed', 6], ['requirement.created', 6],
  ['requirement.changed', 8], ['requirement.reviewed', 12], ['feedback.recorded', 6], ['link.issued', 2], ['settings.changed', 1], ['digest.sent', 1],
];

/** Entry `seq` of `total`, spread evenly over the two years up to a minute ago. */
function draftFor(seq: number, total: number): EvidenceDraft {
  const at = NOW - 60_000 - ((total - seq) * (HISTORY_MS - 60_000)) / total;
  const type = weighted(EVIDENCE_MIX);
  const person = PEOPLE[seq % PEOPLE.length] as (typeof PEOPLE)[number];
  return {
    workspaceId: WORKSPACE,
    type,
    at: iso(at),
    actorId: person.id,
    subject: { kind: type.split('.')[0] as string, id: `${type.split('.')[0]}-${Math.floor(seq / 3)}` },
    data: { impact: seq % 4 === 0 ? 'negative' : 'positive', requirementIds: ['REQ-12'], supersedes: null },
    personal: { actorName: person.name, explanation: `Customers on the annual plan see the change at renewal (entry ${seq}).` },
  };
}

async function seedEvidence(writer: BulkWriter, from: number, to: number, total: number): Promise<void> {
  for (let seq = from; seq <= to; seq++) {
    const entry = toEvidenceEntry(draftFor(seq, total), seq);
    await writer.record(keys.evidence(WORKSPACE, seq), entry);
    await writer.indexed(keys.evidenceByTime(WORKSPACE), String(seq), Date.parse(entry.at));
  }
  await writer.flush();
  await writer.counter(keys.evidenceCounter(WORKSPACE), to);
}

async function inTransaction(raw: KeyvSqlite, work: () => Promise<void>): Promise<void> {
  await raw.query('BEGIN');
  await work();
  await raw.query('COMMIT');
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

export async function measureDashboardHistory(options: { requirements: number; entries: number; runs: number; keep?: boolean; log?: (line: string) => void }): Promise<DashboardHistoryResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const directory = mkdtempSync(join(tmpdir(), 'cfb-dashboard-bench-'));
  const file = join(directory, 'history.sqlite');
  const url = `sqlite://${file}`;
  const unsealed = Math.min(1000, Math.floor(options.entries / 10));
  const clock: Clock = { now: () => new Date(NOW) };
  let n = 0;
  const ids = { newId: () => `bench-${++n}` };
  try {
    // The bot creates the tables and the workspace; the seeding bypasses it only to be fast.
    const setup = await openBackend(url, { namespace: NAMESPACE });
    await createRepositories(setup).workspaces.ensure({ id: WORKSPACE, platform: 'slack', name: 'Bench Ltd', createdAt: iso(NOW - HISTORY_MS), settings: { timeZone: 'Europe/Oslo', defaultDetection: 'auto' }, version: 1 });
    await setup.close();

    const raw = new KeyvSqlite({ uri: url, table: `${NAMESPACE}_records`, busyTimeout: 10_000 });
    const writer = new BulkWriter(raw);
    let checks = 0;
    const seeded = await timed(async () => {
      log(`seeding ${options.requirements.toLocaleString('en-US')} requirements, two years of checks and feedback`);
      await inTransaction(raw, async () => {
        await seedRequirements(writer, options.requirements);
        checks = await seedChecks(writer);
        await seedFeedback(writer);
        await writer.flush();
      });
      log(`seeding ${options.entries.toLocaleString('en-US')} evidence entries`);
      await inTransaction(raw, () => seedEvidence(writer, 1, options.entries - unsealed, options.entries));
    });
    // Sealed as the hourly job does, then the newest entries arrive after the last seal.
    const sealing = await openBackend(url, { namespace: NAMESPACE });
    log('sealing the history');
    await sealWorkspace({ ...createRepositories(sealing), clock, ids }, WORKSPACE);
    await sealing.close();
    await inTransaction(raw, () => seedEvidence(writer, options.entries - unsealed + 1, options.entries, options.entries));
    await raw.disconnect();

    // The measured bot: a fresh connection, the real core and web adapter on the real HTTP server.
    const backend = await openBackend(url, { namespace: NAMESPACE });
    const repositories = createRepositories(backend);
    let base = '';
    const deps: CoreDeps = {
      clock,
      ids,
      ...repositories,
      links: { signer: createLinkSigner({ clock, ids, ...repositories }, 'bench-link-secret-0123456789abcdef-0123'), get baseUrl() { return base; }, urlFor: (path) => `${base}${path}` },
      adminUsers: new Set(),
      defaultTimeZone: 'Europe/Oslo',
      detect: detectDecision,
      defaultDigestCron: '0 9 * * 1',
      messengers: new MessengerRegistry(),
    };
    const core = createCore(deps);
    const server = createHttpServer({ logger: createLogger('silent'), port: 0, host: '127.0.0.1', health: async () => ({ ok: true }) });
    mountWeb({ core, server, playground: false });
    const { port } = await server.listen();
    base = `http://127.0.0.1:${port}`;
    try {
      const { token } = await deps.links?.signer.issue({ workspaceId: WORKSPACE, purpose: 'dashboard', role: 'auditor', issuedTo: 'U_AUDITOR' }) ?? { token: '' };
      const pageUrl = (page: (typeof PAGES)[number]) => `${base}${dashboardPath(WORKSPACE, token)}${page === 'overview' ? '' : `&view=${page}`}`;
      const pages = {} as Record<(typeof PAGES)[number], { cold: number; median: number; max: number; bytes: number }>;
      for (const page of PAGES) {
        const samples: number[] = [];
        let bytes = 0;
        for (let run = 0; run <= options.runs; run++) {
          const { value, ms } = await timed(async () => {
            const response = await fetch(pageUrl(page));
            const body = await response.text();
            if (response.status !== 200) throw new Error(`${page}: HTTP ${response.status}`);
            return body;
          });
          bytes = value.length;
          samples.push(ms);
        }
        const [cold = 0, ...warm] = samples;
        pages[page] = { cold: Math.round(cold), median: Math.round(median(warm)), max: Math.round(Math.max(...warm)), bytes };
        log(`${page}: cold ${pages[page].cold} ms, warm median ${pages[page].median} ms`);
      }
      const viewer = { workspaceId: WORKSPACE, role: 'auditor' as const };
      const figures = await timed(() => dashboardFigures(deps, viewer));
      const verification = await timed(() => verificationStatus(deps, viewer));
      if (verification.value.state !== 'verified') throw new Error(`the seeded log does not verify: ${verification.value.verdict}`);
      const evidenceWeek = (await queryEvidence(deps, viewer, {})).rows;
      return {
        requirements: options.requirements,
        entries: options.entries,
        unsealed,
        checks,
        checksInTrend: figures.value.trend.reduce((sum, week) => sum + week.started, 0),
        evidenceOnFirstPage: evidenceWeek.length,
        fileMb: Math.round(statSync(file).size / 1e6),
        seedMs: Math.round(seeded.ms),
        pages,
        figuresMs: Math.round(figures.ms),
        verificationMs: Math.round(verification.ms),
        verdict: verification.value.verdict,
      };
    } finally {
      await server.close();
      await backend.close();
    }
  } finally {
    if (!options.keep) rmSync(directory, { recursive: true, force: true });
    else log(`kept ${file}`);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  const { values } = parseArgs({ options: { requirements: { type: 'string' }, entries: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
  const machine = describeMachine();
  const result = await measureDashboardHistory({
    requirements: Number(values.requirements ?? 10_000),
    entries: Number(values.entries ?? 1_000_000),
    runs: Number(values.runs ?? 5),
    keep: values.keep === true,
  });
  const count = (value: number) => value.toLocaleString('en-US');
  console.log(`\nDashboard server time: ${count(result.requirements)} requirements, ${count(result.entries)} evidence entries (${count(result.unsealed)} after the last seal), ${count(result.checks)} decision checks over two years; SQLite ${result.fileMb} MB; ${machineLine(machine)}.\n`);
  console.log('| page (auditor link) | first request | warm median | warm slowest | HTML |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [page, figures] of Object.entries(result.pages)) {
    console.log(`| ${page} | ${figures.cold} ms | ${figures.median} ms | ${figures.max} ms | ${Math.round(figures.bytes / 1024)} KB |`);
  }
  const total = Object.values(result.pages).reduce((sum, page) => sum + page.median, 0);
  console.log(`| all six together (warm medians) | | ${total} ms | | |`);
  console.log(`\nIn process: figures ${result.figuresMs} ms (${count(result.checksInTrend)} checks in the 12-week trend), verification ${result.verificationMs} ms. The evidence table's first page reads one week: ${count(result.evidenceOnFirstPage)} entries.`);
  console.log(`Verification: ${result.verdict}`);
  console.log(`Seeding took ${(result.seedMs / 1000).toFixed(1)} s.`);
  mkdirSync(BENCH_RESULTS, { recursive: true });
  const out = join(BENCH_RESULTS, `dashboard-history-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}
