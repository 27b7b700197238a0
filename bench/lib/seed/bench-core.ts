/** The bot's core over an opened store, on a clock the benchmark sets (no platform, nothing sent). */
import { randomUUID } from 'node:crypto';
import type { Backend } from '../../../src/adapters/storage/primitives.js';
import { createRepositories } from '../../../src/adapters/storage/repositories/index.js';
import { MessengerRegistry } from '../../../src/app/messenger-registry.js';
import { detectDecision } from '../../../src/core/detection/detect-decision.js';
import { type Core, createCore } from '../../../src/core/index.js';
import { TIME_ZONE } from './plan.js';

export interface BenchCore {
  readonly core: Core;
  /** Moves the core's clock. */
  setNow(ms: number): void;
}

export function benchCore(backend: Backend, startMs: number): BenchCore {
  let now = startMs;
  const core = createCore({
    clock: { now: () => new Date(now) },
    ids: { newId: () => randomUUID() },
    ...createRepositories(backend),
    adminUsers: new Set(),
    defaultTimeZone: TIME_ZONE,
    detect: detectDecision,
    defaultDigestCron: '0 9 * * 1',
    messengers: new MessengerRegistry(),
  });
  return { core, setNow: (ms) => void (now = ms) };
}
