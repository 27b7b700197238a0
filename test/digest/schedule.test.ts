/**
 * The scheduler on fake timers: the real node-cron ticker (every minute, distributed over the
 * store's claims), the real core and a memory store, with time moved by vitest. Digests go out at
 * 09:00 local across daylight-saving changes, once a week, never moved or doubled; a digest missed
 * while the bot was down goes out once at start-up; hourly and before-digest hooks run once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DigestScheduler } from '../../src/adapters/scheduling/digest-scheduler.js';
import { expectOk } from '../support/test-core.js';
import { type Instance, type World, digestWorld, openInstance } from './support/world.js';

const HOUR = 3_600_000;

let world: World | undefined;
const schedulers: DigestScheduler[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  vi.useRealTimers();
  await world?.close();
  world = undefined;
});

/** Moves the fake clock forward in steps, letting every tick and its async work finish. */
async function advance(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 6 * HOUR) await vi.advanceTimersByTimeAsync(Math.min(left, 6 * HOUR));
}

/** Advances the fake clock to `iso`, tick by tick. */
const advanceTo = (iso: string) => advance(Date.parse(iso) - Date.now());

/**
 * Stops every running scheduler, moves the clock to `iso` without ticking, and starts one
 * scheduler per instance there: the way the tests below skip the hours in which nothing can fall
 * due (the start-up catch-up would send anything owed at `iso`, at the wrong time, so nothing owed
 * is hidden by the jump).
 */
async function restartAt(iso: string, instances: readonly Instance[]): Promise<DigestScheduler[]> {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  vi.setSystemTime(new Date(iso));
  const started = instances.map((instance) => instance.scheduler());
  schedulers.push(...started);
  for (const scheduler of started) scheduler.start();
  return started;
}

/**
 * Runs the scheduler from `start`, ticking minute by minute through each window only. Between
 * windows the bot is stopped and started again when the next window opens, so the start-up
 * catch-up would send anything that fell due in between, at the window's first minute: a digest
 * due at the wrong time is not lost, it shows up at a wrong time and fails the test. Ticking only
 * where digests are due keeps each test to under two thousand ticks; ten whole days were 14,400,
 * which a loaded machine could not finish within the test's time.
 */
async function runFrom(start: string, options: Parameters<typeof digestWorld>[0], windows: readonly (readonly [string, string])[]) {
  vi.setSystemTime(new Date(start));
  world = await digestWorld(options);
  await restartAt(start, [world.instance]);
  for (const [from, to] of windows) {
    if (Date.now() < Date.parse(from)) await restartAt(from, [world.instance]);
    await advanceTo(to);
  }
  const sent = world.messengers.slack?.sent ?? [];
  return {
    channel: sent.filter((item) => item.to === 'conversation:C0MGMT').map((item) => new Date(item.at).toISOString()),
    manager: sent.filter((item) => item.to === 'person:U0MGR').map((item) => new Date(item.at).toISOString()),
  };
}

/** Mondays from 00:00 to 15:00 UTC: 09:00 local in London, New York and Kolkata falls in them. */
const mondays = (...days: string[]) => days.map((day) => [`${day}T00:00:00Z`, `${day}T15:00:00Z`] as const);

