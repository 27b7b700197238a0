/** Domain records as Teams tests need them, built once; override what a test is about. */
import type { DecisionCheck } from '../../../src/core/domain/decision-check.js';

/** Invisible, but present: what the card renderer puts after `<` so it never starts a tag. */
export const WJ = '\u2060';

export function teamsCheck(overrides: Partial<DecisionCheck> = {}): DecisionCheck {
  return {
    workspaceId: 'teams:t1',
    id: 'c1',
    text: 'We drop the free tier',
    place: { platform: 'teams', channelId: '19:abc@thread.tacv2' },
    origin: 'detected',
    startedBy: { id: '29:u1', name: 'Ann' },
    startedAt: '2026-11-24T09:00:00.000Z',
    status: 'awaiting',
    version: 1,
    ...overrides,
  };
}
