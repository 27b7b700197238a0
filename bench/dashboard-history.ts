/**
 * The dashboard's pages on a large workspace, through the real web adapter on the bot's HTTP
 * server, as a browser holding a signed auditor link asks for them: the overview (every figure,
 * the charts' data and the log's verification) and the first page of each table. The store is
 * seeded by the shared bulk seeder (bench/lib/seed): 10,000 requirements, `--entries` evidence
 * entries over three years with hourly seals, three years of checks and feedback, and a week
 * recorded through the use cases. `npm run bench -- --suites history` measures the overview's
 * figures against history size on every backend; this script adds the pages and their HTML.
 *
 *   npx tsx bench/dashboard-history.ts [--backend sqlite|postgres|redis] [--entries 1000000] [--runs 5]
 *
 * Prints a Markdown table and writes bench/results/dashboard-history-<time>.json. The store is a
 * scratch store of its own (bench/lib/seed/scratch-stores.ts), removed at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHttpServer } from '../src/adapters/http/server.js';
import { createLogger } from '../src/adapters/logging/logger.js';
import { openBackend } from '../src/adapters/storage/open-backend.js';
import { mountWeb } from '../src/adapters/web/web-adapter.js';
import { dashboardPath } from '../src/core/dashboard/dashboard-link.js';
import { createCore } from '../src/core/index.js';
import { createLinkSigner } from '../src/core/links/signed-links.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { BENCH_RESULTS } from './lib/paths.js';
import { benchCore } from './lib/seed/bench-core.js';
import { DIGEST_AT, WORKSPACE } from './lib/seed/plan.js';
import { createScratchStore, type StoreKind, storeUnavailable } from './lib/seed/scratch-stores.js';
import { type SeedSummary, seedStore } from './lib/seed/seed-store.js';
import { median } from './lib/stats.js';

const PAGES = ['overview', 'requirements', 'checks', 'actions', 'feedback', 'evidence'] as const;

type PageFigures = { cold: number; median: number; max: number; bytes: number };

export interface DashboardHistoryResult {
  readonly backend: StoreKind;
  readonly seeded: SeedSummary;
  /** Per page: the first (cold) request and the median and slowest of the warm ones, in ms. */
  readonly pages: Readonly<Record<(typeof PAGES)[number], PageFigures>>;
}

async function timedFetch(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - started, bytes: body.length };
}

export async function measureDashboardHistory(options: {
  backend: StoreKind;
  entries: number;
  runs: number;
  log?: (line: string) => void;
}): Promise<DashboardHistoryResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const missing = storeUnavailable(options.backend);
  if (missing) throw new Error(`cannot measure on ${options.backend}: ${missing}`);
  const store = await createScratchStore(options.backend);
  try {
    const seeded = await seedStore(store, { entries: options.entries, log });
    // The measured bot: a fresh connection, the real core and web adapter on the real HTTP server.
    const backend = await openBackend(store.url, { namespace: store.namespace });
    const { core: plain } = benchCore(backend, DIGEST_AT);
    let base = '';
    const signer = createLinkSigner(plain.deps, 'bench-link-secret-0123456789abcdef-0123');
    const core = createCore({
      ...plain.deps,
      links: {
        signer,
        get baseUrl() {
          return base;
        },
        urlFor: (path) => `${base}${path}`,
      },
    });
    const logger = createLogger('silent');
    const server = createHttpServer({ logger, port: 0, host: '127.0.0.1', health: async () => ({ ok: true }) });
    mountWeb({ core, server, playground: false, logger });
    const { port } = await server.listen();
    base = `http://127.0.0.1:${port}`;
    try {
      const { token } = await signer.issue({ workspaceId: WORKSPACE, purpose: 'dashboard', role: 'auditor', issuedTo: 'U_AUDITOR' });
      const pages = {} as Record<(typeof PAGES)[number], PageFigures>;
      for (const page of PAGES) {
        const url = `${base}${dashboardPath(WORKSPACE, token)}${page === 'overview' ? '' : `&view=${page}`}`;
        const samples: { ms: number; bytes: number }[] = [];
        for (let run = 0; run <= options.runs; run++) samples.push(await timedFetch(url));
        const [cold, ...warm] = samples.map((sample) => sample.ms);
        pages[page] = {
          cold: Math.round(cold ?? 0),
          median: Math.round(median(warm)),
          max: Math.round(Math.max(...warm)),
          bytes: samples.at(-1)?.bytes ?? 0,
        };
        log(`${page}: cold ${pages[page].cold} ms, warm median ${pages[page].median} ms`);
      }
      return { backend: options.backend, seeded, pages };
    } finally {
      await server.close();
      await backend.close();
    }
  } finally {
    await store.dispose();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  const { values } = parseArgs({ options: { backend: { type: 'string' }, entries: { type: 'string' }, runs: { type: 'string' } } });
  const machine = describeMachine();
  const result = await measureDashboardHistory({
    backend: (values.backend ?? 'sqlite') as StoreKind,
    entries: Number(values.entries ?? 1_000_000),
    runs: Number(values.runs ?? 5),
  });
  const count = (value: number) => value.toLocaleString('en-US');
  const { seeded } = result;
  console.log(
    `\nDashboard server time on ${result.backend}: ${count(seeded.requirements)} requirements, ${count(seeded.entries + seeded.weekEntries)} evidence entries under ${count(seeded.seals)} seals; ${machineLine(machine)}.\n`,
  );
  console.log('| page (auditor link) | first request | warm median | warm slowest | HTML |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [page, figures] of Object.entries(result.pages)) {
    console.log(`| ${page} | ${figures.cold} ms | ${figures.median} ms | ${figures.max} ms | ${Math.round(figures.bytes / 1024)} KB |`);
  }
  const total = Object.values(result.pages).reduce((sum, page) => sum + page.median, 0);
  console.log(`| all six together (warm medians) | | ${total} ms | | |`);
  console.log(`\nSeeding took ${seeded.bulkSeconds} s in bulk and ${seeded.weekSeconds} s for the week. ${seeded.verdict}`);
  mkdirSync(BENCH_RESULTS, { recursive: true });
  const out = join(BENCH_RESULTS, `dashboard-history-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ machine, result }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}
