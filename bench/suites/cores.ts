/**
 * Every core used (issue 17): write throughput of the bot (as `npm start` runs it, Slack pointed at
 * a local fake Web API) with WORKERS=1 against WORKERS=2, on SQLite, Redis (a private
 * redis-server: the bot has no namespace setting, so a shared REDIS_URL is not used) and
 * PostgreSQL (a database of its own on DATABASE_URL's server). Each run gets a fresh store.
 *
 * The load is closed-loop signed `/requirement add` commands, as many as the bot acknowledges, for
 * a few seconds after a warm-up. The bot acknowledges before it writes, so throughput counts
 * requirements recorded, not acks: the requirements stored by the measured load, divided by the
 * time from its first request until the bot's last reply (the write comes before the reply). After
 * each run the bot is stopped and the store read: the requirements stored must equal the commands
 * acknowledged.
 */
import { cpus } from 'node:os';
import { type CliBot, type Helper, startCliBot, startHelper } from '../lib/children.js';
import { cpuSeconds, machineCpu, quietServer } from '../lib/cpu.js';
import { treeCpuSeconds } from '../lib/process-tree.js';
import { type SuiteResult, type Table, type TargetCheck, verdict } from '../lib/results.js';
import { createScratchStore, redisServerInstalled, type StoreKind, storeUnavailable } from '../lib/seed/scratch-stores.js';
import { ratio, round } from '../lib/stats.js';
import { runClosedLoop } from '../load/closed-loop.js';
import { SlackRequestFactory } from '../load/slack-requests.js';
import type { FakeSlackReady } from '../processes/fake-slack.js';
import { withStore } from '../../test/reliability/support/read-store.js';
import { caughtUp } from './slack-ack.js';
import type { Suite, SuiteContext } from './suite.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-bench-token';
const TEAM = 'T0TEAM1';
const WORKSPACE = `slack:${TEAM}`;
const CONNECTIONS = 64;
const MIN_SPEED_UP = 1.8;

const STORES: readonly { kind: StoreKind; label: string }[] = [
  { kind: 'sqlite', label: 'SQLite' },
  { kind: 'redis', label: 'Redis' },
  { kind: 'postgres', label: 'PostgreSQL' },
];

interface Run {
  readonly store: string;
  readonly workers: number;
  readonly acked: number;
  readonly errors: number;
  readonly loadSeconds: number;
  /** Seconds after the last ack until the bot's last reply (null: still busy after 120 s). */
  readonly drainSeconds: number | null;
  readonly warmUpAcked: number;
  /** Requirements in the store after the bot stopped: warm-up and measured load. */
  readonly stored: number;
  readonly perSecond: number;
  /** Where the machine's CPU went while the measured load ran, in cores (NaN without /proc). */
  readonly coresDuringLoad: CoresUsed;
  /** CPU of the bot's processes per requirement the measured load stored, in ms, its work after the acks included. */
  readonly botCpuMsPerWrite: number;
}

interface CoresUsed {
  readonly bot: number;
  readonly generator: number;
  readonly fakeSlack: number;
  /** The store's server and anything else running on the machine. */
  readonly rest: number;
  readonly machine: number;
}

/** CPU seconds so far of each party to a run, and of the machine, read together. */
function cpuReading(botPid: number, fakePid: number) {
  const self = process.cpuUsage();
  return {
    at: performance.now() / 1000,
    bot: treeCpuSeconds(botPid) ?? Number.NaN,
    generator: (self.user + self.system) / 1e6,
    fakeSlack: cpuSeconds(fakePid) ?? Number.NaN,
    machine: machineCpu(),
  };
}

function coresBetween(before: ReturnType<typeof cpuReading>, after: ReturnType<typeof cpuReading>): CoresUsed {
  const wall = after.at - before.at;
  const cores = (seconds: number) => ratio(seconds, wall);
  const { machine: from } = before;
  const { machine: to } = after;
  // The machine's busy share of its total, times its cores: robust to the reading's own delay.
  const machine = from && to ? ratio(to.busy - from.busy, to.total - from.total) * cpus().length : Number.NaN;
  const bot = cores(after.bot - before.bot);
  const generator = cores(after.generator - before.generator);
  const fakeSlack = cores(after.fakeSlack - before.fakeSlack);
  return { bot, generator, fakeSlack, rest: Math.max(0, machine - bot - generator - fakeSlack), machine };
}

