/**
 * Building one week's digest against history size: seeds a SQLite store with 1,000,000 evidence
 * entries spread over the years before the week (bulk SQL, in the exact layout the bot writes:
 * the record in keyv's table and its row in the time index), records a realistic week through the
 * real use cases on top, then times building the digest of that week as the scheduler would.
 *
 *   npx tsx bench/digest-history.ts [--entries 1000000] [--runs 10] [--keep]
 *
 * Prints a Markdown table and writes bench/results/digest-history-<time>.json. The store lives in
 * a temporary directory, removed at the end unless --keep.
 */
import { KeyvSqlite } from '@keyv/sqlite';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MessengerRegistry } from '../src/app/messenger-registry.js';
import { openBackend } from '../src/adapters/storage/open-backend.js';
import { createRepositories } from '../src/adapters/storage/repositories/index.js';
import { keys } from '../src/adapters/storage/repositories/keys.js';
import { sqlTables } from '../src/adapters/storage/sql-schema.js';
import { detectDecision } from '../src/core/detection/detect-decision.js';
import { type EvidenceDraft, type EvidenceType, toEvidenceEntry } from '../src/core/domain/evidence.js';
import type { Actor } from '../src/core/domain/shared.js';
import { type Core, createCore } from '../src/core/index.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { BENCH_RESULTS } from './lib/paths.js';

const WORKSPACE = 'slack:TBENCH';
const NAMESPACE = 'bench';
const TIME_ZONE = 'Europe/Oslo';
/** The week reported on: Monday 16 to Monday 23 November 2026, 09:00 in Oslo. */
const WEEK_START = Date.parse('2026-11-16T08:00:00Z');
const DIGEST_AT = Date.parse('2026-11-23T08:00:00Z');
/** History ends a day before the week; entries are spaced evenly back from there. */
const HISTORY_END = WEEK_START - 86_400_000;
const SPACING_MS = 150_000; // every 2.5 minutes: 1,000,000 entries span about 4.75 years
/** Rows per INSERT: at most 3 parameters each, well under SQLite's 32,766 parameters per statement. */
const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 50_000;

export interface DigestHistoryResult {
  readonly historyEntries: number;
  readonly weekEntries: number;
  readonly registerSize: number;
  readonly fileMb: number;
  readonly seedMs: number;
  readonly weekMs: number;
  /** The first build after seeding (cold caches), then the others. */
  readonly firstBuildMs: number;
  readonly buildMs: { readonly min: number; readonly median: number; readonly max: number };
}

const TYPES: readonly EvidenceType[] = ['check.started', 'check.answered', 'check.answered', 'action.created', 'feedback.recorded', 'requirement.changed', 'requirement.reviewed', 'digest.sent'];

/** A plausible historical entry: the mix of kinds a workspace records over the years. */
function draftFor(seq: number, entries: number): EvidenceDraft {
  const type = TYPES[seq % TYPES.length] ?? 'check.answered';
  return {
    workspaceId: WORKSPACE,
    type,
    at: new Date(HISTORY_END - (entries - seq) * SPACING_MS).toISOString(),
    actorId: `U${(seq % 250).toString().padStart(6, '0')}`,
    subject: { kind: type.split('.')[0] ?? 'check', id: `old-${Math.floor(seq / 4)}` },
    data: { impact: seq % 4 === 0 ? 'negative' : 'positive', requirementIds: ['REQ-12'], status: 'open' },
    personal: { actorName: `Person ${seq % 250}`, explanation: `Customers on the annual plan see the change at renewal, not before (entry ${seq}).` },
  };
}

