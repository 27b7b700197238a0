/**
 * Fills an empty store with a history of `entries` evidence entries, fast, then proves it real.
 *
 * 1. The bot opens the store (creating its tables) and registers the workspace, dated at the
 *    start of the history.
 * 2. The history goes in in bulk, in exactly the rows and keys the bot writes (bench/lib/seed/*-sink.ts):
 *    the register, three years of checks, answers, actions and feedback, the evidence entries
 *    with their time index, counters and hourly seals.
 * 3. The measured week is recorded through the real use cases on top, and the bot's own sealer
 *    seals it, as it would before building the digest.
 * 4. The bot's own verification must pass (quick here; the full one is among the measurements).
 */
import { openBackend } from '../../../src/adapters/storage/open-backend.js';
import { sealWorkspace } from '../../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../../src/core/audit/verify-log.js';
import { verdictSentence } from '../../../src/core/audit/verify-view.js';
import { benchCore } from './bench-core.js';
import { seedEvidence } from './evidence.js';
import { DEFAULT_REQUIREMENTS, DIGEST_AT, HISTORY_START, WEEK_START, WORKSPACE, historyPlan } from './plan.js';
import { postgresBatchWriter } from './postgres-sink.js';
import { seedChecks, seedFeedback, seedRequirements } from './records.js';
import { redisBatchWriter } from './redis-sink.js';
import type { ScratchStore } from './scratch-stores.js';
import { type BatchWriter, BulkSink } from './sink.js';
import { sqliteBatchWriter } from './sqlite-sink.js';
import { recordWeek } from './week.js';

export interface SeedSummary {
  readonly entries: number;
  readonly requirements: number;
  /** Rows (SQL) or keys and members (Redis) written in bulk. */
  readonly bulkRows: number;
  readonly seals: number;
  readonly bulkSeconds: number;
  readonly weekSeconds: number;
  /** Entries the week added (through the use cases). */
  readonly weekEntries: number;
  readonly verdict: string;
}

async function batchWriter(store: ScratchStore): Promise<BatchWriter> {
  if (store.kind === 'sqlite') return sqliteBatchWriter(store.url, store.namespace);
  if (store.kind === 'postgres') return postgresBatchWriter(store.url, store.namespace);
  return redisBatchWriter(store.url, store.namespace);
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

export async function seedStore(
  store: ScratchStore,
  options: { entries: number; requirements?: number; log?: (line: string) => void },
): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const plan = historyPlan(options.entries, options.requirements ?? DEFAULT_REQUIREMENTS);
  const backend = await openBackend(store.url, { namespace: store.namespace });
  try {
    const bench = benchCore(backend, HISTORY_START);
    await bench.core.ensureWorkspace({ id: WORKSPACE, platform: 'slack', name: 'Bench Ltd' });

    const bulkStarted = performance.now();
    const sink = new BulkSink(await batchWriter(store));
    let seals = 0;
    try {
      log(
        `${store.kind}: seeding ${plan.requirements.toLocaleString('en-US')} requirements, ${(plan.olderChecks + plan.recentChecks).toLocaleString('en-US')} checks, ${(plan.olderFeedback + plan.recentFeedback).toLocaleString('en-US')} pieces of feedback`,
      );
      await seedRequirements(sink, plan.requirements);
      await seedChecks(sink, plan);
      await seedFeedback(sink, plan);
      log(`${store.kind}: seeding ${plan.entries.toLocaleString('en-US')} evidence entries and their seals`);
      seals = await seedEvidence(sink, plan);
    } finally {
      await sink.close();
    }
    const bulkSeconds = seconds(bulkStarted);

    log(`${store.kind}: recording the measured week through the use cases`);
    const weekStarted = performance.now();
    await recordWeek(bench, plan.requirements);
    bench.setNow(DIGEST_AT);
    const sealed = await sealWorkspace(bench.core.deps, WORKSPACE);
    const weekSeconds = seconds(weekStarted);

    const report = await verifyLog(bench.core.deps, WORKSPACE);
    if (report.failure || sealed.sealed.length === 0)
      throw new Error(`the seeded ${store.kind} store does not verify: ${verdictSentence(report, 'UTC')}`);
    const weekEntries = (await bench.core.deps.evidence.listBetween(WORKSPACE, { from: new Date(WEEK_START), to: new Date(DIGEST_AT) }))
      .length;
    return {
      entries: plan.entries,
      requirements: plan.requirements,
      bulkRows: sink.rows,
      seals: seals + sealed.sealed.length,
      bulkSeconds,
      weekSeconds,
      weekEntries,
      verdict: verdictSentence(report, 'UTC'),
    };
  } finally {
    await backend.close();
  }
}
