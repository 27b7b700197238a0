/**
 * The real core and the real scheduler over a real store, on the process clock (so vitest's fake
 * timers move it), with recording messengers standing in for the platforms. Several "instances"
 * can share one store, as bot processes share Redis or PostgreSQL.
 */
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { DigestScheduler } from '../../../src/adapters/scheduling/digest-scheduler.js';
import { openBackend } from '../../../src/adapters/storage/open-backend.js';
import type { Backend } from '../../../src/adapters/storage/primitives.js';
import { createRepositories } from '../../../src/adapters/storage/repositories/index.js';
import { detectDecision } from '../../../src/core/detection/detect-decision.js';
import type { Role } from '../../../src/core/domain/roles.js';
import type { Actor, Platform } from '../../../src/core/domain/shared.js';
import { type Core, createCore } from '../../../src/core/index.js';
import type { Messengers } from '../../../src/core/ports.js';
import { SequentialIds, expectOk } from '../../support/test-core.js';
import { recordingMessengers } from './recording-messenger.js';

export interface Instance {
  readonly core: Core;
  readonly backend: Backend;
  /** A scheduler for this instance (not started). */
  scheduler(options?: { digestCron?: string; concurrency?: number }): DigestScheduler;
}

let instances = 0;

export async function openInstance(options: {
  storeUrl?: string;
  namespace?: string;
  backend?: Backend;
  messengers: Messengers;
  digestCron?: string;
}): Promise<Instance> {
  const backend = options.backend ?? (await openBackend(options.storeUrl ?? 'memory://', { namespace: options.namespace ?? 'digest' }));
  const core = createCore({
    clock: { now: () => new Date() },
    ids: new SequentialIds(),
    ...createRepositories(backend),
    adminUsers: new Set(),
    defaultTimeZone: 'UTC',
    detect: detectDecision,
    defaultDigestCron: options.digestCron ?? '0 9 * * 1',
    messengers: options.messengers,
  });
  const instanceId = `instance-${++instances}`;
  return {
    core,
    backend,
    scheduler: (schedulerOptions = {}) =>
      new DigestScheduler({
        core,
        logger: createLogger('silent'),
        instanceId,
        digestCron: schedulerOptions.digestCron ?? options.digestCron ?? '0 9 * * 1',
        timeZone: 'UTC',
        unref: true,
        ...(schedulerOptions.concurrency ? { concurrency: schedulerOptions.concurrency } : {}),
      }),
  };
}

export interface World {
  readonly instance: Instance;
  readonly messengers: ReturnType<typeof recordingMessengers>['messengers'];
  readonly workspaceId: string;
  readonly admin: Actor;
  close(): Promise<void>;
}

/**
 * A Slack workspace created now (the fake clock's now), in `timeZone`, with a management channel
 * that gets the digest and one manager, and optionally its own digest time.
 */
export async function digestWorld(options: {
  timeZone: string;
  digest?: string;
  platforms?: Platform[];
  digestCron?: string;
  storeUrl?: string;
  namespace?: string;
}): Promise<World> {
  const { registry, messengers } = recordingMessengers(options.platforms ?? ['slack']);
  const instance = await openInstance({
    messengers: registry,
    ...(options.digestCron ? { digestCron: options.digestCron } : {}),
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
  });
  const workspaceId = 'slack:T0WORLD';
  await instance.core.ensureWorkspace({ id: workspaceId, platform: 'slack', name: 'World' });
  const assign = (userId: string, role: Role) =>
    instance.core.deps.roles.set({ workspaceId, userId, role, assignedBy: 'test', assignedAt: new Date().toISOString() });
  await assign('U0ADMIN', 'admin');
  await assign('U0MGR', 'manager');
  const admin: Actor = { id: 'U0ADMIN', workspaceId };
  expectOk(
    await instance.core.changeSettings(admin, { timezone: options.timeZone, ...(options.digest ? { digest: options.digest } : {}) }),
  );
  expectOk(await instance.core.runCommand(admin, '/customer-focus digest here', { place: { platform: 'slack', channelId: 'C0MGMT' } }));
  return { instance, messengers, workspaceId, admin, close: () => instance.backend.close() };
}
