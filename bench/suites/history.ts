/**
 * Cost against history size: listing the register, building a week's digest, the dashboard
 * overview's figures and verifying the evidence log (quick and full), on a store holding a small
 * and a large history (10,000 and 1,000,000 evidence entries; --quick: 10,000 and 100,000), on
 * SQLite always, PostgreSQL when DATABASE_URL is set (a database of its own, dropped after) and
 * Redis when redis-server is installed (a private instance) or REDIS_URL is set (a namespace of
 * its own, purged after). The target: flat in history size for a fixed window.
 *
 * Each store is seeded in bulk by bench/lib/seed (the exact rows and keys the bot writes, then a
 * measured week through the real use cases, then the bot's own sealer and verify). Each operation
 * is measured in a fresh process of its own (bench/lib/history/probe.ts), so its peak memory is
 * its own: one first run, then the median of the warm runs.
 */
import { startHelper } from '../lib/children.js';
import { OPERATIONS, OPERATION_IDS, type Operation } from '../lib/history/operations.js';
import type { ProbeResult } from '../lib/history/probe.js';
import type { SuiteResult, Table } from '../lib/results.js';
import { createScratchStore, type StoreKind, storeUnavailable } from '../lib/seed/scratch-stores.js';
import { type SeedSummary, seedStore } from '../lib/seed/seed-store.js';
import { median, ratio, round } from '../lib/stats.js';
import type { Suite, SuiteContext } from './suite.js';

const BACKENDS: readonly { kind: StoreKind; label: string }[] = [
  { kind: 'sqlite', label: 'SQLite' },
  { kind: 'postgres', label: 'PostgreSQL' },
  { kind: 'redis', label: 'Redis' },
];

interface Measurement {
  readonly backend: StoreKind;
  readonly entries: number;
  readonly operation: Operation;
  readonly runs: number;
  readonly result: ProbeResult;
}

interface Seeded {
  readonly backend: StoreKind;
  readonly where: string;
  readonly summary: SeedSummary;
}

const label = (kind: StoreKind) => BACKENDS.find((backend) => backend.kind === kind)?.label ?? kind;
const count = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
const ms = (value: number) => round(value, value < 10 ? 2 : value < 100 ? 1 : 0);
const megabytes = (value: number) => round(value, 1);

export const history: Suite = {
  id: 'history',
  title: 'Cost against history size',
  unavailable: () => undefined,
  async run(context: SuiteContext): Promise<SuiteResult> {
    const sizes = context.quick ? [10_000, 100_000] : [10_000, 1_000_000];
    const runsFor = (operation: Operation) => (operation === 'verify.full' ? (context.quick ? 2 : 3) : context.quick ? 3 : 5);
    const seeded: Seeded[] = [];
    const measurements: Measurement[] = [];
    const skipped: string[] = [];
    for (const { kind } of BACKENDS) {
      const missing = storeUnavailable(kind);
      if (missing) {
        skipped.push(`${label(kind)} not measured: ${missing}.`);
        continue;
      }
      for (const entries of sizes) {
        const store = await createScratchStore(kind);
        try {
          context.log(`history: ${label(kind)}, ${count(entries)} entries, in ${store.where}`);
          const summary = await seedStore(store, { entries, log: (line) => context.log(`history: ${line}`) });
          context.log(`history: seeded in ${summary.bulkSeconds} s (bulk) + ${summary.weekSeconds} s (week); ${summary.verdict}`);
          seeded.push({ backend: kind, where: store.where, summary });
          for (const operation of OPERATION_IDS) {
            const runs = runsFor(operation);
            const result = await measureInChild(store.url, store.namespace, operation, runs);
            context.log(
              `history: ${label(kind)} ${count(entries)} ${operation}: median ${ms(median(result.warmMs))} ms, peak RSS +${megabytes(result.peakRssGrowthMb)} MB (${result.detail})`,
            );
            measurements.push({ backend: kind, entries, operation, runs, result });
          }
        } finally {
          await store.dispose();
        }
      }
    }
    return report(seeded, measurements, sizes, skipped);
  },
};

async function measureInChild(url: string, namespace: string, operation: Operation, runs: number): Promise<ProbeResult> {
  const { helper } = await startHelper<{ pid: number }>('bench/lib/history/probe.ts', { BENCH_STORE_URL: url, BENCH_NAMESPACE: namespace });
  try {
    const result = await helper.ask<ProbeResult>('measure', { operation, runs });
    await helper.ask('close');
    return result;
  } finally {
    await helper.stop();
  }
}