describe('09:00 local, every week, across daylight-saving changes', () => {
  it('Europe/London across the March change: 09:00 UTC, then 08:00 UTC', async () => {
    const { channel, manager } = await runFrom(
      '2026-03-21T12:00:00Z',
      { timeZone: 'Europe/London', digest: 'mon 09:00' },
      mondays('2026-03-23', '2026-03-30'),
    );
    expect(channel).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    expect(manager).toEqual(channel);
  });

  it('Europe/London across the October change: 08:00 UTC, then 09:00 UTC', async () => {
    const { channel } = await runFrom(
      '2026-10-17T12:00:00Z',
      { timeZone: 'Europe/London', digest: 'mon 09:00' },
      mondays('2026-10-19', '2026-10-26'),
    );
    expect(channel).toEqual(['2026-10-19T08:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('America/New_York across the March change, on the default schedule (DIGEST_CRON)', async () => {
    const { channel } = await runFrom(
      '2026-02-28T12:00:00Z',
      { timeZone: 'America/New_York', digestCron: '0 9 * * 1' },
      mondays('2026-03-02', '2026-03-09'),
    );
    expect(channel).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('America/New_York across the November change', async () => {
    const { channel } = await runFrom(
      '2026-10-24T12:00:00Z',
      { timeZone: 'America/New_York', digest: 'mon 09:00' },
      mondays('2026-10-26', '2026-11-02'),
    );
    expect(channel).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('Asia/Kolkata, half an hour off UTC: 03:30 UTC', async () => {
    const { channel } = await runFrom(
      '2026-03-21T12:00:00Z',
      { timeZone: 'Asia/Kolkata', digest: 'mon 09:00' },
      mondays('2026-03-23', '2026-03-30'),
    );
    expect(channel).toEqual(['2026-03-23T03:30:00.000Z', '2026-03-30T03:30:00.000Z']);
  });

  it('a time inside the spring gap goes out once, an hour on; a doubled autumn time once, at its first occurrence', async () => {
    // DIGEST_CRON Sundays 01:30: on 29 March that time does not exist in London, on 25 October it exists twice.
    const spring = await runFrom('2026-03-27T12:00:00Z', { timeZone: 'Europe/London', digestCron: '30 1 * * 0' }, [
      ['2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'],
    ]);
    expect(spring.channel).toEqual(['2026-03-29T01:30:00.000Z']);
    await schedulers.pop()?.stop();
    await world?.close();
    const autumn = await runFrom('2026-10-23T12:00:00Z', { timeZone: 'Europe/London', digestCron: '30 1 * * 0' }, [
      ['2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'],
    ]);
    expect(autumn.channel).toEqual(['2026-10-25T00:30:00.000Z']);
  });
});

describe('once a week, whatever happens', () => {
  it('a digest that fell due while the bot was down goes out once at start-up, then on schedule', async () => {
    vi.setSystemTime(new Date('2026-03-20T12:00:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    // The bot is down from Friday to Wednesday: Monday's digest is missed.
    vi.setSystemTime(new Date('2026-03-25T10:15:00Z'));
    const scheduler = world.instance.scheduler();
    schedulers.push(scheduler);
    scheduler.start();
    await advanceTo('2026-03-25T12:00:00Z');
    await restartAt('2026-03-30T00:00:00Z', [world.instance]);
    await advanceTo('2026-03-30T15:00:00Z');
    const channel = world.messengers.slack?.to('conversation:C0MGMT').map((item) => new Date(item.at).toISOString());
    expect(channel).toEqual(['2026-03-25T10:15:00.000Z', '2026-03-30T08:00:00.000Z']);
    const sent = await world.instance.core.deps.evidence.listBetween(world.workspaceId, {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
    expect(sent.filter((entry) => entry.type === 'digest.sent').map((entry) => [entry.subject.id, entry.data.kind])).toEqual([
      ['2026-W13', 'catch-up'],
      ['2026-W14', 'scheduled'],
    ]);
  });

  it('three instances ticking together, and restarting mid-week, send one digest per recipient', async () => {
    vi.setSystemTime(new Date('2026-03-28T12:00:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    const shared = world;
    const others = await Promise.all(
      [1, 2].map(() => openInstance({ backend: shared.instance.backend, messengers: shared.instance.core.deps.messengers })),
    );
    const all = [shared.instance, ...others].map((instance) => instance.scheduler());
    schedulers.push(...all);
    for (const scheduler of all) scheduler.start();
    await advanceTo('2026-03-28T13:00:00Z');
    const monday = await restartAt('2026-03-30T06:00:00Z', [shared.instance, ...others]);
    await advanceTo('2026-03-30T12:00:00Z');
    // Two instances stop and come back on Monday afternoon: their start-up ticks find nothing owed.
    for (const scheduler of monday.slice(1)) await scheduler.stop();
    const restarted = others.map((instance) => instance.scheduler());
    schedulers.push(...restarted);
    for (const scheduler of restarted) scheduler.start();
    await advanceTo('2026-03-30T15:00:00Z');
    // All three again on Wednesday: still nothing owed.
    await restartAt('2026-04-01T12:00:00Z', [shared.instance, ...others]);
    await advanceTo('2026-04-01T13:00:00Z');
    expect(world.messengers.slack?.to('conversation:C0MGMT').map((item) => new Date(item.at).toISOString())).toEqual([
      '2026-03-30T08:00:00.000Z',
    ]);
    expect(world.messengers.slack?.to('person:U0MGR')).toHaveLength(1);
  });

  it('a workspace whose platform answers slowly holds up no other workspace', async () => {
    vi.setSystemTime(new Date('2026-03-28T12:00:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    const core = world.instance.core;
    await core.ensureWorkspace({ id: 'slack:T0OTHER', platform: 'slack', name: 'Other' });
    await core.deps.roles.set({
      workspaceId: 'slack:T0OTHER',
      userId: 'U0OTHER',
      role: 'manager',
      assignedBy: 'test',
      assignedAt: new Date().toISOString(),
    });
    expectOk(
      await core.changeSettings(
        { id: 'U0ADMIN', workspaceId: 'slack:T0OTHER', platformAdmin: true },
        { timezone: 'Europe/London', digest: 'mon 09:00' },
      ),
    );
    // Every post in the first workspace takes ten minutes (its rate limit, say).
    world.messengers.slack?.slowFor(world.workspaceId, 10 * 60_000);
    await restartAt('2026-03-30T06:00:00Z', [world.instance]);
    await advanceTo('2026-03-30T12:00:00Z');
    const sent = (to: string) => world?.messengers.slack?.to(to).map((item) => new Date(item.at).toISOString());
    expect(sent('person:U0OTHER')).toEqual(['2026-03-30T08:00:00.000Z']);
    expect(sent('conversation:C0MGMT')).toEqual(['2026-03-30T08:10:00.000Z']);
    expect(sent('person:U0MGR')).toEqual(['2026-03-30T08:20:00.000Z']);
  });

  it('a manual send does not use up the scheduled digest', async () => {
    vi.setSystemTime(new Date('2026-03-28T12:00:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    await restartAt('2026-03-30T05:00:00Z', [world.instance]);
    await advanceTo('2026-03-30T07:00:00Z');
    const manual = await world.instance.core.sendDigestNow(world.admin);
    expect(manual.ok).toBe(true);
    await advance(3 * HOUR);
    expect(world.messengers.slack?.to('conversation:C0MGMT').map((item) => new Date(item.at).toISOString())).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });
});

describe('hooks under the distributed tick', () => {
  it('hourly jobs run once an hour across instances; the before-digest hook once, before the digest is built', async () => {
    vi.setSystemTime(new Date('2026-03-30T05:30:00Z'));
    world = await digestWorld({ timeZone: 'Europe/London', digest: 'mon 09:00' });
    const second = await openInstance({ backend: world.instance.backend, messengers: world.instance.core.deps.messengers });
    const hours: string[] = [];
    const before: string[] = [];
    const schedulersHere = [world.instance.scheduler(), second.scheduler()];
    for (const scheduler of schedulersHere) {
      scheduler.addHourlyJob('count', async ({ hour }) => void hours.push(hour));
      scheduler.addBeforeDigestHook('seal', async (workspaceId, digestId) => {
        // The digest is not built yet: nothing has been sent.
        before.push(`${workspaceId} ${digestId} ${world?.messengers.slack?.sent.length ?? -1}`);
      });
      schedulers.push(scheduler);
      scheduler.start();
    }
    await advance(4 * HOUR);
    expect(hours).toEqual(['2026-03-30T05', '2026-03-30T06', '2026-03-30T07', '2026-03-30T08', '2026-03-30T09']);
    expect(before).toEqual(['slack:T0WORLD 2026-W14 0']);
  });
});
