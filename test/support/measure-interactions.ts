/**
 * Store round trips and CPU per interaction, on each store: `/requirement add`, a Positive click,
 * an answer form with a follow-up action and channel messages (a decision and chatter), each run
 * in a loop through the real core over a counting wrapper around the real backend. A measurement, not a test; `npm run bench` prints it
 * (bench/suites/round-trips.ts), and so does this file on its own:
 *
 *   REDIS_URL=… DATABASE_URL=… npx tsx test/support/measure-interactions.ts [iterations]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { MessengerRegistry } from '../../src/app/messenger-registry.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import { createCore, type Surface } from '../../src/core/index.js';
import type { CoreDeps } from '../../src/core/ports.js';
import { countingBackend } from './counting-backend.js';
import { SequentialIds, TestClock } from './test-core.js';

export const INTERACTIONS = ['/requirement add', 'Positive click', 'answer form', 'decision message', 'chatter message'] as const;
export type InteractionName = (typeof INTERACTIONS)[number];

/** Averages over the iterations of one interaction. */
export interface InteractionCost {
  readonly interaction: InteractionName;
  readonly storeCalls: number;
  readonly commits: number;
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Runs each interaction `iterations` times on the store at `url`, in a namespace of its own (purged after). */
export async function measureInteractions(url: string, iterations: number): Promise<InteractionCost[]> {
  const namespace = `m${Math.random().toString(36).slice(2, 10)}`;
  const inner = await openBackend(url, { namespace });
  try {
    const { backend, counts, reset } = countingBackend(inner);
    const deps: CoreDeps = {
      clock: new TestClock(),
      ids: new SequentialIds(),
      ...createRepositories(backend),
      adminUsers: new Set(['U_ADMIN']),
      defaultTimeZone: 'Europe/Oslo',
      detect: detectDecision,
      defaultDigestCron: '0 9 * * 1',
      messengers: new MessengerRegistry(),
    };
    const core = createCore(deps);
    const workspaceId = 'slack:TM';
    await core.ensureWorkspace({ id: workspaceId, platform: 'slack', name: 'Measure' });
    const admin = { id: 'U_ADMIN', name: 'Admin', workspaceId };
    const place = { platform: 'slack' as const, channelId: 'C1' };
    const costs: InteractionCost[] = [];

    async function measure(
      interaction: InteractionName,
      prepare: (i: number) => Promise<unknown>,
      run: (i: number, prepared: unknown) => Promise<void>,
    ) {
      const prepared: unknown[] = [];
      for (let i = 0; i < iterations; i++) prepared.push(await prepare(i));
      reset();
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < iterations; i++) await run(i, prepared[i]);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      costs.push({
        interaction,
        storeCalls: counts.calls / iterations,
        commits: counts.commits / iterations,
        cpuMs: (used.user + used.system) / 1000 / iterations,
        wallMs: wall / iterations,
      });
    }

    await measure(
      '/requirement add',
      async () => undefined,
      async (i) => {
        const result = await core.runCommand(admin, `requirement add "Deliver order ${i} within 48 hours" customer:Acme`);
        if (!result.ok) throw new Error(result.error.message);
      },
    );
    const startCheck = async (i: number) => {
      const check = await core.startCheck(admin, { text: `We decided to change supplier ${i}`, place, origin: 'command' });
      if (!check.ok) throw new Error(check.error.message);
      return check.value.id;
    };
    await measure('Positive click', startCheck, async (i, checkId) => {
      const result = await core.answerCheck({ ...admin, id: `U${i}` }, String(checkId), { impact: 'positive' });
      if (!result.ok) throw new Error(result.error.message);
    });
    await measure('answer form', startCheck, async (i, checkId) => {
      const outcome = await core.submitForm(
        admin,
        { kind: 'check.answer', context: { checkId: String(checkId) } },
        { impact: 'negative', explanation: 'Longer delivery times', action: 'Tell the customers', owner: 'U_ADMIN', due: '2026-12-31' },
      );
      if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome));
    });
    // Channel messages through the whole pipeline: a decision gets its prompt posted (a surface
    // that answers at once stands in for the platform), chatter is read and left alone.
    const surface = postingSurface();
    const seen = (i: number, text: string) => ({
      kind: 'message' as const,
      seen: {
        place: { platform: 'slack' as const, channelId: `C${i % 50}`, threadId: `${i}.1`, messageId: `${i}.1` },
        text,
        author: { id: `U${i % 300}` },
        postedAt: deps.clock.now(),
        isThreadReply: false,
        origin: 'detected' as const,
      },
    });
    await measure(
      'decision message',
      async () => undefined,
      async (i) => {
        await core.handle({ ...admin, id: `U${i % 300}` }, seen(i, `We decided to move the release of version ${i} to Friday`), surface);
      },
    );
    await measure(
      'chatter message',
      async () => undefined,
      async (i) => {
        await core.handle({ ...admin, id: `U${i % 300}` }, seen(i, `thanks, the build ${i} is green now`), surface);
      },
    );
    return costs;
  } finally {
    await inner.purge('');
    await inner.close();
  }
}

/** A platform that takes every post at once. */
function postingSurface(): Surface {
  let posted = 0;
  const nothing = async () => undefined;
  return {
    privateRepliesAreHidden: true,
    post: async (target) => ({ channelId: target.channelId, messageId: `P${++posted}` }),
    replace: nothing,
    replyPrivately: nothing,
    replyPublicly: nothing,
    replyConfidentially: async () => 'here',
    openForm: nothing,
  };
}

async function main(iterations: number): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'measure-'));
  const stores = [
    ['memory', 'memory://'],
    ['sqlite', `sqlite://${join(directory, 'store.sqlite')}`],
    ...(process.env.REDIS_URL ? [['redis', process.env.REDIS_URL]] : []),
    ...(process.env.DATABASE_URL ? [['postgres', process.env.DATABASE_URL]] : []),
  ] as const;
  try {
    for (const [kind, url] of stores) {
      for (const cost of await measureInteractions(url, iterations)) {
        console.log(
          `${kind.padEnd(8)} ${cost.interaction.padEnd(18)} store calls ${cost.storeCalls.toFixed(1)}  commits ${cost.commits.toFixed(1)}  CPU ${cost.cpuMs.toFixed(2)} ms  wall ${cost.wallMs.toFixed(2)} ms`,
        );
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(Number(process.argv[2] ?? 200));
