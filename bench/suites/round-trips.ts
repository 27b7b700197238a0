/**
 * Store round trips per interaction (issue 17 asks the bench to print them): `/requirement add`, a
 * Positive click, an answer form with a follow-up, and channel messages (a decision, whose prompt
 * is posted, and chatter), each run in a loop through the real core
 * over a counting wrapper around the real backend (test/support/measure-interactions.ts), on
 * SQLite, Redis (a private redis-server, or a namespace on REDIS_URL) and PostgreSQL (a database of
 * its own on DATABASE_URL's server), as bench/lib/seed/scratch-stores.ts provides them.
 */
import { type InteractionCost, measureInteractions } from '../../test/support/measure-interactions.js';
import type { SuiteResult, Table } from '../lib/results.js';
import { createScratchStore, type StoreKind, storeUnavailable } from '../lib/seed/scratch-stores.js';
import { round } from '../lib/stats.js';
import type { Suite, SuiteContext } from './suite.js';

const STORES: readonly { kind: StoreKind; label: string }[] = [
  { kind: 'sqlite', label: 'SQLite' },
  { kind: 'redis', label: 'Redis' },
  { kind: 'postgres', label: 'PostgreSQL' },
];

export const roundTrips: Suite = {
  id: 'round-trips',
  title: 'Store round trips per interaction',
  unavailable: () => undefined,
  async run(context: SuiteContext): Promise<SuiteResult> {
    const iterations = context.quick ? 50 : 300;
    const measured: { store: string; costs: InteractionCost[] }[] = [];
    const skipped: string[] = [];
    for (const { kind, label } of STORES) {
      const missing = storeUnavailable(kind);
      if (missing) {
        skipped.push(`${label} not measured: ${missing}.`);
        continue;
      }
      const store = await createScratchStore(kind);
      try {
        context.log(`round-trips: ${label} (${store.where}), ${iterations} of each interaction`);
        measured.push({ store: label, costs: await measureInteractions(store.url, iterations) });
      } finally {
        await store.dispose();
      }
    }
    const table: Table = {
      title: `Store round trips per interaction (averages over ${iterations} of each)`,
      columns: ['store', 'interaction', 'store calls', 'of which commits', 'CPU ms (in process)', 'wall ms (one at a time)'],
      rows: measured.flatMap(({ store, costs }) =>
        costs.map((cost) => [
          store,
          cost.interaction,
          round(cost.storeCalls, 1),
          round(cost.commits, 1),
          round(cost.cpuMs, 2),
          round(cost.wallMs, 2),
        ]),
      ),
      notes: [
        'Each interaction runs through the real core (the use case, its unit of work, the evidence entry) on the real store, one after another in this process; the counting wrapper counts every call of a store primitive (get, put, index, counter, claim, commit) as one round trip. No HTTP and no platform: the CPU column is the core and store client only.',
        'Answer form: a Negative answer with an explanation and a follow-up action (owner and due date).',
        ...skipped,
      ],
    };
    return { suite: roundTrips.id, title: roundTrips.title, status: 'measured', tables: [table], data: { iterations, measured } };
  },
};
