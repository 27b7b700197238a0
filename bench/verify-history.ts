/**
 * Evidence-log verification against history size: seeds a SQLite store with 1,000,000 evidence
 * entries (bulk SQL, in the exact layout the bot writes), seals them as the hourly job would, then
 * times the full verify (every entry, every seal recomputed) and the default quick verify (seal
 * chain plus the entries after the last seal), with a day's worth of unsealed entries on top.
 *
 *   npx tsx bench/verify-history.ts [--entries 1000000] [--unsealed 1000] [--keep]
 *
 * Prints a Markdown table and writes bench/results/verify-history-<time>.json. The store lives in
 * a temporary directory, removed at the end unless --keep.
 */
import { KeyvSqlite } from '@keyv/sqlite';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../src/adapters/storage/open-backend.js';
import { createRepositories } from '../src/adapters/storage/repositories/index.js';
import { keys } from '../src/adapters/storage/repositories/keys.js';
import { sealWorkspace } from '../src/core/audit/seal-workspace.js';
import { verifyLog } from '../src/core/audit/verify-log.js';
import { verdictSentence } from '../src/core/audit/verify-view.js';
import { type EvidenceDraft, toEvidenceEntry } from '../src/core/domain/evidence.js';
import type { Clock } from '../src/core/ports.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { BENCH_RESULTS } from './lib/paths.js';

const WORKSPACE = 'slack:TBENCH';
const NAMESPACE = 'bench';
const START = Date.parse('2021-01-04T00:00:00Z');
const SPACING_MS = 150_000; // an entry every 2.5 minutes: 1,000,000 entries span about 4.75 years
/** Rows per INSERT: 2 parameters each, well under SQLite's 32,766 parameters per statement. */
const ROWS_PER_INSERT = 500;

export interface VerifyHistoryResult {
  readonly entries: number;
  readonly unsealed: number;
  readonly seals: number;
  readonly fileMb: number;
  readonly seedMs: number;
  readonly sealMs: number;
  readonly fullVerifyMs: number;
  readonly quickVerifyMs: number;
  readonly verdictFull: string;
  readonly verdictQuick: string;
}

/** A realistic entry: an answer to a decision check with an explanation and the actor's name. */
function draftFor(seq: number): EvidenceDraft {
  return {
    workspaceId: WORKSPACE,
    type: 'check.answered',
    at: new Date(START + seq * SPACING_MS).toISOString(),
    actorId: `U${(seq % 250).toString().padStart(6, '0')}`,
    subject: { kind: 'check', id: `check-${Math.floor(seq / 3)}` },
    data: { answerId: `answer-${seq}`, impact: seq % 4 === 0 ? 'negative' : 'positive', requirementIds: ['REQ-12'], supersedes: null, actionId: null },
    personal: { actorName: `Person ${seq % 250}`, explanation: `Customers on the annual plan see the change at renewal, not before (entry ${seq}).` },
  };
}