function report(
  seeded: readonly Seeded[],
  measurements: readonly Measurement[],
  sizes: readonly number[],
  skipped: readonly string[],
): SuiteResult {
  const [small = 0, large = 0] = sizes;
  const find = (backend: StoreKind, entries: number, operation: Operation) =>
    measurements.find((m) => m.backend === backend && m.entries === entries && m.operation === operation)?.result;
  const backends = BACKENDS.filter(({ kind }) => seeded.some((s) => s.backend === kind));

  const seeding: Table = {
    title: 'History seeded per store (bulk, then the measured week through the use cases)',
    columns: [
      'backend',
      'history entries',
      'rows / keys written in bulk',
      'bulk seed (s)',
      'rows per second',
      'week through use cases (s)',
      'week entries',
      'seals',
      'verify after seeding',
    ],
    rows: seeded.map(({ backend, summary }) => [
      label(backend),
      summary.entries,
      summary.bulkRows,
      summary.bulkSeconds,
      Math.round(summary.bulkRows / Math.max(summary.bulkSeconds, 0.1)),
      summary.weekSeconds,
      summary.weekEntries,
      summary.seals,
      'passed',
    ]),
    notes: [
      `Every store: ${seeded[0]?.summary.requirements.toLocaleString('en-US') ?? '10,000'} requirements; three years of history before the measured week, the last 13 weeks of it (the dashboard's 12-week trend) the same at every size; one seal per hour with entries, as the hourly sealer makes them; the week's entries sealed by the bot's own sealer.`,
      ...skipped,
    ],
  };

  const detail: Table = {
    title: `Operations against history size (ms; memory in MB over the open store's baseline, each operation in a fresh process)`,
    columns: ['operation', 'backend', 'history', 'runs', 'median', 'min–max', 'first run', 'peak RSS growth', 'peak heap growth', 'result'],
    rows: OPERATION_IDS.flatMap((operation) =>
      backends.flatMap(({ kind }) =>
        sizes.flatMap((entries) => {
          const m = measurements.find((x) => x.backend === kind && x.entries === entries && x.operation === operation);
          if (!m) return [];
          const { result } = m;
          return [
            [
              operation,
              label(kind),
              count(entries),
              m.runs,
              ms(median(result.warmMs)),
              `${ms(Math.min(...result.warmMs))}–${ms(Math.max(...result.warmMs))}`,
              ms(result.firstMs),
              megabytes(result.peakRssGrowthMb),
              megabytes(result.peakHeapGrowthMb),
              result.detail,
            ],
          ];
        }),
      ),
    ),
    notes: OPERATION_IDS.map((operation) => `\`${operation}\`: ${OPERATIONS[operation]}.`),
  };

  const flatness: Table = {
    title: `Flatness: ${count(large)} against ${count(small)} history entries (1.0 is flat)`,
    columns: [
      'operation',
      'backend',
      `median ${count(small)} (ms)`,
      `median ${count(large)} (ms)`,
      'time ratio',
      `peak RSS growth ${count(small)} (MB)`,
      `peak RSS growth ${count(large)} (MB)`,
      'RSS ratio',
    ],
    rows: OPERATION_IDS.flatMap((operation) =>
      backends.flatMap(({ kind }) => {
        const a = find(kind, small, operation);
        const b = find(kind, large, operation);
        if (!a || !b) return [];
        const [ta, tb] = [median(a.warmMs), median(b.warmMs)];
        return [
          [
            operation,
            label(kind),
            ms(ta),
            ms(tb),
            round(ratio(tb, ta), 2),
            megabytes(a.peakRssGrowthMb),
            megabytes(b.peakRssGrowthMb),
            round(ratio(b.peakRssGrowthMb, a.peakRssGrowthMb), 2),
          ],
        ];
      }),
    ),
    notes: [
      'The fixed-window operations (list, digest, dashboard figures) should stay near 1.0; the full verify reads every entry by design and grows with the history.',
      'The quick verify reads the whole seal chain (one seal per hour that had entries), so it grows with the span of active hours in the history; the dashboard overview runs it beside the figures.',
      'Memory ratios of a few MB are noisy (allocator and garbage-collector timing); read them together with the absolute figures.',
    ],
  };
  return {
    suite: history.id,
    title: history.title,
    status: 'measured',
    tables: [seeding, detail, flatness],
    data: { sizes, seeded, measurements },
  };
}