/** Writes entries `1..entries` and their time-index rows as the evidence log would, in big transactions. */
async function seedHistory(raw: KeyvSqlite, entries: number): Promise<void> {
  const tables = sqlTables(NAMESPACE);
  const index = keys.evidenceByTime(WORKSPACE);
  for (let from = 1; from <= entries; from += ROWS_PER_TRANSACTION) {
    const to = Math.min(entries, from + ROWS_PER_TRANSACTION - 1);
    await raw.query('BEGIN');
    for (let start = from; start <= to; start += ROWS_PER_INSERT) {
      const end = Math.min(to, start + ROWS_PER_INSERT - 1);
      const records: unknown[] = [];
      const members: unknown[] = [];
      for (let seq = start; seq <= end; seq++) {
        const entry = toEvidenceEntry(draftFor(seq, entries), seq);
        records.push(keys.evidence(WORKSPACE, seq), JSON.stringify({ value: entry }));
        members.push(index, String(seq), Date.parse(entry.at));
      }
      const rows = end - start + 1;
      await raw.query(`INSERT INTO ${tables.records} (key, value) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`, ...records);
      await raw.query(`INSERT INTO ${tables.sortedIndex} (idx, member, score) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`, ...members);
    }
    await raw.query('COMMIT');
  }
  // The log's counter stands at the last entry, so the week's entries continue the sequence.
  await raw.query(`INSERT INTO ${tables.counters} (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, keys.evidenceCounter(WORKSPACE), entries);
}

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

/**
 * A busy week through the real use cases: a register of 300 requirements (recorded in the months
 * before), then in the week 30 requirements added, 30 changed, 20 reviewed, 120 decision checks
 * (most answered; negative and unknown answers with follow-up actions; some dismissed) and 40
 * pieces of customer feedback.
 */
async function recordWeek(core: Core, setNow: (ms: number) => void): Promise<void> {
  const admin: Actor = { id: 'U0ADMIN', workspaceId: WORKSPACE, platformAdmin: true };
  ok(await core.changeSettings(admin, { timezone: TIME_ZONE, digest: 'mon 09:00' }));
  ok(await core.setRole(admin, '<@U0MGR|Mia>', 'manager'));
  const categories = ['product', 'price', 'delivery', 'communication', 'service', 'support'];
  const types = ['stated', 'implied', 'obligatory'];
  const requirement = (i: number) => ({ statement: `Requirement ${i}: orders confirmed within ${i % 48} hours`, customer: `Customer ${i % 40}`, type: types[i % 3], category: categories[i % 6], owner: `<@U${(i % 30).toString().padStart(6, '0')}|Owner ${i % 30}>`, review: `${30 + (i % 300)}d` });
  for (let i = 0; i < 300; i++) {
    setNow(Date.parse('2026-06-01T08:00:00Z') + i * 3_600_000);
    ok(await core.addRequirement(admin, requirement(i)));
  }
  const at = (i: number, of: number) => setNow(WEEK_START + Math.floor(((DIGEST_AT - WEEK_START - 60_000) * i) / of));
  for (let i = 0; i < 30; i++) {
    at(i, 30);
    ok(await core.addRequirement(admin, requirement(300 + i)));
    ok(await core.editRequirement(admin, `REQ-${i * 7 + 1}`, { category: categories[(i + 1) % 6] }));
  }
  for (let i = 0; i < 20; i++) {
    at(i, 20);
    ok(await core.reviewRequirement(admin, `REQ-${i * 11 + 3}`, i % 5 === 0 ? 'at_risk' : 'still_valid'));
  }
  for (let i = 0; i < 120; i++) {
    at(i, 120);
    const person: Actor = { id: `U${(i % 30).toString().padStart(6, '0')}`, workspaceId: WORKSPACE };
    const check = ok(await core.startCheck(person, { text: `Decision ${i}: we change the delivery terms for region ${i % 9}`, place: { platform: 'slack', channelId: `C${i % 6}`, permalink: `https://bench.slack.com/archives/C${i % 6}/p${i}` }, origin: i % 3 === 0 ? 'detected' : 'command' }));
    if (i % 10 === 9) continue; // unanswered
    if (i % 10 === 8) {
      ok(await core.dismissCheck(person, check.id));
      continue;
    }
    const impact = i % 7 === 0 ? 'negative' : i % 11 === 0 ? 'unknown' : 'positive';
    const followUp = impact === 'positive' ? {} : { followUp: { kind: 'action' as const, description: `Follow up decision ${i}`, owner: `<@${person.id}|Owner>`, dueOn: '2026-11-27' } };
    ok(await core.answerCheck(person, check.id, { impact, ...(impact === 'negative' ? { explanation: 'Some customers lose a delivery day' } : {}), ...followUp }));
  }
  for (let i = 0; i < 40; i++) {
    at(i, 40);
    ok(await core.recordFeedback(admin, { summary: `Feedback ${i}: delivery was ${i % 3 === 0 ? 'late' : 'fine'}`, fields: { customer: `Customer ${i % 40}`, sentiment: ['negative', 'neutral', 'positive'][i % 3] ?? 'neutral', kind: 'survey' } }));
  }
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

export async function measureDigestHistory(options: { entries: number; runs: number; keep?: boolean }): Promise<DigestHistoryResult> {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-digest-bench-'));
  const file = join(directory, 'history.sqlite');
  const url = `sqlite://${file}`;
  try {
    // The bot creates the tables; the seeding bypasses it only to be fast.
    await (await openBackend(url, { namespace: NAMESPACE })).close();
    const raw = new KeyvSqlite({ uri: url, table: sqlTables(NAMESPACE).records, busyTimeout: 10_000 });
    const seeded = await timed(() => seedHistory(raw, options.entries));
    await raw.disconnect();

    const backend = await openBackend(url, { namespace: NAMESPACE });
    let now = WEEK_START;
    let ids = 0;
    const core = createCore({
      clock: { now: () => new Date(now) },
      ids: { newId: () => `bench-${++ids}` },
      ...createRepositories(backend),
      adminUsers: new Set(),
      defaultTimeZone: TIME_ZONE,
      detect: detectDecision,
      defaultDigestCron: '0 9 * * 1',
      messengers: new MessengerRegistry(),
    });
    try {
      await core.ensureWorkspace({ id: WORKSPACE, platform: 'slack', name: 'Bench' });
      const week = await timed(() => recordWeek(core, (ms) => void (now = ms)));
      now = DIGEST_AT;
      const manager: Actor = { id: 'U0MGR', workspaceId: WORKSPACE };
      const weekEntries = (await core.deps.evidence.listBetween(WORKSPACE, { from: new Date(WEEK_START), to: new Date(DIGEST_AT) })).length;
      // Close and reopen, so the first build meets the store as a freshly started bot would.
      await backend.close();
      const reopened = await openBackend(url, { namespace: NAMESPACE });
      const fresh = createCore({ ...core.deps, ...createRepositories(reopened) });
      try {
        const build = async () => {
          const message = ok(await fresh.previewDigest(manager));
          if (!message.fallback.includes('2026-11-16 to 2026-11-23')) throw new Error(`unexpected digest: ${message.fallback}`);
        };
        const first = await timed(build);
        const times: number[] = [];
        for (let run = 0; run < options.runs; run++) times.push((await timed(build)).ms);
        times.sort((a, b) => a - b);
        return {
          historyEntries: options.entries,
          weekEntries,
          registerSize: (await fresh.deps.requirements.list(WORKSPACE)).length,
          fileMb: Math.round(statSync(file).size / 1e6),
          seedMs: Math.round(seeded.ms),
          weekMs: Math.round(week.ms),
          firstBuildMs: Math.round(first.ms),
          buildMs: { min: Math.round(times[0] ?? 0), median: Math.round(times[Math.floor(times.length / 2)] ?? 0), max: Math.round(times.at(-1) ?? 0) },
        };
      } finally {
        await reopened.close();
      }
    } finally {
      await backend.close();
    }
  } finally {
    if (!options.keep) rmSync(directory, { recursive: true, force: true });
    else console.error(`kept ${file}`);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  const { values } = parseArgs({ options: { entries: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
  const entries = Number(values.entries ?? 1_000_000);
  const runs = Number(values.runs ?? 10);
  const machine = describeMachine();
  const result = await measureDigestHistory({ entries, runs, keep: values.keep === true });
  const total = (result.historyEntries + result.weekEntries).toLocaleString('en-US');
  console.log(`One week's digest with ${total} evidence entries in SQLite (${result.fileMb} MB), ${machineLine(machine)}:\n`);
  console.log('| step | time |');
  console.log('|---|---:|');
  console.log(`| seed ${result.historyEntries.toLocaleString('en-US')} historical entries (bulk SQL) | ${(result.seedMs / 1000).toFixed(1)} s |`);
  console.log(`| record the week through the use cases (${result.weekEntries} entries, register of ${result.registerSize}) | ${(result.weekMs / 1000).toFixed(1)} s |`);
  console.log(`| build the week's digest, first time after opening the store | ${result.firstBuildMs} ms |`);
  console.log(`| build the week's digest, ${runs} more times (min / median / max) | ${result.buildMs.min} / ${result.buildMs.median} / ${result.buildMs.max} ms |`);
  mkdirSync(BENCH_RESULTS, { recursive: true });
  const out = join(BENCH_RESULTS, `digest-history-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}
