/**
 * The weekly digest carries the latest seal: the real scheduler (fake timers) seals the log
 * before the digest is built, and the seal the digest shows in chat is the one the log verifies
 * against, covering everything written before the digest.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAuditJobs } from '../../src/adapters/audit/audit-jobs.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import type { DigestScheduler } from '../../src/adapters/scheduling/digest-scheduler.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { expectOk } from '../support/test-core.js';
import { type World, digestWorld } from '../digest/support/world.js';

const HOUR = 3_600_000;

describe('the digest shows the latest seal', () => {
  let world: World | undefined;
  let scheduler: DigestScheduler | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(async () => {
    await scheduler?.stop();
    vi.useRealTimers();
    await world?.close();
  });

  it('and that seal matches the log, covering every entry written before the digest', async () => {
    vi.setSystemTime(new Date('2026-03-29T20:00:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    const { core } = world.instance;
    for (const statement of ['Invoices in NOK', 'Deliveries within 5 days']) {
      expectOk(await core.addRequirement(world.admin, { statement, customer: 'Acme AS' }));
    }
    scheduler = world.instance.scheduler();
    registerAuditJobs(scheduler, core.evidenceJobs, createLogger('silent'));
    scheduler.start();
    await vi.advanceTimersByTimeAsync(6 * HOUR);
    // Written after the last hourly seal, just before the digest: the before-digest seal covers it.
    vi.setSystemTime(new Date('2026-03-30T07:59:30Z'));
    expectOk(await core.addRequirement(world.admin, { statement: 'Support in Norwegian', customer: 'Acme AS' }));
    await vi.advanceTimersByTimeAsync(2 * HOUR);

    const [digest] = world.messengers.slack?.to('conversation:C0MGMT') ?? [];
    if (!digest) throw new Error('no digest was sent');
    const shown = /Evidence log sealed up to entry (\d+): seal #(\d+) `([0-9a-f]{12})`/.exec(JSON.stringify(digest.message.blocks));
    if (!shown) throw new Error(`the digest shows no seal: ${JSON.stringify(digest.message)}`);

    const entries = await core.deps.evidence.listBySeq(world.workspaceId, 1, 1000);
    const sent = entries.find((entry) => entry.type === 'digest.sent');
    const beforeDigest = entries.filter((entry) => entry.seq < (sent?.seq ?? 0));
    const report = await verifyLog(core.deps, world.workspaceId, { full: true });
    expect(report.failure).toBeUndefined();
    const seal = (await core.deps.seals.list(world.workspaceId, Number(shown[2]), Number(shown[2])))[0];
    expect(seal?.hash.slice(0, 12)).toBe(shown[3]);
    expect(seal?.toSeq).toBe(Number(shown[1]));
    expect(seal?.toSeq).toBe(beforeDigest.at(-1)?.seq);
    expect((sent?.data.figures as { sealNumber?: number } | undefined)?.sealNumber).toBe(seal?.number);
  });
});
