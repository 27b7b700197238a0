/**
 * Builds the real core over a real backend (memory by default) with a clock and ids the test
 * controls. No module of ours is replaced.
 */
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import type { Backend } from '../../src/adapters/storage/primitives.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import type { Role } from '../../src/core/domain/roles.js';
import type { Actor } from '../../src/core/domain/shared.js';
import { type Core, createCore } from '../../src/core/index.js';
import type { Clock, CoreDeps, IdGenerator, Messengers } from '../../src/core/ports.js';
import { MessengerRegistry } from '../../src/app/messenger-registry.js';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-24T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export class SequentialIds implements IdGenerator {
  private next = 0;
  newId(): string {
    this.next += 1;
    return `id${this.next}`;
  }
}

export interface TestCore {
  core: Core;
  deps: CoreDeps;
  clock: TestClock;
  backend: Backend;
  workspaceId: string;
  /** A person with the given role in the test workspace (the role is stored like an admin would). */
  actor(role: Role, id?: string): Promise<Actor>;
  close(): Promise<void>;
}

export async function createTestCore(
  options: { storeUrl?: string; namespace?: string; workspaceId?: string; timeZone?: string; messengers?: Messengers } = {},
): Promise<TestCore> {
  const backend = await openBackend(options.storeUrl ?? 'memory://', {
    namespace: options.namespace ?? `t${Math.random().toString(36).slice(2, 10)}`,
  });
  const clock = new TestClock();
  const deps: CoreDeps = {
    clock,
    ids: new SequentialIds(),
    ...createRepositories(backend),
    adminUsers: new Set(['U_CONFIG_ADMIN']),
    defaultTimeZone: options.timeZone ?? 'Europe/Oslo',
    detect: detectDecision,
    defaultDigestCron: '0 9 * * 1',
    messengers: options.messengers ?? new MessengerRegistry(),
  };
  const core = createCore(deps);
  const workspaceId = options.workspaceId ?? 'slack:T1';
  await core.ensureWorkspace({ id: workspaceId, platform: 'slack', name: 'Test workspace' });
  return {
    core,
    deps,
    clock,
    backend,
    workspaceId,
    async actor(role, id = `U_${role.toUpperCase()}`) {
      await deps.roles.set({ workspaceId, userId: id, role, assignedBy: 'test', assignedAt: clock.now().toISOString() });
      return { id, name: `${role} person`, workspaceId };
    },
    close: () => backend.close(),
  };
}

/** Unwraps a Result, failing the test with the domain message when it is an error. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}
