/**
 * Store round trips and CPU per interaction, on each store: `/requirement add`, a Positive click
 * and an answer form with a follow-up action, each run in a loop through the real core over a
 * counting wrapper around the real backend. A measurement, not a test:
 *
 *   REDIS_URL=… DATABASE_URL=… npx tsx test/support/measure-interactions.ts [iterations]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { MessengerRegistry } from '../../src/app/messenger-registry.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import { createCore } from '../../src/core/index.js';
import type { CoreDeps } from '../../src/core/ports.js';
import { countingBackend } from './counting-backend.js';
import { SequentialIds, TestClock } from './test-core.js';

const iterations = Number(process.argv[2] ?? 200);
const directory = mkdtempSync(join(tmpdir(), 'measure-'));
const stores = [
  ['memory', 'memory://'],
  ['sqlite', `sqlite://${join(directory, 'store.sqlite')}`],
  ...(process.env.REDIS_URL ? [['redis', process.env.REDIS_URL]] : []),
  ...(process.env.DATABASE_URL ? [['postgres', process.env.DATABASE_URL]] : []),
] as const;

for (const [kind, url] of stores) {
  const namespace = `m${Math.random().toString(36).slice(2, 10)}`;
  const inner = await openBackend(url, { namespace });
  const { backend, counts, reset } = countingBackend(inner);
  const clock = new TestClock();
  const deps: CoreDeps = {
    clock,
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

  async function measure(
    label: string,
    prepare: (i: number) => Promise<unknown>,
    interaction: (i: number, prepared: unknown) => Promise<void>,
  ) {
    const prepared: unknown[] = [];
    for (let i = 0; i < iterations; i++) prepared.push(await prepare(i));
    reset();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await interaction(i, prepared[i]);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const perOp = (n: number) => (n / iterations).toFixed(1);
    console.log(
      `${kind.padEnd(8)} ${label.padEnd(18)} store calls ${perOp(counts.calls)}  commits ${perOp(counts.commits)}  CPU ${((used.user + used.system) / 1000 / iterations).toFixed(2)} ms  wall ${(wall / iterations).toFixed(2)} ms`,
    );
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
  await inner.purge('');
  await inner.close();
}
rmSync(directory, { recursive: true, force: true });