export const cores: Suite = {
  id: 'cores',
  title: 'Write throughput, WORKERS=1 vs WORKERS=2',
  needsBuild: true,
  unavailable: () => undefined,
  async run(context: SuiteContext): Promise<SuiteResult> {
    const seconds = context.quick ? 3 : 10;
    const warmUpSeconds = context.quick ? 1 : 3;
    const { helper: fake, ready: slack } = await startHelper<FakeSlackReady>('bench/processes/fake-slack.ts', {
      BENCH_SLACK_TOKEN: TOKEN,
      BENCH_SLACK_TEAM: TEAM,
    });
    const runs: Run[] = [];
    const skipped: string[] = [];
    try {
      const factory = new SlackRequestFactory(slack.origin, TEAM);
      for (const { kind, label } of STORES) {
        const missing = kind === 'redis' && !redisServerInstalled() ? 'redis-server is not installed' : storeUnavailable(kind);
        if (missing) {
          skipped.push(`${label} not measured: ${missing}.`);
          continue;
        }
        for (const workers of [1, 2]) {
          context.log(`cores: ${label}, WORKERS=${workers}, ${seconds} s of closed-loop /requirement add`);
          runs.push(await measure(label, kind, workers, { fake, slackUrl: slack.url, factory, seconds, warmUpSeconds }));
          const run = runs[runs.length - 1] as Run;
          context.log(`cores: ${run.acked} acked, ${run.stored - run.warmUpAcked} stored, ${round(run.perSecond, 0)} recorded/s`);
        }
      }
    } finally {
      await fake.stop();
    }
    return report(runs, skipped, seconds);
  },
};

interface Setup {
  readonly fake: Helper;
  readonly slackUrl: string;
  readonly factory: SlackRequestFactory;
  readonly seconds: number;
  readonly warmUpSeconds: number;
}

async function measure(label: string, kind: StoreKind, workers: number, setup: Setup): Promise<Run> {
  const store = await createScratchStore(kind);
  try {
    let bot: CliBot | undefined = await startCliBot({
      STORE_URL: store.url,
      LOG_LEVEL: 'info',
      WORKERS: String(workers),
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: setup.slackUrl,
    });
    try {
      const load = (seconds: number) =>
        runClosedLoop({
          url: bot?.baseUrl ?? '',
          path: '/slack/events',
          connections: CONNECTIONS,
          seconds,
          signingSecret: SECRET,
          next: () => setup.factory.next('command'),
        });
      const warmUp = await load(setup.warmUpSeconds);
      await caughtUp(setup.fake, 120_000);
      const pid = bot.pid;
      await quietServer(() => treeCpuSeconds(pid), 60_000);
      await setup.fake.ask('clear');
      const beforeLoad = cpuReading(pid, setup.fake.pid);
      const measured = await load(setup.seconds);
      const coresDuringLoad = coresBetween(beforeLoad, cpuReading(pid, setup.fake.pid));
      // caughtUp counts from the end of the load; the last reply came `after` seconds later.
      const after = await caughtUp(setup.fake, 120_000);
      // Stopped only once idle, so every write behind an ack has had its chance.
      await quietServer(() => treeCpuSeconds(pid), 60_000);
      const botCpuSeconds = (treeCpuSeconds(pid) ?? Number.NaN) - beforeLoad.bot;
      await bot.stop();
      bot = undefined;
      const stored = await withStore(store.url, async ({ core }) => (await core.deps.requirements.list(WORKSPACE)).length);
      const storedByLoad = stored - warmUp.acked;
      const elapsed = measured.seconds + (after ?? Number.NaN);
      return {
        store: label,
        workers,
        acked: measured.acked,
        errors: measured.errors + measured.non2xx + warmUp.errors + warmUp.non2xx,
        loadSeconds: round(measured.seconds, 2),
        drainSeconds: after,
        warmUpAcked: warmUp.acked,
        stored,
        perSecond: ratio(storedByLoad, elapsed),
        coresDuringLoad,
        botCpuMsPerWrite: ratio(botCpuSeconds * 1000, storedByLoad),
      };
    } finally {
      await bot?.stop();
    }
  } finally {
    await store.dispose();
  }
}