/** Writes entries `from..to` as the bot stores them (keyv's `{"value":…}` envelope), one transaction. */
async function seed(raw: KeyvSqlite, from: number, to: number): Promise<void> {
  const table = `${NAMESPACE}_records`;
  await raw.query('BEGIN');
  for (let start = from; start <= to; start += ROWS_PER_INSERT) {
    const params: string[] = [];
    const end = Math.min(to, start + ROWS_PER_INSERT - 1);
    for (let seq = start; seq <= end; seq++) params.push(keys.evidence(WORKSPACE, seq), JSON.stringify({ value: toEvidenceEntry(draftFor(seq), seq) }));
    await raw.query(`INSERT INTO ${table} (key, value) VALUES ${Array.from({ length: end - start + 1 }, () => '(?, ?)').join(', ')}`, ...params);
  }
  await raw.query(`INSERT INTO ${NAMESPACE}_counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, keys.evidenceCounter(WORKSPACE), to);
  await raw.query('COMMIT');
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
};

export async function measureVerifyHistory(options: { entries: number; unsealed: number; keep?: boolean }): Promise<VerifyHistoryResult> {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-verify-bench-'));
  const file = join(directory, 'history.sqlite');
  const url = `sqlite://${file}`;
  try {
    // The bot creates the tables; the seeding bypasses it only to be fast.
    await (await openBackend(url, { namespace: NAMESPACE })).close();
    const raw = new KeyvSqlite({ uri: url, table: `${NAMESPACE}_records`, busyTimeout: 10_000 });
    const seeded = await timed(async () => {
      await seed(raw, 1, options.entries);
    });

    const backend = await openBackend(url, { namespace: NAMESPACE });
    // The clock stands just after the last entry, as the hourly job's would.
    let now = new Date(START + (options.entries + 1) * SPACING_MS);
    const clock: Clock = { now: () => now };
    let n = 0;
    const deps = { ...createRepositories(backend), clock, ids: { newId: () => `bench-${++n}` } };
    try {
      const sealed = await timed(() => sealWorkspace(deps, WORKSPACE));
      // A day of entries after the last seal, as between two hourly seals on a busy workspace.
      await seed(raw, options.entries + 1, options.entries + options.unsealed);
      now = new Date(START + (options.entries + options.unsealed + 1) * SPACING_MS);
      const full = await timed(() => verifyLog(deps, WORKSPACE, { full: true }));
      const quick = await timed(() => verifyLog(deps, WORKSPACE));
      if (full.value.failure || quick.value.failure) throw new Error(`the seeded log does not verify: ${verdictSentence(full.value)}`);
      return {
        entries: options.entries,
        unsealed: options.unsealed,
        seals: sealed.value.sealed.length,
        fileMb: Math.round(statSync(file).size / 1e6),
        seedMs: seeded.ms,
        sealMs: sealed.ms,
        fullVerifyMs: full.ms,
        quickVerifyMs: quick.ms,
        verdictFull: verdictSentence(full.value),
        verdictQuick: verdictSentence(quick.value),
      };
    } finally {
      await raw.disconnect();
      await backend.close();
    }
  } finally {
    if (!options.keep) rmSync(directory, { recursive: true, force: true });
    else console.error(`kept ${file}`);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  const { values } = parseArgs({ options: { entries: { type: 'string' }, unsealed: { type: 'string' }, keep: { type: 'boolean' } } });
  const entries = Number(values.entries ?? 1_000_000);
  const unsealed = Number(values.unsealed ?? 1000);
  const machine = describeMachine();
  const result = await measureVerifyHistory({ entries, unsealed, keep: values.keep === true });
  const perSecond = (count: number, ms: number) => Math.round((count / Math.max(ms, 1)) * 1000).toLocaleString('en-US');
  const total = entries + unsealed;
  console.log(`Evidence log of ${total.toLocaleString('en-US')} entries in SQLite (${result.fileMb} MB), ${machineLine(machine)}:\n`);
  console.log('| step | time | entries/s |');
  console.log('|---|---:|---:|');
  console.log(`| seed ${entries.toLocaleString('en-US')} entries (bulk SQL) | ${(result.seedMs / 1000).toFixed(1)} s | ${perSecond(entries, result.seedMs)} |`);
  console.log(`| first seal of the whole history (${result.seals} seals) | ${(result.sealMs / 1000).toFixed(1)} s | ${perSecond(entries, result.sealMs)} |`);
  console.log(`| full verify (every entry, every seal recomputed) | ${(result.fullVerifyMs / 1000).toFixed(1)} s | ${perSecond(total, result.fullVerifyMs)} |`);
  console.log(`| default verify (seal chain + ${unsealed.toLocaleString('en-US')} unsealed entries) | ${result.quickVerifyMs} ms | |`);
  console.log(`\nFull: ${result.verdictFull}\nDefault: ${result.verdictQuick}`);
  mkdirSync(BENCH_RESULTS, { recursive: true });
  const out = join(BENCH_RESULTS, `verify-history-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}