function report(runs: readonly Run[], skipped: readonly string[], seconds: number): SuiteResult {
  const stores = [...new Set(runs.map((run) => run.store))];
  const find = (store: string, workers: number) => runs.find((run) => run.store === store && run.workers === workers);
  const throughput: Table = {
    title: `Write throughput, WORKERS=1 vs WORKERS=2 (closed-loop \`/requirement add\`, ${CONNECTIONS} connections, ${seconds} s)`,
    columns: [
      'store',
      'WORKERS',
      'acked',
      'load (s)',
      'last reply after the load (s)',
      'stored / acked (warm-up included)',
      'errors',
      'recorded per second',
    ],
    rows: runs.map((run) => [
      run.store,
      run.workers,
      run.acked,
      run.loadSeconds,
      run.drainSeconds ?? 'not within 120 s',
      `${run.stored} / ${run.acked + run.warmUpAcked}${run.stored === run.acked + run.warmUpAcked ? '' : ' (MISMATCH)'}`,
      run.errors,
      round(run.perSecond, 0),
    ]),
    notes: [
      "Recorded per second: requirements the measured load stored (stored after the bot stopped, less the warm-up's) over the time from its first request to the bot's last reply; the bot acknowledges before it writes, so acks alone would overstate it.",
      `The load generator (this process, ${CONNECTIONS} closed-loop HTTP connections, each request signed) shares the machine's cores with the bot, and so do the store servers (redis-server, PostgreSQL): two workers cannot have two whole cores to themselves here.`,
      ...skipped,
    ],
  };
  const coreCount = cpus().length;
  const usage: Table = {
    title: `Where the machine's ${coreCount} cores went during the measured load (cores busy), and the bot's CPU per write`,
    columns: ['store', 'WORKERS', 'bot', 'load generator', 'fake Slack', 'store server and the rest', 'machine', 'bot CPU ms per write'],
    rows: runs.map(({ store, workers, coresDuringLoad: used, botCpuMsPerWrite }) => [
      store,
      workers,
      round(used.bot, 2),
      round(used.generator, 2),
      round(used.fakeSlack, 2),
      round(used.rest, 2),
      round(used.machine, 2),
      round(botCpuMsPerWrite, 2),
    ]),
    notes: [
      'Cores busy: CPU seconds over wall seconds of the measured load, each party from /proc (the bot summed over its processes); the machine from /proc/stat, the rest being what it ran beyond the three parties named.',
      `A second worker can only add throughput with idle CPU to run on: when the machine is near ${coreCount} busy cores with one worker, two share the same CPU. The bot's CPU per write with two workers against one shows what the second process costs in itself: each process sees half the rate (our CPU per request rises as the rate falls), and the two share one store.`,
    ],
  };
  const targets: TargetCheck[] = stores.map((store) => {
    const one = find(store, 1);
    const two = find(store, 2);
    const speedUp = ratio(two?.perSecond ?? Number.NaN, one?.perSecond ?? Number.NaN);
    const consistent = [one, two].every((run) => run && run.stored === run.acked + run.warmUpAcked && run.errors === 0);
    return {
      target: `Cores: writes with 2 workers ≥ ${MIN_SPEED_UP}× 1 worker, ${store}`,
      met: Number.isFinite(speedUp) ? speedUp >= MIN_SPEED_UP && consistent : false,
      measured: `${round(speedUp, 2)}× (${round(two?.perSecond ?? Number.NaN, 0)} / ${round(one?.perSecond ?? Number.NaN, 0)} per s)${consistent ? '' : '; stored ≠ acked or errors'}`,
    };
  });
  const speedUps: Table = {
    title: 'Throughput with 2 workers against 1',
    columns: ['store', 'ratio', `≥ ${MIN_SPEED_UP}×`],
    rows: targets.map((check, i) => [stores[i] ?? '', check.measured, verdict(check.met)]),
  };
  return { suite: cores.id, title: cores.title, status: 'measured', tables: [throughput, usage, speedUps], data: { runs }, targets };
}
